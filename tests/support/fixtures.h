// Helpers to build small articles and indexes in tests.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "faqsearch/index_writer.h"
#include "faqsearch/ingest.h"
#include "faqsearch/searcher.h"

namespace faqsearch::testing {

inline Article make_article(std::string id, std::string title, std::string body, std::string lang = "en",
                            std::string category = "general") {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.body = std::move(body);
  a.lang = std::move(lang);
  a.category = std::move(category);
  return a;
}

// Indexes `articles` into a new index at `path` and commits; fails the test on error.
inline void build_index(const std::string& path, const std::vector<Article>& articles) {
  auto writer = IndexWriter::open(path);
  REQUIRE_MESSAGE(writer.has_value(), (writer ? "" : writer.error().to_string()));
  for (const auto& a : articles) {
    auto r = writer->upsert(a);
    REQUIRE_MESSAGE(r.has_value(), (r ? "" : r.error().to_string()));
  }
  auto s = writer->commit();
  REQUIRE_MESSAGE(s.ok(), s.to_string());
}

// Indexes `articles` at `path` (as build_index does) and opens a Searcher on
// the index; fails the test on error.
inline Result<Searcher> indexed_searcher(const std::string& path, const std::vector<Article>& articles) {
  build_index(path, articles);
  auto searcher = Searcher::open(path);
  REQUIRE_MESSAGE(searcher.has_value(), (searcher ? "" : searcher.error().to_string()));
  return searcher;
}

// Writes a Xapian stub database file at `path` that opens `shards` (index
// directories) as one database, in that order; returns `path`.
inline std::string write_stub(const std::string& path, const std::vector<std::string>& shards) {
  std::ofstream stub(path);
  for (const std::string& shard : shards) stub << "auto " << shard << "\n";
  REQUIRE_MESSAGE(stub.good(), "cannot write " << path);
  return path;
}

}  // namespace faqsearch::testing

#include "faqsearch/index_writer.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "faqsearch/searcher.h"
#include "support/fixtures.h"
#include "support/temp_dir.h"

using namespace faqsearch;
using faqsearch::testing::build_index;
using faqsearch::testing::make_article;
using faqsearch::testing::TempDir;

namespace {
std::vector<std::string> ids_for(const std::string& path, const std::string& query) {
  auto searcher = Searcher::open(path);
  REQUIRE(searcher.has_value());
  SearchRequest request;
  request.query = query;
  auto results = searcher->search(request);
  REQUIRE(results.has_value());
  std::vector<std::string> ids;
  for (const auto& h : results->hits) ids.push_back(h.id);
  return ids;
}
}  // namespace

TEST_CASE("upsert adds new articles and replaces ones with the same id") {
  TempDir dir;
  std::string db = dir / "db";
  auto writer = IndexWriter::open(db);
  REQUIRE(writer.has_value());
  CHECK(writer->upsert(make_article("a", "Old title about deposits", "x")).value() == UpsertOutcome::added);
  CHECK(writer->upsert(make_article("b", "Other", "y")).value() == UpsertOutcome::added);
  REQUIRE(writer->commit().ok());
  CHECK(writer->upsert(make_article("a", "New title about withdrawals", "x")).value() == UpsertOutcome::updated);
  REQUIRE(writer->commit().ok());
  CHECK(writer->article_count().value() == 2);
  CHECK(ids_for(db, "deposits").empty());
  CHECK(ids_for(db, "withdrawals") == std::vector<std::string>{"a"});
}

TEST_CASE("remove deletes by id and reports whether the id existed") {
  TempDir dir;
  std::string db = dir / "db";
  build_index(db, {make_article("a", "wallet backup", ""), make_article("b", "wallet restore", "")});
  auto writer = IndexWriter::open(db);
  REQUIRE(writer.has_value());
  CHECK(writer->remove("a").value() == true);
  CHECK(writer->remove("zzz").value() == false);
  REQUIRE(writer->commit().ok());
  CHECK(ids_for(db, "wallet") == std::vector<std::string>{"b"});
}

TEST_CASE("changes not committed are discarded when the writer goes away") {
  TempDir dir;
  std::string db = dir / "db";
  build_index(db, {make_article("a", "wallet backup", "")});
  {
    auto writer = IndexWriter::open(db);
    REQUIRE(writer.has_value());
    REQUIRE(writer->upsert(make_article("b", "wallet restore", "")).has_value());
    REQUIRE(writer->remove("a").value());
  }
  CHECK(ids_for(db, "wallet") == std::vector<std::string>{"a"});
}

TEST_CASE("an invalid article is rejected by name and nothing changes") {
  TempDir dir;
  auto writer = IndexWriter::open(dir / "db");
  REQUIRE(writer.has_value());
  Article bad = make_article("", "t", "b");
  auto r = writer->upsert(bad);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message().find("field \"id\"") != std::string::npos);
  Article negative = make_article("n", "t", "b");
  negative.views = -1;
  CHECK_FALSE(writer->upsert(negative).has_value());
  Article bad_utf8 = make_article("u", "bad \xff", "b");
  CHECK_FALSE(writer->upsert(bad_utf8).has_value());
  CHECK(writer->article_count().value() == 0);
}

TEST_CASE("a second writer on the same index is refused as busy") {
  TempDir dir;
  auto first = IndexWriter::open(dir / "db");
  REQUIRE(first.has_value());
  auto second = IndexWriter::open(dir / "db");
  REQUIRE_FALSE(second.has_value());
  CHECK(second.error().code() == ErrorCode::busy);
}

TEST_CASE("opening without create_if_missing fails on a missing index") {
  TempDir dir;
  IndexOptions options;
  options.create_if_missing = false;
  auto writer = IndexWriter::open(dir / "nothing", options);
  REQUIRE_FALSE(writer.has_value());
  CHECK(writer.error().code() == ErrorCode::not_found);
}

TEST_CASE("an index written with another format version or analyzer is refused with a clear error") {
  TempDir dir;
  std::string db = dir / "db";
  build_index(db, {make_article("a", "wallet", "")});
  SUBCASE("format version") {
    Xapian::WritableDatabase(db).set_metadata("faqsearch.format", "999");
    auto w = IndexWriter::open(db);
    REQUIRE_FALSE(w.has_value());
    CHECK(w.error().code() == ErrorCode::unsupported);
    CHECK(w.error().message().find("format version 999") != std::string::npos);
    auto s = Searcher::open(db);
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().code() == ErrorCode::unsupported);
  }
  SUBCASE("analyzer settings") {
    Xapian::WritableDatabase(db).set_metadata("faqsearch.analyzer", "icu=1.0");
    auto s = Searcher::open(db);
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().message().find("analyzer settings") != std::string::npos);
  }
  SUBCASE("a Xapian database that is not a faqsearch index") {
    std::string other = dir / "other";
    {
      Xapian::WritableDatabase x(other, Xapian::DB_CREATE);
      x.add_document(Xapian::Document());
      x.commit();
    }
    auto w = IndexWriter::open(other);
    REQUIRE_FALSE(w.has_value());
    CHECK(w.error().message().find("not a faqsearch index") != std::string::npos);
  }
}

TEST_CASE("paths that are not indexes give errors naming the path") {
  TempDir dir;
  SUBCASE("a file instead of a directory") {
    std::string file = dir.write("plain-file", "hello");
    auto w = IndexWriter::open(file);
    REQUIRE_FALSE(w.has_value());
    CHECK(w.error().message().find("plain-file") != std::string::npos);
    auto s = Searcher::open(file);
    REQUIRE_FALSE(s.has_value());
  }
  SUBCASE("an empty directory") {
    std::filesystem::create_directory(dir / "empty-dir");
    auto s = Searcher::open(dir / "empty-dir");
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().message().find("empty-dir") != std::string::npos);
  }
  SUBCASE("a missing directory") {
    auto s = Searcher::open(dir / "missing");
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().code() == ErrorCode::not_found);
  }
  SUBCASE("a damaged index") {
    std::string db = dir / "db";
    build_index(db, {make_article("a", "wallet", "")});
    std::ofstream(db + "/iamglass", std::ios::trunc) << "garbage";
    auto s = Searcher::open(db);
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().message().find("db") != std::string::npos);
  }
}

TEST_CASE("the writer keeps the sum and mean of title lengths as articles come, change and go") {
  TempDir dir;
  std::string db = dir / "db";
  auto metadata = [&](const char* key) { return Xapian::Database(db).get_metadata(key); };
  auto writer = IndexWriter::open(db);
  REQUIRE(writer.has_value());
  REQUIRE(writer->upsert(make_article("a", "reset password", "")).has_value());           // 2 words
  REQUIRE(writer->upsert(make_article("b", "how do I reset it", "")).has_value());        // 5
  REQUIRE(writer->upsert(make_article("c", "deposit fees and limits", "")).has_value());  // 4
  REQUIRE(writer->commit().ok());
  CHECK(metadata("faqsearch.title_words") == "11");
  CHECK(std::stod(metadata("faqsearch.title_length_mean")) == doctest::Approx(11.0 / 3));

  REQUIRE(writer->upsert(make_article("b", "fees", "")).has_value());        // 5 -> 1
  REQUIRE(writer->remove("c").value());                                      // -4
  REQUIRE(writer->upsert(make_article("b", "fees again", "")).has_value());  // replaced twice in one batch: 1 -> 2
  REQUIRE(writer->commit().ok());
  CHECK(metadata("faqsearch.title_words") == "4");
  CHECK(std::stod(metadata("faqsearch.title_length_mean")) == doctest::Approx(2.0));

  SUBCASE("a new writer carries on from the committed sum; uncommitted changes do not count") {
    REQUIRE(writer->upsert(make_article("d", "one two three four five six", "")).has_value());
    { IndexWriter dropped = std::move(writer.value()); }  // its pending change goes with it
    auto second = IndexWriter::open(db);
    REQUIRE(second.has_value());
    REQUIRE(second->upsert(make_article("e", "seven", "")).has_value());
    REQUIRE(second->commit().ok());
    CHECK(metadata("faqsearch.title_words") == "5");
    CHECK(std::stod(metadata("faqsearch.title_length_mean")) == doctest::Approx(5.0 / 3));
  }
}

TEST_CASE("damaged title-length metadata is reported as corruption, naming the key") {
  TempDir dir;
  std::string db = dir / "db";
  build_index(db, {make_article("a", "wallet backup", "")});
  SUBCASE("the writer's sum") {
    Xapian::WritableDatabase(db).set_metadata("faqsearch.title_words", "twelve");
    auto w = IndexWriter::open(db);
    REQUIRE_FALSE(w.has_value());
    CHECK(w.error().code() == ErrorCode::corruption);
    CHECK(w.error().message().find("faqsearch.title_words") != std::string::npos);
  }
  SUBCASE("the searcher's mean") {
    Xapian::WritableDatabase(db).set_metadata("faqsearch.title_length_mean", "-3");
    auto s = Searcher::open(db);
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().code() == ErrorCode::corruption);
    CHECK(s.error().message().find("faqsearch.title_length_mean") != std::string::npos);
  }
}

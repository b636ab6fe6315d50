#include "faqsearch/ingest.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "faqsearch/searcher.h"
#include "support/temp_dir.h"

using namespace faqsearch;
using faqsearch::testing::TempDir;

namespace {
std::string data(const char* name) { return std::string(FAQSEARCH_TEST_DATA) + "/" + name; }

std::uint64_t count(const std::string& db) {
  auto s = Searcher::open(db);
  REQUIRE(s.has_value());
  return s->article_count().value();
}
}  // namespace

TEST_CASE("a clean file is indexed and summarised") {
  TempDir dir;
  auto summary = ingest_jsonl(dir / "db", {data("clean.jsonl")}, {});
  REQUIRE_MESSAGE(summary.has_value(), (summary ? "" : summary.error().to_string()));
  CHECK(summary->read == 5);
  CHECK(summary->added == 5);
  CHECK(summary->updated == 0);
  CHECK(summary->skipped == 0);
  CHECK(count(dir / "db") == 5);

  auto again = ingest_jsonl(dir / "db", {data("clean.jsonl")}, {"a1", "nope"});
  REQUIRE(again.has_value());
  CHECK(again->updated == 5);
  CHECK(again->deleted == 1);
  CHECK(again->missing_ids == std::vector<std::string>{"nope"});
  CHECK(count(dir / "db") == 4);
}

TEST_CASE("strict mode stops at the first bad record, names it, and creates no index") {
  TempDir dir;
  auto summary = ingest_jsonl(dir / "db", {data("malformed.jsonl")}, {});
  REQUIRE_FALSE(summary.has_value());
  CHECK(summary.error().code() == ErrorCode::invalid_argument);
  CHECK(summary.error().message().rfind(data("malformed.jsonl") + ":3: invalid JSON", 0) == 0);
  CHECK_FALSE(std::filesystem::exists(dir / "db"));
}

TEST_CASE("strict mode leaves an existing index exactly as it was") {
  TempDir dir;
  REQUIRE(ingest_jsonl(dir / "db", {data("clean.jsonl")}, {}).has_value());
  auto summary = ingest_jsonl(dir / "db", {data("scripts.jsonl"), data("bad_values.jsonl")}, {"a1"});
  REQUIRE_FALSE(summary.has_value());
  CHECK(summary.error().message().find("bad_values.jsonl:2: field \"views\": negative views") != std::string::npos);
  CHECK(count(dir / "db") == 5);
}

TEST_CASE("skip-invalid indexes the good records and reports every bad line") {
  TempDir dir;
  IngestOptions options;
  options.skip_invalid = true;
  auto summary = ingest_jsonl(dir / "db", {data("bad_values.jsonl"), data("missing_field.jsonl")}, {}, options);
  REQUIRE(summary.has_value());
  CHECK(summary->read == 9);
  CHECK(summary->added == 3);  // v1, v7, f1
  CHECK(summary->skipped == 6);
  REQUIRE(summary->diagnostics.size() == 6);
  std::vector<std::size_t> lines;
  for (const auto& d : summary->diagnostics) lines.push_back(d.line);
  CHECK(lines == std::vector<std::size_t>{2, 3, 4, 5, 6, 2});
  CHECK(summary->diagnostics[4].message.find("duplicate id \"v1\"") != std::string::npos);
  CHECK(count(dir / "db") == 3);
}

TEST_CASE("a missing input file is an error naming it, and nothing is indexed") {
  TempDir dir;
  auto summary = ingest_jsonl(dir / "db", {data("clean.jsonl"), data("absent.jsonl")}, {});
  REQUIRE_FALSE(summary.has_value());
  CHECK(summary.error().code() == ErrorCode::not_found);
  CHECK(summary.error().message().find("absent.jsonl") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "db"));
}

TEST_CASE("an empty file indexes nothing but still creates a valid index") {
  TempDir dir;
  auto summary = ingest_jsonl(dir / "db", {data("empty.jsonl")}, {});
  REQUIRE(summary.has_value());
  CHECK(summary->read == 0);
  CHECK(count(dir / "db") == 0);
}

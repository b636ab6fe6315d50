#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "faqsearch/reader.h"

using namespace faqsearch;

namespace {
std::string data(const char* name) { return std::string(FAQSEARCH_TEST_DATA) + "/" + name; }

std::vector<JsonlReader::Record> read_all(const std::string& path) {
  auto reader = JsonlReader::open(path);
  REQUIRE(reader.has_value());
  std::vector<JsonlReader::Record> out;
  while (auto r = reader->next()) out.push_back(std::move(*r));
  return out;
}
}  // namespace

TEST_CASE("a clean file yields every article with all fields, skipping blank lines") {
  auto records = read_all(data("clean.jsonl"));
  REQUIRE(records.size() == 5);
  for (const auto& r : records) REQUIRE(r.article.has_value());
  const Article& a = *records[0].article;
  CHECK(a.id == "a1");
  CHECK(a.category == "account");
  CHECK(a.lang == "en");
  CHECK(a.views == 1200);
  CHECK(a.published.value() == parse_iso8601("2024-01-10").value());
  CHECK(a.url == "https://help.example/a1");
  CHECK(records[2].line == 4);  // line 3 is blank
  CHECK(records[2].article->body.empty());
  CHECK_FALSE(records[2].article->updated.has_value());
  CHECK(records[2].article->published.value() == parse_iso8601("2022-11-20T08:30:00Z").value());
}

TEST_CASE("invalid JSON is reported with its file and line number") {
  auto records = read_all(data("malformed.jsonl"));
  REQUIRE(records.size() == 4);
  CHECK(records[1].article.has_value());
  REQUIRE(records[2].diagnostic.has_value());
  CHECK(records[2].diagnostic->line == 3);
  CHECK(records[2].diagnostic->to_string().rfind(data("malformed.jsonl") + ":3: invalid JSON", 0) == 0);
  CHECK(records[3].article.has_value());
}

TEST_CASE("a missing required field is named") {
  auto records = read_all(data("missing_field.jsonl"));
  REQUIRE(records.size() == 2);
  REQUIRE(records[1].diagnostic.has_value());
  CHECK(records[1].diagnostic->field == "title");
  CHECK(records[1].diagnostic->to_string() ==
        data("missing_field.jsonl") + ":2: field \"title\": missing required field");
}

TEST_CASE("wrong types, negative views and impossible dates are each reported") {
  auto records = read_all(data("bad_values.jsonl"));
  REQUIRE(records.size() == 7);
  CHECK(records[0].article.has_value());
  CHECK(records[1].diagnostic->field == "views");
  CHECK(records[1].diagnostic->message.find("negative views") != std::string::npos);
  CHECK(records[2].diagnostic->field == "updated");
  CHECK(records[2].diagnostic->message.find("unparsable date") != std::string::npos);
  CHECK(records[3].diagnostic->field == "id");
  CHECK(records[3].diagnostic->message.find("expected a string") != std::string::npos);
  CHECK(records[4].diagnostic->field == "views");
  // The reader sees one line at a time: duplicates are the ingest batch's job.
  CHECK(records[5].article.has_value());
}

TEST_CASE("invalid UTF-8 in a line is reported with its byte position") {
  auto records = read_all(data("invalid_utf8.jsonl"));
  REQUIRE(records.size() == 2);
  REQUIRE(records[1].diagnostic.has_value());
  CHECK(records[1].diagnostic->message.find("invalid UTF-8") != std::string::npos);
}

TEST_CASE("an empty file yields no records, a missing one is not_found") {
  CHECK(read_all(data("empty.jsonl")).empty());
  auto missing = JsonlReader::open(data("no-such-file.jsonl"));
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code() == ErrorCode::not_found);
  CHECK(missing.error().message().find("no-such-file.jsonl") != std::string::npos);
  auto dir = JsonlReader::open(FAQSEARCH_TEST_DATA);
  CHECK_FALSE(dir.has_value());
}

TEST_CASE("parse_article_json accepts nulls for optional fields and rejects non-objects") {
  auto a = parse_article_json(R"({"id":"x","title":"t","body":"","category":null,"views":null,"extra":1})");
  REQUIRE(a.has_value());
  CHECK(a->views == 0);
  CHECK(a->category.empty());
  std::string field;
  auto arr = parse_article_json("[1,2]", &field);
  REQUIRE_FALSE(arr.has_value());
  CHECK(arr.error().message().find("expected a JSON object") != std::string::npos);
  auto empty_id = parse_article_json(R"({"id":"","title":"t","body":"b"})", &field);
  REQUIRE_FALSE(empty_id.has_value());
  CHECK(field == "id");
}

TEST_CASE("records read from memory carry the given name") {
  auto reader = JsonlReader::from_string("stdin", "{\"id\":\"a\",\"title\":\"t\",\"body\":\"b\"}\nnot json\n");
  auto first = reader.next();
  REQUIRE(first->article.has_value());
  auto second = reader.next();
  REQUIRE(second->diagnostic.has_value());
  CHECK(second->diagnostic->to_string().rfind("stdin:2: invalid JSON", 0) == 0);
  CHECK_FALSE(reader.next().has_value());
}

TEST_CASE("a number too large for a double is a reported error, not a crash") {
  auto reader = JsonlReader::from_string("big.jsonl",
                                         "{\"id\":\"a\",\"title\":\"t\",\"body\":\"b\",\"views\":1e400}\n"
                                         "{\"id\":\"b\",\"title\":\"t\",\"body\":\"b\",\"x\":-1e999}\n");
  for (std::size_t line = 1; line <= 2; ++line) {
    auto r = reader.next();
    REQUIRE(r.has_value());
    REQUIRE(r->diagnostic.has_value());
    CHECK(r->diagnostic->line == line);
    CHECK(r->diagnostic->message.find("invalid JSON") != std::string::npos);
  }
}

TEST_CASE("an overlong lang is rejected by name") {
  std::string field;
  auto a = parse_article_json(R"({"id":"x","title":"t","body":"b","lang":")" + std::string(300, 'e') + "\"}", &field);
  REQUIRE_FALSE(a.has_value());
  CHECK(field == "lang");
}

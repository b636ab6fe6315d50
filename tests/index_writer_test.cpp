#include "faqsearch/index_writer.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <map>

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
  // 5: the previous format, without single Han characters.
  for (std::string version : {"5", "999"}) {
    SUBCASE(("format version " + version).c_str()) {
      Xapian::WritableDatabase(db).set_metadata("faqsearch.format", version);
      auto w = IndexWriter::open(db);
      REQUIRE_FALSE(w.has_value());
      CHECK(w.error().code() == ErrorCode::unsupported);
      CHECK(w.error().message().find("format version " + version) != std::string::npos);
      CHECK(w.error().message().find("rebuild the index") != std::string::npos);
      auto s = Searcher::open(db);
      REQUIRE_FALSE(s.has_value());
      CHECK(s.error().code() == ErrorCode::unsupported);
    }
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

TEST_CASE("index format 6: Han characters are terms of their field; two adjacent Han words make no pair") {
  TempDir dir;
  std::string db = dir / "db";
  build_index(db, {make_article("zh", "钱包备份", "iCloud 备份", "zh"), make_article("ja", "ログイン方法", "", "ja"),
                   make_article("ko", "지갑 백업", "", "ko")});
  Xapian::Database x(db);
  for (const char* term : {"UT钱", "UT包", "UT备", "UT份", "UB备", "UB份", "UT方", "UT法", "PBicloud 备份"}) {
    INFO(term);
    CHECK(x.term_exists(term));
  }
  // No kana or Hangul characters, no title characters in the body, and no
  // pair of the two Chinese title words (segmented 钱包 | 备份).
  for (const char* term : {"UTロ", "UTグ", "UT지", "UT백", "UB钱", "PT钱包 备份"}) {
    INFO(term);
    CHECK_FALSE(x.term_exists(term));
  }
  CHECK(x.term_exists("ZT钱包"));
  CHECK(x.term_exists("ZT备份"));
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

namespace {
// Every hit of `query` over `path` as (id, score), by id.
std::map<std::string, double> scores_for(const std::string& path, const std::string& query) {
  auto searcher = Searcher::open(path);
  REQUIRE_MESSAGE(searcher.has_value(), (searcher ? "" : searcher.error().to_string()));
  SearchRequest request;
  request.query = query;
  request.limit = 1000;
  request.ranking.recency_weight = 0;
  request.ranking.popularity_weight = 0;
  auto results = searcher->search(request);
  REQUIRE(results.has_value());
  std::map<std::string, double> out;
  for (const SearchHit& h : results->hits) out[h.id] = h.score;
  return out;
}

void check_same_scores(const std::map<std::string, double>& got, const std::map<std::string, double>& want) {
  REQUIRE(got.size() == want.size());
  for (const auto& [id, score] : want) {
    CAPTURE(id);
    REQUIRE(got.count(id) == 1);
    CHECK(got.at(id) == doctest::Approx(score).epsilon(1e-12));
  }
}
// Indexes `first` and `second` as two shards under `dir` (named as given),
// and both together as "whole".
void build_shards_and_whole(const TempDir& dir, const std::string& first_name, const std::vector<Article>& first,
                            const std::string& second_name, const std::vector<Article>& second) {
  build_index(dir / first_name, first);
  build_index(dir / second_name, second);
  std::vector<Article> all = first;
  all.insert(all.end(), second.begin(), second.end());
  build_index(dir / "whole", all);
}
}  // namespace

TEST_CASE("after updates and removals an index scores exactly as one built afresh from what is left") {
  // The title's length normalisation reads the mean title length from the
  // index: it must follow articles as they come, change and go.
  TempDir dir;
  std::vector<Article> first = {make_article("a", "reset password", "reset the password from settings"),
                                make_article("b", "how do I reset my password", "a long title about password"),
                                make_article("c", "deposit fees and limits", "fees for a deposit"),
                                make_article("d", "password", "short title")};
  build_index(dir / "churned", first);
  {
    auto writer = IndexWriter::open(dir / "churned");
    REQUIRE(writer.has_value());
    REQUIRE(writer->upsert(make_article("b", "password fees", "changed")).has_value());
    REQUIRE(writer->remove("c").value());
    REQUIRE(writer->upsert(make_article("b", "password reset fees again", "changed twice")).has_value());
    REQUIRE(writer->upsert(make_article("e", "one two three four five six password", "")).has_value());
    { IndexWriter dropped = std::move(writer.value()); }  // uncommitted: none of this counts
  }
  {
    auto writer = IndexWriter::open(dir / "churned");
    REQUIRE(writer.has_value());
    REQUIRE(writer->upsert(make_article("b", "password fees", "changed")).has_value());
    REQUIRE(writer->remove("c").value());
    REQUIRE(writer->upsert(make_article("b", "password reset fees again", "changed twice")).has_value());
    REQUIRE(writer->commit().ok());
  }
  build_index(dir / "fresh", {first[0], make_article("b", "password reset fees again", "changed twice"), first[3]});
  for (const char* query : {"password", "reset password", "fees"}) {
    CAPTURE(query);
    check_same_scores(scores_for(dir / "churned", query), scores_for(dir / "fresh", query));
  }
}

TEST_CASE("shards of unequal size, in either order, score as one index of all their articles") {
  TempDir dir;
  std::vector<Article> small = {make_article("a", "reset password", "reset the password from settings"),
                                make_article("b", "password", "short title")};
  std::vector<Article> large = {make_article("c", "how do I reset my forgotten account password", "long title"),
                                make_article("d", "deposit fees and limits for every network", "fees"),
                                make_article("e", "password rules for a new account", "rules"),
                                make_article("f", "withdrawal fees", "fees for a withdrawal")};
  build_shards_and_whole(dir, "small", small, "large", large);
  std::string small_first = faqsearch::testing::write_stub(dir / "small-first.stub", {dir / "small", dir / "large"});
  std::string large_first = faqsearch::testing::write_stub(dir / "large-first.stub", {dir / "large", dir / "small"});
  for (const char* query : {"password", "reset password", "fees"}) {
    CAPTURE(query);
    auto whole = scores_for(dir / "whole", query);
    check_same_scores(scores_for(small_first, query), whole);
    check_same_scores(scores_for(large_first, query), whole);
  }
}

TEST_CASE("leaving absent terms out of a query changes no score: a sharded stub keeps those it did not look up") {
  // A local index drops query terms (word stems, pairs, CJK bigrams, Han characters) that no
  // article has; a stub of shards drops only those its one statistics match read (the words'
  // terms and adjacent pairs) and keeps the rest. Both must score alike.
  TempDir dir;
  std::vector<Article> one = {make_article("t", "reset password", "open the settings page"),
                              make_article("b", "account", "reset your password from the settings page"),
                              make_article("z1", "修改密码", "", "zh")};
  std::vector<Article> two = {make_article("z2", "账户", "如何修改登录密码", "zh"),
                              make_article("x", "deposit fees", "network fees")};
  build_shards_and_whole(dir, "one", one, "two", two);
  std::string stub = faqsearch::testing::write_stub(dir / "shards.stub", {dir / "one", dir / "two"});
  for (const char* query : {"reset zebra password", "open the settings page", "reset your password from zebra",
                            "\"settings page\" zebra", "zebra quagga", "修改登录密码", "登录", "密码 zebra"}) {
    CAPTURE(query);
    check_same_scores(scores_for(dir / "whole", query), scores_for(stub, query));
  }
}

TEST_CASE("a damaged title-length term is reported as corruption, naming the term") {
  for (const char* damaged : {"XLtwelve", "XL0", "XL65", "XL3x"}) {
    CAPTURE(damaged);
    TempDir dir;
    std::string db = dir / "db";
    build_index(db, {make_article("a", "wallet backup", "")});
    {
      Xapian::WritableDatabase w(db);
      Xapian::Document doc;
      doc.add_boolean_term(damaged);
      w.add_document(doc);
      w.commit();
    }
    auto s = Searcher::open(db);
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().code() == ErrorCode::corruption);
    CHECK(s.error().message().find(std::string("\"") + damaged + "\" is not a length 1..64") != std::string::npos);
  }
}

TEST_CASE("a Xapian database that is not a faqsearch index is refused as unsupported, whatever its terms") {
  TempDir dir;
  std::string db = dir / "db";
  {
    Xapian::WritableDatabase w(db, Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.add_boolean_term("XLnot-ours");
    w.add_document(doc);
    w.commit();
  }
  auto s = Searcher::open(db);
  REQUIRE_FALSE(s.has_value());
  CHECK(s.error().code() == ErrorCode::unsupported);
}

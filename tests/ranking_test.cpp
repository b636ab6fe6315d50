#include "faqsearch/ranking.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>

#include "faqsearch/analyzer.h"
#include "faqsearch/searcher.h"
#include "support/fixtures.h"
#include "support/temp_dir.h"

using namespace faqsearch;
using faqsearch::testing::indexed_searcher;
using faqsearch::testing::TempDir;

namespace {

constexpr UnixSeconds kNow = 1790000000;  // 2026-09-21, after every generated date
constexpr UnixSeconds kDay = 86400;

// The words of generated articles and queries, joined by `separator`, in `lang`.
struct Vocabulary {
  std::vector<std::string> words;
  std::string separator;
  std::string lang;
};

const Vocabulary kVocabulary = {
    {"wallet", "backup",  "icloud", "deposit", "withdrawal", "address", "network", "fee",      "trading", "order",
     "limit",  "account", "email",  "phone",   "password",   "reset",   "verify",  "identity", "card",    "bank",
     "crypto", "usdt",    "tron",   "erc",     "transfer",   "frozen",  "support", "api",      "key",     "device"},
    " ",
    "en"};

// Chinese, written without spaces: runs that the dictionary segments, bigrams,
// single characters and stop characters (的, 吗, 我) all take part.
const Vocabulary kChineseVocabulary = {
    {"钱包", "备份", "云端", "充值", "提现", "地址", "网络", "手续费", "交易",   "订单",
     "限额", "账户", "邮箱", "手机", "密码", "重置", "验证", "身份",   "银行卡", "银行",
     "转账", "冻结", "客服", "接口", "密钥", "设备", "的",   "吗",     "我",     "怎么"},
    "",
    "zh"};

// A deterministic corpus: random titles and bodies over a small vocabulary,
// dates over six years and views over six orders of magnitude.
std::vector<Article> generated_corpus(std::uint64_t seed, int n, const Vocabulary& vocabulary = kVocabulary) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::size_t> word(0, vocabulary.words.size() - 1);
  std::uniform_int_distribution<int> title_len(2, 6), body_len(5, 25);
  std::uniform_int_distribution<UnixSeconds> age(0, 6 * 365 * kDay);
  std::uniform_real_distribution<double> log_views(0, 6);
  std::vector<Article> out;
  for (int i = 0; i < n; ++i) {
    Article a;
    a.id = "g" + std::to_string(i);
    for (int w = title_len(rng); w > 0; --w) a.title += vocabulary.words[word(rng)] + vocabulary.separator;
    for (int w = body_len(rng); w > 0; --w) a.body += vocabulary.words[word(rng)] + vocabulary.separator;
    a.lang = vocabulary.lang;
    a.updated = kNow - age(rng);
    a.views = static_cast<std::int64_t>(std::pow(10.0, log_views(rng)));
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<std::string> generated_queries(std::uint64_t seed, int n, const Vocabulary& vocabulary = kVocabulary) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::size_t> word(0, vocabulary.words.size() - 1);
  std::uniform_int_distribution<int> len(1, 4);
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    std::string q;
    for (int w = len(rng); w > 0; --w) q += vocabulary.words[word(rng)] + vocabulary.separator;
    out.push_back(q);
  }
  return out;
}

SearchResults must_search(const Searcher& s, const SearchRequest& r) {
  auto results = s.search(r);
  REQUIRE_MESSAGE(results.has_value(), (results ? "" : results.error().to_string()));
  return std::move(results).value();
}

// The text part of a score: everything but recency and popularity.
double text_of(const SearchHit& h) {
  const Explanation& e = *h.explanation;
  return e.title_bm25 + e.body_bm25 + e.proximity_bonus + e.coordination_bonus;
}

}  // namespace

TEST_CASE("profiles parse from JSON and reject unknown keys, non-numbers and bad ranges") {
  auto good = parse_ranking_profile(R"({"title_weight": 2.5, "recency_half_life_days": 90, "popularity_weight": 0})");
  REQUIRE(good.has_value());
  CHECK(good->title_weight == 2.5);
  CHECK(good->recency_half_life_days == 90);
  CHECK(good->popularity_weight == 0);
  CHECK(good->body_weight == RankingOptions{}.body_weight);

  auto unknown = parse_ranking_profile(R"({"titel_weight": 1})", "p.json");
  REQUIRE_FALSE(unknown.has_value());
  CHECK(unknown.error().message() == "p.json: unknown ranking option \"titel_weight\"");
  CHECK_FALSE(parse_ranking_profile(R"({"bm25_b": "high"})").has_value());
  CHECK_FALSE(parse_ranking_profile(R"({"bm25_b": 1.5})").has_value());
  auto title_b = parse_ranking_profile(R"({"title_b": -0.5})", "p.json");
  REQUIRE_FALSE(title_b.has_value());
  CHECK(title_b.error().message().find("title_b") != std::string::npos);
  CHECK(parse_ranking_profile(R"({"title_b": 0.2})")->title_b == 0.2);
  CHECK_FALSE(parse_ranking_profile(R"({"recency_half_life_days": 100})").has_value());
  CHECK_FALSE(parse_ranking_profile(R"({"recency_weight": -0.1})").has_value());
  CHECK(parse_ranking_profile(R"({"han_character_weight": 0})")->han_character_weight == 0);
  auto characters = parse_ranking_profile(R"({"han_character_weight": 1001})", "p.json");
  REQUIRE_FALSE(characters.has_value());
  CHECK(characters.error().message().find("han_character_weight") != std::string::npos);
  CHECK_FALSE(parse_ranking_profile(R"({"han_character_weight": -1})").has_value());
  // Weights are bounded: Xapian 1.4 would prune a posting source scaled up past its stored weights.
  auto huge = parse_ranking_profile(R"({"title_weight": 1e7})", "p.json");
  REQUIRE_FALSE(huge.has_value());
  CHECK(huge.error().message() == "p.json: ranking option \"title_weight\": must be within 0..1000 (is 10000000)");
  CHECK(parse_ranking_profile(R"({"title_weight": 1000, "popularity_weight": 0.5})").has_value());
  auto product = parse_ranking_profile(R"({"title_weight": 1000, "popularity_weight": 1000})", "p.json");
  REQUIRE_FALSE(product.has_value());
  CHECK(product.error().message() ==
        "p.json: ranking option \"popularity_weight\": times the larger field weight must be at most 500 (is 1000 x "
        "1000)");
  CHECK_FALSE(parse_ranking_profile("[1]").has_value());
  CHECK_FALSE(parse_ranking_profile("{").has_value());
  auto missing = load_ranking_profile("/nonexistent/profile.json");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code() == ErrorCode::not_found);
}

TEST_CASE("the default profile passes its own validation") { CHECK(validate_ranking(RankingOptions{}).ok()); }

TEST_CASE("explanations add up exactly to the score of every hit") {
  TempDir dir;
  const Vocabulary* vocabulary = &kVocabulary;
  SUBCASE("English") {}
  SUBCASE("Chinese") { vocabulary = &kChineseVocabulary; }
  auto searcher = indexed_searcher(dir / "db", generated_corpus(7, 200, *vocabulary));
  for (const std::string& q : generated_queries(11, 30, *vocabulary)) {
    SearchRequest r;
    r.query = q;
    r.query_language = vocabulary->lang;
    r.now = kNow;
    r.explain = true;
    r.limit = 20;
    r.ranking.recency_weight = 0.2;
    r.ranking.popularity_weight = 0.2;
    r.ranking.proximity_weight = 0.5;
    r.ranking.coordination_weight = 0.3;
    r.ranking.stopword_weight = 0.5;
    for (const SearchHit& h : must_search(*searcher, r).hits) {
      CAPTURE(q);
      REQUIRE(h.explanation.has_value());
      const Explanation& e = *h.explanation;
      CHECK(e.final_score == doctest::Approx(h.score).epsilon(1e-12));
      CHECK(e.final_score == e.title_bm25 + e.body_bm25 + e.proximity_bonus + e.coordination_bonus + e.recency_boost +
                                 e.popularity_boost);
      CHECK(e.recency_factor > 0);
      CHECK(e.recency_factor <= 1.0);
      CHECK(e.recency_boost == doctest::Approx(0.2 * e.scale * e.recency_factor).epsilon(1e-9));
      CHECK(e.popularity_factor >= 0);
      CHECK(e.popularity_factor <= 1.0);
      CHECK(e.popularity_boost == doctest::Approx(0.2 * e.scale * e.popularity_factor).epsilon(1e-12));
    }
  }
}

TEST_CASE("property: an article that matches no query word is never returned, whatever its boosts") {
  TempDir dir;
  auto corpus = generated_corpus(3, 150);
  // Very fresh, very popular articles that share no word with any query.
  for (int i = 0; i < 5; ++i) {
    Article a;
    a.id = "decoy" + std::to_string(i);
    a.title = "zebra giraffe";
    a.body = "savanna";
    a.lang = "en";
    a.updated = kNow;
    a.views = 5'000'000;
    corpus.push_back(a);
  }
  auto searcher = indexed_searcher(dir / "db", corpus);
  for (const std::string& q : generated_queries(5, 40)) {
    SearchRequest r;
    r.query = q;
    r.now = kNow;
    r.explain = true;
    r.limit = 200;
    r.ranking.recency_weight = 1.0;
    r.ranking.popularity_weight = 1.0;
    for (const SearchHit& h : must_search(*searcher, r).hits) {
      CAPTURE(q);
      CHECK(h.id.rfind("decoy", 0) == std::string::npos);
      CHECK(text_of(h) > 0);
    }
  }
}

TEST_CASE("property: a clearly better text match is never beaten by a fresher or more popular one") {
  TempDir dir;
  auto searcher = indexed_searcher(dir / "db", generated_corpus(21, 300));
  RankingOptions ranking;  // the default profile
  int pairs_checked = 0;
  for (const std::string& q : generated_queries(23, 40)) {
    SearchRequest r;
    r.query = q;
    r.now = kNow;
    r.explain = true;
    r.limit = 50;
    r.ranking = ranking;
    auto hits = must_search(*searcher, r).hits;
    for (std::size_t i = 0; i < hits.size(); ++i) {
      // The most any article's boosts can add for this query.
      double max_boost = (ranking.recency_weight + ranking.popularity_weight) * hits[i].explanation->scale;
      for (std::size_t j = i + 1; j < hits.size(); ++j) {
        CAPTURE(q);
        // j ranks below i, so j's text must not exceed i's by more than the boosts could close.
        CHECK(text_of(hits[j]) <= text_of(hits[i]) + max_boost + 1e-9);
        ++pairs_checked;
      }
    }
  }
  CHECK(pairs_checked > 1000);
}

TEST_CASE("property: among equal text matches, the newer and more viewed article ranks first") {
  TempDir dir;
  std::mt19937_64 rng(99);
  std::uniform_int_distribution<UnixSeconds> age(0, 5 * 365 * kDay);
  std::uniform_real_distribution<double> log_views(0, 6);
  std::vector<Article> twins;
  for (int i = 0; i < 40; ++i) {
    Article a;
    a.id = "t" + std::to_string(i);
    a.title = "How do I reset my password?";
    a.body = "Open settings and choose reset password.";
    a.lang = "en";
    a.updated = kNow - age(rng);
    a.views = static_cast<std::int64_t>(std::pow(10.0, log_views(rng)));
    twins.push_back(a);
  }
  auto searcher = indexed_searcher(dir / "db", twins);
  SearchRequest r;
  r.query = "reset password";
  r.now = kNow;
  r.limit = 40;
  auto hits = must_search(*searcher, r).hits;
  REQUIRE(hits.size() == 40);
  int dominated_pairs = 0;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    for (std::size_t j = 0; j < hits.size(); ++j) {
      bool newer = *hits[i].updated > *hits[j].updated;
      bool more_viewed = hits[i].views > hits[j].views;
      if (newer && more_viewed) {
        CHECK(i < j);
        ++dominated_pairs;
      }
    }
  }
  CHECK(dominated_pairs > 100);
}

namespace {

// Checks that every top-k page (k = 1, 3, 10 at offsets 0 and 4) of each
// query equals the same page of a brute-force ranking: every match, scored
// part by part and sorted. Small boosts let the text-first pass settle most
// queries; large ones make it fall back to the full query; zero boosts leave
// many articles tied on text alone. All must be exact.
RankingOptions brute_force_profile() {
  RankingOptions profile;
  profile.proximity_weight = 0.5;
  profile.coordination_weight = 0.3;
  return profile;
}

// Checks that `hits` are entries offset, offset + 1, ... of `reference`
// ((score, id), best first): each score within `epsilon`, and each id too,
// unless another entry ties on score.
void check_hits_match(const std::vector<SearchHit>& hits, const std::vector<std::pair<double, std::string>>& reference,
                      std::size_t offset, double epsilon) {
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const auto& want = reference[offset + i];
    CHECK(hits[i].score == doctest::Approx(want.first).epsilon(epsilon));
    bool tied = (offset + i > 0 && reference[offset + i - 1].first - want.first < 1e-9) ||
                (offset + i + 1 < reference.size() && want.first - reference[offset + i + 1].first < 1e-9);
    if (!tied) CHECK(hits[i].id == want.second);
  }
}

void check_pruned_equals_brute_force(const Searcher& searcher, const std::vector<std::string>& queries,
                                     const RankingOptions& profile = brute_force_profile(),
                                     const std::vector<double>& boost_weights = {0.0, 0.02, 0.3, 3.0},
                                     const std::string& query_language = "", double recency_ratio = 1.0,
                                     double popularity_ratio = 1.0) {
  for (double boost_weight : boost_weights) {
    for (const std::string& q : queries) {
      SearchRequest all;
      all.query = q;
      all.query_language = query_language;
      all.now = kNow;
      all.explain = true;
      all.limit = 10000;
      all.ranking = profile;
      all.ranking.recency_weight = boost_weight * recency_ratio;
      all.ranking.popularity_weight = boost_weight * popularity_ratio;
      std::vector<std::pair<double, std::string>> reference;
      for (const SearchHit& h : must_search(searcher, all).hits) {
        reference.emplace_back(h.explanation->final_score, h.id);
      }
      std::sort(reference.begin(), reference.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      for (std::size_t offset : {0u, 4u}) {
        for (std::size_t k : {1u, 3u, 10u}) {
          SearchRequest top = all;
          top.explain = false;
          top.offset = offset;
          top.limit = k;
          auto hits = must_search(searcher, top).hits;
          CAPTURE(q);
          CAPTURE(boost_weight);
          CAPTURE(offset);
          CAPTURE(k);
          std::size_t expected = reference.size() > offset ? std::min(k, reference.size() - offset) : 0;
          REQUIRE(hits.size() == expected);
          check_hits_match(hits, reference, offset, 1e-9);
        }
      }
    }
  }
}

}  // namespace

TEST_CASE("property: the pruned top-k equals a brute-force ranking of every match") {
  TempDir dir;
  SUBCASE("English") {
    auto searcher = indexed_searcher(dir / "db", generated_corpus(42, 400));
    check_pruned_equals_brute_force(*searcher, generated_queries(43, 25));
  }
  SUBCASE("Chinese: words, bigrams, runs and single characters, with stop characters") {
    auto searcher = indexed_searcher(dir / "db", generated_corpus(42, 400, kChineseVocabulary));
    RankingOptions heavy = brute_force_profile();
    heavy.han_character_weight = 1000;
    heavy.cjk_bigram_weight = 1000;
    heavy.title_weight = 100;
    for (const RankingOptions& profile : {brute_force_profile(), heavy}) {
      check_pruned_equals_brute_force(*searcher, generated_queries(43, 25, kChineseVocabulary), profile,
                                      {0.0, 0.02, 0.3, 3.0}, "zh");
    }
  }
}

TEST_CASE("property: the pruned top-k stays exact with short titles, after churn, and over shards") {
  // Short titles give the title clauses few distinct weights, so many
  // articles tie; replacing and removing articles leaves gaps in the docids
  // and stale statistics for the matcher's bounds to get wrong.
  TempDir dir;
  std::vector<Article> corpus = generated_corpus(100, 400);
  std::mt19937_64 rng(101);
  std::uniform_int_distribution<std::size_t> word(0, kVocabulary.words.size() - 1);
  std::uniform_int_distribution<int> short_len(1, 3);
  for (std::size_t i = 0; i < corpus.size(); i += 3) {
    corpus[i].title.clear();
    for (int w = short_len(rng); w > 0; --w) corpus[i].title += kVocabulary.words[word(rng)] + " ";
  }
  // Every fifth article is removed and every seventh retitled, after the first commit.
  std::vector<Article> changed;
  for (std::size_t i = 1; i < corpus.size(); i += 7) {
    changed.push_back(corpus[i]);
    changed.back().title = kVocabulary.words[word(rng)] + " " + kVocabulary.words[word(rng)];
  }
  auto build_and_churn = [&](const std::string& path, std::size_t begin, std::size_t end) {
    faqsearch::testing::build_index(path, std::vector<Article>(corpus.begin() + begin, corpus.begin() + end));
    auto writer = IndexWriter::open(path);
    REQUIRE(writer.has_value());
    for (std::size_t i = begin; i < end; ++i) {
      if (i % 5 == 0) REQUIRE(writer->remove(corpus[i].id).value());
    }
    for (const Article& a : changed) {
      std::size_t i = static_cast<std::size_t>(&a - changed.data()) * 7 + 1;
      if (i >= begin && i < end) REQUIRE(writer->upsert(a).has_value());
    }
    REQUIRE(writer->commit().ok());
  };
  std::vector<std::string> queries = generated_queries(102, 30);
  queries.push_back("verify reset card reset");

  SUBCASE("one index, where the searcher holds the title lengths in memory") {
    build_and_churn(dir / "db", 0, corpus.size());
    auto searcher = Searcher::open(dir / "db");
    REQUIRE(searcher.has_value());
    check_pruned_equals_brute_force(*searcher, queries);
  }
  // The corpus as first indexed, in two shards: the title lengths then come from the value streams.
  auto fresh_shards = [&] {
    faqsearch::testing::build_index(dir / "a", std::vector<Article>(corpus.begin(), corpus.begin() + 150));
    faqsearch::testing::build_index(dir / "b", std::vector<Article>(corpus.begin() + 150, corpus.end()));
    auto sharded = Searcher::open(faqsearch::testing::write_stub(dir / "shards.stub", {dir / "a", dir / "b"}));
    REQUIRE(sharded.has_value());
    return std::move(*sharded);
  };
  SUBCASE("two shards as first indexed, where the title lengths come from the value streams") {
    check_pruned_equals_brute_force(fresh_shards(), queries);
  }
  SUBCASE("two shards, with the largest title and phrase weights a profile allows") {
    // The title clauses' posting sources are scaled down at query time; this
    // profile scales them up the most (title_weight x whole_phrase_weight x idf).
    RankingOptions heavy = brute_force_profile();
    heavy.title_weight = 1000;
    heavy.whole_phrase_weight = 1000;
    heavy.proximity_weight = 1000;
    REQUIRE(validate_ranking(heavy).ok());
    check_pruned_equals_brute_force(fresh_shards(), queries, heavy, {0.0, 0.5});
  }
  SUBCASE("the same two shards after the churn") {
    build_and_churn(dir / "a", 0, 150);
    build_and_churn(dir / "b", 150, corpus.size());
    auto sharded = Searcher::open(faqsearch::testing::write_stub(dir / "shards.stub", {dir / "a", dir / "b"}));
    REQUIRE(sharded.has_value());
    check_pruned_equals_brute_force(*sharded, queries);
  }
}

TEST_CASE("property: the pruned top-k stays exact when many articles lack dates or views, after deletions") {
  // One- and two-word queries on a local index run the full query with the
  // boosts read from memory. Articles without a recency value or with a
  // popularity of 0, deleted docids, and recency and popularity weights far
  // apart: a sparse in-memory source lost or mis-scored boosts here.
  TempDir dir;
  std::vector<Article> corpus = generated_corpus(21, 1200);
  std::mt19937_64 rng(3);
  for (Article& a : corpus) {
    if (rng() % 2) {
      a.updated.reset();
      a.published.reset();
    }
    if (rng() % 3 == 0) a.views = 0;
  }
  std::string path = dir / "db";
  faqsearch::testing::build_index(path, corpus);
  {
    auto writer = faqsearch::IndexWriter::open(path);
    REQUIRE(writer.has_value());
    for (std::size_t i = 0; i < corpus.size(); i += 5) REQUIRE(writer->remove(corpus[i].id).value());
    REQUIRE(writer->commit().ok());
  }
  auto searcher = Searcher::open(path);
  REQUIRE(searcher.has_value());
  std::vector<std::string> queries;
  for (const std::string& q : generated_queries(39, 80)) {
    if (std::count(q.begin(), q.end(), ' ') <= 2) queries.push_back(q);
  }
  for (auto [recency_ratio, popularity_ratio] : {std::pair{1.0, 1.0}, {0.001, 1.0}, {1.0, 0.05}}) {
    CAPTURE(recency_ratio);
    CAPTURE(popularity_ratio);
    check_pruned_equals_brute_force(*searcher, queries, brute_force_profile(), {0.02, 0.3, 3.0, 30.0}, "",
                                    recency_ratio, popularity_ratio);
  }
}

TEST_CASE("a local index (boosts read from memory) ranks as a two-shard stub of it (boosts from value streams)") {
  // A local index holds the stored values in memory and its boosts' posting
  // sources read them there; over two shards the searcher cannot, and its
  // full query reads the value streams (ValueWeightPostingSource). Both
  // must give the same scores.
  TempDir dir;
  std::vector<Article> corpus = generated_corpus(61, 300);
  corpus[0].views = 0;  // a stored popularity of 0
  corpus[1].updated.reset();
  corpus[1].published.reset();  // no recency value at all
  faqsearch::testing::build_index(dir / "db", corpus);
  faqsearch::testing::build_index(dir / "a", std::vector<Article>(corpus.begin(), corpus.begin() + 100));
  faqsearch::testing::build_index(dir / "b", std::vector<Article>(corpus.begin() + 100, corpus.end()));
  auto local = Searcher::open(dir / "db");
  auto stub = Searcher::open(faqsearch::testing::write_stub(dir / "shards.stub", {dir / "a", dir / "b"}));
  REQUIRE(local.has_value());
  REQUIRE(stub.has_value());
  for (double boost_weight : {0.02, 0.3, 3.0}) {
    for (const std::string& q : generated_queries(62, 30)) {
      for (std::size_t limit : {3u, 10u, 1000u}) {
        SearchRequest r;
        r.query = q;
        r.now = kNow;
        r.limit = limit;
        r.ranking.recency_weight = boost_weight;
        r.ranking.popularity_weight = boost_weight;
        std::vector<std::pair<double, std::string>> want;
        for (const SearchHit& h : must_search(*stub, r).hits) want.emplace_back(h.score, h.id);
        auto got = must_search(*local, r).hits;
        CAPTURE(q);
        CAPTURE(boost_weight);
        CAPTURE(limit);
        REQUIRE(got.size() == want.size());
        check_hits_match(got, want, 0, 1e-12);
      }
    }
  }
}

TEST_CASE("scoring locally finds every match with the score Xapian's matcher gives it") {
  // SearcherOptions::score_locally (search/local_match.h) against Xapian's
  // matcher on the same index: every match, every score and the match
  // count must agree. (Through Xapian, a boosted query of three or more
  // words runs the text-first pool, whose boosts boosts_of() adds from
  // memory; at limit 10000 the pool holds every match. local_match_test checks
  // match_locally against Xapian's matcher clause by clause.) English and Chinese articles, English words in
  // articles of no language and of French (a query of unknown language
  // matches each word through a synonym of two or three stems),
  // categories, deleted articles, filters, stopwords, phrases, four profiles.
  TempDir dir;
  std::vector<Article> corpus = generated_corpus(71, 240);
  std::vector<Article> chinese = generated_corpus(72, 160, kChineseVocabulary);
  for (Article& a : chinese) a.id = "zh-" + a.id;
  corpus.insert(corpus.end(), chinese.begin(), chinese.end());
  for (const char* lang : {"", "fr"}) {
    std::vector<Article> more = generated_corpus(lang[0] ? 76 : 75, 40);
    for (Article& a : more) {
      a.id = std::string(lang) + "-" + a.id;
      a.lang = lang;
    }
    corpus.insert(corpus.end(), more.begin(), more.end());
  }
  for (std::size_t i = 0; i < corpus.size(); ++i) corpus[i].category = "c" + std::to_string(i % 3);
  corpus[5].updated.reset();
  corpus[5].published.reset();
  corpus[6].views = 0;
  faqsearch::testing::build_index(dir / "db", corpus);
  {
    auto writer = faqsearch::IndexWriter::open(dir / "db");
    REQUIRE(writer.has_value());
    for (std::size_t i = 3; i < corpus.size(); i += 7) REQUIRE(writer->remove(corpus[i].id).value());
    REQUIRE(writer->commit().ok());
  }
  auto local = Searcher::open(dir / "db");
  SearcherOptions through_xapian;
  through_xapian.score_locally = false;
  auto xapian = Searcher::open(dir / "db", through_xapian);
  SearcherOptions always_walk;
  always_walk.walk_from_postings = 0;
  auto walking = Searcher::open(dir / "db", always_walk);
  REQUIRE(local.has_value());
  REQUIRE(xapian.has_value());
  REQUIRE(walking.has_value());

  RankingOptions heavy = brute_force_profile();
  heavy.han_character_weight = 1000;
  heavy.cjk_bigram_weight = 1000;
  heavy.title_weight = 100;
  RankingOptions bm25;
  bm25.proximity_weight = bm25.whole_phrase_weight = bm25.coordination_weight = 0;
  bm25.recency_weight = bm25.popularity_weight = 0;
  std::vector<std::pair<std::string, std::string>> queries;  // (text, query language)
  for (const std::string& q : generated_queries(73, 20)) {
    queries.emplace_back(q, "en");
    queries.emplace_back(q, "");
  }
  for (const std::string& q : generated_queries(74, 20, kChineseVocabulary)) queries.emplace_back(q, "zh");
  for (const char* q : {"how do i reset the password", "\"wallet backup\" icloud", "the", "我的钱包怎么备份"}) {
    queries.emplace_back(q, "en");
  }
  for (const RankingOptions& profile : {RankingOptions{}, brute_force_profile(), heavy, bm25}) {
    for (const auto& [q, lang] : queries) {
      for (int filter = 0; filter < 3; ++filter) {
        SearchRequest r;
        r.query = q;
        r.query_language = lang;
        r.now = kNow;
        r.limit = 10000;
        r.ranking = profile;
        if (filter == 1) r.categories = {"c1"};
        if (filter == 2) r.languages = {"zh"};
        SearchResults want_all = must_search(*xapian, r);
        SearchResults got_all = must_search(*local, r);
        // The walk (MaxScore, search/local_top.h), made to run on this small
        // index, against weighing every match: the same top 10, and the
        // same hits 6-10, scores bit for bit.
        for (auto [offset, limit] : {std::pair<std::size_t, std::size_t>{0, 10}, {5, 5}}) {
          SearchRequest top = r;
          top.offset = offset;
          top.limit = limit;
          SearchResults walked = must_search(*walking, top);
          REQUIRE(walked.hits.size() == std::min(limit, got_all.hits.size() - std::min(offset, got_all.hits.size())));
          for (std::size_t i = 0; i < walked.hits.size(); ++i) {
            CHECK(walked.hits[i].id == got_all.hits[offset + i].id);
            CHECK(walked.hits[i].score == got_all.hits[offset + i].score);
          }
          CHECK(walked.total_estimate >= walked.hits.size());
        }
        std::vector<std::pair<double, std::string>> want;
        for (const SearchHit& h : want_all.hits) want.emplace_back(h.score, h.id);
        CAPTURE(q);
        CAPTURE(lang);
        CAPTURE(filter);
        REQUIRE(got_all.hits.size() == want.size());
        CHECK(got_all.total_estimate == want.size());
        check_hits_match(got_all.hits, want, 0, 1e-12);
        // The same articles, each with its score, whatever the order of ties.
        std::map<std::string, double> got_by_id, want_by_id;
        for (const SearchHit& h : got_all.hits) got_by_id[h.id] = h.score;
        for (const auto& [score, id] : want) want_by_id[id] = score;
        for (const auto& [id, score] : want_by_id) {
          CAPTURE(id);
          REQUIRE(got_by_id.count(id) == 1);
          CHECK(got_by_id[id] == doctest::Approx(score).epsilon(1e-12));
        }
      }
    }
  }
}

TEST_CASE("recency follows the pinned reference time and the chosen half-life") {
  TempDir dir;
  Article old_one = faqsearch::testing::make_article("old", "wallet backup", "");
  old_one.updated = kNow - 365 * kDay;
  Article new_one = faqsearch::testing::make_article("new", "wallet backup", "");
  new_one.updated = kNow;
  auto searcher = indexed_searcher(dir / "db", {old_one, new_one});
  SearchRequest r;
  r.query = "wallet";
  r.now = kNow;
  r.explain = true;
  r.ranking.popularity_weight = 0;
  for (double h : kRecencyHalfLivesDays) {
    r.ranking.recency_half_life_days = h;
    auto hits = must_search(*searcher, r).hits;
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].id == "new");
    CHECK(hits[0].explanation->recency_factor == doctest::Approx(1.0));
    CHECK(hits[1].explanation->recency_factor == doctest::Approx(std::exp2(-365.0 / h)));
  }
  // The same request gives the same scores: nothing depends on the clock.
  auto first = must_search(*searcher, r).hits;
  auto second = must_search(*searcher, r).hits;
  CHECK(first[0].score == second[0].score);
  // Half a year later, both articles have aged by the same factor.
  r.ranking.recency_half_life_days = 180;
  r.now = kNow + 180 * kDay;
  auto later = must_search(*searcher, r).hits;
  CHECK(later[0].explanation->recency_factor == doctest::Approx(0.5));
}

TEST_CASE("coordination ranks the article with more of the query's words first") {
  TempDir dir;
  // "long" repeats one word; "both" has each word once.
  auto searcher =
      indexed_searcher(dir / "db", {faqsearch::testing::make_article("long", "withdrawal withdrawal withdrawal", ""),
                                    faqsearch::testing::make_article("both", "withdrawal limit", ""),
                                    faqsearch::testing::make_article("other", "limit", ""),
                                    faqsearch::testing::make_article("x1", "deposit", ""),
                                    faqsearch::testing::make_article("x2", "deposit", "")});
  SearchRequest r;
  r.query = "withdrawal limit";
  r.now = kNow;
  r.explain = true;
  r.ranking.coordination_weight = 0.5;
  auto hits = must_search(*searcher, r).hits;
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].id == "both");
  CHECK(hits[0].explanation->coordination_bonus == doctest::Approx(0.5 * hits[0].explanation->scale));
  CHECK(hits[1].explanation->coordination_bonus == doctest::Approx(0.25 * hits[1].explanation->scale));
}

TEST_CASE("the proximity bonus goes to articles where the query's words are adjacent") {
  TempDir dir;
  auto searcher = indexed_searcher(
      dir / "db", {faqsearch::testing::make_article("apart", "Card", "The card payment was declined by the bank."),
                   faqsearch::testing::make_article("together", "Card", "The bank declined the card payment."),
                   faqsearch::testing::make_article("x", "other", "")});
  SearchRequest r;
  r.query = "card payment";
  r.now = kNow;
  r.explain = true;
  r.ranking.proximity_weight = 1.0;
  auto hits = must_search(*searcher, r).hits;
  REQUIRE(hits.size() == 2);
  for (const auto& h : hits) CHECK(h.explanation->proximity_bonus > 0);  // both have "card payment" adjacent
  r.query = "payment declined";  // adjacent in neither: "payment was declined", "declined the card payment"
  hits = must_search(*searcher, r).hits;
  REQUIRE(hits.size() == 2);
  for (const auto& h : hits) CHECK(h.explanation->proximity_bonus == 0);
  r.query = "bank declined";
  hits = must_search(*searcher, r).hits;
  CHECK(hits[0].id == "together");
  CHECK(hits[0].explanation->proximity_bonus > 0);
  CHECK(hits[1].explanation->proximity_bonus == 0);
}

TEST_CASE("the whole-phrase bonus needs every adjacent pair of the query in one field") {
  TempDir dir;
  auto searcher = indexed_searcher(
      dir / "db", {faqsearch::testing::make_article("apart", "Card", "The card payment was declined by the bank."),
                   faqsearch::testing::make_article("together", "Card", "The bank declined the card payment."),
                   faqsearch::testing::make_article("x", "other", "")});
  auto proximity_of = [&](double whole_phrase_weight) {
    SearchRequest r;
    r.query = "bank declined the card";
    r.now = kNow;
    r.explain = true;
    r.ranking.whole_phrase_weight = whole_phrase_weight;
    std::map<std::string, double> by_id;
    for (const SearchHit& h : must_search(*searcher, r).hits) by_id[h.id] = h.explanation->proximity_bonus;
    return by_id;
  };
  auto without = proximity_of(0), with = proximity_of(4);
  REQUIRE(with.size() == 2);
  CHECK(with["together"] > without["together"]);              // "bank declined the card" is in its body
  CHECK(with["apart"] == doctest::Approx(without["apart"]));  // only "the card" is
}

TEST_CASE("stopwords weigh stopword_weight when the query language is known, and never empty a query") {
  TempDir dir;
  auto searcher = indexed_searcher(dir / "db", {faqsearch::testing::make_article("the", "the the the of", ""),
                                                faqsearch::testing::make_article("fees", "fees", "")});
  SearchRequest r;
  r.query = "the fees";
  r.query_language = "en";
  r.now = kNow;
  r.ranking.stopword_weight = 0;
  auto hits = must_search(*searcher, r).hits;
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].id == "fees");
  r.query = "the of";  // only stopwords: kept
  hits = must_search(*searcher, r).hits;
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].id == "the");
  r.query = "the fees";
  r.ranking.stopword_weight = 1;
  CHECK(must_search(*searcher, r).hits.size() == 2);
}

TEST_CASE("issue 6: a Chinese bigram or character with a stop character weighs stopword_weight") {
  TempDir dir;
  auto searcher = indexed_searcher(dir / "db", {faqsearch::testing::make_article("particle", "有款吗", "", "zh"),
                                                faqsearch::testing::make_article("particle-only", "吗呀", "", "zh"),
                                                faqsearch::testing::make_article("content", "退款", "", "zh")});
  SearchRequest r;
  r.query = "退款吗";  // bigrams 退款 and 款吗; words 退款 and 吗; characters 退, 款 and 吗
  r.query_language = "zh";
  r.now = kNow;
  r.explain = true;
  r.ranking.proximity_weight = 0;
  r.ranking.coordination_weight = 0;
  r.ranking.recency_weight = 0;
  r.ranking.popularity_weight = 0;
  auto score_of = [&](double stopword_weight, std::string_view id) {
    r.ranking.stopword_weight = stopword_weight;
    for (const SearchHit& h : must_search(*searcher, r).hits) {
      if (h.id == id) return h.score;
    }
    return 0.0;
  };
  SUBCASE("bigrams") {
    r.ranking.han_character_weight = 0;
    // "有款吗" matches only through 吗 and 款吗: all of its score is stopword weight.
    CHECK(score_of(0.3, "particle") > 0);
    CHECK(score_of(0.3, "particle") == doctest::Approx(0.3 * score_of(1, "particle")));
    CHECK(score_of(0.3, "content") == doctest::Approx(score_of(1, "content")));
  }
  SUBCASE("characters") {
    // "吗呀" matches only through the word and the character 吗.
    CHECK(score_of(0.3, "particle-only") > 0);
    CHECK(score_of(0.3, "particle-only") == doctest::Approx(0.3 * score_of(1, "particle-only")));
    CHECK(score_of(0.3, "content") == doctest::Approx(score_of(1, "content")));
  }
}

TEST_CASE("issue 6: single Han characters find a paraphrase that shares no word and no bigram") {
  TempDir dir;
  using faqsearch::testing::make_article;
  auto searcher = indexed_searcher(
      dir / "db", {make_article("statement-day", "账单日", "", "zh"), make_article("wallet", "錢包", "", "zh"),
                   make_article("limit", "提高额度", "", "zh")});
  SearchRequest r;
  r.query_language = "zh";
  r.now = kNow;
  auto ids_for = [&](const char* query, double han_character_weight) {
    r.query = query;
    r.ranking.han_character_weight = han_character_weight;
    std::vector<std::string> ids;
    for (const SearchHit& h : must_search(*searcher, r).hits) ids.push_back(h.id);
    return ids;
  };
  // 帐 is a variant of 账: only 单 is shared.
  CHECK(ids_for("帐单", 2.5) == std::vector<std::string>{"statement-day"});
  CHECK(ids_for("帐单", 0).empty());
  // A Traditional title meets a Simplified query character by character.
  CHECK(ids_for("钱", 2.5) == std::vector<std::string>{"wallet"});
  CHECK(ids_for("钱", 0).empty());
  // Characters add to words and bigrams: the weight raises the match's score.
  r.explain = true;
  auto title_score = [&](double han_character_weight) {
    r.query = "提额";
    r.ranking.han_character_weight = han_character_weight;
    auto hits = must_search(*searcher, r).hits;
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].id == "limit");
    return hits[0].explanation->title_bm25;
  };
  CHECK(title_score(2.5) > title_score(0));
}

TEST_CASE("issue 6: a stop character alone never makes an article match, unless the query is only stop characters") {
  TempDir dir;
  using faqsearch::testing::make_article;
  auto searcher = indexed_searcher(
      dir / "db", {make_article("destination", "目的地", "", "zh"), make_article("wallet", "钱包", "", "zh")});
  SearchRequest r;
  r.now = kNow;
  auto ids_for = [&](const char* query, std::string language) {
    r.query = query;
    r.query_language = std::move(language);
    std::vector<std::string> ids;
    for (const SearchHit& h : must_search(*searcher, r).hits) ids.push_back(h.id);
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  // 目的地 shares only the character 的 (a stopword) with the query.
  CHECK(ids_for("我的钱包", "zh") == std::vector<std::string>{"wallet"});
  // A query of stop characters alone keeps them whole, as it keeps stopwords.
  CHECK(ids_for("的", "zh") == std::vector<std::string>{"destination"});
  // Without a known language nothing is a stopword (as for words).
  CHECK(ids_for("我的钱包", "") == std::vector<std::string>{"destination", "wallet"});
}

TEST_CASE("issue 6: a title word is normalised by the title's length, not the article's") {
  TempDir dir;
  using faqsearch::testing::make_article;
  std::string long_body;
  for (int i = 0; i < 60; ++i) long_body += "settings account profile security ";
  auto searcher =
      indexed_searcher(dir / "db", {make_article("short-answer", "How do I reset my password?", "Tap reset."),
                                    make_article("long-answer", "How do I reset my password?", long_body),
                                    make_article("long-title",
                                                 "How do I reset my password on the phone app if I "
                                                 "no longer have the email address?",
                                                 "Tap reset."),
                                    make_article("x", "deposit fees", "")});
  SearchRequest r;
  r.query = "reset password";
  r.now = kNow;
  r.explain = true;
  auto title_scores = [&] {
    std::map<std::string, double> by_id;
    for (const SearchHit& h : must_search(*searcher, r).hits) by_id[h.id] = h.explanation->title_bm25;
    return by_id;
  };
  auto scores = title_scores();
  REQUIRE(scores.size() == 3);
  // The same title scores the same, however long the answer under it.
  CHECK(scores["long-answer"] == doctest::Approx(scores["short-answer"]).epsilon(1e-12));
  // A longer title says more than the query: its match weighs less.
  CHECK(scores["long-title"] < scores["short-answer"]);
  // title_b 0: no length normalisation of titles at all.
  r.ranking.title_b = 0;
  scores = title_scores();
  CHECK(scores["long-title"] == doctest::Approx(scores["short-answer"]).epsilon(1e-12));
  // The body is still normalised by the whole article, as before.
  r.ranking.title_b = 0.4;
  r.query = "reset";
  std::map<std::string, double> body;
  for (const SearchHit& h : must_search(*searcher, r).hits) body[h.id] = h.explanation->body_bm25;
  CHECK(body["short-answer"] > 0);
  CHECK(body["long-answer"] == 0);
}

TEST_CASE("issue 6: a title's word pairs are normalised by the title's length, like its words") {
  TempDir dir;
  using faqsearch::testing::make_article;
  std::string long_body;
  for (int i = 0; i < 60; ++i) long_body += "settings account profile security ";
  auto searcher = indexed_searcher(
      dir / "db",
      {make_article("short-answer", "How do I reset my password?", "Tap the link."),
       make_article("long-answer", "How do I reset my password?", long_body),
       make_article("long-title", "How do I reset my password on the phone app if I no longer have the email address?",
                    "Tap the link."),
       make_article("x", "deposit fees", "")});
  SearchRequest r;
  r.now = kNow;
  r.explain = true;
  auto proximity = [&](const char* query) {
    r.query = query;
    std::map<std::string, double> by_id;
    for (const SearchHit& h : must_search(*searcher, r).hits) by_id[h.id] = h.explanation->proximity_bonus;
    return by_id;
  };
  for (const char* query : {"my password", "reset my password"}) {  // one pair; then the whole phrase too
    CAPTURE(query);
    auto bonus = proximity(query);
    REQUIRE(bonus.size() == 3);
    CHECK(bonus["short-answer"] > 0);
    // The same title earns the same pair bonus, however long the answer under it.
    CHECK(bonus["long-answer"] == doctest::Approx(bonus["short-answer"]).epsilon(1e-12));
    // A longer title holding the same words together earns less.
    CHECK(bonus["long-title"] < bonus["short-answer"]);
  }
  // The whole phrase (3+ words) adds to the pair bonus, by the same rule.
  auto pairs_alone = [&] {
    r.ranking.whole_phrase_weight = 0;
    auto bonus = proximity("reset my password");
    r.ranking.whole_phrase_weight = RankingOptions{}.whole_phrase_weight;
    return bonus;
  }();
  auto with_phrase = proximity("reset my password");
  CHECK(with_phrase["short-answer"] > pairs_alone["short-answer"]);
  CHECK(with_phrase["long-title"] > pairs_alone["long-title"]);
}

TEST_CASE("issue 6: two adjacent Chinese words make no pair term; their characters count as a run instead") {
  // The premise: the dictionary splits "修改密码" into two Han words.
  Analyzer analyzer;
  std::vector<Token> tokens = analyzer.tokenize("修改密码");
  REQUIRE(tokens.size() == 2);
  for (const Token& t : tokens) CHECK(t.kind == TokenKind::ideographic);

  TempDir dir;
  using faqsearch::testing::make_article;
  auto searcher = indexed_searcher(
      dir / "db", {make_article("zh", "usdt 修改密码", "", "zh"), make_article("en", "usdt change password", "", "en"),
                   make_article("x", "deposit fees", "", "en")});
  auto proximity_of = [&](const char* query, double whole_phrase_weight, double cjk_bigram_weight = 2) {
    SearchRequest r;
    r.query = query;
    r.now = kNow;
    r.explain = true;
    r.ranking.whole_phrase_weight = whole_phrase_weight;
    r.ranking.cjk_bigram_weight = cjk_bigram_weight;
    // "usdt" alone matches the other article too, with no bonus.
    double best = 0;
    for (const SearchHit& h : must_search(*searcher, r).hits) best = std::max(best, h.explanation->proximity_bonus);
    return best;
  };
  // Word pairs only (no whole phrase): the English pair counts, the Chinese one does not.
  CHECK(proximity_of("change password", 0) > 0);
  CHECK(proximity_of("修改密码", 0) == 0);
  // The run of Chinese characters still earns the whole-phrase bonus.
  CHECK(proximity_of("修改密码", 4) > 0);
  // Latin + Han: "usdt 修改" is a pair, but no word phrase spans the Han
  // words (with the bigram runs off, the whole-phrase weight adds nothing);
  // the English query of as many words gets its word phrase.
  CHECK(proximity_of("usdt 修改密码", 0, 0) > 0);
  CHECK(proximity_of("usdt 修改密码", 4, 0) == doctest::Approx(proximity_of("usdt 修改密码", 0, 0)));
  CHECK(proximity_of("usdt change password", 4, 0) > proximity_of("usdt change password", 0, 0));
}

TEST_CASE("issue 6: a run of Chinese characters weighs its share of the query as a whole phrase") {
  TempDir dir;
  auto searcher = indexed_searcher(dir / "db", {faqsearch::testing::make_article("clause", "不能借款", "", "zh"),
                                                faqsearch::testing::make_article("other", "修改密码", "", "zh")});
  auto proximity_of = [&](const std::string& query, double whole_phrase_weight) {
    SearchRequest r;
    r.query = query;
    r.query_language = "zh";
    r.now = kNow;
    r.explain = true;
    r.ranking.whole_phrase_weight = whole_phrase_weight;
    for (const SearchHit& h : must_search(*searcher, r).hits) {
      if (h.id == "clause") return h.explanation->proximity_bonus;
    }
    FAIL("no hit for the article");
    return 0.0;
  };
  // Alone, "不能借款" is the whole query; after "身份信息输入错误，" it is one
  // clause: 3 of the query's 10 Han bigrams.
  double alone = proximity_of("不能借款", 4) - proximity_of("不能借款", 0);
  double clause = proximity_of("身份信息输入错误，不能借款", 4) - proximity_of("身份信息输入错误，不能借款", 0);
  REQUIRE(alone > 0);
  CHECK(clause == doctest::Approx(alone * 3.0 / 10.0));
}

TEST_CASE("with zero boost weights the score is the text score alone") {
  TempDir dir;
  auto searcher = indexed_searcher(dir / "db", generated_corpus(8, 100));
  SearchRequest r;
  r.query = "wallet backup";
  r.now = kNow;
  r.explain = true;
  r.ranking.recency_weight = 0;
  r.ranking.popularity_weight = 0;
  for (const SearchHit& h : must_search(*searcher, r).hits) {
    CHECK(h.explanation->recency_boost == 0);
    CHECK(h.explanation->popularity_boost == 0);
    CHECK(h.score == doctest::Approx(text_of(h)).epsilon(1e-12));
  }
}

TEST_CASE("articles without dates or views get no boost and still rank by text") {
  TempDir dir;
  Article plain = faqsearch::testing::make_article("plain", "wallet backup icloud", "");
  Article dated = faqsearch::testing::make_article("dated", "wallet", "");
  dated.updated = kNow;
  dated.views = 100000;
  auto searcher = indexed_searcher(dir / "db", {plain, dated});
  SearchRequest r;
  r.query = "wallet backup icloud";
  r.now = kNow;
  r.explain = true;
  auto hits = must_search(*searcher, r).hits;
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].id == "plain");
  CHECK(hits[0].explanation->recency_factor == 0);
  CHECK(hits[0].explanation->popularity_factor == 0);
}

TEST_CASE("a reference time before the newest article counts as that article's date") {
  TempDir dir;
  Article newest = faqsearch::testing::make_article("new", "wallet", "");
  newest.updated = kNow;
  Article older = faqsearch::testing::make_article("old", "wallet", "");
  older.updated = kNow - 100 * kDay;
  auto searcher = indexed_searcher(dir / "db", {newest, older});
  SearchRequest r;
  r.query = "wallet";
  r.now = kNow - 3650 * kDay;  // ten years before the newest article
  r.explain = true;
  r.fields = HitFields::id_only;  // explanations come with id-only hits too
  auto hits = must_search(*searcher, r).hits;
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].id == "new");
  REQUIRE(hits[0].explanation.has_value());
  CHECK(hits[0].explanation->recency_factor == doctest::Approx(1.0));
  CHECK(hits[1].explanation->recency_factor == doctest::Approx(std::exp2(-100.0 / 365)));
  CHECK(std::isfinite(hits[0].score));
}

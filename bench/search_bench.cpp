// search_bench: one top-10 query, from text to results, ours against plain
// Xapian on the same generated corpus, in one run.
//
//   BM_Faqsearch/terms:<1|2|4>/ranking:<0|1>/fields:<0|1>
//       Searcher::search with limit 10. ranking:1 is the default
//       RankingOptions (BM25 + proximity, phrase and coordination bonuses +
//       recency + popularity), ranking:0 is pure BM25 (every bonus and boost
//       weight 0). fields:0 fetches every
//       display field (HitFields::display), fields:1 only ids (id_only).
//   BM_Xapian/terms:<1|2|4>
//       baseline: QueryParser (default OR, English stemmer, STEM_SOME) and
//       Enquire with BM25Weight defaults, top 10, ids from document data, on
//       an index built with TermGenerator (English stemmer, title wdf x3).
//
// Both indexes hold the same 5000 generated articles (corpus_gen.h, seed 1)
// and live in a temporary directory made before the first benchmark runs and
// deleted at exit. Each iteration runs the next of 64 queries of that length,
// so one figure is the mean over a mix of common and rare words.
#include <benchmark/benchmark.h>
#include <unistd.h>
#include <xapian.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "corpus_gen.h"
#include "faqsearch/index_writer.h"
#include "faqsearch/searcher.h"
#include "xapian_baseline.h"

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kArticles = 5'000;
constexpr std::size_t kQueriesPerLength = 64;
constexpr faqsearch::UnixSeconds kNow = 1'798'761'600;  // 2027-01-01: recency ranks alike every run

// Both indexes and their searchers, built once on first use.
class Fixture {
 public:
  Fixture() : dir_(fs::temp_directory_path() / ("faqsearch-search-bench-" + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    faqsearch::bench::CorpusGenerator corpus;
    std::vector<faqsearch::Article> articles = corpus.articles(0, kArticles);
    build_ours(articles);
    build_xapian(articles);

    auto searcher = faqsearch::Searcher::open((dir_ / "faqsearch").string());
    if (!searcher) throw std::runtime_error(searcher.error().to_string());
    searcher_.emplace(std::move(searcher.value()));
    xapian_ = std::make_unique<faqsearch::bench::XapianBaselineSearcher>((dir_ / "xapian").string());

    std::vector<faqsearch::bench::GeneratedQuery> all = corpus.queries(kArticles, 3 * kQueriesPerLength);
    for (const auto& q : all) queries_[slot(static_cast<std::int64_t>(q.terms))].push_back(q.text);
  }

  ~Fixture() {
    searcher_.reset();
    xapian_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  Fixture(const Fixture&) = delete;
  Fixture& operator=(const Fixture&) = delete;

  const faqsearch::Searcher& searcher() const { return *searcher_; }

  // Queries of `terms` (1, 2 or 4) words.
  const std::vector<std::string>& queries(std::int64_t terms) const { return queries_[slot(terms)]; }

  std::vector<std::string> xapian_search(const std::string& text) const {
    std::vector<std::string> ids;
    xapian_->search(text, 10, ids);
    return ids;
  }

 private:
  static std::size_t slot(std::int64_t terms) { return terms <= 1 ? 0 : terms <= 2 ? 1 : 2; }

  void build_ours(const std::vector<faqsearch::Article>& articles) {
    auto writer = faqsearch::IndexWriter::open((dir_ / "faqsearch").string());
    if (!writer) throw std::runtime_error(writer.error().to_string());
    for (const auto& a : articles) {
      if (auto r = writer->upsert(a); !r) throw std::runtime_error(r.error().to_string());
    }
    if (auto s = writer->commit(); !s.ok()) throw std::runtime_error(s.to_string());
  }

  void build_xapian(const std::vector<faqsearch::Article>& articles) {
    Xapian::WritableDatabase db((dir_ / "xapian").string(), Xapian::DB_CREATE_OR_OVERWRITE);
    faqsearch::bench::XapianBaselineIndexer indexer;
    for (const auto& a : articles) indexer.upsert(db, a);
    db.commit();
  }

  fs::path dir_;
  std::optional<faqsearch::Searcher> searcher_;
  std::unique_ptr<faqsearch::bench::XapianBaselineSearcher> xapian_;
  std::array<std::vector<std::string>, 3> queries_;
};

// The fixture, or nullptr after reporting why it could not be built.
const Fixture* fixture(benchmark::State& state) {
  try {
    static const Fixture f;
    return &f;
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
  } catch (const Xapian::Error& e) {
    state.SkipWithError(e.get_description().c_str());
  }
  return nullptr;
}

void BM_Faqsearch(benchmark::State& state) {
  const Fixture* fp = fixture(state);
  if (fp == nullptr) return;
  const Fixture& f = *fp;
  const std::vector<std::string>& queries = f.queries(state.range(0));
  faqsearch::SearchRequest request;
  request.limit = 10;
  request.now = kNow;
  if (state.range(1) == 0) {
    request.ranking.recency_weight = 0;
    request.ranking.popularity_weight = 0;
    request.ranking.proximity_weight = 0;
    request.ranking.whole_phrase_weight = 0;
    request.ranking.coordination_weight = 0;
  }
  request.fields = state.range(2) == 0 ? faqsearch::HitFields::display : faqsearch::HitFields::id_only;
  // Query strings are copied into requests here, outside the timed loop.
  std::vector<faqsearch::SearchRequest> requests(queries.size(), request);
  for (std::size_t i = 0; i < queries.size(); ++i) requests[i].query = queries[i];

  std::size_t next = 0;
  for (auto _ : state) {
    auto results = f.searcher().search(requests[next]);
    benchmark::DoNotOptimize(results);
    if (!results) {
      state.SkipWithError(results.error().to_string().c_str());
      break;
    }
    next = next + 1 == requests.size() ? 0 : next + 1;
  }
  state.SetLabel(std::string(state.range(1) == 1 ? "full" : "bm25") + (state.range(2) == 0 ? ", display" : ", ids"));
}
BENCHMARK(BM_Faqsearch)
    ->ArgNames({"terms", "ranking", "fields"})
    ->ArgsProduct({{1, 2, 4}, {1, 0}, {0, 1}})
    ->Unit(benchmark::kMicrosecond);

void BM_Xapian(benchmark::State& state) {
  const Fixture* fp = fixture(state);
  if (fp == nullptr) return;
  const Fixture& f = *fp;
  const std::vector<std::string>& queries = f.queries(state.range(0));
  std::size_t next = 0;
  for (auto _ : state) {
    std::vector<std::string> ids = f.xapian_search(queries[next]);
    benchmark::DoNotOptimize(ids);
    next = next + 1 == queries.size() ? 0 : next + 1;
  }
  state.SetLabel("baseline, ids");
}
BENCHMARK(BM_Xapian)->ArgNames({"terms"})->Arg(1)->Arg(2)->Arg(4)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();

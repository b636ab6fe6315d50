// ranking_bench: the per-candidate cost of the recency and popularity boosts.
//
//   BM_RecencyIndexValue     index time: the stored decay value of one article
//   BM_PopularityFactor      index time: the stored popularity of one article
//   BM_BoostSource/slot:S    query time: a ValueWeightPostingSource over
//                            10,000 articles, stepped through every candidate
//                            and weighed, as Xapian's matcher does for the
//                            boost clause (items/s = candidates/s); S 5 =
//                            popularity, 9 = recency at the default 365-day
//                            half-life
//   BM_ValueStream           baseline: the same value stream read with a
//                            plain ValueIterator, no weighting
// Setup (indexing the generated corpus) is outside the timed loops.
#include <benchmark/benchmark.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <string>

#include "corpus_gen.h"
#include "faqsearch/index_writer.h"
#include "index/schema.h"
#include "ranking/boosts.h"

namespace {

namespace fs = std::filesystem;
constexpr std::size_t kArticles = 10'000;

// One index of generated articles shared by the query-time benchmarks.
class Fixture {
 public:
  Fixture() : dir_(fs::temp_directory_path() / ("faqsearch-ranking-bench-" + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    auto writer = faqsearch::IndexWriter::open(dir_.string());
    if (!writer) throw std::runtime_error(writer.error().to_string());
    faqsearch::bench::CorpusGenerator corpus;
    for (std::size_t i = 0; i < kArticles; ++i) {
      if (auto r = writer->upsert(corpus.article(i)); !r) throw std::runtime_error(r.error().to_string());
    }
    if (auto s = writer->commit(); !s.ok()) throw std::runtime_error(s.to_string());
    db_ = Xapian::Database(dir_.string());
  }
  ~Fixture() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const Xapian::Database& db() const { return db_; }

 private:
  fs::path dir_;
  Xapian::Database db_;
};

const Fixture& fixture() {
  static Fixture f;
  return f;
}

void BM_RecencyIndexValue(benchmark::State& state) {
  faqsearch::UnixSeconds updated = 1'700'000'000;
  for (auto _ : state) {
    benchmark::DoNotOptimize(faqsearch::detail::recency_index_value(updated, 1'790'000'000, 365));
    updated += 3600;
  }
}
BENCHMARK(BM_RecencyIndexValue);

void BM_PopularityFactor(benchmark::State& state) {
  std::int64_t views = 1;
  for (auto _ : state) {
    benchmark::DoNotOptimize(faqsearch::detail::popularity_factor(views));
    views = views * 7 % 1'000'003;
  }
}
BENCHMARK(BM_PopularityFactor);

void BM_BoostSource(benchmark::State& state) {
  const Xapian::Database& db = fixture().db();
  auto slot = static_cast<Xapian::valueno>(state.range(0));
  for (auto _ : state) {
    Xapian::ValueWeightPostingSource source(slot);
    source.init(db);
    double total = 0;
    for (source.next(0.0); !source.at_end(); source.next(0.0)) total += source.get_weight();
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(kArticles));
}
BENCHMARK(BM_BoostSource)
    ->ArgName("slot")
    ->Arg(faqsearch::detail::schema::kPopularitySlot)
    ->Arg(static_cast<int64_t>(faqsearch::detail::schema::recency_slot(365)));

void BM_ValueStream(benchmark::State& state) {
  const Xapian::Database& db = fixture().db();
  for (auto _ : state) {
    std::size_t bytes = 0;
    for (auto it = db.valuestream_begin(faqsearch::detail::schema::kPopularitySlot);
         it != db.valuestream_end(faqsearch::detail::schema::kPopularitySlot); ++it) {
      bytes += (*it).size();
    }
    benchmark::DoNotOptimize(bytes);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(kArticles));
}
BENCHMARK(BM_ValueStream);

}  // namespace

BENCHMARK_MAIN();

// e2e_bench: end to end on a generated corpus, ours against plain Xapian in
// one process: indexing speed, index size and top-10 query latency.
//
//   e2e_bench [--n 10000,100000] [--queries 300] [--reps 3] [--seed 1]
//             [--million] [--quick] [--dir DIR] [--keep DIR]
//             [--write-queries DIR]
//
// For each corpus size N:
//   1. Generates N articles (corpus_gen.h, seed --seed) in batches of 10'000
//      and indexes them three times, committing after each batch:
//        faqsearch  IndexWriter::upsert (ICU analysis, title and body fields)
//        xapian     Xapian::TermGenerator, English stemmer, STEM_SOME, title
//                   with wdf x3 then body, id as document data and a Q term
//                   (replace_document by that term, as upsert does); and
//                   again with the title as its own prefixed field (xap2f)
//      Only upserts and commits are timed, not generating the text.
//      bytes/article = size of the index directory / N (uncompacted).
//   2. Runs the same --queries queries (1, 2 and 4 words drawn from random
//      articles, so each matches) through six systems, top 10, taking
//      turns query by query:
//        full    Searcher, default RankingOptions (BM25 + bonuses + boosts)
//        xmatch  the same through Xapian's matcher
//                (SearcherOptions::score_locally off): what faqsearch's
//                own matcher saves
//        text    Searcher, the default without the recency and popularity
//                boosts (BM25 + proximity, phrase and coordination bonuses)
//        bm25    Searcher, pure BM25: every bonus and boost weight 0
//        xapian  QueryParser (default OR, English stemmer, STEM_SOME) +
//                Enquire with BM25Weight defaults, ids from document data
//        xap2f   the same with title and body as separate fields, title x3
//                at query time (xapian_baseline.h): plain Xapian's cost of
//                scoring fields apart, as ours does
//      Ours asks for HitFields::id_only. One untimed warm-up pass, then --reps
//      timed passes; each query is timed with steady_clock around parsing,
//      searching and fetching the ids. Per query: the median over reps; then
//      p50 and p99 over the queries of each length.
//
// --quick is N = 2000, 50 queries, 1 rep: a smoke test (ctest bench.e2e_smoke).
// --million adds N = 1'000'000. Indexes go to a fresh directory under --dir
// (default: the system temp directory) and are deleted when done. With
// --keep DIR they are kept in DIR/n<N>-seed<S> instead, and a later run
// with the same --keep, N and seed reuses them (indexing is then not
// timed): for measuring query changes quickly. --write-queries DIR also
// writes each size's queries to DIR/queries-n<N>-seed<S>.jsonl, in
// faq-query --batch's format (qid "<i>-w<words>"), so that one system's
// share of the work can be profiled alone (callgrind, strace) on the same
// queries.
//
// Exit status: 0 on success, 1 if an index or search fails or a query finds
// nothing (every query comes from an indexed article, so that is a bug),
// 2 on bad usage. Timings are reported, never checked.
#include <fmt/format.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "corpus_gen.h"
#include "faqsearch/index_writer.h"
#include "faqsearch/searcher.h"
#include "xapian_baseline.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using faqsearch::bench::CorpusGenerator;
using faqsearch::bench::GeneratedQuery;

constexpr std::size_t kBatch = 10'000;  // articles per commit (Xapian's default autoflush threshold too)
constexpr std::size_t kTopK = 10;
// Recency is computed against a fixed instant (2027-01-01) so runs rank alike.
constexpr faqsearch::UnixSeconds kNow = 1'798'761'600;

struct Options {
  std::vector<std::size_t> sizes = {10'000, 100'000};
  std::size_t queries = 300;
  std::size_t reps = 3;
  std::uint64_t seed = 1;
  bool million = false;
  fs::path dir;
  fs::path keep;           // empty: indexes in a scratch directory, deleted
  fs::path write_queries;  // empty: the queries are not written out
};

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

double micros(Clock::duration d) { return std::chrono::duration<double, std::micro>(d).count(); }

std::size_t parse_count(std::string_view flag, const std::string& text) {
  std::size_t used = 0;
  unsigned long long v = 0;
  try {
    v = std::stoull(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || text[0] == '-') {
    throw UsageError(fmt::format("{}: expected a non-negative integer, got \"{}\"", flag, text));
  }
  return static_cast<std::size_t>(v);
}

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string_view flag = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw UsageError(fmt::format("{} needs a value", flag));
      return argv[++i];
    };
    if (flag == "--n") {
      o.sizes.clear();
      std::string list = value();
      for (std::size_t start = 0; start <= list.size();) {
        std::size_t comma = std::min(list.find(',', start), list.size());
        std::size_t n = parse_count(flag, list.substr(start, comma - start));
        if (n == 0) throw UsageError("--n: sizes must be > 0");
        o.sizes.push_back(n);
        start = comma + 1;
      }
    } else if (flag == "--queries") {
      o.queries = parse_count(flag, value());
      if (o.queries == 0) throw UsageError("--queries must be > 0");
    } else if (flag == "--reps") {
      o.reps = parse_count(flag, value());
      if (o.reps == 0) throw UsageError("--reps must be > 0");
    } else if (flag == "--seed") {
      o.seed = parse_count(flag, value());
    } else if (flag == "--million") {
      o.million = true;
    } else if (flag == "--quick") {
      o.sizes = {2'000};
      o.queries = 50;
      o.reps = 1;
    } else if (flag == "--dir") {
      o.dir = value();
    } else if (flag == "--keep") {
      o.keep = value();
    } else if (flag == "--write-queries") {
      o.write_queries = value();
    } else if (flag == "--help" || flag == "-h") {
      throw UsageError("");
    } else {
      throw UsageError(fmt::format("unknown option {}", flag));
    }
  }
  if (o.million && std::find(o.sizes.begin(), o.sizes.end(), 1'000'000) == o.sizes.end()) o.sizes.push_back(1'000'000);
  return o;
}

std::uint64_t directory_bytes(const fs::path& dir) {
  std::uint64_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

// Deletes a directory tree when it goes out of scope, errors or not.
struct ScratchDir {
  explicit ScratchDir(fs::path p) : path(std::move(p)) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  fs::path path;
};

struct IndexStats {
  double seconds = 0;
  std::uint64_t bytes = 0;
};

// Feeds the corpus in batches to `add` (one article) and `commit`, timing only those.
IndexStats index_corpus(const CorpusGenerator& corpus, std::size_t n,
                        const std::function<void(const faqsearch::Article&)>& add,
                        const std::function<void()>& commit) {
  IndexStats stats;
  for (std::size_t first = 0; first < n; first += kBatch) {
    std::vector<faqsearch::Article> batch = corpus.articles(first, std::min(kBatch, n - first));
    Clock::time_point t0 = Clock::now();
    for (const faqsearch::Article& a : batch) add(a);
    commit();
    stats.seconds += std::chrono::duration<double>(Clock::now() - t0).count();
  }
  return stats;
}

IndexStats index_ours(const CorpusGenerator& corpus, std::size_t n, const fs::path& path) {
  auto writer = faqsearch::IndexWriter::open(path.string());
  if (!writer) throw std::runtime_error("faqsearch: " + writer.error().to_string());
  IndexStats stats = index_corpus(
      corpus, n,
      [&](const faqsearch::Article& a) {
        if (auto r = writer->upsert(a); !r) throw std::runtime_error("faqsearch upsert: " + r.error().to_string());
      },
      [&] {
        if (auto s = writer->commit(); !s.ok()) throw std::runtime_error("faqsearch commit: " + s.to_string());
      });
  stats.bytes = directory_bytes(path);
  return stats;
}

IndexStats index_xapian(const CorpusGenerator& corpus, std::size_t n, const fs::path& path,
                        faqsearch::bench::Layout layout) {
  Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  faqsearch::bench::XapianBaselineIndexer indexer(layout);
  IndexStats stats = index_corpus(
      corpus, n, [&](const faqsearch::Article& a) { indexer.upsert(db, a); }, [&] { db.commit(); });
  db.close();
  stats.bytes = directory_bytes(path);
  return stats;
}

// The queries as faq-query --batch reads them: one JSON object per line.
void write_queries(const std::vector<GeneratedQuery>& queries, const fs::path& dir, std::size_t n, std::uint64_t seed) {
  fs::create_directories(dir);
  fs::path path = dir / fmt::format("queries-n{}-seed{}.jsonl", n, seed);
  std::ofstream out(path);
  for (std::size_t q = 0; q < queries.size(); ++q) {
    std::string text;
    for (char c : queries[q].text) {
      if (c == '"' || c == '\\') text += '\\';
      text += c;
    }
    out << fmt::format(R"({{"qid": "{}-w{}", "text": "{}"}})", q, queries[q].terms, text) << '\n';
  }
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
  fmt::print(stderr, "N={}: queries written to {}\n", n, path.string());
}

// One system under test. run() fills `ids` with the top-10 external ids of
// `text` and returns the microseconds spent parsing, searching and fetching.
struct System {
  std::string name;
  std::function<double(const std::string& text, std::vector<std::string>& ids)> run;
};

System faqsearch_system(std::string name, const faqsearch::Searcher& searcher, faqsearch::RankingOptions ranking) {
  faqsearch::SearchRequest request;
  request.limit = kTopK;
  request.fields = faqsearch::HitFields::id_only;
  request.ranking = ranking;
  request.now = kNow;
  return {std::move(name), [&searcher, request](const std::string& text, std::vector<std::string>& ids) mutable {
            request.query = text;
            Clock::time_point t0 = Clock::now();
            auto results = searcher.search(request);
            Clock::duration elapsed = Clock::now() - t0;
            if (!results) throw std::runtime_error("faqsearch search: " + results.error().to_string());
            ids.clear();
            for (faqsearch::SearchHit& hit : results->hits) ids.push_back(std::move(hit.id));
            return micros(elapsed);
          }};
}

System xapian_system(std::string name, faqsearch::bench::XapianBaselineSearcher& x) {
  return {std::move(name), [&x](const std::string& text, std::vector<std::string>& ids) {
            Clock::time_point t0 = Clock::now();
            x.search(text, static_cast<unsigned>(kTopK), ids);
            return micros(Clock::now() - t0);
          }};
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Nearest-rank percentile: the smallest value with at least p of the values at or below it.
double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size())));
  return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}

double overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() && b.empty()) return 1;
  std::set<std::string> sa(a.begin(), a.end());
  std::size_t common = 0;
  for (const std::string& id : b) common += sa.count(id);
  return static_cast<double>(common) / static_cast<double>(std::max(a.size(), b.size()));
}

std::string with_commas(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Runs everything for one corpus size. Returns false if a query found nothing.
bool run_size(const Options& options, std::size_t n, const fs::path& base) {
  std::optional<ScratchDir> scratch;
  fs::path dir;
  if (options.keep.empty()) {
    scratch.emplace(base / fmt::format("n{}", n));
    dir = scratch->path;
  } else {
    dir = options.keep / fmt::format("n{}-seed{}", n, options.seed);
  }
  CorpusGenerator corpus({.seed = options.seed});

  // Written once all three indexes are complete; present: reuse them.
  fs::path complete = dir / "complete";
  bool reuse = !options.keep.empty() && fs::exists(complete);
  IndexStats ours, base_stats, fields_stats;
  if (reuse) {
    fmt::print(stderr, "N={}: reusing the indexes in {}\n", n, dir.string());
    ours.bytes = directory_bytes(dir / "faqsearch");
    base_stats.bytes = directory_bytes(dir / "xapian");
    fields_stats.bytes = directory_bytes(dir / "xapian-fields");
  } else {
    fs::remove_all(dir);
    fs::create_directories(dir);
    fmt::print(stderr, "N={}: indexing with faqsearch...\n", n);
    ours = index_ours(corpus, n, dir / "faqsearch");
    fmt::print(stderr, "N={}: indexing with xapian...\n", n);
    base_stats = index_xapian(corpus, n, dir / "xapian", faqsearch::bench::Layout::combined);
    fmt::print(stderr, "N={}: indexing with xapian, title and body as fields...\n", n);
    fields_stats = index_xapian(corpus, n, dir / "xapian-fields", faqsearch::bench::Layout::fields);
    if (!options.keep.empty()) std::ofstream(complete) << "complete\n";
  }

  // One Searcher per system: a searcher's handle keeps the B-tree blocks it
  // last read, so systems sharing one would warm each other's next query
  // (the one after another on the same query read fewer blocks).
  auto open_searcher = [&](const faqsearch::SearcherOptions& searcher_options) {
    auto opened = faqsearch::Searcher::open((dir / "faqsearch").string(), searcher_options);
    if (!opened) throw std::runtime_error("faqsearch: " + opened.error().to_string());
    return std::move(opened.value());
  };
  faqsearch::Searcher searcher = open_searcher({});
  faqsearch::Searcher text_searcher = open_searcher({});
  faqsearch::Searcher bm25_searcher = open_searcher({});
  faqsearch::SearcherOptions through_xapian;
  through_xapian.score_locally = false;
  faqsearch::Searcher xapian_matcher = open_searcher(through_xapian);
  auto count = searcher.article_count();
  if (!count) throw std::runtime_error("faqsearch: " + count.error().to_string());
  if (count.value() != n) {
    throw std::runtime_error(fmt::format("faqsearch index holds {} articles, expected {}", count.value(), n));
  }
  faqsearch::bench::XapianBaselineSearcher xapian((dir / "xapian").string());
  faqsearch::bench::XapianBaselineSearcher xapian_fields((dir / "xapian-fields").string(),
                                                         faqsearch::bench::Layout::fields);

  // Pure BM25 over title and body: every bonus and boost off.
  faqsearch::RankingOptions bm25_only;
  bm25_only.recency_weight = 0;
  bm25_only.popularity_weight = 0;
  bm25_only.proximity_weight = 0;
  bm25_only.whole_phrase_weight = 0;
  bm25_only.coordination_weight = 0;
  // The default's text relevance alone: what the boosts add is full / text.
  faqsearch::RankingOptions text_only;
  text_only.recency_weight = 0;
  text_only.popularity_weight = 0;
  std::vector<System> systems = {faqsearch_system("full", searcher, faqsearch::RankingOptions{}),
                                 faqsearch_system("text", text_searcher, text_only),
                                 faqsearch_system("bm25", bm25_searcher, bm25_only),
                                 xapian_system("xapian", xapian),
                                 xapian_system("xap2f", xapian_fields),
                                 faqsearch_system("xmatch", xapian_matcher, faqsearch::RankingOptions{})};

  std::vector<GeneratedQuery> queries = corpus.queries(n, options.queries);
  if (!options.write_queries.empty()) write_queries(queries, options.write_queries, n, options.seed);
  fmt::print(stderr, "N={}: {} queries x {} systems, warm-up + {} reps...\n", n, queries.size(), systems.size(),
             options.reps);

  // Warm-up pass: fills caches and the id table, and gives the results to check.
  std::vector<std::vector<std::vector<std::string>>> top(systems.size(),
                                                         std::vector<std::vector<std::string>>(queries.size()));
  bool ok = true;
  for (std::size_t s = 0; s < systems.size(); ++s) {
    for (std::size_t q = 0; q < queries.size(); ++q) {
      systems[s].run(queries[q].text, top[s][q]);
      if (top[s][q].empty()) {
        fmt::print(stderr, "error: {} found nothing for \"{}\" (words of article {})\n", systems[s].name,
                   queries[q].text, queries[q].article);
        ok = false;
      }
    }
  }

  // times[s][q] = one sample per rep. The systems take turns query by query,
  // in a rotating order, so that a burst of load from elsewhere on the
  // machine hits all five alike rather than whichever ran at the time.
  std::vector<std::vector<std::vector<double>>> times(systems.size(), std::vector<std::vector<double>>(queries.size()));
  std::vector<std::string> scratch_ids;
  for (std::size_t rep = 0; rep < options.reps; ++rep) {
    for (std::size_t q = 0; q < queries.size(); ++q) {
      for (std::size_t k = 0; k < systems.size(); ++k) {
        std::size_t s = (q + rep + k) % systems.size();
        times[s][q].push_back(systems[s].run(queries[q].text, scratch_ids));
      }
    }
  }

  // Report: indexing.
  auto nd = static_cast<double>(n);
  fmt::print("\n== N = {} articles ({} queries, {} rep{}, seed {}) ==\n\n", with_commas(n), queries.size(),
             options.reps, options.reps == 1 ? "" : "s", options.seed);
  if (reuse) {
    // Only the sizes: the indexing was timed by the run that built them.
    fmt::print(
        "indexes reused from an earlier run (indexing not timed): MB faqsearch {:.1f}, xapian {:.1f}, "
        "xap2f {:.1f}; bytes/article {:.0f}, {:.0f}, {:.0f}\n\n",
        static_cast<double>(ours.bytes) / 1e6, static_cast<double>(base_stats.bytes) / 1e6,
        static_cast<double>(fields_stats.bytes) / 1e6, static_cast<double>(ours.bytes) / nd,
        static_cast<double>(base_stats.bytes) / nd, static_cast<double>(fields_stats.bytes) / nd);
  } else {
    fmt::print("{:<12} {:>10} {:>12} {:>10} {:>14}\n", "indexing", "seconds", "articles/s", "index MB",
               "bytes/article");
    const std::pair<const char*, IndexStats> rows[] = {
        {"faqsearch", ours}, {"xapian", base_stats}, {"xap2f", fields_stats}};
    for (const auto& [name, st] : rows) {
      fmt::print("{:<12} {:>10.2f} {:>12.0f} {:>10.1f} {:>14.0f}\n", name, st.seconds, nd / st.seconds,
                 static_cast<double>(st.bytes) / 1e6, static_cast<double>(st.bytes) / nd);
    }
    fmt::print("{:<12} {:>10.2f} {:>12.2f} {:>10.2f} {:>14.2f}\n\n", "faq/xapian", ours.seconds / base_stats.seconds,
               base_stats.seconds / ours.seconds,
               static_cast<double>(ours.bytes) / static_cast<double>(base_stats.bytes),
               static_cast<double>(ours.bytes) / static_cast<double>(base_stats.bytes));
  }

  // Report: latency per query length.
  std::map<std::size_t, std::vector<std::size_t>> by_terms;  // terms -> query indexes
  for (std::size_t q = 0; q < queries.size(); ++q) by_terms[queries[q].terms].push_back(q);
  std::vector<std::pair<std::string, std::vector<std::size_t>>> groups;
  for (auto& [terms, members] : by_terms) groups.emplace_back(std::to_string(terms), members);
  std::vector<std::size_t> all(queries.size());
  for (std::size_t q = 0; q < all.size(); ++q) all[q] = q;
  groups.emplace_back("all", all);

  fmt::print("query latency, microseconds (per query: median of {} rep{}; p50/p99 over queries)\n", options.reps,
             options.reps == 1 ? "" : "s");
  fmt::print("{:>5} {:>7}", "terms", "queries");
  for (const System& system : systems) fmt::print(" | {:>6} p50 {:>8}", system.name, "p99");
  fmt::print("\n");
  // Ratios, p50 and p99: numerator and denominator systems by index.
  const std::pair<std::size_t, std::size_t> ratios[] = {{0, 1}, {0, 2}, {0, 3}, {2, 3}, {0, 4}, {2, 4}, {0, 5}};
  std::vector<std::vector<double>> p50s, p99s;
  for (const auto& [label, members] : groups) {
    std::vector<double> p50(systems.size()), p99(systems.size());
    fmt::print("{:>5} {:>7}", label, members.size());
    for (std::size_t s = 0; s < systems.size(); ++s) {
      std::vector<double> per_query;
      for (std::size_t q : members) per_query.push_back(median(times[s][q]));
      p50[s] = percentile(per_query, 0.50);
      p99[s] = percentile(per_query, 0.99);
      fmt::print(" | {:>10.1f} {:>8.1f}", p50[s], p99[s]);
    }
    fmt::print("\n");
    p50s.push_back(p50);
    p99s.push_back(p99);
  }
  fmt::print("\nlatency ratios, p50 / p99\n{:>5}", "terms");
  for (const auto& [a, b] : ratios) fmt::print(" | {:>13}", systems[a].name + "/" + systems[b].name);
  fmt::print("\n");
  for (std::size_t g = 0; g < groups.size(); ++g) {
    fmt::print("{:>5}", groups[g].first);
    for (const auto& [a, b] : ratios)
      fmt::print(" | {:>6.2f} {:>6.2f}", p50s[g][a] / p50s[g][b], p99s[g][a] / p99s[g][b]);
    fmt::print("\n");
  }

  // Report: what they returned, to show they did comparable work.
  double hits[6] = {0, 0, 0, 0, 0, 0}, full_text = 0, full_bm25 = 0, bm25_xapian = 0, full_xmatch = 0;
  for (std::size_t q = 0; q < queries.size(); ++q) {
    for (std::size_t s = 0; s < 6; ++s) hits[s] += static_cast<double>(top[s][q].size());
    full_text += overlap(top[0][q], top[1][q]);
    full_bm25 += overlap(top[0][q], top[2][q]);
    bm25_xapian += overlap(top[2][q], top[3][q]);
    full_xmatch += overlap(top[0][q], top[5][q]);
  }
  auto nq = static_cast<double>(queries.size());
  fmt::print(
      "\nmean hits returned: full {:.2f}, text {:.2f}, bm25 {:.2f}, xapian {:.2f}, xap2f {:.2f}, xmatch {:.2f}; "
      "mean top-10 overlap: full~text {:.2f}, full~bm25 {:.2f}, bm25~xapian {:.2f}, full~xmatch {:.2f}\n",
      hits[0] / nq, hits[1] / nq, hits[2] / nq, hits[3] / nq, hits[4] / nq, hits[5] / nq, full_text / nq,
      full_bm25 / nq, bm25_xapian / nq, full_xmatch / nq);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  try {
    options = parse_args(argc, argv);
  } catch (const UsageError& e) {
    if (*e.what() != '\0') fmt::print(stderr, "e2e_bench: {}\n", e.what());
    fmt::print(stderr,
               "usage: e2e_bench [--n 10000,100000] [--queries 300] [--reps 3] [--seed 1] [--million] [--quick] "
               "[--dir DIR] [--keep DIR] [--write-queries DIR]\n");
    return *e.what() == '\0' ? 0 : 2;
  }

  fmt::print("e2e_bench: Xapian {}, {}; sizes", Xapian::version_string(),
#ifdef NDEBUG
             "release build"
#else
             "ASSERTIONS ON (not a release build: figures are not representative)"
#endif
  );
  for (std::size_t n : options.sizes) fmt::print(" {}", n);
  fmt::print("\n");

  fs::path base = options.dir.empty() ? fs::temp_directory_path() : options.dir;
  base /= fmt::format("faqsearch-e2e-{}", static_cast<long>(::getpid()));
  bool ok = true;
  try {
    ScratchDir root(base);
    for (std::size_t n : options.sizes) ok = run_size(options, n, root.path) && ok;
  } catch (const Xapian::Error& e) {
    fmt::print(stderr, "e2e_bench: xapian: {}\n", e.get_description());
    return 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "e2e_bench: {}\n", e.what());
    return 1;
  }
  return ok ? 0 : 1;
}

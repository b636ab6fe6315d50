// faq-eval: measures relevance and speed of faqsearch on a judged corpus.
//
//   faq-eval CORPUS_DIR [--db DIR] [--profile FILE] [--now YYYY-MM-DD] [--reps N]
//            [--limit-queries N] [--trec-out FILE] [--json] [--per-query]
//   faq-eval --compare A.json B.json [--json]
//
// CORPUS_DIR holds articles.jsonl, queries.jsonl and qrels.tsv in the format
// of shared/data/FORMAT.md. Without --db the articles are indexed into a fresh
// temporary directory (removed on exit) and the build is timed; with --db the
// given index is searched as it is.
//
// Every query runs once untimed (which gives the ranking that is scored, and
// warms caches), then --reps timed passes; a query's latency is the median of
// its timed runs, measured in-process around Searcher::search().
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli.h"
#include "faqsearch/evaluation.h"
#include "faqsearch/ingest.h"
#include "faqsearch/ranking.h"
#include "faqsearch/reader.h"
#include "faqsearch/searcher.h"

namespace {

constexpr std::string_view kProgram = "faq-eval";
namespace cli = faqsearch::cli;
namespace fs = std::filesystem;
using faqsearch::Result;
using faqsearch::Status;
// Ordered so that reports list their keys in the order a reader expects.
using Json = nlohmann::ordered_json;

// Every query is asked for this many hits: enough for Recall@100.
constexpr std::size_t kResultsPerQuery = 100;

// not_found or io_error for a file that would not open, naming it.
Status open_error(const std::string& path) {
  int err = errno;
  if (err == ENOENT) return Status::not_found(fmt::format("{}: file not found", path));
  return Status::io_error(fmt::format("{}: {}", path, std::strerror(err)));
}

using faqsearch::EvalQuery;

// The latest `updated` or `published` instant among the valid articles of
// `path`, or nullopt when none has a date. Invalid records are passed over:
// the index build reports them, and an existing index may have skipped them.
Result<std::optional<faqsearch::UnixSeconds>> latest_article_date(const std::string& path) {
  auto reader = faqsearch::JsonlReader::open(path);
  if (!reader) return reader.error();
  std::optional<faqsearch::UnixSeconds> latest;
  while (auto record = reader->next()) {
    if (!record->article) continue;
    for (const auto& t : {record->article->updated, record->article->published}) {
      if (t && (!latest || *t > *latest)) latest = t;
    }
  }
  return latest;
}

// A fresh directory under the system temp dir, removed with its contents when
// this object goes away, on error paths too.
class ScratchDir {
 public:
  static Result<ScratchDir> create() {
    std::error_code ec;
    fs::path base = fs::temp_directory_path(ec);
    if (ec) return Status::io_error(fmt::format("temporary directory: {}", ec.message()));
    std::string pattern = (base / "faq-eval-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      return Status::io_error(fmt::format("{}: cannot create temporary directory", pattern));
    }
    return ScratchDir(pattern);
  }
  ScratchDir(ScratchDir&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  ScratchDir& operator=(ScratchDir&&) = delete;
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir() {
    if (path_.empty()) return;
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  explicit ScratchDir(fs::path path) : path_(std::move(path)) {}
  fs::path path_;
};

// Bytes of all regular files under `dir`: what the index costs on disk.
std::uint64_t directory_bytes(const fs::path& dir) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code size_ec;
    if (it->is_regular_file(size_ec)) {
      std::uintmax_t size = it->file_size(size_ec);
      if (!size_ec) total += size;
    }
  }
  return total;
}

// Median of a small sample; the mean of the two middle values when even.
double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  std::size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

struct EvalOptions {
  std::string corpus;
  std::string db;       // empty: build a temporary index
  std::string profile;  // empty: RankingOptions defaults
  std::optional<faqsearch::UnixSeconds> now;
  std::size_t reps = 3;
  std::size_t limit_queries = 0;  // 0: all
  std::string trec_out;           // empty: no run file
  bool json = false;
  bool per_query = false;
};

struct QueryReport {
  faqsearch::QueryScores scores;
  std::string text;
  double latency_us = 0;
};

struct EvalReport {
  std::string corpus;
  std::string db;  // empty when the index was temporary
  std::string profile;
  std::optional<faqsearch::UnixSeconds> now;
  std::size_t reps = 0;
  std::size_t queries_run = 0;
  faqsearch::EvaluationSummary summary;
  double latency_p50_us = 0;
  double latency_p95_us = 0;
  double latency_p99_us = 0;
  std::optional<double> build_seconds;        // absent with --db
  std::optional<double> articles_per_second;  // absent with --db
  std::uint64_t index_bytes = 0;
  std::uint64_t articles = 0;
  std::vector<QueryReport> per_query;  // worst first
};

// Worst first: lowest nDCG@10, then lowest reciprocal rank, then qid, so that
// equal scores list in a stable order.
bool worse(const QueryReport& a, const QueryReport& b) {
  if (a.scores.ndcg_at_10 != b.scores.ndcg_at_10) return a.scores.ndcg_at_10 < b.scores.ndcg_at_10;
  if (a.scores.reciprocal_rank_at_10 != b.scores.reciprocal_rank_at_10) {
    return a.scores.reciprocal_rank_at_10 < b.scores.reciprocal_rank_at_10;
  }
  return a.scores.qid < b.scores.qid;
}

Result<EvalReport> evaluate(const EvalOptions& options) {
  EvalReport report;
  report.corpus = options.corpus;
  report.db = options.db;
  report.profile = options.profile;
  report.reps = options.reps;

  std::error_code ec;
  if (!fs::is_directory(options.corpus, ec)) {
    return Status::not_found(fmt::format("{}: corpus directory not found", options.corpus));
  }
  const std::string articles_path = (fs::path(options.corpus) / "articles.jsonl").string();
  const std::string queries_path = (fs::path(options.corpus) / "queries.jsonl").string();
  const std::string qrels_path = (fs::path(options.corpus) / "qrels.tsv").string();
  // Articles are read only to build the index or to find the default `now`.
  const bool need_articles = options.db.empty() || !options.now;
  if (need_articles && !fs::is_regular_file(articles_path, ec)) {
    return Status::not_found(fmt::format("{}: file not found", articles_path));
  }

  auto queries = faqsearch::load_queries(queries_path);
  if (!queries) return queries.error();
  if (options.limit_queries > 0 && queries->size() > options.limit_queries) queries->resize(options.limit_queries);
  auto qrels = faqsearch::load_qrels(qrels_path);
  if (!qrels) return qrels.error();

  faqsearch::RankingOptions ranking;
  if (!options.profile.empty()) {
    auto loaded = faqsearch::load_ranking_profile(options.profile);
    if (!loaded) return loaded.error();
    ranking = *loaded;
  }

  // Pinning `now` to the newest article makes the recency boost, and so the
  // scores, the same on every run of the same corpus.
  report.now = options.now;
  if (!report.now) {
    auto latest = latest_article_date(articles_path);
    if (!latest) return latest.error();
    report.now = *latest;
  }

  std::optional<ScratchDir> scratch;
  std::string db = options.db;
  if (db.empty()) {
    auto dir = ScratchDir::create();
    if (!dir) return dir.error();
    scratch.emplace(std::move(*dir));
    db = (scratch->path() / "db").string();
    auto start = std::chrono::steady_clock::now();
    auto ingested = faqsearch::ingest_jsonl(db, {articles_path}, {});
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    if (!ingested) return ingested.error();
    report.build_seconds = elapsed.count();
    std::size_t indexed = ingested->added + ingested->updated;
    report.articles_per_second = elapsed.count() > 0 ? static_cast<double>(indexed) / elapsed.count() : 0.0;
  }

  auto searcher = faqsearch::Searcher::open(db);
  if (!searcher) return searcher.error();
  auto count = searcher->article_count();
  if (!count) return count.error();
  report.articles = count.value();
  report.index_bytes = directory_bytes(db);

  std::vector<faqsearch::SearchRequest> requests;
  for (const EvalQuery& q : *queries) {
    faqsearch::SearchRequest request;
    request.query = q.text;
    request.query_language = q.lang;
    request.limit = kResultsPerQuery;
    request.fields = faqsearch::HitFields::id_only;
    request.ranking = ranking;
    request.now = report.now;
    requests.push_back(std::move(request));
  }

  // Untimed pass: its rankings are the ones scored. --trec-out writes them as
  // a TREC run so that other scorers (shared/peers/metrics.py) can check ours.
  std::vector<faqsearch::QueryRun> run;
  std::string trec;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    auto results = searcher->search(requests[i]);
    if (!results) {
      const Status& e = results.error();
      return Status(e.code(), fmt::format("query \"{}\": {}", (*queries)[i].qid, e.message()));
    }
    faqsearch::QueryRun entry;
    entry.qid = (*queries)[i].qid;
    for (const auto& hit : results->hits) {
      entry.ranked.push_back(hit.id);
      if (!options.trec_out.empty()) {
        trec += fmt::format("{} Q0 {} {} {:.6f} faq-eval\n", entry.qid, hit.id, entry.ranked.size(), hit.score);
      }
    }
    run.push_back(std::move(entry));
  }
  if (!options.trec_out.empty()) {
    std::ofstream out(options.trec_out, std::ios::binary);
    if (!(out << trec) || !out.flush()) {
      return Status::io_error(fmt::format("{}: cannot write", options.trec_out));
    }
  }

  std::vector<std::vector<double>> samples(requests.size());
  for (std::size_t rep = 0; rep < options.reps; ++rep) {
    for (std::size_t i = 0; i < requests.size(); ++i) {
      auto start = std::chrono::steady_clock::now();
      auto results = searcher->search(requests[i]);
      std::chrono::duration<double, std::micro> elapsed = std::chrono::steady_clock::now() - start;
      if (!results) {
        const Status& e = results.error();
        return Status(e.code(), fmt::format("query \"{}\": {}", (*queries)[i].qid, e.message()));
      }
      samples[i].push_back(elapsed.count());
    }
  }
  std::vector<double> latencies;
  std::unordered_map<std::string, double> latency_of;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    double us = median(samples[i]);
    latencies.push_back(us);
    latency_of[(*queries)[i].qid] = us;
  }
  report.queries_run = requests.size();
  report.latency_p50_us = faqsearch::percentile(latencies, 50);
  report.latency_p95_us = faqsearch::percentile(latencies, 95);
  report.latency_p99_us = faqsearch::percentile(latencies, 99);

  auto summary = faqsearch::evaluate_run(*qrels, run);
  if (!summary) return summary.error();
  report.summary = std::move(*summary);

  std::unordered_map<std::string, const EvalQuery*> query_of;
  for (const EvalQuery& q : *queries) query_of[q.qid] = &q;
  for (const auto& scores : report.summary.per_query) {
    QueryReport entry;
    entry.scores = scores;
    entry.text = query_of.at(scores.qid)->text;
    entry.latency_us = latency_of.at(scores.qid);
    report.per_query.push_back(std::move(entry));
  }
  std::sort(report.per_query.begin(), report.per_query.end(), worse);
  return report;
}

Json optional_json(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

Json report_to_json(const EvalReport& r, bool per_query) {
  const auto& s = r.summary;
  Json out;
  out["corpus"] = r.corpus;
  out["db"] = r.db.empty() ? Json(nullptr) : Json(r.db);
  out["profile"] = r.profile.empty() ? Json(nullptr) : Json(r.profile);
  out["now"] = r.now ? Json(faqsearch::format_date(*r.now)) : Json(nullptr);
  out["queries_run"] = r.queries_run;
  out["queries_evaluated"] = s.queries_evaluated;
  out["queries_skipped_no_relevant"] = s.queries_skipped_no_relevant;
  out["ndcg@10"] = s.ndcg_at_10;
  out["mrr@10"] = s.mrr_at_10;
  out["recall@10"] = s.recall_at_10;
  out["recall@100"] = s.recall_at_100;
  out["zero_result_share"] = s.zero_result_share;
  out["latency_us"] = {{"p50", r.latency_p50_us}, {"p95", r.latency_p95_us}, {"p99", r.latency_p99_us}};
  out["reps"] = r.reps;
  out["build_seconds"] = optional_json(r.build_seconds);
  out["articles_per_second"] = optional_json(r.articles_per_second);
  out["index_bytes"] = r.index_bytes;
  out["articles"] = r.articles;
  if (per_query) {
    Json list = Json::array();
    for (const auto& q : r.per_query) {
      list.push_back(
          {{"qid", q.scores.qid},
           {"text", q.text},
           {"ndcg@10", q.scores.ndcg_at_10},
           {"rr@10", q.scores.reciprocal_rank_at_10},
           {"recall@10", q.scores.recall_at_10},
           {"recall@100", q.scores.recall_at_100},
           {"first_relevant_rank", q.scores.first_relevant_rank ? Json(*q.scores.first_relevant_rank) : Json(nullptr)},
           {"results", q.scores.results},
           {"latency_us", q.latency_us}});
    }
    out["per_query"] = std::move(list);
  }
  return out;
}

std::string megabytes(std::uint64_t bytes) { return fmt::format("{:.2f} MB", static_cast<double>(bytes) / 1e6); }

void print_report(const EvalReport& r, bool per_query) {
  const auto& s = r.summary;
  std::string index = r.db.empty() ? fmt::format("temporary, {} articles, built in {:.2f} s ({:.0f} articles/s), {}",
                                                 r.articles, r.build_seconds.value_or(0),
                                                 r.articles_per_second.value_or(0), megabytes(r.index_bytes))
                                   : fmt::format("{}, {} articles, {}", r.db, r.articles, megabytes(r.index_bytes));
  std::cout << fmt::format("corpus    {}\n", r.corpus);
  std::cout << fmt::format("index     {}\n", index);
  std::cout << fmt::format("ranking   {}, now {}\n", r.profile.empty() ? "defaults" : r.profile,
                           r.now ? faqsearch::format_date(*r.now) : "current time");
  std::cout << fmt::format("queries   {} evaluated, {} skipped (no relevant judgment), {} run x {} timed reps\n\n",
                           s.queries_evaluated, s.queries_skipped_no_relevant, r.queries_run, r.reps);
  std::cout << fmt::format("{:<14}{:>10}\n", "nDCG@10", fmt::format("{:.4f}", s.ndcg_at_10));
  std::cout << fmt::format("{:<14}{:>10}\n", "MRR@10", fmt::format("{:.4f}", s.mrr_at_10));
  std::cout << fmt::format("{:<14}{:>10}\n", "Recall@10", fmt::format("{:.4f}", s.recall_at_10));
  std::cout << fmt::format("{:<14}{:>10}\n", "Recall@100", fmt::format("{:.4f}", s.recall_at_100));
  std::cout << fmt::format("{:<14}{:>10}\n", "zero results", fmt::format("{:.1f}%", 100 * s.zero_result_share));
  std::cout << fmt::format("{:<14}{:>10} us\n", "latency p50", fmt::format("{:.1f}", r.latency_p50_us));
  std::cout << fmt::format("{:<14}{:>10} us\n", "latency p95", fmt::format("{:.1f}", r.latency_p95_us));
  std::cout << fmt::format("{:<14}{:>10} us\n", "latency p99", fmt::format("{:.1f}", r.latency_p99_us));
  if (!per_query) return;
  std::cout << fmt::format("\nper query, worst first\n{:<16} {:>7} {:>6} {:>5}  {}\n", "qid", "nDCG@10", "RR", "first",
                           "text");
  for (const auto& q : r.per_query) {
    std::string first = q.scores.first_relevant_rank ? std::to_string(*q.scores.first_relevant_rank) : "-";
    std::cout << fmt::format("{:<16} {:>7.4f} {:>6.3f} {:>5}  {}\n", q.scores.qid, q.scores.ndcg_at_10,
                             q.scores.reciprocal_rank_at_10, first, q.text);
  }
}

// --compare

// A report written by `faq-eval --json`, as read back.
struct SavedReport {
  std::string path;
  nlohmann::json data;
};

Result<SavedReport> load_saved_report(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return open_error(path);
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::io_error(fmt::format("{}: read error", path));
  auto data = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (data.is_discarded()) return Status::invalid_argument(fmt::format("{}: invalid JSON", path));
  if (!data.is_object() || !data.contains("ndcg@10") || !data["ndcg@10"].is_number()) {
    return Status::invalid_argument(fmt::format("{}: not a faq-eval --json report (no \"ndcg@10\")", path));
  }
  if (data.contains("per_query")) {
    const auto& list = data["per_query"];
    if (!list.is_array()) return Status::invalid_argument(fmt::format("{}: \"per_query\" is not an array", path));
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& q = list[i];
      if (!q.is_object() || !q.contains("qid") || !q["qid"].is_string() || !q.contains("ndcg@10") ||
          !q["ndcg@10"].is_number()) {
        return Status::invalid_argument(
            fmt::format("{}: per_query[{}]: expected an object with \"qid\" and \"ndcg@10\"", path, i));
      }
    }
  }
  return SavedReport{path, std::move(data)};
}

// The number at `pointer` ("/latency_us/p50"), or nullopt when absent or null.
std::optional<double> number_at(const nlohmann::json& data, const std::string& pointer) {
  nlohmann::json::json_pointer ptr(pointer);
  if (!data.contains(ptr)) return std::nullopt;
  const auto& value = data[ptr];
  if (!value.is_number()) return std::nullopt;
  return value.get<double>();
}

struct MetricRow {
  std::string_view label;
  std::string pointer;
  std::string_view format;  // of one value
};

struct QueryChange {
  std::string qid;
  std::string text;
  double a = 0;
  double b = 0;
  double delta = 0;
};

int run_compare(const std::string& path_a, const std::string& path_b, bool json) {
  auto a = load_saved_report(path_a);
  if (!a) return cli::fail(kProgram, a.error());
  auto b = load_saved_report(path_b);
  if (!b) return cli::fail(kProgram, b.error());

  const std::vector<MetricRow> rows = {
      {"ndcg@10", "/ndcg@10", "{:.4f}"},
      {"mrr@10", "/mrr@10", "{:.4f}"},
      {"recall@10", "/recall@10", "{:.4f}"},
      {"recall@100", "/recall@100", "{:.4f}"},
      {"zero_result_share", "/zero_result_share", "{:.4f}"},
      {"latency_us.p50", "/latency_us/p50", "{:.1f}"},
      {"latency_us.p95", "/latency_us/p95", "{:.1f}"},
      {"latency_us.p99", "/latency_us/p99", "{:.1f}"},
      {"build_seconds", "/build_seconds", "{:.3f}"},
      {"articles_per_second", "/articles_per_second", "{:.0f}"},
      {"index_bytes", "/index_bytes", "{:.0f}"},
      {"articles", "/articles", "{:.0f}"},
      {"queries_evaluated", "/queries_evaluated", "{:.0f}"},
  };

  // Per-query nDCG@10 changes need both sides' per-query lists.
  const bool have_per_query = a->data.contains("per_query") && b->data.contains("per_query");
  std::vector<QueryChange> changes;
  std::size_t only_a = 0, only_b = 0, common = 0;
  if (have_per_query) {
    std::map<std::string, const nlohmann::json*> in_b;
    for (const auto& q : b->data["per_query"]) in_b[q["qid"].get<std::string>()] = &q;
    std::set<std::string> seen;
    for (const auto& q : a->data["per_query"]) {
      std::string qid = q["qid"].get<std::string>();
      seen.insert(qid);
      auto it = in_b.find(qid);
      if (it == in_b.end()) {
        ++only_a;
        continue;
      }
      ++common;
      QueryChange change;
      change.qid = qid;
      change.text = q.contains("text") && q["text"].is_string() ? q["text"].get<std::string>() : "";
      change.a = q["ndcg@10"].get<double>();
      change.b = (*it->second)["ndcg@10"].get<double>();
      change.delta = change.b - change.a;
      // Both files print nDCG to full double precision; anything smaller
      // than this is float noise from summing in another order.
      if (std::abs(change.delta) > 1e-9) changes.push_back(std::move(change));
    }
    for (const auto& [qid, q] : in_b) {
      if (!seen.count(qid)) ++only_b;
    }
    std::sort(changes.begin(), changes.end(), [](const QueryChange& x, const QueryChange& y) {
      return x.delta != y.delta ? x.delta < y.delta : x.qid < y.qid;
    });
  }

  if (json) {
    Json out;
    out["a"] = path_a;
    out["b"] = path_b;
    Json metrics;
    for (const MetricRow& row : rows) {
      auto va = number_at(a->data, row.pointer);
      auto vb = number_at(b->data, row.pointer);
      metrics[std::string(row.label)] = {
          {"a", optional_json(va)}, {"b", optional_json(vb)}, {"delta", va && vb ? Json(*vb - *va) : Json(nullptr)}};
    }
    out["metrics"] = std::move(metrics);
    if (have_per_query) {
      Json list = Json::array();
      for (const auto& c : changes) {
        list.push_back({{"qid", c.qid}, {"text", c.text}, {"a", c.a}, {"b", c.b}, {"delta", c.delta}});
      }
      out["per_query_changes"] = std::move(list);
      out["queries_in_both"] = common;
      out["queries_only_in_a"] = only_a;
      out["queries_only_in_b"] = only_b;
    } else {
      out["per_query_changes"] = nullptr;
    }
    std::cout << out.dump(2) << '\n';
    return cli::kExitOk;
  }

  // Which corpus and profile each side ran, so a mixed-up pair is noticed.
  auto origin = [](const nlohmann::json& data) {
    auto text = [&](const char* key, std::string_view fallback) {
      return data.contains(key) && data[key].is_string() ? data[key].get<std::string>() : std::string(fallback);
    };
    return fmt::format("corpus {}, profile {}", text("corpus", "?"), text("profile", "defaults"));
  };
  std::cout << fmt::format("A  {} ({})\nB  {} ({})\n\n", path_a, origin(a->data), path_b, origin(b->data));
  std::cout << fmt::format("{:<20} {:>12} {:>12} {:>12}\n", "metric", "A", "B", "delta");
  for (const MetricRow& row : rows) {
    auto va = number_at(a->data, row.pointer);
    auto vb = number_at(b->data, row.pointer);
    auto show = [&](const std::optional<double>& v) {
      return v ? fmt::format(fmt::runtime(row.format), *v) : std::string("-");
    };
    std::string delta = "-";
    if (va && vb) {
      delta = fmt::format(fmt::runtime(row.format), *vb - *va);
      if (*vb - *va >= 0) delta = "+" + delta;
    }
    std::cout << fmt::format("{:<20} {:>12} {:>12} {:>12}\n", row.label, show(va), show(vb), delta);
  }
  if (!have_per_query) {
    std::cout << "\nno per-query comparison: write both reports with --json --per-query\n";
    return cli::kExitOk;
  }
  std::cout << fmt::format("\nnDCG@10 changed on {} of {} queries in both reports", changes.size(), common);
  if (only_a + only_b > 0) std::cout << fmt::format(" ({} only in A, {} only in B)", only_a, only_b);
  std::cout << "; worst first\n";
  if (changes.empty()) return cli::kExitOk;
  std::cout << fmt::format("{:>8} {:>7} {:>7}  {:<16} {}\n", "delta", "A", "B", "qid", "text");
  for (const auto& c : changes) {
    std::cout << fmt::format("{:>+8.4f} {:>7.4f} {:>7.4f}  {:<16} {}\n", c.delta, c.a, c.b, c.qid, c.text);
  }
  return cli::kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Measure relevance (nDCG@10, MRR@10, Recall@10/100) and speed of faqsearch on a judged corpus.",
               "faq-eval"};
  EvalOptions options;
  std::string now_text;
  std::vector<std::string> compare;
  auto* corpus_opt =
      app.add_option("CORPUS_DIR", options.corpus, "Corpus directory with articles.jsonl, queries.jsonl and qrels.tsv");
  auto* db_opt = app.add_option("--db", options.db, "Search this existing index (default: build a temporary one)");
  auto* profile_opt = app.add_option("--profile", options.profile, "Ranking profile JSON (default: built-in defaults)");
  auto* now_opt =
      app.add_option("--now", now_text, "Reference date for recency, YYYY-MM-DD (default: newest article date)");
  auto* reps_opt = app.add_option("--reps", options.reps, "Timed passes; latency is the median (default 3)")
                       ->check(CLI::Range(1, 1000));
  auto* limit_opt = app.add_option("--limit-queries", options.limit_queries, "Run only the first N queries")
                        ->check(CLI::Range(1, 100'000'000));
  auto* trec_opt = app.add_option("--trec-out", options.trec_out,
                                  "Also write the scored rankings as a TREC run (qid Q0 docid rank score tag)");
  app.add_flag("--json", options.json, "Print one JSON object");
  auto* per_query_opt = app.add_flag("--per-query", options.per_query, "Also list every query, worst first");
  auto* compare_opt = app.add_option("--compare", compare, "Compare two reports written by --json --per-query")
                          ->expected(2)
                          ->type_name("A.json B.json");
  for (auto* opt : {corpus_opt, db_opt, profile_opt, now_opt, reps_opt, limit_opt, trec_opt, per_query_opt}) {
    compare_opt->excludes(opt);
  }
  try {
    app.parse(argc, argv);
    if (compare.empty() && options.corpus.empty()) throw CLI::ValidationError("give CORPUS_DIR or --compare A B");
    if (!now_text.empty()) {
      auto now = faqsearch::parse_iso8601(now_text);
      if (!now) throw CLI::ValidationError("--now", now.error().message());
      options.now = *now;
    }
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return cli::kExitOk;
  } catch (const CLI::ParseError& e) {
    cli::print_error(kProgram, e.what());
    std::cerr << "usage: faq-eval CORPUS_DIR [--db DIR] [--profile FILE] [--json] [--per-query] | "
                 "faq-eval --compare A.json B.json\n";
    return cli::kExitUsage;
  }

  if (!compare.empty()) return run_compare(compare[0], compare[1], options.json);

  auto report = evaluate(options);
  if (!report) return cli::fail(kProgram, report.error());
  if (options.json) {
    std::cout << report_to_json(*report, options.per_query).dump(2) << '\n';
  } else {
    print_report(*report, options.per_query);
  }
  return cli::kExitOk;
}

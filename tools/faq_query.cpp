// faq-query: searches a faqsearch index.
//
//   faq-query --db DIR [--limit N] [--offset N] [--category C] [--lang L] [--json] QUERY...
//   faq-query --db DIR --batch QUERIES.jsonl --trec [--run-tag TAG] [--limit N] [--latency-out FILE]
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "faqsearch/evaluation.h"
#include "faqsearch/searcher.h"

namespace {

constexpr std::string_view kProgram = "faq-query";
namespace cli = faqsearch::cli;

int run_batch(const faqsearch::Searcher& searcher, faqsearch::SearchRequest base, const std::string& batch_path,
              bool trec, const std::string& run_tag, const std::string& latency_path) {
  auto queries = faqsearch::load_queries(batch_path);
  if (!queries) return cli::fail(kProgram, queries.error());
  std::ofstream latency_out;
  if (!latency_path.empty()) {
    latency_out.open(latency_path);
    if (!latency_out) return cli::fail(kProgram, faqsearch::Status::io_error(latency_path + ": cannot write"));
  }
  std::string out;
  for (const faqsearch::EvalQuery& q : *queries) {
    faqsearch::SearchRequest request = base;
    request.query = q.text;
    if (request.query_language.empty()) request.query_language = q.lang;
    if (trec) request.fields = faqsearch::HitFields::id_only;
    auto start = std::chrono::steady_clock::now();
    auto results = searcher.search(request);
    auto elapsed = std::chrono::steady_clock::now() - start;
    if (!results) return cli::fail(kProgram, results.error());
    if (latency_out) {
      latency_out << q.qid << ' ' << std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count() << '\n';
    }
    std::size_t rank = base.offset;
    for (const auto& hit : results->hits) {
      ++rank;
      if (trec) {
        out += fmt::format("{} Q0 {} {} {:.6f} {}\n", q.qid, hit.id, rank, hit.score, run_tag);
      } else {
        nlohmann::json line = cli::hit_to_json(hit, rank);
        line["qid"] = q.qid;
        out += line.dump() + "\n";
      }
    }
  }
  std::cout << out;
  if (latency_out && !latency_out.flush())
    return cli::fail(kProgram, faqsearch::Status::io_error(latency_path + ": write failed"));
  return cli::kExitOk;
}

void print_readable(const std::string& query, const faqsearch::SearchResults& results, std::size_t offset) {
  // --limit 0, or an offset past the last hit, still has a count to give.
  if (results.hits.empty() && results.total_estimate == 0) {
    std::cout << fmt::format("No articles match \"{}\".\n", query);
    return;
  }
  std::cout << fmt::format("About {} articles match \"{}\".\n\n", results.total_estimate, query);
  std::size_t rank = offset;
  for (const auto& hit : results.hits) {
    ++rank;
    std::cout << fmt::format("{:>3}. {}\n", rank, hit.title);
    std::cout << fmt::format("     {} | updated {} | {} views | score {:.3f} | {}\n",
                             hit.category.empty() ? "-" : hit.category, cli::date_or_dash(hit.updated), hit.views,
                             hit.score, hit.url.empty() ? hit.id : hit.url);
    if (hit.explanation) std::cout << "     score " << hit.explanation->to_string() << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Search a faqsearch index.", "faq-query"};
  std::string db, batch, run_tag = "faqsearch", latency_out;
  std::vector<std::string> words;
  std::optional<std::size_t> limit;
  bool json = false, trec = false;
  faqsearch::SearchRequest request;
  app.add_option("--db", db, "Index directory")->required();
  app.add_option("query", words, "Query words");
  app.add_option("--limit", limit, "Number of results (default 10; 100 in batch mode)")->check(CLI::Range(0, 10000));
  app.add_option("--offset", request.offset, "Skip this many results first")->check(CLI::Range(0, 100000));
  app.add_option("--category", request.categories, "Only this category (repeatable)")->allow_extra_args(false);
  app.add_option("--lang", request.languages, "Only this language, BCP-47 (repeatable)")->allow_extra_args(false);
  app.add_option("--query-lang", request.query_language, "Language of the query text (default: --lang, else any)");
  app.add_flag("--json", json, "Print results as JSON");
  app.add_option("--batch", batch, "Run every query of a JSONL file ({\"qid\", \"text\", \"lang\"})");
  app.add_flag("--trec", trec, "Batch output as a TREC run: qid Q0 docid rank score tag");
  app.add_option("--run-tag", run_tag, "Tag for the TREC run (default faqsearch)");
  app.add_option("--latency-out", latency_out, "Batch: write 'qid microseconds' per query to FILE");
  // Ranking: a profile file first, then single flags override its fields.
  std::string profile, now;
  std::optional<double> title_weight, body_weight, k1, b, title_b, proximity_weight, whole_phrase_weight,
      cjk_bigram_weight, hangul_bigram_weight, han_character_weight, coordination_weight, stopword_weight,
      recency_weight, half_life, popularity_weight;
  bool explain = false;
  app.add_option("--profile", profile, "Ranking profile (JSON object of RankingOptions fields)");
  app.add_option("--title-weight", title_weight, "Multiplier on title BM25")->check(CLI::NonNegativeNumber);
  app.add_option("--body-weight", body_weight, "Multiplier on body BM25")->check(CLI::NonNegativeNumber);
  app.add_option("--k1", k1, "BM25 k1")->check(CLI::NonNegativeNumber);
  app.add_option("--b", b, "BM25 b (body)")->check(CLI::Range(0.0, 1.0));
  app.add_option("--title-b", title_b, "BM25 b of the title, by its own length")->check(CLI::Range(0.0, 1.0));
  app.add_option("--proximity-weight", proximity_weight, "Bonus weight for adjacent query words found adjacent")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--phrase-weight", whole_phrase_weight, "Bonus weight for the whole query found as a phrase")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--bigram-weight", cjk_bigram_weight, "Weight of Han/kana character-bigram matches")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--hangul-bigram-weight", hangul_bigram_weight, "Weight of Hangul syllable-bigram matches")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--han-character-weight", han_character_weight, "Weight of single Han character matches")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--coordination-weight", coordination_weight, "Bonus for matching more of the query's words")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--stopword-weight", stopword_weight, "Weight of stopwords in a query, 0..1")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--recency-weight", recency_weight, "Recency boost weight (fraction of the query's scale)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--half-life", half_life, "Recency half-life in days: 30, 90, 180, 365 or 730");
  app.add_option("--popularity-weight", popularity_weight, "Popularity boost weight (fraction of the query's scale)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--now", now, "Reference date for recency, YYYY-MM-DD (default: the current time)");
  app.add_flag("--explain", explain, "Show each score's parts");
  try {
    app.parse(argc, argv);
    if (batch.empty() && words.empty()) throw CLI::ValidationError("no query: give QUERY... or --batch FILE");
    if (!batch.empty() && !words.empty()) throw CLI::ValidationError("give either QUERY... or --batch FILE, not both");
    if (batch.empty() && (trec || !latency_out.empty()))
      throw CLI::ValidationError("--trec and --latency-out need --batch");
    if (run_tag.empty() || run_tag.find_first_of(" \t") != std::string::npos)
      throw CLI::ValidationError("--run-tag must be one word");
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return cli::kExitOk;
  } catch (const CLI::ParseError& e) {
    cli::print_error(kProgram, e.what());
    std::cerr << "usage: faq-query --db DIR [options] QUERY... | --db DIR --batch FILE --trec [options]\n";
    return cli::kExitUsage;
  }

  if (!profile.empty()) {
    auto loaded = faqsearch::load_ranking_profile(profile);
    if (!loaded) return cli::fail(kProgram, loaded.error());
    request.ranking = loaded.value();
  }
  auto& k = request.ranking;
  for (auto [flag, member] : {std::pair{&title_weight, &k.title_weight},
                              {&body_weight, &k.body_weight},
                              {&k1, &k.bm25_k1},
                              {&b, &k.bm25_b},
                              {&title_b, &k.title_b},
                              {&proximity_weight, &k.proximity_weight},
                              {&whole_phrase_weight, &k.whole_phrase_weight},
                              {&cjk_bigram_weight, &k.cjk_bigram_weight},
                              {&hangul_bigram_weight, &k.hangul_bigram_weight},
                              {&han_character_weight, &k.han_character_weight},
                              {&coordination_weight, &k.coordination_weight},
                              {&stopword_weight, &k.stopword_weight},
                              {&recency_weight, &k.recency_weight},
                              {&half_life, &k.recency_half_life_days},
                              {&popularity_weight, &k.popularity_weight}}) {
    if (*flag) *member = **flag;
  }
  if (auto s = faqsearch::validate_ranking(k); !s.ok()) {
    cli::print_error(kProgram, s.message());
    return cli::kExitUsage;
  }
  if (!now.empty()) {
    auto t = faqsearch::parse_iso8601(now);
    if (!t) {
      cli::print_error(kProgram, "--now: " + t.error().message());
      return cli::kExitUsage;
    }
    request.now = t.value();
  }
  request.explain = explain;

  auto searcher = faqsearch::Searcher::open(db);
  if (!searcher) return cli::fail(kProgram, searcher.error());

  request.limit = limit.value_or(batch.empty() ? 10 : 100);
  if (!batch.empty()) return run_batch(*searcher, request, batch, trec, run_tag, latency_out);

  for (const auto& w : words) request.query += (request.query.empty() ? "" : " ") + w;
  auto results = searcher->search(request);
  if (!results) return cli::fail(kProgram, results.error());
  if (json) {
    nlohmann::json out = {
        {"query", request.query}, {"total_estimate", results->total_estimate}, {"hits", nlohmann::json::array()}};
    std::size_t rank = request.offset;
    for (const auto& hit : results->hits) out["hits"].push_back(cli::hit_to_json(hit, ++rank));
    std::cout << out.dump(2) << '\n';
  } else {
    print_readable(request.query, *results, request.offset);
  }
  return cli::kExitOk;
}

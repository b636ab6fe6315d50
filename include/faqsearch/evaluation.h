// Evaluation: relevance metrics over judged queries, as trec_eval defines them.
//
// A judged corpus has TREC qrels ("qid 0 docid rel" per line, rel 0..3, 0 =
// judged not relevant; see shared/data/FORMAT.md). A run gives, per query,
// the article ids a system returned, best first. The functions here score one
// ranked list against the judgments of its query, and average over a run.
//
// Conventions shared by every metric:
//   - A document is relevant iff its judgment is rel >= 1; unjudged documents
//     count as rel 0, like trec_eval.
//   - The ranking is the order given; ties in score are not reordered.
//   - A docid that occurs more than once counts at its first occurrence only;
//     later copies are dropped and do not take up a rank (metrics.py in
//     shared/peers does the same).
//   - Ranks start at 1.
//
// These are plain functions of values: they never fail and are thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "faqsearch/status.h"

namespace faqsearch {

// Relevance grade of one judged document, 0..3 (0 = judged not relevant).
using Relevance = int;
// The judgments of one query: docid -> grade.
using Judgments = std::unordered_map<std::string, Relevance>;
// Every judgment of a qrels file: qid -> docid -> grade. Ordered by qid so
// that reports iterate in a stable order.
using Qrels = std::map<std::string, Judgments>;

// Parses TREC qrels text: per line four whitespace-separated fields
// "qid iteration docid rel"; the iteration field is ignored (trec_eval does
// too) and blank lines are skipped. `name` stands for the file in messages.
// Returns the judgments, or invalid_argument "NAME:LINE: reason" for the first
// line with another number of fields, a grade that is not an integer 0..3, or
// a (qid, docid) pair judged twice.
[[nodiscard]] Result<Qrels> parse_qrels(std::string_view text, std::string_view name = "qrels");

// Reads and parses the qrels file at `path` (messages name `path`).
// Returns not_found or io_error when it cannot be read, else as parse_qrels.
[[nodiscard]] Result<Qrels> load_qrels(const std::string& path);

// One query of a judged set (shared/data/FORMAT.md: {"qid", "text", "lang"}).
struct EvalQuery {
  std::string qid;  // non-empty, no whitespace (TREC files are whitespace separated)
  std::string text;
  std::string lang;  // "" when absent
};

// Parses a queries.jsonl text: one JSON object per line, blank lines
// skipped; a numeric qid is read as its decimal text. Returns
// invalid_argument "NAME:LINE: reason" for the first bad line (invalid JSON,
// missing or non-string text, bad qid, a qid repeated), or for no queries.
[[nodiscard]] Result<std::vector<EvalQuery>> parse_queries(std::string_view text, std::string_view name = "queries");

// Reads and parses the queries file at `path`; not_found or io_error when
// it cannot be read, else as parse_queries.
[[nodiscard]] Result<std::vector<EvalQuery>> load_queries(const std::string& path);

// True iff `judgments` holds at least one document with rel >= 1.
[[nodiscard]] bool has_relevant(const Judgments& judgments);

// Normalised discounted cumulative gain at cutoff k (Järvelin and Kekäläinen,
// TOIS 2002) with the exponential gain of Burges et al. (ICML 2005):
//   DCG@k  = sum over ranks r = 1..k of (2^rel(r) - 1) / log2(r + 1)
//   IDCG@k = the same over the judged relevant documents sorted by rel desc
//   nDCG@k = DCG@k / IDCG@k
// The gain 2^rel - 1 rewards a grade-3 answer much more than a grade-1 one,
// as FAQ users value "the answer" far above "related". shared/peers/metrics.py
// uses the same gain; trec_eval's ndcg_cut uses gain = rel, which agrees on
// binary (0/1) qrels.
// Returns a value in [0, 1]; 0 when `judgments` has no relevant document or
// when k is 0.
[[nodiscard]] double ndcg_at(std::size_t k, const std::vector<std::string>& ranked, const Judgments& judgments);

// Reciprocal rank at cutoff k: 1/r for the rank r of the first relevant
// document if r <= k, else 0. Averaged over queries this is MRR@k.
[[nodiscard]] double reciprocal_rank_at(std::size_t k, const std::vector<std::string>& ranked,
                                        const Judgments& judgments);

// Recall at cutoff k: (relevant documents within the top k) / (all relevant
// documents of the query). Returns 0 when the query has no relevant document.
[[nodiscard]] double recall_at(std::size_t k, const std::vector<std::string>& ranked, const Judgments& judgments);

// The rank (1-based, after dropping duplicates) of the first relevant document
// anywhere in `ranked`, or nullopt when none is relevant.
[[nodiscard]] std::optional<std::size_t> first_relevant_rank(const std::vector<std::string>& ranked,
                                                             const Judgments& judgments);

// Nearest-rank percentile (Hyndman and Fan's type 1, the inverse of the
// empirical distribution function): the smallest value v in `values` such
// that at least p percent of the values are <= v, i.e. the value at 1-based
// rank ceil(p/100 * n) of the sorted values (rank 1 when that is 0). It is
// always one of the measured values, never an interpolation, so a p99 latency
// is a latency some query actually had.
// Returns 0 for an empty `values`.
// REQUIRES: 0 <= p <= 100
[[nodiscard]] double percentile(std::vector<double> values, double p);

// One query of a run: its id and the docids returned, best first.
struct QueryRun {
  std::string qid;
  std::vector<std::string> ranked;
};

// The scores of one evaluated query.
struct QueryScores {
  std::string qid;
  double ndcg_at_10 = 0;
  double reciprocal_rank_at_10 = 0;
  double recall_at_10 = 0;
  double recall_at_100 = 0;
  std::optional<std::size_t> first_relevant_rank;  // over the whole list; nullopt if none
  std::size_t results = 0;                         // distinct docids returned
};

// Means over the evaluated queries of a run.
struct EvaluationSummary {
  // Queries of the run with at least one relevant judgment; the denominator
  // of every mean below.
  std::size_t queries_evaluated = 0;
  // Queries of the run that have no judgment with rel >= 1 (or none at all):
  // every metric is undefined or trivially 0 for them, so they are left out
  // rather than dragging the means down (trec_eval does the same).
  std::size_t queries_skipped_no_relevant = 0;
  double ndcg_at_10 = 0;
  double mrr_at_10 = 0;
  double recall_at_10 = 0;
  double recall_at_100 = 0;
  double zero_result_share = 0;        // evaluated queries that returned nothing / queries_evaluated
  std::vector<QueryScores> per_query;  // evaluated queries in run order
};

// Scores every query of `run` against `qrels` and averages. Qids of `qrels`
// that the run does not contain are ignored; a run query with an empty
// ranking scores 0 on every metric. All means are 0 when no query is evaluated.
// Returns invalid_argument naming the qid when the run holds a qid twice.
[[nodiscard]] Result<EvaluationSummary> evaluate_run(const Qrels& qrels, const std::vector<QueryRun>& run);

}  // namespace faqsearch

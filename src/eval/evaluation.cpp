#include "faqsearch/evaluation.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "io/read_file.h"

namespace faqsearch {
namespace {

constexpr Relevance kMaxRelevance = 3;

// Splits `line` at runs of ASCII whitespace (qrels files come with tabs or
// spaces, and sometimes with Windows line ends).
std::vector<std::string_view> split_fields(std::string_view line) {
  constexpr std::string_view kSpace = " \t\r\v\f";
  std::vector<std::string_view> fields;
  std::size_t pos = line.find_first_not_of(kSpace);
  while (pos != std::string_view::npos) {
    std::size_t end = line.find_first_of(kSpace, pos);
    if (end == std::string_view::npos) end = line.size();
    fields.push_back(line.substr(pos, end - pos));
    pos = line.find_first_not_of(kSpace, end);
  }
  return fields;
}

// The first `k` distinct docids of `ranked`, in order. Every metric looks at
// the ranking through this, so a docid returned twice never counts twice and
// never pushes a later document down.
std::vector<std::string_view> distinct_top(std::size_t k, const std::vector<std::string>& ranked) {
  std::vector<std::string_view> top;
  std::unordered_set<std::string_view> seen;
  for (const std::string& id : ranked) {
    if (top.size() >= k) break;
    if (seen.insert(id).second) top.push_back(id);
  }
  return top;
}

Relevance grade_of(std::string_view id, const Judgments& judgments) {
  auto it = judgments.find(std::string(id));
  return it == judgments.end() ? 0 : it->second;
}

double gain(Relevance rel) { return rel > 0 ? std::exp2(static_cast<double>(rel)) - 1.0 : 0.0; }

// Discount of 1-based rank r: 1 / log2(r + 1).
double discount(std::size_t rank) { return 1.0 / std::log2(static_cast<double>(rank) + 1.0); }

std::size_t relevant_count(const Judgments& judgments) {
  return static_cast<std::size_t>(
      std::count_if(judgments.begin(), judgments.end(), [](const auto& j) { return j.second >= 1; }));
}

}  // namespace

Result<Qrels> parse_qrels(std::string_view text, std::string_view name) {
  Qrels qrels;
  // Line of each (qid, docid) pair, only to name the first one when a pair repeats.
  std::map<std::pair<std::string, std::string>, std::size_t> first_line;
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    auto bad = [&](std::string_view why) {
      return Status::invalid_argument(fmt::format("{}:{}: {}", name, line_number, why));
    };
    std::vector<std::string_view> fields = split_fields(line);
    if (fields.empty()) continue;
    if (fields.size() != 4) {
      return bad(fmt::format("expected 4 fields \"qid 0 docid rel\", got {}", fields.size()));
    }
    std::string_view grade = fields[3];
    Relevance rel = -1;
    auto [ptr, ec] = std::from_chars(grade.data(), grade.data() + grade.size(), rel);
    if (ec != std::errc() || ptr != grade.data() + grade.size() || rel < 0 || rel > kMaxRelevance) {
      return bad(fmt::format("relevance \"{}\": expected an integer 0..{}", grade, kMaxRelevance));
    }
    std::string qid(fields[0]);
    std::string docid(fields[2]);
    auto [it, inserted] = first_line.try_emplace({qid, docid}, line_number);
    if (!inserted) {
      return bad(fmt::format("qid \"{}\" docid \"{}\" is judged twice (first on line {})", qid, docid, it->second));
    }
    qrels[qid][docid] = rel;
  }
  return qrels;
}

Result<Qrels> load_qrels(const std::string& path) {
  Result<std::string> text = detail::read_file(path);
  if (!text) return text.error();
  return parse_qrels(text.value(), path);
}

Result<std::vector<EvalQuery>> parse_queries(std::string_view text, std::string_view name) {
  std::vector<EvalQuery> queries;
  std::unordered_map<std::string, std::size_t> line_of_qid;
  std::size_t n = 0;
  while (!text.empty()) {
    ++n;
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto bad = [&](std::string_view why) { return Status::invalid_argument(fmt::format("{}:{}: {}", name, n, why)); };
    auto obj = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (obj.is_discarded() || !obj.is_object()) return bad("invalid JSON");
    auto qid = obj.find("qid");
    if (qid == obj.end() || !(qid->is_string() || qid->is_number_integer())) {
      return bad("field \"qid\": missing, or not a string");
    }
    auto query_text = obj.find("text");
    if (query_text == obj.end() || !query_text->is_string()) return bad("field \"text\": missing, or not a string");
    auto lang = obj.find("lang");
    if (lang != obj.end() && !lang->is_null() && !lang->is_string()) return bad("field \"lang\": not a string");
    EvalQuery q;
    q.qid = qid->is_string() ? qid->get<std::string>() : qid->dump();
    // qrels and runs are whitespace separated, so such a qid could never be judged.
    if (q.qid.empty() || q.qid.find_first_of(" \t\r\n") != std::string::npos) {
      return bad("field \"qid\": must be non-empty and without whitespace");
    }
    auto [it, inserted] = line_of_qid.try_emplace(q.qid, n);
    if (!inserted) return bad(fmt::format("qid \"{}\" repeats line {}", q.qid, it->second));
    q.text = query_text->get<std::string>();
    if (lang != obj.end() && lang->is_string()) q.lang = lang->get<std::string>();
    queries.push_back(std::move(q));
  }
  if (queries.empty()) return Status::invalid_argument(fmt::format("{}: no queries", name));
  return queries;
}

Result<std::vector<EvalQuery>> load_queries(const std::string& path) {
  Result<std::string> text = detail::read_file(path);
  if (!text) return text.error();
  return parse_queries(text.value(), path);
}

bool has_relevant(const Judgments& judgments) { return relevant_count(judgments) > 0; }

double ndcg_at(std::size_t k, const std::vector<std::string>& ranked, const Judgments& judgments) {
  std::vector<Relevance> ideal;
  for (const auto& [id, rel] : judgments) {
    if (rel >= 1) ideal.push_back(rel);
  }
  std::sort(ideal.begin(), ideal.end(), std::greater<>());
  double ideal_dcg = 0;
  for (std::size_t i = 0; i < std::min(k, ideal.size()); ++i) ideal_dcg += gain(ideal[i]) * discount(i + 1);
  if (ideal_dcg <= 0) return 0;

  double dcg = 0;
  std::vector<std::string_view> top = distinct_top(k, ranked);
  for (std::size_t i = 0; i < top.size(); ++i) dcg += gain(grade_of(top[i], judgments)) * discount(i + 1);
  return dcg / ideal_dcg;
}

double reciprocal_rank_at(std::size_t k, const std::vector<std::string>& ranked, const Judgments& judgments) {
  std::vector<std::string_view> top = distinct_top(k, ranked);
  for (std::size_t i = 0; i < top.size(); ++i) {
    if (grade_of(top[i], judgments) >= 1) return 1.0 / static_cast<double>(i + 1);
  }
  return 0;
}

double recall_at(std::size_t k, const std::vector<std::string>& ranked, const Judgments& judgments) {
  std::size_t relevant = relevant_count(judgments);
  if (relevant == 0) return 0;
  std::size_t found = 0;
  for (std::string_view id : distinct_top(k, ranked)) {
    if (grade_of(id, judgments) >= 1) ++found;
  }
  return static_cast<double>(found) / static_cast<double>(relevant);
}

std::optional<std::size_t> first_relevant_rank(const std::vector<std::string>& ranked, const Judgments& judgments) {
  std::vector<std::string_view> all = distinct_top(ranked.size(), ranked);
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (grade_of(all[i], judgments) >= 1) return i + 1;
  }
  return std::nullopt;
}

double percentile(std::vector<double> values, double p) {
  assert(p >= 0 && p <= 100);
  if (values.empty()) return 0;
  const double n = static_cast<double>(values.size());
  // p * n is exact for the integer percentiles we report and the sample sizes
  // we see, so p * n / 100 lands exactly on whole ranks (95 of 20 values ->
  // rank 19); the small slack keeps a division rounding up past a whole
  // number from skipping to the next rank.
  double rank = std::ceil(p * n / 100.0 - 1e-9);
  std::size_t index = rank < 1 ? 0 : std::min(values.size() - 1, static_cast<std::size_t>(rank) - 1);
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index), values.end());
  return values[index];
}

Result<EvaluationSummary> evaluate_run(const Qrels& qrels, const std::vector<QueryRun>& run) {
  EvaluationSummary summary;
  std::unordered_set<std::string_view> seen;
  std::size_t zero_results = 0;
  for (const QueryRun& query : run) {
    if (!seen.insert(query.qid).second) {
      return Status::invalid_argument(fmt::format("qid \"{}\" occurs twice in the run", query.qid));
    }
    auto judged = qrels.find(query.qid);
    if (judged == qrels.end() || !has_relevant(judged->second)) {
      ++summary.queries_skipped_no_relevant;
      continue;
    }
    const Judgments& judgments = judged->second;
    QueryScores scores;
    scores.qid = query.qid;
    scores.ndcg_at_10 = ndcg_at(10, query.ranked, judgments);
    scores.reciprocal_rank_at_10 = reciprocal_rank_at(10, query.ranked, judgments);
    scores.recall_at_10 = recall_at(10, query.ranked, judgments);
    scores.recall_at_100 = recall_at(100, query.ranked, judgments);
    scores.first_relevant_rank = first_relevant_rank(query.ranked, judgments);
    scores.results = distinct_top(query.ranked.size(), query.ranked).size();
    if (scores.results == 0) ++zero_results;
    summary.ndcg_at_10 += scores.ndcg_at_10;
    summary.mrr_at_10 += scores.reciprocal_rank_at_10;
    summary.recall_at_10 += scores.recall_at_10;
    summary.recall_at_100 += scores.recall_at_100;
    summary.per_query.push_back(std::move(scores));
  }
  summary.queries_evaluated = summary.per_query.size();
  if (summary.queries_evaluated > 0) {
    const double n = static_cast<double>(summary.queries_evaluated);
    summary.ndcg_at_10 /= n;
    summary.mrr_at_10 /= n;
    summary.recall_at_10 /= n;
    summary.recall_at_100 /= n;
    summary.zero_result_share = static_cast<double>(zero_results) / n;
  }
  return summary;
}

}  // namespace faqsearch

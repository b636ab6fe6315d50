// Relevance metrics checked against rankings scored by hand.
#include "faqsearch/evaluation.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace {

using faqsearch::Judgments;
using faqsearch::Qrels;
using Ranking = std::vector<std::string>;

// Ten unjudged docids, to push a relevant one past rank 10.
Ranking ten_unjudged() {
  Ranking r;
  for (int i = 1; i <= 10; ++i) r.push_back("n" + std::to_string(i));
  return r;
}

}  // namespace

TEST_CASE("a perfect ranking scores 1 on every metric") {
  Judgments j = {{"a", 3}, {"b", 2}, {"c", 1}};
  Ranking r = {"a", "b", "c"};
  CHECK(faqsearch::ndcg_at(10, r, j) == doctest::Approx(1.0));
  CHECK(faqsearch::reciprocal_rank_at(10, r, j) == 1.0);
  CHECK(faqsearch::recall_at(10, r, j) == 1.0);
  CHECK(faqsearch::recall_at(100, r, j) == 1.0);
  CHECK(faqsearch::first_relevant_rank(r, j) == 1u);
}

TEST_CASE("graded nDCG uses gain 2^rel-1 and discount 1/log2(rank+1) against the ideal order") {
  // Returned grades [3, 0, 2]; judged relevant grades sorted: [3, 2].
  //   DCG  = (2^3-1)/log2(2) + 0/log2(3) + (2^2-1)/log2(4) = 7 + 0 + 3/2 = 8.5
  //   IDCG = (2^3-1)/log2(2) + (2^2-1)/log2(3)            = 7 + 1.8927892607 = 8.8927892607
  //   nDCG = 8.5 / 8.8927892607 = 0.9558305893
  Judgments j = {{"a", 3}, {"b", 2}, {"z", 0}};
  CHECK(faqsearch::ndcg_at(10, {"a", "z", "b"}, j) == doctest::Approx(0.9558305893));
  // An unjudged document counts like a rel-0 one.
  CHECK(faqsearch::ndcg_at(10, {"a", "unjudged", "b"}, j) == doctest::Approx(0.9558305893));
  // The same as shared/peers/metrics.py --self-check: grades [1, 0, 2] against ideal [2, 1]:
  //   DCG = 1/1 + 0 + 3/2 = 2.5; IDCG = 3/1 + 1/log2(3) = 3.6309297536; nDCG = 0.6885288809
  Judgments q1 = {{"a", 2}, {"b", 1}, {"c", 0}};
  CHECK(faqsearch::ndcg_at(10, {"b", "c", "a"}, q1) == doctest::Approx(0.6885288809));
}

TEST_CASE("the ideal DCG counts every judged relevant document, retrieved or not, up to the cutoff") {
  Judgments j = {{"a", 1}, {"b", 1}};
  // Only a is found: DCG = 1; IDCG = 1 + 1/log2(3) = 1.6309297536; nDCG = 0.6131471928
  CHECK(faqsearch::ndcg_at(10, {"a"}, j) == doctest::Approx(0.6131471928));
  // Twelve relevant documents but a cutoff of 10: ten relevant ones on top is ideal.
  Judgments many;
  Ranking top;
  for (int i = 0; i < 12; ++i) many["d" + std::to_string(i)] = 1;
  for (int i = 0; i < 10; ++i) top.push_back("d" + std::to_string(i));
  CHECK(faqsearch::ndcg_at(10, top, many) == doctest::Approx(1.0));
  CHECK(faqsearch::recall_at(10, top, many) == doctest::Approx(10.0 / 12.0));
}

TEST_CASE("ties keep the order the searcher returned") {
  // Equal scores are not re-sorted by docid (metrics.py does; we score what users see).
  Judgments j = {{"a", 1}};
  CHECK(faqsearch::reciprocal_rank_at(10, {"b", "a"}, j) == 0.5);
  CHECK(faqsearch::reciprocal_rank_at(10, {"a", "b"}, j) == 1.0);
  // nDCG with the relevant doc second: (1/log2(3)) / 1 = 0.6309297536
  CHECK(faqsearch::ndcg_at(10, {"b", "a"}, j) == doctest::Approx(0.6309297536));
}

TEST_CASE("an empty result list scores 0") {
  Judgments j = {{"a", 2}};
  CHECK(faqsearch::ndcg_at(10, {}, j) == 0.0);
  CHECK(faqsearch::reciprocal_rank_at(10, {}, j) == 0.0);
  CHECK(faqsearch::recall_at(100, {}, j) == 0.0);
  CHECK_FALSE(faqsearch::first_relevant_rank({}, j).has_value());
}

TEST_CASE("a relevant document at rank 11 counts only for Recall@100") {
  Judgments j = {{"a", 3}};
  Ranking r = ten_unjudged();
  r.push_back("a");
  CHECK(faqsearch::ndcg_at(10, r, j) == 0.0);
  CHECK(faqsearch::reciprocal_rank_at(10, r, j) == 0.0);
  CHECK(faqsearch::recall_at(10, r, j) == 0.0);
  CHECK(faqsearch::recall_at(100, r, j) == 1.0);
  CHECK(faqsearch::first_relevant_rank(r, j) == 11u);
}

TEST_CASE("a duplicated docid counts once, at its first occurrence, and takes no rank") {
  Judgments j = {{"a", 1}, {"b", 1}};
  // [x, x, a]: the second x is dropped, so a is at rank 2.
  CHECK(faqsearch::reciprocal_rank_at(10, {"x", "x", "a"}, j) == 0.5);
  CHECK(faqsearch::first_relevant_rank({"x", "x", "a"}, j) == 2u);
  // [a, a]: one of two relevant documents found, not two.
  CHECK(faqsearch::recall_at(10, {"a", "a"}, j) == 0.5);
  // [a, a, b] scores like [a, b], the ideal order.
  CHECK(faqsearch::ndcg_at(10, {"a", "a", "b"}, j) == doctest::Approx(1.0));
  // Ten copies of x then a: a is at rank 2, inside the top 10.
  Ranking copies(10, "x");
  copies.push_back("a");
  CHECK(faqsearch::recall_at(10, copies, j) == 0.5);
}

TEST_CASE("judgments without a relevant document give 0, and a zero cutoff gives 0") {
  Judgments none = {{"a", 0}};
  CHECK_FALSE(faqsearch::has_relevant(none));
  CHECK(faqsearch::ndcg_at(10, {"a"}, none) == 0.0);
  CHECK(faqsearch::recall_at(10, {"a"}, none) == 0.0);
  CHECK(faqsearch::ndcg_at(0, {"a"}, {{"a", 1}}) == 0.0);
}

TEST_CASE("percentile is nearest-rank: the value at rank ceil(p/100 * n)") {
  std::vector<double> twenty;
  for (int i = 20; i >= 1; --i) twenty.push_back(i);  // unsorted on purpose
  CHECK(faqsearch::percentile(twenty, 50) == 10);     // ceil(10)   = rank 10
  CHECK(faqsearch::percentile(twenty, 95) == 19);     // ceil(19)   = rank 19, not 20
  CHECK(faqsearch::percentile(twenty, 99) == 20);     // ceil(19.8) = rank 20
  CHECK(faqsearch::percentile(twenty, 100) == 20);
  CHECK(faqsearch::percentile(twenty, 0) == 1);          // rank 0 reads as rank 1
  CHECK(faqsearch::percentile({30, 10, 20}, 50) == 20);  // ceil(1.5) = rank 2
  CHECK(faqsearch::percentile({30, 10, 20}, 34) == 20);  // ceil(1.02) = rank 2: no interpolation
  CHECK(faqsearch::percentile({7}, 99) == 7);
  CHECK(faqsearch::percentile({}, 50) == 0);
  std::vector<double> thousand;
  for (int i = 1; i <= 1000; ++i) thousand.push_back(i);
  CHECK(faqsearch::percentile(thousand, 99) == 990);
  CHECK(faqsearch::percentile(thousand, 95) == 950);
}

TEST_CASE("evaluate_run averages over queries with a relevant judgment and skips the rest") {
  Qrels qrels = {
      {"q1", {{"a", 2}, {"b", 1}, {"c", 0}}},
      {"q2", {{"x", 1}}},
      {"q3", {{"z", 0}}},  // no relevant document: skipped
      {"q9", {{"a", 1}}},  // not in the run: ignored
  };
  std::vector<faqsearch::QueryRun> run = {
      {"q1", {"b", "c", "a"}},
      {"q2", {}},  // no results: scores 0
      {"q3", {"z"}},
      {"q4", {"a"}},  // not judged at all: skipped
  };
  auto summary = faqsearch::evaluate_run(qrels, run);
  REQUIRE(summary.has_value());
  CHECK(summary->queries_evaluated == 2);
  CHECK(summary->queries_skipped_no_relevant == 2);
  // q1: nDCG 0.6885288809 (see above), RR 1, recall 1; q2: all 0.
  CHECK(summary->ndcg_at_10 == doctest::Approx(0.6885288809 / 2));
  CHECK(summary->mrr_at_10 == doctest::Approx(0.5));
  CHECK(summary->recall_at_10 == doctest::Approx(0.5));
  CHECK(summary->recall_at_100 == doctest::Approx(0.5));
  CHECK(summary->zero_result_share == doctest::Approx(0.5));
  REQUIRE(summary->per_query.size() == 2);
  CHECK(summary->per_query[0].qid == "q1");
  CHECK(summary->per_query[0].first_relevant_rank == 1u);
  CHECK(summary->per_query[0].results == 3);
  CHECK(summary->per_query[1].qid == "q2");
  CHECK_FALSE(summary->per_query[1].first_relevant_rank.has_value());
}

TEST_CASE("evaluate_run of nothing gives zeros, and a repeated qid is an error") {
  auto empty = faqsearch::evaluate_run({}, {});
  REQUIRE(empty.has_value());
  CHECK(empty->queries_evaluated == 0);
  CHECK(empty->ndcg_at_10 == 0.0);
  auto twice = faqsearch::evaluate_run({}, {{"q1", {}}, {"q1", {}}});
  REQUIRE_FALSE(twice.has_value());
  CHECK(twice.error().code() == faqsearch::ErrorCode::invalid_argument);
  CHECK(twice.error().message().find("q1") != std::string::npos);
}

TEST_CASE("parse_qrels reads whitespace-separated lines and ignores the iteration field") {
  auto qrels = faqsearch::parse_qrels("q1 0 a 3\nq1\t0\tb\t0\r\n\n  q2 1 c 1  \n");
  REQUIRE(qrels.has_value());
  CHECK(qrels->size() == 2);
  CHECK(qrels->at("q1").at("a") == 3);
  CHECK(qrels->at("q1").at("b") == 0);
  CHECK(qrels->at("q2").at("c") == 1);
  auto empty = faqsearch::parse_qrels("");
  REQUIRE(empty.has_value());
  CHECK(empty->empty());
}

TEST_CASE("malformed qrels lines are reported with file and line") {
  auto message = [](std::string_view text) {
    auto r = faqsearch::parse_qrels(text, "qrels.tsv");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == faqsearch::ErrorCode::invalid_argument);
    return r.error().message();
  };
  CHECK(message("q1 0 a 1\nq1 0 b\n") == "qrels.tsv:2: expected 4 fields \"qid 0 docid rel\", got 3");
  CHECK(message("q1 0 a 1 extra\n").find("qrels.tsv:1: expected 4 fields") == 0);
  CHECK(message("\nq1 0 a x\n") == "qrels.tsv:2: relevance \"x\": expected an integer 0..3");
  CHECK(message("q1 0 a 4\n").find("qrels.tsv:1: relevance \"4\"") == 0);
  CHECK(message("q1 0 a -1\n").find("qrels.tsv:1: relevance \"-1\"") == 0);
  CHECK(message("q1 0 a 1.5\n").find("qrels.tsv:1: relevance \"1.5\"") == 0);
  CHECK(message("q1 0 a 1\nq1 0 a 2\n") == "qrels.tsv:2: qid \"q1\" docid \"a\" is judged twice (first on line 1)");
}

TEST_CASE("load_qrels reads a file and reports a missing one as not_found") {
  faqsearch::testing::TempDir dir;
  std::string path = dir.write("qrels.tsv", "q1 0 a 1\n");
  auto qrels = faqsearch::load_qrels(path);
  REQUIRE(qrels.has_value());
  CHECK(qrels->at("q1").at("a") == 1);
  auto missing = faqsearch::load_qrels(dir / "absent.tsv");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code() == faqsearch::ErrorCode::not_found);
  CHECK(missing.error().message().find("absent.tsv") != std::string::npos);
}

TEST_CASE("query sets parse with their languages, and bad lines are named") {
  auto queries = faqsearch::parse_queries(
      "{\"qid\": \"q1\", \"text\": \"find my uid\", \"lang\": \"en\"}\n\n{\"qid\": 7, \"text\": \"钱包\"}\n",
      "q.jsonl");
  REQUIRE(queries.has_value());
  REQUIRE(queries->size() == 2);
  CHECK(queries->at(0).lang == "en");
  CHECK(queries->at(1).qid == "7");
  CHECK(queries->at(1).lang.empty());
  auto repeated =
      faqsearch::parse_queries("{\"qid\":\"a\",\"text\":\"x\"}\n{\"qid\":\"a\",\"text\":\"y\"}\n", "q.jsonl");
  REQUIRE_FALSE(repeated.has_value());
  CHECK(repeated.error().message() == "q.jsonl:2: qid \"a\" repeats line 1");
  CHECK_FALSE(faqsearch::parse_queries("{\"qid\":\"a b\",\"text\":\"x\"}").has_value());
  CHECK_FALSE(faqsearch::parse_queries("{\"qid\":\"a\"}").has_value());
  CHECK_FALSE(faqsearch::parse_queries("not json").has_value());
  CHECK_FALSE(faqsearch::parse_queries("").has_value());
  CHECK(faqsearch::load_queries("/nonexistent/q.jsonl").error().code() == faqsearch::ErrorCode::not_found);
}

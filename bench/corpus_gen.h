// corpus_gen: a deterministic synthetic FAQ corpus and matching queries, for
// benchmarks that need N articles of any size without data files.
//
// Text is made of pseudo-words (lowercase syllable strings such as "trabo" or
// "klenthis") drawn from a Zipf distribution over a fixed vocabulary, which
// gives posting-list lengths shaped like those of real text: a few words in
// most articles, a long tail of rare ones.
//
// Every article is a pure function of (seed, index): article(i) is the same in
// every call and every process, and generating article 999'999 does not need
// the ones before it, so million-article corpora can be streamed in batches.
// Randomness comes from std::mt19937_64 (fully specified by the standard), with
// our own mapping to ranges instead of the <random> distributions (whose output
// differs between standard libraries). Dates and views use exp/log from libm.
//
// Thread safety: a CorpusGenerator is immutable after construction; its const
// methods may be called from any number of threads.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "faqsearch/article.h"

namespace faqsearch::bench {

struct CorpusOptions {
  // Behaviour
  // Seed of everything: vocabulary, articles, queries.
  std::uint64_t seed = 1;
  // Distinct pseudo-words. Default 50'000.
  std::size_t vocabulary_size = 50'000;
  // Exponent s of the Zipf law: P(rank r) ~ 1 / (r + 1)^s. Default 1.0, as in English text.
  double zipf_exponent = 1.0;
  // The most frequent ranks that queries never use, as users leave out "the"
  // and "to". Default 25 (about a third of all word occurrences at s = 1).
  std::size_t stopword_ranks = 25;
};

struct GeneratedQuery {
  std::string text;         // space-separated pseudo-words
  std::size_t terms = 0;    // words in `text`
  std::size_t article = 0;  // index of the article the words were drawn from
};

class CorpusGenerator {
 public:
  // REQUIRES: options.vocabulary_size >= 1000, options.zipf_exponent > 0
  explicit CorpusGenerator(CorpusOptions options = {});

  // Article number `index` (0-based): id "faq-<index, 7 digits>", title of
  // 5..12 words, body of 40..200 words in sentences, one of the 10
  // categories(), lang "en", published in 2019..2026, updated in
  // published..2026-12-31 (equal to published for about 40%), views
  // log-normal (median about 400, heavy tail).
  [[nodiscard]] Article article(std::size_t index) const;

  // Articles first .. first + count - 1.
  [[nodiscard]] std::vector<Article> articles(std::size_t first, std::size_t count) const;

  // `count` queries over a corpus of `corpus_size` articles (indexes
  // 0..corpus_size - 1). Query j has term_counts[j % term_counts.size()]
  // distinct words, drawn uniformly from the distinct non-stopword words of a
  // random article, so every query matches at least that article.
  // REQUIRES: corpus_size > 0, term_counts not empty, each count in 1..12
  [[nodiscard]] std::vector<GeneratedQuery> queries(std::size_t corpus_size, std::size_t count,
                                                    const std::vector<std::size_t>& term_counts = {1, 2, 4}) const;

  // The vocabulary, most frequent word first.
  [[nodiscard]] const std::vector<std::string>& vocabulary() const { return words_; }

  // The category names articles are spread over (uniformly).
  static constexpr std::array<std::string_view, 10> kCategories = {"account",    "billing",     "security",    "wallet",
                                                                   "trading",    "deposits",    "withdrawals", "api",
                                                                   "mobile-app", "verification"};

 private:
  struct Draft;  // an article as word ranks, before rendering
  [[nodiscard]] Draft draft(std::size_t index) const;
  [[nodiscard]] std::uint32_t zipf_rank(double u) const;

  CorpusOptions options_;
  std::vector<std::string> words_;  // by rank
  std::vector<double> cdf_;         // cdf_[r] = P(rank <= r)
};

}  // namespace faqsearch::bench

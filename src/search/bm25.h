// The BM25 idf as Xapian's BM25Weight computes it, for the places that
// reproduce its weights: the title clause (query_builder) and the local
// matcher (local_match).
#pragma once

#include <cmath>

namespace faqsearch::detail {

// ln of the odds of a term in `n` of `total` articles, with Xapian's
// adjustment for terms in more than about a third of them (never below 0).
// The same operations as Xapian::BM25Weight::init(), so the weights agree
// bit for bit (counts are exact as doubles).
inline double bm25_idf(double total, double n) {
  double odds = (total - n + 0.5) / (n + 0.5);
  if (odds < 2) odds = odds * 0.5 + 1;
  return std::log(odds);
}

}  // namespace faqsearch::detail

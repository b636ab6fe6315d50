// RankingOptions: how a hit's score is computed.
//
// Text relevance is BM25 (Robertson et al., Okapi at TREC-3, 1994) over the
// title and the body, each field scored on its own terms and scaled by its
// weight:
//
//   text = title_weight * BM25(title terms) + body_weight * BM25(body terms)
//
// Xapian 1.4 has no per-field lengths, so both fields normalise by the whole
// article's length; b controls how much.
#pragma once

#include <string>

namespace faqsearch {

struct RankingOptions {
  // Text relevance
  // Multiplier on the BM25 score of title matches. Default 3: the title of an
  // FAQ article is the question it answers, the densest statement of its topic.
  double title_weight = 3.0;
  // Multiplier on the BM25 score of body matches. Default 1.
  double body_weight = 1.0;
  // BM25 term-frequency saturation, >= 0. Default 1.2 (Robertson's usual value).
  double bm25_k1 = 1.2;
  // BM25 length normalisation, 0..1. Default 0.75 (Robertson's usual value).
  double bm25_b = 0.75;
};

}  // namespace faqsearch

// top_locally(): the best k matches of a query on a local database, found
// without weighing every match.
//
// Why: match_locally() weighs every article a query matches. A query with a
// common word matches a quarter of the index or more, yet its top 10 is
// nearly always made of articles with the rarer words, or the words in
// their title. top_locally() walks the clauses' postings a document at a
// time (MaxScore, Turtle & Flood 1995): once k articles are held, a clause
// whose most possible weight, with those of all weaker clauses and the
// boosts, cannot lift an article past the k-th is no longer walked, only
// looked up (skip_to) for the articles the others bring; and an article is
// dropped as soon as what it has plus the most it could still get falls
// short. The answer is exactly match_locally()'s best k, weights bit for bit
// (each article's sum is added in the same order).
//
// A coordination share (a constant over the articles that have any of a
// word's terms) is not weighed on its own: it matches where the word's
// title or body part found the article, and is decided with them.
//
// Without the walk (short lists, see kWalkFromPostings), every match of the
// text is weighed, but the boosts are read only for the articles that may
// still reach the best k with them: on a large index their tables are read
// at random, a cache miss each.
//
// Shapes: an OR of clauses (under scalings, an optional filter, and the
// boosts as the optional side of an AND_MAYBE), as the searcher builds them;
// a clause nested deeper in the OR is weighed in full and walked as a list.
// Any other shape, and a clause with a posting source that can weigh below
// 0 (bounds would not bound a sum that cancels), is weighed in full by
// match_locally().
#pragma once

#include <xapian.h>

#include <cstddef>
#include <vector>

#include "search/clause.h"
#include "search/local_match.h"

namespace faqsearch::detail {

struct LocalTop {
  // The best k matches, best first: weight descending, then docid ascending
  // (Xapian's order).
  std::vector<Scored> hits;
  // How many articles the query matches: counted when `exact`; estimated
  // when clauses were skipped, from their term frequencies and how far the
  // walk had got when each was dropped.
  Xapian::doccount matches = 0;
  bool exact = true;
};

// The walk pays where it can skip long lists. When no term of the query is
// in `walk_from` articles or more, every list is short and weighing every
// match (match_locally()) is faster: on the six judged sets of
// ../shared/data (15 to 3,000 articles) the walk was 13-37% slower at p50
// and 20-70% at p99, top 10 through faq-query. With this threshold those
// sets are weighed in full, and e2e_bench's 10k and 100k corpora still walk
// where it pays (bench/README.md, session 14). Tests pass 0 to always walk.
// (SearcherOptions::walk_from_postings has the same default.)
inline constexpr Xapian::doccount kWalkFromPostings = 2000;

// REQUIRES: clause.local(); `index.lengths` read from `index.db` as it is now
[[nodiscard]] LocalTop top_locally(const Clause& clause, const LocalIndex& index, LocalScratch& scratch, std::size_t k,
                                   Xapian::doccount walk_from = kWalkFromPostings);

}  // namespace faqsearch::detail

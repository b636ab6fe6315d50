// Recency and popularity boosts, built from Xapian's own pieces so that a
// stock xapian-tcpsrv can evaluate them: a ValueWeightPostingSource reads a
// value computed at index time, and OP_SCALE_WEIGHT applies the query-time
// part. Both halves live here so the two can never disagree.
//
// Recency: 2^(-(now - u)/h) = 2^((u - E)/h) * 2^(-(now - E)/h), with E a fixed
// epoch. The first factor depends only on the article (stored per half-life),
// the second only on the query's `now` (a scale factor). The product is exact.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "faqsearch/article.h"
#include "faqsearch/ranking.h"
#include "search/clause.h"
#include "search/slot_table.h"
#include "search/term_frequencies.h"

namespace faqsearch::detail {

// Both stored values are multiplied by this, and the query-time multipliers
// divided by it, so that the multipliers stay below 1 (unless weight * scale
// exceeds 2^20). Xapian 1.4 hands a posting source the matcher's minimum
// weight without undoing OP_SCALE_WEIGHT's factor; with a factor above 1 a
// source compares that against its unscaled maximum, ends early, and
// articles lose boosts they should get (the brute-force property test in
// ranking_test caught it). A power of two keeps the products exact.
inline constexpr double kStoredBoostScale = 1048576.0;

// The value stored for an article updated at `updated`, for half-life
// `half_life_days`: 2^((u - E)/h) * kStoredBoostScale. `updated` is clamped to `indexed_at` (an article cannot
// be fresher than the moment it is indexed; future dates are data errors).
[[nodiscard]] double recency_index_value(UnixSeconds updated, UnixSeconds indexed_at, double half_life_days);

// min(1, ln(1 + views) / ln(1 + kPopularitySaturationViews)), in 0..1.
[[nodiscard]] double popularity_factor(std::int64_t views);

// The value stored for an article with `views`: popularity_factor(views) * kStoredBoostScale.
[[nodiscard]] double popularity_index_value(std::int64_t views);

// The query's `scale`: sum over words of idf * max(title_weight, body_weight),
// idf = ln(1 + N / n) with n the largest document frequency among the word's terms.
// `frequencies` reads the document frequencies from `db`.
[[nodiscard]] double text_scale(const Xapian::Database& db, TermFrequencies& frequencies,
                                const std::vector<std::vector<std::string>>& word_terms, const RankingOptions& ranking);

// Query-time multipliers: boost = multiplier * stored value.
struct BoostPlan {
  double scale = 0;
  double recency_decay = 0;          // 2^(-(now - E)/h): stored value * this = recency factor
  double recency_multiplier = 0;     // recency_weight * scale * 2^(-(now - E)/h)
  double popularity_multiplier = 0;  // popularity_weight * scale
  Xapian::valueno recency_slot = 0;
};

// `now` is raised to the newest article's date if it is earlier, so that no
// recency factor exceeds 1 and the boosts stay within their documented bound.
// `newest_updated`: the upper bound of `db`'s kUpdatedSlot, as
// get_value_upper_bound() gives it (a searcher reads it once per revision:
// the lookup costs a few block reads per query).
// REQUIRES: validate_ranking(ranking).ok()
[[nodiscard]] BoostPlan plan_boosts(const std::string& newest_updated, const RankingOptions& ranking, double scale,
                                    UnixSeconds now);

// The stored values of plan.recency_slot and kPopularitySlot, held in memory
// for a local database; null where they are not (remote or sharded).
struct BoostTables {
  std::shared_ptr<const ValueTable> recency;
  std::shared_ptr<const ValueTable> popularity;
};

// text AND_MAYBE (recency + popularity): the boosts add to matching articles
// only. Each boost reads its table where `tables` has it (StoredValueSource;
// the clause is then local, see search/clause.h), else the value stream
// (ValueWeightPostingSource: Xapian-only); both weigh alike.
[[nodiscard]] Clause add_boosts(Clause text, const BoostPlan& plan, const BoostTables& tables = {});

// The largest boost any article of `db` can get under `plan`: the bound the
// posting sources declare to Xapian's matcher.
[[nodiscard]] double max_boost(const Xapian::Database& db, const BoostPlan& plan);

// The largest stored value of `slot` in `db`, 0 if none: the max weight a
// boost's posting source declares.
[[nodiscard]] double slot_upper_bound(const Xapian::Database& db, Xapian::valueno slot);

// The boost (recency + popularity, summed as the matcher sums them) of each
// of `docids`, read from `tables`. The searcher's text-first pool uses it,
// on a local index only: elsewhere the values would come over the network.
// REQUIRES: `tables` holds each table whose multiplier in `plan` is above 0
// (std::logic_error otherwise).
[[nodiscard]] std::vector<double> boosts_of(const BoostPlan& plan, const std::vector<Xapian::docid>& docids,
                                            const BoostTables& tables);

// Fills the recency and popularity parts of `e` for `doc`, exactly as the
// posting sources weigh it (multiplier * stored value).
void explain_boosts(const Xapian::Document& doc, const BoostPlan& plan, Explanation& e);

}  // namespace faqsearch::detail

#include "ranking/boosts.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "index/schema.h"
#include "search/stored_value_source.h"

namespace faqsearch::detail {
namespace {

constexpr double kSecondsPerDay = 86400.0;
// 2000-01-01T00:00:00Z: keeps 2^((u - E)/h) within double range for every
// half-life we store and any date from 1918 to 2082.
constexpr double kRecencyEpoch = 946684800.0;
// exp2() arguments are clamped here: far beyond any real date, short of overflow.
constexpr double kMaxExponent = 1000.0;

double clamped_exp2(double exponent) { return std::exp2(std::clamp(exponent, -kMaxExponent, kMaxExponent)); }

}  // namespace

double recency_index_value(UnixSeconds updated, UnixSeconds indexed_at, double half_life_days) {
  double u = static_cast<double>(std::min(updated, indexed_at));
  return clamped_exp2((u - kRecencyEpoch) / kSecondsPerDay / half_life_days) * kStoredBoostScale;
}

double popularity_factor(std::int64_t views) {
  if (views <= 0) return 0;
  return std::min(1.0, std::log1p(static_cast<double>(views)) / std::log1p(kPopularitySaturationViews));
}

double popularity_index_value(std::int64_t views) { return popularity_factor(views) * kStoredBoostScale; }

double text_scale(const Xapian::Database& db, TermFrequencies& frequencies,
                  const std::vector<std::vector<std::string>>& word_terms, const RankingOptions& ranking) {
  double n_docs = static_cast<double>(db.get_doccount());
  double field_weight = std::max(ranking.title_weight, ranking.body_weight);
  double scale = 0;
  for (const auto& terms : word_terms) {
    Xapian::doccount df = 0;
    for (const std::string& t : terms) df = std::max(df, frequencies(t));
    if (df == 0) continue;  // a word that matches nothing adds nothing
    // ln(1 + N/n) rather than ln(N/n): a word found in every article still
    // counts (ln 2), so the boosts can order articles the text cannot.
    scale += std::log1p(n_docs / static_cast<double>(df)) * field_weight;
  }
  return scale;
}

BoostPlan plan_boosts(const std::string& newest_updated, const RankingOptions& ranking, double scale, UnixSeconds now) {
  BoostPlan plan;
  plan.scale = scale;
  double h = ranking.recency_half_life_days;
  double effective_now = static_cast<double>(now);
  if (!newest_updated.empty()) effective_now = std::max(effective_now, Xapian::sortable_unserialise(newest_updated));
  plan.recency_slot = schema::recency_slot(h);
  plan.recency_decay = clamped_exp2(-(effective_now - kRecencyEpoch) / kSecondsPerDay / h) / kStoredBoostScale;
  plan.recency_multiplier = ranking.recency_weight * scale * plan.recency_decay;
  plan.popularity_multiplier = ranking.popularity_weight * scale / kStoredBoostScale;
  return plan;
}

Clause add_boosts(Clause text, const BoostPlan& plan, const BoostTables& tables) {
  // Both sources declare the slot's upper bound as their max weight, so
  // Xapian's matcher keeps pruning with a correct bound.
  auto source = [](const std::shared_ptr<const ValueTable>& table, Xapian::valueno slot) {
    if (table) return Clause::source((new StoredValueSource(table, slot))->release(), SourceWeight{0, table, nullptr});
    return Clause::xapian_only(Xapian::Query((new Xapian::ValueWeightPostingSource(slot))->release()));
  };
  std::vector<Clause> boosts;
  if (plan.recency_multiplier > 0) {
    boosts.push_back(Clause::scale(source(tables.recency, plan.recency_slot), plan.recency_multiplier));
  }
  if (plan.popularity_multiplier > 0) {
    boosts.push_back(Clause::scale(source(tables.popularity, schema::kPopularitySlot), plan.popularity_multiplier));
  }
  return Clause::maybe(std::move(text), Clause::any(std::move(boosts)));
}

double slot_upper_bound(const Xapian::Database& db, Xapian::valueno slot) {
  std::string bound = db.get_value_upper_bound(slot);
  return bound.empty() ? 0.0 : Xapian::sortable_unserialise(bound);
}

double max_boost(const Xapian::Database& db, const BoostPlan& plan) {
  double bound = 0;
  if (plan.recency_multiplier > 0) bound += plan.recency_multiplier * slot_upper_bound(db, plan.recency_slot);
  if (plan.popularity_multiplier > 0) {
    bound += plan.popularity_multiplier * slot_upper_bound(db, schema::kPopularitySlot);
  }
  return bound;
}

std::vector<double> boosts_of(const BoostPlan& plan, const std::vector<Xapian::docid>& docids,
                              const BoostTables& tables) {
  // multiplier * stored value, 0 where the article has none (the posting
  // source does not match it then, and its table holds 0).
  auto weigh = [&](double multiplier, const std::shared_ptr<const ValueTable>& table, const char* name) {
    std::vector<double> out(docids.size(), 0.0);
    if (multiplier <= 0) return out;
    if (!table) throw std::logic_error(std::string("boosts_of: no ") + name + " table in memory");
    for (std::size_t i = 0; i < docids.size(); ++i) out[i] = multiplier * table->at(docids[i]);
    return out;
  };
  std::vector<double> recency = weigh(plan.recency_multiplier, tables.recency, "recency");
  std::vector<double> popularity = weigh(plan.popularity_multiplier, tables.popularity, "popularity");
  // The matcher adds the two sources' weights first, then adds them to the text's.
  std::vector<double> out(docids.size());
  for (std::size_t i = 0; i < docids.size(); ++i) out[i] = recency[i] + popularity[i];
  return out;
}

void explain_boosts(const Xapian::Document& doc, const BoostPlan& plan, Explanation& e) {
  e.scale = plan.scale;
  std::string recency = doc.get_value(plan.recency_slot);
  if (!recency.empty()) {
    double stored = Xapian::sortable_unserialise(recency);
    e.recency_factor = stored * plan.recency_decay;
    e.recency_boost = plan.recency_multiplier > 0 ? plan.recency_multiplier * stored : 0;
  }
  std::string popularity = doc.get_value(schema::kPopularitySlot);
  if (!popularity.empty()) {
    double stored = Xapian::sortable_unserialise(popularity);
    e.popularity_factor = stored / kStoredBoostScale;
    e.popularity_boost = plan.popularity_multiplier > 0 ? plan.popularity_multiplier * stored : 0;
  }
}

}  // namespace faqsearch::detail

#include "faqsearch/ranking.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "io/read_file.h"

namespace faqsearch {
namespace {

struct Field {
  const char* name;
  double RankingOptions::*member;
};

constexpr Field kFields[] = {
    {"title_weight", &RankingOptions::title_weight},
    {"body_weight", &RankingOptions::body_weight},
    {"bm25_k1", &RankingOptions::bm25_k1},
    {"bm25_b", &RankingOptions::bm25_b},
    {"title_b", &RankingOptions::title_b},
    {"proximity_weight", &RankingOptions::proximity_weight},
    {"whole_phrase_weight", &RankingOptions::whole_phrase_weight},
    {"cjk_bigram_weight", &RankingOptions::cjk_bigram_weight},
    {"hangul_bigram_weight", &RankingOptions::hangul_bigram_weight},
    {"han_character_weight", &RankingOptions::han_character_weight},
    {"coordination_weight", &RankingOptions::coordination_weight},
    {"stopword_weight", &RankingOptions::stopword_weight},
    {"recency_weight", &RankingOptions::recency_weight},
    {"recency_half_life_days", &RankingOptions::recency_half_life_days},
    {"popularity_weight", &RankingOptions::popularity_weight},
};

}  // namespace

Status validate_ranking(const RankingOptions& o) {
  auto bad = [](std::string_view field, std::string_view why) {
    return Status::invalid_argument(fmt::format("ranking option \"{}\": {}", field, why));
  };
  for (const Field& f : kFields) {
    if (!std::isfinite(o.*f.member)) return bad(f.name, "must be a finite number");
  }
  for (auto member :
       {&RankingOptions::title_weight, &RankingOptions::body_weight, &RankingOptions::bm25_k1,
        &RankingOptions::proximity_weight, &RankingOptions::whole_phrase_weight, &RankingOptions::cjk_bigram_weight,
        &RankingOptions::hangul_bigram_weight, &RankingOptions::han_character_weight,
        &RankingOptions::coordination_weight, &RankingOptions::recency_weight, &RankingOptions::popularity_weight}) {
    if (o.*member < 0 || o.*member > kMaxRankingWeight) {
      auto field =
          std::find_if(std::begin(kFields), std::end(kFields), [&](const Field& f) { return f.member == member; });
      return bad(field->name, fmt::format("must be within 0..{} (is {})", kMaxRankingWeight, o.*member));
    }
  }
  double field_weight = std::max(o.title_weight, o.body_weight);
  double boost_weight = std::max(o.recency_weight, o.popularity_weight);
  if (field_weight * boost_weight > kMaxBoostTimesFieldWeight) {
    return bad(o.recency_weight > o.popularity_weight ? "recency_weight" : "popularity_weight",
               fmt::format("times the larger field weight must be at most {} (is {} x {})", kMaxBoostTimesFieldWeight,
                           boost_weight, field_weight));
  }
  if (o.bm25_b < 0 || o.bm25_b > 1) return bad("bm25_b", "must be within 0..1");
  if (o.title_b < 0 || o.title_b > 1) return bad("title_b", "must be within 0..1");
  if (o.stopword_weight < 0 || o.stopword_weight > 1) return bad("stopword_weight", "must be within 0..1");
  if (std::find(kRecencyHalfLivesDays.begin(), kRecencyHalfLivesDays.end(), o.recency_half_life_days) ==
      kRecencyHalfLivesDays.end()) {
    return bad("recency_half_life_days", fmt::format("{} is not one of the indexed half-lives ({})",
                                                     o.recency_half_life_days, fmt::join(kRecencyHalfLivesDays, ", ")));
  }
  return {};
}

Result<RankingOptions> parse_ranking_profile(std::string_view json, std::string_view name) {
  auto doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Status::invalid_argument(fmt::format("{}: not a JSON object", name));
  }
  RankingOptions options;
  for (const auto& [key, value] : doc.items()) {
    const Field* field = nullptr;
    for (const Field& f : kFields) {
      if (key == f.name) field = &f;
    }
    if (!field) return Status::invalid_argument(fmt::format("{}: unknown ranking option \"{}\"", name, key));
    if (!value.is_number()) return Status::invalid_argument(fmt::format("{}: \"{}\" must be a number", name, key));
    options.*field->member = value.get<double>();
  }
  if (Status s = validate_ranking(options); !s.ok()) {
    return Status::invalid_argument(fmt::format("{}: {}", name, s.message()));
  }
  return options;
}

Result<RankingOptions> load_ranking_profile(const std::string& path) {
  Result<std::string> text = detail::read_file(path);
  if (!text) return text.error();
  return parse_ranking_profile(text.value(), path);
}

std::string Explanation::to_string() const {
  return fmt::format(
      "{:.4f} = title {:.4f} + body {:.4f} + proximity {:.4f} + coordination {:.4f} + recency {:.4f} (x{:.3f}) + "
      "popularity {:.4f} (x{:.3f})",
      final_score, title_bm25, body_bm25, proximity_bonus, coordination_bonus, recency_boost, recency_factor,
      popularity_boost, popularity_factor);
}

}  // namespace faqsearch

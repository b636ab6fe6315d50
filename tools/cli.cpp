#include "cli.h"

#include <fmt/format.h>

#include <iostream>

namespace faqsearch::cli {

void print_error(std::string_view program, std::string_view message) {
  std::cerr << program << ": error: " << message << '\n';
}

int fail(std::string_view program, const Status& status) {
  print_error(program, status.message());
  return kExitFailure;
}

std::string date_or_dash(const std::optional<UnixSeconds>& t) { return t ? format_date(*t) : "-"; }

nlohmann::json hit_to_json(const SearchHit& hit, std::size_t rank) {
  auto date = [](const std::optional<UnixSeconds>& t) -> nlohmann::json {
    return t ? nlohmann::json(format_date(*t)) : nlohmann::json(nullptr);
  };
  nlohmann::json out = {{"rank", rank},
                        {"id", hit.id},
                        {"title", hit.title},
                        {"url", hit.url},
                        {"category", hit.category},
                        {"lang", hit.lang},
                        {"published", date(hit.published)},
                        {"updated", date(hit.updated)},
                        {"views", hit.views},
                        {"score", hit.score}};
  if (hit.explanation) {
    const Explanation& e = *hit.explanation;
    out["explanation"] = {{"title_bm25", e.title_bm25},
                          {"body_bm25", e.body_bm25},
                          {"proximity_bonus", e.proximity_bonus},
                          {"coordination_bonus", e.coordination_bonus},
                          {"scale", e.scale},
                          {"recency_factor", e.recency_factor},
                          {"recency_boost", e.recency_boost},
                          {"popularity_factor", e.popularity_factor},
                          {"popularity_boost", e.popularity_boost},
                          {"final_score", e.final_score}};
  }
  return out;
}

}  // namespace faqsearch::cli

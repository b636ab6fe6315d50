// Character bigrams over runs of CJK and Hangul text, and the Han characters of those runs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/fold.h"
#include "analysis/loose.h"

namespace faqsearch::detail {

// See Analyzer::cjk_bigrams(). Which scripts form runs is ScriptStrategy::bigrams.
[[nodiscard]] std::vector<std::string> cjk_bigrams(std::string_view text, const Folder& folder, LooseFolder& loose);

// See Analyzer::han_characters().
[[nodiscard]] std::vector<std::string> han_characters(std::string_view text, const Folder& folder, LooseFolder& loose);

}  // namespace faqsearch::detail

// The per-language strategy table: everything in analysis that depends on the
// language lives here, chosen once per language, not tested inline.
#pragma once

#include <string_view>

namespace faqsearch::detail {

struct LanguageStrategy {
  std::string_view code;          // primary subtag, lowercase: "en"
  std::string_view snowball;      // name for Xapian::Stem, or "" for none
};

// Returns the strategy for a BCP-47 tag; an unknown or empty tag gets the
// neutral strategy (no stemming).
[[nodiscard]] const LanguageStrategy& language_strategy(std::string_view bcp47);

}  // namespace faqsearch::detail

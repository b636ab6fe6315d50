#include "analysis/language.h"

#include <array>
#include <string>

#include "faqsearch/article.h"

namespace faqsearch::detail {
namespace {

// Every Snowball stemmer that Xapian 1.4 ships, by ISO 639-1 code.
// Languages written without inflection we can strip (zh, ja, th, ko, vi...)
// have no entry and are not stemmed.
constexpr std::array<LanguageStrategy, 26> kStrategies{{
    {"ar", "arabic"},     {"ca", "catalan"},    {"da", "danish"},     {"de", "german"},
    {"en", "english"},    {"es", "spanish"},    {"eu", "basque"},     {"ta", "tamil"},
    {"fi", "finnish"},    {"fr", "french"},     {"ga", "irish"},      {"hu", "hungarian"},
    {"hy", "armenian"},   {"id", "indonesian"}, {"it", "italian"},    {"lt", "lithuanian"},
    {"nb", "norwegian"},  {"ne", "nepali"},     {"nl", "dutch"},      {"nn", "norwegian"},
    {"no", "norwegian"},  {"pt", "portuguese"}, {"ro", "romanian"},   {"ru", "russian"},
    {"sv", "swedish"},    {"tr", "turkish"},
}};
constexpr LanguageStrategy kNeutral{"", ""};

}  // namespace

const LanguageStrategy& language_strategy(std::string_view bcp47) {
  std::string primary = primary_language(bcp47);
  for (const auto& s : kStrategies) {
    if (s.code == primary) return s;
  }
  return kNeutral;
}

}  // namespace faqsearch::detail

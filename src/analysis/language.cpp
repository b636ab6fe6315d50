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
    {"ar", "arabic"},     {"ca", "catalan"},    {"da", "danish"},   {"de", "german"},     {"en", "english"},
    {"es", "spanish"},    {"eu", "basque"},     {"ta", "tamil"},    {"fi", "finnish"},    {"fr", "french"},
    {"ga", "irish"},      {"hu", "hungarian"},  {"hy", "armenian"}, {"id", "indonesian"}, {"it", "italian"},
    {"lt", "lithuanian"}, {"nb", "norwegian"},  {"ne", "nepali"},   {"nl", "dutch"},      {"nn", "norwegian"},
    {"no", "norwegian"},  {"pt", "portuguese"}, {"ro", "romanian"}, {"ru", "russian"},    {"sv", "swedish"},
    {"tr", "turkish"},
}};
constexpr LanguageStrategy kNeutral{"", ""};

// Scripts not listed (Cyrillic, Devanagari, Thai, Lao, Khmer, Myanmar, ...)
// are left as folding leaves them; Cyrillic's one loose rule (ё) is a letter
// replacement below, since its other marks (й, ў, ї) spell distinct letters.
constexpr std::array<ScriptStrategy, 8> kScripts{{
    {.script = USCRIPT_LATIN, .strip_marks = true},
    {.script = USCRIPT_GREEK, .strip_marks = true},
    // Harakat, shadda and the hamza that NFD splits off alef (أ إ آ → ا),
    // as Arabic search engines normalize (Larkey et al., "Light stemming for
    // Arabic information retrieval", 2007; Lucene's ArabicNormalizer).
    {.script = USCRIPT_ARABIC, .strip_marks = true},
    // Niqqud and cantillation: texts and queries almost never carry them.
    {.script = USCRIPT_HEBREW, .strip_marks = true},
    {.script = USCRIPT_HAN, .to_simplified = true, .bigrams = true},
    {.script = USCRIPT_HIRAGANA, .bigrams = true},
    // Lucene's JapaneseKatakanaStemFilter applies the same rule with the same
    // minimum length of 4 (JIS Z 8301 drops the final ー of such words).
    {.script = USCRIPT_KATAKANA, .trim_prolonged_mark = true, .bigrams = true},
    {.script = USCRIPT_HANGUL, .bigrams = true},
}};

constexpr std::array<LooseLetter, 10> kLooseLetters{{
    {0x0111, u"d"},       // đ: Vietnamese (and Croatian) written without diacritics
    {0x0131, u"i"},       // ı: Turkish dotless i, typed as i on other keyboards
    {0x0142, u"l"},       // ł: Polish
    {0x0153, u"oe"},      // œ: a French ligature, commonly typed "oe"
    {0x0451, u"\u0435"},  // ё → е: Russian print normally omits the diaeresis
    {0x0649, u"\u064A"},  // ى → ي: alef maksura and yeh are confused in typing
    {0x0629, u"\u0647"},  // ة → ه: teh marbuta written as heh
    {0x0640, u""},        // tatweel: stretches a line, carries no letter
    {0x066B, u"."},       // Arabic decimal separator, with the digits made ASCII
    {0x066C, u","},       // Arabic thousands separator
}};

// Colloquial and formal question words (Modern Chinese usage, e.g. Lü
// Shuxiang, "现代汉语八百词"): 啥 = 什么, 咋 = 怎么, 为何 = 为什么,
// 如何 / 怎样 = 怎么, 何时 / 几时 = 什么时候, 多长时间 = 多久. A user's
// chat-style question and the article's wording then meet on one form.
constexpr std::array<LooseWord, 8> kLooseHanWords{{
    {u"\u4E3A\u4F55", u"\u4E3A\u4EC0\u4E48", u"\u56E0\u4F5C"},  // 为何 → 为什么, not in 因为何/作为何
    {u"\u5982\u4F55", u"\u600E\u4E48", u""},                    // 如何 → 怎么
    {u"\u600E\u6837", u"\u600E\u4E48", u""},                    // 怎样 → 怎么
    {u"\u4F55\u65F6", u"\u4EC0\u4E48\u65F6\u5019", u"\u4EFB"},  // 何时 → 什么时候, not in 任何时(候)
    {u"\u51E0\u65F6", u"\u4EC0\u4E48\u65F6\u5019", u""},        // 几时 → 什么时候
    {u"\u591A\u957F\u65F6\u95F4", u"\u591A\u4E45", u""},        // 多长时间 → 多久
    {u"\u5565", u"\u4EC0\u4E48", u""},                          // 啥 → 什么
    {u"\u548B", u"\u600E\u4E48", u""},                          // 咋 → 怎么
}};

}  // namespace

const LanguageStrategy& language_strategy(std::string_view bcp47) {
  std::string primary = primary_language(bcp47);
  for (const auto& s : kStrategies) {
    if (s.code == primary) return s;
  }
  return kNeutral;
}

const ScriptStrategy* script_strategy(UScriptCode script) {
  for (const auto& s : kScripts) {
    if (s.script == script) return &s;
  }
  return nullptr;
}

std::span<const ScriptStrategy> script_strategies() { return kScripts; }

std::span<const LooseLetter> loose_letters() { return kLooseLetters; }

std::span<const LooseWord> loose_han_words() { return kLooseHanWords; }

}  // namespace faqsearch::detail

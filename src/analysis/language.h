// The strategy tables: everything in analysis that depends on the language or
// the script lives here, chosen by lookup, not tested inline.
//
// Two tables, because two kinds of input reach the analyzer:
//  - LanguageStrategy, keyed by the article's (or query's) language tag, for
//    steps that are given a language (stem()).
//  - ScriptStrategy, keyed by the Unicode script of each character, for steps
//    that see text of any language mixed in one string and take no language
//    (loose_form(), cjk_bigrams()): "iCloud 备份" has no single language, but
//    each of its characters has a script.
#pragma once

#include <unicode/uscript.h>
#include <unicode/utypes.h>

#include <span>
#include <string_view>

namespace faqsearch::detail {

struct LanguageStrategy {
  std::string_view code;      // primary subtag, lowercase: "en"
  std::string_view snowball;  // name for Xapian::Stem, or "" for none
};

// Returns the strategy for a BCP-47 tag; an unknown or empty tag gets the
// neutral strategy (no stemming).
[[nodiscard]] const LanguageStrategy& language_strategy(std::string_view bcp47);

struct ScriptStrategy {
  UScriptCode script = USCRIPT_INVALID_CODE;
  // loose_form(): after NFD, drop the nonspacing marks (gc=Mn) that follow a
  // letter of this script, then recompose. Only for scripts whose marks are
  // optional accents (Latin, Greek) or optional vowel points (Arabic harakat,
  // Hebrew niqqud); never for Indic or Southeast Asian scripts, whose vowel
  // signs are Mn but spell the word, nor for Cyrillic (й is и + breve).
  bool strip_marks = false;
  // loose_form(): map Traditional Chinese characters to Simplified.
  bool to_simplified = false;
  // loose_form(): a word written wholly in this script of at least 4
  // characters loses its trailing prolonged sound marks (ー): "ユーザー" and
  // "ユーザ" are the same loanword in two spelling conventions.
  bool trim_prolonged_mark = false;
  // cjk_bigrams(): letters of this script form the runs that are cut into
  // bigrams: Han and kana, written without spaces, which ICU's dictionary
  // may cut differently in an article and in a short query; and Hangul,
  // whose space-separated words carry their particles ("비밀번호를"), so the
  // bare noun a user types ("비밀번호") only meets them through bigrams.
  bool bigrams = false;
};

// Returns the strategy for `script`, or nullptr when the script has no rule.
[[nodiscard]] const ScriptStrategy* script_strategy(UScriptCode script);

// Every script strategy, for checks that go by Script_Extensions (a character
// such as ー belongs to both Hiragana and Katakana and to neither as Script).
[[nodiscard]] std::span<const ScriptStrategy> script_strategies();

// loose_form(): single letters that are replaced whole, because they carry no
// decomposable mark yet are typed as another letter by most users of the
// language. Only letters where the replacement is the one universal
// convention; letters with competing spellings (Danish ø as "o" or "oe", æ)
// are left alone.
struct LooseLetter {
  UChar32 from;
  std::u16string_view to;  // empty: the character is dropped
};
[[nodiscard]] std::span<const LooseLetter> loose_letters();

// loose_form(): Chinese question words that users write in a colloquial or
// a formal variant ("为啥", "为何" for "为什么"), replaced by the common
// Simplified form after Traditional-Simplified. Only variants that mean the
// same in any question; applied in table order, as substring replacements,
// to words and bigram runs alike, except right after a character of
// `not_after`, where `from` is the tail of another word (任何时候 "any
// time" is not 任 + 何时 "when").
struct LooseWord {
  std::u16string_view from;
  std::u16string_view to;
  std::u16string_view not_after;
};
[[nodiscard]] std::span<const LooseWord> loose_han_words();

}  // namespace faqsearch::detail

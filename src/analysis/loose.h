// The loose form of a folded term: the spelling variants users do not type
// consistently (accents, Traditional/Simplified Chinese, ё, katakana long
// vowel marks, native digits) reduced to one form. The rules per script are
// in language.cpp (ScriptStrategy, LooseLetter); this file applies them.
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <string_view>

namespace faqsearch::detail {

// Not thread-safe (the transliterator keeps state between calls): one per
// Analyzer. Construction is cheap; the Traditional-Simplified transliterator
// is created on the first term that contains Han.
class LooseFolder {
 public:
  // Throws std::runtime_error when ICU's normalization data is missing.
  LooseFolder();
  ~LooseFolder();
  LooseFolder(LooseFolder&&) noexcept;
  LooseFolder& operator=(LooseFolder&&) noexcept;

  // See Analyzer::loose_form(). Returns `term` unchanged when no rule applies;
  // ASCII terms return at once.
  [[nodiscard]] std::string loose(std::string_view term);
  // The same on UTF-16, in place; returns true iff `text` changed.
  bool loose(icu::UnicodeString& text);

 private:
  icu::Transliterator* to_simplified();

  const icu::Normalizer2* nfd_ = nullptr;  // owned by ICU
  const icu::Normalizer2* nfc_ = nullptr;  // owned by ICU
  std::unique_ptr<icu::Transliterator> to_simplified_;
  bool to_simplified_failed_ = false;
};

}  // namespace faqsearch::detail

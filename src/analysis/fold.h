// Folding: the one normalization every term goes through (tokens, compound
// tokens, bigram runs), so that all of them agree.
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>
#include <string_view>

namespace faqsearch::detail {

// True iff every byte of `s` is ASCII.
[[nodiscard]] bool is_ascii(std::string_view s) noexcept;

// NFKC_Casefold plus two repairs ICU's folding leaves for search:
//  - U+2019 and U+2018 (typographic quotes, which ICU keeps inside words as
//    it does the ASCII apostrophe) and U+02BC (modifier letter apostrophe,
//    the Ukrainian apostrophe) become "'", so "don’t" and "don't" are one term.
//  - Full case folding turns Turkish "İ" into "i" + U+0307 COMBINING DOT
//    ABOVE, which nobody types: the dot after "i" is dropped, as Turkic
//    folding does, so "İSTANBUL", "İstanbul" and "istanbul" agree.
// ASCII input takes a fast path (NFKC_Casefold of ASCII is its lowercase).
//
// Thread-safe: holds only ICU's immutable normalizer singleton.
class Folder {
 public:
  // Throws std::runtime_error when ICU's normalization data is missing.
  Folder();

  // Returns the folded text, or "" when ICU fails (it does not on valid input).
  [[nodiscard]] std::string fold(std::string_view text) const;
  // The same on UTF-16, in place.
  void fold(icu::UnicodeString& text) const;

 private:
  const icu::Normalizer2* nfkc_cf_ = nullptr;  // owned by ICU
};

}  // namespace faqsearch::detail

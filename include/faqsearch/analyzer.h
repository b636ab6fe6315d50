// Analyzer: turns text into the terms that are indexed and searched.
//
// The same Analyzer code runs at index time and at query time; if the two
// sides analyzed text differently, searches would quietly find nothing.
//
// Pipeline, per call to tokenize():
//   1. ICU word segmentation on the original text. ICU's word break rules use
//      dictionaries for scripts written without spaces (Chinese, Japanese,
//      Thai, Lao, Khmer, Myanmar), so those are split into words too.
//   2. Each segment that is a word or a number (not space or punctuation)
//      becomes a token, NFKC case folded. Folding happens after segmenting:
//      folding first changes some Thai sequences the dictionary relies on.
//   3. Tokens longer than AnalyzerOptions::max_token_bytes are dropped (they
//      are noise such as base64 blobs, and Xapian limits term length).
// Stemming (Snowball, through Xapian) is a separate step, chosen per language
// by stem().
//
// Invalid UTF-8 never fails: each bad byte reads as U+FFFD, which is not a word.
//
// Construction throws std::runtime_error only when ICU's data files are missing
// from the system (a broken installation), never because of input.
//
// Thread safety: an Analyzer holds ICU and Xapian objects that are not
// thread-safe. Use one Analyzer per thread; constructing one costs a few
// microseconds after the first (ICU caches its rule data).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace faqsearch {

enum class TokenKind : std::uint8_t {
  word,         // letters of an alphabetic or syllabic script (Latin, Cyrillic, Hangul, ...)
  number,       // digits, possibly with separators: "2024", "1,000.50"
  ideographic,  // Han or kana words from dictionary segmentation
  other,        // a word ICU could not classify (e.g. Thai from the dictionary)
};

struct Token {
  std::string term;            // NFKC case folded text of the word
  std::size_t begin = 0;       // byte offset of the word in the input
  std::size_t end = 0;         // byte offset one past the word
  std::uint32_t position = 0;  // 1 for the first token of a call, then +1 per token
  TokenKind kind = TokenKind::word;
};

struct AnalyzerOptions {
  // Behaviour
  // Tokens whose folded form is longer than this many bytes are dropped.
  // Default 64, as Xapian's TermGenerator: long enough for a 0x-prefixed
  // 40-digit address, short enough to keep Xapian's 245-byte term limit with
  // any prefix.
  std::size_t max_token_bytes = 64;
};

class Analyzer {
 public:
  explicit Analyzer(AnalyzerOptions options = {});
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Returns the tokens of `text` in order. Never fails: empty, punctuation
  // only or invalid input gives fewer (possibly no) tokens.
  [[nodiscard]] std::vector<Token> tokenize(std::string_view text);

  // Returns the stem of folded `term` for language `lang` (a BCP-47 tag).
  // Only TokenKind::word tokens are worth stemming; the term comes back
  // unchanged when the language has no stemmer ("zh", "", "und") or the term
  // has no letters.
  [[nodiscard]] std::string stem(std::string_view term, std::string_view lang);

  // True iff stem() can change words of `lang`.
  [[nodiscard]] static bool has_stemmer(std::string_view lang);

  // A string that identifies everything that changes the terms produced
  // (ICU and Unicode versions, folding, limits). Stored in the index and
  // compared on open: an index built with other settings is rejected.
  [[nodiscard]] std::string settings() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace faqsearch

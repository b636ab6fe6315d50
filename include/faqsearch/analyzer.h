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
//      Folding also maps typographic apostrophes (’ ‘ ʼ) to "'" and drops the
//      dot that full case folding leaves on Turkish "İ" ("i" + U+0307), so
//      "don’t"/"don't" and "İstanbul"/"istanbul" give the same terms.
//   3. Tokens longer than AnalyzerOptions::max_token_bytes are dropped (they
//      are noise such as base64 blobs, and Xapian limits term length).
//   4. Compound tokens (Token::compound) are added for identifiers that users
//      write in several ways; see Token.
// Stemming (Snowball, through Xapian), loose_form(), cjk_bigrams() and
// han_characters() are separate steps: stem() is chosen per language, the
// others per script.
//
// Invalid UTF-8 never fails: each bad byte reads as U+FFFD, which is not a word.
//
// Construction throws std::runtime_error only when ICU's data files are missing
// from the system (a broken installation), never because of input.
//
// Thread safety: an Analyzer holds ICU and Xapian objects that are not
// thread-safe. Use one Analyzer per thread; constructing one costs a few
// microseconds after the first (ICU caches its rule data). The first Han
// character given to loose_form(), cjk_bigrams() or han_characters() creates the Analyzer's
// Traditional-Simplified transliterator: well under a millisecond, except
// the first in a process, which compiles ICU's rules (tens of milliseconds).
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

// A word of the input, or (compound == true) another searchable form of one
// or more words next to them.
//
// Word tokens are ICU's words; positions count them. Compound tokens come
// after the word whose position they carry (the first word they cover), do
// not advance the position, and cover the bytes [begin, end) they were made
// from. Index them as extra terms at that position; a query should match on
// its word tokens (a phrase query must use only those, since a compound
// shares its position with a word). Compounds are:
//   - words linked by one "-", "_", "/" or "." (or a full-width or Unicode
//     hyphen form of them) and nothing else, joined:
//     "USDT-TRC20" → "usdttrc20", "ERC-20" → "erc20", "BTC/USDT" → "btcusdt",
//     "2024-05-01" → "20240501";
//   - the parts of a word that ICU keeps whole across punctuation, and the
//     parts joined: "my_wallet_id" → "my", "wallet", "id", "mywalletid";
//     "l'école" → "école", "lécole" (one-letter parts such as "l" are left
//     out);
//   - the letters and digits of a word that mixes them, when it has at most
//     3 such parts (so hashes are not shredded), letter parts of 2+ letters:
//     "trc20" → "trc", "20"; "2fa" → "2", "fa"; "v2" → "2";
//   - numbers with separators: an amount gives its ungrouped forms
//     ("1,000.50" → "1000.50", "1000", "1,000"), anything else its prefixes
//     ("6.4.2" → "6", "6.4"; "v6.4.2" also "6.4.2");
//   - a "0x" hex literal without its prefix ("0x3f5c…" → "3f5c…");
//   - an e-mail address's domain ("support@lumen.example" → "lumen.example",
//     plus "support", "lumen", "example" as parts), and the whole address when
//     ICU splits it ("help.desk+eu@lumen-pay.example").
// A compound equal to its word's term, or already given at that position, is
// left out.
struct Token {
  std::string term;                  // folded text (see the pipeline above)
  std::size_t begin = 0;             // byte offset of the word in the input
  std::size_t end = 0;               // byte offset one past the word
  std::uint32_t position = 0;        // 1 for the first word of a call, then +1 per word
  TokenKind kind = TokenKind::word;  // compounds: word if any letter, else number
  bool compound = false;             // true: an extra form, see above
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

  // Returns the tokens of `text`: the word tokens in order, each followed by
  // the compound tokens that carry its position. Never fails: empty,
  // punctuation only or invalid input gives fewer (possibly no) tokens.
  [[nodiscard]] std::vector<Token> tokenize(std::string_view text);

  // Returns the accent- and variant-insensitive form of `term`, a folded term
  // (Token::term or another loose_form() result), for a second, looser term
  // beside the exact one. The rules go by the script of each character:
  //   - Latin, Greek: accents and other marks are dropped ("tiếng" → "tieng",
  //     "élève" → "eleve", "über" → "uber", "καλημέρα" → "καλημερα");
  //     letters that are not a base letter plus a mark stay ("ø", "æ"), except
  //     four typed as ASCII by nearly everyone: "đ" → "d", "ı" → "i",
  //     "ł" → "l", "œ" → "oe". ("ß" is already "ss" after folding.)
  //   - Cyrillic: "ё" → "е" only; "й", "ї", "ў" are letters of their own.
  //   - Arabic: harakat, tatweel and the hamza on alef are dropped
  //     ("أمان" → "امان"), "ى" → "ي", "ة" → "ه". Hebrew: niqqud is dropped.
  //   - Han: Traditional → Simplified ("錢包" → "钱包"), by ICU's
  //     Traditional-Simplified transliterator; it also maps Japanese kanji
  //     that have a simplified form ("認証" → "认证"), harmless because both
  //     sides of a search get the same form. Then eight colloquial or formal
  //     question words take their common form: "啥" → "什么", "咋" → "怎么",
  //     "为何" → "为什么", "如何"/"怎样" → "怎么", "何时"/"几时" → "什么时候",
  //     "多长时间" → "多久" (Japanese "何時" goes the same way on both sides).
  //   - Katakana: a word of 4+ characters loses its trailing "ー"
  //     ("ユーザー" → "ユーザ", "コンピューター" → "コンピュータ"), the two
  //     spelling conventions for loanwords. Hiragana and katakana are NOT
  //     merged: they are not free variants (katakana marks loanwords, hiragana
  //     grammar), input methods convert what users type, and merging would
  //     make particles ("から") match loanwords ("カラー"). Half-width kana and
  //     "ｰ" are already full-width after folding.
  //   - Decimal digits of any script become ASCII ("๒๕" → "25", "١٢" → "12").
  //   - Other scripts (Hangul, Thai, Lao, Khmer, Myanmar, Devanagari, ...)
  //     are unchanged: their marks spell the word.
  // Returns `term` unchanged when no rule applies; ASCII returns at once.
  // Applying it twice gives the same result as once.
  // For a loose stem, stem the loose form, stem(loose_form(t), lang), on both
  // sides: a query typed without accents then stems like the article's word.
  // (The other order fails where Snowball strips accented endings:
  // Portuguese "identificação" stems to "identific", "identificacao" to
  // "identificaca".)
  [[nodiscard]] std::string loose_form(std::string_view term);

  // Returns the character bigrams of the Han, Hiragana, Katakana and Hangul
  // in `text`, to match CJK words that dictionary segmentation cut
  // differently in the article and the query. `text` is raw input, as for
  // tokenize(). Runs of consecutive letters of those scripts (with "ー" and
  // voicing marks) are taken from the original text; any other character,
  // space and punctuation included, ends a run. Each run is folded and put in
  // loose_form(), then gives every overlapping pair of characters in order, or
  // its one character when it has one:
  //   "如何找到我的用户ID" → 如何 何找 找到 到我 我的 的用 用户
  //   "지갑 백업" → 지갑 백업;  "iCloud 备份" → 备份;  "錢包" → 钱包
  [[nodiscard]] std::vector<std::string> cjk_bigrams(std::string_view text);

  // Returns the Han characters of `text`, one per occurrence, from the same
  // runs as cjk_bigrams(), in the same loose_form(): Traditional as
  // Simplified, and the colloquial question words in their common form, so
  // 啥 gives 什 么 and 多长时间 gives 多 久 (the question and the article
  // meet on one form; characters of the Simplified text alone instead gave
  // bq-faq-zh 0.2252 against 0.2312). Kana and Hangul are left out: a lone
  // kana is mostly a particle or a sound, and Korean is written in words.
  // A character counts if its Script is Han (so 々 does, 〆 does not).
  //   "我的钱包在哪" → 我 的 钱 包 在 哪;  "ログイン方法" → 方 法;  "錢包" → 钱 包
  [[nodiscard]] std::vector<std::string> han_characters(std::string_view text);

  // Returns the stem of folded `term` for language `lang` (a BCP-47 tag).
  // Only TokenKind::word tokens are worth stemming; the term comes back
  // unchanged when the language has no stemmer ("zh", "", "und") or the term
  // has no letters.
  [[nodiscard]] std::string stem(std::string_view term, std::string_view lang);

  // True iff stem() can change words of `lang`.
  [[nodiscard]] static bool has_stemmer(std::string_view lang);

  // The name of the Snowball stemmer stem() uses for `lang` ("english",
  // "spanish"), or "" when it has none. Stems made by different stemmers
  // must not meet: the index keeps each language's stems under this name.
  [[nodiscard]] static std::string_view stemmer_name(std::string_view lang);

  // A string that identifies everything that changes the terms produced
  // (ICU and Unicode versions, folding, limits, compounds, loose forms,
  // bigrams, Han characters). Stored in the index and compared on open: an index built with
  // other settings is rejected.
  [[nodiscard]] std::string settings() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace faqsearch

#include "faqsearch/analyzer.h"

#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "analysis/bigrams.h"
#include "analysis/compounds.h"
#include "analysis/fold.h"
#include "analysis/language.h"
#include "analysis/loose.h"

namespace faqsearch {

class Analyzer::Impl {
 public:
  explicit Impl(AnalyzerOptions options) : options_(options) {
    UErrorCode status = U_ZERO_ERROR;
    breaker_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !breaker_) {
      throw std::runtime_error(fmt::format("ICU word break iterator unavailable: {}", u_errorName(status)));
    }
  }

  std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> words = words_of(text);
    std::vector<Token> compounds = detail::compound_tokens(text, words, folder_, options_.max_token_bytes);
    if (compounds.empty()) return words;
    // Each word, then the compounds that carry its position. Compounds come
    // out in word order, except the forms that span words (joined runs,
    // whole e-mail addresses), which are found at a later word: a stable sort
    // by position puts them back without reordering the rest.
    std::stable_sort(compounds.begin(), compounds.end(),
                     [](const Token& a, const Token& b) { return a.position < b.position; });
    std::vector<Token> tokens;
    tokens.reserve(words.size() + compounds.size());
    auto next = compounds.begin();
    for (Token& word : words) {
      std::uint32_t position = word.position;
      tokens.push_back(std::move(word));
      for (; next != compounds.end() && next->position == position; ++next) tokens.push_back(std::move(*next));
    }
    return tokens;
  }

  std::string loose_form(std::string_view term) { return loose_.loose(term); }

  std::vector<std::string> cjk_bigrams(std::string_view text) { return detail::cjk_bigrams(text, folder_, loose_); }
  std::vector<std::string> han_characters(std::string_view text) {
    return detail::han_characters(text, folder_, loose_);
  }

  std::string stem(std::string_view term, std::string_view lang) {
    const detail::LanguageStrategy& strategy = detail::language_strategy(lang);
    if (strategy.snowball.empty()) return std::string(term);
    auto it = stemmers_.find(strategy.snowball);
    if (it == stemmers_.end()) {
      it = stemmers_.emplace(strategy.snowball, Xapian::Stem(std::string(strategy.snowball))).first;
    }
    return it->second(std::string(term));
  }

  std::string settings() const {
    // Bump a version below whenever its rules change the terms it gives.
    return fmt::format(
        "icu={};unicode={};fold=nfkc_cf+apostrophe+dotted_i;break=word;max_token_bytes={};compounds=1;loose=2;"
        "bigrams=1;han_characters=1",
        U_ICU_VERSION, U_UNICODE_VERSION, options_.max_token_bytes);
  }

 private:
  static TokenKind kind_of(int32_t rule) {
    if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) return TokenKind::number;
    if (rule >= UBRK_WORD_LETTER && rule < UBRK_WORD_LETTER_LIMIT) return TokenKind::word;
    if (rule >= UBRK_WORD_KANA && rule < UBRK_WORD_IDEO_LIMIT) return TokenKind::ideographic;
    return TokenKind::other;
  }

  // ICU's words, folded, without compounds.
  std::vector<Token> words_of(std::string_view text) {
    std::vector<Token> tokens;
    if (text.empty()) return tokens;
    UErrorCode status = U_ZERO_ERROR;
    // UText over the UTF-8 bytes: the iterator's indices are byte offsets,
    // which snippets and highlighting need, and no UTF-16 copy is made.
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return tokens;
    breaker_->setText(ut, status);
    if (U_FAILURE(status)) {
      utext_close(ut);
      return tokens;
    }
    std::uint32_t position = 0;
    int32_t begin = breaker_->first();
    for (int32_t end = breaker_->next(); end != icu::BreakIterator::DONE; begin = end, end = breaker_->next()) {
      int32_t rule = breaker_->getRuleStatus();
      if (rule < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
      std::string_view piece = text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
      // Folding happens after segmenting: folding first changes some Thai
      // sequences the dictionary relies on.
      std::string folded = folder_.fold(piece);
      if (folded.empty() || folded.size() > options_.max_token_bytes) continue;
      Token token;
      token.term = std::move(folded);
      token.begin = static_cast<std::size_t>(begin);
      token.end = static_cast<std::size_t>(end);
      token.position = ++position;
      token.kind = kind_of(rule);
      tokens.push_back(std::move(token));
    }
    // Detach the iterator from the text before the UText goes away.
    breaker_->setText(icu::UnicodeString());
    utext_close(ut);
    return tokens;
  }

  AnalyzerOptions options_;
  std::unique_ptr<icu::BreakIterator> breaker_;
  detail::Folder folder_;
  detail::LooseFolder loose_;
  std::map<std::string_view, Xapian::Stem> stemmers_;
};

Analyzer::Analyzer(AnalyzerOptions options) : impl_(std::make_unique<Impl>(options)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::vector<Token> Analyzer::tokenize(std::string_view text) { return impl_->tokenize(text); }

std::string Analyzer::loose_form(std::string_view term) { return impl_->loose_form(term); }

std::vector<std::string> Analyzer::cjk_bigrams(std::string_view text) { return impl_->cjk_bigrams(text); }
std::vector<std::string> Analyzer::han_characters(std::string_view text) { return impl_->han_characters(text); }

std::string Analyzer::stem(std::string_view term, std::string_view lang) {
  bool has_letter = false;
  for (unsigned char c : term) {
    if (c >= 0x80 || static_cast<unsigned>((c | 0x20) - 'a') < 26u) {
      has_letter = true;
      break;
    }
  }
  if (!has_letter) return std::string(term);
  return impl_->stem(term, lang);
}

bool Analyzer::has_stemmer(std::string_view lang) { return !detail::language_strategy(lang).snowball.empty(); }

std::string_view Analyzer::stemmer_name(std::string_view lang) { return detail::language_strategy(lang).snowball; }

std::string Analyzer::settings() const { return impl_->settings(); }

}  // namespace faqsearch

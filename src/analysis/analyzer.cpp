#include "faqsearch/analyzer.h"

#include <map>
#include <stdexcept>

#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>
#include <xapian.h>

#include "analysis/language.h"

namespace faqsearch {

class Analyzer::Impl {
 public:
  explicit Impl(AnalyzerOptions options) : options_(options) {
    UErrorCode status = U_ZERO_ERROR;
    breaker_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !breaker_) {
      throw std::runtime_error(fmt::format("ICU word break iterator unavailable: {}", u_errorName(status)));
    }
    status = U_ZERO_ERROR;
    folder_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) {
      throw std::runtime_error(fmt::format("ICU NFKC_Casefold unavailable: {}", u_errorName(status)));
    }
  }

  std::vector<Token> tokenize(std::string_view text) {
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
      std::string folded = fold(piece);
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
    return fmt::format("icu={};unicode={};fold=nfkc_cf;break=word;max_token_bytes={}", U_ICU_VERSION,
                       U_UNICODE_VERSION, options_.max_token_bytes);
  }

 private:
  static TokenKind kind_of(int32_t rule) {
    if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) return TokenKind::number;
    if (rule >= UBRK_WORD_LETTER && rule < UBRK_WORD_LETTER_LIMIT) return TokenKind::word;
    if (rule >= UBRK_WORD_KANA && rule < UBRK_WORD_IDEO_LIMIT) return TokenKind::ideographic;
    return TokenKind::other;
  }

  std::string fold(std::string_view piece) const {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(piece.data(), static_cast<int32_t>(piece.size())));
    icu::UnicodeString folded = folder_->normalize(source, status);
    std::string out;
    if (U_FAILURE(status)) return out;
    folded.toUTF8String(out);
    return out;
  }

  AnalyzerOptions options_;
  std::unique_ptr<icu::BreakIterator> breaker_;
  const icu::Normalizer2* folder_ = nullptr;  // owned by ICU
  std::map<std::string_view, Xapian::Stem> stemmers_;
};

Analyzer::Analyzer(AnalyzerOptions options) : impl_(std::make_unique<Impl>(options)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::vector<Token> Analyzer::tokenize(std::string_view text) { return impl_->tokenize(text); }

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

std::string Analyzer::settings() const { return impl_->settings(); }

}  // namespace faqsearch

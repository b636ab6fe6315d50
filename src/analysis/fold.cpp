#include "analysis/fold.h"

#include <fmt/format.h>

#include <stdexcept>

namespace faqsearch::detail {

bool is_ascii(std::string_view s) noexcept {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

Folder::Folder() {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_cf_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(fmt::format("ICU NFKC_Casefold unavailable: {}", u_errorName(status)));
  }
}

void Folder::fold(icu::UnicodeString& text) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded = nfkc_cf_->normalize(text, status);
  if (U_FAILURE(status)) {
    text.remove();
    return;
  }
  // Both repairs touch BMP characters only, so UTF-16 units are code points.
  // Most text has neither: look before copying.
  const char16_t* units = folded.getBuffer();
  const int32_t length = folded.length();
  bool repair = false;
  for (int32_t i = 0; i < length && !repair; ++i) {
    char16_t c = units[i];
    repair = c == u'\u2018' || c == u'\u2019' || c == u'\u02BC' || c == u'\u0307';
  }
  if (!repair) {
    text = std::move(folded);
    return;
  }
  int32_t out = 0;
  for (int32_t i = 0; i < length; ++i) {
    char16_t c = folded.charAt(i);
    if (c == u'\u2018' || c == u'\u2019' || c == u'\u02BC') {
      c = u'\'';
    } else if (c == u'\u0307' && out > 0 && folded.charAt(out - 1) == u'i') {
      continue;
    }
    folded.setCharAt(out++, c);
  }
  folded.truncate(out);
  text = std::move(folded);
}

std::string Folder::fold(std::string_view text) const {
  std::string out;
  if (is_ascii(text)) {
    out.assign(text);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  fold(u);
  u.toUTF8String(out);
  return out;
}

}  // namespace faqsearch::detail

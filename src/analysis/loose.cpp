#include "analysis/loose.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#include <stdexcept>

#include "analysis/fold.h"
#include "analysis/language.h"

namespace faqsearch::detail {
namespace {

constexpr UChar32 kProlongedSoundMark = 0x30FC;  // ー (NFKC maps half-width ｰ to it)
// A word keeps at least this many characters when its final ー is dropped:
// Lucene's JapaneseKatakanaStemFilter minimum of 4 including the mark, so
// "コピー" (copy) and "ルー" stay as they are.
constexpr int32_t kMinTrimmedLength = 3;

UScriptCode script_of(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &status);
  return U_SUCCESS(status) ? script : USCRIPT_INVALID_CODE;
}

const LooseLetter* loose_letter(UChar32 c) {
  for (const auto& l : loose_letters()) {
    if (l.from == c) return &l;
  }
  return nullptr;
}

bool is_letter_or_mark(UChar32 c) { return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK)) != 0; }

// True iff every character of `text` is a letter or mark whose
// Script_Extensions include `script` (so ー counts as katakana).
bool wholly_in(const icu::UnicodeString& text, UScriptCode script) {
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (!is_letter_or_mark(c) || !uscript_hasScript(c, script)) return false;
  }
  return true;
}

}  // namespace

LooseFolder::LooseFolder() {
  UErrorCode status = U_ZERO_ERROR;
  nfd_ = icu::Normalizer2::getNFDInstance(status);
  nfc_ = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(fmt::format("ICU NFD/NFC unavailable: {}", u_errorName(status)));
  }
}

LooseFolder::~LooseFolder() = default;
LooseFolder::LooseFolder(LooseFolder&&) noexcept = default;
LooseFolder& LooseFolder::operator=(LooseFolder&&) noexcept = default;

icu::Transliterator* LooseFolder::to_simplified() {
  if (!to_simplified_ && !to_simplified_failed_) {
    // The first instance in a process compiles the rules (tens of
    // milliseconds); ICU caches them, so later Analyzers pay well under 1 ms.
    UErrorCode status = U_ZERO_ERROR;
    to_simplified_.reset(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !to_simplified_) {
      // Only a broken ICU installation lacks the rules; Han then stays as is.
      to_simplified_.reset();
      to_simplified_failed_ = true;
    }
  }
  return to_simplified_.get();
}

namespace {

// Replaces each `w.from` in `text` by `w.to`, except right after a character of `w.not_after`.
void replace_word(icu::UnicodeString& text, const LooseWord& w) {
  icu::UnicodeString from(w.from.data(), static_cast<int32_t>(w.from.size()));
  icu::UnicodeString to(w.to.data(), static_cast<int32_t>(w.to.size()));
  for (int32_t at = text.indexOf(from); at >= 0; at = text.indexOf(from, at)) {
    bool blocked = at > 0 && w.not_after.find(static_cast<char16_t>(text.charAt(at - 1))) != std::u16string_view::npos;
    if (blocked) {
      at += from.length();
      continue;
    }
    text.replace(at, from.length(), to);
    at += to.length();
  }
}

}  // namespace

bool LooseFolder::loose(icu::UnicodeString& text) {
  // One scan decides which of the (costly) steps below apply at all.
  static const bool kLatinStrips = [] {
    const ScriptStrategy* s = script_strategy(USCRIPT_LATIN);
    return s && s->strip_marks;
  }();
  bool letters = false, han = false, marks = false, digits = false;
  bool base_strips = false;  // whether marks on the last base character go
  int32_t length = 0;
  for (int32_t i = 0; i < text.length(); ++length) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (c < 0x80) {
      base_strips = kLatinStrips && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
      continue;
    }
    if (loose_letter(c)) letters = true;
    int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK) {
      // Thai, Indic, ... vowel signs are marks too: only marks that the
      // strip step would remove make it worth running.
      if (base_strips) marks = true;
      continue;
    }
    if (type == U_DECIMAL_DIGIT_NUMBER) digits = true;
    const ScriptStrategy* s = script_strategy(script_of(c));
    base_strips = s && s->strip_marks;
    if (!s) continue;
    if (s->to_simplified) han = true;
    if (base_strips && !nfd_->isInert(c)) marks = true;
  }
  bool trim = length > kMinTrimmedLength && text.char32At(text.length() - 1) == kProlongedSoundMark;
  if (!(letters || han || marks || digits || trim)) return false;

  icu::UnicodeString before = text;
  if (letters) {
    icu::UnicodeString out;
    for (int32_t i = 0; i < text.length();) {
      UChar32 c = text.char32At(i);
      i += U16_LENGTH(c);
      if (const LooseLetter* l = loose_letter(c)) {
        out.append(icu::UnicodeString(l->to.data(), static_cast<int32_t>(l->to.size())));
      } else {
        out.append(c);
      }
    }
    text = std::move(out);
  }
  if (han) {
    if (icu::Transliterator* t = to_simplified()) t->transliterate(text);
    for (const LooseWord& w : loose_han_words()) replace_word(text, w);
  }
  if (marks) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString decomposed = nfd_->normalize(text, status);
    icu::UnicodeString kept;
    bool strip = false;  // whether the current base letter's marks go
    for (int32_t i = 0; i < decomposed.length();) {
      UChar32 c = decomposed.char32At(i);
      i += U16_LENGTH(c);
      if (u_charType(c) == U_NON_SPACING_MARK) {
        if (strip) continue;
      } else {
        const ScriptStrategy* s = script_strategy(script_of(c));
        strip = s && s->strip_marks;
      }
      kept.append(c);
    }
    icu::UnicodeString composed = nfc_->normalize(kept, status);
    if (U_SUCCESS(status)) text = std::move(composed);
  }
  if (digits) {
    icu::UnicodeString out;
    for (int32_t i = 0; i < text.length();) {
      UChar32 c = text.char32At(i);
      i += U16_LENGTH(c);
      if (c >= 0x80 && u_charType(c) == U_DECIMAL_DIGIT_NUMBER) c = U'0' + u_charDigitValue(c);
      out.append(c);
    }
    text = std::move(out);
  }
  if (trim) {
    for (const auto& s : script_strategies()) {
      if (!s.trim_prolonged_mark || !wholly_in(text, s.script)) continue;
      int32_t end = text.length();
      // ー is in the BMP: one UTF-16 unit per mark.
      while (end > 0 && text.charAt(end - 1) == kProlongedSoundMark &&
             text.countChar32(0, end - 1) >= kMinTrimmedLength) {
        --end;
      }
      text.truncate(end);
      break;
    }
  }
  return text != before;
}

std::string LooseFolder::loose(std::string_view term) {
  if (is_ascii(term)) return std::string(term);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(term.data(), static_cast<int32_t>(term.size())));
  if (!loose(u)) return std::string(term);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace faqsearch::detail

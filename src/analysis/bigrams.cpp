#include "analysis/bigrams.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>

#include "analysis/language.h"
#include "analysis/utf8.h"

namespace faqsearch::detail {
namespace {

// True iff `c` is a letter or mark (so not "、" or "・", which share the
// scripts) whose Script_Extensions include a bigram script. Going by
// Script_Extensions keeps ー, ｰ and the voicing marks ﾞ ﾟ (Script=Common or
// Inherited) inside katakana runs.
bool in_bigram_run(UChar32 c) {
  if (c < 0x80) return false;
  if ((U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK)) == 0) return false;
  const auto strategies = script_strategies();
  return std::any_of(strategies.begin(), strategies.end(),
                     [c](const ScriptStrategy& s) { return s.bigrams && uscript_hasScript(c, s.script); });
}

void append_bigrams(std::string_view run, std::vector<std::string>& out) {
  std::vector<std::string_view> chars;
  for (std::size_t i = 0; i < run.size();) {
    std::size_t start = i;
    (void)next_code_point(run, &i);
    chars.push_back(run.substr(start, i - start));
  }
  if (chars.size() == 1) {
    out.emplace_back(chars[0]);
    return;
  }
  for (std::size_t i = 0; i + 1 < chars.size(); ++i) {
    std::string bigram(chars[i]);
    bigram.append(chars[i + 1]);
    out.push_back(std::move(bigram));
  }
}

// Calls `emit` with each run of bigram-script letters in `text`, folded and in
// its loose form.
template <typename Emit>
void for_each_run(std::string_view text, const Folder& folder, LooseFolder& loose, Emit emit) {
  std::size_t i = 0;
  while (i < text.size()) {
    // ASCII never starts a run: skip it without decoding.
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t run_begin = i, run_end = i;
    while (i < text.size()) {
      std::size_t j = i;
      UChar32 c = next_code_point(text, &j);
      if (c < 0 || !in_bigram_run(c)) {
        if (run_end == run_begin) i = j;  // not a run: step over it
        break;
      }
      i = j;
      run_end = i;
    }
    if (run_end == run_begin) continue;
    std::string folded = folder.fold(text.substr(run_begin, run_end - run_begin));
    emit(loose.loose(folded));
  }
}

}  // namespace

std::vector<std::string> cjk_bigrams(std::string_view text, const Folder& folder, LooseFolder& loose) {
  std::vector<std::string> out;
  for_each_run(text, folder, loose, [&](std::string_view run) { append_bigrams(run, out); });
  return out;
}

std::vector<std::string> han_characters(std::string_view text, const Folder& folder, LooseFolder& loose) {
  std::vector<std::string> out;
  for_each_run(text, folder, loose, [&](std::string_view run) {
    for (std::size_t i = 0; i < run.size();) {
      std::size_t start = i;
      UChar32 c = next_code_point(run, &i);
      UErrorCode status = U_ZERO_ERROR;
      if (uscript_getScript(c, &status) != USCRIPT_HAN) continue;
      out.emplace_back(run.substr(start, i - start));
    }
  });
  return out;
}

}  // namespace faqsearch::detail

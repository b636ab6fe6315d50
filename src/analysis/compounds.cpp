#include "analysis/compounds.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>
#include <utility>

#include "analysis/utf8.h"

namespace faqsearch::detail {
namespace {

UChar32 next_code_point(std::string_view s, std::size_t& i) { return detail::next_code_point(s, &i); }

enum class CharClass { letter, digit, other };

CharClass classify(UChar32 c) {
  if (c < 0) return CharClass::other;
  if (c < 0x80) {
    if (c >= '0' && c <= '9') return CharClass::digit;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return CharClass::letter;
    return CharClass::other;
  }
  if (c == 0x02BC) return CharClass::other;  // modifier letter apostrophe: folded to "'"
  std::uint32_t mask = U_GET_GC_MASK(c);
  if (mask & U_GC_ND_MASK) return CharClass::digit;
  if (mask & (U_GC_L_MASK | U_GC_M_MASK)) return CharClass::letter;
  return CharClass::other;
}

bool is_mark(UChar32 c) { return c >= 0x80 && (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

// Separators that ICU keeps inside a number ("1,000.50", "6.4.2", "1'000").
bool is_number_separator(char c) { return c == '.' || c == ',' || c == '\''; }

// Characters that link two ICU words into one identifier when they are the
// only thing between them: "USDT-TRC20", "BTC/USDT", "2024-05-01". ICU
// already keeps words together across "_" and, between letters, ".".
bool is_connector(UChar32 c) {
  // The ASCII four, U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN, and the
  // full-width forms of the ASCII four (NFKC would fold them afterwards).
  constexpr std::array<UChar32, 10> kConnectors{'-', '_', '/', '.', 0x2010, 0x2011, 0xFF0D, 0xFF3F, 0xFF0F, 0xFF0E};
  return std::find(kConnectors.begin(), kConnectors.end(), c) != kConnectors.end();
}

// A piece of one word: a run of letters, a number (digits with the
// separators ICU keeps inside numbers), or one separator character.
struct Atom {
  CharClass kind = CharClass::other;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t chars = 0;  // characters, not counting combining marks
};

std::vector<Atom> atoms_of(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Atom> atoms;
  std::size_t i = begin;
  while (i < end) {
    std::size_t start = i;
    UChar32 c = next_code_point(text, i);
    CharClass kind = classify(c);
    Atom atom{kind, start, i, is_mark(c) ? 0u : 1u};
    if (kind != CharClass::other) {
      while (i < end) {
        std::size_t j = i;
        UChar32 d = next_code_point(text, j);
        if (classify(d) == kind) {
          if (!is_mark(d)) ++atom.chars;
        } else if (kind == CharClass::digit && d >= 0 && d < 0x80 && is_number_separator(static_cast<char>(d)) &&
                   j < end) {
          std::size_t k = j;
          if (classify(next_code_point(text, k)) != CharClass::digit) break;
        } else {
          break;
        }
        i = j;
      }
      atom.end = i;
    }
    atoms.push_back(atom);
  }
  return atoms;
}

bool contains_letter(std::string_view term) {
  for (std::size_t i = 0; i < term.size();) {
    if (classify(next_code_point(term, i)) == CharClass::letter) return true;
  }
  return false;
}

// True iff every character of `s` is a letter (or mark): one letter atom,
// which has no parts.
bool only_letters(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {
      if ((byte | 0x20) < 'a' || (byte | 0x20) > 'z') return false;
      ++i;
    } else if (classify(next_code_point(s, i)) != CharClass::letter) {
      return false;
    }
  }
  return true;
}

// "0x" and at least 4 hex digits: an address, a transaction hash or an error
// code, which users paste with or without the prefix.
bool is_hex_literal(std::string_view s) {
  if (s.size() < 6 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X')) return false;
  return std::all_of(s.begin() + 2, s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); });
}

class Emitter {
 public:
  Emitter(std::string_view text, const Folder& folder, std::size_t max_bytes)
      : text_(text), folder_(folder), max_bytes_(max_bytes) {}

  // Emits `original` (unfolded text) as a compound at the position of `at`,
  // covering bytes [begin, end) of the input.
  void emit(const Token& at, std::size_t begin, std::size_t end, std::string_view original) {
    std::string term = folder_.fold(original);
    if (term.empty() || term.size() > max_bytes_ || term == at.term) return;
    if (!seen_.emplace(at.position, term).second) return;
    Token token;
    token.kind = contains_letter(term) ? TokenKind::word : TokenKind::number;
    token.term = std::move(term);
    token.begin = begin;
    token.end = end;
    token.position = at.position;
    token.compound = true;
    out_.push_back(std::move(token));
  }
  void emit(const Token& at, std::size_t begin, std::size_t end) {
    emit(at, begin, end, text_.substr(begin, end - begin));
  }

  std::string_view text() const { return text_; }
  std::vector<Token> take() { return std::move(out_); }

 private:
  std::string_view text_;
  const Folder& folder_;
  std::size_t max_bytes_;
  std::set<std::pair<std::uint32_t, std::string>> seen_;
  std::vector<Token> out_;
};

// A number with separators. An amount with grouping ("1,000.50",
// "1.000,50", "1'000") gives its ungrouped forms ("1000.50", "1000") and its
// grouped integer part ("1,000"); anything else (versions "6.4.2", decimals
// "3.5", addresses "192.168.1.1") gives each prefix that ends before a
// separator ("6", "6.4"): a search for version 6.4 finds 6.4.2, while "4" or
// "2" alone would mean nothing.
void number_compounds(Emitter& em, const Token& at, const Atom& number) {
  std::string_view s = em.text().substr(number.begin, number.end - number.begin);
  std::vector<std::size_t> seps;  // byte offsets in s
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (is_number_separator(s[i])) seps.push_back(i);
  }
  if (seps.empty()) return;
  auto digits_between = [&](std::size_t from, std::size_t to) {
    std::size_t n = 0;
    for (std::size_t i = from; i < to;) {
      next_code_point(s, i);
      ++n;
    }
    return n;
  };
  // Amount: 1-3 digits, then groups of exactly 3 after one grouping
  // character, then optionally a different decimal character and digits.
  char group = s[seps[0]];
  std::size_t grouped = 0;  // separators that group
  while (grouped < seps.size() && s[seps[grouped]] == group) {
    std::size_t next = grouped + 1 < seps.size() ? seps[grouped + 1] : s.size();
    if (digits_between(seps[grouped] + 1, next) != 3) break;
    ++grouped;
  }
  bool amount =
      digits_between(0, seps[0]) <= 3 && grouped > 0 &&
      (grouped == seps.size() || (grouped + 1 == seps.size() && s[seps[grouped]] != group && s[seps[grouped]] != '\''));
  if (amount) {
    std::size_t integer_end = grouped < seps.size() ? seps[grouped] : s.size();
    std::string ungrouped;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (i == integer_end)
        ungrouped.push_back(s[i]);
      else if (!is_number_separator(s[i]))
        ungrouped.push_back(s[i]);
    }
    em.emit(at, number.begin, number.end, ungrouped);
    std::string integer;
    for (std::size_t i = 0; i < integer_end; ++i) {
      if (!is_number_separator(s[i])) integer.push_back(s[i]);
    }
    em.emit(at, number.begin, number.begin + integer_end, integer);
    if (integer_end < s.size()) em.emit(at, number.begin, number.begin + integer_end);
    return;
  }
  for (std::size_t sep : seps) em.emit(at, number.begin, number.begin + sep);
}

// Compounds found inside one ICU word.
void word_compounds(Emitter& em, const Token& word) {
  std::string_view text = em.text();
  std::string_view piece = text.substr(word.begin, word.end - word.begin);
  if (only_letters(piece)) return;  // the common case, in any script: nothing to add
  if (is_hex_literal(piece)) {
    em.emit(word, word.begin + 2, word.end);
    return;
  }
  std::vector<Atom> atoms = atoms_of(text, word.begin, word.end);

  // Subwords: the atoms between separator characters ("my_wallet_id").
  struct Subword {
    std::size_t first, last;  // atom indices, inclusive
  };
  std::vector<Subword> subwords;
  const Atom* at_sign = nullptr;
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    if (atoms[i].kind == CharClass::other) {
      if (!at_sign && piece[atoms[i].begin - word.begin] == '@') at_sign = &atoms[i];
      continue;
    }
    if (i > 0 && atoms[i - 1].kind != CharClass::other && !subwords.empty()) {
      subwords.back().last = i;
    } else {
      subwords.push_back({i, i});
    }
  }

  if (at_sign) {
    // ICU keeps "support@lumen.example" whole (it counts "@" as a letter);
    // the domain is searched whole too. "@lumen_help" is a handle.
    bool local_has_sep = false, domain_has_sep = false;
    for (const Atom& a : atoms) {
      if (a.kind != CharClass::other || &a == at_sign) continue;
      (a.begin < at_sign->begin ? local_has_sep : domain_has_sep) = true;
    }
    if (at_sign->begin == word.begin || domain_has_sep) em.emit(word, at_sign->end, word.end);
    if (at_sign->begin > word.begin && local_has_sep) em.emit(word, word.begin, at_sign->begin);
  }

  if (subwords.size() >= 2) {
    std::string joined;
    for (const Subword& sw : subwords) {
      std::size_t b = atoms[sw.first].begin, e = atoms[sw.last].end;
      bool single_letter =
          sw.first == sw.last && atoms[sw.first].kind == CharClass::letter && atoms[sw.first].chars < 2;
      if (!single_letter) em.emit(word, b, e);  // "l" of "l'école" is no word
      joined.append(text.substr(b, e - b));
    }
    // An address joined up ("supportlumenexample") is no one's spelling.
    if (!at_sign) em.emit(word, word.begin, word.end, joined);
  }

  for (const Subword& sw : subwords) {
    bool letters = false, numbers = false;
    for (std::size_t i = sw.first; i <= sw.last; ++i) {
      (atoms[i].kind == CharClass::letter ? letters : numbers) = true;
    }
    // Letters and digits: "trc20" → "trc", "20". At most 3 parts, so that
    // hashes and codes ("a1b2c3d4") are not shredded; letter parts need 2
    // letters ("v2" gives "2" only), digits are kept at any length because
    // "iphone 7" is a real query.
    if (letters && numbers && sw.last - sw.first < 3) {
      for (std::size_t i = sw.first; i <= sw.last; ++i) {
        if (atoms[i].kind == CharClass::digit || atoms[i].chars >= 2) em.emit(word, atoms[i].begin, atoms[i].end);
      }
    }
    for (std::size_t i = sw.first; i <= sw.last; ++i) {
      if (atoms[i].kind == CharClass::digit) number_compounds(em, word, atoms[i]);
    }
  }
}

// True iff the only thing between words `a` and `b` is one connector.
bool linked(std::string_view text, const Token& a, const Token& b) {
  if (b.begin <= a.end) return false;
  std::size_t i = a.end;
  UChar32 c = next_code_point(text, i);
  return i == b.begin && is_connector(c);
}

// Words linked by connectors, joined: "USDT-TRC20" → "usdttrc20",
// "ERC-20" → "erc20", "e-mail" → "email".
void run_compounds(Emitter& em, const std::vector<Token>& words, std::size_t first, std::size_t last) {
  std::string_view text = em.text();
  std::string joined;
  for (std::size_t w = first; w <= last; ++w) {
    if (words[w].term.find('@') != std::string::npos) return;  // e-mail: see email_compounds()
    for (std::size_t i = words[w].begin; i < words[w].end;) {
      std::size_t start = i;
      if (classify(next_code_point(text, i)) != CharClass::other) joined.append(text.substr(start, i - start));
    }
  }
  em.emit(words[first], words[first].begin, words[last].end, joined);
}

bool is_local_char(char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '.' || c == '_' || c == '%' ||
         c == '+' || c == '-';
}
bool is_domain_char(char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '.' || c == '-';
}

// ICU splits an address at "+" and "-" ("help.desk+eu@lumen-pay.example" is
// three words); the address and its domain are added whole.
void email_compounds(Emitter& em, const std::vector<Token>& words, std::size_t w) {
  std::string_view text = em.text();
  std::size_t at_in_word = text.substr(words[w].begin, words[w].end - words[w].begin).find('@');
  if (at_in_word == std::string_view::npos) return;  // the term's "@" was folded from another character
  std::size_t at = words[w].begin + at_in_word;
  std::size_t start = at, end = at + 1;
  while (start > 0 && is_local_char(text[start - 1])) --start;
  while (end < text.size() && is_domain_char(text[end])) ++end;
  while (start < at && !std::isalnum(static_cast<unsigned char>(text[start]))) ++start;
  while (end > at + 1 && !std::isalnum(static_cast<unsigned char>(text[end - 1]))) --end;
  std::string_view domain = text.substr(at + 1, end - at - 1);
  if (start == at || domain.find('.') == std::string_view::npos) return;
  if (start == words[w].begin && end == words[w].end) return;  // ICU's word is the whole address
  std::size_t first = w;
  while (first > 0 && words[first - 1].end > start) --first;
  em.emit(words[first], start, end);
  em.emit(words[w], at + 1, end);
}

}  // namespace

std::vector<Token> compound_tokens(std::string_view text, const std::vector<Token>& words, const Folder& folder,
                                   std::size_t max_token_bytes) {
  Emitter em(text, folder, max_token_bytes);
  for (std::size_t w = 0; w < words.size(); ++w) {
    word_compounds(em, words[w]);
    const std::string& term = words[w].term;
    std::size_t at = term.find('@');
    if (at != std::string::npos && at > 0) email_compounds(em, words, w);
  }
  for (std::size_t first = 0; first < words.size();) {
    std::size_t last = first;
    while (last + 1 < words.size() && linked(text, words[last], words[last + 1])) ++last;
    if (last > first) run_compounds(em, words, first, last);
    first = last + 1;
  }
  return em.take();
}

}  // namespace faqsearch::detail

#include "index/schema.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <charconv>

#include "faqsearch/ranking.h"
#include "ranking/boosts.h"

namespace faqsearch::detail::schema {
namespace {

std::string ascii_lower_trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The prefixes of one field's terms.
struct FieldPrefixes {
  std::string_view word, stem, gram, character, pair;
};
constexpr FieldPrefixes kTitleField{kTitleWordPrefix, kTitleStemPrefix, kTitleGramPrefix, kTitleCharPrefix,
                                    kTitlePairPrefix};
constexpr FieldPrefixes kBodyField{kBodyWordPrefix, kBodyStemPrefix, kBodyGramPrefix, kBodyCharPrefix, kBodyPairPrefix};

// Indexes one field; returns its length in words (compounds not counted).
int index_field(Xapian::Document& doc, Analyzer& analyzer, std::string_view text, const FieldPrefixes& prefix,
                std::string_view lang) {
  const Token* previous_word = nullptr;
  int words = 0;
  std::vector<Token> tokens = analyzer.tokenize(text);
  for (const Token& token : tokens) {
    doc.add_posting(prefixed(prefix.word, token.term), token.position);
    for (const std::string& term : match_terms(analyzer, prefix.stem, token, lang)) doc.add_term(term);
    // Pairs of words as the query side forms them: compounds left out.
    if (token.compound) continue;
    ++words;
    if (previous_word && token.position == previous_word->position + 1 && makes_pair_term(*previous_word, token)) {
      if (std::string pair = pair_term(prefix.pair, previous_word->term, token.term); !pair.empty()) {
        doc.add_term(pair);
      }
    }
    previous_word = &token;
  }
  // Bigrams keep positions (their own sequence, one per bigram) so that
  // adjacent query bigrams can be matched as a phrase: for CJK, the nearest
  // thing to matching the exact run of characters the user typed.
  Xapian::termpos gram_position = 0;
  for (const std::string& gram : analyzer.cjk_bigrams(text)) {
    doc.add_posting(prefixed(prefix.gram, gram), ++gram_position);
  }
  for (const std::string& character : analyzer.han_characters(text)) {
    doc.add_term(prefixed(prefix.character, character));
  }
  return words;
}

// Document data: the fields a result list shows, each as a varint length then
// bytes, in a fixed order. Parsing JSON here cost more than the search itself.
void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

bool get_varint(std::string_view& in, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in.empty()) return false;
    auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

void put_string(std::string& out, std::string_view s) {
  put_varint(out, s.size());
  out.append(s);
}

bool get_string(std::string_view& in, std::string& s) {
  std::uint64_t n = 0;
  if (!get_varint(in, n) || n > in.size()) return false;
  s.assign(in.substr(0, n));
  in.remove_prefix(n);
  return true;
}

// Optional dates are stored as 0 (absent) or 1 + zigzag(seconds).
void put_date(std::string& out, const std::optional<UnixSeconds>& t) {
  if (!t) return put_varint(out, 0);
  auto z = static_cast<std::uint64_t>((*t << 1) ^ (*t >> 63));
  put_varint(out, z + 1);
}

bool get_date(std::string_view& in, std::optional<UnixSeconds>& t) {
  std::uint64_t v = 0;
  if (!get_varint(in, v)) return false;
  if (v == 0) {
    t.reset();
  } else {
    std::uint64_t z = v - 1;
    t = static_cast<UnixSeconds>((z >> 1) ^ (~(z & 1) + 1));
  }
  return true;
}

std::string encode_display_fields(const Article& a) {
  std::string out;
  for (const std::string* s : {&a.id, &a.title, &a.url, &a.category, &a.lang}) put_string(out, *s);
  put_date(out, a.published);
  put_date(out, a.updated);
  put_varint(out, static_cast<std::uint64_t>(a.views));
  return out;
}

bool decode_display_fields(std::string_view in, Article& a) {
  for (std::string* s : {&a.id, &a.title, &a.url, &a.category, &a.lang}) {
    if (!get_string(in, *s)) return false;
  }
  std::uint64_t views = 0;
  if (!get_date(in, a.published) || !get_date(in, a.updated) || !get_varint(in, views) || !in.empty()) return false;
  a.views = static_cast<std::int64_t>(views);
  return true;
}

}  // namespace

std::string prefixed(std::string_view prefix, std::string_view text) {
  std::string out;
  out.reserve(prefix.size() + text.size());
  out.append(prefix);
  out.append(text);
  return out;
}

bool makes_pair_term(const Token& a, const Token& b) {
  return a.kind != TokenKind::ideographic || b.kind != TokenKind::ideographic;
}

std::string pair_term(std::string_view pair_prefix, std::string_view first, std::string_view second) {
  // Xapian's limit on a term is 245 bytes.
  if (pair_prefix.size() + first.size() + 1 + second.size() > 240) return {};
  std::string out;
  out.reserve(pair_prefix.size() + first.size() + 1 + second.size());
  out.append(pair_prefix);
  out.append(first);
  out += ' ';
  out.append(second);
  return out;
}

std::string id_term(std::string_view id) { return prefixed(kIdPrefix, id); }

std::string category_term(std::string_view category) {
  return prefixed(kCategoryPrefix, ascii_lower_trimmed(category));
}

std::string language_term(std::string_view bcp47) { return prefixed(kLanguagePrefix, primary_language(bcp47)); }

std::string stem_term(Analyzer& analyzer, std::string_view stem_prefix, const Token& token, std::string_view lang) {
  std::string term(stem_prefix);
  std::string_view stemmer = Analyzer::stemmer_name(lang);
  // Only letter words are stemmed. A word with a digit ("trc20", "2fa") is an
  // identifier, matched as written: ICU calls "trc20" a number but the joined
  // compound "usdttrc20" a word, and both sides must agree on the term.
  bool has_digit = std::any_of(token.term.begin(), token.term.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (token.kind == TokenKind::word && !has_digit && !stemmer.empty()) {
    // Qualified by the stemmer: a Spanish stem never meets an English one.
    term += stemmer;
    term += ':';
    term += analyzer.stem(token.term, lang);
  } else {
    term += token.term;
  }
  return term;
}

std::vector<std::string> match_terms(Analyzer& analyzer, std::string_view stem_prefix, const Token& token,
                                     std::string_view lang) {
  std::vector<std::string> terms = {stem_term(analyzer, stem_prefix, token, lang)};
  std::string loose = analyzer.loose_form(token.term);
  if (loose != token.term) {
    Token loose_token = token;
    loose_token.term = std::move(loose);
    std::string term = stem_term(analyzer, stem_prefix, loose_token, lang);
    if (term != terms.front()) terms.push_back(std::move(term));
  }
  return terms;
}

Xapian::valueno recency_slot(double half_life_days) {
  auto it = std::find(kRecencyHalfLivesDays.begin(), kRecencyHalfLivesDays.end(), half_life_days);
  assert(it != kRecencyHalfLivesDays.end());
  return kFirstRecencySlot + static_cast<Xapian::valueno>(it - kRecencyHalfLivesDays.begin());
}

Xapian::Document make_document(Analyzer& analyzer, const Article& article, UnixSeconds indexed_at) {
  Xapian::Document doc;
  int title_words = index_field(doc, analyzer, article.title, kTitleField, article.lang);
  int title_length = std::min(title_words, kMaxTitleLength);
  doc.add_value(kTitleLengthSlot, Xapian::sortable_serialise(title_length));
  if (title_length > 0) doc.add_boolean_term(prefixed(kTitleLengthPrefix, std::to_string(title_length)));
  (void)index_field(doc, analyzer, article.body, kBodyField, article.lang);
  doc.add_boolean_term(id_term(article.id));
  if (!article.category.empty()) doc.add_boolean_term(category_term(article.category));
  if (!article.lang.empty()) doc.add_boolean_term(language_term(article.lang));

  std::optional<UnixSeconds> updated = article.updated ? article.updated : article.published;
  if (updated) {
    doc.add_value(kUpdatedSlot, Xapian::sortable_serialise(static_cast<double>(*updated)));
    for (double h : kRecencyHalfLivesDays) {
      doc.add_value(recency_slot(h), Xapian::sortable_serialise(recency_index_value(*updated, indexed_at, h)));
    }
  }
  doc.add_value(kPopularitySlot, Xapian::sortable_serialise(popularity_index_value(article.views)));
  if (article.published)
    doc.add_value(kPublishedSlot, Xapian::sortable_serialise(static_cast<double>(*article.published)));
  doc.add_value(kViewsSlot, Xapian::sortable_serialise(static_cast<double>(article.views)));

  doc.add_value(kIdSlot, article.id);
  if (!article.body.empty()) doc.add_value(kBodySlot, article.body);
  doc.set_data(encode_display_fields(article));
  return doc;
}

double title_length_mean(const Xapian::Database& db) {
  Xapian::doccount articles = db.get_doccount();
  if (articles == 0) return 0;
  double words = 0;
  for (auto it = db.allterms_begin(std::string(kTitleLengthPrefix));
       it != db.allterms_end(std::string(kTitleLengthPrefix)); ++it) {
    const std::string& term = *it;
    const char* digits = term.data() + kTitleLengthPrefix.size();
    int length = 0;
    auto [end, error] = std::from_chars(digits, term.data() + term.size(), length);
    if (error != std::errc() || end != term.data() + term.size() || length <= 0 || length > kMaxTitleLength) {
      throw Xapian::DatabaseCorruptError(
          fmt::format("title length term \"{}\" is not a length 1..{}", term, kMaxTitleLength));
    }
    words += static_cast<double>(length) * it.get_termfreq();
  }
  return words / articles;
}

Result<Article> read_document(const Xapian::Document& doc, bool with_body) {
  Article a;
  if (!decode_display_fields(doc.get_data(), a)) {
    return Status(ErrorCode::corruption, fmt::format("document {}: stored data is damaged", doc.get_docid()));
  }
  if (with_body) a.body = doc.get_value(kBodySlot);
  return a;
}

Status check_compatible(const Xapian::Database& db, const Analyzer& analyzer, bool* fresh) {
  std::string format = db.get_metadata(std::string(kFormatKey));
  *fresh = false;
  if (format.empty()) {
    if (db.get_doccount() == 0) {
      *fresh = true;
      return {};
    }
    return Status::unsupported("not a faqsearch index (no format version in its metadata)");
  }
  if (format != std::to_string(kFormatVersion)) {
    return Status::unsupported(
        fmt::format("index format version {} is not supported (this build reads version {}); rebuild the index", format,
                    kFormatVersion));
  }
  std::string settings = db.get_metadata(std::string(kAnalyzerKey));
  if (settings != analyzer.settings()) {
    return Status::unsupported(
        fmt::format("index was built with analyzer settings \"{}\" but this build uses \"{}\"; rebuild the index",
                    settings, analyzer.settings()));
  }
  return {};
}

std::vector<std::string> indexed_languages(const Xapian::Database& db) {
  std::vector<std::string> out;
  std::string prefix(kLanguagePrefix);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    out.push_back((*it).substr(prefix.size()));
  }
  return out;
}

}  // namespace faqsearch::detail::schema

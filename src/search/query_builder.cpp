#include "search/query_builder.h"

#include <algorithm>
#include <set>

#include "index/schema.h"

namespace faqsearch::detail {
namespace {

// Quote characters users type: ASCII and the typographic pair.
bool starts_quote(std::string_view text, std::size_t i, std::size_t* len) {
  if (text[i] == '"') {
    *len = 1;
    return true;
  }
  // U+201C and U+201D in UTF-8.
  if (text.compare(i, 3, "\xE2\x80\x9C") == 0 || text.compare(i, 3, "\xE2\x80\x9D") == 0) {
    *len = 3;
    return true;
  }
  return false;
}

// OP_SYNONYM over the distinct stem terms of `token` in one field: the field
// then scores the word once, however many languages' stems it has.
Xapian::Query field_clause(Analyzer& analyzer, std::string_view stem_prefix, const Token& token,
                           const std::vector<std::string>& stem_languages) {
  std::set<std::string> terms;
  for (const std::string& lang : stem_languages) terms.insert(schema::stem_term(analyzer, stem_prefix, token, lang));
  if (terms.size() == 1) return Xapian::Query(*terms.begin());
  return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

Xapian::Query phrase_in_field(std::string_view word_prefix, const std::vector<Token>& phrase) {
  std::vector<Xapian::Query> terms;
  for (const Token& t : phrase) terms.emplace_back(std::string(word_prefix) + t.term);
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(terms.size()));
}

Xapian::Query any_of(std::vector<Xapian::Query> queries) {
  if (queries.empty()) return Xapian::Query();
  if (queries.size() == 1) return queries.front();
  return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

}  // namespace

QueryText parse_query_text(Analyzer& analyzer, std::string_view text) {
  QueryText out;
  std::set<std::string> seen;
  auto add_words = [&](const std::vector<Token>& tokens) {
    for (const Token& t : tokens) {
      if (out.words.size() >= kMaxQueryWords) return;
      if (seen.insert(t.term).second) out.words.push_back(t);
    }
  };
  std::size_t i = 0;
  std::size_t segment_start = 0;
  bool in_quote = false;
  auto close_segment = [&](std::size_t end) {
    std::vector<Token> tokens = analyzer.tokenize(text.substr(segment_start, end - segment_start));
    if (in_quote && tokens.size() >= 2) {
      if (tokens.size() > kMaxQueryWords) tokens.resize(kMaxQueryWords);
      out.phrases.push_back(tokens);
    }
    add_words(tokens);
  };
  while (i < text.size()) {
    std::size_t len = 0;
    if (starts_quote(text, i, &len)) {
      close_segment(i);
      in_quote = !in_quote;
      i += len;
      segment_start = i;
    } else {
      ++i;
    }
  }
  // A quote left open is a typo more often than a phrase: read the rest as words.
  in_quote = false;
  close_segment(text.size());
  return out;
}

Xapian::Query build_text_query(Analyzer& analyzer, const QueryText& text,
                               const std::vector<std::string>& stem_languages, const RankingOptions& ranking) {
  std::vector<Xapian::Query> word_clauses;
  for (const Token& token : text.words) {
    Xapian::Query title(Xapian::Query::OP_SCALE_WEIGHT,
                        field_clause(analyzer, schema::kTitleStemPrefix, token, stem_languages), ranking.title_weight);
    Xapian::Query body(Xapian::Query::OP_SCALE_WEIGHT,
                       field_clause(analyzer, schema::kBodyStemPrefix, token, stem_languages), ranking.body_weight);
    word_clauses.emplace_back(Xapian::Query::OP_OR, title, body);
  }
  Xapian::Query words = any_of(std::move(word_clauses));
  if (text.phrases.empty()) return words;

  std::vector<Xapian::Query> required;
  for (const auto& phrase : text.phrases) {
    required.push_back(any_of({phrase_in_field(schema::kTitleWordPrefix, phrase),
                               phrase_in_field(schema::kBodyWordPrefix, phrase)}));
  }
  Xapian::Query all_phrases(Xapian::Query::OP_AND, required.begin(), required.end());
  // The phrases decide what matches; their words still score through `words`.
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, all_phrases, 0.0),
                       words);
}

Xapian::Query apply_filters(Xapian::Query query, const std::vector<std::string>& categories,
                            const std::vector<std::string>& languages) {
  std::vector<Xapian::Query> filters;
  auto add_filter = [&](const std::vector<std::string>& values, auto make_term) {
    if (values.empty()) return;
    std::vector<Xapian::Query> terms;
    for (const std::string& v : values) terms.emplace_back(make_term(v));
    filters.push_back(any_of(std::move(terms)));
  };
  add_filter(categories, schema::category_term);
  add_filter(languages, schema::language_term);
  if (filters.empty()) return query;
  Xapian::Query all(Xapian::Query::OP_AND, filters.begin(), filters.end());
  return Xapian::Query(Xapian::Query::OP_FILTER, query, all);
}

}  // namespace faqsearch::detail

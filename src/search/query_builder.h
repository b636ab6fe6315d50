// Turns user query text into a Xapian query over the schema's terms.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "faqsearch/analyzer.h"
#include "faqsearch/ranking.h"

namespace faqsearch::detail {

// At most this many distinct words of a query are used; the rest are ignored.
// Pasted paragraphs then cost a bounded time, and 64 words say all a search
// box query can say.
inline constexpr std::size_t kMaxQueryWords = 64;

struct QueryText {
  std::vector<Token> words;                 // distinct tokens outside quotes, in order
  std::vector<std::vector<Token>> phrases;  // token runs inside "quotes" (2+ tokens each)
};

// Splits `text` into free words and quoted phrases. A quote left open is
// ignored (the rest reads as words); a quoted single word is a plain word.
[[nodiscard]] QueryText parse_query_text(Analyzer& analyzer, std::string_view text);

// The text query in parts, so that explanations can score each part alone.
struct TextQuery {
  Xapian::Query title;    // title clauses of every word, scaled by title_weight
  Xapian::Query body;     // body clauses of every word, scaled by body_weight
  Xapian::Query phrases;  // every phrase required, weight 0; empty Query if none
  // Per word, the distinct match terms it may hit (both fields): for idf.
  std::vector<std::vector<std::string>> word_terms;

  // title OR body, restricted to articles containing every phrase.
  [[nodiscard]] Xapian::Query combined() const;
};

// Builds the matching query: each word scores its best form in title and body
// through OP_SYNONYM of its stems in `stem_languages`; every phrase is
// required. `stem_languages` lists the BCP-47 tags whose stemmers apply to
// query words; "" in it stands for the unstemmed word.
// REQUIRES: !text.words.empty()
[[nodiscard]] TextQuery build_text_query(Analyzer& analyzer, const QueryText& text,
                                         const std::vector<std::string>& stem_languages,
                                         const RankingOptions& ranking);

// ANDs the category and language filters onto `query` as boolean filters.
[[nodiscard]] Xapian::Query apply_filters(Xapian::Query query, const std::vector<std::string>& categories,
                                          const std::vector<std::string>& languages);

}  // namespace faqsearch::detail

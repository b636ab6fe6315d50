// Turns user query text into a Xapian query over the schema's terms.
#pragma once

#include <xapian.h>

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "faqsearch/analyzer.h"
#include "faqsearch/ranking.h"
#include "search/clause.h"
#include "search/slot_table.h"
#include "search/term_frequencies.h"

namespace faqsearch::detail {

// At most this many distinct words of a query are used; the rest are ignored.
// Pasted paragraphs then cost a bounded match time (tokenizing is linear in
// the text), and 64 words say all a search box query can say.
inline constexpr std::size_t kMaxQueryWords = 64;

// At most this many bytes of query text feed CJK bigrams.
inline constexpr std::size_t kMaxQueryBytes = 1024;

struct QueryText {
  std::string raw;                          // the text (first kMaxQueryBytes), for bigrams
  std::vector<Token> words;                 // distinct tokens, in order of first appearance
  std::vector<std::vector<Token>> phrases;  // token runs inside "quotes" (2+ tokens each)
  std::vector<Token> sequence;              // every token in order, for adjacency
};

// At most this many adjacent word pairs get a proximity clause.
inline constexpr std::size_t kMaxProximityPairs = 16;
// At most this many distinct Han characters of a query are matched one by
// one (a pasted paragraph would otherwise add hundreds of clauses).
inline constexpr std::size_t kMaxQueryCharacters = 64;

// Splits `text` into free words and quoted phrases. A quote left open is
// ignored (the rest reads as words); a quoted single word is a plain word.
[[nodiscard]] QueryText parse_query_text(Analyzer& analyzer, std::string_view text);

// The text query in parts, so that explanations can score each part alone.
// Each part is a Clause: the searcher evaluates it through Xapian's matcher
// or, on a local database, with match_locally().
struct TextQuery {
  Clause title;    // title clauses of every word, scaled by title_weight (empty if none is in a title)
  Clause body;     // body clauses of every word, scaled by body_weight (empty if none is in a body)
  Clause phrases;  // every phrase required, weight 0; empty if none (Xapian-only: phrases need positions)
  // Adjacent query words found adjacent in the title or body (their pair
  // terms), and the whole-phrase clauses, weighted by proximity_weight;
  // empty if none.
  Clause proximity;
  // Set by the caller (it needs the query's scale): see coordination_query().
  Clause coordination;
  // Per word, the distinct match terms it may hit (both fields): for idf.
  std::vector<std::vector<std::string>> word_terms;
  // Per word (same order), a boolean clause matching it in any field.
  std::vector<Clause> word_matches;

  // title OR body, restricted to articles containing every phrase.
  [[nodiscard]] Clause combined() const;
};

// What the title field's own BM25 needs from the index: the title terms'
// document frequencies (from `db`) and the mean title length in words.
struct TitleField {
  const Xapian::Database& db;
  TermFrequencies& frequencies;  // of `db`, shared with the rest of the query
  double mean_length = 0;
  // Title length per docid for `db`'s current revision, or null (remote or
  // sharded databases): title_clause() then reads the value slot instead.
  std::shared_ptr<const ValueTable> lengths;
  // The title length slot's bounds, as get_value_lower_bound() and
  // get_value_upper_bound() give them for `db`'s current revision.
  std::string shortest;
  std::string longest;
};

// Builds the matching query: each word scores its best form in title and body
// through OP_SYNONYM of its stems in `stem_languages`; every phrase is
// required. `stem_languages` lists the BCP-47 tags whose stemmers apply to
// query words; "" in it stands for the unstemmed word. Stopwords of
// `stopword_language` ("" for none), and CJK bigrams with a character that
// is such a stopword ("款吗"), weigh ranking.stopword_weight (0: left out)
// unless the query's words are all stopwords. A title word or word pair
// scores BM25 over the title alone (title_clause()); body words and pairs
// and CJK bigrams score Xapian's BM25 over the whole article.
// REQUIRES: !text.words.empty()
[[nodiscard]] TextQuery build_text_query(Analyzer& analyzer, const QueryText& text,
                                         const std::vector<std::string>& stem_languages,
                                         std::string_view stopword_language, const RankingOptions& ranking,
                                         const TitleField& title);

// The title field's BM25 weight per title length for one query's ranking
// options, before idf (and kTitleSourceScale times too large; title_clause
// scales it back): (k1 + 1) / (1 + k1 * (1 - b + b * len / mean_len)), b =
// title_b. Built once per query and shared by all its title clauses.
struct TitleWeights {
  // [n]: a title of n words; lengths below the index's shortest weigh as
  // the shortest, and the last entry is the longest title the index holds.
  std::shared_ptr<const std::vector<double>> by_length;
  int shortest = 0;  // the index's shortest title length (0 if empty)
  double bound = 0;  // the maximum each source declares (see the .cpp for why it is loose)
};
[[nodiscard]] TitleWeights title_weights(const TitleField& title, const RankingOptions& ranking);

// BM25 of one word, or one adjacent word pair, in the title field,
// normalised by the title's own length rather than the whole article's:
// idf(n) * weights.by_length[len] times `factor`, with Xapian's BM25Weight
// idf, n the most articles any of `terms` is in, len the article's title
// length (schema::kTitleLengthSlot). A title states its question once, so a
// repeated term counts once. Built from Xapian built-ins (a
// ValueMapPostingSource from title length to weight, filtered by the terms),
// so a stock xapian-tcpsrv evaluates it too; with `title.lengths`, a
// TitleLengthSource gives the same weights from memory.
// An empty clause if no title has any of `terms`. Local (match_locally())
// only with `title.lengths`.
// REQUIRES: !terms.empty(), `weights` from title_weights(title, ...)
[[nodiscard]] Clause title_clause(const TitleField& title, const TitleWeights& weights,
                                  const std::set<std::string>& terms, double factor);

// Coordination: each of the query's words that an article contains adds
// `per_word` (a FixedWeightPostingSource filtered by the word), so articles
// matching more of the words rank first even when BM25 alone would not.
[[nodiscard]] Clause coordination_query(const TextQuery& text, double per_word);

// ANDs the category and language filters onto `query` as boolean filters.
[[nodiscard]] Clause apply_filters(Clause query, const std::vector<std::string>& categories,
                                   const std::vector<std::string>& languages);

}  // namespace faqsearch::detail

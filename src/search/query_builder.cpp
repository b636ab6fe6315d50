#include "search/query_builder.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "analysis/utf8.h"
#include "index/schema.h"
#include "search/bm25.h"
#include "search/stopwords.h"
#include "search/title_source.h"

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

// The distinct stem terms of `token` in one field, one per language's stemmer.
std::set<std::string> field_terms(Analyzer& analyzer, std::string_view stem_prefix, const Token& token,
                                  const std::vector<std::string>& stem_languages) {
  std::set<std::string> terms;
  for (const std::string& lang : stem_languages) {
    for (std::string& t : schema::match_terms(analyzer, stem_prefix, token, lang)) terms.insert(std::move(t));
  }
  return terms;
}

// Which query terms may be in some article, so that absent ones can be left
// out of the query. The matcher opens a posting list for every term, a
// B-tree descent (a few block reads) even when it is empty, and most word
// pairs of a paraphrased question are in no article; leaving them out
// changes no ranking (scores agree to about 1e-15: the clauses are added in
// another order). The builder prefetches every term it will ask about
// (TermFrequencies::prefetch(): on a remote or sharded database, one match
// for all of them; there a term not prefetched counts as present).
class TermLookup {
 public:
  explicit TermLookup(const TitleField& title) : frequencies_(title.frequencies) {}

  [[nodiscard]] bool may_exist(const std::string& term) const { return frequencies_.may_exist(term); }

  // `terms` less those no article has.
  [[nodiscard]] std::set<std::string> present(std::set<std::string> terms) const {
    std::erase_if(terms, [&](const std::string& t) { return !may_exist(t); });
    return terms;
  }

 private:
  TermFrequencies& frequencies_;
};

// A condition: any of `terms`, unweighted wherever it is used.
Clause any_term(const std::set<std::string>& terms) {
  std::vector<Clause> clauses;
  for (const std::string& t : terms) clauses.push_back(Clause::term(t));
  return Clause::any(std::move(clauses));
}

Clause all_terms(const std::vector<std::string>& terms) {
  std::vector<Clause> clauses;
  for (const std::string& t : terms) clauses.push_back(Clause::term(t));
  return Clause::all(std::move(clauses));
}

Clause phrase_in_field(std::string_view word_prefix, const std::vector<Token>& phrase) {
  std::vector<Xapian::Query> terms;
  for (const Token& t : phrase) terms.emplace_back(schema::prefixed(word_prefix, t.term));
  return Clause::xapian_only(Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                                           static_cast<Xapian::termcount>(terms.size())));
}

// True iff `gram` starts with a Hangul syllable (U+AC00..U+D7A3: UTF-8 EA B0 80 .. ED 9E A3).
bool is_hangul_syllable(const std::string& gram) {
  if (gram.size() < 3) return false;
  auto b0 = static_cast<unsigned char>(gram[0]), b1 = static_cast<unsigned char>(gram[1]);
  unsigned cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (static_cast<unsigned char>(gram[2]) & 0x3Fu);
  return (b0 & 0xF0) == 0xE0 && cp >= 0xAC00 && cp <= 0xD7A3;
}

// True iff bigram `b` continues bigram `a` in one run: a's last character is b's first.
bool overlaps(const std::string& a, const std::string& b) {
  std::size_t last = a.size();
  while (last > 0 && (static_cast<unsigned char>(a[last - 1]) & 0xC0) == 0x80) --last;
  if (last == 0) return false;
  std::string_view a_last = std::string_view(a).substr(last - 1);
  return std::string_view(b).substr(0, a_last.size()) == a_last && b.size() > a_last.size();
}

// True iff a character of `gram` is on its own a stopword of `lang`: such a
// bigram ("款吗", "我的") mostly joins a particle to a word, and says no more
// than the particle does.
bool has_stop_character(std::string_view lang, std::string_view gram) {
  for (std::size_t i = 0; i < gram.size();) {
    std::size_t start = i;
    (void)next_code_point(gram, &i);
    if (is_stopword(lang, gram.substr(start, i - start))) return true;
  }
  return false;
}

// The title and body pair terms of the query's adjacent words, as the
// proximity bonus takes them: not two stopwords, not a word twice, at most
// kMaxProximityPairs.
template <typename IsStop>
std::vector<std::pair<std::string, std::string>> adjacent_pairs(const QueryText& text, const IsStop& stop) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (std::size_t i = 1; i < text.sequence.size() && pairs.size() < kMaxProximityPairs; ++i) {
    const Token& a = text.sequence[i - 1];
    const Token& b = text.sequence[i];
    if (b.position != a.position + 1 || (stop(a) && stop(b)) || a.term == b.term) continue;
    if (!schema::makes_pair_term(a, b)) continue;
    std::string title_pair = schema::pair_term(schema::kTitlePairPrefix, a.term, b.term);
    if (title_pair.empty()) continue;
    pairs.emplace_back(std::move(title_pair), schema::pair_term(schema::kBodyPairPrefix, a.term, b.term));
  }
  return pairs;
}

Clause scaled(Clause clause, double factor) {
  return factor == 1.0 ? clause : Clause::scale(std::move(clause), factor);
}

// Splits a bigram sequence into its runs: "ab" "bc" overlap, "bc" "xy" do not.
std::vector<std::vector<std::string>> gram_runs(const std::vector<std::string>& grams) {
  std::vector<std::vector<std::string>> runs;
  for (const std::string& g : grams) {
    bool continues = !runs.empty() && !runs.back().empty() && overlaps(runs.back().back(), g);
    if (!continues) runs.emplace_back();
    runs.back().push_back(g);
  }
  return runs;
}

// The terms of every adjacent pair of `words` in one field: all of them
// together stand for the whole sequence as a phrase, near enough (a repeated
// pair elsewhere could stand in for one), without reading positions. Empty if
// a pair has no term, or two adjacent words make none (schema::makes_pair_term(): the
// Han/kana runs stand for that part of the query).
std::vector<std::string> all_pair_terms(std::string_view pair_prefix, const std::vector<Token>& words) {
  std::vector<std::string> terms;
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (!schema::makes_pair_term(words[i - 1], words[i])) return {};
    std::string term = schema::pair_term(pair_prefix, words[i - 1].term, words[i].term);
    if (term.empty()) return {};
    terms.push_back(std::move(term));
  }
  return terms;
}

// The title clause of each pair term, built once per query: the proximity
// and whole-phrase bonuses share them. A title pair weighs by the title's
// length, as title words do, so a long answer does not bury the pair in its
// short title (covidfaq-jhu 0.7855 -> 0.7990; docs/relevance.md).
class TitlePairClauses {
 public:
  TitlePairClauses(const TitleField& title, const TitleWeights& weights) : title_(title), weights_(weights) {}

  // Empty if no title has the pair.
  const Clause& operator()(const std::string& pair_term) {
    auto [it, added] = built_.try_emplace(pair_term);
    if (added) it->second = title_clause(title_, weights_, {pair_term}, 1.0);
    return it->second;
  }

 private:
  const TitleField& title_;
  const TitleWeights& weights_;
  std::map<std::string, Clause> built_;
};

// The words the whole-phrase bonus joins: the query's tokens in order, at
// most kMaxQueryWords of them; a phrase needs three or more.
std::vector<Token> whole_phrase_words(const QueryText& text) {
  std::vector<Token> words;
  for (const Token& t : text.sequence) {
    if (words.size() < kMaxQueryWords) words.push_back(t);
  }
  if (words.size() < 3) words.clear();
  return words;
}

// The whole query's pair terms in the title and in the body
// (all_pair_terms() of whole_phrase_words()), and its CJK bigrams.
void add_whole_phrases(const std::vector<std::string>& title_pair_terms,
                       const std::vector<std::string>& body_pair_terms, const std::vector<std::string>& gram_sequence,
                       const RankingOptions& ranking, const TermLookup& terms_in_index, TitlePairClauses& title_pair,
                       std::vector<Clause>& title_out, std::vector<Clause>& body_out) {
  // proximity_weight scales the whole group; this makes the phrase's own weight come out as asked.
  double factor = ranking.whole_phrase_weight / ranking.proximity_weight;
  // A pair no article has in a field empties that field's phrase.
  std::vector<Clause> in_title;
  for (const std::string& term : title_pair_terms) {
    const Clause& clause = title_pair(term);
    if (clause.empty()) {
      in_title.clear();
      break;
    }
    in_title.push_back(clause);
  }
  bool in_body =
      !body_pair_terms.empty() && std::all_of(body_pair_terms.begin(), body_pair_terms.end(),
                                              [&](const std::string& t) { return terms_in_index.may_exist(t); });
  if (!in_title.empty()) title_out.push_back(scaled(Clause::all(std::move(in_title)), factor));
  if (in_body) body_out.push_back(scaled(all_terms(body_pair_terms), factor));
  std::vector<std::vector<std::string>> runs = gram_runs(gram_sequence);
  std::size_t han_grams = 0;
  for (const auto& run : runs) {
    if (!is_hangul_syllable(run.front())) han_grams += run.size();
  }
  for (const auto& run : runs) {
    // Korean is written with spaces: its words already form the phrase above.
    if (run.size() < 2 || run.size() > kMaxQueryWords || is_hangul_syllable(run.front())) continue;
    // A clause of a longer question is not the whole phrase: a run weighs its
    // share of the query's Han/kana bigrams (bq-faq-zh 0.2157 -> 0.2188,
    // short titles holding one clause of a long question won at rank 1).
    double share = static_cast<double>(run.size()) / static_cast<double>(han_grams);
    // A run of Han/kana characters: all its bigrams in one field.
    for (auto [prefix, out] :
         {std::pair{schema::kTitleGramPrefix, &title_out}, std::pair{schema::kBodyGramPrefix, &body_out}}) {
      std::vector<std::string> terms;
      for (const std::string& g : run) terms.push_back(schema::prefixed(prefix, g));
      // A bigram no article has in this field empties the run's phrase there.
      if (std::any_of(terms.begin(), terms.end(), [&](const std::string& t) { return !terms_in_index.may_exist(t); })) {
        continue;
      }
      out->push_back(scaled(all_terms(terms), share * factor * ranking.cjk_bigram_weight));
    }
  }
}

// Title weights are this many times too large and each title clause is
// scaled back down: Xapian 1.4 compares its matcher's minimum weight with a
// posting source's own, unscaled, maximum, so a source whose clause is
// scaled up by more than 1 would end early and lose matches (the
// brute-force property test in ranking_test caught this, as it did for the
// boosts). The largest multiplier a profile allows is idf * title_weight *
// whole_phrase_weight: below 50 * 1000 * 1000, far below 2^40. A power of
// two, so scaling back is exact.
constexpr double kTitleSourceScale = 0x1p40;

}  // namespace

TitleWeights title_weights(const TitleField& title, const RankingOptions& ranking) {
  double k1 = ranking.bm25_k1, b = ranking.title_b;
  double per_word = title.mean_length > 0 ? 1 / title.mean_length : 0;
  // Only the lengths the index holds: a short table.
  const std::string& lowest = title.shortest;
  const std::string& highest = title.longest;
  TitleWeights out;
  out.shortest = lowest.empty() ? 0 : static_cast<int>(Xapian::sortable_unserialise(lowest));
  int longest = highest.empty() ? 0 : static_cast<int>(Xapian::sortable_unserialise(highest));
  auto weight_of = [&](int length) {
    // No floor on the normalised length (Xapian's 0.5): b < 1 bounds the
    // weight anyway, and short Chinese titles lost by it (bq-faq-zh 0.2157 -> 0.2128).
    double normalised = length * per_word;
    return kTitleSourceScale * (k1 + 1) / (1 + k1 * (1 - b + b * normalised));
  };
  // Lengths below the shortest do not occur; they weigh as the shortest.
  auto by_length = std::make_shared<std::vector<double>>(static_cast<std::size_t>(longest) + 1);
  for (int length = 0; length <= longest; ++length) {
    (*by_length)[static_cast<std::size_t>(length)] = weight_of(std::max(length, out.shortest));
  }
  out.by_length = std::move(by_length);
  // The bound declared to the matcher is BM25's saturation limit, (k1 + 1)
  // per unit of idf, not the largest weight an indexed length gets. No weight
  // ever exceeds that exact maximum, yet with it the brute-force test in
  // ranking_test failed at the default profile: Xapian 1.4.22 drops a match
  // when an AND_MAYBE decays to AND (see faqsearch/ranking.h). A larger bound
  // makes the decays later and rarer; it does not prevent them. With 1.3x the
  // exact maximum 16 generated corpora ranked exactly (title words only; the
  // test has since covered title pairs too); (k1 + 1) is about 1.8x at the
  // defaults.
  out.bound = kTitleSourceScale * (k1 + 1);
  return out;
}

Clause title_clause(const TitleField& title, const TitleWeights& weights, const std::set<std::string>& terms,
                    double factor) {
  Xapian::doccount n = 0;
  for (const std::string& t : terms) n = std::max(n, title.frequencies(t));
  if (n == 0) return Clause();
  double idf = bm25_idf(title.db.get_doccount(), n);
  Clause matched;
  if (title.lengths) {
    auto* source = new TitleLengthSource(title.lengths, weights.by_length, weights.bound);
    matched = Clause::filter(Clause::source(source->release(), SourceWeight{0, title.lengths, weights.by_length, true}),
                             any_term(terms));
  } else {
    auto* by_length = new Xapian::ValueMapPostingSource(schema::kTitleLengthSlot);
    for (std::size_t length = static_cast<std::size_t>(weights.shortest); length < weights.by_length->size();
         ++length) {
      by_length->add_mapping(Xapian::sortable_serialise(static_cast<double>(length)), (*weights.by_length)[length]);
    }
    // A length no article has (-1) carries the bound: the source's maximum
    // is its largest mapped weight.
    by_length->add_mapping(Xapian::sortable_serialise(-1), weights.bound);
    // The value stream is not in memory: a remote or sharded database, which
    // only Xapian's matcher evaluates.
    matched = Clause::xapian_only(
        Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(by_length->release()), any_term(terms).query()));
  }
  return scaled(matched, factor * idf / kTitleSourceScale);
}

QueryText parse_query_text(Analyzer& analyzer, std::string_view text) {
  QueryText out;
  out.raw = std::string(text.substr(0, kMaxQueryBytes));
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
    // Queries match on word tokens: articles index the compound forms
    // ("usdttrc20", "trc" + "20"), so either spelling in a query finds them.
    std::erase_if(tokens, [](const Token& t) { return t.compound; });
    for (const Token& t : tokens) out.sequence.push_back(t);
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

Clause TextQuery::combined() const {
  // The bonuses match only articles that the words match (an adjacent pair
  // implies both words; coordination is filtered by each word), so a plain OR
  // adds them without widening the match. (AND_MAYBE says the same, but with
  // phrase clauses on its right-hand side Xapian 1.4 returned scores that
  // did not match the part-by-part explanation; with OR they do, see
  // ranking_test "explanations add up exactly".)
  Clause words = Clause::any({title, body, proximity, coordination});
  if (phrases.empty()) return words;
  // The phrases decide what matches; the words decide the score.
  return Clause::maybe(phrases, words);
}

TextQuery build_text_query(Analyzer& analyzer, const QueryText& text, const std::vector<std::string>& stem_languages,
                           std::string_view stopword_language, const RankingOptions& ranking, const TitleField& title) {
  TextQuery out;
  auto stop = [&](const Token& t) { return is_stopword(stopword_language, t.term); };
  bool all_stopwords = std::all_of(text.words.begin(), text.words.end(), stop);
  std::vector<Clause> title_clauses, body_clauses;
  TitleWeights weights = title_weights(title, ranking);
  TermLookup terms_in_index(title);
  // The words' terms and the adjacent pairs' first, every lookup in key order.
  struct WordTerms {
    double factor;
    std::set<std::string> title, body;
  };
  std::vector<WordTerms> words;
  std::vector<std::string> lookups;
  for (const Token& token : text.words) {
    double factor = stop(token) && !all_stopwords ? ranking.stopword_weight : 1.0;
    if (factor == 0) continue;
    words.push_back({factor, field_terms(analyzer, schema::kTitleStemPrefix, token, stem_languages),
                     field_terms(analyzer, schema::kBodyStemPrefix, token, stem_languages)});
    lookups.insert(lookups.end(), words.back().title.begin(), words.back().title.end());
    lookups.insert(lookups.end(), words.back().body.begin(), words.back().body.end());
  }
  std::vector<std::pair<std::string, std::string>> pairs =
      ranking.proximity_weight > 0 ? adjacent_pairs(text, stop) : std::vector<std::pair<std::string, std::string>>();
  for (const auto& [title_pair, body_pair] : pairs) {
    lookups.push_back(title_pair);
    lookups.push_back(body_pair);
  }
  // The whole query as one phrase, in each field (add_whole_phrases()).
  std::vector<std::string> phrase_title_pairs, phrase_body_pairs;
  if (ranking.proximity_weight > 0 && ranking.whole_phrase_weight > 0) {
    std::vector<Token> phrase = whole_phrase_words(text);
    phrase_title_pairs = all_pair_terms(schema::kTitlePairPrefix, phrase);
    phrase_body_pairs = all_pair_terms(schema::kBodyPairPrefix, phrase);
    lookups.insert(lookups.end(), phrase_title_pairs.begin(), phrase_title_pairs.end());
    lookups.insert(lookups.end(), phrase_body_pairs.begin(), phrase_body_pairs.end());
  }
  // CJK character bigrams and single Han characters (their clauses below).
  std::vector<std::string> gram_sequence;
  if (ranking.cjk_bigram_weight > 0 || ranking.hangul_bigram_weight > 0) {
    gram_sequence = analyzer.cjk_bigrams(text.raw);
  }
  std::vector<std::string> characters;  // distinct, in order, at most kMaxQueryCharacters
  if (ranking.han_character_weight > 0) {
    std::set<std::string> seen;
    for (const std::string& c : analyzer.han_characters(text.raw)) {
      if (seen.size() == kMaxQueryCharacters) break;
      if (seen.insert(c).second) characters.push_back(c);
    }
  }
  for (const std::string& g : gram_sequence) {
    lookups.push_back(schema::prefixed(schema::kTitleGramPrefix, g));
    lookups.push_back(schema::prefixed(schema::kBodyGramPrefix, g));
  }
  for (const std::string& c : characters) {
    lookups.push_back(schema::prefixed(schema::kTitleCharPrefix, c));
    lookups.push_back(schema::prefixed(schema::kBodyCharPrefix, c));
  }
  // On a remote or sharded database too: one match reads them all there.
  title.frequencies.prefetch(std::move(lookups));
  for (const WordTerms& word : words) {
    double factor = word.factor;
    const std::set<std::string>& title_terms = word.title;
    const std::set<std::string>& body_terms = word.body;
    std::set<std::string> in_titles = terms_in_index.present(title_terms);
    std::set<std::string> in_bodies = terms_in_index.present(body_terms);
    std::vector<Clause> matches;
    if (!in_titles.empty()) {
      title_clauses.push_back(title_clause(title, weights, in_titles, factor));
      matches.push_back(any_term(in_titles));
    }
    if (!in_bodies.empty()) {
      // OP_SYNONYM: the field scores the word once, however many languages' stems it has.
      body_clauses.push_back(scaled(Clause::synonym(in_bodies), factor));
      matches.push_back(any_term(in_bodies));
    }
    // Every word counts in coordination's share, found or not.
    out.word_matches.push_back(Clause::any(std::move(matches)));
    std::vector<std::string> terms(title_terms.begin(), title_terms.end());
    terms.insert(terms.end(), body_terms.begin(), body_terms.end());
    out.word_terms.push_back(std::move(terms));
  }
  // CJK character bigrams score inside each field's part, so an article
  // found only through them (its words were segmented differently) is still
  // found, and one matching words and bigrams ranks higher.
  // Clauses that only add to an article its field already matches.
  std::vector<Clause> title_extras, body_extras;
  // One clause per field that has `unit` (a bigram or a character); a unit
  // holding a character that is on its own a stopword weighs like one.
  auto add_unit = [&](std::string_view title_prefix, std::string_view body_prefix, const std::string& unit,
                      double weight, bool stop_unit_may_match) {
    bool stop_unit = has_stop_character(stopword_language, unit) && !all_stopwords;
    if (stop_unit) weight *= ranking.stopword_weight;
    if (weight == 0) return;
    bool extra = stop_unit && !stop_unit_may_match;
    if (std::string term = schema::prefixed(title_prefix, unit); terms_in_index.may_exist(term)) {
      (extra ? title_extras : title_clauses).push_back(scaled(Clause::term(term), weight));
    }
    if (std::string term = schema::prefixed(body_prefix, unit); terms_in_index.may_exist(term)) {
      (extra ? body_extras : body_clauses).push_back(scaled(Clause::term(term), weight));
    }
  };
  for (const std::string& g : std::set<std::string>(gram_sequence.begin(), gram_sequence.end())) {
    double weight = is_hangul_syllable(g) ? ranking.hangul_bigram_weight : ranking.cjk_bigram_weight;
    add_unit(schema::kTitleGramPrefix, schema::kBodyGramPrefix, g, weight, true);
  }
  // Single Han characters, likewise: a paraphrase often shares characters
  // but not their neighbours (还钱 / 还款). A stop character (的, 吗) alone
  // does not make an article match: 目的地 is no answer to "我的钱包"
  // (bq-faq-zh unchanged at 0.2312).
  for (const std::string& c : characters) {
    add_unit(schema::kTitleCharPrefix, schema::kBodyCharPrefix, c, ranking.han_character_weight, false);
  }
  auto field_part = [](std::vector<Clause> clauses, std::vector<Clause> extras, double field_weight) {
    Clause part = Clause::maybe(Clause::any(std::move(clauses)), Clause::any(std::move(extras)));
    return Clause::scale(std::move(part), field_weight);
  };
  out.title = field_part(std::move(title_clauses), std::move(title_extras), ranking.title_weight);
  out.body = field_part(std::move(body_clauses), std::move(body_extras), ranking.body_weight);
  if (ranking.proximity_weight > 0) {
    TitlePairClauses title_pair_clause(title, weights);
    std::vector<Clause> title_pairs, body_pairs;
    for (const auto& [title_pair, body_pair] : pairs) {
      if (const Clause& clause = title_pair_clause(title_pair); !clause.empty()) title_pairs.push_back(clause);
      if (terms_in_index.may_exist(body_pair)) body_pairs.push_back(Clause::term(body_pair));
    }
    // The whole query as one phrase: what a user who pastes an error
    // message or an exact title expects to find first.
    if (ranking.whole_phrase_weight > 0) {
      add_whole_phrases(phrase_title_pairs, phrase_body_pairs, gram_sequence, ranking, terms_in_index,
                        title_pair_clause, title_pairs, body_pairs);
    }
    out.proximity = Clause::any(
        {Clause::scale(Clause::any(std::move(title_pairs)), ranking.title_weight * ranking.proximity_weight),
         Clause::scale(Clause::any(std::move(body_pairs)), ranking.body_weight * ranking.proximity_weight)});
  }
  if (!text.phrases.empty()) {
    std::vector<Clause> required;
    for (const auto& phrase : text.phrases) {
      required.push_back(Clause::any(
          {phrase_in_field(schema::kTitleWordPrefix, phrase), phrase_in_field(schema::kBodyWordPrefix, phrase)}));
    }
    out.phrases = Clause::scale(Clause::all(std::move(required)), 0.0);
  }
  return out;
}

Clause coordination_query(const TextQuery& text, double per_word) {
  if (per_word <= 0 || text.word_matches.size() < 2) return Clause();
  std::vector<Clause> clauses;
  for (const Clause& match : text.word_matches) {
    if (match.empty()) continue;  // a word no article has
    auto* source = new Xapian::FixedWeightPostingSource(per_word);
    clauses.push_back(
        Clause::filter(Clause::source(source->release(), SourceWeight{per_word, nullptr, nullptr}), match));
  }
  return Clause::any(std::move(clauses));
}

Clause apply_filters(Clause query, const std::vector<std::string>& categories,
                     const std::vector<std::string>& languages) {
  std::vector<Clause> filters;
  auto add_filter = [&](const std::vector<std::string>& values, auto make_term) {
    if (values.empty()) return;
    std::vector<Clause> terms;
    for (const std::string& v : values) terms.push_back(Clause::term(make_term(v)));
    filters.push_back(Clause::any(std::move(terms)));
  };
  add_filter(categories, schema::category_term);
  add_filter(languages, schema::language_term);
  if (filters.empty()) return query;
  return Clause::filter(std::move(query), Clause::all(std::move(filters)));
}

}  // namespace faqsearch::detail

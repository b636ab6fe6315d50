// Ranking: how a hit's score is computed, and how to explain it.
//
//   score = text + recency + popularity
//
//   text       = title_weight * BM25(title) + body_weight * BM25(body) + proximity + coordination
//   recency    = recency_weight    * scale * 2^(-age_days / recency_half_life_days)
//   popularity = popularity_weight * scale * min(1, ln(1 + views) / ln(1 + kPopularitySaturationViews))
//   scale      = sum over the query's words of idf(word) * max(title_weight, body_weight)
//
// BM25 is Robertson et al.'s Okapi BM25 (TREC-3, 1994) as Xapian's BM25Weight
// computes it, over each field's own terms. A title word is normalised by the
// title's own length in words against the index's mean title length, with
// title_b, and counts once however often the title repeats it; so does a
// pair of adjacent words in the title (the proximity and whole-phrase bonuses):
//   title BM25 of a word = idf * (k1 + 1) / (1 + k1 * (1 - title_b + title_b * len / mean_len))
// Everything else (body words and pairs, bigrams, Han characters)
// normalises by the whole article's length with bm25_b: Xapian 1.4 keeps
// only that length, and the title's is stored as a value at index time. A
// field's terms are the query words' stems (and loose forms) plus, for
// Chinese, Japanese and Korean, character bigrams weighted by
// cjk_bigram_weight and hangul_bigram_weight, and for Chinese and Japanese
// single Han characters weighted by han_character_weight. `age_days` is
// (now - updated) in days, updated being `updated` (else `published`) but
// never later than the moment it was indexed; an article without dates gets
// no recency boost. A `now` earlier than the newest article's date counts as
// that date, so no recency factor exceeds 1.
// idf(word) = ln(1 + N / n) over N articles of which n contain the word: a
// word found in every article still counts (ln 2), so that among articles the
// text cannot tell apart, recency and popularity decide.
//
// Why `scale`: the boosts are fractions of what one article matching every
// query word once would score, so they stay in proportion to the text score
// whether the query has one rare word or eight common ones. With the default
// weights, recency and popularity together add at most 0.04 * scale: an
// article that matches the query clearly better wins over a fresher or more
// popular one, while among comparable matches the fresher, more viewed wins.
// Articles that match none of the query's terms (its words, and for CJK its
// bigrams and Han characters, a stop character alone excepted) are never
// returned: the boosts only add to articles that the text query matches.
//
// The boosts are Xapian built-ins (ValueWeightPostingSource over values
// computed at index time, scaled at query time), so ranking works unchanged
// on shards served by a stock xapian-tcpsrv.
//
// How the top-k is found. On a local index the searcher finds it itself
// (src/search/local_top.h), with the same weights Xapian's matcher would
// give (the same BM25 formula and collection statistics, the boosts' stored
// values from memory). It walks the query's clauses an article at a time
// and, once it holds k articles, stops walking a clause whose largest
// possible weight, with those of all weaker clauses and the boosts, could
// not lift an article past the k-th (MaxScore): such a clause is then only
// looked up for the articles the others bring, and an article is dropped
// as soon as what it has plus the most it could still get falls short.
// A word's coordination share is decided with its title and body clauses
// rather than looked up on its own, and an article's boosts are bounded
// first by a byte per article and table (each value rounded up to one of
// 256 steps), read only for an article that is kept.
// Every bound is a true maximum (BM25's at the shortest article and the
// largest wdf the term can have, a table's largest value), so the top-k is
// exact by construction, bit for bit what weighing every match gives
// (src/search/local_match.h, which still serves limit 0, the shapes the
// walk does not take, and every query none of whose terms is in
// SearcherOptions::walk_from_postings articles: with only short lists,
// weighing every match is faster). total_estimate is then estimated, as
// Xapian's is.
// Shards, remote databases and queries with a quoted
// phrase go through Xapian's matcher, which prunes with valid bounds, so
// the top-k is exact there too, except where Xapian itself errs. Known
// limitation, upstream: Xapian 1.4.22's matcher can drop a match once it
// prunes. When an AND_MAYBE (what an OR decays to) decays further to an AND
// while its optional side is already ahead of it, it resumes one document
// past the optional side's position, so a document in both sides is
// skipped. bench/prune_check shows it with plain Xapian and BM25 terms: of
// 60,000 top-k lists of three-term queries over 400 documents, 29 differ
// from the exhaustive ranking at k1 = 1.2 and 205 at k1 = 0.3. faqsearch
// cannot patch a Debian package. The title clause declares a looser bound
// than its exact maximum, which makes such decays rarer: with the exact one
// the brute-force test failed at the default profile. On shards and remote
// databases the full query runs in Xapian's matcher, the boosts' posting
// sources weighed where the postings are (on xapian-tcpsrv, beside them).
// On a local index scored through Xapian's matcher
// (SearcherOptions::score_locally off), a query of three or more words
// first ranks a pool of 2k (at least k + 10) articles by text alone, adds
// their boosts from memory, and keeps that answer when the k-th final score
// beats the pool's lowest text score plus the largest boost any article has
// (no article outside the pool can then reach the top k); else it retries
// twice with deeper pools (each 4x-16x the last, sized from how fast the
// text scores fall), then runs the full query. The answer is the same every
// way (tested against a brute-force ranking, local against sharded, and
// local scoring against Xapian's matcher on the same index).
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "faqsearch/status.h"

namespace faqsearch {

// Half-lives for which the index stores decay values; RankingOptions::
// recency_half_life_days must be one of them.
inline constexpr std::array<double, 5> kRecencyHalfLivesDays = {30, 90, 180, 365, 730};

// The largest value of any weight (and of bm25_k1) in RankingOptions, and of
// max(recency_weight, popularity_weight) * max(title_weight, body_weight).
// The ranking's posting sources store weights 2^20 times too large and are
// scaled back down at query time, because Xapian 1.4 prunes a posting source
// on its unscaled maximum: a multiplier above 1 would end it early and lose
// matches. A boost's multiplier is its weight times `scale` over 2^20, and
// `scale` is at most 64 words * ln(1 + 2^32) * the larger field weight
// (about 1420 times it), so the product bound keeps every multiplier below
// 0.7. Larger weights only say "nothing else counts", which these say already.
inline constexpr double kMaxRankingWeight = 1000;
inline constexpr double kMaxBoostTimesFieldWeight = 500;

// Views at which popularity reaches 1.
inline constexpr double kPopularitySaturationViews = 1'000'000;

struct RankingOptions {
  // Text relevance
  // Multiplier on the BM25 score of title matches, 0..1000 (see
  // kMaxBoostTimesFieldWeight for its product with a boost weight). Default 3: the title of an
  // FAQ article is the question it answers, the densest statement of its topic.
  double title_weight = 3.0;
  // Multiplier on the BM25 score of body matches, 0..1000. Default 1.
  double body_weight = 1.0;
  // BM25 term-frequency saturation, 0..1000. Default 1.2 (Robertson's usual value).
  double bm25_k1 = 1.2;
  // BM25 length normalisation, 0..1, of the body and of everything scored
  // against the whole article. Default 0.75 (Robertson's usual value).
  double bm25_b = 0.75;
  // BM25 length normalisation of title words and word pairs by the title's
  // own length, 0..1. A short answer's title used to be normalised by the
  // article's whole length, so a long answer buried its own well-matched
  // title ("What are the symptoms of COVID-19?" lost to a question with a
  // shorter answer). Below bm25_b: a title is one question, and a longer one
  // is more specific rather than padded. Words only, at 0.4 against
  // whole-article normalisation (nDCG@10): covidfaq-jhu 0.7575 -> 0.7785,
  // debian-faq-known-item 0.9548 -> 0.9634, bq-faq-zh 0.2121 -> 0.2157,
  // covid-faq-deepset-en 0.7060 -> 0.7090, okx-seed 0.9908 -> 0.9917,
  // question-pair-ko 0.7066 -> 0.7064. Default 0.45 since title pairs are
  // normalised the same way (retuned with proximity_weight and
  // whole_phrase_weight; docs/relevance.md has the grid).
  double title_b = 0.45;
  // Weight of the proximity bonus, 0..1000: each pair of adjacent query words
  // found adjacent in a field (the index keeps a term per adjacent word pair)
  // adds that field's BM25 weight of the pair times this; in the title, the
  // pair weighs by the title's length (title_b), as title words do. Pairs of
  // two stopwords and of two Chinese/Japanese words (the bigram runs of
  // whole_phrase_weight reward those characters instead, when it and
  // cjk_bigram_weight are above 0) do not count. 0 turns it off (and the
  // whole-phrase bonus with it). Default 0.4: stronger pair bonuses help
  // exact-span queries but reward common word pairs in paraphrased
  // questions. With title pairs by title length, title_b 0.45 and whole
  // phrase 6 (nDCG@10): covid-faq-deepset-en 0.7141 / 0.7112 at 0.4 / 0.45,
  // covidfaq-jhu 0.8010 / 0.8005, debian-faq-known-item 0.9557 / 0.9576.
  double proximity_weight = 0.4;
  // Weight of the whole-phrase bonus, 0..1000: every adjacent pair of the
  // query's words (3 or more, none of them two adjacent Chinese/Japanese
  // words) in one field, or every bigram of a run of its Chinese/Japanese
  // characters, adds their BM25 weight times this. A user
  // who pastes an error message or an exact title expects that article
  // first; paraphrases rarely match a whole query. A run of Han/kana that is
  // one clause of a longer question weighs its share of the query's bigrams
  // (bq-faq-zh 0.2157 -> 0.2188). Default 6 (4 before title pairs were
  // normalised by the title's length, which made them weigh less in long
  // titles): debian-faq-known-item nDCG@10 0.9538 at 4, 0.9557 at 6 and 7;
  // bq-faq-zh 0.2217 / 0.2215 / 0.2208 at 4 / 6 / 7; the other sets unchanged.
  double whole_phrase_weight = 6.0;
  // Weight of Han and kana character-bigram matches relative to word
  // matches, 0..1000 (within each field's BM25). Bigrams find Chinese and
  // Japanese articles whose words were segmented differently from the
  // query's, and spans cut mid-word. Default 2: bq-faq-zh nDCG@10 0.198
  // without bigrams, 0.211 at 1, 0.206 at 2, but Japanese known-item spans
  // cut mid-word need the weight (see docs/relevance.md).
  double cjk_bigram_weight = 2.0;
  // Weight of Hangul syllable-bigram matches, 0..1000. Korean attaches particles
  // and endings to words (eojeol), so "지갑을" and "지갑이" share no word
  // but share the bigram "지갑". Default 3: question-pair-ko nDCG@10 0.587
  // without bigrams, 0.695 at 2, 0.706 at 3.
  double hangul_bigram_weight = 3.0;
  // Weight of single Han character matches, 0..1000 (within each field's
  // BM25, like the bigrams). A paraphrase of a Chinese question often shares
  // characters but not their neighbours (还钱 / 还款, 帐单 / 账单), and
  // characters with bigrams is the usual combination for Chinese retrieval.
  // Kana and Hangul have none. A character that is on its own a stopword (的,
  // 吗) weighs stopword_weight times this and adds only to an article that
  // its field matches otherwise. A run of one character ("钱", "UID码") also
  // matches as its own "bigram": an article where it stands alone too gets
  // both. Default 2.5, the largest of the weights tried (0, 1, 2, 2.5, 3, 4)
  // that lowers no set (nDCG@10): bq-faq-zh 0.2204 at 0, 0.2278 / 0.2297 /
  // 0.2312 / 0.2310 / 0.2333 at 1 / 2 / 2.5 / 3 / 4; debian-faq-known-item
  // (its Chinese and Japanese spans) 0.9557 up to 2.5, 0.9543 at 3 and 4;
  // the other sets have no Han and are unchanged. Costs Chinese queries
  // time: about 1.6x on bq-faq-zh (docs/relevance.md). 0 turns the clauses
  // off without reindexing; the terms still count in an article's length.
  double han_character_weight = 2.5;
  // Coordination bonus, 0..1000: an article gets this fraction of `scale`
  // times the share of the query's words it contains, so that articles
  // matching more of the words rank first (BM25 alone lets one repeated rare
  // word outscore two). 0 turns it off. Default 0.3 (0.6 before titles had
  // their own length, which now does part of its work). Measured before
  // title pairs had the title's length, with proximity 0.45:
  // covid-faq-deepset-en 0.7148 / 0.7142 / 0.7133 at 0.3 / 0.35 / 0.4 (0.7101
  // at 0.45 with proximity 0.35), covidfaq-jhu 0.7855 / 0.7817 / 0.7828,
  // debian-faq-known-item 0.9555 / 0.9575 / 0.9582; without it (proximity
  // 0.35) okx-seed 0.9828 and debian-faq-known-item 0.9434.
  // Re-measured with title pairs by title length (proximity 0.4, title_b
  // 0.45, whole phrase 4): deepset 0.7144 / 0.7141 / 0.7117 at 0.25 / 0.3 /
  // 0.35, jhu 0.8016 / 0.8010 / 0.7984, known-item 0.9526 / 0.9538 / 0.9575.
  double coordination_weight = 0.3;
  // Weight of a stopword's clause, 0..1, when the query's language is known
  // and the query has other words: 1 treats stopwords like any word, 0
  // leaves them out. Default 0.3: leaving them out entirely loses question
  // shape that FAQ matching uses (covidfaq-jhu 0.744 at 0, 0.756 at 0.3,
  // 0.748 at 1); keeping them whole lets "of the" outvote content words in
  // European languages (debian-faq-known-item 0.70 at 1, 0.78 at 0.3).
  double stopword_weight = 0.3;

  // Recency
  // Weight of the recency boost as a fraction of `scale` (see above), 0..1000.
  // Default 0.02: a tie-breaker among comparable matches. No judged set
  // rewards freshness (their judgments are by content), and weights up to
  // 0.1 left them within 0.001 (okx-seed, the sample corpus); 0.2 cost
  // okx-seed 0.0024.
  double recency_weight = 0.02;
  // Days after which the recency boost halves; one of kRecencyHalfLivesDays.
  double recency_half_life_days = 365;

  // Popularity
  // Weight of the popularity boost as a fraction of `scale`, 0..1000.
  // Default 0.02, for the same reason as recency_weight: at 0.02 no judged
  // set moved; at 0.1 the sample corpus lost 0.003 and okx-seed 0.0005.
  double popularity_weight = 0.02;
};

// Checks every field's range. Returns invalid_argument naming the field.
[[nodiscard]] Status validate_ranking(const RankingOptions& options);

// Reads a ranking profile: a JSON object whose keys are RankingOptions field
// names ("title_weight", "recency_half_life_days", ...); absent keys keep
// their defaults. Returns not_found/io_error for the file, invalid_argument
// for bad JSON, an unknown key, a non-number or an out-of-range value.
[[nodiscard]] Result<RankingOptions> load_ranking_profile(const std::string& path);
// The same from JSON text; `name` stands for the file in messages.
[[nodiscard]] Result<RankingOptions> parse_ranking_profile(std::string_view json, std::string_view name = "profile");

// One hit's score, part by part. final_score is exactly the sum of the parts.
struct Explanation {
  double title_bm25 = 0;          // title_weight * BM25 over title terms
  double body_bm25 = 0;           // body_weight * BM25 over body terms
  double proximity_bonus = 0;     // adjacent query words found adjacent
  double coordination_bonus = 0;  // share of the query's words matched
  double scale = 0;               // the query's `scale` (see above)
  double recency_factor = 0;      // 2^(-age/half-life), 0 without dates
  double recency_boost = 0;       // recency_weight * scale * recency_factor
  double popularity_factor = 0;   // min(1, ln(1+views)/ln(1+saturation))
  double popularity_boost = 0;    // popularity_weight * scale * popularity_factor
  double final_score = 0;         // title_bm25 + body_bm25 + proximity_bonus + coordination_bonus
                                  // + recency_boost + popularity_boost

  // One line: "3.21 = title 2.00 + body 0.80 + proximity 0 + coordination 0 + recency 0.30 (x0.62) +
  // popularity 0.11 (x0.40)".
  [[nodiscard]] std::string to_string() const;
};

}  // namespace faqsearch

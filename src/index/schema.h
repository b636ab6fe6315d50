// The index schema: the only place that maps article fields to Xapian term
// prefixes, value slots and metadata keys. docs/index-format.md describes the
// same layout for readers of the on-disk format; keep the two in step.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "faqsearch/analyzer.h"
#include "faqsearch/article.h"
#include "faqsearch/status.h"

namespace faqsearch::detail::schema {

// Bumped whenever terms, values or stored data change meaning.
inline constexpr int kFormatVersion = 6;

// Term prefixes. Analyzed terms are NFKC case folded, so they never start with
// an ASCII capital and need no ':' separator after a prefix.
inline constexpr std::string_view kIdPrefix = "Q";          // boolean: external article id
inline constexpr std::string_view kCategoryPrefix = "K";    // boolean: folded category
inline constexpr std::string_view kLanguagePrefix = "L";    // boolean: primary language subtag
inline constexpr std::string_view kTitleWordPrefix = "T";   // title words as written, with positions
inline constexpr std::string_view kBodyWordPrefix = "B";    // body words as written, with positions
inline constexpr std::string_view kTitleStemPrefix = "ZT";  // title stems (the matching terms)
inline constexpr std::string_view kBodyStemPrefix = "ZB";   // body stems (the matching terms)
inline constexpr std::string_view kTitleGramPrefix = "NT";  // title CJK character bigrams
inline constexpr std::string_view kBodyGramPrefix = "NB";   // body CJK character bigrams
inline constexpr std::string_view kTitleCharPrefix = "UT";  // title Han characters, one each
inline constexpr std::string_view kBodyCharPrefix = "UB";   // body Han characters, one each
inline constexpr std::string_view kTitlePairPrefix = "PT";  // title: two adjacent words, "a b"
inline constexpr std::string_view kBodyPairPrefix = "PB";   // body: two adjacent words, "a b"
// boolean: the title's length in words (kTitleLengthSlot) in decimal, for
// titles of at least one word. The termfreqs give the mean title length, and
// Xapian adds them up across shards, local or remote, as it does BM25's own
// statistics: metadata would be read from the first shard only.
inline constexpr std::string_view kTitleLengthPrefix = "XL";

// Value slots. Numbers are sortable_serialise()d; text is raw UTF-8.
inline constexpr Xapian::valueno kUpdatedSlot = 0;     // updated (or published), Unix seconds
inline constexpr Xapian::valueno kPublishedSlot = 1;   // published, Unix seconds
inline constexpr Xapian::valueno kViewsSlot = 2;       // views
inline constexpr Xapian::valueno kIdSlot = 3;          // external id, read in bulk by the searcher's id table
inline constexpr Xapian::valueno kBodySlot = 4;        // body text, kept out of the document data
inline constexpr Xapian::valueno kPopularitySlot = 5;  // popularity_index_value(views)
// Slots 6.. hold recency_index_value() for each of kRecencyHalfLivesDays, in order.
inline constexpr Xapian::valueno kFirstRecencySlot = 6;
// The title's length in words (compounds not counted), at most
// kMaxTitleLength: the title field's own BM25 length normalisation.
inline constexpr Xapian::valueno kTitleLengthSlot = 11;
inline constexpr int kMaxTitleLength = 64;

// The slot of the recency values for `half_life_days`.
// REQUIRES: half_life_days is one of kRecencyHalfLivesDays
[[nodiscard]] Xapian::valueno recency_slot(double half_life_days);

// Metadata keys.
inline constexpr std::string_view kFormatKey = "faqsearch.format";
inline constexpr std::string_view kAnalyzerKey = "faqsearch.analyzer";

// prefix + text. (Built by append: GCC 12 at -O3 warns falsely, -Wrestrict,
// on std::string(prefix) + std::string(text).)
[[nodiscard]] std::string prefixed(std::string_view prefix, std::string_view text);

// The term for words `first` then `second` next to each other in a field
// (kTitlePairPrefix or kBodyPairPrefix); "" if it would be longer than a
// Xapian term may be. Proximity is scored from these terms rather than from
// positions: a pair is one short posting list, where a positional check reads
// two position lists per candidate (and Xapian 1.4 could score a phrase
// inexactly once its matcher started pruning).
[[nodiscard]] std::string pair_term(std::string_view pair_prefix, std::string_view first, std::string_view second);

// True iff adjacent words `a` then `b` have a pair term. Two Han/kana words
// (TokenKind::ideographic) do not: a dictionary segments a query and an
// article's paraphrase of it differently, and the characters' bigram runs
// reward characters found together instead (bq-faq-zh 0.2162 -> 0.2209 as
// proximity pairs, 0.2215 with no word phrase across them; no other set
// moved).
[[nodiscard]] bool makes_pair_term(const Token& a, const Token& b);

[[nodiscard]] std::string id_term(std::string_view id);
[[nodiscard]] std::string category_term(std::string_view category);
[[nodiscard]] std::string language_term(std::string_view bcp47);

// The stem term for a token of `lang` in a field (kTitleStemPrefix or
// kBodyStemPrefix): prefix + stemmer name + ':' + stem for words of a
// language with a stemmer ("ZTenglish:withdraw"); prefix + the word as
// written otherwise (numbers, words with a digit such as "trc20", CJK words,
// languages without a stemmer), a space shared by all languages ("ZT2024",
// "ZT钱包").
[[nodiscard]] std::string stem_term(Analyzer& analyzer, std::string_view stem_prefix, const Token& token,
                                    std::string_view lang);

// The match terms of a token: its stem term and, when the token's loose form
// (accents, Traditional Chinese, ... see Analyzer::loose_form) differs, the
// stem term of that too. An article written with the accents then matches
// both, one written without only the loose one: an exact match ranks higher.
[[nodiscard]] std::vector<std::string> match_terms(Analyzer& analyzer, std::string_view stem_prefix, const Token& token,
                                                   std::string_view lang);

// Builds the Xapian document for a valid article, indexed at `indexed_at`
// (recency values never count an article as newer than that).
// REQUIRES: validate_article(article).ok()
[[nodiscard]] Xapian::Document make_document(Analyzer& analyzer, const Article& article, UnixSeconds indexed_at);

// The mean title length over all articles of `db` (all shards together),
// from the kTitleLengthPrefix terms; 0 for an empty index.
// Throws Xapian::DatabaseCorruptError if such a term holds no length.
[[nodiscard]] double title_length_mean(const Xapian::Database& db);

// Reads an article back from a document: the display fields from its data,
// and the body too iff `with_body`.
[[nodiscard]] Result<Article> read_document(const Xapian::Document& doc, bool with_body);

// Checks an open database's format and analyzer settings. An empty database
// with no metadata is fine (`fresh` set to true): the writer stamps it.
[[nodiscard]] Status check_compatible(const Xapian::Database& db, const Analyzer& analyzer, bool* fresh);

// The primary language subtags of the indexed articles (from the L terms).
[[nodiscard]] std::vector<std::string> indexed_languages(const Xapian::Database& db);

}  // namespace faqsearch::detail::schema

// Searcher: runs queries against a faqsearch index.
//
// Open an index once and search it many times. A Searcher is thread-safe:
// search() may be called from any number of threads at once. Internally it
// keeps a pool of Xapian database handles (Xapian objects are not
// thread-safe), one per concurrently searching thread, created on demand.
//
// Query text is never an error: punctuation only, very long text, invalid
// UTF-8 or unbalanced quotes give results or an empty list. Words are matched
// through the same Analyzer as the articles; a "quoted phrase" must appear as
// a phrase in the title or the body.
//
// Example:
//   auto searcher = faqsearch::Searcher::open("faq.db");
//   if (!searcher) { report(searcher.error()); return; }
//   faqsearch::SearchRequest request;
//   request.query = "back up wallet icloud";
//   auto results = searcher->search(request);
//   if (results) for (const auto& hit : results->hits) print(hit.title, hit.score);
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "faqsearch/article.h"
#include "faqsearch/ranking.h"
#include "faqsearch/status.h"

namespace faqsearch {

// Which stored fields a hit carries.
enum class HitFields {
  display,  // everything SearchHit has (default)
  id_only,  // only id and score: the cheapest fetch, for evaluation runs and id lookups
};

struct SearchRequest {
  // Behaviour
  std::string query;       // user text, any content
  std::size_t limit = 10;  // at most this many hits, 0..10000
  std::size_t offset = 0;  // skip this many best hits first (paging)
  // Keep only articles in any of these categories (compared after trimming
  // and ASCII lowercasing); empty keeps all.
  std::vector<std::string> categories;
  // Keep only articles in any of these languages (BCP-47; compared by primary subtag); empty keeps all.
  std::vector<std::string> languages;
  // Language of the query text, which picks its stemmer. Empty: the single
  // language of `languages` if there is one, else every language in the index
  // (each word then matches its stem in any of them, and its unstemmed form).
  std::string query_language;
  RankingOptions ranking;
  // Reference time for recency, Unix seconds; unset means the current time.
  // Pin it for reproducible results in tests and evaluations.
  std::optional<UnixSeconds> now;
  // Fill SearchHit::explanation with the parts of each score (costs up to
  // four extra small matches per hit).
  bool explain = false;

  // Performance
  HitFields fields = HitFields::display;
};

struct SearchHit {
  std::string id;
  std::string title;
  std::string url;
  std::string category;
  std::string lang;
  std::optional<UnixSeconds> published;
  std::optional<UnixSeconds> updated;
  std::int64_t views = 0;
  double score = 0;                        // higher is better; comparable within one result list only
  std::optional<Explanation> explanation;  // set iff SearchRequest::explain
};

struct SearchResults {
  std::vector<SearchHit> hits;  // best first
  // Estimated number of matching articles: exact on a local index when
  // nothing was skipped (limit 0, a limit above the match count, or a query
  // with no long list: SearcherOptions::walk_from_postings).
  std::uint64_t total_estimate = 0;
};

struct SearcherOptions {
  // Performance
  // Database handles kept for reuse after concurrent searches finish.
  // Default 16. More threads than this still work; their extra handles are
  // closed after use.
  std::size_t max_idle_handles = 16;
  // On a local index, find the top k with faqsearch's own matcher (an
  // article at a time, skipping what provably cannot reach the top k, its
  // weights read from in-memory tables) rather than Xapian's; both give the
  // same hits, with scores equal up to rounding (a sum added in another
  // order), and the own one is 2-4x faster (bench/README.md). Shards,
  // remote databases and queries with a quoted phrase always use Xapian's.
  // Off: for comparisons and benchmarks. Memory: each database handle keeps
  // about 12 bytes per docid of working space (up to the highest docid ever
  // used), and the searcher 4 bytes per docid of article lengths per index
  // revision, beside the 8 bytes per docid of each stored value table that
  // both matchers use.
  bool score_locally = true;
  // With score_locally: the own matcher skips what cannot reach the top k
  // (MaxScore) only for a query with a term in at least this many articles;
  // below that every list is short, and weighing every match is faster
  // (measured on the judged sets and e2e_bench: bench/README.md, session
  // 14). 0: always skip where possible (tests, benchmarks). The hits are
  // the same either way.
  std::uint32_t walk_from_postings = 2000;
};

class Searcher {
 public:
  // Opens the index at `path` for reading. Returns not_found (no index there),
  // unsupported (another format or analyzer version), corruption or io_error,
  // each naming the path.
  [[nodiscard]] static Result<Searcher> open(std::string_view path, SearcherOptions options = {});

  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  // Runs `request`. Returns invalid_argument for a limit over 10000, an
  // offset over 100000 or bad ranking options; io_error or corruption if the
  // index fails underneath.
  // Sees the index as of the latest commit when the call starts.
  // Memory: per index revision the searcher keeps every article's id (for
  // HitFields::id_only) and the recency and popularity values a query used
  // (8 bytes per article each), read on first use after a commit. A
  // database without revisions (remote or sharded) reads them per hit.
  [[nodiscard]] Result<SearchResults> search(const SearchRequest& request) const;

  // The whole article with external id `id` (body included), as of the
  // index's latest commit: what a help center shows when a result is opened.
  // Returns not_found naming the id when there is none; io_error or
  // corruption if the index cannot be read.
  [[nodiscard]] Result<Article> get_article(std::string_view id) const;

  // Articles in the index as of its latest commit; io_error or corruption
  // if the index cannot be read.
  [[nodiscard]] Result<std::uint64_t> article_count() const;

 private:
  class Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace faqsearch

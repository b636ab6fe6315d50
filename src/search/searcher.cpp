#include "faqsearch/searcher.h"

#include <fmt/format.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "faqsearch/analyzer.h"
#include "index/schema.h"
#include "index/xapian_errors.h"
#include "ranking/boosts.h"
#include "search/local_match.h"
#include "search/local_top.h"
#include "search/query_builder.h"
#include "search/slot_table.h"

namespace faqsearch {
namespace {

constexpr std::size_t kMaxLimit = 10000;
// What follows tunes Xapian's matcher, which serves shards, remote
// databases, quoted phrases and SearcherOptions::score_locally = false; a
// local index otherwise scores every match itself (match_locally()).
//
// The text-first pass ranks twice as many articles as asked for, and at
// least this many more; if that does not settle the query, again with a
// pool kTextFirstRetryFactor to its square times larger (next_pool_size()),
// up to kTextFirstPasses passes, and only then the full query. Measured on
// 300 generated queries over 100k articles (top 10): a pool of 20 settles 92% of queries, 40 settles 99.7% but costs
// more than the second passes it saves (a deeper top-k prunes less: p50 1-word 641 -> 844 us). A second pass at 80 cut
// p99 from 8.8 to 6.9 ms (x8: 6.8, x16: 7.0, x32: 7.2); a third at 320, once the values were held in memory, cut p99 at
// 10k articles from 1.27x to 1.14x the text-only search.
constexpr std::size_t kTextFirstMargin = 10;
constexpr std::size_t kTextFirstRetryFactor = 4;
constexpr int kTextFirstPasses = 3;
// Queries of at most this many words skip the text-first passes when the
// boosts' values are in memory (a local database scored through Xapian's
// matcher: a quoted phrase, or score_locally off): the full query, its
// boosts read from memory (StoredValueSource), then costs no more than one
// pass, and a rare word beside a common one, whose articles tie on text,
// needs no second pass. Longer queries have a larger `scale`, hence a larger
// boost bound, which loosens the full query's pruning: a pool of text
// matches settles them cheaper (a reading of the figures, not measured on
// its own). faq-query --batch over e2e_bench's corpus and queries, per-query
// medians of 4 interleaved runs (p50 / p99 us; a p99 over 100 queries rests
// on one or two of them): at 10k articles, 2 words 243 / 1141 with the
// pool, 219 / 730 without; 4 words 546 / 1181 with, 558 / 1289 without; 1
// word 134 / 131 at p50, no difference. At 100k the trade is p50 for p99 on
// 2 words: 1109 / 10281 with the pool, 1353 / 7845 without
// (bench/README.md, session 12).
constexpr std::size_t kFullQueryMaxWords = 2;

// A hit before its fields are read.
using Ranked = detail::Scored;

using detail::ranks_before;

// The revision `db` is at, or none for a database without revisions: a
// remote one, or several shards (Xapian 1.4). Only a local, unsharded
// database has per-revision tables in memory.
std::optional<Xapian::rev> revision_of(const Xapian::Database& db) {
  try {
    return db.get_revision();
  } catch (const Xapian::UnimplementedError&) {  // remote
    return std::nullopt;
  } catch (const Xapian::InvalidOperationError&) {  // several shards
    return std::nullopt;
  }
}

// One database handle with the per-thread objects that go with it.
struct Handle {
  // refresh() reads the index's statistics; the opener calls it once the
  // database is known to be a compatible faqsearch index.
  explicit Handle(const std::string& path) : db(path) {}

  // The stemmers a query of unknown language is analyzed with: each indexed
  // language's, plus "" (the word unstemmed) iff some articles were indexed
  // without a stemmer (no lang, or a language such as zh). Leaving out a
  // variant no article can match saves a posting list per word and field.
  // Moves to the index's latest commit; the language list follows it.
  void sync() {
    if (db.reopen()) refresh();
  }

  void refresh() {
    refresh_languages();
    title_length_mean = detail::schema::title_length_mean(db);
    // Per revision: each lookup reads a few B-tree blocks, which per query
    // cost pure BM25 a third of its block reads at 100k articles.
    shortest_title = db.get_value_lower_bound(detail::schema::kTitleLengthSlot);
    longest_title = db.get_value_upper_bound(detail::schema::kTitleLengthSlot);
    newest_updated = db.get_value_upper_bound(detail::schema::kUpdatedSlot);
    single_local = revision_of(db).has_value();
  }

  void refresh_languages() {
    stem_languages.clear();
    Xapian::doccount stemmed = 0;
    for (std::string& lang : detail::schema::indexed_languages(db)) {
      if (Analyzer::has_stemmer(lang)) stemmed += db.get_termfreq(detail::schema::language_term(lang));
      stem_languages.push_back(std::move(lang));
    }
    has_unstemmed = stemmed < db.get_doccount();
    if (has_unstemmed) stem_languages.emplace_back();
  }

  Xapian::Database db;
  Analyzer analyzer;
  std::vector<std::string> stem_languages;     // every indexed language, for queries of unknown language
  bool has_unstemmed = false;                  // some articles were indexed without a stemmer
  double title_length_mean = 0;                // for the title's BM25 (detail::title_clause)
  std::string shortest_title, longest_title;   // the title length slot's bounds (detail::title_weights)
  std::string newest_updated;                  // the updated slot's upper bound (detail::plan_boosts)
  bool single_local = true;                    // one local database, not remote or sharded
  std::shared_ptr<const detail::IdTable> ids;  // for this handle's revision, built on first id-only search
  detail::LocalScratch scratch;                // for match_locally()
};

// k2 = 0 and k3 = 1 make a term's weight independent of the rest of the query,
// which is what lets an explanation score each field on its own.
Xapian::BM25Weight bm25(const RankingOptions& k) { return Xapian::BM25Weight(k.bm25_k1, 0.0, 1.0, k.bm25_b, 0.5); }

Status validate_request(const SearchRequest& r) {
  if (r.limit > kMaxLimit) return Status::invalid_argument(fmt::format("limit {} is over {}", r.limit, kMaxLimit));
  if (r.offset > kMaxLimit * 10)
    return Status::invalid_argument(fmt::format("offset {} is over {}", r.offset, kMaxLimit * 10));
  if (Status s = validate_ranking(r.ranking); !s.ok()) return s;
  return {};
}

}  // namespace

class Searcher::Impl {
 public:
  Impl(std::string path, SearcherOptions options) : path_(std::move(path)), options_(options) {}

  std::unique_ptr<Handle> acquire() {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        auto h = std::move(idle_.back());
        idle_.pop_back();
        return h;
      }
    }
    auto h = std::make_unique<Handle>(path_);
    h->refresh();
    return h;
  }

  void release(std::unique_ptr<Handle> h) {
    std::lock_guard lock(mutex_);
    if (idle_.size() < options_.max_idle_handles) idle_.push_back(std::move(h));
  }

  // Runs `work` on a pooled handle moved to the index's latest commit, as a
  // Result: again (up to twice) if a writer's commits overtook the read (Xapian's
  // DatabaseModifiedError; the newest revision is consistent), and with any
  // exception turned into a Status. A handle that threw is dropped, not pooled.
  template <typename T, typename Work>
  Result<T> with_handle(Work&& work) {
    try {
      std::unique_ptr<Handle> handle = acquire();
      // The sync is part of each attempt: it reads the index too (its
      // language terms) and can be overtaken by a commit like any read.
      auto attempt = [&]() -> Result<T> {
        handle->sync();
        return work(*handle);
      };
      Result<T> result = [&]() -> Result<T> {
        // Each retry reads the newest revision; a writer committing in a
        // tight loop can overtake one retry, rarely two.
        for (int retries = 2;; --retries) {
          try {
            return attempt();
          } catch (const Xapian::DatabaseModifiedError&) {
            if (retries == 0) throw;
          }
        }
      }();
      release(std::move(handle));
      return result;
    } catch (...) {
      return detail::status_from_current_exception(path_);
    }
  }

  // REQUIRES: h is synced (with_handle does it)
  SearchResults run(Handle& h, const SearchRequest& request) {
    detail::QueryText text = detail::parse_query_text(h.analyzer, request.query);
    SearchResults results;
    if (text.words.empty()) return results;

    // Which stemmers analyze the query: its own language's when known (plus
    // the unstemmed word, for articles indexed without a stemmer), else each
    // indexed language's. Every article is matched by the stems of its own
    // language only: the index keeps each stemmer's stems apart.
    std::vector<std::string> stem_languages;
    std::string known_language = !request.query_language.empty() ? request.query_language
                                 : request.languages.size() == 1 ? request.languages.front()
                                                                 : std::string();
    if (!known_language.empty()) {
      stem_languages = {known_language};
      if (h.has_unstemmed && Analyzer::has_stemmer(known_language)) stem_languages.emplace_back();
    } else {
      stem_languages = h.stem_languages;
    }
    const RankingOptions& ranking = request.ranking;
    // Stopwords need a known language: words of one language are content words of another.
    const std::string& stopword_language = known_language;
    detail::TermFrequencies frequencies(h.db, h.single_local ? detail::TermFrequencies::Prefetch::sorted_lookups
                                                             : detail::TermFrequencies::Prefetch::one_match);
    detail::TextQuery text_query = detail::build_text_query(
        h.analyzer, text, stem_languages, stopword_language, ranking,
        detail::TitleField{h.db, frequencies, h.title_length_mean, values_for(h, detail::schema::kTitleLengthSlot),
                           h.shortest_title, h.longest_title});
    UnixSeconds now = request.now.value_or(unix_now());
    detail::BoostPlan plan;
    bool scaled = ranking.recency_weight > 0 || ranking.popularity_weight > 0 || ranking.coordination_weight > 0;
    if (scaled || request.explain) {
      plan = detail::plan_boosts(h.newest_updated, ranking,
                                 detail::text_scale(h.db, frequencies, text_query.word_terms, ranking), now);
    }
    // Each matched word's share of coordination_weight * scale.
    text_query.coordination = detail::coordination_query(
        text_query, ranking.coordination_weight * plan.scale / static_cast<double>(text_query.word_matches.size()));
    detail::Clause text_only = detail::apply_filters(text_query.combined(), request.categories, request.languages);
    std::size_t need = request.offset + request.limit;
    std::vector<Ranked> ranked;
    bool boosted = plan.recency_multiplier > 0 || plan.popularity_multiplier > 0;
    bool settled = false;
    // The stored values in memory (a local database): the boosts' posting
    // sources then read them there, and the matcher weighs them cheaply.
    detail::BoostTables tables;
    if (plan.recency_multiplier > 0) tables.recency = values_for(h, plan.recency_slot);
    if (plan.popularity_multiplier > 0) tables.popularity = values_for(h, detail::schema::kPopularitySlot);
    bool in_memory =
        (plan.recency_multiplier == 0 || tables.recency) && (plan.popularity_multiplier == 0 || tables.popularity);
    detail::Clause full = detail::add_boosts(text_only, plan, tables);
    // A local database finds its top k itself (top_locally()): exact, and
    // 2-4x faster than Xapian's matcher on these queries. The lengths are
    // null on a remote or sharded database.
    std::shared_ptr<const detail::DocLengthTable> lengths =
        options_.score_locally && full.local() ? lengths_for(h) : nullptr;
    if (lengths) {
      detail::LocalTop top =
          detail::top_locally(full, {h.db, *lengths, ranking.bm25_k1, ranking.bm25_b, &frequencies}, h.scratch,
                              request.limit == 0 ? 0 : need,  // limit 0: the exact count alone
                              options_.walk_from_postings);
      results.total_estimate = top.matches;
      ranked = std::move(top.hits);
      ranked.erase(ranked.begin(),
                   ranked.begin() + static_cast<std::ptrdiff_t>(std::min(request.offset, ranked.size())));
      settled = true;
    }
    // limit 0 asks only for the estimate: the full query gives it without a
    // pool. So does a short query (kFullQueryMaxWords), and any query on
    // shards or a remote database (no tables in memory): there the pool's
    // boosts are read over the network, in round trips of their own, where
    // the full query weighs them beside the postings. On the sample index
    // served by xapian-tcpsrv on loopback, text first made the default
    // profile's median query 2.7x slower than one query, for the same
    // hits (bench/README.md, session 16).
    bool text_first = !settled && boosted && request.limit > 0 && in_memory && text.words.size() > kFullQueryMaxWords;
    if (text_first) {
      double max_boost = detail::max_boost(h.db, plan);
      // A pool over the article count asks Xapian to reserve room for
      // matches that cannot exist; one more than the count proves every match seen.
      std::size_t all = static_cast<std::size_t>(h.db.get_doccount()) + 1;
      std::size_t pool = std::max(need + kTextFirstMargin, need * 2);
      for (int pass = 0; pass < kTextFirstPasses && !settled; ++pass) {
        std::size_t next_pool = pool * kTextFirstRetryFactor;
        settled = rank_text_first(h.db, text_only.query(), plan, ranking, request.offset, need, std::min(pool, all),
                                  max_boost, tables, ranked, results, next_pool);
        pool = next_pool;
      }
    }
    if (!settled) {
      Xapian::Enquire enquire(h.db);
      enquire.set_query(full.query());
      enquire.set_weighting_scheme(bm25(ranking));
      // No Enquire::set_cutoff() from the pool's scores here, tempting as it
      // is: Xapian 1.4 then lost matches that score above the cutoff (the
      // brute-force property test in ranking_test caught it).
      Xapian::MSet mset =
          enquire.get_mset(static_cast<Xapian::doccount>(request.offset), static_cast<Xapian::doccount>(request.limit));
      results.total_estimate = mset.get_matches_estimated();
      ranked.clear();
      for (auto it = mset.begin(); it != mset.end(); ++it) ranked.push_back({*it, it.get_weight()});
    }
    results.hits.reserve(ranked.size());
    std::shared_ptr<const detail::IdTable> ids;
    if (request.fields == HitFields::id_only) ids = ids_for(h);
    for (const Ranked& r : ranked) {
      SearchHit hit;
      hit.score = r.weight;
      if (ids && !request.explain) {
        hit.id = ids->at(r.docid);
        results.hits.push_back(std::move(hit));
        continue;
      }
      Xapian::Document doc = h.db.get_document(r.docid, Xapian::DOC_ASSUME_VALID);
      if (request.fields == HitFields::id_only) {
        hit.id = ids ? ids->at(r.docid) : doc.get_value(detail::schema::kIdSlot);
      } else {
        Result<Article> article = detail::schema::read_document(doc, /*with_body=*/false);
        if (!article) throw Xapian::DatabaseCorruptError(article.error().message());
        hit.id = std::move(article->id);
        hit.title = std::move(article->title);
        hit.url = std::move(article->url);
        hit.category = std::move(article->category);
        hit.lang = std::move(article->lang);
        hit.published = article->published;
        hit.updated = article->updated;
        hit.views = article->views;
      }
      if (request.explain) hit.explanation = explain(h, text_query, plan, ranking, doc);
      results.hits.push_back(std::move(hit));
    }
    return results;
  }

  // How large a pool should be to reach text scores below `threshold`, the
  // least text score an article outside the pool needs to matter: the
  // decline of the pool's lower half, extrapolated, and doubled for safety;
  // within 4x and 16x the pool. (A fixed 4x needed three passes for a rare
  // word paired with a very common one, whose articles tie on text; a fixed
  // 16x cut the 100k p99 by a third but raised it at 10k: bench/README.md.)
  static std::size_t next_pool_size(std::size_t pool, double middle_text, double last_text, double threshold) {
    std::size_t low = pool * kTextFirstRetryFactor, high = pool * kTextFirstRetryFactor * kTextFirstRetryFactor;
    double ranks = static_cast<double>(pool - 1 - pool / 2);
    double decline_per_rank = ranks > 0 ? (middle_text - last_text) / ranks : 0;
    if (!(decline_per_rank > 0)) return high;
    double more = 2 * (last_text - threshold) / decline_per_rank;
    if (!(more < static_cast<double>(high))) return high;
    return std::clamp(pool + static_cast<std::size_t>(std::max(more, 0.0)), low, high);
  }

  // Ranks by text alone, then adds the boosts to a pool of the best text
  // matches. The boosts are small next to the text (together at most
  // `max_boost`, detail::max_boost()), so this is the exact top `need` of the
  // full formula whenever the pool holds every match, or the last wanted
  // hit's final score beats the pool's lowest text score plus max_boost: no
  // article outside the pool can then reach it. Sets the estimate; on success
  // fills `ranked` with hits offset..need-1, otherwise sets `next_pool`
  // (next_pool_size()) and returns false. REQUIRES: the boosts' tables in
  // memory (detail::boosts_of()).
  static bool rank_text_first(Xapian::Database& db, const Xapian::Query& text, const detail::BoostPlan& plan,
                              const RankingOptions& ranking, std::size_t offset, std::size_t need, std::size_t pool,
                              double max_boost, const detail::BoostTables& tables, std::vector<Ranked>& ranked,
                              SearchResults& results, std::size_t& next_pool) {
    Xapian::Enquire enquire(db);
    enquire.set_query(text);
    enquire.set_weighting_scheme(bm25(ranking));
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(pool));
    std::vector<Ranked> candidates;
    candidates.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) candidates.push_back({*it, it.get_weight()});
    bool every_match = mset.size() < pool;
    // The text scores halfway down the pool (for sizing the next pool) and at its end.
    double middle_text = candidates.empty() ? 0.0 : candidates[candidates.size() / 2].weight;
    double last_text = candidates.empty() ? 0.0 : candidates.back().weight;
    double unseen_bound = candidates.empty() ? 0.0 : last_text + max_boost;
    std::sort(candidates.begin(), candidates.end(), [](const Ranked& a, const Ranked& b) { return a.docid < b.docid; });
    std::vector<Xapian::docid> docids;
    docids.reserve(candidates.size());
    for (const Ranked& c : candidates) docids.push_back(c.docid);
    std::vector<double> boosts = detail::boosts_of(plan, docids, tables);
    for (std::size_t i = 0; i < candidates.size(); ++i) candidates[i].weight += boosts[i];
    std::sort(candidates.begin(), candidates.end(), ranks_before);
    // The boosts do not change which articles match, so the text query's
    // estimate stands for the full query's (exact when the pool holds every
    // match; like any Xapian estimate, it otherwise depends on pruning).
    results.total_estimate = mset.get_matches_estimated();
    if (!every_match && !(candidates[need - 1].weight > unseen_bound)) {
      next_pool = next_pool_size(candidates.size(), middle_text, last_text, candidates[need - 1].weight - max_boost);
      return false;
    }
    std::size_t first = std::min(offset, candidates.size()), end = std::min(need, candidates.size());
    ranked.assign(candidates.begin() + static_cast<std::ptrdiff_t>(first),
                  candidates.begin() + static_cast<std::ptrdiff_t>(end));
    return true;
  }

  // Scores each part of the text query alone on this one article (same
  // weighting scheme, same collection statistics), and recomputes the boosts
  // from the stored values: a check of the combined score, not a copy of it.
  static Explanation explain(Handle& h, const detail::TextQuery& text, const detail::BoostPlan& plan,
                             const RankingOptions& ranking, const Xapian::Document& doc) {
    Explanation e;
    Xapian::Query only_this(detail::schema::id_term(doc.get_value(detail::schema::kIdSlot)));
    auto part_score = [&](const Xapian::Query& part) {
      Xapian::Enquire enquire(h.db);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, part, only_this));
      enquire.set_weighting_scheme(bm25(ranking));
      Xapian::MSet m = enquire.get_mset(0, 1);
      return m.empty() ? 0.0 : m.begin().get_weight();
    };
    e.title_bm25 = part_score(text.title.query());
    e.body_bm25 = part_score(text.body.query());
    if (!text.proximity.empty()) e.proximity_bonus = part_score(text.proximity.query());
    if (!text.coordination.empty()) e.coordination_bonus = part_score(text.coordination.query());
    detail::explain_boosts(doc, plan, e);
    e.final_score =
        e.title_bm25 + e.body_bm25 + e.proximity_bonus + e.coordination_bonus + e.recency_boost + e.popularity_boost;
    return e;
  }

  // Which database, at which revision, a handle reads: tables built from
  // another database (an index directory replaced underneath) never match.
  struct Snapshot {
    std::string uuid;
    Xapian::rev revision = 0;
    template <typename Table>
    bool holds(const Table& t) const {
      return t.uuid() == uuid && t.revision() == revision;
    }
    template <typename Table>
    bool supersedes(const Table& t) const {
      return t.uuid() != uuid || t.revision() < revision;
    }
  };

  static std::optional<Snapshot> snapshot_of(const Xapian::Database& db) {
    std::optional<Xapian::rev> revision = revision_of(db);
    if (!revision) return std::nullopt;
    return Snapshot{db.get_uuid(), *revision};
  }

  // The id table of `h`'s current revision, shared by all handles; rebuilt
  // when a handle first sees a newer revision. Null for a backend without
  // revisions (a remote or a sharded database in Xapian 1.4): ids are then
  // read per hit.
  std::shared_ptr<const detail::IdTable> ids_for(Handle& h) {
    std::optional<Snapshot> now = snapshot_of(h.db);
    if (!now) return nullptr;
    if (h.ids && now->holds(*h.ids)) return h.ids;
    return h.ids = current_table(ids_, *now, [&] {
             return std::make_shared<const detail::IdTable>(h.db, detail::schema::kIdSlot,
                                                            [](const std::string& v) { return v; });
           });
  }

  // The values of `slot` at `h`'s current revision, shared by all handles;
  // rebuilt when a handle first sees a newer revision. Null where the
  // database has no revisions (remote or sharded): the value streams serve.
  std::shared_ptr<const detail::ValueTable> values_for(Handle& h, Xapian::valueno slot) {
    std::optional<Snapshot> now = snapshot_of(h.db);
    if (!now) return nullptr;
    std::shared_ptr<const detail::ValueTable>* cell = nullptr;
    {
      std::lock_guard lock(mutex_);
      cell = &values_[slot];  // std::map keeps element addresses stable
    }
    return current_table(*cell, *now, [&] {
      return std::make_shared<const detail::ValueTable>(
          h.db, slot, [](const std::string& v) { return Xapian::sortable_unserialise(v); });
    });
  }

  // Every article's length at `h`'s current revision, shared by all handles;
  // null where the database has no revisions (remote or sharded).
  std::shared_ptr<const detail::DocLengthTable> lengths_for(Handle& h) {
    std::optional<Snapshot> now = snapshot_of(h.db);
    if (!now) return nullptr;
    return current_table(lengths_, *now, [&] { return std::make_shared<const detail::DocLengthTable>(h.db); });
  }

  // `shared` if it holds `now`, else a table freshly read by `read`, kept
  // in `shared` unless a newer one got there first. `shared` is read and
  // written under mutex_; the read happens outside it.
  template <typename Table, typename Read>
  std::shared_ptr<const Table> current_table(std::shared_ptr<const Table>& shared, const Snapshot& now, Read read) {
    {
      std::lock_guard lock(mutex_);
      if (shared && now.holds(*shared)) return shared;
    }
    std::shared_ptr<const Table> fresh = read();
    std::lock_guard lock(mutex_);
    if (!shared || now.supersedes(*shared)) shared = fresh;
    return fresh;
  }

  std::string path_;
  SearcherOptions options_;
  std::mutex mutex_;
  std::shared_ptr<const detail::IdTable> ids_;                                   // newest table built
  std::map<Xapian::valueno, std::shared_ptr<const detail::ValueTable>> values_;  // newest per slot
  std::shared_ptr<const detail::DocLengthTable> lengths_;                        // newest table built
  std::vector<std::unique_ptr<Handle>> idle_;
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

Result<Searcher> Searcher::open(std::string_view path_view, SearcherOptions options) {
  std::string path(path_view);
  try {
    auto impl = std::make_unique<Impl>(path, options);
    auto handle = std::make_unique<Handle>(path);
    bool fresh = false;
    if (Status s = detail::schema::check_compatible(handle->db, handle->analyzer, &fresh); !s.ok()) {
      return Status(s.code(), fmt::format("{}: {}", path, s.message()));
    }
    if (fresh) return Status::unsupported(fmt::format("{}: not a faqsearch index (no format version)", path));
    handle->refresh();
    impl->release(std::move(handle));
    return Searcher(std::move(impl));
  } catch (...) {
    return detail::status_from_current_exception(path);
  }
}

Result<SearchResults> Searcher::search(const SearchRequest& request) const {
  if (Status s = validate_request(request); !s.ok()) return s;
  return impl_->with_handle<SearchResults>([&](Handle& h) { return impl_->run(h, request); });
}

Result<Article> Searcher::get_article(std::string_view id) const {
  return impl_->with_handle<Article>([&](Handle& h) -> Result<Article> {
    std::string term = detail::schema::id_term(id);
    Xapian::PostingIterator it = h.db.postlist_begin(term);
    if (it == h.db.postlist_end(term)) {
      return Status::not_found(fmt::format("{}: no article with id \"{}\"", impl_->path_, id));
    }
    return detail::schema::read_document(h.db.get_document(*it), /*with_body=*/true);
  });
}

Result<std::uint64_t> Searcher::article_count() const {
  return impl_->with_handle<std::uint64_t>([](Handle& h) { return std::uint64_t{h.db.get_doccount()}; });
}

}  // namespace faqsearch

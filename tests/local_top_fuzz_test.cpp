// top_locally() against match_locally() sorted, fuzzed: random indexes
// (small and medium, many ties, deletions, wdf 0 terms, articles without
// terms, a BM25 bound reached exactly) and random clause trees of the
// shapes the walk takes (an OR under scalings, a filter of several kinds,
// boosts as an AND_MAYBE's optional side), with synonyms sharing terms with
// other parts; BM25 parameters varied, with and without the termfreq memo.
// Then the cases the fuzz found: negative table entries, k1 = 0 with a
// term scaled by 0, and the estimate when whole fields are weighed in full.
// FAQSEARCH_FUZZ_ROUNDS=N runs N rounds (one takes a few seconds).
#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <limits>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "search/clause.h"
#include "search/local_match.h"
#include "search/local_top.h"
#include "search/slot_table.h"
#include "search/term_frequencies.h"
#include "support/temp_dir.h"

using faqsearch::detail::Clause;
using faqsearch::detail::DocLengthTable;
using faqsearch::detail::LocalScratch;
using faqsearch::detail::LocalTop;
using faqsearch::detail::Scored;
using faqsearch::detail::SourceWeight;
using faqsearch::detail::TermFrequencies;
using faqsearch::detail::ValueTable;
using faqsearch::testing::TempDir;

namespace {

double decode(const std::string& v) { return Xapian::sortable_unserialise(v); }

constexpr int kVocab = 8;
std::string w(int i) { return "w" + std::to_string(i); }

struct RIndex {
  TempDir dir;
  std::string path = dir / "db";
  Xapian::Database db;
  std::shared_ptr<const ValueTable> title, value, coarse;
  std::unique_ptr<DocLengthTable> lengths;
  LocalScratch scratch;
  std::shared_ptr<const std::vector<double>> by_length =
      std::make_shared<const std::vector<double>>(std::vector<double>{3.0, 2.5, 2.0, 1.6, 1.3, 1.1, 1.0});

  RIndex(unsigned seed, unsigned articles, bool deletions, bool coarse_values, bool uniform = false,
         bool tight = false) {
    Xapian::WritableDatabase wdb(path, Xapian::DB_CREATE_OR_OVERWRITE);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> unit(0, 1);
    for (unsigned i = 1; i <= articles; ++i) {
      Xapian::Document doc;
      if (tight) {
        // One term per article, wdf = the article's length: BM25's bound is reached exactly.
        doc.add_term(w(std::min(kVocab - 1, static_cast<int>(-std::log(unit(rng) + 1e-12) / 0.5))), 3);
        if (unit(rng) < 0.3) doc.add_boolean_term("K");
        doc.add_value(0, Xapian::sortable_serialise(1 + static_cast<int>(unit(rng) * 2)));
        doc.add_value(1, Xapian::sortable_serialise(0.5));
        doc.add_value(2, Xapian::sortable_serialise(1));
        wdb.add_document(doc);
        continue;
      }
      if (uniform) {
        for (int t = 0; t < kVocab; ++t) {
          if (unit(rng) < 0.5)
            doc.add_term(w(t), 1);
          else
            doc.add_term("pad" + std::to_string(t), 1);
        }
        if (unit(rng) < 0.3) doc.add_boolean_term("K");
        doc.add_value(0, Xapian::sortable_serialise(static_cast<int>(unit(rng) * 3)));
        doc.add_value(1, Xapian::sortable_serialise(0.5 * static_cast<int>(unit(rng) * 2)));
        doc.add_value(2, Xapian::sortable_serialise(static_cast<int>(unit(rng) * 2)));
        wdb.add_document(doc);
        continue;
      }
      if (unit(rng) < 0.9) doc.add_term("filler", 1 + static_cast<Xapian::termcount>(unit(rng) * 10));
      for (int t = 0; t < kVocab; ++t) {
        if (unit(rng) > std::pow(0.6, t)) continue;
        // wdf 0 sometimes (a boolean term): sumpart 0
        Xapian::termcount wdf = unit(rng) < 0.1 ? 0 : 1 + static_cast<Xapian::termcount>(unit(rng) * 3);
        doc.add_term(w(t), wdf);
      }
      if (unit(rng) < 0.3) doc.add_boolean_term("K");
      if (unit(rng) < 0.006) doc.add_term("r" + std::to_string(static_cast<int>(unit(rng) * 3)), 2);
      int tl = static_cast<int>(unit(rng) * 4);  // 0: the sparse title source skips it
      doc.add_value(0, Xapian::sortable_serialise(tl));
      if (unit(rng) < 0.8) {
        double v = coarse_values ? 0.25 * static_cast<int>(unit(rng) * 3) : unit(rng);
        doc.add_value(1, Xapian::sortable_serialise(v));
      }
      doc.add_value(2, Xapian::sortable_serialise(static_cast<int>(unit(rng) * 2)));
      wdb.add_document(doc);
    }
    if (deletions) {
      for (unsigned i = 3; i <= articles; i += 5) wdb.delete_document(i);
      wdb.delete_document(articles);
    }
    wdb.commit();
    db = Xapian::Database(path);
    title = std::make_shared<const ValueTable>(db, 0, decode);
    value = std::make_shared<const ValueTable>(db, 1, decode);
    coarse = std::make_shared<const ValueTable>(db, 2, decode);
    lengths = std::make_unique<DocLengthTable>(db);
  }
};

Clause source(SourceWeight sw) { return Clause::source((new Xapian::FixedWeightPostingSource(0))->release(), sw); }

struct Gen {
  RIndex& ix;
  std::mt19937 rng;
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
  double factor() { return std::vector<double>{0.0, 0.1, 0.5, 1.0, 1.0, 2.0, 3.0, 1.0 / 3}[pick(8)]; }
  std::string term() {
    int r = pick(10);
    if (r == 0) return "K";
    if (r == 1) return pick(2) ? "none" : "r" + std::to_string(pick(3));
    return w(pick(kVocab));
  }
  std::vector<Clause> terms(int n) {
    std::vector<Clause> out;
    for (int i = 0; i < n; ++i) out.push_back(Clause::term(term()));
    return out;
  }
  Clause dense_source() {
    switch (pick(5)) {
      case 0:
        return source(SourceWeight{0, ix.title, ix.by_length, true});  // sparse title
      case 1:
        return source(SourceWeight{0, ix.value, nullptr, false});
      case 2:
        return source(SourceWeight{0, ix.coarse, nullptr, false});
      case 3:
        return source(SourceWeight{0.25 * pick(4), nullptr, nullptr, false});
      default:
        return Clause::scale(source(SourceWeight{0, ix.title, nullptr, pick(2) == 0}), factor());
    }
  }
  Clause dense() {
    if (pick(3) == 0) return Clause::any({dense_source(), dense_source()});
    return dense_source();
  }
  // A part of the OR the walk takes apart (or weighs in full).
  Clause leaf() {
    switch (pick(9)) {
      case 0: {
        std::set<std::string> s;
        int n = 2 + pick(2);
        for (int i = 0; i < n; ++i) s.insert(term());
        return Clause::synonym(s);
      }
      case 1:
        return Clause::filter(dense(), pick(2) ? Clause::term(term()) : Clause::any(terms(1 + pick(3))));
      case 2:
        return Clause::all({Clause::term(term()), Clause::term(term())});
      case 3:
        return Clause::maybe(Clause::term(term()), pick(2) ? Clause::term(term()) : dense());
      case 4:
        return Clause::filter(Clause::term(term()), pick(2) ? Clause::term(term()) : dense());
      default:
        return Clause::term(term());
    }
  }
  Clause orpart(int depth) {
    if (depth == 0 || pick(3) == 0) {
      Clause l = leaf();
      return pick(4) == 0 ? Clause::scale(std::move(l), factor()) : l;
    }
    std::vector<Clause> c;
    int n = 2 + pick(4);
    for (int i = 0; i < n; ++i) c.push_back(orpart(depth - 1));
    Clause a = Clause::any(std::move(c));
    return pick(4) == 0 ? Clause::scale(std::move(a), factor()) : a;
  }
  Clause condition() {
    switch (pick(5)) {
      case 0:
        return Clause::term(term());
      case 1:
        return Clause::any(terms(2));
      case 2:
        return dense();
      case 3:
        return Clause::all({Clause::term(term()), Clause::any(terms(2))});
      default:
        return Clause::synonym({term(), term()});
    }
  }
  Clause query() {
    Clause q = orpart(2);
    if (pick(3) == 0) q = Clause::scale(std::move(q), factor());
    if (pick(3) == 0) q = Clause::filter(std::move(q), condition());
    if (pick(4) == 0) q = Clause::scale(std::move(q), factor());
    if (pick(3) != 0) q = Clause::maybe(std::move(q), pick(3) ? Clause::any({dense(), dense()}) : dense());
    return q;
  }
};

struct Outcome {
  int cases = 0, walked = 0, failures = 0, wild = 0;
  double lo = 1e9, hi = 0;
};

// The first rank at which `got` differs from `all` (docid, or weight bit for
// bit), if any; got.size() if `all` has more there.
std::optional<std::size_t> first_difference(const std::vector<Scored>& got, const std::vector<Scored>& all,
                                            std::size_t k) {
  if (got.size() != std::min(k, all.size())) return std::min(got.size(), all.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (got[i].docid != all[i].docid || std::memcmp(&got[i].weight, &all[i].weight, sizeof(double)) != 0) return i;
  }
  return std::nullopt;
}

void compare(RIndex& ix, const Clause& clause, std::size_t k, double k1, double b, bool memo, Outcome& out) {
  std::vector<Scored> all = faqsearch::detail::match_locally(clause, {ix.db, *ix.lengths, k1, b}, ix.scratch);
  std::stable_sort(all.begin(), all.end(), faqsearch::detail::ranks_before);
  TermFrequencies freq(ix.db);
  LocalTop top =
      faqsearch::detail::top_locally(clause, {ix.db, *ix.lengths, k1, b, memo ? &freq : nullptr}, ix.scratch, k, 0);
  ++out.cases;
  if (!top.exact) ++out.walked;
  std::optional<std::size_t> bad = first_difference(top.hits, all, k);
  bool ok = !bad;
  if (top.exact && top.matches != all.size()) ok = false;
  if (!top.exact && !all.empty()) {
    double r = static_cast<double>(top.matches) / static_cast<double>(all.size());
    out.lo = std::min(out.lo, r);
    out.hi = std::max(out.hi, r);
    if (r < 0.05 || r > 3.5) {
      if (++out.wild <= 3)
        std::printf("WILD estimate %u for %zu (k=%zu, doccount %u)\n  %s\n", top.matches, all.size(), k,
                    ix.db.get_doccount(), clause.query().get_description().c_str());
    }
  }
  if (!top.exact && (top.matches < top.hits.size() || top.matches > ix.db.get_doccount())) ok = false;
  // Without the walk: every match weighed (the boosts read only where they may count).
  LocalTop weighed = faqsearch::detail::top_locally(clause, {ix.db, *ix.lengths, k1, b}, ix.scratch, k,
                                                    std::numeric_limits<Xapian::doccount>::max());
  std::optional<std::size_t> bad_weighed = first_difference(weighed.hits, all, k);
  if (!weighed.exact || weighed.matches != all.size() || bad_weighed) ok = false;
  if (!ok) {
    ++out.failures;
    if (out.failures <= 5) {
      std::printf("MISMATCH k=%zu k1=%g b=%g exact=%d matches=%u all=%zu hits=%zu\n  %s\n", k, k1, b, top.exact,
                  top.matches, all.size(), top.hits.size(), clause.query().get_description().c_str());
      auto report = [&](const char* name, const std::vector<Scored>& got, std::optional<std::size_t> at) {
        if (!at || *at >= got.size() || *at >= all.size()) return;
        std::printf("  at %zu: %s (%u, %.17g) all (%u, %.17g)\n", *at, name, got[*at].docid, got[*at].weight,
                    all[*at].docid, all[*at].weight);
      };
      report("walked", top.hits, bad);
      report("weighed in full", weighed.hits, bad_weighed);
    }
  }
}

}  // namespace

// Calls visit(index, rng) for random indexes of each of `sizes` articles,
// with and without deletions, in four shapes of values; FAQSEARCH_FUZZ_ROUNDS
// times (default 1). Index i is built from seed + i, its rng seeded with
// (seed + i + 1) * rng_factor.
template <typename Visit>
void over_random_indexes(std::initializer_list<unsigned> sizes, int seed, unsigned rng_factor, Visit visit) {
  int rounds = std::getenv("FAQSEARCH_FUZZ_ROUNDS") ? std::atoi(std::getenv("FAQSEARCH_FUZZ_ROUNDS")) : 1;
  for (int round = 0; round < rounds; ++round) {
    for (unsigned articles : sizes) {
      for (bool deletions : {false, true}) {
        for (int coarse : {0, 1, 2, 3}) {
          RIndex ix(static_cast<unsigned>(seed++), articles, deletions, coarse != 0, coarse == 2, coarse == 3);
          visit(ix, std::mt19937(static_cast<unsigned>(seed) * rng_factor));
        }
      }
    }
  }
}

TEST_CASE("top_locally fuzzed against match_locally: the same best k, bit for bit") {
  Outcome out;
  over_random_indexes({30u, 200u, 1200u}, 100, 7, [&](RIndex& ix, std::mt19937 rng) {
    Gen g{ix, rng};
    for (int i = 0; i < 250; ++i) {
      Clause q = g.query();
      if (q.empty() || !q.local()) continue;
      std::size_t count = faqsearch::detail::match_locally(q, {ix.db, *ix.lengths, 1.2, 0.75}, ix.scratch).size();
      std::vector<std::size_t> ks{
          1, 2, 3, 10, count > 0 ? count - 1 : 1, count, count + 1, 1 + static_cast<std::size_t>(g.pick(40))};
      double k1 = 1.2, b = 0.75;
      int p = g.pick(6);
      if (p == 0) k1 = 0.5;
      if (p == 1) b = 0;
      if (p == 2) b = 1, k1 = 2;
      bool memo = g.pick(2) == 0;
      for (std::size_t k : ks) {
        if (k == 0) continue;
        compare(ix, q, k, k1, b, memo, out);
      }
    }
  });
  CHECK(out.failures == 0);
  CHECK(out.walked > out.cases / 10);  // the walk did skip, often
}

namespace {
Clause title_of(RIndex& ix, std::vector<std::string> terms, double factor) {
  std::vector<Clause> any;
  for (const std::string& t : terms) any.push_back(Clause::term(t));
  return Clause::scale(
      Clause::filter(source(SourceWeight{0, ix.title, ix.by_length, true}), Clause::any(std::move(any))), factor);
}
}  // namespace

TEST_CASE("top_locally: the estimate when whole fields are weighed in full (AND_MAYBEs)") {
  RIndex ix(7, 1200, false, false);
  // The builder's field parts when a query has stop characters: each field
  // an AND_MAYBE, weighed in full by the walk; no coordination (one word, or weight 0).
  for (std::vector<int> words : {std::vector<int>{0}, std::vector<int>{1}, std::vector<int>{0, 1},
                                 std::vector<int>{1, 2}, std::vector<int>{0, 3}}) {
    std::vector<Clause> titles, bodies;
    for (int t : words) titles.push_back(title_of(ix, {w(t)}, 1.0));
    for (int t : words) bodies.push_back(Clause::term(w(t)));
    Clause text =
        Clause::any({Clause::scale(Clause::maybe(Clause::any(std::move(titles)), title_of(ix, {w(5)}, 0.3)), 3.0),
                     Clause::maybe(Clause::any(std::move(bodies)), Clause::scale(Clause::term(w(5)), 0.3))});
    Clause q = Clause::maybe(text, Clause::any({source(SourceWeight{0, ix.value, nullptr, false})}));
    std::size_t count = faqsearch::detail::match_locally(q, {ix.db, *ix.lengths, 1.2, 0.75}, ix.scratch).size();
    for (std::size_t k : {1, 10}) {
      LocalTop top = faqsearch::detail::top_locally(q, {ix.db, *ix.lengths, 1.2, 0.75}, ix.scratch, k, 0);
      CHECK(top.matches >= count / 2);
    }
  }
  // Every weight 0 (a field weight of 0): after k articles nothing can enter.
  Clause zero = Clause::scale(Clause::all({Clause::term(w(0)), Clause::term(w(1))}), 0.0);
  std::size_t count = faqsearch::detail::match_locally(zero, {ix.db, *ix.lengths, 1.2, 0.75}, ix.scratch).size();
  LocalTop top = faqsearch::detail::top_locally(zero, {ix.db, *ix.lengths, 1.2, 0.75}, ix.scratch, 10, 0);
  CHECK(top.matches >= count / 2);
}

TEST_CASE("top_locally: negative table entries are weighed in full, not pruned") {
  TempDir dir;
  std::string path = dir / "db";
  {
    Xapian::WritableDatabase wdb(path, Xapian::DB_CREATE_OR_OVERWRITE);
    for (double v : {-1.0000000005, -1.0}) {
      Xapian::Document doc;
      doc.add_term("a", 1);
      doc.add_value(1, Xapian::sortable_serialise(v));
      wdb.add_document(doc);
    }
    wdb.commit();
  }
  Xapian::Database db(path);
  auto table = std::make_shared<const ValueTable>(db, 1, decode);
  DocLengthTable lengths(db);
  LocalScratch scratch;
  Clause q = Clause::maybe(Clause::scale(Clause::term("a"), 0.0), source(SourceWeight{0, table, nullptr, false}));
  std::vector<Scored> all = faqsearch::detail::match_locally(q, {db, lengths, 1.2, 0.75}, scratch);
  std::sort(all.begin(), all.end(), faqsearch::detail::ranks_before);
  LocalTop top = faqsearch::detail::top_locally(q, {db, lengths, 1.2, 0.75}, scratch, 1, 0);
  REQUIRE(top.hits.size() == 1);
  CHECK(all[0].docid == 2);
  CHECK(top.hits[0].docid == all[0].docid);
}

TEST_CASE("top_locally: k1 = 0 and a term of wdf 0 scaled by 0 weigh 0, not NaN") {
  TempDir dir;
  std::string path = dir / "db";
  {
    Xapian::WritableDatabase wdb(path, Xapian::DB_CREATE_OR_OVERWRITE);
    for (int i = 0; i < 3; ++i) {
      Xapian::Document doc;
      doc.add_term("a", 1 + static_cast<Xapian::termcount>(i));
      doc.add_boolean_term("K");
      wdb.add_document(doc);
    }
    wdb.commit();
  }
  Xapian::Database db(path);
  DocLengthTable lengths(db);
  LocalScratch scratch;
  Clause q = Clause::any({Clause::term("a"), Clause::scale(Clause::term("K"), 0.0)});
  std::vector<Scored> all = faqsearch::detail::match_locally(q, {db, lengths, 0.0, 0.75}, scratch);
  std::sort(all.begin(), all.end(), faqsearch::detail::ranks_before);
  LocalTop top = faqsearch::detail::top_locally(q, {db, lengths, 0.0, 0.75}, scratch, 3, 0);
  REQUIRE(top.hits.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CAPTURE(i);
    CHECK(top.hits[i].docid == all[i].docid);
    CHECK(top.hits[i].weight == all[i].weight);
  }
}

namespace {
// The builder's shapes with coordination shares, varied: each word a title
// part (a sparse title source, with or without by_entry, over its title
// terms), a body part (a term or a synonym), and a constant over any of
// its terms, sometimes nested, sometimes over a subset or a superset, twice,
// or with words sharing terms; zero factors; boosts read through steps.
struct CoordGen {
  RIndex& ix;
  std::mt19937 rng;
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
  double factor() { return std::vector<double>{0.0, 0.3, 1.0, 1.0, 2.0, 3.0}[pick(6)]; }
  std::string term() {
    int r = pick(12);
    if (r == 0) return "K";
    if (r == 1) return "none";
    return w(pick(kVocab));
  }
  std::vector<std::string> terms() {
    std::set<std::string> s;
    int n = 1 + pick(3);
    for (int i = 0; i < n; ++i) s.insert(term());
    return {s.begin(), s.end()};
  }
  static Clause any_of(const std::vector<std::string>& ts) {
    std::vector<Clause> c;
    for (const auto& t : ts) c.push_back(Clause::term(t));
    return Clause::any(std::move(c));
  }
  Clause title_source() {
    switch (pick(3)) {
      case 0:
        return source(SourceWeight{0, ix.title, ix.by_length, true});
      case 1:
        return source(SourceWeight{0, ix.title, nullptr, true});
      default:
        return source(SourceWeight{0, ix.value, nullptr, pick(2) == 0});
    }
  }
  Clause constant(double c) {
    return pick(4) == 0
               ? Clause::any({source(SourceWeight{c, nullptr, nullptr}), source(SourceWeight{c / 2, nullptr, nullptr})})
               : source(SourceWeight{c, nullptr, nullptr});
  }
  Clause query() {
    std::vector<Clause> titles, bodies, coords, extra;
    int words = 1 + pick(4);
    double share = std::vector<double>{0.0, 0.25, 0.75, 1.0 / 3}[pick(4)];
    for (int i = 0; i < words; ++i) {
      std::vector<std::string> t = terms(), b = terms();
      double f = pick(5) == 0 ? 0.0 : 1.0;
      bool has_title = pick(5) != 0, has_body = pick(5) != 0;
      if (has_title) titles.push_back(Clause::scale(Clause::filter(title_source(), any_of(t)), f * factor()));
      if (has_body) {
        Clause body = b.size() == 1 || pick(3) == 0 ? Clause::term(b[0]) : Clause::synonym({b.begin(), b.end()});
        if (b.size() > 1 && pick(4) == 0) body = any_of(b);  // each term its own BM25 part
        bodies.push_back(f == 1.0 ? body : Clause::scale(body, f));
      }
      std::vector<std::string> ct, cb;
      if (has_title) ct = t;
      if (has_body) cb = (b.size() == 1 || pick(3) != 0) ? b : std::vector<std::string>{b[0]};  // subset sometimes
      if (pick(6) == 0) cb.push_back(term());                                                   // a superset sometimes
      std::vector<Clause> m;
      if (!ct.empty()) m.push_back(any_of(ct));
      if (!cb.empty()) m.push_back(any_of(cb));
      if (m.empty()) continue;
      Clause cond = Clause::any(std::move(m));
      if (pick(3) == 0) {  // flat
        std::vector<std::string> all = ct;
        all.insert(all.end(), cb.begin(), cb.end());
        cond = any_of(all);
      }
      coords.push_back(Clause::filter(constant(share), cond));
      if (pick(6) == 0) coords.push_back(Clause::filter(constant(share), cond));  // twice
      if (pick(8) == 0) extra.push_back(Clause::term(term()));
    }
    std::vector<Clause> text;
    auto field = [&](std::vector<Clause> c, double f) {
      if (c.empty()) return;
      Clause a = Clause::any(std::move(c));
      text.push_back(f == 1.0 ? a : Clause::scale(a, f));
    };
    if (pick(2) == 0) {  // fields scaled apart, as the builder does
      field(std::move(titles), 3.0);
      field(std::move(bodies), 1.0);
      field(std::move(coords), pick(4) == 0 ? 0.0 : 1.5);
      field(std::move(extra), 1.0);
    } else {  // one flat OR, parts interleaved
      std::vector<Clause> all;
      for (auto* v : {&coords, &titles, &bodies, &extra})
        for (auto& c : *v) all.push_back(c);
      std::shuffle(all.begin(), all.end(), rng);
      field(std::move(all), 1.0);
    }
    if (text.empty()) return Clause();
    Clause q = Clause::any(std::move(text));
    if (pick(4) == 0) q = Clause::filter(std::move(q), Clause::term(pick(2) ? "K" : w(0)));
    if (pick(4) != 0) {
      Clause boosts =
          Clause::any({pick(5) == 0 ? source(SourceWeight{0, ix.title, ix.by_length, true})
                                    : Clause::scale(source(SourceWeight{0, ix.value, nullptr, false}), factor()),
                       Clause::scale(source(SourceWeight{0, ix.coarse, nullptr, false}), factor())});
      q = Clause::maybe(std::move(q), boosts);
    }
    return q;
  }
};
}  // namespace

TEST_CASE("top_locally fuzzed: coordination shares decided by their words' parts") {
  Outcome out;
  over_random_indexes({40u, 300u, 1500u}, 5000, 13, [&](RIndex& ix, std::mt19937 rng) {
    CoordGen g{ix, rng};
    for (int i = 0; i < 200; ++i) {
      Clause q = g.query();
      if (q.empty() || !q.local()) continue;
      std::size_t count = faqsearch::detail::match_locally(q, {ix.db, *ix.lengths, 1.2, 0.75}, ix.scratch).size();
      std::vector<Scored> probe = faqsearch::detail::match_locally(q, {ix.db, *ix.lengths, 0.0, 0.75}, ix.scratch);
      bool nan_at_k1_0 = std::any_of(probe.begin(), probe.end(), [](const Scored& s) { return std::isnan(s.weight); });
      for (std::size_t k : {std::size_t{1}, std::size_t{2}, std::size_t{5}, std::size_t{20}, count, count + 1}) {
        if (k == 0) continue;
        double k1 = 1.2, b = 0.75;
        int p = g.pick(5);
        if (p == 0 && !nan_at_k1_0) k1 = 0;  // k1 = 0 with a wdf of 0: NaN, which orders nothing
        if (p == 1) b = 0;
        if (p == 2) b = 1, k1 = 2;
        compare(ix, q, k, k1, b, g.pick(2) == 0, out);
      }
    }
  });
  CHECK(out.failures == 0);
  MESSAGE("cases " << out.cases << " walked " << out.walked);
}

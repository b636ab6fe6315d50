// top_locally() against match_locally()'s every match, sorted: the best k
// must be the same articles with the same weights, bit for bit, whatever
// the walk skipped. The index is large enough (1,500 articles, words of
// very different frequencies) for whole clauses to stop driving the walk.
#include "search/local_top.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "search/clause.h"
#include "search/local_match.h"
#include "search/slot_table.h"
#include "search/stored_value_source.h"
#include "search/title_source.h"
#include "support/temp_dir.h"

using faqsearch::detail::Clause;
using faqsearch::detail::DocLengthTable;
using faqsearch::detail::LocalScratch;
using faqsearch::detail::LocalTop;
using faqsearch::detail::Scored;
using faqsearch::detail::SourceWeight;
using faqsearch::detail::ValueTable;
using faqsearch::testing::TempDir;

namespace {

constexpr Xapian::valueno kTitleLengthSlot = 0;  // 0 for some articles: the title source skips them
constexpr Xapian::valueno kRecencySlot = 1;
constexpr Xapian::valueno kPopularitySlot = 2;
constexpr Xapian::valueno kZeroedTitleSlot = 3;  // the title length, but 0 in every fifth article
constexpr unsigned kArticles = 1500;
constexpr int kWords = 12;  // w0 (in most articles) .. w11 (in a few)

double decode(const std::string& v) { return Xapian::sortable_unserialise(v); }

std::string word(int i) { return "w" + std::to_string(i); }

// Each article has word i in its body ("b" + word) with probability about
// 0.7^i, some in its title too ("t" + word), with wdf 1 to 4 and lengths
// that vary; pairs ("p" + two words) in a few. With `deletions`, every
// ninth article is deleted afterwards.
void build(const std::string& path, bool deletions, unsigned seed) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0, 1);
  for (unsigned i = 1; i <= kArticles; ++i) {
    Xapian::Document doc;
    doc.add_term("filler", 1 + static_cast<Xapian::termcount>(unit(rng) * 20));
    int title_words = 0;
    for (int w = 0; w < kWords; ++w) {
      if (unit(rng) > std::pow(0.7, w)) continue;
      doc.add_term("b" + word(w), 1 + static_cast<Xapian::termcount>(unit(rng) * 4));
      if (unit(rng) < 0.15) {
        doc.add_term("t" + word(w));
        ++title_words;
      }
      if (w > 0 && unit(rng) < 0.2) doc.add_term("p" + word(w - 1) + word(w));
    }
    doc.add_value(kTitleLengthSlot, Xapian::sortable_serialise(title_words == 0 ? 0 : title_words + (i % 3)));
    doc.add_value(kZeroedTitleSlot, Xapian::sortable_serialise(title_words == 0 || i % 5 == 0 ? 0 : title_words));
    doc.add_value(kRecencySlot, Xapian::sortable_serialise(unit(rng)));
    if (i % 4 != 0) doc.add_value(kPopularitySlot, Xapian::sortable_serialise(unit(rng) * 0.5));
    if (i % 7 == 0) doc.add_boolean_term("Kfaq");
    db.add_document(doc);
  }
  if (deletions) {
    for (unsigned i = 9; i <= kArticles; i += 9) db.delete_document(i);
  }
  db.commit();
}

struct Fixture {
  TempDir dir;
  std::string path = dir / "db";
  Xapian::Database db;
  std::shared_ptr<const ValueTable> title_lengths, recency, popularity, zeroed_titles;
  std::shared_ptr<const std::vector<double>> by_length =
      std::make_shared<const std::vector<double>>(std::vector<double>{3.0, 2.5, 2.0, 1.6, 1.3, 1.1, 1.0});
  std::unique_ptr<DocLengthTable> lengths;
  LocalScratch scratch;

  explicit Fixture(bool deletions = false, unsigned seed = 1) {
    build(path, deletions, seed);
    db = Xapian::Database(path);
    title_lengths = std::make_shared<const ValueTable>(db, kTitleLengthSlot, decode);
    recency = std::make_shared<const ValueTable>(db, kRecencySlot, decode);
    popularity = std::make_shared<const ValueTable>(db, kPopularitySlot, decode);
    zeroed_titles = std::make_shared<const ValueTable>(db, kZeroedTitleSlot, decode);
    lengths = std::make_unique<DocLengthTable>(db);
  }

  // The query builder's shapes: a title clause, a coordination share, a stored value.
  // `table`: the title lengths (default) or another table of them.
  Clause title(const std::vector<std::string>& terms, double factor,
               std::shared_ptr<const ValueTable> table = nullptr) const {
    if (!table) table = title_lengths;
    std::vector<Clause> any;
    for (const std::string& t : terms) any.push_back(Clause::term(t));
    auto* source = new faqsearch::detail::TitleLengthSource(table, by_length, 3.0);
    return Clause::scale(Clause::filter(Clause::source(source->release(), SourceWeight{0, table, by_length, true}),
                                        Clause::any(std::move(any))),
                         factor);
  }
  static Clause coordination(const std::vector<std::string>& terms, double weight) {
    std::vector<Clause> any;
    for (const std::string& t : terms) any.push_back(Clause::term(t));
    auto* source = new Xapian::FixedWeightPostingSource(weight);
    return Clause::filter(Clause::source(source->release(), SourceWeight{weight, nullptr, nullptr, false}),
                          Clause::any(std::move(any)));
  }
  Clause stored(const std::shared_ptr<const ValueTable>& table, Xapian::valueno slot, double factor) const {
    auto* source = new faqsearch::detail::StoredValueSource(table, slot);
    return Clause::scale(Clause::source(source->release(), SourceWeight{0, table, nullptr, false}), factor);
  }

  // top_locally(clause, k) against every match sorted; returns whether the walk was exact.
  bool check_same(const Clause& clause, std::size_t k) {
    REQUIRE(clause.local());
    std::vector<Scored> all = faqsearch::detail::match_locally(clause, {db, *lengths, 1.2, 0.75}, scratch);
    std::sort(all.begin(), all.end(), faqsearch::detail::ranks_before);
    // walk_from 0: walk whenever the shape allows, however short the lists.
    LocalTop top = faqsearch::detail::top_locally(clause, {db, *lengths, 1.2, 0.75}, scratch, k, 0);
    CAPTURE(clause.query().get_description());
    CAPTURE(k);
    // Every match's best k, bit for bit: the same sums in the same order.
    auto check_best = [&](const std::vector<Scored>& hits) {
      REQUIRE(hits.size() == std::min(k, all.size()));
      for (std::size_t i = 0; i < hits.size(); ++i) {
        CAPTURE(i);
        CHECK(hits[i].docid == all[i].docid);
        CHECK(hits[i].weight == all[i].weight);
      }
    };
    check_best(top.hits);
    if (top.exact) {
      CHECK(top.matches == all.size());
    } else {
      CHECK(top.matches >= top.hits.size());
      CHECK(top.matches <= db.get_doccount());
      // An estimate, but not a wild one. (Here a title term is only ever in
      // articles with the body term, which the estimate, taking lists as
      // independent, cannot know: it overshoots most on small counts. On
      // e2e_bench's 100k articles it was within 7% on the queries tried.)
      CHECK(top.matches >= all.size() / 2);
      CHECK(top.matches <= all.size() * 3);
    }
    // Without the walk (no list is long enough): every match weighed, the
    // boosts read only where they may count (best_with_boosts()).
    LocalTop weighed = faqsearch::detail::top_locally(clause, {db, *lengths, 1.2, 0.75}, scratch, k,
                                                      std::numeric_limits<Xapian::doccount>::max());
    CHECK(weighed.exact);
    CHECK(weighed.matches == all.size());
    check_best(weighed.hits);
    return top.exact;
  }
};

// A query as the searcher builds one for `words`: per word a title clause,
// a body term and a coordination share; pairs of adjacent words; boosts.
// With `stop`, each field's clauses are the required side of an AND_MAYBE
// whose optional side is that field's clause for w0 at 0.3 (the builder's
// shape for a Chinese query's stop characters).
Clause builder_query(const Fixture& f, const std::vector<int>& words, bool boosts, bool filtered, double coordination,
                     bool stop = false) {
  std::vector<Clause> titles, bodies, parts;
  for (int w : words) titles.push_back(f.title({"t" + word(w)}, 1.0));
  for (int w : words) bodies.push_back(Clause::term("b" + word(w)));
  if (stop) {
    parts.push_back(Clause::scale(Clause::maybe(Clause::any(std::move(titles)), f.title({"tw0"}, 0.3)), 3.0));
    parts.push_back(Clause::maybe(Clause::any(std::move(bodies)), Clause::scale(Clause::term("bw0"), 0.3)));
  } else {
    parts.push_back(Clause::scale(Clause::any(std::move(titles)), 3.0));
    parts.push_back(Clause::any(std::move(bodies)));
  }
  for (std::size_t i = 1; i < words.size(); ++i) {
    parts.push_back(Clause::scale(Clause::term("p" + word(words[i - 1]) + word(words[i])), 0.4));
  }
  for (int w : words) parts.push_back(Fixture::coordination({"t" + word(w), "b" + word(w)}, coordination));
  Clause text = Clause::any(std::move(parts));
  if (filtered) text = Clause::filter(std::move(text), Clause::term("Kfaq"));
  if (!boosts) return text;
  return Clause::maybe(std::move(text), Clause::any({f.stored(f.recency, kRecencySlot, 0.8),
                                                     f.stored(f.popularity, kPopularitySlot, 0.5)}));
}

}  // namespace

TEST_CASE("top_locally: the builder's queries, common words and rare, give match_locally()'s best k") {
  for (bool deletions : {false, true}) {
    CAPTURE(deletions);
    Fixture f(deletions);
    std::mt19937 rng(deletions ? 12 : 11);
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    int skipped = 0, checked = 0;
    for (int i = 0; i < 120; ++i) {
      std::vector<int> words;
      int count = 1 + pick(4);
      for (int j = 0; j < count; ++j) words.push_back(pick(kWords));
      Clause clause = builder_query(f, words, pick(3) != 0, pick(4) == 0, 0.5 * pick(3), pick(2) == 0);
      for (std::size_t k : {1, 3, 10, 50}) {
        skipped += f.check_same(clause, k) ? 0 : 1;
        ++checked;
      }
    }
    // The point of the walk: most of these must have skipped something.
    CHECK(skipped > checked / 2);
  }
}

// A coordination share is decided from its word's title and body parts, not
// weighed on its own (derive_constants()): it must still match an article
// whose title source weighs nothing (an entry of 0, skipped by the sparse
// source) while its title list has the word, and count it as a match.
TEST_CASE("top_locally: a coordination share matches where its word's lists do, whatever the title weighs") {
  Fixture f;
  auto query = [&](const std::vector<int>& words, bool repeated_term) {
    std::vector<Clause> parts;
    for (int w : words) {
      std::vector<std::string> title_terms = {"t" + word(w)};
      // A clause listing a term twice: its lists count twice in the walk's reckoning.
      if (repeated_term) title_terms.push_back("t" + word(w));
      parts.push_back(f.title(title_terms, 3.0, f.zeroed_titles));
    }
    for (int w : words) parts.push_back(Clause::term("b" + word(w)));
    for (int w : words) parts.push_back(Fixture::coordination({"t" + word(w), "b" + word(w)}, 0.75));
    return Clause::any(std::move(parts));
  };
  for (const std::vector<int>& words : {std::vector<int>{0, 9}, {1, 5, 8}, {2, 4, 6, 9}, {0, 1}}) {
    for (bool repeated : {false, true}) {
      for (std::size_t k : {1, 10, 50, 2000}) f.check_same(query(words, repeated), k);
    }
  }
  // Only the title and the coordination share: an article whose entry is 0
  // matches through the share alone (weight 0.75), and is counted.
  Clause title_only = Clause::any({f.title({"tw1"}, 3.0, f.zeroed_titles), Fixture::coordination({"tw1"}, 0.75)});
  std::vector<Scored> matches = faqsearch::detail::match_locally(title_only, {f.db, *f.lengths, 1.2, 0.75}, f.scratch);
  REQUIRE(std::any_of(matches.begin(), matches.end(), [](const Scored& s) { return s.weight == 0.75; }));
  for (std::size_t k : {1, 10, 2000}) f.check_same(title_only, k);
}

TEST_CASE("top_locally: ties are broken by docid, as Xapian breaks them") {
  Fixture f;
  // Every article with w0 or w1 anywhere weighs the same fixed amount.
  Clause ties = Clause::any({Fixture::coordination({"bw0", "tw0"}, 1.0), Fixture::coordination({"bw1"}, 1.0)});
  for (std::size_t k : {1, 7, 100}) f.check_same(ties, k);
  f.check_same(Clause::maybe(ties, f.stored(f.popularity, kPopularitySlot, 0.0)), 5);
}

TEST_CASE("top_locally: k larger than the matches, k = 0, and shapes it does not walk") {
  Fixture f;
  // More wanted than there are matches: nothing can be skipped, the count is exact.
  CHECK(f.check_same(Clause::term("bw11"), 100000));
  CHECK(f.check_same(builder_query(f, {0, 11}, true, false, 0.5), kArticles * 2));
  // k = 0: only the count, exactly.
  CHECK(f.check_same(builder_query(f, {0, 1}, true, false, 0.5), 0));
  // An AND and a source under the OR (weighed in full), a synonym, a nested filter.
  f.check_same(Clause::all({Clause::term("bw0"), Clause::term("bw1")}), 10);
  f.check_same(Clause::any({Clause::term("bw3"), f.stored(f.recency, kRecencySlot, 1.0)}), 10);
  f.check_same(Clause::any({Clause::synonym({"bw2", "bw5"}), Clause::term("tw0")}), 10);
  f.check_same(Clause::any({Clause::filter(Clause::term("bw2"), Clause::term("tw3")), Clause::term("bw0")}), 10);
  // A filter whose condition is a source (dense), and one of several terms.
  f.check_same(Clause::filter(builder_query(f, {0, 4}, false, false, 0.5), f.stored(f.popularity, kPopularitySlot, 1)),
               10);
  f.check_same(
      Clause::filter(builder_query(f, {2, 3}, false, false, 0.5),
                     Clause::all({Clause::any({Clause::term("Kfaq"), Clause::term("tw2")}), Clause::term("bw0")})),
      10);
  // An optional side never makes an article match, even through a list
  // its required side shares: here the title source skips the articles
  // with no title length, which have bw3 all the same.
  Clause optional_shared =
      Clause::any({Clause::maybe(f.title({"bw3"}, 1.0), Clause::scale(Clause::term("bw3"), 4.0)), Clause::term("bw9")});
  for (std::size_t k : {1, 10, 100}) f.check_same(optional_shared, k);
  // Words no article has, beside words some have.
  f.check_same(Clause::any({Clause::term("bnone"), Clause::term("bw1"), f.title({"tnone"}, 2.0)}), 10);
  CHECK(f.check_same(Clause::term("bnone"), 10));
}

TEST_CASE("top_locally: random clause trees, walked or weighed in full, agree with match_locally") {
  Fixture f(true, 5);
  std::mt19937 rng(3);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  auto term = [&] { return Clause::term((pick(2) ? "b" : "t") + word(pick(kWords))); };
  std::function<Clause(int)> tree = [&](int depth) -> Clause {
    if (depth == 0 || pick(3) == 0) {
      switch (pick(5)) {
        case 0:
          return Clause::synonym({"b" + word(pick(kWords)), "b" + word(pick(kWords))});
        case 1:
          return f.title({"t" + word(pick(kWords))}, 1 + pick(3));
        case 2:
          return Fixture::coordination({"b" + word(pick(kWords)), "t" + word(pick(kWords))}, 0.25 * pick(4));
        default:
          return term();
      }
    }
    switch (pick(5)) {
      case 0:
      case 1:
        return Clause::any({tree(depth - 1), tree(depth - 1), tree(depth - 1)});
      case 2:
        return Clause::maybe(tree(depth - 1), pick(2) ? tree(depth - 1) : f.stored(f.recency, kRecencySlot, 0.5));
      case 3:
        return Clause::filter(tree(depth - 1), tree(depth - 1));
      default:
        return Clause::scale(tree(depth - 1), std::vector<double>{0.0, 0.5, 2.0}[static_cast<std::size_t>(pick(3))]);
    }
  };
  int checked = 0;
  for (int i = 0; i < 200; ++i) {
    Clause clause = tree(3);
    if (clause.empty()) continue;
    f.check_same(clause, 1 + static_cast<std::size_t>(pick(20)));
    ++checked;
  }
  CHECK(checked > 150);
}

TEST_CASE("top_locally weighs every match when no list is long enough to skip") {
  Fixture f;
  Clause clause = builder_query(f, {0, 1, 2}, true, false, 0.5);
  std::vector<Scored> all = faqsearch::detail::match_locally(clause, {f.db, *f.lengths, 1.2, 0.75}, f.scratch);
  std::sort(all.begin(), all.end(), faqsearch::detail::ranks_before);
  REQUIRE(f.db.get_termfreq("bw0") < faqsearch::detail::kWalkFromPostings);
  // The default threshold: 1,500 articles, no list that long; the full count.
  LocalTop top = faqsearch::detail::top_locally(clause, {f.db, *f.lengths, 1.2, 0.75}, f.scratch, 3);
  CHECK(top.exact);
  CHECK(top.matches == all.size());
  REQUIRE(top.hits.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK(top.hits[i].docid == all[i].docid);
  // A threshold the longest list reaches: the walk, which skips.
  LocalTop walked =
      faqsearch::detail::top_locally(clause, {f.db, *f.lengths, 1.2, 0.75}, f.scratch, 3, f.db.get_termfreq("bw0"));
  CHECK(!walked.exact);
  REQUIRE(walked.hits.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK(walked.hits[i].weight == all[i].weight);
}

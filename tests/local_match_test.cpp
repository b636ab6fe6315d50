// match_locally() against Xapian's own matcher on hand-built clauses: the
// shapes the query builder uses and some it does not (yet), on a small
// index built here term by term. The searcher-level comparison is in
// ranking_test.cpp.
#include "search/local_match.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "search/clause.h"
#include "search/local_top.h"
#include "search/slot_table.h"
#include "search/stored_value_source.h"
#include "search/title_source.h"
#include "support/temp_dir.h"

using faqsearch::detail::Clause;
using faqsearch::detail::DocLengthTable;
using faqsearch::detail::LocalScratch;
using faqsearch::detail::SourceWeight;
using faqsearch::detail::ValueTable;
using faqsearch::testing::TempDir;

namespace {

constexpr Xapian::valueno kLengthSlot = 0;  // a small whole number per article, 0 for some
constexpr Xapian::valueno kValueSlot = 1;   // any positive number

double decode(const std::string& v) { return Xapian::sortable_unserialise(v); }

// 40 articles: terms a, b, c with varied wdf, "filler" for varied lengths,
// the length slot 0 on every seventh article; with `deletions`, every sixth
// article from the fourth, and the last, deleted (docids the tables cover
// but no article has).
void build(const std::string& path, bool deletions) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  for (unsigned i = 1; i <= 40; ++i) {
    Xapian::Document doc;
    doc.add_term("filler", 1 + i % 9);
    if (i % 2 == 0) doc.add_term("a", 1 + i % 3);
    if (i % 3 == 0) doc.add_term("b", 1 + i % 4);
    if (i % 5 == 0) doc.add_term("c", 2);
    doc.add_value(kLengthSlot, Xapian::sortable_serialise(i % 7 == 0 ? 0 : i % 4 + 1));
    doc.add_value(kValueSlot, Xapian::sortable_serialise(0.25 * (i % 6 + 1)));
    db.add_document(doc);
  }
  if (deletions) {
    for (unsigned i = 4; i <= 40; i += 6) db.delete_document(i);  // 40, the last, too
  }
  db.commit();
}

struct Fixture {
  TempDir dir;
  std::string path = dir / "db";
  Xapian::Database db;
  std::shared_ptr<const ValueTable> lengths, values;
  std::shared_ptr<const std::vector<double>> by_length =
      std::make_shared<const std::vector<double>>(std::vector<double>{9.0, 1.5, 1.25, 1.0, 0.75});

  // One scratch for every check, as a searcher's handle keeps one.
  LocalScratch scratch;

  explicit Fixture(bool deletions = false) {
    build(path, deletions);
    db = Xapian::Database(path);
    lengths = std::make_shared<const ValueTable>(db, kLengthSlot, decode);
    values = std::make_shared<const ValueTable>(db, kValueSlot, decode);
  }

  // The title-length source, both forms: matches articles with a length above 0.
  Clause title_source() const {
    auto* source = new faqsearch::detail::TitleLengthSource(lengths, by_length, 10.0);
    return Clause::source(source->release(), SourceWeight{0, lengths, by_length, true});
  }
  Clause stored_source() const {
    auto* source = new faqsearch::detail::StoredValueSource(values, kValueSlot);
    return Clause::source(source->release(), SourceWeight{0, values, nullptr, false});
  }
  static Clause fixed_source(double weight) {
    auto* source = new Xapian::FixedWeightPostingSource(weight);
    return Clause::source(source->release(), SourceWeight{weight, nullptr, nullptr, false});
  }

  // Checks that both matchers find the same articles with the same weights.
  void check_same(const Clause& clause, double k1 = 1.2, double b = 0.75) {
    REQUIRE(clause.local());
    Xapian::Enquire enquire(db);
    enquire.set_query(clause.query());
    enquire.set_weighting_scheme(Xapian::BM25Weight(k1, 0, 1, b, 0.5));
    std::map<Xapian::docid, double> want;
    Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) want[*it] = it.get_weight();
    DocLengthTable doc_lengths(db);
    std::map<Xapian::docid, double> got;
    for (const auto& s : faqsearch::detail::match_locally(clause, {db, doc_lengths, k1, b}, scratch)) {
      got[s.docid] = s.weight;
    }
    CAPTURE(clause.query().get_description());
    REQUIRE(got.size() == want.size());
    for (const auto& [docid, weight] : want) {
      CAPTURE(docid);
      REQUIRE(got.count(docid) == 1);
      CHECK(got[docid] == doctest::Approx(weight).epsilon(1e-12));
    }
  }
};

}  // namespace

TEST_CASE("match_locally: terms, synonyms and their combinations weigh as Xapian's BM25") {
  Fixture f;
  f.check_same(Clause::term("a"));
  f.check_same(Clause::scale(Clause::term("b"), 2.5));
  f.check_same(Clause::synonym({"a", "b"}));
  f.check_same(Clause::synonym({"a", "b", "c"}));
  f.check_same(Clause::any({Clause::term("a"), Clause::scale(Clause::term("b"), 3), Clause::term("c")}));
  f.check_same(Clause::all({Clause::term("a"), Clause::term("b")}));
  f.check_same(Clause::maybe(Clause::term("a"), Clause::any({Clause::term("b"), Clause::term("c")})));
  f.check_same(Clause::filter(Clause::term("a"), Clause::any({Clause::term("b"), Clause::term("c")})));
  f.check_same(Clause::scale(Clause::any({Clause::term("a"), Clause::term("b")}), 0.0));
  // Without length normalisation (b = 0) and without saturation (k1 = 0).
  f.check_same(Clause::any({Clause::term("a"), Clause::term("b")}), 1.2, 0.0);
  f.check_same(Clause::any({Clause::term("a"), Clause::term("b")}), 0.0, 0.75);
}

TEST_CASE("match_locally: terms no article has") {
  Fixture f;
  f.check_same(Clause::term("absent"));
  f.check_same(Clause::any({Clause::term("a"), Clause::term("absent")}));
  f.check_same(Clause::all({Clause::term("a"), Clause::term("absent")}));
  f.check_same(Clause::synonym({"a", "absent"}));
  // A filtered source beside an absent term: the OR keeps the source's matches.
  f.check_same(Clause::any({Clause::filter(Fixture::fixed_source(2), Clause::term("a")), Clause::term("absent")}));
}

TEST_CASE("match_locally: posting sources under filters, beside terms, and as the optional side") {
  Fixture f;
  // The title-length source matches only articles whose length is above 0.
  f.check_same(Clause::filter(f.title_source(), Clause::term("a")));
  f.check_same(
      Clause::scale(Clause::filter(f.title_source(), Clause::any({Clause::term("a"), Clause::term("c")})), 0.5));
  f.check_same(Clause::any({Clause::filter(f.title_source(), Clause::term("a")), Clause::term("b")}));
  // Coordination's shape: a fixed weight per word that an article has in any field.
  f.check_same(
      Clause::any({Clause::filter(Fixture::fixed_source(0.7), Clause::any({Clause::term("a"), Clause::term("b")})),
                   Clause::filter(Fixture::fixed_source(0.7), Clause::term("c")), Clause::term("a")}));
  // The boosts' shape: text AND_MAYBE (scaled sources).
  f.check_same(
      Clause::maybe(Clause::any({Clause::term("a"), Clause::term("c")}),
                    Clause::any({Clause::scale(f.stored_source(), 0.3), Clause::scale(f.stored_source(), 0.01)})));
  // A source as a sibling of a filtered one.
  f.check_same(Clause::any({Clause::filter(Fixture::fixed_source(2), Clause::term("a")), f.stored_source()}));
  // A source required alongside terms.
  f.check_same(Clause::all({Clause::term("b"), f.title_source()}));
}

TEST_CASE("match_locally: sparse and dense sources in every position the matcher only checks them") {
  for (bool deletions : {false, true}) {
    CAPTURE(deletions);
    Fixture f(deletions);
    f.check_same(f.title_source());
    f.check_same(Clause::filter(Clause::term("a"), f.title_source()));
    f.check_same(Clause::any({f.title_source(), Clause::term("b")}));
    f.check_same(Clause::all({f.title_source(), f.stored_source()}));
    f.check_same(Clause::maybe(Clause::term("a"), Clause::any({f.title_source(), f.stored_source()})));
    f.check_same(Clause::maybe(Clause::term("filler"), Clause::any({Clause::term("a"), f.title_source()})));
    f.check_same(Clause::filter(Clause::term("b"), Clause::any({Fixture::fixed_source(1), f.title_source()})));
    f.check_same(Clause::any({Fixture::fixed_source(0.5), Clause::term("c")}));
  }
}

TEST_CASE("match_locally: random clause trees of the query builder's shapes") {
  // Title sources only under a filter by terms, stored values only as the
  // optional side of a maybe (a dense source must not drive the matcher:
  // see TableSource), fixed weights anywhere; terms, synonyms, absent terms.
  for (bool deletions : {false, true}) {
    CAPTURE(deletions);
    Fixture f(deletions);
    std::mt19937 rng(deletions ? 8 : 7);
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    const char* terms[] = {"a", "b", "c", "filler", "absent"};
    auto term = [&] { return Clause::term(terms[pick(5)]); };
    std::function<Clause(int)> tree = [&](int depth) -> Clause {
      if (depth == 0 || pick(3) == 0) {
        switch (pick(5)) {
          case 0:
            return Clause::synonym({terms[pick(4)], terms[pick(5)]});
          case 1:
            return Clause::filter(f.title_source(), pick(2) ? term() : Clause::any({term(), term()}));
          case 2:
            return Clause::filter(Fixture::fixed_source(0.5 + pick(3)), Clause::any({term(), term()}));
          default:
            return term();
        }
      }
      switch (pick(5)) {
        case 0:
          return Clause::any({tree(depth - 1), tree(depth - 1), tree(depth - 1)});
        case 1:
          return Clause::all({tree(depth - 1), tree(depth - 1)});
        case 2:
          return Clause::maybe(tree(depth - 1),
                               pick(2) ? tree(depth - 1) : Clause::scale(f.stored_source(), 0.5 * (1 + pick(3))));
        case 3:
          return Clause::filter(tree(depth - 1), tree(depth - 1));
        default:
          return Clause::scale(tree(depth - 1), std::vector<double>{0.0, 0.5, 2.0}[static_cast<std::size_t>(pick(3))]);
      }
    };
    int checked = 0;
    for (int i = 0; i < 300; ++i) {
      Clause clause = tree(3);
      if (clause.empty()) continue;
      f.check_same(clause);
      ++checked;
    }
    CHECK(checked > 200);
  }
}

TEST_CASE("match_locally: the same scratch serves a database that grew") {
  Fixture f;
  f.check_same(Clause::any({Clause::term("a"), Clause::term("c")}));
  {
    Xapian::WritableDatabase writer(f.path);
    for (int i = 0; i < 100; ++i) {
      Xapian::Document doc;
      doc.add_term("a", 1 + i % 3);
      if (i % 4 == 0) doc.add_term("c");
      doc.add_value(kLengthSlot, Xapian::sortable_serialise(2));
      doc.add_value(kValueSlot, Xapian::sortable_serialise(1.5));
      writer.add_document(doc);
    }
    writer.commit();
  }
  f.db.reopen();
  f.lengths = std::make_shared<const ValueTable>(f.db, kLengthSlot, decode);
  f.values = std::make_shared<const ValueTable>(f.db, kValueSlot, decode);
  f.check_same(Clause::any({Clause::term("a"), Clause::term("c")}));
  f.check_same(Clause::maybe(Clause::filter(f.title_source(), Clause::term("a")), f.stored_source()));
}

TEST_CASE("match_locally and top_locally refuse a length table of another revision") {
  Fixture f;
  DocLengthTable old_lengths(f.db);
  {
    Xapian::WritableDatabase writer(f.path);
    Xapian::Document doc;
    doc.add_term("a");
    writer.add_document(doc);
    writer.commit();
  }
  f.db.reopen();
  LocalScratch scratch;
  CHECK_THROWS_AS((void)faqsearch::detail::match_locally(Clause::term("a"), {f.db, old_lengths, 1.2, 0.75}, scratch),
                  Xapian::DatabaseModifiedError);
  // walk_from 0: the walk's own entry checks too, before it reads anything.
  CHECK_THROWS_AS(
      (void)faqsearch::detail::top_locally(Clause::term("a"), {f.db, old_lengths, 1.2, 0.75}, scratch, 10, 0),
      Xapian::DatabaseModifiedError);
}

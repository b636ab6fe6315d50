// SlotTable's steps (a byte per article standing for its value, rounded up)
// and DenseWeight::bound_at(), which reads them: the local matchers skip an
// article's boosts on that bound, so it must never be below the weight.
#include "search/slot_table.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <cmath>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "search/clause.h"
#include "search/local_weights.h"
#include "support/temp_dir.h"

using faqsearch::detail::Clause;
using faqsearch::detail::DenseWeight;
using faqsearch::detail::SourceWeight;
using faqsearch::detail::ValueTable;
using faqsearch::testing::TempDir;

namespace {

constexpr Xapian::valueno kSlot = 0;

double decode(const std::string& v) { return Xapian::sortable_unserialise(v); }

// A database in `dir` with `values[i]` in the slot of article i + 1; NaN
// leaves the article without the value.
Xapian::WritableDatabase with_values(const TempDir& dir, const std::vector<double>& values) {
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OVERWRITE);
  for (double v : values) {
    Xapian::Document doc;
    doc.add_term("x");
    if (!std::isnan(v)) doc.add_value(kSlot, Xapian::sortable_serialise(v));
    db.add_document(doc);
  }
  db.commit();
  return db;
}

// Every article's step stands for at least its value, and the step below for less.
void check_steps(const ValueTable& table) {
  const auto& steps = table.steps();
  const auto& step_values = table.step_values();
  REQUIRE(steps.size() == table.values().size());
  CHECK(step_values.front() == 0);
  CHECK(step_values.back() == table.max_value());
  for (std::size_t i = 1; i < step_values.size(); ++i) CHECK(step_values[i - 1] <= step_values[i]);
  for (std::size_t d = 0; d < steps.size(); ++d) {
    CAPTURE(d);
    double v = table.values()[d];
    CHECK(step_values[steps[d]] >= v);
    if (steps[d] > 0) CHECK(step_values[steps[d] - 1] < v);
  }
}

}  // namespace

TEST_CASE("SlotTable steps: each value rounded up to one of 256 steps, never below it") {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<double> values;
  // Values on the steps' boundaries, a hair either side of them, tiny ones, and random ones.
  double max = 1048576.0 * 0.7313;
  for (int i = 0; i <= 255; ++i) {
    double on = max * i / 255;
    values.push_back(on);
    values.push_back(std::nextafter(on, 0.0));
    values.push_back(std::min(max, std::nextafter(on, max)));
  }
  values.push_back(std::numeric_limits<double>::denorm_min());
  values.push_back(max);
  auto max_docid = static_cast<Xapian::docid>(values.size());
  for (int i = 0; i < 2000; ++i) values.push_back(unit(rng) * max);
  TempDir dir;
  Xapian::WritableDatabase db = with_values(dir, values);
  ValueTable table(db, kSlot, decode);
  check_steps(table);
  CHECK(table.steps()[max_docid] == 255);  // the largest value: the top step
}

TEST_CASE("SlotTable steps: none where a value is below 0, not a number or infinite") {
  for (const std::vector<double>& values :
       {std::vector<double>{1, -0.5, 2}, {1, std::numeric_limits<double>::infinity()}}) {
    TempDir dir;
    Xapian::WritableDatabase db = with_values(dir, values);
    ValueTable table(db, kSlot, decode);
    CHECK(table.steps().empty());
  }
  // All 0 (a slot no article has): every step 0, of value 0, so that a
  // boost over it still leaves the other boost's steps usable.
  {
    TempDir dir;
    Xapian::WritableDatabase db = with_values(dir, {0, std::nan(""), 0});
    ValueTable table(db, kSlot, decode);
    check_steps(table);
    CHECK(table.step_values().back() == 0);
  }
  // An article without the value reads 0, on the lowest step.
  TempDir dir;
  Xapian::WritableDatabase db = with_values(dir, {2, std::nan(""), 4});
  ValueTable table(db, kSlot, decode);
  check_steps(table);
  CHECK(table.steps()[2] == 0);
}

TEST_CASE("SlotTable steps: a largest value near the largest double does not overflow the steps") {
  TempDir dir;
  Xapian::WritableDatabase db = with_values(dir, {1e308, 5e307, 1.0});
  ValueTable table(db, kSlot, decode);
  check_steps(table);
  CHECK(std::isfinite(table.step_values()[table.steps()[2]]));
  CHECK(table.steps()[2] < 255);
}

TEST_CASE("DenseWeight::bound_at: at least the weight, from the steps of every table source") {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<double> a, b;
  for (int i = 0; i < 500; ++i) {
    a.push_back(unit(rng) * 1048576.0);
    b.push_back(i % 5 == 0 ? 0.0 : unit(rng));
  }
  TempDir dir_a, dir_b;
  Xapian::WritableDatabase db_a = with_values(dir_a, a);
  Xapian::WritableDatabase db_b = with_values(dir_b, b);
  auto table_a = std::make_shared<const ValueTable>(db_a, kSlot, decode);
  auto table_b = std::make_shared<const ValueTable>(db_b, kSlot, decode);
  auto source = [](const std::shared_ptr<const ValueTable>& table, bool sparse) {
    return Clause::source((new Xapian::FixedWeightPostingSource(0))->release(),
                          SourceWeight{0, table, nullptr, sparse});
  };
  auto fixed = Clause::source((new Xapian::FixedWeightPostingSource(0.5))->release(),
                              SourceWeight{0.5, nullptr, nullptr, false});
  // The boosts' shape (two scaled tables), a sparse table, and a fixed weight beside them.
  Clause boosts = Clause::any({Clause::scale(source(table_a, false), 3.1e-7), Clause::scale(source(table_b, true), 0.9),
                               Clause::scale(fixed, 0.25)});
  DenseWeight weight(*boosts.node(), 1.0);
  REQUIRE(weight.nonnegative());
  for (Xapian::docid did = 0; did <= 502; ++did) {
    CAPTURE(did);
    double bound = 0;
    REQUIRE(weight.bound_at(did, bound));
    CHECK(bound >= weight.at(did));
    CHECK(bound <= weight.bound());
  }
  // A table read through a lookup (a title's length weights) has no steps to bound it by.
  auto by_entry = std::make_shared<const std::vector<double>>(std::vector<double>{1.0, 0.5});
  Clause looked_up =
      Clause::source((new Xapian::FixedWeightPostingSource(0))->release(), SourceWeight{0, table_b, by_entry, true});
  double ignored = 0;
  CHECK_FALSE(DenseWeight(*looked_up.node(), 1.0).bound_at(1, ignored));
}

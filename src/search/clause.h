// Clause: one query, built in two forms at once: the Xapian::Query that any
// backend evaluates (a stock xapian-tcpsrv too), and a tree of the same
// meaning that match_locally() (search/local_match.h) scores by itself on a
// local database.
//
// The two forms are built by the same calls, so they cannot drift apart: the
// query builder says "the OR of these", "this scaled by 2", and both forms
// follow. A form the local matcher does not reproduce (an OP_PHRASE needs
// positions; a posting source reading a value stream is meant for shards)
// makes the clause, and every clause above it, Xapian-only: local() is then
// false and the searcher uses Xapian's matcher.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "search/slot_table.h"
#include "search/table_source.h"

namespace faqsearch::detail {

// What a posting source matches and weighs an article by, for the local
// form: a fixed weight, or an entry of a per-docid table (itself, or looked
// up in `by_entry`, as TitleLengthSource does). A sparse source matches
// only the articles whose entry is above 0 (TitleLengthSource, see
// TableSource); the others match every article. DenseWeight
// (search/local_weights.h) weighs articles by it.
struct SourceWeight {
  double fixed = 0;                                     // when `table` is null
  std::shared_ptr<const ValueTable> table;              // per docid
  std::shared_ptr<const std::vector<double>> by_entry;  // null: the entry itself
  bool sparse = false;

  // The most and the least weight it gives an article it matches (NaN if a
  // table holds NaN).
  [[nodiscard]] double bound() const { return range().second; }
  [[nodiscard]] double least() const { return range().first; }

 private:
  [[nodiscard]] std::pair<double, double> range() const {
    if (!table) return {fixed, fixed};
    if (!by_entry) return {table->min_value(), table->max_value()};
    if (by_entry->empty()) return {0.0, 0.0};  // clamped_lookup()
    double least = (*by_entry)[0], most = (*by_entry)[0];
    for (double w : *by_entry) {
      if (w != w) return {w, w};
      least = std::min(least, w);
      most = std::max(most, w);
    }
    return {least, most};
  }
};

class Clause {
 public:
  // The operators of the local form, a subset of Xapian's.
  enum class Op {
    term,     // a term, weighed by BM25 (Xapian's BM25Weight)
    synonym,  // OP_SYNONYM of its children's terms: BM25 of their summed wdf
    source,   // a posting source, matching and weighing as its SourceWeight says
    any,      // OP_OR: the sum of the children that match
    all,      // OP_AND: every child matches; the sum of their weights
    maybe,    // OP_AND_MAYBE: the first child's matches, plus the second's weight
    filter,   // OP_FILTER: the first child's matches and weights, where the second matches
    scale,    // OP_SCALE_WEIGHT
  };

  // The local form's tree.
  struct Node {
    Op op = Op::term;
    std::string term;     // Op::term
    SourceWeight weight;  // Op::source
    double factor = 1;    // Op::scale
    std::vector<std::shared_ptr<const Node>> children;
  };

  // Matches nothing (an empty Xapian::Query).
  Clause() = default;

  // REQUIRES: !term.empty() (Xapian reads "" as every article, unweighted)
  [[nodiscard]] static Clause term(const std::string& term);
  // OP_SYNONYM of `terms` (one term: just that term).
  // REQUIRES: !terms.empty()
  [[nodiscard]] static Clause synonym(const std::set<std::string>& terms);
  // A posting source. `source` is the Xapian form (already released to the
  // query's reference counting), `weight` the local one; both must match
  // and weigh every article alike.
  [[nodiscard]] static Clause source(Xapian::PostingSource* source, SourceWeight weight);
  // Xapian-only: a query the local matcher does not evaluate (OP_PHRASE).
  [[nodiscard]] static Clause xapian_only(Xapian::Query query);
  // Empty children are left out; none left: an empty clause. One left: it.
  [[nodiscard]] static Clause any(std::vector<Clause> children);
  // An empty child (or none) makes the clause empty. One child: it.
  [[nodiscard]] static Clause all(std::vector<Clause> children);
  [[nodiscard]] static Clause maybe(Clause required, Clause optional);
  [[nodiscard]] static Clause filter(Clause weighed, Clause condition);
  [[nodiscard]] static Clause scale(Clause clause, double factor);

  [[nodiscard]] bool empty() const { return query_.empty(); }
  [[nodiscard]] const Xapian::Query& query() const { return query_; }
  // Whether match_locally() can score this clause: false for a Xapian-only
  // part anywhere in it. An empty clause is local.
  [[nodiscard]] bool local() const { return empty() || node_ != nullptr; }
  // The local form; null if empty or Xapian-only.
  [[nodiscard]] const std::shared_ptr<const Node>& node() const { return node_; }

 private:
  Clause(Xapian::Query query, std::shared_ptr<const Node> node) : query_(std::move(query)), node_(std::move(node)) {}
  static Clause combine(Xapian::Query::op xapian_op, Op op, std::vector<Clause> children);

  Xapian::Query query_;
  std::shared_ptr<const Node> node_;
};

}  // namespace faqsearch::detail

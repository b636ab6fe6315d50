#include "search/clause.h"

#include <algorithm>
#include <stdexcept>

namespace faqsearch::detail {

Clause Clause::term(const std::string& term) {
  if (term.empty()) throw std::invalid_argument("Clause::term: an empty term");
  auto node = std::make_shared<Node>();
  node->op = Op::term;
  node->term = term;
  return Clause(Xapian::Query(term), std::move(node));
}

Clause Clause::synonym(const std::set<std::string>& terms) {
  if (terms.size() == 1) return term(*terms.begin());
  auto node = std::make_shared<Node>();
  node->op = Op::synonym;
  for (const std::string& t : terms) node->children.push_back(term(t).node_);
  return Clause(Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end()), std::move(node));
}

Clause Clause::source(Xapian::PostingSource* source, SourceWeight weight) {
  auto node = std::make_shared<Node>();
  node->op = Op::source;
  node->weight = std::move(weight);
  return Clause(Xapian::Query(source), std::move(node));
}

Clause Clause::xapian_only(Xapian::Query query) { return Clause(std::move(query), nullptr); }

Clause Clause::combine(Xapian::Query::op xapian_op, Op op, std::vector<Clause> children) {
  // As in Xapian: an empty child adds nothing to an OR, and empties an AND.
  bool some_empty = std::any_of(children.begin(), children.end(), [](const Clause& c) { return c.empty(); });
  if (some_empty && op != Op::any) return Clause();
  std::erase_if(children, [](const Clause& c) { return c.empty(); });
  if (children.empty()) return Clause();
  if (children.size() == 1) return std::move(children.front());
  std::vector<Xapian::Query> queries;
  queries.reserve(children.size());
  bool local = true;
  for (const Clause& c : children) {
    queries.push_back(c.query_);
    local = local && c.node_;
  }
  Xapian::Query query(xapian_op, queries.begin(), queries.end());
  if (!local) return xapian_only(std::move(query));
  auto node = std::make_shared<Node>();
  node->op = op;
  for (Clause& c : children) node->children.push_back(std::move(c.node_));
  return Clause(std::move(query), std::move(node));
}

Clause Clause::any(std::vector<Clause> children) { return combine(Xapian::Query::OP_OR, Op::any, std::move(children)); }

Clause Clause::all(std::vector<Clause> children) {
  return combine(Xapian::Query::OP_AND, Op::all, std::move(children));
}

Clause Clause::maybe(Clause required, Clause optional) {
  if (required.empty()) return Clause();
  if (optional.empty()) return required;
  return combine(Xapian::Query::OP_AND_MAYBE, Op::maybe, {std::move(required), std::move(optional)});
}

Clause Clause::filter(Clause weighed, Clause condition) {
  if (weighed.empty() || condition.empty()) return Clause();
  return combine(Xapian::Query::OP_FILTER, Op::filter, {std::move(weighed), std::move(condition)});
}

Clause Clause::scale(Clause clause, double factor) {
  if (clause.empty()) return clause;
  Xapian::Query query(Xapian::Query::OP_SCALE_WEIGHT, clause.query_, factor);
  if (!clause.node_) return xapian_only(std::move(query));
  auto node = std::make_shared<Node>();
  node->op = Op::scale;
  node->factor = factor;
  node->children.push_back(std::move(clause.node_));
  return Clause(std::move(query), std::move(node));
}

}  // namespace faqsearch::detail

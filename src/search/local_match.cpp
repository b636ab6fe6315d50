#include "search/local_match.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "search/local_weights.h"

namespace faqsearch::detail {

DocLengthTable::DocLengthTable(const Xapian::Database& db) : revision_(db.get_revision()), uuid_(db.get_uuid()) {
  lengths_.resize(static_cast<std::size_t>(db.get_lastdocid()) + 1);
  // The postings of "" are every article, with its length at hand.
  for (Xapian::PostingIterator it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Xapian::docid did = *it;
    if (did < lengths_.size()) lengths_[did] = it.get_doclength();
  }
}

void LocalScratch::cover(Xapian::docid last_docid) {
  std::size_t size = static_cast<std::size_t>(last_docid) + 1;
  if (sums.size() < size) sums.resize(size);
  if (stamps.size() < size) stamps.resize(size);
  if (seen.size() < size / 64 + 1) seen.resize(size / 64 + 1);
}

std::uint32_t LocalScratch::next_stamp() {
  if (++stamp_ == 0) {  // wrapped: old stamps could collide
    std::fill(stamps.begin(), stamps.end(), 0);
    stamp_ = 1;
  }
  return stamp_;
}

namespace {

using Hits = std::vector<Scored>;

// One posting of a term: what BM25 needs of it besides the article's length.
struct Posting {
  Xapian::docid docid;
  Xapian::termcount wdf;
};
using Node = Clause::Node;
using Op = Clause::Op;

// `base`'s articles only: those also in `extra` get its weight added.
void add_where_present(Hits& base, const Hits& extra) {
  std::size_t j = 0;
  for (Scored& s : base) {
    while (j < extra.size() && extra[j].docid < s.docid) ++j;
    if (j == extra.size()) return;
    if (extra[j].docid == s.docid) s.weight += extra[j].weight;
  }
}

// The articles in both, with the sum of their weights.
Hits intersect_sum(const Hits& a, const Hits& b) {
  Hits out;
  out.reserve(std::min(a.size(), b.size()));
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].docid < b[j].docid) {
      ++i;
    } else if (b[j].docid < a[i].docid) {
      ++j;
    } else {
      out.push_back({a[i].docid, a[i].weight + b[j].weight});
      ++i, ++j;
    }
  }
  return out;
}

class Evaluator {
 public:
  Evaluator(const LocalIndex& index, LocalScratch& scratch)
      : scratch_(scratch), db_(index.db), bm25_(index.db, index.lengths.values(), index.k1, index.b) {
    scratch_.cover(db_.get_lastdocid());
  }

  // Every article `n` matches, weighted, `factor` being the product of the
  // scalings above it (0: only which articles match is wanted).
  Hits eval(const Node& n, double factor) {
    switch (n.op) {
      case Op::term:
        return term(n.term, factor);
      case Op::synonym:
        return synonym(n, factor);
      case Op::source:
        return every_article({&n}, factor, false);
      case Op::scale:
        return eval(*n.children.front(), factor * n.factor);
      case Op::any:
        return any(n, factor);
      case Op::all:
        return all(n, factor);
      case Op::maybe: {
        const Node& required = *n.children[0];
        const Node& optional = *n.children[1];
        Hits hits = eval(required, factor);
        if (dense(optional)) {
          DenseWeight weight(optional, factor);
          for (Scored& s : hits) s.weight += weight.at(s.docid);
        } else {
          add_where_present(hits, eval(optional, factor));
        }
        return hits;
      }
      case Op::filter: {
        const Node& weighed = *n.children[0];
        const Node& condition = *n.children[1];
        if (dense(condition)) {
          // The weighed clause's matches that the condition's sources match.
          Hits hits = eval(weighed, factor);
          DenseWeight condition_sources(condition, 0.0);
          std::erase_if(hits, [&](const Scored& s) { return !condition_sources.matches(s.docid); });
          return hits;
        }
        Hits hits = eval(condition, 0.0);
        if (dense(weighed)) {
          DenseWeight weight(weighed, factor);
          std::erase_if(hits, [&](const Scored& s) { return !weight.matches(s.docid); });
          for (Scored& s : hits) s.weight = weight.at(s.docid);
          return hits;
        }
        Hits weights = eval(weighed, factor);
        for (Scored& s : hits) s.weight = 0;
        return intersect_sum(weights, hits);
      }
    }
    throw std::logic_error("match_locally: unknown clause operator");
  }

 private:
  // One term's matches, weighed by BM25 (a condition's: weight 0).
  Hits term(const std::string& name, double factor) {
    const std::vector<Posting>& postings = postings_of(name);
    Hits hits;
    hits.reserve(postings.size());
    if (factor == 0 || postings.empty()) {
      for (const Posting& p : postings) hits.push_back({p.docid, 0.0});
      return hits;
    }
    double weight = termweight(static_cast<Xapian::doccount>(postings.size()), factor);
    for (const Posting& p : postings) hits.push_back({p.docid, sumpart(weight, p)});
    return hits;
  }

  // OP_SYNONYM as Xapian 1.4 weighs it: BM25 of the terms' summed wdf (at
  // most the article's length), with the termfreq Xapian estimates for
  // their OR (synonym_termfreq()).
  Hits synonym(const Node& n, double factor) {
    std::vector<Posting> merged;
    std::vector<Xapian::doccount> termfreqs;
    for (const auto& c : n.children) {
      const std::vector<Posting>& postings = postings_of(c->term);
      termfreqs.push_back(static_cast<Xapian::doccount>(postings.size()));
      std::vector<Posting> next;
      next.reserve(merged.size() + postings.size());
      std::size_t i = 0, j = 0;
      while (i < merged.size() || j < postings.size()) {
        if (j == postings.size() || (i < merged.size() && merged[i].docid < postings[j].docid)) {
          next.push_back(merged[i++]);
        } else if (i == merged.size() || postings[j].docid < merged[i].docid) {
          next.push_back(postings[j++]);
        } else {
          next.push_back({merged[i].docid, merged[i].wdf + postings[j].wdf});
          ++i, ++j;
        }
      }
      merged = std::move(next);
    }
    Hits hits;
    hits.reserve(merged.size());
    double weight = factor == 0 ? 0.0 : termweight(bm25_.synonym_termfreq(termfreqs), factor);
    for (Posting p : merged) {
      if (factor == 0) {
        hits.push_back({p.docid, 0.0});
        continue;
      }
      Xapian::termcount length = bm25_.length_of(p.docid);
      hits.push_back({p.docid, bm25_.sumpart(weight, std::min(p.wdf, length), length)});
    }
    return hits;
  }

  // A term's postings, read from the database once per evaluation: a query
  // reads most of its terms more than once (a word weighs in its field and
  // counts in coordination).
  const std::vector<Posting>& postings_of(const std::string& name) {
    auto [it, added] = postings_.try_emplace(name);
    if (!added) return it->second;
    std::vector<Posting>& out = it->second;
    Xapian::PostingIterator p = db_.postlist_begin(name), end = db_.postlist_end(name);
    for (; p != end; ++p) out.push_back({*p, p.get_wdf()});
    return out;
  }

  // One addend of a sum: a term's postings, weighed by BM25 as they are
  // added; the articles having any of some terms, weighed by a dense clause
  // (a word's title clause, its coordination share); or a clause's
  // matches, already weighed.
  struct Addend {
    const std::vector<Posting>* postings = nullptr;  // BM25
    double termweight = 0;
    std::vector<const std::vector<Posting>*> any_of;  // weighed by `dense`
    std::optional<DenseWeight> dense;
    Hits hits;
  };

  // Whether `n` matches the articles having any of some terms: a term, or an OR of terms.
  static bool any_of_terms(const Node& n) {
    if (n.op == Op::term) return true;
    return n.op == Op::any &&
           std::all_of(n.children.begin(), n.children.end(), [](const auto& c) { return c->op == Op::term; });
  }

  // The addends of the OR `n` at `factor`, nested ORs and scalings
  // flattened into one list: the sum is then taken once, not per level.
  // Every other clause is evaluated here, before any addend is summed, so
  // that it may use the scratch sums itself.
  void collect(const Node& n, double factor, std::vector<Addend>& out) {
    if (n.op == Op::scale) return collect(*n.children.front(), factor * n.factor, out);
    if (n.op == Op::any && !dense(n)) {
      for (const auto& c : n.children) collect(*c, factor, out);
      return;
    }
    if (n.op == Op::term && factor != 0) {
      const std::vector<Posting>& postings = postings_of(n.term);
      if (!postings.empty()) {
        out.push_back(
            {&postings, termweight(static_cast<Xapian::doccount>(postings.size()), factor), {}, std::nullopt, {}});
      }
      return;
    }
    if (n.op == Op::filter && dense(*n.children[0]) && any_of_terms(*n.children[1])) {
      Addend a{nullptr, 0, {}, DenseWeight(*n.children[0], factor), {}};
      const Node& condition = *n.children[1];
      if (condition.op == Op::term) {
        a.any_of.push_back(&postings_of(condition.term));
      } else {
        for (const auto& c : condition.children) a.any_of.push_back(&postings_of(c->term));
      }
      out.push_back(std::move(a));
      return;
    }
    Addend a;
    a.hits = eval(n, factor);
    out.push_back(std::move(a));
  }

  double termweight(Xapian::doccount tf, double factor) const { return bm25_.termweight(tf, factor); }
  double sumpart(double termweight, const Posting& p) const { return bm25_.sumpart_at(termweight, p.wdf, p.docid); }

  // The sum of `addends` per article, in docid order, through the scratch
  // sums: linear in the postings plus one bitmap word per 64 docids.
  Hits sum(const std::vector<Addend>& addends) {
    std::vector<double>& sums = scratch_.sums;
    std::vector<std::uint64_t>& seen = scratch_.seen;
    std::size_t total = 0, first_word = seen.size(), last_word = 0;
    auto add = [&](Xapian::docid did, double weight) {
      std::uint64_t bit = std::uint64_t{1} << (did % 64);
      std::uint64_t& word = seen[did / 64];
      if (word & bit) {
        sums[did] += weight;
      } else {
        word |= bit;
        sums[did] = weight;
      }
    };
    auto extend = [&](Xapian::docid first, Xapian::docid last, std::size_t count) {
      total += count;
      first_word = std::min<std::size_t>(first_word, first / 64);
      last_word = std::max<std::size_t>(last_word, last / 64);
    };
    for (const Addend& a : addends) {
      if (a.postings) {
        const std::vector<Posting>& postings = *a.postings;
        extend(postings.front().docid, postings.back().docid, postings.size());
        for (const Posting& p : postings) add(p.docid, sumpart(a.termweight, p));
      } else if (a.dense) {
        // An article in several of the lists counts once: marked with a
        // stamp of its own for this addend.
        std::uint32_t stamp = scratch_.next_stamp();
        for (const std::vector<Posting>* list : a.any_of) {
          if (list->empty()) continue;
          extend(list->front().docid, list->back().docid, list->size());
          for (const Posting& p : *list) {
            double weight;
            if (scratch_.stamps[p.docid] == stamp || !a.dense->weigh(p.docid, weight)) continue;
            scratch_.stamps[p.docid] = stamp;
            add(p.docid, weight);
          }
        }
      } else if (!a.hits.empty()) {
        extend(a.hits.front().docid, a.hits.back().docid, a.hits.size());
        for (const Scored& s : a.hits) add(s.docid, s.weight);
      }
    }
    Hits out;
    out.reserve(total);
    for (std::size_t w = first_word; w <= last_word && w < seen.size(); ++w) {
      for (std::uint64_t bits = seen[w]; bits != 0; bits &= bits - 1) {
        auto did = static_cast<Xapian::docid>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits)));
        out.push_back({did, sums[did]});
      }
      seen[w] = 0;
    }
    return out;
  }

  // The sum of the children that match. Dense children add to every article.
  Hits any(const Node& n, double factor) {
    std::vector<Addend> addends;
    std::vector<const Node*> dense_children;
    for (const auto& c : n.children) {
      if (dense(*c)) {
        dense_children.push_back(c.get());
      } else {
        collect(*c, factor, addends);
      }
    }
    Hits hits;
    if (addends.size() == 1 && !addends.front().postings && !addends.front().dense) {
      hits = std::move(addends.front().hits);
    } else if (!addends.empty()) {
      hits = sum(addends);
    }
    if (dense_children.empty()) return hits;
    // The articles the dense children match, or the others do, summed.
    Hits every = every_article(dense_children, factor, false);
    Hits out;
    out.reserve(every.size() + hits.size());
    std::size_t j = 0;
    for (const Scored& s : every) {
      while (j < hits.size() && hits[j].docid < s.docid) out.push_back(hits[j++]);
      if (j < hits.size() && hits[j].docid == s.docid) {
        out.push_back({s.docid, s.weight + hits[j++].weight});
      } else {
        out.push_back(s);
      }
    }
    out.insert(out.end(), hits.begin() + static_cast<std::ptrdiff_t>(j), hits.end());
    return out;
  }

  Hits all(const Node& n, double factor) {
    std::vector<const Node*> dense_children;
    std::optional<Hits> hits;
    for (const auto& c : n.children) {
      if (dense(*c)) {
        dense_children.push_back(c.get());
        continue;
      }
      Hits part = eval(*c, factor);
      hits = hits ? intersect_sum(*hits, part) : std::move(part);
    }
    if (!hits) return every_article(dense_children, factor, true);
    std::vector<DenseWeight> weights;
    for (const Node* d : dense_children) weights.emplace_back(*d, factor);
    std::erase_if(*hits, [&](const Scored& s) {
      return std::any_of(weights.begin(), weights.end(), [&](const DenseWeight& w) { return !w.matches(s.docid); });
    });
    for (Scored& s : *hits) {
      for (const DenseWeight& w : weights) s.weight += w.at(s.docid);
    }
    return std::move(*hits);
  }

  // The articles the dense `nodes` match (any of them, or with `all` every
  // one), weighed by the sum of theirs.
  Hits every_article(const std::vector<const Node*>& nodes, double factor, bool all) {
    std::vector<DenseWeight> weights;
    for (const Node* n : nodes) weights.emplace_back(*n, factor);
    Hits hits;
    for (Xapian::PostingIterator it = db_.postlist_begin(""); it != db_.postlist_end(""); ++it) {
      Xapian::docid did = *it;
      auto matches = [&](const DenseWeight& w) { return w.matches(did); };
      bool matched = all ? std::all_of(weights.begin(), weights.end(), matches)
                         : std::any_of(weights.begin(), weights.end(), matches);
      if (!matched) continue;
      double weight = 0;
      for (const DenseWeight& w : weights) weight += w.at(did);
      hits.push_back({did, weight});
    }
    return hits;
  }

  LocalScratch& scratch_;
  std::unordered_map<std::string, std::vector<Posting>> postings_;
  const Xapian::Database& db_;
  LocalBm25 bm25_;
};

}  // namespace

void require_local(const Clause& clause, const LocalIndex& index, const char* caller) {
  if (!clause.local()) throw std::logic_error(std::string(caller) + ": the clause has a Xapian-only part");
  // Lengths of another revision would weigh articles wrongly, or index past
  // the table.
  if (index.lengths.uuid() != index.db.get_uuid() || index.lengths.revision() != index.db.get_revision()) {
    throw Xapian::DatabaseModifiedError(std::string(caller) + ": the length table is of another revision");
  }
}

std::vector<Scored> match_locally(const Clause& clause, const LocalIndex& index, LocalScratch& scratch) {
  if (clause.empty()) return {};
  require_local(clause, index, "match_locally");
  Evaluator evaluator(index, scratch);
  return evaluator.eval(*clause.node(), 1.0);
}

std::vector<Scored> match_node_locally(const Clause::Node& node, double factor, const LocalIndex& index,
                                       LocalScratch& scratch) {
  Evaluator evaluator(index, scratch);
  return evaluator.eval(node, factor);
}

}  // namespace faqsearch::detail

// What the local matchers (match_locally(), top_locally()) weigh articles
// by: Xapian's BM25Weight, reproduced, and the posting sources' local forms.
// Internal to src/search.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

#include "search/bm25.h"
#include "search/clause.h"

namespace faqsearch::detail {

// Xapian::BM25Weight(k1, 0, 1, b, 0.5) on one local database: its
// termweight and sumpart, the same operations in the same order, so that
// the weights agree bit for bit.
class LocalBm25 {
 public:
  // `lengths` indexed by docid (DocLengthTable::values()).
  LocalBm25(const Xapian::Database& db, const std::vector<Xapian::termcount>& lengths, double k1, double b)
      : lengths_(lengths), k1_(k1), b_(b), doccount_(db.get_doccount()) {
    // As Xapian::BM25Weight::init() (k2 = 0): no length normalisation when
    // b or k1 is 0; the average length's inverse otherwise.
    if (b_ != 0 && k1_ != 0) {
      double average = db.get_avlength();
      length_factor_ = average != 0 ? 1 / average : 0;
    }
  }

  // The termweight for a term in `tf` articles: its idf times (k1 + 1),
  // scaled. (A term's tf is its posting count: a local database, no
  // deletion pending.)
  [[nodiscard]] double termweight(Xapian::doccount tf, double factor) const {
    // The query-frequency part, (k3 + 1) * wqf / (k3 + wqf), is 1 at k3 = 1 and wqf = 1.
    return bm25_idf(doccount_, tf) * factor * (k1_ + 1);
  }

  // Xapian::BM25Weight::get_sumpart() (k2 = 0, min_normlen = 0.5) for an
  // article of `length` with the term `wdf` times.
  [[nodiscard]] double sumpart(double termweight, Xapian::termcount wdf, Xapian::termcount length) const {
    double normalised = std::max(length * length_factor_, 0.5);
    double denominator = k1_ * (normalised * b_ + (1 - b_)) + wdf;
    return termweight * (wdf / denominator);
  }
  // The same for an article by docid.
  [[nodiscard]] double sumpart_at(double termweight, Xapian::termcount wdf, Xapian::docid did) const {
    return sumpart(termweight, wdf, length_of(did));
  }
  [[nodiscard]] Xapian::termcount length_of(Xapian::docid did) const {
    return did < lengths_.size() ? lengths_[did] : 0;
  }

  // The termfreq Xapian 1.4 gives an OR of terms in `termfreqs` articles
  // (OP_SYNONYM's idf): it pairs the two least frequent into a binary OR,
  // again and again (a Huffman tree), estimating each pair as independent,
  // a + b - a * b / N, rounded to a whole count.
  [[nodiscard]] Xapian::doccount synonym_termfreq(std::vector<Xapian::doccount> termfreqs) const {
    auto more_frequent = [](Xapian::doccount a, Xapian::doccount b) { return a > b; };
    std::make_heap(termfreqs.begin(), termfreqs.end(), more_frequent);
    while (termfreqs.size() > 1) {
      std::pop_heap(termfreqs.begin(), termfreqs.end(), more_frequent);
      double r = termfreqs.back();
      termfreqs.pop_back();
      std::pop_heap(termfreqs.begin(), termfreqs.end(), more_frequent);
      double l = termfreqs.back();
      double n = doccount_;
      termfreqs.back() = n == 0 ? 0 : static_cast<Xapian::doccount>(l + r - (l * r / n) + 0.5);
      std::push_heap(termfreqs.begin(), termfreqs.end(), more_frequent);
    }
    return termfreqs.empty() ? 0 : termfreqs.front();
  }

  [[nodiscard]] Xapian::doccount doccount() const { return doccount_; }

 private:
  const std::vector<Xapian::termcount>& lengths_;
  double k1_, b_;
  Xapian::doccount doccount_;
  double length_factor_ = 0;
};

// A node made of posting sources only (and ORs and scalings of them): it
// is asked about articles one by one (DenseWeight), never enumerated. Most
// match every article; a sparse one (SourceWeight::sparse) does not.
inline bool dense(const Clause::Node& n) {
  switch (n.op) {
    case Clause::Op::source:
      return true;
    case Clause::Op::scale:
      return dense(*n.children.front());
    case Clause::Op::any:
      return std::all_of(n.children.begin(), n.children.end(), [](const auto& c) { return dense(*c); });
    default:
      return false;
  }
}

// A dense clause (posting sources, and ORs and scalings of them), flattened
// once into (source, factor) pairs: the hot loops weigh every posting
// through it. It matches an article if any source does; it weighs it by
// the sum of those that do, left to right from 0.
class DenseWeight {
 public:
  DenseWeight(const Clause::Node& n, double factor) { flatten(n, factor); }

  // Whether it matches `did`; if so, its weight there in `weight`.
  bool weigh(Xapian::docid did, double& weight) const {
    bool matched = false;
    double sum = 0;
    for (const Part& part : parts_) {
      double entry = part.fixed;
      if (part.entries != nullptr) {
        entry = did < part.size ? part.entries[did] : 0.0;
        if (part.sparse && !(entry > 0)) continue;
        if (part.by_entry != nullptr) entry = clamped_lookup(*part.by_entry, entry);
      }
      matched = true;
      if (part.factor != 0) sum += entry * part.factor;
    }
    weight = sum;
    return matched;
  }

  // A bound on at(did) from the tables' steps (SlotTable::steps()), false
  // if some source has none (a table read through `by_entry`, or without
  // steps). REQUIRES: nonnegative()
  [[nodiscard]] bool bound_at(Xapian::docid did, double& bound) const {
    double sum = 0;
    for (const Part& part : parts_) {
      double entry = part.fixed;
      if (part.entries != nullptr) {
        if (part.steps == nullptr) return false;
        entry = did < part.size ? (*part.step_values)[part.steps[did]] : 0.0;
      }
      if (part.factor != 0) sum += entry * part.factor;
    }
    bound = sum;
    return true;
  }

  [[nodiscard]] double at(Xapian::docid did) const {
    double weight = 0;
    weigh(did, weight);
    return weight;
  }

  [[nodiscard]] bool matches(Xapian::docid did) const {
    double ignored;
    return weigh(did, ignored);
  }

  // Whether it weighs every article alike: fixed sources only (a
  // coordination share). If so, that weight in `weight`.
  [[nodiscard]] bool constant(double& weight) const {
    if (std::any_of(parts_.begin(), parts_.end(), [](const Part& part) { return part.entries != nullptr; })) {
      return false;
    }
    return weigh(0, weight);
  }

  // The most at() can return (NaN if a source's table holds NaN).
  [[nodiscard]] double bound() const {
    double sum = 0;
    for (const Part& part : parts_) sum += std::max(part.source->bound() * part.factor, 0.0);
    return sum;
  }

  // Whether at() is never below 0 (false for NaN). Pruning by bounds
  // assumes it: with a negative weight beside positive ones, a sum rounds
  // by more than its own size.
  [[nodiscard]] bool nonnegative() const {
    return std::all_of(parts_.begin(), parts_.end(),
                       [](const Part& part) { return part.factor >= 0 && part.source->least() >= 0; });
  }

 private:
  // A source as SourceWeight says, its table's entries at hand: the hot
  // loops would otherwise follow three pointers per source per posting.
  struct Part {
    const SourceWeight* source;
    double factor;
    double fixed;
    const double* entries;  // null: `fixed` for every article
    std::size_t size;
    const std::vector<double>* by_entry;
    bool sparse;
    const std::uint8_t* steps = nullptr;  // the table's steps, if it has them and `by_entry` is null
    const std::array<double, 256>* step_values = nullptr;
  };

  void flatten(const Clause::Node& n, double factor) {
    switch (n.op) {
      case Clause::Op::source: {
        const SourceWeight& w = n.weight;
        Part part{&w, factor, w.fixed, nullptr, 0, w.by_entry.get(), w.sparse};
        if (w.table) {
          part.entries = w.table->values().data();
          part.size = w.table->values().size();
          if (!w.by_entry && w.table->steps().size() == part.size) {
            part.steps = w.table->steps().data();
            part.step_values = &w.table->step_values();
          }
        } else if (w.sparse) {
          return;  // sparse without a table: no entry above 0, so it matches nothing
        }
        parts_.push_back(part);
        return;
      }
      case Clause::Op::scale:
        return flatten(*n.children.front(), factor * n.factor);
      case Clause::Op::any:
        for (const auto& c : n.children) flatten(*c, factor);
        return;
      default:
        throw std::logic_error("match_locally: a dense weight of a clause that is not dense");
    }
  }

  std::vector<Part> parts_;
};

}  // namespace faqsearch::detail

#include "search/local_top.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>

#include "search/local_weights.h"

namespace faqsearch::detail {
namespace {

using Hits = std::vector<Scored>;
using Node = Clause::Node;
using Op = Clause::Op;

constexpr Xapian::docid kEnd = std::numeric_limits<Xapian::docid>::max();

// Bounds are compared with this much to spare, relative: a weight summed in
// another order, or a bound rounded the other way, differs in the last bits.
// (Every weight is at least 0 here: plan() refuses negative sources.)
constexpr double kBoundSlack = 1e-9;
constexpr double kNoBound = std::numeric_limits<double>::infinity();

// A part in fewer than this share of the articles always drives the walk.
constexpr double kFewArticles = 1.0 / 128;

// Keeps `hit` among the best k in `heap` (a heap by ranks_before(): its
// front the weakest held); false if it ranks after all k held. A tie ranks
// after: it comes later in docid order.
bool keep_best(Hits& heap, std::size_t k, Scored hit) {
  if (k == 0) return false;
  if (heap.size() < k) {
    heap.push_back(hit);
    std::push_heap(heap.begin(), heap.end(), ranks_before);
    return true;
  }
  if (!(hit.weight > heap.front().weight)) return false;
  std::pop_heap(heap.begin(), heap.end(), ranks_before);
  heap.back() = hit;
  std::push_heap(heap.begin(), heap.end(), ranks_before);
  return true;
}

// Articles in ascending docid order: a term's postings, read through
// Xapian as the walk asks (skip_to() passes over what it need not read), or
// a clause's matches, weighed in full beforehand.
class Stream {
 public:
  // Opened by open(): a query the walk does not take reads no postings here.
  // `articles`: how many articles have `term`.
  Stream(const Xapian::Database& db, std::string term, Xapian::doccount articles)
      : db_(&db), term_(std::move(term)), articles_(articles) {}
  explicit Stream(Hits hits) : hits_(std::move(hits)), weighed_(true), articles_(static_cast<double>(hits_.size())) {
    settle();
  }

  void open() {
    if (weighed_) return;
    it_ = db_->postlist_begin(term_);
    end_ = db_->postlist_end(term_);
    settle();
  }

  [[nodiscard]] Xapian::docid docid() const { return docid_; }
  [[nodiscard]] bool weighed() const { return weighed_; }
  // How many articles it has (from start to end).
  [[nodiscard]] double articles() const { return articles_; }
  // A weighed stream's articles after `did`, wherever it is.
  [[nodiscard]] std::size_t count_after(Xapian::docid did) const {
    auto after =
        std::upper_bound(hits_.begin(), hits_.end(), did, [](Xapian::docid d, const Scored& s) { return d < s.docid; });
    return static_cast<std::size_t>(hits_.end() - after);
  }
  [[nodiscard]] Xapian::termcount wdf() const { return it_.get_wdf(); }
  [[nodiscard]] double weight() const { return hits_[next_hit_ - 1].weight; }

  void next() {
    if (!weighed_) ++it_;
    settle();
  }
  // Moves to the first article at or after `did`.
  void seek(Xapian::docid did) {
    if (docid_ >= did) return;
    if (weighed_) {
      auto from = hits_.begin() + static_cast<std::ptrdiff_t>(next_hit_);
      next_hit_ = static_cast<std::size_t>(
          std::lower_bound(from, hits_.end(), did, [](const Scored& s, Xapian::docid d) { return s.docid < d; }) -
          hits_.begin());
    } else {
      it_.skip_to(did);
    }
    settle();
  }

 private:
  void settle() {
    if (weighed_) {
      docid_ = next_hit_ < hits_.size() ? hits_[next_hit_++].docid : kEnd;
    } else {
      docid_ = it_ != end_ ? *it_ : kEnd;
    }
  }

  const Xapian::Database* db_ = nullptr;
  std::string term_;
  Xapian::PostingIterator it_, end_;
  Hits hits_;
  std::size_t next_hit_ = 0;  // one past the current hit
  bool weighed_ = false;
  double articles_ = 0;
  Xapian::docid docid_ = kEnd;
};

// One addend of the query's OR, as match_locally() sums them: a term (or a
// synonym) weighed by BM25, a dense weight over the articles having any of
// some terms (a title clause), a constant over the articles that other parts
// match (a coordination share: see derive_constants()), or a clause weighed
// in full.
struct Part {
  enum class Kind { bm25, synonym, dense, derived, weighed };
  Kind kind = Kind::weighed;
  std::vector<std::size_t> streams;
  double termweight = 0;
  std::optional<DenseWeight> weight;
  // A derived part: `constant` wherever a list of one of its `owners` has
  // the article. An owner names it as its `dependent`.
  std::vector<std::size_t> owners;
  double constant = 0;
  std::optional<std::size_t> dependent;
  const Clause::Node* node = nullptr;  // a part weighed in full: its clause, at `factor`
  double factor = 0;
  double bound = 0;              // the most it adds to an article
  bool zero = false;             // scaled by 0: weighs 0 wherever it matches, as match_locally() has it
  Xapian::docid dropped_at = 0;  // the docid the walk was at when it stopped driving it
};

class TopWalk {
 public:
  TopWalk(const LocalIndex& index, LocalScratch& scratch)
      : index_(index), scratch_(scratch), bm25_(index.db, index.lengths.values(), index.k1, index.b) {}

  // Reads `root`'s shape; false if it is not one the walk handles.
  bool plan(const Node& root) {
    const Node* n = &root;
    if (n->op == Op::maybe) {
      if (!dense(*n->children[1])) return false;
      boosts_.emplace(*n->children[1], 1.0);
      n = n->children[0].get();
    }
    double factor = 1;
    auto unscale = [&] {
      while (n->op == Op::scale) {
        factor *= n->factor;
        n = n->children.front().get();
      }
    };
    unscale();
    if (n->op == Op::filter && !part_of_or(*n)) {
      condition_ = n->children[1].get();
      n = n->children[0].get();
      unscale();
    }
    if (!collect(*n, factor)) return false;
    for (const Part& p : parts_) {
      if (!(p.bound >= 0 && std::isfinite(p.bound))) return false;
      if (p.weight && !p.weight->nonnegative()) return false;
    }
    if (boosts_ && !boosts_->nonnegative()) return false;
    derive_constants();

    boost_bound_ = boosts_ ? boosts_->bound() : 0.0;
    return std::isfinite(boost_bound_) && !parts_.empty();
  }

  LocalTop run(std::size_t k) {
    for (Part& part : parts_) {
      if (part.node == nullptr) continue;
      Hits hits = match_node_locally(*part.node, part.factor, index_, scratch_);
      for (const Scored& s : hits) {
        // A weight below 0 or not a number leaves no bound: nothing is then skipped.
        part.bound = std::isfinite(s.weight) && s.weight >= 0 ? std::max(part.bound, s.weight) : kNoBound;
        if (part.bound == kNoBound) break;
      }
      streams_.emplace_back(std::move(hits));
      part.streams.push_back(streams_.size() - 1);
    }
    for (Stream& stream : streams_) stream.open();
    read_condition();
    k_ = k;
    // Weakest first: the walk stops driving parts from the front. A part
    // of few articles always drives: walking its postings costs less than
    // asking it about every article the others bring.
    double few = index_.db.get_doccount() * kFewArticles;
    auto lists_drop = [&](const Part& p) {
      double articles = 0;  // about: a list's articles may be in another of its lists too
      for (std::size_t s : p.streams) articles += streams_[s].articles();
      return articles >= few;
    };
    // A derived part goes before all its owners: among the parts that may
    // stop driving it sorts by its weakest owner's bound (first on a tie),
    // so it goes just before that owner when both may stop driving, and
    // any owner that may makes it one that may. It must stop driving no
    // later than any owner does, since an article the walk no longer brings
    // may have it through that owner; and while its owners all drive, they
    // decide it, so counting its bound among the parts not driving (as its
    // own, smaller bound would place it) would only loosen their sum: in
    // the default profile that cost 4% of the walk's instructions.
    std::vector<bool> drops(parts_.size());
    std::vector<double> sort_key(parts_.size());
    for (std::size_t i = 0; i < parts_.size(); ++i) {
      const Part& p = parts_[i];
      drops[i] = lists_drop(p) ||
                 std::any_of(p.owners.begin(), p.owners.end(), [&](std::size_t o) { return lists_drop(parts_[o]); });
      sort_key[i] = p.owners.empty() ? p.bound : kNoBound;
      for (std::size_t owner : p.owners) sort_key[i] = std::min(sort_key[i], parts_[owner].bound);
    }
    order_.resize(parts_.size());
    for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = i;
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      if (drops[a] != drops[b]) return static_cast<bool>(drops[a]);
      if (sort_key[a] != sort_key[b]) return sort_key[a] < sort_key[b];
      return parts_[a].kind == Part::Kind::derived && parts_[b].kind != Part::Kind::derived;
    });
    droppable_ = static_cast<std::size_t>(std::count(drops.begin(), drops.end(), true));
    // A derived part is decided from its owners, never from its lists.
    parts_of_stream_.assign(streams_.size(), {});
    for (std::size_t part = 0; part < parts_.size(); ++part) {
      if (parts_[part].kind == Part::Kind::derived) continue;
      for (std::size_t s : parts_[part].streams) parts_of_stream_[s].push_back(part);
    }
    position_.resize(parts_.size());
    for (std::size_t i = 0; i < order_.size(); ++i) position_[order_[i]] = i;
    prefix_.assign(parts_.size() + 1, 0.0);
    for (std::size_t i = 0; i < order_.size(); ++i) prefix_[i + 1] = prefix_[i] + parts_[order_[i]].bound;
    choose_driving(0);

    std::vector<double> contribution(parts_.size());
    // Per part, for the article at hand.
    enum class Seen : std::uint8_t { not_yet, absent, present };
    std::vector<Seen> state(parts_.size(), Seen::not_yet);
    std::vector<std::size_t> looked_at;
    Xapian::doccount counted = 0;
    Xapian::docid did = kEnd;
    for (std::size_t s : driving_streams_) did = std::min(did, streams_[s].docid());
    while (did != kEnd) {
      if (admits(did)) {
        double partial = 0;
        bool matched = false;
        // A part matches the article with weight `w` (and so the article matches).
        auto count_present = [&](std::size_t part, double w) {
          contribution[part] = w;
          state[part] = Seen::present;
          partial += w;
          matched = true;
        };
        auto weigh = [&](std::size_t part) {
          looked_at.push_back(part);
          state[part] = Seen::absent;
          if (parts_[part].kind == Part::Kind::derived) return;  // absent: no owner's list had the article
          // A synonym sums the wdf of all its terms: each of its streams
          // must be at the article, not only the one that brought it.
          // (The other parts match if any stream is there.)
          if (parts_[part].kind == Part::Kind::synonym) {
            for (std::size_t s : parts_[part].streams) streams_[s].seek(did);
          }
          bool listed = false;
          if (std::optional<double> w = weigh_part(parts_[part], did, listed)) {
            count_present(part, *w);
          } else if (!listed) {
            return;
          }
          // A list of it has the article: so its derived part matches, even
          // if the owner itself does not (a sparse source's 0).
          if (std::optional<std::size_t> d = parts_[part].dependent; d && state[*d] == Seen::not_yet) {
            looked_at.push_back(*d);
            count_present(*d, parts_[*d].constant);
          }
        };
        // The parts of the streams at this article; every other driving
        // part is absent (its streams are past it).
        for (std::size_t s : driving_streams_) {
          if (streams_[s].docid() != did) continue;
          for (std::size_t part : parts_of_stream_[s]) {
            if (state[part] == Seen::not_yet) weigh(part);
          }
        }
        // Whether the article, with at most `rest` more from the parts,
        // cannot enter the k held. Its boosts count by their bound first,
        // then by their tables' steps (SlotTable::steps(): a byte per
        // article, which stays in cache); the boosts themselves (two lookups
        // that, at random, miss the cache) are read only for an article
        // that is kept, to sum its weight (or where a table has no steps).
        // The steps are within 1/255 of the tables' largest values. Reading
        // the boosts wherever their bound did not settle an article read
        // 136,000 pairs on e2e_bench's 180 walked queries at 100k, for
        // 14,400 articles kept.
        bool skipping = heap_.size() >= k_;
        std::optional<double> boost_bound, boost;  // `boost` read only where a table has no steps
        auto cannot_enter_with = [&](double rest) {
          if (!skipping) return false;
          if (cannot_enter(rest)) return true;
          if (!boosts_) return false;
          if (!boost_bound) {
            if (double steps = 0; boosts_->bound_at(did, steps)) {
              boost_bound = steps;
            } else {
              boost = boosts_->at(did);
              boost_bound = boost;
            }
          }
          return cannot_reach(rest + *boost_bound);
        };
        // The bounds, in prefix_, of the parts not driving that are settled
        // already (a list shared with a driving part brought them, or a
        // derived part's owner did): their weights are in `partial`.
        double settled = 0;
        auto settle_bound = [&](std::size_t part, double sign) {
          if (std::isfinite(parts_[part].bound)) settled += sign * parts_[part].bound;
        };
        for (std::size_t part : looked_at) {
          if (position_[part] < driven_from_) settle_bound(part, 1);
        }
        bool dropped = false;
        for (std::size_t i = driven_from_; i-- > 0;) {
          if (cannot_enter_with(partial + std::max(0.0, prefix_[i + 1] - settled))) {
            dropped = true;
            break;
          }
          std::size_t part = order_[i];
          if (state[part] != Seen::not_yet) {
            settle_bound(part, -1);  // passed: no longer in prefix_
            continue;
          }
          std::size_t weighed_from = looked_at.size();
          // A derived part's owners follow it in the order, so each is
          // settled by now (weighed above, or driving and so absent unless
          // its list brought the article), and would have settled it if a
          // list of theirs had the article: it is absent. Its lists are not
          // sought.
          if (parts_[part].kind != Part::Kind::derived) {
            for (std::size_t s : parts_[part].streams) streams_[s].seek(did);
          }
          weigh(part);
          // A dependent settled with it, still ahead.
          for (std::size_t j = weighed_from; j < looked_at.size(); ++j) {
            if (position_[looked_at[j]] < i) settle_bound(looked_at[j], 1);
          }
        }
        if (matched) ++counted;
        if (matched && !dropped && !cannot_enter_with(partial)) {
          // In match_locally()'s order: the parts as the OR lists them, then the boosts.
          double sum = 0;
          for (std::size_t part = 0; part < parts_.size(); ++part) {
            if (state[part] == Seen::present) sum += contribution[part];
          }
          if (boosts_) sum += boost ? *boost : boosts_->at(did);
          offer({did, sum});
        }
        for (std::size_t part : looked_at) state[part] = Seen::not_yet;
        looked_at.clear();
      }
      // On to the next article any driving stream has.
      Xapian::docid next = kEnd;
      for (std::size_t s : driving_streams_) {
        Stream& stream = streams_[s];
        if (stream.docid() == did) stream.next();
        next = std::min(next, stream.docid());
      }
      did = next;
    }

    LocalTop top;
    top.exact = driven_from_ == 0;
    top.matches = top.exact ? counted : estimate(counted);
    std::sort_heap(heap_.begin(), heap_.end(), ranks_before);
    top.hits = std::move(heap_);
    return top;
  }

 private:
  // Whether `n` is one addend of the OR (a dense weight over the articles
  // having any of some terms) rather than a filter on the whole query.
  static bool part_of_or(const Node& n) {
    return n.op == Op::filter && dense(*n.children[0]) && any_of_terms(*n.children[1]);
  }

  // Whether `n` is a term or an OR of such (nested, as a coordination
  // share's condition: a word's title terms or its body terms).
  static bool any_of_terms(const Node& n) {
    if (n.op == Op::term) return true;
    return n.op == Op::any &&
           std::all_of(n.children.begin(), n.children.end(), [](const auto& c) { return any_of_terms(*c); });
  }

  // The terms of `n` (REQUIRES: any_of_terms(n)).
  static void terms_of(const Node& n, std::vector<const std::string*>& out) {
    if (n.op == Op::term) {
      out.push_back(&n.term);
      return;
    }
    for (const auto& c : n.children) terms_of(*c, out);
  }

  // The addends of the OR `n` at `factor`, in match_locally()'s order (its
  // collect()). False for a part that matches every article (a posting
  // source directly under the OR): there is nothing to skip then.
  bool collect(const Node& n, double factor) {
    if (n.op == Op::scale) return collect(*n.children.front(), factor * n.factor);
    if (dense(n)) return false;
    if (n.op == Op::any) {
      return std::all_of(n.children.begin(), n.children.end(), [&](const auto& c) { return collect(*c, factor); });
    }
    Part part;
    if (n.op == Op::term) {
      Xapian::doccount tf = index_.termfreq(n.term);
      if (tf == 0) return true;  // adds nothing, matches nothing
      part.kind = Part::Kind::bm25;
      part.streams.push_back(stream_of(n.term));
      part.zero = factor == 0;
      part.termweight = part.zero ? 0.0 : bm25_.termweight(tf, factor);
      part.bound = bm25_.sumpart(part.termweight, most_wdf(), index_.db.get_doclength_lower_bound());
    } else if (n.op == Op::synonym) {
      part.kind = Part::Kind::synonym;
      std::vector<Xapian::doccount> termfreqs;
      for (const auto& c : n.children) {
        termfreqs.push_back(index_.termfreq(c->term));
        part.streams.push_back(stream_of(c->term));
      }
      part.zero = factor == 0;
      part.termweight = part.zero ? 0.0 : bm25_.termweight(bm25_.synonym_termfreq(termfreqs), factor);
      // The summed wdf is at most the article's length (match_locally clamps it so).
      part.bound = bm25_.sumpart(part.termweight, most_wdf(), index_.db.get_doclength_lower_bound());
    } else if (part_of_or(n)) {
      part.kind = Part::Kind::dense;
      part.weight.emplace(*n.children[0], factor);
      part.bound = part.weight->bound();
      std::vector<const std::string*> terms;
      terms_of(*n.children[1], terms);
      for (const std::string* term : terms) part.streams.push_back(stream_of(*term));
    } else {
      // Weighed in full by run(), if the walk is taken.
      part.node = &n;
      part.factor = factor;
    }
    parts_.push_back(std::move(part));
    return true;
  }

  // The most times any term is in one article: its length, at most. (A
  // term's own maximum would need its postings read; Xapian 1.4's glass
  // keeps one bound for the whole database, which saves little: BM25's
  // saturation puts the bound within 2% of the weight of the wdf bound 40
  // in a typical article. The short lists whose bounds it would tighten
  // always drive the walk, where their bounds do not count.)
  [[nodiscard]] Xapian::termcount most_wdf() const { return index_.db.get_doclength_upper_bound(); }

  // Finds the constant parts (a coordination share: a fixed weight over the
  // articles having any of a word's terms) whose lists are exactly those of
  // some other parts together (the word's title and body parts), and marks
  // them derived: such a part matches where a list of one of its owners has
  // the article, which run() learns when it weighs them. It then costs a
  // look at its owners' states instead of a weighing of its own for every
  // article its lists bring, which in the default profile nearly doubled
  // the parts weighed per article.
  void derive_constants() {
    // Weighed from term lists (so run() can tell when one of them has the
    // article), and not a constant itself.
    auto may_own = [&](const Part& p) {
      double ignored;
      if (p.kind == Part::Kind::dense) return !p.weight->constant(ignored);
      return p.kind == Part::Kind::bm25 || p.kind == Part::Kind::synonym;
    };
    for (std::size_t q = 0; q < parts_.size(); ++q) {
      Part& part = parts_[q];
      double constant = 0;
      if (part.kind != Part::Kind::dense || !part.weight->constant(constant)) continue;
      std::vector<std::size_t> lists = part.streams;
      std::sort(lists.begin(), lists.end());
      std::vector<std::size_t> owners, covered;
      for (std::size_t o = 0; o < parts_.size(); ++o) {
        const Part& other = parts_[o];
        if (o == q || !may_own(other)) continue;
        bool inside = std::all_of(other.streams.begin(), other.streams.end(),
                                  [&](std::size_t s) { return std::binary_search(lists.begin(), lists.end(), s); });
        if (!inside) continue;
        owners.push_back(o);
        covered.insert(covered.end(), other.streams.begin(), other.streams.end());
      }
      std::sort(covered.begin(), covered.end());
      covered.erase(std::unique(covered.begin(), covered.end()), covered.end());
      lists.erase(std::unique(lists.begin(), lists.end()), lists.end());
      bool owned = std::any_of(owners.begin(), owners.end(), [&](std::size_t o) { return parts_[o].dependent; });
      if (owners.empty() || covered != lists || owned) continue;
      for (std::size_t o : owners) parts_[o].dependent = q;
      part.kind = Part::Kind::derived;
      part.owners = std::move(owners);
      part.constant = constant;
    }
  }

  // One stream per term, shared by the parts that read it.
  std::size_t stream_of(const std::string& term) {
    auto [it, added] = stream_by_term_.try_emplace(term, streams_.size());
    if (added) streams_.emplace_back(index_.db, term, index_.termfreq(term));
    return it->second;
  }

  // The filter's articles, unless it is dense (then asked per article).
  void read_condition() {
    if (condition_ == nullptr) return;
    if (dense(*condition_)) {
      dense_condition_.emplace(*condition_, 0.0);
      return;
    }
    Hits admitted = match_node_locally(*condition_, 0.0, index_, scratch_);
    admitted_count_ = static_cast<double>(admitted.size());
    admitted_.assign(static_cast<std::size_t>(index_.db.get_lastdocid()) / 64 + 1, 0);
    for (const Scored& s : admitted) admitted_[s.docid / 64] |= std::uint64_t{1} << (s.docid % 64);
  }

  [[nodiscard]] bool admits(Xapian::docid did) const {
    if (condition_ == nullptr) return true;
    if (dense_condition_) return dense_condition_->matches(did);
    return did / 64 < admitted_.size() && (admitted_[did / 64] >> (did % 64) & 1) != 0;
  }

  // `part`'s weight for `did`, if it matches it. A BM25 or weighed part's one
  // stream, and every stream of a synonym, are at `did` or past it; a dense
  // part needs only one of its streams at `did` to match it, whatever the
  // others.
  // `listed` is set if a list of it has `did` although it does not match
  // (a dense part whose source is sparse).
  std::optional<double> weigh_part(const Part& part, Xapian::docid did, bool& listed) const {
    switch (part.kind) {
      case Part::Kind::bm25: {
        const Stream& s = streams_[part.streams.front()];
        if (s.docid() != did) return std::nullopt;
        if (part.zero) return 0.0;  // not 0 * (0 / 0) for a wdf of 0 at k1 = 0
        return bm25_.sumpart_at(part.termweight, s.wdf(), did);
      }
      case Part::Kind::synonym: {
        Xapian::termcount wdf = 0;
        bool found = false;
        for (std::size_t i : part.streams) {
          if (streams_[i].docid() == did) {
            wdf += streams_[i].wdf();
            found = true;
          }
        }
        if (!found) return std::nullopt;
        if (part.zero) return 0.0;
        Xapian::termcount length = bm25_.length_of(did);
        return bm25_.sumpart(part.termweight, std::min(wdf, length), length);
      }
      case Part::Kind::dense: {
        bool found = std::any_of(part.streams.begin(), part.streams.end(),
                                 [&](std::size_t i) { return streams_[i].docid() == did; });
        double weight;
        if (!found) return std::nullopt;
        if (!part.weight->weigh(did, weight)) {
          listed = true;
          return std::nullopt;
        }
        return weight;
      }
      case Part::Kind::derived:
        break;  // decided from its owners in run()
      case Part::Kind::weighed: {
        const Stream& s = streams_[part.streams.front()];
        if (s.docid() != did) return std::nullopt;
        return s.weight();
      }
    }
    return std::nullopt;
  }

  // Whether an article with at most `most` from the parts can no longer
  // reach the k held (the boosts' most added): it would need to beat the
  // k-th, since it comes after it in docid order.
  [[nodiscard]] bool cannot_enter(double most) const { return cannot_reach(most + boost_bound_); }
  // The same for an article whose boosts are in `most`.
  [[nodiscard]] bool cannot_reach(double most) const {
    return heap_.size() >= k_ && most + std::abs(most) * kBoundSlack <= heap_.front().weight;
  }

  // Stops driving the weakest parts whose bounds together cannot lift an
  // article into the k held: their streams are then only sought.
  void choose_driving(Xapian::docid at) {
    std::size_t from = driven_from_;
    while (from < droppable_ && cannot_enter(prefix_[from + 1])) {
      parts_[order_[from]].dropped_at = at;
      ++from;
    }
    if (from == driven_from_ && !driving_streams_.empty()) return;
    driven_from_ = from;
    driving_streams_.clear();
    for (std::size_t i = from; i < order_.size(); ++i) {
      // A driving derived part's lists are its owners', driving too.
      if (parts_[order_[i]].kind == Part::Kind::derived) continue;
      for (std::size_t s : parts_[order_[i]].streams) driving_streams_.push_back(s);
    }
    std::sort(driving_streams_.begin(), driving_streams_.end());
    driving_streams_.erase(std::unique(driving_streams_.begin(), driving_streams_.end()), driving_streams_.end());
  }

  // Once k are held, each one kept raises the bar: fewer parts may drive.
  void offer(Scored hit) {
    if (keep_best(heap_, k_, hit) && heap_.size() == k_) choose_driving(hit.docid);
  }

  // The articles counted, plus those expected in the parts no longer
  // driven, past the docid each was dropped at, taken as independent.
  [[nodiscard]] Xapian::doccount estimate(Xapian::doccount counted) const {
    double total = index_.db.get_doccount();
    double last = index_.db.get_lastdocid();
    if (total == 0 || last == 0) return counted;
    // By list, not by part: a word's body list serves its BM25 part and
    // its coordination share, which would otherwise count it twice. Term
    // lists and clauses weighed in full are estimated apart and the larger
    // kept: in the builder's queries the two cover the same articles (a
    // field's AND_MAYBE, weighed in full, has each word's articles that
    // its coordination share's terms have too).
    double missed_none_of_terms = 1, missed_none_of_weighed = 1;
    for (std::size_t s = 0; s < streams_.size(); ++s) {
      if (std::binary_search(driving_streams_.begin(), driving_streams_.end(), s)) continue;
      Xapian::docid stopped_at = 0;  // where the walk stopped reading it
      for (std::size_t part : parts_of_stream_[s]) stopped_at = std::max(stopped_at, parts_[part].dropped_at);
      if (streams_[s].weighed()) {
        double unseen = static_cast<double>(streams_[s].count_after(stopped_at));
        missed_none_of_weighed *= 1 - std::min(1.0, unseen / total);
      } else {
        double unseen = streams_[s].articles() * std::max(0.0, 1 - stopped_at / last);
        missed_none_of_terms *= 1 - std::min(1.0, unseen / total);
      }
    }
    double missed_none = std::min(missed_none_of_terms, missed_none_of_weighed);
    double admitted = condition_ == nullptr || dense_condition_ ? total : admitted_count_;
    double more = std::max(0.0, admitted - counted) * (1 - missed_none);
    return counted + static_cast<Xapian::doccount>(std::llround(more));
  }

  const LocalIndex& index_;
  LocalScratch& scratch_;
  LocalBm25 bm25_;
  std::optional<DenseWeight> boosts_;
  double boost_bound_ = 0;
  const Node* condition_ = nullptr;
  std::optional<DenseWeight> dense_condition_;
  std::vector<std::uint64_t> admitted_;
  double admitted_count_ = 0;

  std::vector<Stream> streams_;
  std::unordered_map<std::string, std::size_t> stream_by_term_;
  std::vector<std::vector<std::size_t>> parts_of_stream_;  // the parts reading each stream
  std::vector<Part> parts_;
  // The parts that may stop driving first, then the rest; each group by
  // bound, ascending (a derived part by its weakest owner's, before them).
  std::vector<std::size_t> order_;
  std::vector<std::size_t> position_;  // [part]: its place in order_
  std::vector<double> prefix_;         // [i]: the sum of the bounds of order_[0..i)
  std::size_t droppable_ = 0;          // order_[..droppable_) may stop driving
  std::size_t driven_from_ = 0;        // order_[driven_from_..] drive the walk
  std::vector<std::size_t> driving_streams_;
  std::size_t k_ = 0;
  Hits heap_;  // the best k so far; front: the weakest of them
};

// The most postings any term of `n` has.
Xapian::doccount longest_list(const Node& n, const LocalIndex& index) {
  Xapian::doccount longest = 0;
  std::function<void(const Node&)> visit = [&](const Node& node) {
    if (node.op == Op::term) longest = std::max(longest, index.termfreq(node.term));
    for (const auto& c : node.children) visit(*c);
  };
  visit(n);
  return longest;
}

// The best k of `hits` (the text's matches, in docid order, weighed) once
// `boosts` are added to each, as match_locally() adds them to an AND_MAYBE's
// required side. Only the articles that may still enter the k held have
// their boosts read: the others are ruled out by the k-th best text weight
// (those k articles weigh at least that with their boosts, which are not
// below 0), by the boosts' bound, or by their tables' steps. On an index of
// 100k articles the two tables are 1.6 MB read at random, a cache miss per
// read, where the text's matches may be thousands. REQUIRES: boosts.nonnegative()
Hits best_with_boosts(const Hits& hits, const DenseWeight& boosts, std::size_t k) {
  Hits heap;
  if (k == 0) return heap;
  double bound = boosts.bound();
  double floor = -std::numeric_limits<double>::infinity();
  if (hits.size() > k) {
    std::vector<double> text(hits.size());
    for (std::size_t i = 0; i < hits.size(); ++i) text[i] = hits[i].weight;
    std::nth_element(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(k - 1), text.end(), std::greater<>());
    floor = text[k - 1];
  }
  // Every rounding here is monotonic: a sum with a larger addend is not
  // smaller, so the comparisons need no margin.
  auto cannot_enter = [&](double most) {
    if (most < floor) return true;                             // k others weigh at least `floor`
    return heap.size() >= k && !(most > heap.front().weight);  // a tie ranks after: a later docid
  };
  for (const Scored& s : hits) {
    if (cannot_enter(s.weight + bound)) continue;
    if (double steps = 0; boosts.bound_at(s.docid, steps) && cannot_enter(s.weight + steps)) continue;
    keep_best(heap, k, {s.docid, s.weight + boosts.at(s.docid)});
  }
  std::sort_heap(heap.begin(), heap.end(), ranks_before);
  return heap;
}

}  // namespace

LocalTop top_locally(const Clause& clause, const LocalIndex& index, LocalScratch& scratch, std::size_t k,
                     Xapian::doccount walk_from) {
  LocalTop top;
  if (clause.empty()) return top;
  require_local(clause, index, "top_locally");  // before any reading
  TopWalk walk(index, scratch);
  // k = 0 asks for the count alone, which only the full weighing gives exactly.
  // The list lengths are read in a pass of their own, from the query's memo:
  // planning builds every part, which the queries weighed in full (most,
  // on small indexes) would pay for nothing (about 25 us per query on
  // covid-faq-deepset-en).
  const Node& root = *clause.node();
  if (k > 0 && longest_list(root, index) >= walk_from && walk.plan(root)) return walk.run(k);
  // Boosts on the text (the searcher's shape): read only where they may count.
  if (root.op == Op::maybe && dense(*root.children[1])) {
    DenseWeight boosts(*root.children[1], 1.0);
    if (boosts.nonnegative() && std::isfinite(boosts.bound())) {
      Hits text = match_node_locally(*root.children[0], 1.0, index, scratch);
      // A weight that is not a number orders nothing: sorted as match_locally() sorts below.
      if (std::none_of(text.begin(), text.end(), [](const Scored& s) { return std::isnan(s.weight); })) {
        top.matches = static_cast<Xapian::doccount>(text.size());
        top.hits = best_with_boosts(text, boosts, k);
        return top;
      }
    }
  }
  Hits matches = match_locally(clause, index, scratch);
  top.matches = static_cast<Xapian::doccount>(matches.size());
  auto end = matches.begin() + static_cast<std::ptrdiff_t>(std::min(k, matches.size()));
  std::partial_sort(matches.begin(), end, matches.end(), ranks_before);
  matches.erase(end, matches.end());
  top.hits = std::move(matches);
  return top;
}

}  // namespace faqsearch::detail

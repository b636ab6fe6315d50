// The plain-Xapian baseline every benchmark compares against: how a developer
// would index and search FAQ articles with Xapian's own tools and defaults.
//   index:  TermGenerator, English stemmer, STEM_SOME; title with wdf x3, then
//           the body; the id as document data and a Q term (upsert by id).
//   search: QueryParser (default OR, English stemmer, STEM_SOME), Enquire with
//           BM25Weight defaults, ids from document data.
//
// The per-field variant (Layout::fields) is the same with the title as its
// own field, as our index keeps it: title terms prefixed "S" (wdf 1), the
// body unprefixed, and the query OR(title x3, body) scaled at query time. It
// is the cost of per-field BM25 in plain Xapian: one posting list per word
// and field instead of one per word.
//
// Thread safety: one thread at a time per object, as Xapian's own objects.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "faqsearch/article.h"

namespace faqsearch::bench {

enum class Layout {
  combined,  // title and body in one field, title wdf x3
  fields,    // title and body each a field, title x3 at query time
};

class XapianBaselineIndexer {
 public:
  explicit XapianBaselineIndexer(Layout layout = Layout::combined);
  // Adds or replaces `article` in `db` (not committed).
  void upsert(Xapian::WritableDatabase& db, const Article& article);

 private:
  Layout layout_;
  Xapian::TermGenerator generator_;
};

class XapianBaselineSearcher {
 public:
  explicit XapianBaselineSearcher(const std::string& path, Layout layout = Layout::combined);
  // The ids of the best `k` articles for `text`; a query QueryParser rejects
  // is parsed again with no special syntax.
  void search(const std::string& text, unsigned k, std::vector<std::string>& ids);

 private:
  Xapian::Query parse(const std::string& text, const std::string& prefix);

  Layout layout_;
  Xapian::Database db_;
  Xapian::Enquire enquire_;
  Xapian::QueryParser parser_;
};

}  // namespace faqsearch::bench

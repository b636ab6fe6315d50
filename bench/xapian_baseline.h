// The plain-Xapian baseline every benchmark compares against: how a developer
// would index and search FAQ articles with Xapian's own tools and defaults.
//   index:  TermGenerator, English stemmer, STEM_SOME; title with wdf x3, then
//           the body; the id as document data and a Q term (upsert by id).
//   search: QueryParser (default OR, English stemmer, STEM_SOME), Enquire with
//           BM25Weight defaults, ids from document data.
//
// Thread safety: one thread at a time per object, as Xapian's own objects.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "faqsearch/article.h"

namespace faqsearch::bench {

class XapianBaselineIndexer {
 public:
  XapianBaselineIndexer();
  // Adds or replaces `article` in `db` (not committed).
  void upsert(Xapian::WritableDatabase& db, const Article& article);

 private:
  Xapian::TermGenerator generator_;
};

class XapianBaselineSearcher {
 public:
  explicit XapianBaselineSearcher(const std::string& path);
  // The ids of the best `k` articles for `text`; a query QueryParser rejects
  // is parsed again with no special syntax.
  void search(const std::string& text, unsigned k, std::vector<std::string>& ids);

 private:
  Xapian::Database db_;
  Xapian::Enquire enquire_;
  Xapian::QueryParser parser_;
};

}  // namespace faqsearch::bench

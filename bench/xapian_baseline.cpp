#include "xapian_baseline.h"

namespace faqsearch::bench {

XapianBaselineIndexer::XapianBaselineIndexer() {
  generator_.set_stemmer(Xapian::Stem("english"));
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

void XapianBaselineIndexer::upsert(Xapian::WritableDatabase& db, const Article& article) {
  Xapian::Document doc;
  generator_.set_document(doc);
  generator_.index_text(article.title, 3);
  generator_.increase_termpos();
  generator_.index_text(article.body);
  doc.set_data(article.id);
  std::string id_term(1, 'Q');
  id_term += article.id;
  doc.add_boolean_term(id_term);
  db.replace_document(id_term, doc);
}

XapianBaselineSearcher::XapianBaselineSearcher(const std::string& path) : db_(path), enquire_(db_) {
  enquire_.set_weighting_scheme(Xapian::BM25Weight());
  parser_.set_stemmer(Xapian::Stem("english"));
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_database(db_);
}

void XapianBaselineSearcher::search(const std::string& text, unsigned k, std::vector<std::string>& ids) {
  ids.clear();
  Xapian::Query query;
  try {
    query = parser_.parse_query(text);
  } catch (const Xapian::QueryParserError&) {
    query = parser_.parse_query(text, 0);
  }
  enquire_.set_query(query);
  Xapian::MSet mset = enquire_.get_mset(0, k);
  for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(it.get_document().get_data());
}

}  // namespace faqsearch::bench

#include "xapian_baseline.h"

namespace faqsearch::bench {
namespace {

constexpr Xapian::termcount kTitleWeight = 3;
const std::string kTitlePrefix = "S";

}  // namespace

XapianBaselineIndexer::XapianBaselineIndexer(Layout layout) : layout_(layout) {
  generator_.set_stemmer(Xapian::Stem("english"));
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

void XapianBaselineIndexer::upsert(Xapian::WritableDatabase& db, const Article& article) {
  Xapian::Document doc;
  generator_.set_document(doc);
  if (layout_ == Layout::combined) {
    generator_.index_text(article.title, kTitleWeight);
  } else {
    generator_.index_text(article.title, 1, kTitlePrefix);
  }
  generator_.increase_termpos();
  generator_.index_text(article.body);
  doc.set_data(article.id);
  std::string id_term(1, 'Q');
  id_term += article.id;
  doc.add_boolean_term(id_term);
  db.replace_document(id_term, doc);
}

XapianBaselineSearcher::XapianBaselineSearcher(const std::string& path, Layout layout)
    : layout_(layout), db_(path), enquire_(db_) {
  enquire_.set_weighting_scheme(Xapian::BM25Weight());
  parser_.set_stemmer(Xapian::Stem("english"));
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_database(db_);
}

Xapian::Query XapianBaselineSearcher::parse(const std::string& text, const std::string& prefix) {
  try {
    return parser_.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT, prefix);
  } catch (const Xapian::QueryParserError&) {
    return parser_.parse_query(text, 0, prefix);
  }
}

void XapianBaselineSearcher::search(const std::string& text, unsigned k, std::vector<std::string>& ids) {
  ids.clear();
  Xapian::Query query = parse(text, "");
  if (layout_ == Layout::fields) {
    Xapian::Query title(Xapian::Query::OP_SCALE_WEIGHT, parse(text, kTitlePrefix), kTitleWeight);
    query = Xapian::Query(Xapian::Query::OP_OR, title, query);
  }
  enquire_.set_query(query);
  Xapian::MSet mset = enquire_.get_mset(0, k);
  for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(it.get_document().get_data());
}

}  // namespace faqsearch::bench

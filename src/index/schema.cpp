#include "index/schema.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace faqsearch::detail::schema {
namespace {

std::string ascii_lower_trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void index_field(Xapian::Document& doc, Analyzer& analyzer, std::string_view text, std::string_view word_prefix,
                 std::string_view stem_prefix, std::string_view lang) {
  for (const Token& token : analyzer.tokenize(text)) {
    doc.add_posting(std::string(word_prefix) + token.term, token.position);
    doc.add_term(stem_term(analyzer, stem_prefix, token, lang));
  }
}

}  // namespace

std::string id_term(std::string_view id) { return std::string(kIdPrefix) + std::string(id); }

std::string category_term(std::string_view category) {
  return std::string(kCategoryPrefix) + ascii_lower_trimmed(category);
}

std::string language_term(std::string_view bcp47) {
  return std::string(kLanguagePrefix) + primary_language(bcp47);
}

std::string stem_term(Analyzer& analyzer, std::string_view stem_prefix, const Token& token, std::string_view lang) {
  std::string term(stem_prefix);
  term += token.kind == TokenKind::word ? analyzer.stem(token.term, lang) : token.term;
  return term;
}

Xapian::Document make_document(Analyzer& analyzer, const Article& article) {
  Xapian::Document doc;
  index_field(doc, analyzer, article.title, kTitleWordPrefix, kTitleStemPrefix, article.lang);
  index_field(doc, analyzer, article.body, kBodyWordPrefix, kBodyStemPrefix, article.lang);
  doc.add_boolean_term(id_term(article.id));
  if (!article.category.empty()) doc.add_boolean_term(category_term(article.category));
  if (!article.lang.empty()) doc.add_boolean_term(language_term(article.lang));

  std::optional<UnixSeconds> updated = article.updated ? article.updated : article.published;
  if (updated) doc.add_value(kUpdatedSlot, Xapian::sortable_serialise(static_cast<double>(*updated)));
  if (article.published) doc.add_value(kPublishedSlot, Xapian::sortable_serialise(static_cast<double>(*article.published)));
  doc.add_value(kViewsSlot, Xapian::sortable_serialise(static_cast<double>(article.views)));

  nlohmann::json data = {{"id", article.id},     {"title", article.title},       {"body", article.body},
                         {"category", article.category}, {"lang", article.lang}, {"views", article.views},
                         {"url", article.url}};
  if (article.published) data["published"] = *article.published;
  if (article.updated) data["updated"] = *article.updated;
  doc.set_data(data.dump());
  return doc;
}

Result<Article> read_document(const Xapian::Document& doc) {
  nlohmann::json data = nlohmann::json::parse(doc.get_data(), nullptr, /*allow_exceptions=*/false);
  if (data.is_discarded() || !data.is_object()) {
    return Status(ErrorCode::corruption, fmt::format("document {}: stored data is not JSON", doc.get_docid()));
  }
  Article a;
  a.id = data.value("id", "");
  a.title = data.value("title", "");
  a.body = data.value("body", "");
  a.category = data.value("category", "");
  a.lang = data.value("lang", "");
  a.url = data.value("url", "");
  a.views = data.value("views", std::int64_t{0});
  if (data.contains("published")) a.published = data["published"].get<UnixSeconds>();
  if (data.contains("updated")) a.updated = data["updated"].get<UnixSeconds>();
  return a;
}

Status check_compatible(const Xapian::Database& db, const Analyzer& analyzer, bool* fresh) {
  std::string format = db.get_metadata(std::string(kFormatKey));
  *fresh = false;
  if (format.empty()) {
    if (db.get_doccount() == 0) {
      *fresh = true;
      return {};
    }
    return Status::unsupported("not a faqsearch index (no format version in its metadata)");
  }
  if (format != std::to_string(kFormatVersion)) {
    return Status::unsupported(
        fmt::format("index format version {} is not supported (this build reads version {}); rebuild the index",
                    format, kFormatVersion));
  }
  std::string settings = db.get_metadata(std::string(kAnalyzerKey));
  if (settings != analyzer.settings()) {
    return Status::unsupported(fmt::format(
        "index was built with analyzer settings \"{}\" but this build uses \"{}\"; rebuild the index", settings,
        analyzer.settings()));
  }
  return {};
}

std::vector<std::string> indexed_languages(const Xapian::Database& db) {
  std::vector<std::string> out;
  std::string prefix(kLanguagePrefix);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    out.push_back((*it).substr(prefix.size()));
  }
  return out;
}

}  // namespace faqsearch::detail::schema

// Reading articles from export files, with a Diagnostic for every bad record.
//
// Ingest never drops a record silently: each line either yields an Article
// or a Diagnostic that names the file, the line, the field and the problem.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "faqsearch/article.h"
#include "faqsearch/status.h"

namespace faqsearch {

struct Diagnostic {
  std::string path;      // input file name as given
  std::size_t line = 0;  // 1-based line number
  std::string field;     // the offending field, "" when the whole record is bad
  std::string message;   // what is wrong, e.g. "expected a string"

  // "path:line: field \"title\": expected a string" (field part omitted when empty).
  [[nodiscard]] std::string to_string() const;
};

// Checks the rules every indexed article obeys: a non-empty id of at most 200
// bytes, valid UTF-8 in every text field, views >= 0, a category of at most
// 200 bytes, a lang of at most 35 bytes (the longest BCP-47 tags are shorter). Returns invalid_argument with a message
// that starts with the field, e.g. `field "id": must not be empty`.
[[nodiscard]] Status validate_article(const Article& article);

// Parses one JSON object in the format of shared/data/FORMAT.md into an
// Article and validates it. On failure returns invalid_argument; `field`
// (when not null) receives the offending field name or "".
// Unknown fields are ignored; `null` counts as absent for optional fields.
[[nodiscard]] Result<Article> parse_article_json(std::string_view json, std::string* field = nullptr);

// Reads a JSONL file (one article per line) record by record.
// Blank lines are skipped; every other line gives an article or a diagnostic.
//
// Thread safety: one thread at a time.
class JsonlReader {
 public:
  struct Record {
    std::size_t line = 0;
    std::optional<Article> article;        // set iff the line is a valid article
    std::optional<Diagnostic> diagnostic;  // set iff it is not
  };

  // Opens `path` ("-" reads standard input). Returns not_found or io_error
  // naming the path when it cannot be read.
  [[nodiscard]] static Result<JsonlReader> open(const std::string& path);
  // Reads from memory; `name` stands for the path in diagnostics.
  [[nodiscard]] static JsonlReader from_string(std::string name, std::string content);

  ~JsonlReader();
  JsonlReader(JsonlReader&&) noexcept;
  JsonlReader& operator=(JsonlReader&&) noexcept;

  // The next record, or nullopt at the end of input. A read error mid-file
  // comes back as a Record with a diagnostic, after which next() is nullopt.
  [[nodiscard]] std::optional<Record> next();

 private:
  class Impl;
  explicit JsonlReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace faqsearch

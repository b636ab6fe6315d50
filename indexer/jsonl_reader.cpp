#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/utf8.h"
#include "faqsearch/reader.h"

namespace faqsearch {
namespace {

using nlohmann::json;

const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::string:
      return "a string";
    case json::value_t::array:
      return "an array";
    case json::value_t::object:
      return "an object";
    case json::value_t::discarded:
      return "nothing";
    default:
      return "a number";
  }
}

struct FieldError {
  std::string field;
  std::string message;
};

// Reads an optional (or, with `required`, a mandatory) string field.
std::optional<FieldError> read_string(const json& obj, const char* name, bool required, std::string& out) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) {
    if (required) return FieldError{name, "missing required field"};
    return std::nullopt;
  }
  if (!it->is_string()) return FieldError{name, fmt::format("expected a string, got {}", type_name(*it))};
  out = it->get<std::string>();
  return std::nullopt;
}

std::optional<FieldError> read_date(const json& obj, const char* name, std::optional<UnixSeconds>& out) {
  std::string text;
  if (auto err = read_string(obj, name, false, text)) return err;
  if (!obj.contains(name) || obj[name].is_null()) return std::nullopt;
  Result<UnixSeconds> t = parse_iso8601(text);
  if (!t) return FieldError{name, t.error().message()};
  out = t.value();
  return std::nullopt;
}

std::optional<FieldError> check_article(const Article& a) {
  if (a.id.empty()) return FieldError{"id", "must not be empty"};
  if (a.id.size() > 200) return FieldError{"id", "longer than 200 bytes"};
  if (a.category.size() > 200) return FieldError{"category", "longer than 200 bytes"};
  if (a.lang.size() > 35) return FieldError{"lang", "longer than 35 bytes (not a BCP-47 tag)"};
  if (a.views < 0) return FieldError{"views", fmt::format("negative views ({})", a.views)};
  const std::pair<const char*, const std::string*> texts[] = {{"id", &a.id},     {"title", &a.title},
                                                              {"body", &a.body}, {"category", &a.category},
                                                              {"lang", &a.lang}, {"url", &a.url}};
  for (const auto& [name, text] : texts) {
    std::size_t offset = 0;
    if (!detail::is_valid_utf8(*text, &offset))
      return FieldError{name, fmt::format("invalid UTF-8 at byte {}", offset)};
  }
  return std::nullopt;
}

}  // namespace

std::string Diagnostic::to_string() const {
  if (field.empty()) return fmt::format("{}:{}: {}", path, line, message);
  return fmt::format("{}:{}: field \"{}\": {}", path, line, field, message);
}

Status validate_article(const Article& a) {
  if (auto err = check_article(a)) {
    return Status::invalid_argument(fmt::format("field \"{}\": {}", err->field, err->message));
  }
  return {};
}

Result<Article> parse_article_json(std::string_view text, std::string* field) {
  auto fail = [&](const std::string& f, const std::string& message) -> Result<Article> {
    if (field) *field = f;
    return Status::invalid_argument(f.empty() ? message : fmt::format("field \"{}\": {}", f, message));
  };
  std::size_t bad_offset = 0;
  if (!detail::is_valid_utf8(text, &bad_offset))
    return fail("", fmt::format("invalid UTF-8 at byte {}", bad_offset + 1));
  json obj = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (obj.is_discarded()) {
    // Parse again with exceptions only to get the parser's position and reason.
    try {
      json reparsed = json::parse(text);
      (void)reparsed;
    } catch (const json::exception& e) {  // parse_error, or out_of_range for 1e400
      std::string what = e.what();
      auto pos = what.find("parse error");
      return fail("", "invalid JSON: " + (pos == std::string::npos ? what : what.substr(pos)));
    }
    return fail("", "invalid JSON");
  }
  if (!obj.is_object()) return fail("", fmt::format("expected a JSON object, got {}", type_name(obj)));

  Article a;
  std::optional<FieldError> err;
  if ((err = read_string(obj, "id", true, a.id)) || (err = read_string(obj, "title", true, a.title)) ||
      (err = read_string(obj, "body", true, a.body)) || (err = read_string(obj, "category", false, a.category)) ||
      (err = read_string(obj, "lang", false, a.lang)) || (err = read_string(obj, "url", false, a.url)) ||
      (err = read_date(obj, "published", a.published)) || (err = read_date(obj, "updated", a.updated))) {
    return fail(err->field, err->message);
  }
  if (auto it = obj.find("views"); it != obj.end() && !it->is_null()) {
    if (it->is_number_unsigned()) {
      auto v = it->get<std::uint64_t>();
      if (v > static_cast<std::uint64_t>(INT64_MAX)) return fail("views", "too large");
      a.views = static_cast<std::int64_t>(v);
    } else if (it->is_number_integer()) {
      return fail("views", fmt::format("negative views ({})", it->get<std::int64_t>()));
    } else {
      return fail("views", fmt::format("expected a non-negative integer, got {}", it->dump()));
    }
  }
  if (auto invalid = check_article(a)) return fail(invalid->field, invalid->message);
  return a;
}

class JsonlReader::Impl {
 public:
  Impl(std::string name, std::unique_ptr<std::istream> owned, std::istream* in)
      : name_(std::move(name)), owned_(std::move(owned)), in_(in) {}

  std::optional<Record> next() {
    std::string line;
    while (!done_) {
      if (!std::getline(*in_, line)) {
        done_ = true;
        if (in_->bad()) {
          Record r;
          r.line = line_ + 1;
          r.diagnostic = Diagnostic{name_, line_ + 1, "", fmt::format("read error: {}", std::strerror(errno))};
          return r;
        }
        return std::nullopt;
      }
      ++line_;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      Record r;
      r.line = line_;
      std::string field;
      Result<Article> article = parse_article_json(line, &field);
      if (article) {
        r.article = std::move(article).value();
      } else {
        std::string message = article.error().message();
        // The field is reported separately; keep only the reason.
        if (!field.empty()) message = message.substr(message.find(": ") + 2);
        r.diagnostic = Diagnostic{name_, line_, field, message};
      }
      return r;
    }
    return std::nullopt;
  }

 private:
  std::string name_;
  std::unique_ptr<std::istream> owned_;
  std::istream* in_;
  std::size_t line_ = 0;
  bool done_ = false;
};

JsonlReader::JsonlReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
JsonlReader::~JsonlReader() = default;
JsonlReader::JsonlReader(JsonlReader&&) noexcept = default;
JsonlReader& JsonlReader::operator=(JsonlReader&&) noexcept = default;

Result<JsonlReader> JsonlReader::open(const std::string& path) {
  if (path == "-") return JsonlReader(std::make_unique<Impl>("<stdin>", nullptr, &std::cin));
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!file->is_open()) {
    int err = errno;
    std::string why = std::strerror(err);
    if (err == ENOENT) return Status::not_found(fmt::format("{}: {}", path, why));
    return Status::io_error(fmt::format("{}: {}", path, why));
  }
  // Opening a directory succeeds on Linux; reading it fails. Catch it here.
  if (file->peek(); file->bad()) return Status::io_error(fmt::format("{}: cannot read (is it a directory?)", path));
  file->clear();
  std::istream* raw = file.get();
  return JsonlReader(std::make_unique<Impl>(path, std::move(file), raw));
}

std::optional<JsonlReader::Record> JsonlReader::next() { return impl_->next(); }

JsonlReader JsonlReader::from_string(std::string name, std::string content) {
  auto stream = std::make_unique<std::istringstream>(std::move(content));
  std::istream* raw = stream.get();
  return JsonlReader(std::make_unique<Impl>(std::move(name), std::move(stream), raw));
}

}  // namespace faqsearch

// Article: one help-center FAQ entry, the unit that is indexed and returned.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "faqsearch/status.h"

namespace faqsearch {

// Seconds since 1970-01-01T00:00:00Z.
using UnixSeconds = std::int64_t;

struct Article {
  std::string id;        // required, unique within an index, 1..200 bytes
  std::string title;     // required
  std::string body;      // required, may be empty (question-only FAQ sets)
  std::string category;  // optional; "" when absent
  std::string lang;      // BCP-47 tag as given, e.g. "en", "zh-Hant"; "" when absent
  std::optional<UnixSeconds> published;
  std::optional<UnixSeconds> updated;
  std::int64_t views = 0;  // >= 0; 0 when absent
  std::string url;         // optional
};

// Parses an ISO 8601 date ("2024-03-01") or date-time ("2024-03-01T10:20:30Z",
// with optional fractional seconds and a "+hh:mm"/"-hh:mm" offset).
// Returns the instant in Unix seconds, or invalid_argument naming the problem.
[[nodiscard]] Result<UnixSeconds> parse_iso8601(std::string_view text);

// The current time in Unix seconds.
[[nodiscard]] UnixSeconds unix_now();

// Formats `t` as "YYYY-MM-DD" (UTC).
[[nodiscard]] std::string format_date(UnixSeconds t);

// The lowercase primary language subtag of a BCP-47 tag: "zh-Hant-TW" -> "zh",
// "EN_us" -> "en"; "" for "".
[[nodiscard]] std::string primary_language(std::string_view bcp47);

}  // namespace faqsearch

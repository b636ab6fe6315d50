#include "faqsearch/article.h"

#include <fmt/format.h>

#include <cctype>
#include <chrono>

namespace faqsearch {
namespace {

// Reads exactly `width` ASCII digits at `pos`; advances `pos`.
bool read_digits(std::string_view s, std::size_t& pos, int width, int& out) {
  if (pos + static_cast<std::size_t>(width) > s.size()) return false;
  int v = 0;
  for (int i = 0; i < width; ++i) {
    char c = s[pos + static_cast<std::size_t>(i)];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  pos += static_cast<std::size_t>(width);
  out = v;
  return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos < s.size() && s[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

}  // namespace

Result<UnixSeconds> parse_iso8601(std::string_view text) {
  using namespace std::chrono;
  auto bad = [&](std::string_view why) {
    return Status::invalid_argument(fmt::format("unparsable date \"{}\": {}", text, why));
  };
  std::size_t pos = 0;
  int y = 0, mo = 0, d = 0;
  if (!read_digits(text, pos, 4, y) || !expect(text, pos, '-') || !read_digits(text, pos, 2, mo) ||
      !expect(text, pos, '-') || !read_digits(text, pos, 2, d)) {
    return bad("expected YYYY-MM-DD");
  }
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return bad("no such calendar day");
  std::int64_t seconds = duration_cast<std::chrono::seconds>(sys_days{ymd}.time_since_epoch()).count();
  if (pos == text.size()) return seconds;

  if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ') return bad("unexpected text after the date");
  ++pos;
  int h = 0, mi = 0, sec = 0;
  if (!read_digits(text, pos, 2, h) || !expect(text, pos, ':') || !read_digits(text, pos, 2, mi)) {
    return bad("expected hh:mm after 'T'");
  }
  if (expect(text, pos, ':') && !read_digits(text, pos, 2, sec)) return bad("expected seconds");
  if (h > 23 || mi > 59 || sec > 60) return bad("time of day out of range");
  if (expect(text, pos, '.') || expect(text, pos, ',')) {
    std::size_t start = pos;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
    if (pos == start) return bad("expected digits after the decimal point");
  }
  seconds += h * 3600 + mi * 60 + sec;
  if (pos == text.size()) return seconds;  // no zone: read as UTC
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    int sign = text[pos] == '+' ? 1 : -1;
    ++pos;
    int oh = 0, om = 0;
    if (!read_digits(text, pos, 2, oh)) return bad("expected a zone offset +hh:mm");
    expect(text, pos, ':');
    if (pos < text.size() && !read_digits(text, pos, 2, om)) return bad("expected a zone offset +hh:mm");
    if (oh > 23 || om > 59) return bad("zone offset out of range");
    seconds -= sign * (oh * 3600 + om * 60);
  } else {
    return bad("unexpected text after the time");
  }
  if (pos != text.size()) return bad("unexpected text after the zone");
  return seconds;
}

UnixSeconds unix_now() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::string format_date(UnixSeconds t) {
  using namespace std::chrono;
  auto days = floor<std::chrono::days>(sys_seconds{std::chrono::seconds{t}});
  year_month_day ymd{days};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::string primary_language(std::string_view bcp47) {
  std::string out;
  for (char c : bcp47) {
    if (c == '-' || c == '_') break;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace faqsearch

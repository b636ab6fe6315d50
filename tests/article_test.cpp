#include "faqsearch/article.h"

#include <doctest/doctest.h>

using namespace faqsearch;

TEST_CASE("ISO 8601 dates and date-times parse to Unix seconds") {
  CHECK(parse_iso8601("1970-01-01").value() == 0);
  CHECK(parse_iso8601("2024-02-29").value() == 1709164800);
  CHECK(parse_iso8601("2024-02-29T01:02:03Z").value() == 1709164800 + 3723);
  CHECK(parse_iso8601("2024-02-29T01:02:03.250Z").value() == 1709164800 + 3723);
  CHECK(parse_iso8601("2024-02-29T02:02:03+01:00").value() == 1709164800 + 3723);
  CHECK(parse_iso8601("2024-02-28T20:02:03-05:00").value() == 1709164800 + 3723);
  CHECK(parse_iso8601("2024-02-29T01:02").value() == 1709164800 + 3720);
}

TEST_CASE("malformed or impossible dates are rejected with the reason") {
  for (const char* bad : {"", "2024", "2024-13-01", "2023-02-29", "2024-02-30", "24-01-01", "2024/01/01",
                          "2024-01-01T25:00:00Z", "2024-01-01T10:00:00Q", "2024-01-01garbage", "yesterday"}) {
    CAPTURE(bad);
    auto r = parse_iso8601(bad);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == ErrorCode::invalid_argument);
    CHECK(r.error().message().find("unparsable date") != std::string::npos);
  }
}

TEST_CASE("dates format back as YYYY-MM-DD in UTC") {
  CHECK(format_date(0) == "1970-01-01");
  CHECK(format_date(1709164800 + 86399) == "2024-02-29");
  CHECK(format_date(-1) == "1969-12-31");
}

TEST_CASE("the primary language subtag is lowercased and stripped of region and script") {
  CHECK(primary_language("en") == "en");
  CHECK(primary_language("zh-Hant-TW") == "zh");
  CHECK(primary_language("EN_us") == "en");
  CHECK(primary_language("") == "");
}

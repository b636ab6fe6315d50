#include "faqsearch/status.h"

#include <doctest/doctest.h>

using namespace faqsearch;

TEST_CASE("a default Status is ok and prints as ok") {
  Status s;
  CHECK(s.ok());
  CHECK(s.to_string() == "ok");
}

TEST_CASE("an error Status keeps its code and message") {
  Status s = Status::not_found("faq.db: no index found");
  CHECK_FALSE(s.ok());
  CHECK(s.code() == ErrorCode::not_found);
  CHECK(s.to_string() == "not_found: faq.db: no index found");
}

TEST_CASE("a Result holds either a value or an error") {
  Result<int> good = 42;
  REQUIRE(good.has_value());
  CHECK(good.value() == 42);
  Result<int> bad = Status::invalid_argument("nope");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code() == ErrorCode::invalid_argument);
}

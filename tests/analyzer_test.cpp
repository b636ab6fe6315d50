#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "faqsearch/analyzer.h"

using namespace faqsearch;

namespace {
std::vector<std::string> terms(Analyzer& a, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : a.tokenize(text)) out.push_back(t.term);
  return out;
}
using Terms = std::vector<std::string>;
}  // namespace

TEST_CASE("English text splits into case-folded words without punctuation") {
  Analyzer a;
  CHECK(terms(a, "How do I back up my Wallet to iCloud?") == Terms{"how", "do", "i", "back", "up", "my", "wallet", "to", "icloud"});
  CHECK(terms(a, "") == Terms{});
  CHECK(terms(a, "?!... --- ;;") == Terms{});
}

TEST_CASE("token offsets point at the original bytes and positions count words") {
  Analyzer a;
  std::string text = "Reset  2FA, now";
  auto tokens = a.tokenize(text);
  std::erase_if(tokens, [](const Token& t) { return t.compound; });
  REQUIRE(tokens.size() == 3);
  CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "2FA");
  CHECK(tokens[0].position == 1);
  CHECK(tokens[2].position == 3);
}

TEST_CASE("Chinese is segmented into dictionary words, not single characters or one blob") {
  Analyzer a;
  Terms t = terms(a, "如何找到我的用户ID");
  CHECK(t.size() >= 4);
  CHECK(std::find(t.begin(), t.end(), "用户") != t.end());
  CHECK(std::find(t.begin(), t.end(), "id") != t.end());
}

TEST_CASE("Japanese is segmented into words") {
  Analyzer a;
  Terms t = terms(a, "出金が届かない場合");
  CHECK(std::find(t.begin(), t.end(), "出金") != t.end());
  CHECK(std::find(t.begin(), t.end(), "場合") != t.end());
}

TEST_CASE("Thai is segmented by dictionary") {
  Analyzer a;
  Terms t = terms(a, "วิธีสำรองข้อมูล");
  CHECK(t.size() >= 2);
  CHECK(std::find(t.begin(), t.end(), "ข้อมูล") != t.end());
}

TEST_CASE("folding is NFKC casefold: full-width letters and ligatures match their plain forms") {
  Analyzer a;
  CHECK(terms(a, "ＵＳＤＴ") == Terms{"usdt"});
  CHECK(terms(a, "Straße") == Terms{"strasse"});
  CHECK(terms(a, "ﬁle") == Terms{"file"});
}

TEST_CASE("invalid UTF-8 is not an error: bad bytes are dropped, good words kept") {
  Analyzer a;
  CHECK(terms(a, std::string("wallet \xff\xfe backup")) == Terms{"wallet", "backup"});
  CHECK(terms(a, std::string("\xc3")) == Terms{});
}

TEST_CASE("overlong tokens are dropped") {
  Analyzer a;
  std::string long_word(100, 'x');
  CHECK(terms(a, "short " + long_word + " end") == Terms{"short", "end"});
}

TEST_CASE("stemming follows the language and leaves unstemmable terms alone") {
  Analyzer a;
  CHECK(a.stem("withdrawals", "en") == "withdraw");
  CHECK(a.stem("withdrawals", "en-GB") == "withdraw");
  CHECK(a.stem("retiros", "es") == "retir");
  CHECK(a.stem("withdrawals", "") == "withdrawals");
  CHECK(a.stem("withdrawals", "zh") == "withdrawals");
  CHECK(a.stem("2024", "en") == "2024");
  CHECK(Analyzer::has_stemmer("de"));
  CHECK_FALSE(Analyzer::has_stemmer("ja"));
}

TEST_CASE("analyzer settings name the ICU version and folding") {
  Analyzer a;
  CHECK(a.settings().find("icu=") != std::string::npos);
  CHECK(a.settings().find("nfkc_cf") != std::string::npos);
}

#include "faqsearch/analyzer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

using namespace faqsearch;

namespace {
using Terms = std::vector<std::string>;

// The word tokens' terms (what the analyzer gave before compounds existed).
Terms terms(Analyzer& a, std::string_view text) {
  Terms out;
  for (const auto& t : a.tokenize(text)) {
    if (!t.compound) out.push_back(t.term);
  }
  return out;
}

Terms compound_terms(Analyzer& a, std::string_view text) {
  Terms out;
  for (const auto& t : a.tokenize(text)) {
    if (t.compound) out.push_back(t.term);
  }
  return out;
}

// "a | b | c": compared as one string so that a failure prints both lists.
std::string joined(const Terms& terms) {
  std::string out;
  for (const auto& t : terms) {
    if (!out.empty()) out += " | ";
    out += t;
  }
  return out;
}
}  // namespace

TEST_CASE("English text splits into case-folded words without punctuation") {
  Analyzer a;
  CHECK(terms(a, "How do I back up my Wallet to iCloud?") ==
        Terms{"how", "do", "i", "back", "up", "my", "wallet", "to", "icloud"});
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
  // Half-width katakana, with its separate voicing marks, becomes full-width.
  CHECK(terms(a, "ｳｫﾚｯﾄ") == Terms{"ウォレット"});
  CHECK(terms(a, "ﾊﾟｽﾜｰﾄﾞ") == Terms{"パスワード"});
}

TEST_CASE("issue 5: typographic apostrophes and Turkish dotted I fold like what users type") {
  Analyzer a;
  CHECK(terms(a, "don’t") == terms(a, "don't"));
  CHECK(terms(a, "l‘app") == Terms{"l'app"});
  CHECK(terms(a, "мʼята") == Terms{"м'ята"});
  // Full case folding leaves "i" + U+0307 for "İ"; nobody types that.
  CHECK(terms(a, "İSTANBUL İstanbul istanbul ISTANBUL") == Terms{"istanbul", "istanbul", "istanbul", "istanbul"});
  // Dotless ı is a letter of its own: folding keeps it (loose_form() does not).
  CHECK(terms(a, "ILIK ılık") == Terms{"ilik", "ılık"});
}

TEST_CASE("invalid UTF-8 is not an error: bad bytes are dropped, good words kept") {
  Analyzer a;
  CHECK(terms(a, std::string("wallet \xff\xfe backup")) == Terms{"wallet", "backup"});
  CHECK(terms(a, std::string("\xc3")) == Terms{});
  CHECK(a.cjk_bigrams(std::string("钱\xff包")) == Terms{"钱", "包"});
  CHECK(a.han_characters(std::string("钱\xff包")) == Terms{"钱", "包"});
  CHECK(a.loose_form(std::string("caf\xc3")) == std::string("caf\xc3"));
}

TEST_CASE("overlong tokens are dropped") {
  Analyzer a;
  std::string long_word(100, 'x');
  CHECK(terms(a, "short " + long_word + " end") == Terms{"short", "end"});
  // Compounds obey the same limit: this run joined would be 75 bytes.
  std::string part(15, 'y');
  std::string run = part + "-" + part + "-" + part + "-" + part + "-" + part;
  CHECK(compound_terms(a, run) == Terms{});
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

TEST_CASE("analyzer settings name the ICU version, folding and every term-changing step") {
  Analyzer a;
  std::string s = a.settings();
  CHECK(s.find("icu=") != std::string::npos);
  CHECK(s.find("nfkc_cf") != std::string::npos);
  CHECK(s.find("compounds=1") != std::string::npos);
  CHECK(s.find("loose=2") != std::string::npos);
  CHECK(s.find("bigrams=1") != std::string::npos);
  CHECK(s.find("han_characters=1") != std::string::npos);
}

// ---------------------------------------------------------------------------
// Issue 5: a global help center. One sentence per language, written for these
// tests; the expected words are ICU 72's, checked by hand to be what a
// searcher would type (Korean words keep their particles, as written with
// spaces: cjk_bigrams() is what matches their stems).

namespace {
struct LanguageCase {
  std::string_view lang;
  std::string_view text;
  Terms words;
};

const LanguageCase kLanguageCases[] = {
    {"en",
     "How do I restore my wallet after losing the phone?",
     {"how", "do", "i", "restore", "my", "wallet", "after", "losing", "the", "phone"}},
    {"zh-Hans", "我忘记了钱包密码，怎么办？", {"我", "忘记", "了", "钱包", "密码", "怎么", "办"}},
    {"zh-Hant", "如何重設錢包的登入密碼？", {"如何", "重設", "錢包", "的", "登入", "密碼"}},
    {"ja",
     "出金申請がまだ反映されていません",
     {"出金", "申請", "が", "まだ", "反映", "さ", "れ", "てい", "ま", "せん"}},
    {"ko", "비밀번호를 잊어버렸어요", {"비밀번호를", "잊어버렸어요"}},
    {"th", "ฉันลืมรหัสผ่านกระเป๋าเงิน", {"ฉัน", "ลืม", "รหัส", "ผ่าน", "กระเป๋า", "เงิน"}},
    {"lo", "ຂ້ອຍລືມລະຫັດຜ່ານ", {"ຂ້ອຍ", "ລືມ", "ລະຫັດ", "ຜ່ານ"}},
    {"km", "ខ្ញុំភ្លេចពាក្យសម្ងាត់", {"ខ្ញុំ", "ភ្លេច", "ពាក្យសម្ងាត់"}},
    {"my", "ကျွန်ုပ်စကားဝှက်မေ့သွားသည်", {"ကျွန်ုပ်", "စကားဝှက်", "မေ့", "သွား", "သည်"}},
    {"vi", "Tôi không thể rút tiền về ngân hàng", {"tôi", "không", "thể", "rút", "tiền", "về", "ngân", "hàng"}},
    {"fr", "Je n’arrive pas à retirer mes économies", {"je", "n'arrive", "pas", "à", "retirer", "mes", "économies"}},
    {"de",
     "Überweisungen werden nach drei Werktagen gutgeschrieben",
     {"überweisungen", "werden", "nach", "drei", "werktagen", "gutgeschrieben"}},
    {"es", "¿Por qué mi retiro está pendiente?", {"por", "qué", "mi", "retiro", "está", "pendiente"}},
    {"pt", "Não consigo verificar minha identificação", {"não", "consigo", "verificar", "minha", "identificação"}},
    {"ru", "Как восстановить доступ к кошельку?", {"как", "восстановить", "доступ", "к", "кошельку"}},
    {"ar", "لا أستطيع سحب الأموال من حسابي", {"لا", "أستطيع", "سحب", "الأموال", "من", "حسابي"}},
    {"he", "איך משנים את הסיסמה בחשבון", {"איך", "משנים", "את", "הסיסמה", "בחשבון"}},
    {"tr", "Şifremi unuttum, hesabıma giremiyorum", {"şifremi", "unuttum", "hesabıma", "giremiyorum"}},
    // Case folding maps final ς to σ, so "πώς" and "ΠΏΣ" agree.
    {"el", "Πώς αλλάζω τον κωδικό πρόσβασης;", {"πώσ", "αλλάζω", "τον", "κωδικό", "πρόσβασησ"}},
    {"hi", "मैं अपना पासवर्ड भूल गया हूँ", {"मैं", "अपना", "पासवर्ड", "भूल", "गया", "हूँ"}},
};
}  // namespace

TEST_CASE("issue 5: each of 20 languages splits into the words a searcher types") {
  Analyzer a;
  for (const auto& c : kLanguageCases) {
    INFO("lang: " << c.lang << ", text: " << c.text);
    CHECK(joined(terms(a, c.text)) == joined(c.words));
    CHECK(compound_terms(a, c.text) == (c.lang == "fr" ? Terms{"arrive", "narrive"} : Terms{}));
  }
}

TEST_CASE("issue 5: right-to-left words come out in logical order with their own byte ranges") {
  Analyzer a;
  for (std::string_view text : {std::string_view("لا أستطيع سحب الأموال"), std::string_view("איך משנים את הסיסמה")}) {
    INFO(text);
    auto tokens = a.tokenize(text);
    REQUIRE(tokens.size() == 4);
    std::size_t previous_end = 0;
    for (const Token& t : tokens) {
      CHECK(t.begin >= previous_end);  // reading order is storage order
      previous_end = t.end;
    }
    // The first token is the first word read (the rightmost on screen).
    CHECK(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin) == text.substr(0, tokens[0].end));
  }
}

TEST_CASE("issue 5: mixed-language text keeps each script's words") {
  Analyzer a;
  CHECK(terms(a, "iCloud 备份") == Terms{"icloud", "备份"});
  CHECK(terms(a, "KYC 認証") == Terms{"kyc", "認証"});
  // ICU breaks between Latin and Hangul, so the particle 로 leaves "ID".
  CHECK(terms(a, "Face ID로 로그인") == Terms{"face", "id", "로", "로그인"});
  CHECK(terms(a, "USDT được rút về ví") == Terms{"usdt", "được", "rút", "về", "ví"});
}

TEST_CASE("issue 5: stems for inflected languages, accented and not") {
  struct Case {
    std::string_view lang, word, stem;
  };
  const Case cases[] = {
      {"es", "retiros", "retir"},
      {"es", "pendientes", "pendient"},
      {"fr", "économies", "économ"},
      {"fr", "retiré", "retir"},
      {"de", "überweisungen", "uberweis"},
      {"de", "werktagen", "werktag"},
      {"ru", "кошельку", "кошельк"},
      {"ru", "кошелька", "кошельк"},
      {"ar", "الأموال", "اموال"},
      {"ar", "حسابي", "حساب"},
      {"tr", "hesabıma", "hesap"},
      {"tr", "şifremi", "şifre"},
      {"pt", "identificações", "identific"},
      {"pt", "carteiras", "carteir"},
  };
  Analyzer a;
  for (const auto& c : cases) {
    INFO(c.lang << " " << c.word);
    CHECK(a.stem(c.word, c.lang) == c.stem);
  }
  // A query typed without accents meets the article's word when both sides
  // stem the loose form.
  CHECK(a.stem(a.loose_form("économies"), "fr") == a.stem("economies", "fr"));
  CHECK(a.stem(a.loose_form("señales"), "es") == a.stem("senales", "es"));
  CHECK(a.stem(a.loose_form("şifremi"), "tr") == a.stem("sifremi", "tr"));
  CHECK(a.stem(a.loose_form("identificação"), "pt") == a.stem("identificacao", "pt"));
}

TEST_CASE("issue 5: loose_form drops what users leave out and keeps what spells the word") {
  struct Case {
    std::string_view lang, term, loose;
  };
  const Case cases[] = {
      {"en", "wallet", "wallet"},  // ASCII returns at once
      {"vi", "tiếng", "tieng"},
      {"vi", "đồng", "dong"},
      {"vi", "nẵng", "nang"},
      {"fr", "économies", "economies"},
      {"fr", "cœur", "coeur"},
      {"fr", "l'école", "l'ecole"},
      {"es", "señal", "senal"},
      {"es", "está", "esta"},
      {"pt", "não", "nao"},
      {"pt", "identificação", "identificacao"},
      {"de", "überweisung", "uberweisung"},
      {"de", "strasse", "strasse"},  // "ß" is "ss" after folding already
      {"nb", "søknad", "søknad"},    // ø is a letter, not o + mark
      {"pl", "łódź", "lodz"},
      {"tr", "şifre", "sifre"},
      {"tr", "ılık", "ilik"},
      {"ru", "ёлка", "елка"},
      {"ru", "йогурт", "йогурт"},  // й is not и + mark for search
      {"uk", "їжак", "їжак"},
      {"el", "κωδικό", "κωδικο"},
      {"el", "ϊ", "ι"},
      {"ar", "أستطيع", "استطيع"},
      {"ar", "مُحَمَّد", "محمد"},
      {"ar", "الـمحفظة", "المحفظه"},
      {"ar", "مستوى", "مستوي"},
      {"ar", "١٢٣٬٤٥٦٫٧٨", "123,456.78"},
      {"he", "שָׁלוֹם", "שלום"},
      {"zh", "錢包", "钱包"},
      {"zh", "密碼", "密码"},
      {"zh", "钱包", "钱包"},
      {"zh", "为啥", "为什么"},  // colloquial question words take the common form
      {"zh", "為何", "为什么"},  // after Traditional → Simplified
      {"zh", "咋办", "怎么办"},
      {"zh", "几时", "什么时候"},
      {"zh", "多长时间", "多久"},
      {"zh", "什么", "什么"},
      {"ja", "認証", "认证"},  // kanji with a simplified form too
      {"ja", "ユーザー", "ユーザ"},
      {"ja", "コンピューター", "コンピュータ"},
      {"ja", "コピー", "コピー"},  // too short to trim
      {"ja", "ウォレット", "ウォレット"},
      {"ja", "ぱすわーど", "ぱすわーど"},  // hiragana is not turned into katakana
      {"th", "๒๕๖๗", "2567"},
      {"th", "กระเป๋า", "กระเป๋า"},  // vowel and tone marks spell the word
      {"hi", "पासवर्ड", "पासवर्ड"},
      {"ko", "지갑", "지갑"},
      {"lo", "ຜ່ານ", "ຜ່ານ"},
      {"km", "ពាក្យសម្ងាត់", "ពាក្យសម្ងាត់"},
      {"my", "စကားဝှက်", "စကားဝှက်"},
  };
  Analyzer a;
  for (const auto& c : cases) {
    INFO(c.lang << " " << c.term);
    std::string loose = a.loose_form(c.term);
    CHECK(loose == c.loose);
    CHECK(a.loose_form(loose) == loose);  // idempotent
  }
}

TEST_CASE("issue 5: loose forms of folded tokens meet across spelling variants") {
  Analyzer a;
  auto loose_terms = [&](std::string_view text) {
    Terms out;
    for (const auto& t : terms(a, text)) out.push_back(a.loose_form(t));
    return out;
  };
  CHECK(loose_terms("Tiền về TÀI KHOẢN") == loose_terms("tien ve tai khoan"));
  CHECK(loose_terms("ﾕｰｻﾞｰ") == loose_terms("ユーザ"));
  CHECK(loose_terms("ЁЛКА") == loose_terms("елка"));
  CHECK(loose_terms("İSTANBUL'DA") == loose_terms("istanbul'da"));
}

TEST_CASE("issue 5: cjk_bigrams cuts runs of Han, kana and Hangul into overlapping pairs") {
  struct Case {
    std::string_view text;
    Terms bigrams;
  };
  const Case cases[] = {
      {"如何找到我的用户ID", {"怎么", "么找", "找到", "到我", "我的", "的用", "用户"}},  // loose: 如何 → 怎么
      {"지갑 백업", {"지갑", "백업"}},
      {"iCloud 备份", {"备份"}},
      {"KYC 認証", {"认证"}},  // loose: Traditional → Simplified
      {"錢包地址", {"钱包", "包地", "地址"}},
      {"ｳｫﾚｯﾄ", {"ウォ", "ォレ", "レッ", "ット"}},  // half-width kana folded
      {"ラーメン", {"ラー", "ーメ", "メン"}},       // ー stays inside the run
      {"ユーザー", {"ユー", "ーザ"}},               // loose: final ー dropped
      {"パスワード・リセット", {"パス", "スワ", "ワー", "ード", "リセ", "セッ", "ット"}},
      {"出金、入金。", {"出金", "入金"}},
      {"我 的", {"我", "的"}},  // a run of one gives itself
      {"Reset my 2FA", {}},
      {"ฉันลืมรหัสผ่าน", {}},  // Thai is not a bigram script
      {"", {}},
  };
  Analyzer a;
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(joined(a.cjk_bigrams(c.text)) == joined(c.bigrams));
  }
}

TEST_CASE("issue 6: han_characters gives each Han character of the bigram runs, in loose form") {
  struct Case {
    std::string_view text;
    Terms characters;
  };
  const Case cases[] = {
      {"我的钱包在哪", {"我", "的", "钱", "包", "在", "哪"}},
      {"還款 还款", {"还", "款", "还", "款"}},  // one per occurrence; Traditional → Simplified
      {"如何备份", {"怎", "么", "备", "份"}},   // the loose form of the run (如何 → 怎么)
      {"多长时间", {"多", "久"}},               // 多长时间 → 多久
      {"啥", {"什", "么"}},                     // 啥 → 什么
      {"人々", {"人", "々"}},                   // 々 has Script=Han
      {"ログイン方法", {"方", "法"}},           // kana left out
      {"iCloud 备份", {"备", "份"}},
      {"지갑 백업", {}},  // Hangul left out
      {"ฉันลืมรหัสผ่าน", {}},
      {"Reset my 2FA", {}},
      {"", {}},
  };
  Analyzer a;
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(joined(a.han_characters(c.text)) == joined(c.characters));
  }
}

TEST_CASE("issue 6: colloquial Chinese question words meet their common form in words and bigrams") {
  Analyzer a;
  auto loose_terms = [&](std::string_view text) {
    Terms out;
    for (const auto& t : terms(a, text)) out.push_back(a.loose_form(t));
    return out;
  };
  CHECK(joined(a.cjk_bigrams("为啥还不开放")) == joined(a.cjk_bigrams("为什么还不开放")));
  CHECK(joined(a.cjk_bigrams("咋还款")) == joined(a.cjk_bigrams("怎么还款")));
  CHECK(joined(a.cjk_bigrams("何时到账")) == joined(a.cjk_bigrams("什么时候到账")));
  Terms colloquial = loose_terms("啥");
  CHECK(colloquial == Terms{"什么"});
  // Only whole variants are replaced: 怎么样 and 时间 alone stay as written.
  CHECK(a.loose_form("怎么样") == "怎么样");
  CHECK(a.loose_form("时间") == "时间");
  // Nor the tail of another word: 任何时候 is "any time", 因为何种 "because of which".
  CHECK(a.loose_form("任何时候") == "任何时候");
  CHECK(a.loose_form("因为何种原因") == "因为何种原因");
  CHECK(joined(a.cjk_bigrams("任何时候都可以")) == "任何 | 何时 | 时候 | 候都 | 都可 | 可以");
  CHECK(a.loose_form("何时任何时候何时") == "什么时候任何时候什么时候");
}

// Identifiers users type: each row lists the word tokens and then the
// compound tokens, in the order tokenize() gives them.
TEST_CASE("issue 5: identifiers are searchable whole and by their parts") {
  struct Case {
    std::string_view text;
    Terms words;
    Terms compounds;
  };
  const Case cases[] = {
      {"USDT-TRC20", {"usdt", "trc20"}, {"usdttrc20", "trc", "20"}},
      {"ERC-20", {"erc", "20"}, {"erc20"}},
      {"ＵＳＤＴ－ＴＲＣ２０", {"usdt", "trc20"}, {"usdttrc20", "trc", "20"}},
      {"BTC/USDT", {"btc", "usdt"}, {"btcusdt"}},
      {"e-mail", {"e", "mail"}, {"email"}},
      {"+1-555-0100", {"1", "555", "0100"}, {"15550100"}},
      {"trc20", {"trc20"}, {"trc", "20"}},
      {"2FA", {"2fa"}, {"2", "fa"}},
      {"v2", {"v2"}, {"2"}},
      {"a1b2c3d4", {"a1b2c3d4"}, {}},  // more than 3 parts: a code, not words
      {"my_wallet_id", {"my_wallet_id"}, {"my", "wallet", "id", "mywalletid"}},
      {"l’école", {"l'école"}, {"école", "lécole"}},
      {"İstanbul'da", {"istanbul'da"}, {"istanbul", "da", "istanbulda"}},
      {"support@lumen.example", {"support@lumen.example"}, {"lumen.example", "support", "lumen", "example"}},
      {"help.desk+eu@lumen-pay.example",
       {"help.desk", "eu@lumen", "pay.example"},
       {"help", "desk", "helpdesk", "help.desk+eu@lumen-pay.example", "eu", "lumen", "lumen-pay.example", "pay",
        "example", "payexample"}},
      {"@lumen_help", {"@lumen_help"}, {"lumen_help", "lumen", "help"}},
      {"0x9bE4c07a51D2e3F8a6b0C1d7E9f2A4b6c8D0e1F3",
       {"0x9be4c07a51d2e3f8a6b0c1d7e9f2a4b6c8d0e1f3"},
       {"9be4c07a51d2e3f8a6b0c1d7e9f2a4b6c8d0e1f3"}},
      {"0x80070005", {"0x80070005"}, {"80070005"}},
      {"6.4.2", {"6.4.2"}, {"6", "6.4"}},
      {"v6.4.2", {"v6.4.2"}, {"6.4.2", "6", "6.4"}},
      {"1,000.50", {"1,000.50"}, {"1000.50", "1000", "1,000"}},
      {"1.000,50", {"1.000,50"}, {"1000,50", "1000", "1.000"}},
      {"2,500", {"2,500"}, {"2500"}},
      {"3.5mm", {"3.5mm"}, {"3.5", "mm", "3"}},
      {"withdraw to my wallet", {"withdraw", "to", "my", "wallet"}, {}},
      {"USDT (TRC20), ERC-20.", {"usdt", "trc20", "erc", "20"}, {"trc", "20", "erc20"}},
  };
  Analyzer a;
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(joined(terms(a, c.text)) == joined(c.words));
    CHECK(joined(compound_terms(a, c.text)) == joined(c.compounds));
  }
}

TEST_CASE("issue 5: compound tokens share a word's position and cover bytes of the input") {
  Analyzer a;
  std::string text = "Send USDT-TRC20 to support@lumen.example before v6.4.2, fee 1,000.50 (錢包)";
  auto tokens = a.tokenize(text);
  std::uint32_t word_position = 0;
  bool any_compound = false;
  for (const Token& t : tokens) {
    INFO(t.term);
    CHECK(t.begin < t.end);
    CHECK(t.end <= text.size());
    if (!t.compound) {
      CHECK(t.position == ++word_position);  // words count 1, 2, 3, ...
    } else {
      any_compound = true;
      CHECK(t.position == word_position);  // right after the word it starts at
    }
  }
  CHECK(any_compound);
  // The joined run covers the whole identifier as written.
  auto run = std::find_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.term == "usdttrc20"; });
  REQUIRE(run != tokens.end());
  CHECK(text.substr(run->begin, run->end - run->begin) == "USDT-TRC20");
  CHECK(run->kind == TokenKind::word);
  auto amount = std::find_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.term == "1000"; });
  REQUIRE(amount != tokens.end());
  CHECK(amount->kind == TokenKind::number);
}

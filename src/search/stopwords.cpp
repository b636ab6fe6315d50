#include "search/stopwords.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "faqsearch/article.h"

namespace faqsearch::detail {
namespace {

// Short lists of each language's most frequent function words (articles,
// pronouns, auxiliaries, prepositions, conjunctions, question words), in
// NFKC-casefolded form. Kept short on purpose: a word that can carry meaning
// in a help-center question ("not", "can", "account") is not listed.
const std::unordered_map<std::string_view, std::unordered_set<std::string_view>>& lists() {
  static const std::unordered_map<std::string_view, std::unordered_set<std::string_view>> kLists = {
      {"en", {"a",    "an",   "the",  "and",  "or",    "of",    "to",    "in",   "on",  "at",   "by",
              "for",  "with", "from", "as",   "is",    "are",   "was",   "were", "be",  "been", "into",
              "than", "then", "that", "this", "these", "those", "there", "such", "its", "s"}},
      {"fr", {"le",    "la",  "les", "l",    "un",   "une",  "des", "du",    "de",    "d",     "et",    "ou",  "à",
              "au",    "aux", "en",  "dans", "par",  "pour", "sur", "avec",  "ce",    "cet",   "cette", "ces", "je",
              "j",     "tu",  "il",  "elle", "nous", "vous", "ils", "elles", "on",    "me",    "m",     "te",  "se",
              "s",     "y",   "qui", "que",  "qu",   "quoi", "est", "sont",  "être",  "été",   "a",     "ai",  "ont",
              "avoir", "mon", "ma",  "mes",  "son",  "sa",   "ses", "leur",  "leurs", "comme", "mais",  "si",  "c"}},
      {"de", {"der", "die",  "das",   "den",  "dem", "des",  "ein", "eine", "einen",  "einem", "einer", "eines",
              "und", "oder", "zu",    "zum",  "zur", "in",   "im",  "an",   "am",     "auf",   "aus",   "mit",
              "von", "vom",  "für",   "bei",  "ist", "sind", "war", "wird", "werden", "sein",  "hat",   "haben",
              "ich", "du",   "er",    "sie",  "es",  "wir",  "ihr", "mich", "mir",    "sich",  "wie",   "was",
              "wer", "wo",   "warum", "dass", "als", "auch", "so",  "wenn", "man",    "kann",  "mein",  "meine"}},
      {"es",
       {"el",   "la",   "los",    "las",   "un",   "una", "unos", "unas", "y",    "o",   "de",   "del",   "a",   "al",
        "en",   "por",  "para",   "con",   "que",  "qué", "es",   "son",  "ser",  "fue", "está", "están", "yo",  "tú",
        "él",   "ella", "nos",    "me",    "te",   "se",  "le",   "les",  "lo",   "mi",  "mis",  "su",    "sus", "como",
        "cómo", "cuál", "cuándo", "dónde", "pero", "si",  "este", "esta", "esto", "ese", "esa",  "hay",   "ha",  "he"}},
      {"pt", {"o",    "a",    "os",     "as",   "um",   "uma", "uns", "umas", "e",    "ou",   "de",    "do",  "da",
              "dos",  "das",  "em",     "no",   "na",   "nos", "nas", "por",  "para", "com",  "que",   "é",   "são",
              "ser",  "foi",  "está",   "eu",   "você", "ele", "ela", "se",   "me",   "meu",  "minha", "seu", "sua",
              "como", "qual", "quando", "onde", "mas",  "ao",  "aos", "pelo", "pela", "isso", "este",  "esta"}},
      {"it", {"il",    "lo",   "la",    "i",      "gli",   "le",    "l",   "un",     "uno",    "una",    "e",     "o",
              "di",    "del",  "della", "dei",    "delle", "degli", "a",   "al",     "alla",   "ai",     "in",    "nel",
              "nella", "da",   "dal",   "su",     "per",   "con",   "che", "è",      "sono",   "essere", "stato", "io",
              "tu",    "lui",  "lei",   "noi",    "voi",   "loro",  "mi",  "ti",     "si",     "ci",     "mio",   "suo",
              "come",  "cosa", "quale", "quando", "dove",  "ma",    "se",  "questo", "questa", "un'"}},
      {"nl", {"de",   "het",     "een",    "en",  "of",   "van",  "in",    "op",     "te",  "aan",  "met", "voor",
              "door", "bij",     "uit",    "is",  "zijn", "was",  "wordt", "worden", "ik",  "je",   "jij", "u",
              "hij",  "zij",     "ze",     "we",  "wij",  "mijn", "dat",   "die",    "dit", "deze", "wat", "hoe",
              "waar", "wanneer", "waarom", "als", "maar", "er",   "om",    "ook",    "nog"}},
      {"ru",
       {"и",  "в",   "во",   "не",   "на",   "с",    "со",  "что",   "как",    "а",     "но",    "или",  "к",  "ко",
        "у",  "по",  "из",   "за",   "от",   "до",   "о",   "об",    "для",    "это",   "этот",  "эта",  "я",  "мы",
        "вы", "ты",  "он",   "она",  "они",  "оно",  "мой", "мне",   "меня",   "его",   "её",    "их",   "же", "ли",
        "бы", "был", "была", "были", "быть", "есть", "где", "когда", "почему", "какой", "какая", "какие"}},
      {"zh", {"的", "了", "吗", "呢", "吧", "啊", "是", "在", "和", "与", "或", "也", "就", "都", "着", "之"}},
      {"ja",
       {"の", "は", "が", "を", "に", "へ", "と", "で", "も", "や", "か", "ね", "よ", "です", "ます", "する", "した",
        "して"}},
  };
  return kLists;
}

}  // namespace

bool is_stopword(std::string_view bcp47, std::string_view folded_word) {
  std::string lang = primary_language(bcp47);
  auto it = lists().find(lang);
  return it != lists().end() && it->second.count(folded_word) > 0;
}

}  // namespace faqsearch::detail

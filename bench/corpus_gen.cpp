#include "corpus_gen.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <random>
#include <unordered_set>

namespace faqsearch::bench {
namespace {

// Independent streams of randomness derived from the one seed.
constexpr std::uint64_t kVocabularyStream = 0x766f6361'62756c61;  // "vocabula"
constexpr std::uint64_t kArticleStream = 0x61727469'636c6573;     // "articles"
constexpr std::uint64_t kQueryStream = 0x71756572'69657321;       // "queries!"

// 2019-01-01T00:00:00Z and 2027-01-01T00:00:00Z: dates fall in 2019..2026.
constexpr UnixSeconds kFirstDate = 1'546'300'800;
constexpr UnixSeconds kEndDate = 1'798'761'600;

// SplitMix64's finaliser: spreads nearby inputs (index 7, index 8) to
// unrelated 64-bit seeds for the Mersenne Twister.
std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t z = a + 0x9e3779b97f4a7c15ULL * (b + 1);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, 1), 53 random bits.
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  // Uniform in [0, n). REQUIRES: n > 0
  std::size_t below(std::size_t n) {
    auto r = static_cast<std::size_t>(unit() * static_cast<double>(n));
    return std::min(r, n - 1);
  }

  // Uniform in [lo, hi]. REQUIRES: lo <= hi
  std::size_t between(std::size_t lo, std::size_t hi) { return lo + below(hi - lo + 1); }

  bool chance(double p) { return unit() < p; }

  // Standard normal (Box-Muller, one of the pair).
  double normal() {
    double u1 = 1.0 - unit();  // (0, 1]: log() stays finite
    double u2 = unit();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.14159265358979323846 * u2);
  }

 private:
  std::mt19937_64 engine_;
};

// Pieces of pseudo-words. A syllable is onset + nucleus + coda.
constexpr std::array<std::string_view, 22> kOnsets = {"",  "b", "c", "d", "f", "g", "h",  "k",  "l",  "m",  "n",
                                                      "p", "r", "s", "t", "v", "z", "br", "dr", "kl", "st", "tr"};
constexpr std::array<std::string_view, 8> kNuclei = {"a", "e", "i", "o", "u", "ai", "ou", "ie"};
constexpr std::array<std::string_view, 8> kCodas = {"", "n", "r", "s", "l", "m", "nd", "st"};

// Frequent words are short, as in natural languages.
std::size_t syllables_for_rank(std::size_t rank) {
  if (rank < 100) return 1;
  if (rank < 4'000) return 2;
  if (rank < 25'000) return 3;
  return 4;
}

std::string capitalized(const std::string& word) {
  std::string out = word;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace

struct CorpusGenerator::Draft {
  std::vector<std::uint32_t> title;           // word ranks
  std::vector<std::uint32_t> body;            // word ranks
  std::vector<std::size_t> sentence_lengths;  // sums to body.size()
  std::vector<bool> comma_after;              // per body word
  bool question = false;                      // title ends with '?'
  std::size_t category = 0;
  UnixSeconds published = 0;
  UnixSeconds updated = 0;
  std::int64_t views = 0;
};

CorpusGenerator::CorpusGenerator(CorpusOptions options) : options_(options) {
  assert(options_.vocabulary_size >= 1000 && options_.zipf_exponent > 0);
  Random random(mix(options_.seed, kVocabularyStream));
  std::unordered_set<std::string> seen;
  words_.reserve(options_.vocabulary_size);
  while (words_.size() < options_.vocabulary_size) {
    std::string word;
    for (std::size_t s = syllables_for_rank(words_.size()); s > 0; --s) {
      word += kOnsets[random.below(kOnsets.size())];
      word += kNuclei[random.below(kNuclei.size())];
      word += kCodas[random.below(kCodas.size())];
    }
    if (seen.insert(word).second) words_.push_back(std::move(word));
  }

  cdf_.resize(options_.vocabulary_size);
  double total = 0;
  for (std::size_t r = 0; r < cdf_.size(); ++r) {
    total += 1.0 / std::pow(static_cast<double>(r + 1), options_.zipf_exponent);
    cdf_[r] = total;
  }
  for (double& c : cdf_) c /= total;
}

std::uint32_t CorpusGenerator::zipf_rank(double u) const {
  auto it = std::upper_bound(cdf_.begin(), cdf_.end(), u);
  auto r = static_cast<std::size_t>(it - cdf_.begin());
  return static_cast<std::uint32_t>(std::min(r, cdf_.size() - 1));
}

CorpusGenerator::Draft CorpusGenerator::draft(std::size_t index) const {
  Random random(mix(mix(options_.seed, kArticleStream), index));
  Draft d;
  std::size_t title_words = random.between(5, 12);
  std::size_t body_words = random.between(40, 200);
  for (std::size_t i = 0; i < title_words; ++i) d.title.push_back(zipf_rank(random.unit()));
  d.question = random.chance(0.5);
  // An article is about its title: about one body word in eight repeats one.
  for (std::size_t i = 0; i < body_words; ++i) {
    if (random.chance(0.125)) {
      d.body.push_back(d.title[random.below(d.title.size())]);
    } else {
      d.body.push_back(zipf_rank(random.unit()));
    }
    d.comma_after.push_back(random.chance(0.06));
  }
  for (std::size_t left = body_words; left > 0;) {
    std::size_t n = std::min(left, random.between(6, 18));
    d.sentence_lengths.push_back(n);
    left -= n;
  }
  d.category = random.below(kCategories.size());
  d.published = kFirstDate + static_cast<UnixSeconds>(random.below(static_cast<std::size_t>(kEndDate - kFirstDate)));
  d.updated = d.published;
  if (random.chance(0.6)) {
    d.updated += static_cast<UnixSeconds>(random.below(static_cast<std::size_t>(kEndDate - d.published)));
  }
  // Log-normal: median e^6 (about 400), one article in a hundred over ~26'000.
  double views = std::floor(std::exp(6.0 + 1.8 * random.normal()));
  d.views = static_cast<std::int64_t>(std::min(views, 1e9));
  return d;
}

Article CorpusGenerator::article(std::size_t index) const {
  Draft d = draft(index);
  Article a;
  char id[32];
  std::snprintf(id, sizeof id, "faq-%07zu", index);
  a.id = id;
  for (std::size_t i = 0; i < d.title.size(); ++i) {
    if (i > 0) a.title += ' ';
    a.title += i == 0 ? capitalized(words_[d.title[i]]) : words_[d.title[i]];
  }
  a.title += d.question ? "?" : "";
  std::size_t w = 0;
  for (std::size_t n : d.sentence_lengths) {
    if (!a.body.empty()) a.body += ' ';
    for (std::size_t i = 0; i < n; ++i, ++w) {
      if (i > 0) a.body += d.comma_after[w - 1] ? ", " : " ";
      a.body += i == 0 ? capitalized(words_[d.body[w]]) : words_[d.body[w]];
    }
    a.body += '.';
  }
  a.category = std::string(kCategories[d.category]);
  a.lang = "en";
  a.published = d.published;
  a.updated = d.updated;
  a.views = d.views;
  a.url = "https://help.example.com/articles/" + a.id;
  return a;
}

std::vector<Article> CorpusGenerator::articles(std::size_t first, std::size_t count) const {
  std::vector<Article> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) out.push_back(article(first + i));
  return out;
}

std::vector<GeneratedQuery> CorpusGenerator::queries(std::size_t corpus_size, std::size_t count,
                                                     const std::vector<std::size_t>& term_counts) const {
  assert(corpus_size > 0 && !term_counts.empty());
  std::uint64_t stream = mix(mix(options_.seed, kQueryStream), corpus_size);
  std::vector<GeneratedQuery> out;
  out.reserve(count);
  for (std::size_t j = 0; j < count; ++j) {
    Random random(mix(stream, j));
    GeneratedQuery q;
    q.terms = term_counts[j % term_counts.size()];
    q.article = random.below(corpus_size);
    Draft d = draft(q.article);

    // Distinct words of the article, content words first; stopwords only when
    // an article is too short in content words for the query.
    std::vector<std::uint32_t> ranks = d.title;
    ranks.insert(ranks.end(), d.body.begin(), d.body.end());
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    auto content =
        std::partition_point(ranks.begin(), ranks.end(), [&](std::uint32_t r) { return r < options_.stopword_ranks; });
    std::vector<std::uint32_t> pool(content, ranks.end());
    std::vector<std::uint32_t> stop(ranks.begin(), content);
    while (pool.size() < q.terms && !stop.empty()) {
      pool.push_back(stop.back());
      stop.pop_back();
    }
    q.terms = std::min(q.terms, pool.size());

    // Partial Fisher-Yates: the first q.terms entries become a uniform sample.
    for (std::size_t i = 0; i < q.terms; ++i) {
      std::swap(pool[i], pool[i + random.below(pool.size() - i)]);
      if (i > 0) q.text += ' ';
      q.text += words_[pool[i]];
    }
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace faqsearch::bench

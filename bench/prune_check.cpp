// prune_check: does Xapian's pruning matcher return the same top-k as an
// exhaustive match, with no faqsearch code involved?
//
// Builds a small random index (title-like and body-like terms over a
// 30-word vocabulary, plus filler), then for random OR queries of three terms
// compares get_mset(0, k) with the first k of get_mset(0, all), for k = 1, 3,
// 10 and BM25 k1 = 0.3 and 1.2 (faqsearch's other BM25 parameters). Prints
// how many top-k lists differ. Xapian 1.4.22 (Debian 12) answers a few in a
// thousand wrongly; include/faqsearch/ranking.h says why and what it means
// for faqsearch.
//
// Usage: prune_check [DOCS] [QUERIES]   (defaults 400 and 20000)
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace {

// A positive count from the command line, or 0 if `text` is not one.
int count_arg(const char* text) {
  int value = 0;
  const char* end = text + std::strlen(text);
  auto [stop, error] = std::from_chars(text, end, value);
  return error == std::errc() && stop == end && value > 0 ? value : 0;
}

int run(int docs, int queries) {
  std::mt19937_64 rng(100);
  auto below = [&](std::uint64_t n) { return std::to_string(rng() % n); };
  auto count = [&](std::uint64_t low, std::uint64_t spread) { return low + rng() % spread; };

  // A glass database in the temp directory. (Xapian's deprecated in-memory
  // backend gives the same wrong answers: the matcher, not a backend, is at fault.)
  std::string path =
      (std::filesystem::temp_directory_path() / ("faqsearch-prune-check-" + std::to_string(getpid()))).string();
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  for (int i = 0; i < docs; ++i) {
    Xapian::Document doc;
    for (auto w = count(2, 5); w > 0; --w) doc.add_term("T" + below(30));
    for (auto w = count(5, 21); w > 0; --w) doc.add_term("B" + below(30));
    for (auto w = count(20, 40); w > 0; --w) doc.add_term("X" + below(3000));
    db.add_document(doc);
  }
  db.commit();

  int failures = 0;
  for (double k1 : {0.3, 1.2}) {
    int lists = 0, differ = 0;
    for (int q = 0; q < queries; ++q) {
      std::vector<Xapian::Query> terms;
      for (int t = 0; t < 3; ++t) terms.emplace_back((rng() % 2 ? "T" : "B") + below(30));
      Xapian::Enquire enquire(db);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
      enquire.set_weighting_scheme(Xapian::BM25Weight(k1, 0, 1, 0.75, 0.5));
      Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
      for (Xapian::doccount k : {1u, 3u, 10u}) {
        Xapian::MSet top = enquire.get_mset(0, k);
        ++lists;
        if (top.size() != std::min(k, all.size())) {
          ++differ;
          continue;
        }
        for (Xapian::doccount i = 0; i < top.size(); ++i) {
          if (std::fabs(top[i].get_weight() - all[i].get_weight()) > 1e-9) {
            ++differ;
            break;
          }
        }
      }
    }
    std::printf("Xapian %s, %d documents, BM25 k1 %.1f: %d of %d top-k lists differ from the exhaustive ranking\n",
                Xapian::version_string(), docs, k1, differ, lists);
    failures += differ;
  }
  db.close();
  std::filesystem::remove_all(path);
  return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  int docs = argc > 1 ? count_arg(argv[1]) : 400;
  int queries = argc > 2 ? count_arg(argv[2]) : 20000;
  if (argc > 3 || docs == 0 || queries == 0) {
    std::fprintf(stderr, "usage: prune_check [DOCS] [QUERIES]   (positive counts; defaults 400 and 20000)\n");
    return 2;
  }
  try {
    return run(docs, queries);
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "prune_check: %s\n", e.get_description().c_str());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "prune_check: %s\n", e.what());
    return 2;
  }
}

// search_minimal: run one query and print the hits.
//
//   search_minimal DB_DIR QUERY
#include <faqsearch/faqsearch.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: search_minimal DB_DIR QUERY\n";
    return 2;
  }

  // 1. Open the index once; a Searcher may then be shared by many threads.
  auto searcher = faqsearch::Searcher::open(argv[1]);
  if (!searcher) {
    std::cerr << searcher.error().to_string() << '\n';
    return 1;
  }

  // 2. Describe the search. Any text is a valid query.
  faqsearch::SearchRequest request;
  request.query = argv[2];
  request.limit = 5;

  // 3. Run it and print the best hits first.
  auto results = searcher->search(request);
  if (!results) {
    std::cerr << results.error().to_string() << '\n';
    return 1;
  }
  for (const auto& hit : results->hits) {
    std::cout << hit.id << '\t' << hit.score << '\t' << hit.title << '\n';
  }
  return 0;
}

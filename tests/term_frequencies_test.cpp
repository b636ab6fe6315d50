// TermFrequencies: a query's document frequencies, read once. Its two ways
// of prefetching them (a lookup per term, or one match's statistics, for
// remote and sharded databases) must read the same numbers as
// Database::get_termfreq(), on one database and on shards.
#include "search/term_frequencies.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "support/temp_dir.h"

using faqsearch::detail::TermFrequencies;
using faqsearch::testing::TempDir;

namespace {

// A database at `path` with one document per entry of `docs`, each having the listed terms.
void build(const std::string& path, const std::vector<std::vector<std::string>>& docs) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  for (const auto& terms : docs) {
    Xapian::Document doc;
    for (const std::string& t : terms) doc.add_term(t);
    db.add_document(doc);
  }
  db.commit();
}

const std::vector<std::string> kAsked = {"Bpassword", "Breset", "Tpassword", "Bzebra",   "Breset",
                                         "",          "Bfees",  "Xnone",     "Bpassword"};

void check_reads_as_lookups(const Xapian::Database& db, TermFrequencies::Prefetch how) {
  TermFrequencies frequencies(db, how);
  CHECK_FALSE(frequencies.known("Bpassword").has_value());  // nothing read before asked
  frequencies.prefetch(kAsked);
  for (const std::string& term : kAsked) {
    CAPTURE(term);
    if (term.empty()) {
      // Never in the match: an empty term would make the OR match every article.
      CHECK_FALSE(frequencies.known(term).has_value());
      continue;
    }
    REQUIRE(frequencies.known(term).has_value());
    CHECK(*frequencies.known(term) == db.get_termfreq(term));
    CHECK(frequencies(term) == db.get_termfreq(term));
  }
  CHECK_FALSE(frequencies.known("Bnot-asked").has_value());
  CHECK_FALSE(frequencies.may_exist("Bzebra"));  // prefetched, in no article
  CHECK(frequencies.may_exist("Bpassword"));
  // A term not prefetched: looked up term by term; counted present, unread, from one match.
  CHECK(frequencies.may_exist("Bnot-asked") == (how == TermFrequencies::Prefetch::one_match));
  CHECK(frequencies.known("Bnot-asked").has_value() == (how == TermFrequencies::Prefetch::sorted_lookups));
  CHECK(frequencies("Bnot-asked") == 0);  // read on demand, as before
  frequencies.prefetch({});               // nothing to read: no match at all
  frequencies.prefetch({""});
  CHECK_FALSE(frequencies.known("").has_value());
}

}  // namespace

TEST_CASE("a query's frequencies read alike term by term and from one match, on one database and on shards") {
  TempDir dir;
  build(dir / "one", {{"Bpassword", "Breset", "Tpassword"}, {"Bpassword", "Bfees"}, {"Bfees"}});
  build(dir / "two", {{"Bpassword"}, {"Breset", "Bfees"}, {"Tpassword", "Bpassword"}, {"Bother"}});
  Xapian::Database one(dir / "one");
  Xapian::Database shards(dir / "one");
  shards.add_database(Xapian::Database(dir / "two"));
  REQUIRE(shards.get_termfreq("Bpassword") == 4);  // summed over the shards
  for (auto how : {TermFrequencies::Prefetch::sorted_lookups, TermFrequencies::Prefetch::one_match}) {
    CAPTURE(static_cast<int>(how));
    check_reads_as_lookups(one, how);
    check_reads_as_lookups(shards, how);
  }
}

TEST_CASE("one match's frequencies on an empty database are all 0") {
  TempDir dir;
  build(dir / "empty", {});
  Xapian::Database db(dir / "empty");
  TermFrequencies frequencies(db, TermFrequencies::Prefetch::one_match);
  frequencies.prefetch({"Bpassword", "Tpassword"});
  REQUIRE(frequencies.known("Bpassword").has_value());
  CHECK(*frequencies.known("Bpassword") == 0);
  CHECK(*frequencies.known("Tpassword") == 0);
}

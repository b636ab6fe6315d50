// IndexWriter: creates or updates a faqsearch index on disk.
//
// All changes since open() or the last commit() become visible together when
// commit() returns, or not at all: a writer destroyed (or a process killed)
// before commit() leaves the index exactly as it was.
//
// Thread safety: one thread at a time. Xapian allows one writer per index;
// a second open() while a writer exists returns ErrorCode::busy. Searchers may
// keep reading while a writer works; they see a commit after reopening.
//
// Example:
//   auto writer = faqsearch::IndexWriter::open("faq.db");
//   if (!writer) { report(writer.error()); return; }
//   if (auto r = writer->upsert(article); !r) { report(r.error()); return; }
//   if (auto s = writer->commit(); !s.ok()) report(s);
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "faqsearch/article.h"
#include "faqsearch/status.h"

namespace faqsearch {

struct IndexOptions {
  // Behaviour
  // Create the index if `path` has none. When false, a missing index is not_found.
  bool create_if_missing = true;
};

enum class UpsertOutcome { added, updated };

class IndexWriter {
 public:
  // Opens (or creates) the index at `path`.
  // Returns not_found (missing and !create_if_missing), busy (another writer),
  // unsupported (an index of another format or analyzer version, or a Xapian
  // database that is not a faqsearch index), invalid_argument (a path that is
  // a file), io_error or corruption. An empty directory becomes a new index.
  [[nodiscard]] static Result<IndexWriter> open(std::string_view path, IndexOptions options = {});

  ~IndexWriter();  // discards uncommitted changes
  IndexWriter(IndexWriter&&) noexcept;
  IndexWriter& operator=(IndexWriter&&) noexcept;

  // Adds `article`, or replaces the indexed article with the same id.
  // Returns invalid_argument (see validate_article) without changing anything.
  [[nodiscard]] Result<UpsertOutcome> upsert(const Article& article);

  // Deletes the article with external id `id`. Returns true iff it existed.
  [[nodiscard]] Result<bool> remove(std::string_view id);

  // Makes every change since open() or the last commit() durable and visible.
  // On failure (io_error, ...) the changes since the last commit are
  // discarded and the index stays as it was; the writer remains usable.
  [[nodiscard]] Status commit();

  // Articles in the index, counting uncommitted changes.
  [[nodiscard]] Result<std::uint64_t> article_count() const;

 private:
  class Impl;
  explicit IndexWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace faqsearch

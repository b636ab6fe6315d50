// The ingest batch: what `faq-index` runs. Reads every input file, checks
// every record, then applies all upserts and deletions in one commit.
//
// Reading and checking happen before the index is touched, so a bad record
// in strict mode leaves the index exactly as it was (and creates none).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "faqsearch/index_writer.h"
#include "faqsearch/reader.h"
#include "faqsearch/status.h"

namespace faqsearch {

struct IngestOptions {
  // Behaviour
  // false (default): stop at the first invalid record and change nothing.
  // true: index the valid records and report each invalid one.
  bool skip_invalid = false;
  IndexOptions index;
};

struct IngestSummary {
  std::size_t read = 0;                  // records read (valid or not; blank lines excluded)
  std::size_t added = 0;                 // articles new to the index
  std::size_t updated = 0;               // articles that replaced one with the same id
  std::size_t deleted = 0;               // ids removed
  std::size_t skipped = 0;               // invalid records left out (skip_invalid only)
  std::vector<Diagnostic> diagnostics;   // one per skipped record, in input order
  std::vector<std::string> missing_ids;  // ids asked to delete that were not indexed
  double seconds = 0;                    // wall time of the whole batch
};

// Indexes the JSONL `files` and deletes `delete_ids` in the index at `db_path`.
// Duplicate ids across the inputs are invalid records (the second occurrence).
// Returns the summary; or invalid_argument "file:line: reason" for the first
// invalid record (strict mode); or the error of opening or committing the index.
[[nodiscard]] Result<IngestSummary> ingest_jsonl(const std::string& db_path, const std::vector<std::string>& files,
                                                 const std::vector<std::string>& delete_ids,
                                                 const IngestOptions& options = {});

}  // namespace faqsearch

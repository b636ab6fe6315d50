#include "faqsearch/ingest.h"

#include <fmt/format.h>

#include <chrono>
#include <new>
#include <unordered_map>

namespace faqsearch {

namespace {

struct Pending {
  Article article;
  std::string path;
  std::size_t line = 0;
};

Result<IngestSummary> run_ingest(const std::string& db_path, const std::vector<std::string>& files,
                                 const std::vector<std::string>& delete_ids, const IngestOptions& options) {
  auto start = std::chrono::steady_clock::now();
  IngestSummary summary;
  std::vector<Pending> pending;
  // id -> "file:line" of its first occurrence, to name both places of a duplicate.
  std::unordered_map<std::string, std::string> first_seen;

  auto reject = [&](Diagnostic d) -> Status {
    if (!options.skip_invalid) return Status::invalid_argument(d.to_string());
    summary.diagnostics.push_back(std::move(d));
    ++summary.skipped;
    return {};
  };

  for (const std::string& path : files) {
    Result<JsonlReader> reader = JsonlReader::open(path);
    if (!reader) return reader.error();
    while (auto record = reader->next()) {
      ++summary.read;
      if (record->diagnostic) {
        if (Status s = reject(std::move(*record->diagnostic)); !s.ok()) return s;
        continue;
      }
      Article& article = *record->article;
      std::string where = fmt::format("{}:{}", path, record->line);
      auto [it, inserted] = first_seen.emplace(article.id, where);
      if (!inserted) {
        Diagnostic d{path, record->line, "id",
                     fmt::format("duplicate id \"{}\" (first at {})", article.id, it->second)};
        if (Status s = reject(std::move(d)); !s.ok()) return s;
        continue;
      }
      pending.push_back({std::move(article), path, record->line});
    }
  }

  Result<IndexWriter> writer = IndexWriter::open(db_path, options.index);
  if (!writer) return writer.error();
  for (const Pending& p : pending) {
    Result<UpsertOutcome> outcome = writer->upsert(p.article);
    if (!outcome) {
      // A record the index refuses (e.g. a term over Xapian's length limit)
      // is a bad record like any other; anything else stops the batch.
      if (outcome.error().code() != ErrorCode::invalid_argument) return outcome.error();
      if (Status s = reject(Diagnostic{p.path, p.line, "", outcome.error().message()}); !s.ok()) return s;
      continue;
    }
    ++(outcome.value() == UpsertOutcome::added ? summary.added : summary.updated);
  }
  for (const std::string& id : delete_ids) {
    Result<bool> removed = writer->remove(id);
    if (!removed) return removed.error();
    if (removed.value()) {
      ++summary.deleted;
    } else {
      summary.missing_ids.push_back(id);
    }
  }
  if (Status s = writer->commit(); !s.ok()) return s;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace

Result<IngestSummary> ingest_jsonl(const std::string& db_path, const std::vector<std::string>& files,
                                   const std::vector<std::string>& delete_ids, const IngestOptions& options) {
  try {
    return run_ingest(db_path, files, delete_ids, options);
  } catch (const std::bad_alloc&) {
    return Status::internal("out of memory while reading the input (it is held in memory until the commit)");
  } catch (const std::exception& e) {
    return Status::internal(e.what());
  }
}

}  // namespace faqsearch

#include "faqsearch/index_writer.h"

#include <fmt/format.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>

#include "faqsearch/analyzer.h"
#include "faqsearch/reader.h"
#include "index/schema.h"
#include "index/xapian_errors.h"

namespace faqsearch {

class IndexWriter::Impl {
 public:
  Impl(std::string path, Xapian::WritableDatabase db) : path_(std::move(path)), db_(std::move(db)) {}

  ~Impl() {
    // Xapian commits pending changes when a database is closed; a writer that
    // is dropped without commit() must discard them instead.
    try {
      if (in_transaction_) db_.cancel_transaction();
    } catch (...) {
    }
  }

  void begin() {
    db_.begin_transaction(/*flushed=*/true);
    in_transaction_ = true;
  }

  std::string path_;
  Xapian::WritableDatabase db_;
  Analyzer analyzer_;
  bool in_transaction_ = false;
  // One instant per writer session, so one batch gets consistent recency values.
  UnixSeconds indexed_at_ = unix_now();
};

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexWriter::~IndexWriter() = default;
IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;

Result<IndexWriter> IndexWriter::open(std::string_view path_view, IndexOptions options) {
  std::string path(path_view);
  try {
    std::error_code ec;
    bool exists = std::filesystem::exists(path, ec);
    if (!exists && !options.create_if_missing) return Status::not_found(fmt::format("{}: no index found", path));
    if (exists && !std::filesystem::is_directory(path, ec)) {
      return Status::invalid_argument(fmt::format("{}: exists and is not a directory", path));
    }
    int flags = options.create_if_missing ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN;
    auto impl = std::make_unique<Impl>(path, Xapian::WritableDatabase(path, flags));
    bool fresh = false;
    if (Status s = detail::schema::check_compatible(impl->db_, impl->analyzer_, &fresh); !s.ok()) {
      return Status(s.code(), fmt::format("{}: {}", path, s.message()));
    }
    impl->begin();
    if (fresh) {
      impl->db_.set_metadata(std::string(detail::schema::kFormatKey), std::to_string(detail::schema::kFormatVersion));
      impl->db_.set_metadata(std::string(detail::schema::kAnalyzerKey), impl->analyzer_.settings());
    }
    return IndexWriter(std::move(impl));
  } catch (...) {
    return detail::status_from_current_exception(path);
  }
}

Result<UpsertOutcome> IndexWriter::upsert(const Article& article) {
  if (Status s = validate_article(article); !s.ok()) {
    return Status::invalid_argument(fmt::format("article \"{}\": {}", article.id, s.message()));
  }
  try {
    std::string id_term = detail::schema::id_term(article.id);
    bool existed = impl_->db_.term_exists(id_term);
    impl_->db_.replace_document(id_term, detail::schema::make_document(impl_->analyzer_, article, impl_->indexed_at_));
    return existed ? UpsertOutcome::updated : UpsertOutcome::added;
  } catch (...) {
    return detail::status_from_current_exception(impl_->path_);
  }
}

Result<bool> IndexWriter::remove(std::string_view id) {
  try {
    std::string id_term = detail::schema::id_term(id);
    if (!impl_->db_.term_exists(id_term)) return false;
    impl_->db_.delete_document(id_term);
    return true;
  } catch (...) {
    return detail::status_from_current_exception(impl_->path_);
  }
}

Status IndexWriter::commit() {
  Status result;
  try {
    // Xapian ends the transaction whether or not commit_transaction succeeds.
    impl_->in_transaction_ = false;
    impl_->db_.commit_transaction();
  } catch (...) {
    result = detail::status_from_current_exception(impl_->path_);
  }
  // Start the next batch either way, so that later changes are again held
  // back until commit(); a failed commit has discarded this batch.
  try {
    impl_->begin();
  } catch (...) {
    if (result.ok()) result = detail::status_from_current_exception(impl_->path_);
  }
  return result;
}

Result<std::uint64_t> IndexWriter::article_count() const {
  try {
    return std::uint64_t{impl_->db_.get_doccount()};
  } catch (...) {
    return detail::status_from_current_exception(impl_->path_);
  }
}

}  // namespace faqsearch

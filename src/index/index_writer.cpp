#include "faqsearch/index_writer.h"

#include <fmt/format.h>
#include <xapian.h>

#include <charconv>
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

  // The title length of the article stored under `id_term`, 0 if none.
  int stored_title_length(const std::string& id_term) {
    Xapian::PostingIterator it = db_.postlist_begin(id_term);
    if (it == db_.postlist_end(id_term)) return 0;
    return detail::schema::title_length(db_.get_document(*it, Xapian::DOC_ASSUME_VALID));
  }

  // The committed sum of title lengths, as the index's metadata holds it.
  void load_title_words() {
    std::string total = db_.get_metadata(std::string(detail::schema::kTitleWordsKey));
    title_words_ = 0;
    if (total.empty()) return;
    auto [end, error] = std::from_chars(total.data(), total.data() + total.size(), title_words_);
    if (error != std::errc() || end != total.data() + total.size() || title_words_ < 0) {
      throw Xapian::DatabaseCorruptError(
          fmt::format("metadata {} is not a count: \"{}\"", detail::schema::kTitleWordsKey, total));
    }
  }

  // Stamps the sum and mean of title lengths into the pending transaction.
  void store_title_words() {
    db_.set_metadata(std::string(detail::schema::kTitleWordsKey), std::to_string(title_words_));
    Xapian::doccount n = db_.get_doccount();
    double mean = n == 0 ? 0.0 : static_cast<double>(title_words_) / n;
    db_.set_metadata(std::string(detail::schema::kTitleLengthMeanKey), fmt::format("{:.6f}", mean));
  }

  std::string path_;
  Xapian::WritableDatabase db_;
  Analyzer analyzer_;
  bool in_transaction_ = false;
  // Sum of every article's title length, pending changes included: the
  // searcher's title normalisation needs the mean, and keeping the sum as
  // articles come and go is cheaper than rereading every title.
  long long title_words_ = 0;
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
    impl->load_title_words();
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
    int old_length = existed ? impl_->stored_title_length(id_term) : 0;
    Xapian::Document doc = detail::schema::make_document(impl_->analyzer_, article, impl_->indexed_at_);
    int new_length = detail::schema::title_length(doc);
    impl_->db_.replace_document(id_term, doc);
    impl_->title_words_ += new_length - old_length;
    return existed ? UpsertOutcome::updated : UpsertOutcome::added;
  } catch (...) {
    return detail::status_from_current_exception(impl_->path_);
  }
}

Result<bool> IndexWriter::remove(std::string_view id) {
  try {
    std::string id_term = detail::schema::id_term(id);
    if (!impl_->db_.term_exists(id_term)) return false;
    int old_length = impl_->stored_title_length(id_term);
    impl_->db_.delete_document(id_term);
    impl_->title_words_ -= old_length;
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
    try {
      impl_->store_title_words();
    } catch (...) {
      impl_->db_.cancel_transaction();
      throw;
    }
    impl_->db_.commit_transaction();
  } catch (...) {
    result = detail::status_from_current_exception(impl_->path_);
  }
  // A failed commit discarded the batch: count from what the index holds.
  if (!result.ok()) {
    try {
      impl_->load_title_words();
    } catch (...) {
    }
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

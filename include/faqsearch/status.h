// Status and Result<T>: how every public faqsearch function reports failure.
//
// Public functions never throw. They return a Status (success or an error
// code with a message) or a Result<T> (a value or a Status). Messages name
// what failed and where, e.g. `articles.jsonl:42: field "title": expected a
// string`.
//
// Thread safety: Status and Result are plain values; distinct objects may be
// used from distinct threads freely.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace faqsearch {

enum class ErrorCode {
  ok,                // not an error
  invalid_argument,  // bad input from the caller: a malformed record, a bad option
  not_found,         // a database or file that does not exist
  corruption,        // data on disk is damaged
  io_error,          // the operating system refused a read or write
  busy,              // another writer holds the index lock
  unsupported,       // an index of an incompatible format or analyzer version
  internal,          // a bug or an unexpected failure in a dependency
};

// Returns a short lowercase name for `code`, e.g. "invalid_argument".
[[nodiscard]] std::string_view to_string(ErrorCode code) noexcept;

class [[nodiscard]] Status {
 public:
  // A successful status.
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status invalid_argument(std::string message) { return {ErrorCode::invalid_argument, std::move(message)}; }
  static Status not_found(std::string message) { return {ErrorCode::not_found, std::move(message)}; }
  static Status io_error(std::string message) { return {ErrorCode::io_error, std::move(message)}; }
  static Status unsupported(std::string message) { return {ErrorCode::unsupported, std::move(message)}; }
  static Status internal(std::string message) { return {ErrorCode::internal, std::move(message)}; }

  [[nodiscard]] bool ok() const noexcept { return code_ == ErrorCode::ok; }
  [[nodiscard]] ErrorCode code() const noexcept { return code_; }
  [[nodiscard]] const std::string& message() const noexcept { return message_; }
  // "code: message", or "ok".
  [[nodiscard]] std::string to_string() const;

 private:
  ErrorCode code_ = ErrorCode::ok;
  std::string message_;
};

// A value of type T or an error Status; shaped like std::expected<T, Status>
// so it can be swapped for it once C++23 is the minimum.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit on purpose
  // REQUIRES: !status.ok()
  Result(Status status) : state_(std::move(status)) { assert(!std::get<Status>(state_).ok()); }  // NOLINT

  [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  // REQUIRES: has_value()
  [[nodiscard]] T& value() & { return std::get<T>(state_); }
  [[nodiscard]] const T& value() const& { return std::get<T>(state_); }
  [[nodiscard]] T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

  // REQUIRES: !has_value()
  [[nodiscard]] const Status& error() const& { return std::get<Status>(state_); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace faqsearch

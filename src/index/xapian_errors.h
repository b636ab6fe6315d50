// The one place that turns Xapian's exceptions into faqsearch Status codes.
#pragma once

#include <string_view>

#include "faqsearch/status.h"

namespace faqsearch::detail {

// Call from inside a catch block. Maps the exception in flight to a Status:
// DatabaseOpeningError -> not_found or io_error, DatabaseCorruptError ->
// corruption, DatabaseLockError -> busy, QueryParserError / InvalidArgumentError
// -> invalid_argument, DatabaseVersionError -> unsupported, anything else ->
// internal. `context` (e.g. the index path) prefixes the message.
[[nodiscard]] Status status_from_current_exception(std::string_view context);

}  // namespace faqsearch::detail

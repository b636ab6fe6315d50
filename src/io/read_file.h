// Reading a whole small file (a profile, a qrels file) with errors as Status.
#pragma once

#include <string>

#include "faqsearch/status.h"

namespace faqsearch::detail {

// The contents of `path`. not_found if it does not exist, io_error (with the
// system's reason) if it cannot be opened or read; messages start with the path.
[[nodiscard]] Result<std::string> read_file(const std::string& path);

}  // namespace faqsearch::detail

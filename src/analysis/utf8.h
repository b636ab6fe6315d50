// UTF-8 validity checks shared by ingest and the analyzer.
#pragma once

#include <cstddef>
#include <string_view>

namespace faqsearch::detail {

// True iff `s` is well-formed UTF-8 (no overlongs, surrogates or code points
// above U+10FFFF). On false, `*bad_offset` (if not null) is the byte offset of
// the first bad sequence.
[[nodiscard]] bool is_valid_utf8(std::string_view s, std::size_t* bad_offset = nullptr) noexcept;

}  // namespace faqsearch::detail

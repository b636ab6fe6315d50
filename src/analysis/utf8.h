// UTF-8 validity checks shared by ingest and the analyzer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace faqsearch::detail {

// True iff `s` is well-formed UTF-8 (no overlongs, surrogates or code points
// above U+10FFFF). On false, `*bad_offset` (if not null) is the byte offset of
// the first bad sequence.
[[nodiscard]] bool is_valid_utf8(std::string_view s, std::size_t* bad_offset = nullptr) noexcept;

// Decodes the code point at byte offset `*i` of `s` and moves `*i` past it.
// A bad sequence (the same rules as is_valid_utf8) returns -1 and moves one
// byte. REQUIRES: *i < s.size().
[[nodiscard]] std::int32_t next_code_point(std::string_view s, std::size_t* i) noexcept;

}  // namespace faqsearch::detail

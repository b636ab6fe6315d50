#include "analysis/utf8.h"

namespace faqsearch::detail {

bool is_valid_utf8(std::string_view s, std::size_t* bad_offset) noexcept {
  std::size_t i = 0;
  const std::size_t n = s.size();
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  auto cont = [&](std::size_t k) { return k < n && (byte(k) & 0xC0) == 0x80; };
  while (i < n) {
    unsigned char c = byte(i);
    std::size_t len = 0;
    if (c < 0x80) {
      len = 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = cont(i + 1) ? 2 : 0;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (cont(i + 1) && cont(i + 2)) {
        unsigned char c1 = byte(i + 1);
        bool overlong = c == 0xE0 && c1 < 0xA0;
        bool surrogate = c == 0xED && c1 >= 0xA0;
        len = (overlong || surrogate) ? 0 : 3;
      }
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (cont(i + 1) && cont(i + 2) && cont(i + 3)) {
        unsigned char c1 = byte(i + 1);
        bool overlong = c == 0xF0 && c1 < 0x90;
        bool too_big = c == 0xF4 && c1 >= 0x90;
        len = (overlong || too_big) ? 0 : 4;
      }
    }
    if (len == 0) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

}  // namespace faqsearch::detail

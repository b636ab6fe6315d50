#include "analysis/utf8.h"

namespace faqsearch::detail {
namespace {

// Length of the well-formed sequence at `i`, or 0 if it is not one.
std::size_t sequence_length(std::string_view s, std::size_t i) noexcept {
  const std::size_t n = s.size();
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  auto cont = [&](std::size_t k) { return k < n && (byte(k) & 0xC0) == 0x80; };
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
  return len;
}

}  // namespace

bool is_valid_utf8(std::string_view s, std::size_t* bad_offset) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = sequence_length(s, i);
    if (len == 0) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

std::int32_t next_code_point(std::string_view s, std::size_t* i) noexcept {
  std::size_t len = sequence_length(s, *i);
  auto byte = [&](std::size_t k) { return static_cast<std::int32_t>(static_cast<unsigned char>(s[*i + k])); };
  std::int32_t c = -1;
  switch (len) {
    case 1:
      c = byte(0);
      break;
    case 2:
      c = ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
      break;
    case 3:
      c = ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
      break;
    case 4:
      c = ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
      break;
    default:
      len = 1;
      break;
  }
  *i += len;
  return c;
}

}  // namespace faqsearch::detail

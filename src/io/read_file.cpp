#include "io/read_file.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace faqsearch::detail {

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    int err = errno;
    std::string message = fmt::format("{}: {}", path, std::strerror(err));
    return err == ENOENT ? Status::not_found(message) : Status::io_error(message);
  }
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::io_error(fmt::format("{}: read error", path));
  return text.str();
}

}  // namespace faqsearch::detail

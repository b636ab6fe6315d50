// What every faqsearch program shares: exit codes, error lines, hit output.
// Programs stay thin: they parse flags, call the library, and print.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "faqsearch/searcher.h"
#include "faqsearch/status.h"

namespace faqsearch::cli {

// Exit codes: 0 success, 1 a runtime error, 2 bad usage.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Prints "PROGRAM: error: MESSAGE" as one line on stderr.
void print_error(std::string_view program, std::string_view message);

// Prints `status` as an error line; returns kExitFailure.
int fail(std::string_view program, const Status& status);

// A hit as a JSON object (dates as YYYY-MM-DD, absent ones as null).
[[nodiscard]] nlohmann::json hit_to_json(const SearchHit& hit, std::size_t rank);

// "2026-05-01", or "-" when absent.
[[nodiscard]] std::string date_or_dash(const std::optional<UnixSeconds>& t);

}  // namespace faqsearch::cli

// Compound tokens: extra terms for the identifiers help-center users type in
// more than one way ("USDT-TRC20", "usdttrc20", "trc 20"), added beside the
// word tokens, never instead of them.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "analysis/fold.h"
#include "faqsearch/analyzer.h"

namespace faqsearch::detail {

// Returns the compound tokens for `words`, the word tokens that
// Analyzer::tokenize() found in `text` (in order, with their byte offsets).
// Each has compound == true, the position of the first word it covers and
// the byte range it covers; terms are folded by `folder`; terms longer than
// `max_token_bytes`, equal to the word's own term or already emitted at the
// same position are left out. The rules are listed in analyzer.h (Token).
[[nodiscard]] std::vector<Token> compound_tokens(std::string_view text, const std::vector<Token>& words,
                                                 const Folder& folder, std::size_t max_token_bytes);

}  // namespace faqsearch::detail

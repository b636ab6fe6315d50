// Query stopwords: the function words of a language that say little about
// what a question is about ("what", "is", "the"). FAQ queries are often whole
// questions, and without this their function words outvote the one or two
// words that matter. Used at query time only: articles keep every word, so
// phrases and the proximity bonus still see them.
#pragma once

#include <string_view>

namespace faqsearch::detail {

// True iff `folded_word` is a stopword of language `bcp47` (by primary
// subtag). Languages without a list have no stopwords.
[[nodiscard]] bool is_stopword(std::string_view bcp47, std::string_view folded_word);

}  // namespace faqsearch::detail

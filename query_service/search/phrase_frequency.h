// How often a phrase occurs in one document, from its words' positions:
// shared by phrase evaluation, phrase top-k and explanations so that they
// count alike.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_PHRASE_FREQUENCY_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_PHRASE_FREQUENCY_H_

#include <cstdint>
#include <vector>

namespace docsearch::query {

// From each position of the first word, take each next word's first position
// after the previous one; the phrase holds when the extra distance stays
// within `slop`. `positions` holds each word's sorted positions.
int PhraseFrequency(const std::vector<const std::vector<uint32_t>*>& positions, int slop);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_PHRASE_FREQUENCY_H_

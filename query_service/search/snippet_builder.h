// Highlighted snippets for search hits.
//
// The snippet is the body paragraph with the most query term matches (the
// index's positions pick it, see HintFromIndex), or the title when no body
// paragraph matches, cut to a window around the first
// match on word boundaries. Highlights are byte ranges into the snippet text, so clients can mark
// them in any output format.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_SNIPPET_BUILDER_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_SNIPPET_BUILDER_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/query_service.pb.h"
#include "query_service/index/index_data.h"

namespace docsearch::query {

// Which passage to analyze, when the index already told.
struct PassageHint {
  // Whether the fields below are set; if not, every passage is analyzed.
  bool known = false;
  // The body passage (BodyPassages order) holding most matches; none when
  // no body passage holds any, so only the title can.
  std::optional<size_t> body_passage;
  // The word position, within that passage, of its first match.
  uint32_t first_match_token = 0;
};

// The hint for live document `doc` from the body field's postings of
// `terms`: a passage's matches are the term positions between its start and
// the next one's. Reading a few postings beats analyzing every paragraph of
// every hit, which took most of a search's time.
PassageHint HintFromIndex(const TextFieldIndex& body, DocId doc,
                          const absl::flat_hash_set<std::string>& terms);

// Snippets of `document` for the analyzed `terms`; empty when no passage
// holds any (e.g. a pure filter query). `max_bytes` bounds each snippet.
// With a `hint`, only the hinted passage is analyzed (all of them again if
// it turns out to hold no match).
std::vector<docsearch::v1::Snippet> BuildSnippets(const docsearch::v1::Document& document,
                                                  const absl::flat_hash_set<std::string>& terms,
                                                  TextAnalyzer& analyzer, size_t max_bytes = 240,
                                                  const PassageHint& hint = {});

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_SNIPPET_BUILDER_H_

// Substring search in time linear in the text and the piece.
//
// string_view::find tries the piece at each occurrence of its first byte and
// compares onwards from there, so on a periodic text (a title and a line
// that are one phrase repeated, a megabyte each) it compares a megabyte at
// each of thousands of places. The parser asks whether a head line is in
// the title, or the title in a line, for every head line, and a title can
// be as long as a line; these searches keep that linear.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_SUBSTRING_SEARCH_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_SUBSTRING_SEARCH_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// Where `piece` first occurs in `text` (Knuth-Morris-Pratt), or npos; an
// empty piece occurs at 0. `failure` is scratch space, reused across calls.
size_t FindLinear(absl::string_view text, absl::string_view piece, std::vector<size_t>* failure);

// absl::StrContains(text, piece), in linear time: short texts and pieces
// take string_view::find (faster, and bounded there), long ones FindLinear.
bool ContainsLinear(absl::string_view text, absl::string_view piece);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_SUBSTRING_SEARCH_H_

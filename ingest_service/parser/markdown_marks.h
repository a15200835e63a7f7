#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_MARKDOWN_MARKS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_MARKDOWN_MARKS_H_

#include <string>

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// `text` with the Markdown marks that wrap a whole line taken off: the
// hashes of a heading ("# Joint Statement …", "## Background ##") and the
// emphasis around a line ("**Brussels, 3 April 2008**", "__Check against
// delivery__"). Archives converted to Markdown print headlines and date
// lines so; the readers of the layout see them as any text prints them.
// Marks inside a line (a bold word in a sentence) and a hash not followed
// by a space ("#NATO") stay. Lines keep their number and order.
// Takes the text by value: most texts hold no mark and are returned as they
// came, without a copy.
std::string WithoutMarkdownMarks(std::string text);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_MARKDOWN_MARKS_H_

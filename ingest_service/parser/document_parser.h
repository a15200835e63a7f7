// Parses one raw archived document into a structured docsearch.v1.Document.
//
// This is the ingest service's one entry point into parsing: it detects the
// content type and the character encoding, normalizes the text (UTF-8, NFC,
// control characters, hard-wrapped lines), and extracts the structure of an
// official document: header lines ("Updated: 07-Dec-2001 NATO Press
// Statement"), the type, the date line, title and subtitle, numbered
// paragraphs, footnotes, entities and fingerprints. Lines dropped as
// boilerplate are listed in the response so a user can check them.
//
// Example:
//   docsearch::v1::RawDocument raw;
//   raw.set_content(file_bytes);
//   absl::StatusOr<docsearch::v1::ParseDocumentResponse> parsed =
//       docsearch::ingest::ParseRawDocument(raw, {});
//   if (!parsed.ok()) return parsed.status();  // e.g. INVALID_ARGUMENT
//
// Thread safety: ParseRawDocument is a pure function; call it from any number
// of threads at once.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_DOCUMENT_PARSER_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_DOCUMENT_PARSER_H_

#include <cstddef>

#include "absl/status/statusor.h"
#include "docsearch/v1/ingest_service.pb.h"

namespace docsearch::ingest {

class LineRoleModel;
struct LineTrace;

struct ParseOptions {
  // Inputs larger than this are RESOURCE_EXHAUSTED.
  size_t max_document_bytes = 16 * 1024 * 1024;
  // Return every line with its role and the features behind it
  // (ParseDocumentResponse.lines).
  bool explain_lines = false;
  // The line-role model; null means the one compiled in. The evaluation
  // tools pass models trained without the document's source.
  const LineRoleModel* line_role_model = nullptr;
  // Tools only: receives the lines the model read and their features.
  LineTrace* line_trace = nullptr;
  // An HTML page whose text has no title gets its <title> as the title.
  // Archives whose <title> is the site's name on every page ("NATO Online
  // Library") are better with no title than with that one.
  bool title_from_html_title = true;
};

// Parses `raw`. Errors:
//   INVALID_ARGUMENT    empty content, or content with no text at all; the
//                       message names the field ("document.content ...").
//   RESOURCE_EXHAUSTED  content larger than options.max_document_bytes.
// Anything recoverable (bad bytes, no date line, guessed title) is a warning
// on the document, never an error.
//
// The returned document has a non-empty id (raw.id, else derived from
// raw.source_uri, else from the content hash) and content_hash.
absl::StatusOr<docsearch::v1::ParseDocumentResponse> ParseRawDocument(
    const docsearch::v1::RawDocument& raw, const ParseOptions& options);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_DOCUMENT_PARSER_H_

// Which reader a raw document needs: plain text, HTML or JSON.
//
// DetectContentType is used when the request leaves content_type unspecified:
// the source URI's extension decides first (.htm/.html/.xhtml, .json, .txt),
// then the first non-blank character ('<' for HTML, '{' for JSON), else text.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_CONTENT_TYPE_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_CONTENT_TYPE_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "docsearch/v1/ingest_service.pb.h"

namespace docsearch::ingest {

docsearch::v1::ContentType DetectContentType(absl::string_view text, absl::string_view source_uri);

// The plain text of `text` read as `type`, ready for the plain-text parser.
// HTML loses its markup (block elements become lines); JSON documents are read
// by json_document.h instead and are not accepted here.
absl::StatusOr<std::string> ExtractText(docsearch::v1::ContentType type, absl::string_view text,
                                        docsearch::v1::ParseDocumentResponse* response);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_CONTENT_TYPE_H_

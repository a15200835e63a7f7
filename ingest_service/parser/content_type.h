// Which reader a raw document needs: plain text, HTML or JSON.
//
// DetectContentType is used when the request leaves content_type unspecified:
// a ".txt" source URI means text; ".json" or a leading '{' means JSON; a
// leading '<' means HTML; an HTML extension (.htm, .html, ...) means HTML only
// when the content has markup, because archives often keep the rendered text
// of a page under the page's URL; anything else is text.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_CONTENT_TYPE_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_CONTENT_TYPE_H_

#include <string>
#include <string_view>

#include "absl/strings/string_view.h"
#include "docsearch/v1/ingest_service.pb.h"

namespace docsearch::ingest {

docsearch::v1::ContentType DetectContentType(absl::string_view text, absl::string_view source_uri);

// Whether a text field that should hold text (a JSON document's "body")
// holds an HTML fragment instead, as scraped archives often store it: it
// opens with a tag and has structural tags (<p>, <div>, <table>, ...) near
// its start. Text with a stray "<br />" is not markup.
bool IsMarkupFragment(absl::string_view text);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_CONTENT_TYPE_H_

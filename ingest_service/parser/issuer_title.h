// A title that names who issued the text, not what it says (issuer_names.h:
// the issuing body, a minister's offices, a type label naming the body, a
// news site's name). Sites print such a line as a kicker above the headline
// or as a signature under it and its date; the line-role model, which never
// saw most of those sites' words, may take it for the title while the
// headline a line or two away is dropped as furniture or kept as the first
// paragraph.
//
// Read after the model has chosen the title: nothing here feeds a line
// feature, so the weights do not depend on it.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_ISSUER_TITLE_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_ISSUER_TITLE_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "docsearch/v1/ingest_service.pb.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/issuer_names.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"

namespace docsearch::ingest {

// When the title is one line that NamesTheIssuer, and within four lines
// below or above it (nearest first, below before above; not past a
// paragraph of prose or a menu) stands a line shaped like a headline (five
// words or more, no sentence, no date row, type label, menu, byline,
// person's name or issuer line, not dropped by a furniture reader; more
// words than a body's name alone): that line becomes the title. The
// issuer line is dropped as a head line; a type label opening it types an
// untyped text. `roles` are one per `features` entry.
void ReplaceIssuerTitle(const std::vector<SourceLine>& lines,
                        const std::vector<LineFeatures>& features,
                        const std::vector<LineRole>& roles,
                        docsearch::v1::ParseDocumentResponse* response);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_ISSUER_TITLE_H_

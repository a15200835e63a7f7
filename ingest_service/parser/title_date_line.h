// The date printed next to the headline, read after the line-role model has
// chosen the title. The cascade reads a date line only near the top of the
// page; a page whose head is a long menu, a web archive's toolbar or a
// breadcrumb prints the headline and its date line far below it
// ("Blok: decision on …" / "News item | 27-06-2018 | 19:10"), and the text
// was left undated or dated by a fallback (a date in the body, the source
// address, an Updated header).
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_DATE_LINE_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_DATE_LINE_H_

#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"
#include "docsearch/v1/ingest_service.pb.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"

namespace docsearch::ingest {

// When the title stands below a long head (eight lines or more), and
// `document` is undated or dated by a fallback weaker than a printed date
// line, and one of the two lines above the title or the two below it
// is a date row: that date is published, the fallback's warning withdrawn,
// and the row, if the body kept it as its opening paragraph, dropped.
// `roles` are one per `features` entry, the title's lines marked kTitle.
void ReadDateNextToTitle(const std::vector<SourceLine>& lines,
                         const std::vector<LineFeatures>& features,
                         const std::vector<LineRole>& roles,
                         docsearch::v1::ParseDocumentResponse* response);

// A paragraph among the text's opening ones that is only the published
// date, printed right under a publication field's name ("Published" /
// "14 March 2023" under a summary the body kept), is the page's date line,
// not text: it is dropped as `date_line`. A text with another paragraph that
// is a date alone (a digest's day headings) is left as it is.
void DropPublishedDateParagraph(const std::vector<SourceLine>& lines,
                                docsearch::v1::ParseDocumentResponse* response);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_DATE_LINE_H_

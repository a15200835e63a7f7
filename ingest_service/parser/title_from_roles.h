// The title the line-role model chose, set on the document in place of the
// rule cascade's (layout_reader.h, step 3).
//
// The model's first run of title lines is the title, its next run of
// subtitle lines the subtitle. Before it replaces the cascade's, the
// cascade's readers clean it: a date, reference or type label fused before
// the headline is cut off (kept as those fields), a headline fused with its
// first paragraph is cut where the cascade cut it, and a title run on into
// the next line keeps its end. The cascade's title lines that the model
// gives another role go back to the body or are listed as dropped, and a
// type read from the old title is read again from the new one.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_FROM_ROLES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_FROM_ROLES_H_

#include <vector>

#include "docsearch/v1/ingest_service.pb.h"
#include "ingest_service/parser/layout_types.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"

namespace docsearch::ingest {

// `response` holds the cascade's parse of the same `lines`; `features` and
// `roles` are the model's reading of them, one per feature line.
void SetTitleFromRoles(const std::vector<SourceLine>& lines,
                       const std::vector<LineFeatures>& features,
                       const std::vector<LineRole>& roles,
                       docsearch::v1::ParseDocumentResponse* response);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_FROM_ROLES_H_

#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_PHOTO_CAPTIONS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_PHOTO_CAPTIONS_H_

#include <cstddef>
#include <vector>

#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"

namespace docsearch::ingest {

// A photo's caption inside the text with its credit on the next line ("The
// two ministers in front of the parliament." / "© Foreign Ministry";
// IsCaptionOverCreditLine), where the text goes on below the photo (a
// prose line within the next three): the caption and the credit are the
// page's, not the text's. Only the lines the model reads (the first
// kModelLineLimit) are looked at. Read after the line-role model (layout_reader.h),
// on the lines the cascade kept: each line marked is made kFurniture in
// `roles` and its line index added to `furniture`.
void MarkCaptionsOverCredits(const std::vector<SourceLine>& lines,
                             const std::vector<LineFeatures>& features,
                             std::vector<LineRole>* roles, std::vector<size_t>* furniture);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_PHOTO_CAPTIONS_H_

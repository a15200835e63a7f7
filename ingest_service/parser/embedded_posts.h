#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_EMBEDDED_POSTS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_EMBEDDED_POSTS_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"

namespace docsearch::ingest {

// Whether `line` signs a post embedded from a social network as a browser
// copies it: a dash, the account's name, its handle in brackets and the
// post's date ("— Ministry of Foreign Affairs (@MofaQatar_EN) June 14,
// 2024").
bool IsEmbeddedPostSignature(absl::string_view line);

// A post embedded in a page ("Ministry of Foreign Affairs - Qatar" /
// "@MofaQatar_EN" / the post's text / its signature): the page's quotation
// of another site, not the text's own words; the signature, the text right
// above it and, above that, a line of the handle alone and the account's
// name as the signature prints it. Read after the line-role model
// (layout_reader.h): each line marked is made kFurniture in `roles` and
// its line index added to `furniture`.
void MarkEmbeddedPosts(const std::vector<SourceLine>& lines,
                       const std::vector<LineFeatures>& features, std::vector<LineRole>* roles,
                       std::vector<size_t>* furniture);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_EMBEDDED_POSTS_H_

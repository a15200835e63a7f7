// The shape of a company's or an agency's press release, read when no
// printed sign typed the text: the first paragraph opens with its
// dateline ("PARIS, 12 mars 2024 –", "LONDON, March 12, 2024 /PRNewswire/
// --"), or the text closes on the issuer's boilerplate ("About Nordvik
// Bank", "À propos de …") or its media contacts ("Media contact",
// "Contact presse"). Newsrooms print these over releases whatever else they
// print (a reading time, a "News" section), so this is read before the
// reading time types a page as news.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_RELEASE_SHAPE_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_RELEASE_SHAPE_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"

namespace docsearch::ingest {

// Whether `line` opens with a release's dateline: a place of at most four
// words, a comma, a date, then a dash or a wire's name ("/PRNewswire/").
// A news agency's dateline ("BRUSSELS (Reuters) -") has no date and is not
// one.
bool OpensWithReleaseDateline(absl::string_view line);

// Whether `line` is the heading of an issuer's boilerplate ("About Nordvik
// Bank", "À propos de Nordvik", "Über die Nordvik AG"): the words of the
// heading, then a name of at most six words, no sentence.
bool IsAboutTheIssuerHeading(absl::string_view line);

// Still no type: the release's shape (above) in the body, or a media
// contacts' heading in the lines after the body starts, makes the
// document a press release (warning doc_type_from_head_line).
void SetTypeFromReleaseShape(const std::vector<SourceLine>& lines,
                             const std::vector<LineFeatures>& features,
                             const std::vector<LineRole>& roles, docsearch::v1::Document* document);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_RELEASE_SHAPE_H_

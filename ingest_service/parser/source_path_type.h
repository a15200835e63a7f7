// The document type a page's address names: the section a site files it
// under ("/statements/", "/speeches/", "/press-releases/",
// "/news-communiques/", "/transcripts/") or a page name opening with a kind
// and the word that introduces its subject ("…/1998-04-30-statement-by-
// president-on-….html", "…/remarks-at-…").
//
// Every site names its sections and pages so; a reader of the address knows
// the kind even when the page prints no label. It is the weakest evidence
// the parser reads: it decides only when nothing printed did, or over a type
// guessed from how the first paragraph greets its audience (a press
// conference opens "Mesdames et Messieurs" as a speech does).
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_SOURCE_PATH_TYPE_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_SOURCE_PATH_TYPE_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

struct SourcePathType {
  docsearch::v1::DocType type = docsearch::v1::DOC_TYPE_UNSPECIFIED;
  // The folder or page name that names it ("press-releases"), for the
  // warning.
  std::string segment;
  // True when a section folder named it, false for a page name.
  bool from_section = false;
};

// The type the path of `uri` names; nullopt when it names none. A folder
// naming a kind the type enum lacks ("transcripts", "interviews",
// "briefings") gives DOC_TYPE_OTHER. The deepest folder naming a kind
// decides, and a folder decides over the page name: "…/transcripts/…/
// statement-by-…" is a transcript, not a statement.
std::optional<SourcePathType> DocTypeFromSourcePath(absl::string_view uri);

// Sets the type of `document` from its source path when nothing printed
// typed it (DOC_TYPE_UNSPECIFIED), or when its type was only guessed from a
// salutation and a section folder names another kind; says so in a
// warning.
void SetTypeFromSourcePath(absl::string_view uri, docsearch::v1::Document* document);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_SOURCE_PATH_TYPE_H_

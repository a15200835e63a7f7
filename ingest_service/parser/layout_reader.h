// Reads the structure of a plain-text document with the line-role model on
// top of the rule cascade.
//
//   1. The rule cascade (plain_text_parser.h) reads the text.
//   2. Every line gets its features (line_features.h), among them what each
//      rule detector says and what the cascade made of it; the model
//      (line_role_model.h) gives every line a role.
//   3. The roles decide: lines the model calls furniture leave the body
//      (DroppedLine reason "furniture"; the cascade reads the text again
//      without them); the title is the model's title lines
//      (title_from_roles.h); a subtitle, type label or reference line the
//      cascade missed is read with the cascade's own readers (date,
//      reference, type label tables).
//   4. With `explain`, every line is returned with its role and the features
//      that weigh most for it (ParseDocumentResponse.lines).
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_LAYOUT_READER_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_LAYOUT_READER_H_

#include "absl/strings/string_view.h"
#include "docsearch/v1/ingest_service.pb.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_role_model.h"

namespace docsearch::ingest {

struct LayoutOptions {
  const LineRoleModel* model = nullptr;  // Null: the compiled-in model.
  bool explain = false;
  LineTrace* trace = nullptr;  // Tools only.
  // An HTML page's first <h1>: a run of lines spelling it is the title.
  std::string html_headline;
  // An HTML page's <title>: a run of lines repeating most of its words is
  // the title (title_hints.h).
  std::string page_title;
};

// Fills the same fields as ParsePlainText (plain_text_parser.h).
void ReadLayout(absl::string_view text, absl::string_view source_uri, const LayoutOptions& options,
                docsearch::v1::ParseDocumentResponse* response);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_LAYOUT_READER_H_

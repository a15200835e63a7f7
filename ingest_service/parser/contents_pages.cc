#include "ingest_service/parser/contents_pages.h"

#include <algorithm>
#include <optional>
#include <string>

#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/parse_warnings.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

// Lines under the title looked at for the contents heading.
constexpr size_t kLinesUnderTitle = 3;

}  // namespace

bool IsContentsHeading(absl::string_view line) {
  line = TrimLine(line);
  if (line.empty() || line.size() > 40) return false;
  std::string folded = FoldAccents(line);
  while (!folded.empty() && (folded.back() == ':' || folded.back() == ' ')) folded.pop_back();
  for (absl::string_view contents :
       {"sommaire", "contents", "table of contents", "table des matieres", "inhalt",
        "inhaltsverzeichnis", "indice", "in this issue", "dans ce numero", "sumario",
        "in dieser ausgabe"}) {
    if (folded == contents) return true;
  }
  return false;
}

void ReadContentsUnderTitle(const std::vector<SourceLine>& lines,
                            const std::vector<LineFeatures>& features,
                            const std::vector<LineRole>& roles,
                            v1::ParseDocumentResponse* response) {
  v1::Document* document = response->mutable_document();
  if (document->title().empty()) return;
  const std::optional<TitleLines> title = FindTitleLines(roles);
  if (!title.has_value()) return;
  const size_t last = std::min(features.size(), title->end + kLinesUnderTitle);
  bool contents = false;
  for (size_t k = title->end; k < last && !contents; ++k) {
    contents = IsContentsHeading(FeatureLineText(lines, features, k));
  }
  if (!contents) return;
  v1::Paragraph heading;
  heading.set_text(document->title());
  document->mutable_paragraphs()->Add(std::move(heading));
  std::rotate(document->mutable_paragraphs()->rbegin(),
              document->mutable_paragraphs()->rbegin() + 1, document->mutable_paragraphs()->rend());
  document->clear_title();
  RemoveWarnings(document, ParseWarningCode::kTitleUncertain);
  AddWarning(ParseWarningCode::kDigestWithoutTitle,
             "a table of contents under the heading: a digest of several texts, with no single "
             "title",
             document);
}

}  // namespace docsearch::ingest

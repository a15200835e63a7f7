// The labelled development corpus (../shared/corpus/<folder>/labels.jsonl,
// schema in the corpus README) and how a parse is scored against it.
//
// Documents are grouped by source so that accuracy can be measured on
// sources a model never learned from: the URL's host ("www." and the port
// dropped), and for nato.int, the statement (the page name without its
// language letter: p97-027e and p97-027f are one group, as are
// cps/en/.../official_texts_156624 and cps/fr/.../official_texts_156624).
//
// Scoring, per field (the same rules the accuracy test always used):
//   doc_type   "nato_update" is DOC_TYPE_UPDATE; "other" accepts UNSPECIFIED
//              or OTHER.
//   published  equal to the label; where the label is null, unset is right,
//              and so is a listed published_fallbacks date when the parser
//              said where it came from (a "published_from_*" warning).
//   updated    the date part of Document.updated.
//   title      equal after quote/dash/space folding and lower-casing; a null
//              label expects an empty title.
//   language   equal ISO 639-1 code.
//   reference  equal on letters and digits; null expects empty.
//   boilerplate removed  no labelled furniture line is left in the title,
//              subtitle, paragraphs or footnotes.
//   no body sentence lost  every source line of 60+ characters ending with a
//              period (not furniture) is found in the parsed text.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_LABELLED_CORPUS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_LABELLED_CORPUS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "docsearch/v1/ingest_service.pb.h"

namespace docsearch::ingest {

struct DocumentLabels {
  std::string language;
  std::string doc_type;   // As in labels.jsonl: "press_statement", ...
  std::string published;  // ISO date or empty.
  std::vector<std::string> published_fallbacks;
  std::string updated;  // ISO date or empty.
  std::string title;    // Empty for a null title.
  std::string reference;
  std::string doc_type_raw;
  std::vector<std::string> boilerplate;
  // Saved layout pages (layout_labels.h) only: the other readings of the
  // title a reader accepts, and the types accepted (DocType names; empty
  // for any), which stand in for doc_type_raw when finding the type label.
  std::vector<std::string> other_titles;
  std::vector<std::string> accepted_types;
  // The labels name the title, date, type label and furniture, but not the
  // role of every other head line (a saved page's byline, reference or
  // banner): those lines are left unlabelled (line_role_trainer.h).
  bool head_partly_labelled = false;
};

struct LabelledDocument {
  std::string folder;  // "nato-dev", "statements-dev".
  std::string file;
  std::string url;
  std::string group;  // See SourceGroup.
  std::string content;
  DocumentLabels labels;
};

// The source group of a document URL (see the file comment).
std::string SourceGroup(absl::string_view url);

// Reads <corpus_root>/<folder>/labels.jsonl and the documents it names.
// NOT_FOUND when the folder has no labels.jsonl.
absl::StatusOr<std::vector<LabelledDocument>> LoadLabelledFolder(const std::string& corpus_root,
                                                                 const std::string& folder);

// The fields scored, in table order.
const std::vector<std::string>& ScoredFields();

// The bar for a field (share of documents right), 0 when report only.
double FieldBar(absl::string_view field);

// Per field: right or wrong, with what was wanted and got when wrong.
struct FieldResult {
  bool right = false;
  std::string detail;
};

// Scores one parse; results are in ScoredFields() order.
std::vector<FieldResult> ScoreParse(const LabelledDocument& labelled,
                                    const docsearch::v1::ParseDocumentResponse& parsed);

// Right / total per field and the failures, for a set of scored documents.
class AccuracyTable {
 public:
  AccuracyTable();
  void Add(const LabelledDocument& labelled, const std::vector<FieldResult>& results);
  int Right(size_t field) const { return right_[field]; }
  int Total(size_t field) const { return total_[field]; }
  double Share(size_t field) const;
  const std::vector<std::string>& Failures() const { return failures_; }

  // Whether the parser doubted the title it gave (warning title_uncertain or
  // title_from_html_title), counted apart for right and wrong titles: how
  // well the doubt the search side acts on tells wrong titles from right.
  void AddTitleDoubt(bool title_right, bool doubted);
  int DoubtedWrongTitles() const { return doubted_wrong_; }
  int WrongTitles() const { return wrong_titles_; }
  int DoubtedRightTitles() const { return doubted_right_; }
  int RightTitles() const { return right_titles_; }

 private:
  int doubted_wrong_ = 0;
  int wrong_titles_ = 0;
  int doubted_right_ = 0;
  int right_titles_ = 0;
  std::vector<int> right_;
  std::vector<int> total_;
  std::vector<std::string> failures_;  // "[field] folder/file: detail"
};

// A table with one column per AccuracyTable, and the bars.
std::string FormatTables(const std::vector<std::string>& column_names,
                         const std::vector<const AccuracyTable*>& columns);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_LABELLED_CORPUS_H_

#include "ingest_service/parser/tools/accuracy_report.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "ingest_service/parser/document_parser.h"

namespace docsearch::ingest {
namespace {

void Score(const std::vector<std::string>& folders, const LabelledDocument& labelled,
           const v1::ParseDocumentResponse& parsed, std::vector<AccuracyTable>* tables) {
  const std::vector<FieldResult> results = ScoreParse(labelled, parsed);
  for (size_t f = 0; f < folders.size(); ++f) {
    if (folders[f] == labelled.folder) (*tables)[f].Add(labelled, results);
  }
  tables->back().Add(labelled, results);
}

}  // namespace

absl::StatusOr<AccuracyReport> MeasureAccuracy(const std::string& corpus_root,
                                               const std::vector<std::string>& folders) {
  AccuracyReport report;
  report.folders = folders;
  std::vector<LabelledDocument> documents;
  for (const std::string& folder : folders) {
    absl::StatusOr<std::vector<LabelledDocument>> loaded = LoadLabelledFolder(corpus_root, folder);
    if (!loaded.ok()) return loaded.status();
    for (LabelledDocument& document : *loaded) documents.push_back(std::move(document));
  }
  std::set<std::string> groups;
  for (const LabelledDocument& document : documents) groups.insert(document.group);
  report.documents = static_cast<int>(documents.size());
  report.groups = static_cast<int>(groups.size());
  report.in_sample.resize(folders.size() + 1);
  report.held_out.resize(folders.size() + 1);

  for (const LabelledDocument& labelled : documents) {
    v1::RawDocument raw;
    raw.set_content(labelled.content);
    raw.set_source_uri(labelled.url);
    absl::StatusOr<v1::ParseDocumentResponse> parsed = ParseRawDocument(raw, {});
    if (!parsed.ok()) {
      return absl::InternalError(absl::StrCat(labelled.file, ": ", parsed.status().ToString()));
    }
    Score(folders, labelled, *parsed, &report.in_sample);
    // The rule parser learns nothing from the corpus: held out is the same run.
    Score(folders, labelled, *parsed, &report.held_out);
  }
  return report;
}

std::string FormatReport(const AccuracyReport& report, bool failures) {
  std::vector<std::string> names = report.folders;
  names.push_back("all");
  auto columns = [](const std::vector<AccuracyTable>& tables) {
    std::vector<const AccuracyTable*> pointers;
    for (const AccuracyTable& table : tables) pointers.push_back(&table);
    return pointers;
  };
  std::string out = absl::StrCat(report.documents, " documents in ", report.groups,
                                 " source groups\n\nheld out by source (leave one source out):\n",
                                 FormatTables(names, columns(report.held_out)),
                                 "\nin-sample (trained on every document):\n",
                                 FormatTables(names, columns(report.in_sample)));
  if (failures) {
    absl::StrAppend(&out, "\nheld-out failures:\n");
    for (const std::string& failure : report.held_out.back().Failures()) {
      absl::StrAppend(&out, "  ", failure, "\n");
    }
  }
  return out;
}

}  // namespace docsearch::ingest

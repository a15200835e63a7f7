// The saved pages of bench/unseen_layouts as labelled documents, so that the
// line-role model can learn from layouts the development corpus lacks.
//
// A folder's pages are labelled by the set's two tables: expected.tsv (file,
// accepted titles split by '|', accepted types, published date) and
// furniture.tsv (file, a line that must not be left in the text). A page's
// source group is its site's ("layout:<file>" of the site's first page):
// pages sharing three or more listed furniture lines of 12 characters or
// more (a site's footer, its menu) are one site, leaving out the lines
// every site prints ("Skip to main content", "Mentions légales": known to
// the furniture lexicon and printed by many pages), which would chain
// unrelated sites into one group and hide features they share. So a feature one
// site prints on several pages ("word=govuk") cannot pass for one shown
// by two sources.
//
// Only the folders that were read while the parser was fixed may be trained
// on (kTrainingLayoutFolders); the unread ones measure the parser on sites
// nobody on the project has looked at, and would measure memory once
// learned from.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_LAYOUT_LABELS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_LAYOUT_LABELS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest_service/parser/tools/labelled_corpus.h"

namespace docsearch::ingest {

// The folders of bench/unseen_layouts the model trains on.
const std::vector<std::string>& TrainingLayoutFolders();

// Reads the pages of <layouts_root>/<folder> named in the set's tables.
// NOT_FOUND when the folder or expected.tsv is missing.
absl::StatusOr<std::vector<LabelledDocument>> LoadLayoutFolder(const std::string& layouts_root,
                                                               const std::string& folder);

// Puts pages of one site (see the file comment) in one source group.
void GroupPagesBySite(std::vector<LabelledDocument>* pages);

// Every page of the training folders under `layouts_root`, grouped by site.
absl::StatusOr<std::vector<LabelledDocument>> LoadTrainingLayouts(const std::string& layouts_root);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_LAYOUT_LABELS_H_

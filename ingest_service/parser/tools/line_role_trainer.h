// Training the line-role model (line_role_model.h) from the labelled corpus.
//
// Gold roles come from labels.jsonl: the lines that spell the labelled title
// (in order, possibly over several lines) are the title; lines equal to a
// labelled boilerplate line are furniture; the first line carrying the
// labelled reference, type label as printed, or published date is the
// reference, type label or date line; an "Updated:" header is the header.
// Unlabelled lines before the last of those are other head lines (bylines,
// places, banners), except an "Issued ..." / lower-case continuation right
// after the title, which is the subtitle; every line after them is body.
//
// The learner is a structured averaged perceptron (Collins 2002) over the
// Viterbi decoding of whole documents; documents are visited in a fixed
// pseudo-random order, so training is reproducible.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_LINE_ROLE_TRAINER_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_LINE_ROLE_TRAINER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_role_model.h"
#include "ingest_service/parser/line_roles.h"
#include "ingest_service/parser/tools/labelled_corpus.h"

namespace docsearch::ingest {

// One role per entry of trace.features. With `known`, also whether each
// role is labelled: false for the head lines of a document whose labels
// leave them out (DocumentLabels::head_partly_labelled), whose role here is
// only a placeholder (head_other).
std::vector<LineRole> GoldRoles(const LineTrace& trace, const DocumentLabels& labels,
                                std::vector<bool>* known = nullptr);

struct TrainingDocument {
  std::vector<LineFeatures> features;
  std::vector<LineRole> gold;
  // Empty when every gold role is labelled; else false where a line's role
  // is not (GoldRoles). Training takes, for such a document, the best
  // sequence the model finds that agrees with the labelled lines as the
  // gold one (a latent-variable perceptron), so an unlabelled byline or
  // reference line is never taught to be "other head line".
  std::vector<bool> gold_known;
  std::vector<TitleCandidate> candidates;
  // The candidate that is the labelled title (or "no title"); -1 when the
  // labelled title is not among the candidates.
  int gold_candidate = -1;
  // The document's source group (labelled_corpus.h).
  std::string group;
  // A saved layout page (PrepareLayoutTraining), not a corpus document.
  bool saved_page = false;
};

struct TrainingOptions {
  int epochs = 12;
  // Averaged weights smaller than this are left out of the model.
  float prune_below = 0.05f;
  // A feature is learned only when documents of at least this many source
  // groups show it. A feature one source shows ("word=willkommen", a
  // site's banner) can only memorize that source: on a document from
  // elsewhere it never fires, and in training it absorbs the corrections
  // that layout features shared by many sources would otherwise get.
  int min_source_groups = 2;
  // Perceptrons trained, each visiting the documents in its own fixed
  // order; the model is their mean. One perceptron's weights depend on the
  // order it met the documents in, so that a change to a few documents'
  // features moved titles of unrelated documents; the mean over orders is
  // steadier.
  int orders = 5;
  // The first visiting order (orders first_order .. first_order + orders - 1
  // are used). Held-out figures measured over several first orders show how
  // much of a change in them is the order the documents were met in.
  int first_order = 0;
  // How much a saved layout page's corrections count against a corpus
  // document's (each update is scaled by it). A quarter: over five
  // visiting orders of ten folds of the corpus's sources, pages counted
  // in full cost 2.0 held-out types and 1.2 titles of 144 against no pages,
  // at a half 2.0 and 0.6, at a quarter 0.8 and 1.2 (INGEST.md, "Learning
  // from the read layouts"). The unread layout sets played no part in the
  // choice.
  float saved_page_weight = 0.25f;
};

LineRoleModel TrainLineRoleModel(const std::vector<const TrainingDocument*>& documents,
                                 const TrainingOptions& options);

// The weights file parser_train_line_roles writes: the model trained with
// default options on the labelled folders nato-dev and statements-dev under
// `corpus_root` and the saved pages of the training layout folders under
// `layouts_root` (layout_labels.h), after a header naming what it was
// trained on. The file compiled into the parser (line_role_weights.txt) must
// be this text, so that the model the parser ships is the one the accuracy
// figures measure.
absl::StatusOr<std::string> TrainWeightsFile(const std::string& corpus_root,
                                             const std::string& layouts_root);

// Traces every labelled document through the parser (with no model) and
// derives its gold roles.
std::vector<TrainingDocument> PrepareTraining(const std::vector<LabelledDocument>& documents);

// PrepareTraining for saved layout pages, less the pages whose labelled
// title the gold roles cannot find in their head: trained on, such a page
// would teach that its headline is body.
std::vector<TrainingDocument> PrepareLayoutTraining(const std::vector<LabelledDocument>& pages);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_LINE_ROLE_TRAINER_H_

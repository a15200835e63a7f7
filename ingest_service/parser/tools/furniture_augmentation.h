// Training copies that show the line-role model a headline under furniture
// it was not printed under.
//
// In the corpus a source's banner, menu or press-office line stands above
// the headline on that source's pages only, so a model learns where a
// headline is on the sites it has seen rather than what one looks like; on a
// new site the banner above the headline is taken as the title. A copy of a
// training document with a head furniture line of another training source
// inserted right above its headline (and labelled furniture) shows the same
// headline after a line the model must learn to skip by its shape.
//
// Only training documents are used, as copies and as donors: a held-out
// document's lines never reach the model. The donor is chosen by a fixed
// rule, so training stays reproducible.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_FURNITURE_AUGMENTATION_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_FURNITURE_AUGMENTATION_H_

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/container/node_hash_map.h"
#include "ingest_service/parser/tools/labelled_corpus.h"
#include "ingest_service/parser/tools/line_role_trainer.h"

namespace docsearch::ingest {

// Where the donor's line goes: right above the headline's first line, with
// a blank line after it; the same, keeping the spacing the headline had
// (a blank line after the donor's only where one stood above the
// headline); or above the document's first line (where a site prints its
// banner).
// kRewrapHeadline adds no furniture: the copy's headline is wrapped
// otherwise (a headline on several lines joined into one, a one-line
// headline of six words or more broken in two at its middle word).
enum class FurniturePlacement {
  kAboveHeadline,
  kAboveHeadlineSameSpacing,
  kAtTop,
  kRewrapHeadline
};

class FurnitureAugmenter {
 public:
  // `prepared` is PrepareTraining(documents); both must outlive this.
  FurnitureAugmenter(const std::vector<LabelledDocument>& documents,
                     const std::vector<TrainingDocument>& prepared,
                     FurniturePlacement placement = FurniturePlacement::kAboveHeadline);

  // A copy of each document of `training` (indices into documents) whose
  // headline is found, with the head furniture line of another document of
  // `training`, from another source group, inserted above the headline.
  // The copies stay owned by this object.
  std::vector<const TrainingDocument*> Copies(const std::vector<size_t>& training);

 private:
  struct Donor {
    size_t document;
    std::string line;
  };
  const TrainingDocument* Copy(size_t document, size_t donor);
  const TrainingDocument* Rewrapped(size_t document);

  const std::vector<LabelledDocument>& documents_;
  const std::vector<TrainingDocument>& prepared_;
  FurniturePlacement placement_;
  std::vector<Donor> pool_;  // Head furniture lines of every document.
  // By (document, donor in pool_); nullopt when the copy lost its headline.
  absl::node_hash_map<std::pair<size_t, size_t>, std::optional<TrainingDocument>> copies_;
};

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_FURNITURE_AUGMENTATION_H_

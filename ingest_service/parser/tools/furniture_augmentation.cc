#include "ingest_service/parser/tools/furniture_augmentation.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "ingest_service/parser/line_roles.h"
#include "ingest_service/parser/line_shape.h"

namespace docsearch::ingest {
namespace {

// Where the line reading `text` (trimmed) starts in `content`, or npos.
size_t LineStart(const std::string& content, const std::string& text) {
  if (text.empty()) return std::string::npos;
  for (size_t at = content.find(text); at != std::string::npos; at = content.find(text, at + 1)) {
    size_t start = at;
    while (start > 0 && (content[start - 1] == ' ' || content[start - 1] == '\t')) --start;
    if (start == 0 || content[start - 1] == '\n') return start;
  }
  return std::string::npos;
}

size_t FirstOf(const std::vector<LineRole>& roles, LineRole role) {
  size_t k = 0;
  while (k < roles.size() && roles[k] != role) ++k;
  return k;
}

}  // namespace

FurnitureAugmenter::FurnitureAugmenter(const std::vector<LabelledDocument>& documents,
                                       const std::vector<TrainingDocument>& prepared,
                                       FurniturePlacement placement)
    : documents_(documents), prepared_(prepared), placement_(placement) {
  // Head furniture: labelled furniture lines before the body opens, the
  // kind that stands above a headline (banners, menus, office names).
  for (size_t d = 0; d < prepared_.size(); ++d) {
    const TrainingDocument& document = prepared_[d];
    const size_t body = FirstOf(document.gold, LineRole::kBody);
    for (size_t k = 0; k < body && k < document.texts.size(); ++k) {
      if (document.gold[k] == LineRole::kFurniture) pool_.push_back({d, document.texts[k]});
    }
  }
}

const TrainingDocument* FurnitureAugmenter::Copy(size_t document, size_t donor) {
  auto [it, inserted] = copies_.try_emplace({document, donor});
  if (inserted) {
    const TrainingDocument& original = prepared_[document];
    const size_t title = FirstOf(original.gold, LineRole::kTitle);
    const LabelledDocument& labelled = documents_[document];
    size_t at = std::string::npos;
    if (title < original.texts.size()) {
      at = placement_ == FurniturePlacement::kAtTop
               ? labelled.content.find_first_not_of(" \t\r\n")
               : LineStart(labelled.content, original.texts[title]);
      if (placement_ == FurniturePlacement::kAtTop && at != std::string::npos) {
        while (at > 0 && labelled.content[at - 1] != '\n') --at;
      }
    }
    if (at != std::string::npos) {
      std::string content = labelled.content;
      // Whether a blank line stands between the headline and the line above.
      size_t above = at;
      if (above > 0) --above;  // The newline ending the line above.
      while (above > 0 &&
             (labelled.content[above - 1] == ' ' || labelled.content[above - 1] == '\t' ||
              labelled.content[above - 1] == '\r')) {
        --above;
      }
      const bool blank_above = above == 0 || labelled.content[above - 1] == '\n';
      const bool blank_after =
          placement_ != FurniturePlacement::kAboveHeadlineSameSpacing || blank_above;
      content.insert(at, absl::StrCat(pool_[donor].line, blank_after ? "\n\n" : "\n"));
      DocumentLabels labels = labelled.labels;
      labels.boilerplate.push_back(pool_[donor].line);
      TrainingDocument copy = PrepareDocument(labelled, content, labels);
      copy.augmented = true;
      if (copy.gold_candidate >= 0) it->second = std::move(copy);
    }
  }
  return it->second.has_value() ? &*it->second : nullptr;
}

const TrainingDocument* FurnitureAugmenter::Rewrapped(size_t document) {
  // Cached under the donor index pool_.size(), which no donor has.
  auto [it, inserted] = copies_.try_emplace({document, pool_.size()});
  if (inserted) {
    const TrainingDocument& original = prepared_[document];
    const LabelledDocument& labelled = documents_[document];
    const size_t begin = FirstOf(original.gold, LineRole::kTitle);
    size_t end = begin;
    while (end < original.gold.size() && original.gold[end] == LineRole::kTitle) ++end;
    const size_t at =
        begin < end ? LineStart(labelled.content, original.texts[begin]) : std::string::npos;
    if (at != std::string::npos) {
      std::string content = labelled.content;
      // The end of the headline's last line in content.
      size_t stop = at;
      bool found = true;
      for (size_t k = begin; k < end && found; ++k) {
        const size_t line = content.find(original.texts[k], stop);
        found = line != std::string::npos && content.find("\n\n", stop) >= line;
        if (found) stop = line + original.texts[k].size();
      }
      bool changed = false;
      if (found && end - begin > 1) {
        std::string joined;
        bool space = false;
        for (size_t i = at; i < stop; ++i) {
          const char c = content[i];
          if (c == '\n' || c == '\r' || c == ' ' || c == '\t') {
            space = true;
            continue;
          }
          if (space && !joined.empty()) joined.push_back(' ');
          space = false;
          joined.push_back(c);
        }
        content.replace(at, stop - at, joined);
        changed = true;
      } else if (found && CountWords(original.texts[begin]) >= 6) {
        const std::string& line = original.texts[begin];
        size_t middle = line.size() / 2;
        while (middle < line.size() && line[middle] != ' ') ++middle;
        if (middle < line.size()) {
          content[content.find(line, at) + middle] = '\n';
          changed = true;
        }
      }
      if (changed) {
        TrainingDocument copy = PrepareDocument(labelled, content, labelled.labels);
        copy.augmented = true;
        if (copy.gold_candidate >= 0) it->second = std::move(copy);
      }
    }
  }
  return it->second.has_value() ? &*it->second : nullptr;
}

std::vector<const TrainingDocument*> FurnitureAugmenter::Copies(
    const std::vector<size_t>& training) {
  std::vector<const TrainingDocument*> copies;
  if (placement_ == FurniturePlacement::kRewrapHeadline) {
    for (size_t d : training) {
      if (const TrainingDocument* copy = Rewrapped(d)) copies.push_back(copy);
    }
    return copies;
  }
  if (pool_.empty()) return copies;
  const absl::flat_hash_set<size_t> in_training(training.begin(), training.end());
  for (size_t d : training) {
    // The donor: the first suitable line walking the pool from a start
    // fixed by the document, so that donors spread over sources.
    const size_t start = (d * 7919 + 104729) % pool_.size();
    for (size_t i = 0; i < pool_.size(); ++i) {
      const size_t donor = (start + i) % pool_.size();
      const size_t from = pool_[donor].document;
      if (!in_training.contains(from) || documents_[from].group == documents_[d].group) continue;
      if (const TrainingDocument* copy = Copy(d, donor)) copies.push_back(copy);
      break;
    }
  }
  return copies;
}

}  // namespace docsearch::ingest

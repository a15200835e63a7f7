#include "query_service/search/word_cursor.h"

#include <algorithm>
#include <limits>

#include "absl/strings/str_cat.h"
#include "query_service/search/bm25_explanation.h"

namespace docsearch::query {
namespace {

// Bounds are computed in double from float inputs, while scores are float
// products; this slack keeps every bound above the score it bounds.
constexpr double kBoundSlack = 1.0001;

}  // namespace

std::vector<WordCursor::Variant> WordCursor::VariantsOf(
    const IndexData& index, const TextFieldIndex& field,
    const std::vector<std::string>& variant_terms, const ScoringOptions& scoring) {
  std::vector<Variant> variants;
  const uint64_t documents = Bm25DocumentCount(index, scoring);
  for (const std::string& term : variant_terms) {
    uint32_t local_frequency = 0;
    TermLists lists = field.Lists(term, &local_frequency);
    if (lists.empty()) continue;
    const uint64_t document_frequency =
        Bm25DocumentFrequency(index, field, term, local_frequency, scoring);
    variants.push_back(
        {term, std::move(lists), document_frequency, Bm25Idf(documents, document_frequency)});
  }
  return variants;
}

WordCursor::WordCursor(const IndexData& index, const TextFieldIndex& field, float boost,
                       const ScoringOptions& scoring, std::vector<Variant> variants)
    : index_(&index),
      field_(&field),
      boost_(boost),
      scoring_(&scoring),
      variants_(std::move(variants)) {
  average_length_ = Bm25AverageLength(index, field, scoring);
  any_dead_ = index.live_count() < index.live().size();
  cursors_.reserve(variants_.size());
  for (size_t v = 0; v < variants_.size(); ++v) {
    for (const PostingList* list : variants_[v].lists) cost_ += list->size();
    cursors_.emplace_back(variants_[v].lists);
    const PostingBounds& bounds = cursors_.back().bounds();
    const double best = Bm25Score(scoring, average_length_, static_cast<double>(bounds.min_length),
                                  static_cast<float>(bounds.max_frequency), variants_[v].idf);
    max_score_ = std::max(max_score_, boost * best * kBoundSlack);
    bounds_.max_frequency += bounds.max_frequency;
    bounds_.min_length = std::min(bounds_.min_length, bounds.min_length);
    SkipDead(v);
  }
  Settle();
}

double WordCursor::BlockMaxScore(DocId target, DocId* last) {
  double bound = 0;
  if (last != nullptr) *last = kEnd;
  for (size_t v = 0; v < cursors_.size(); ++v) {
    TermCursor& cursor = cursors_[v];
    if (!cursor.ShallowAdvance(target)) continue;
    if (last != nullptr) *last = std::min(*last, cursor.block_last());
    const double best =
        Bm25Score(*scoring_, average_length_, static_cast<double>(cursor.block_min_length()),
                  static_cast<float>(cursor.block_max_frequency()), variants_[v].idf);
    bound = std::max(bound, boost_ * best * kBoundSlack);
  }
  return bound;
}

double WordCursor::MaxNormalizedFrequency() const {
  double bound = 0;
  for (const TermCursor& cursor : cursors_) {
    const PostingBounds& bounds = cursor.bounds();
    bound = std::max(bound, bounds.max_frequency / LengthNormOf(bounds.min_length));
  }
  return boost_ * bound * kBoundSlack;
}

double WordCursor::BlockMaxNormalizedFrequency(DocId target, DocId* last) {
  double bound = 0;
  if (last != nullptr) *last = kEnd;
  for (TermCursor& cursor : cursors_) {
    if (!cursor.ShallowAdvance(target)) continue;
    if (last != nullptr) *last = std::min(*last, cursor.block_last());
    bound = std::max(bound, cursor.block_max_frequency() / LengthNormOf(cursor.block_min_length()));
  }
  return boost_ * bound * kBoundSlack;
}

bool WordCursor::BlockFrequencyBounds(DocId target, uint32_t* max_frequency_sum,
                                      uint32_t* min_length, DocId* last) {
  bool any = false;
  *max_frequency_sum = 0;
  *min_length = std::numeric_limits<uint32_t>::max();
  *last = kEnd;
  for (TermCursor& cursor : cursors_) {
    if (!cursor.ShallowAdvance(target)) continue;
    any = true;
    *max_frequency_sum += cursor.block_max_frequency();
    *min_length = std::min(*min_length, cursor.block_min_length());
    *last = std::min(*last, cursor.block_last());
  }
  return any;
}

void WordCursor::SkipDead(size_t v) {
  if (!any_dead_) return;
  TermCursor& cursor = cursors_[v];
  while (cursor.doc() != kEnd && !index_->live()[cursor.doc()]) cursor.Next();
}

void WordCursor::Settle() {
  doc_ = kEnd;
  for (const TermCursor& cursor : cursors_) doc_ = std::min(doc_, cursor.doc());
}

void WordCursor::Next() {
  if (doc_ == kEnd) return;
  for (size_t v = 0; v < cursors_.size(); ++v) {
    if (cursors_[v].doc() == doc_) {
      cursors_[v].Next();
      SkipDead(v);
    }
  }
  Settle();
}

void WordCursor::Advance(DocId target) {
  if (doc_ >= target) return;
  for (size_t v = 0; v < cursors_.size(); ++v) {
    if (cursors_[v].doc() >= target) continue;
    cursors_[v].Advance(target);
    SkipDead(v);
  }
  Settle();
}

float WordCursor::Score() const {
  float best = 0;
  if (doc_ == kEnd) return best;
  for (size_t v = 0; v < cursors_.size(); ++v) {
    if (cursors_[v].doc() == doc_) best = std::max(best, VariantScore(v));
  }
  return best;
}

docsearch::v1::Explanation WordCursor::Explain() const {
  // The variant Score() takes: the first of the best.
  size_t best = cursors_.size();
  float best_score = 0;
  for (size_t v = 0; v < cursors_.size(); ++v) {
    if (cursors_[v].doc() != doc_) continue;
    const float score = VariantScore(v);
    if (best == cursors_.size() || score > best_score) {
      best = v;
      best_score = std::max(best_score, score);
    }
  }
  if (best == cursors_.size()) return ExplanationNode(0, "no match");
  const Variant& variant = variants_[best];
  const Bm25Inputs inputs{BoostAtDoc(),
                          variant.idf,
                          variant.document_frequency,
                          Bm25DocumentCount(*index_, *scoring_),
                          average_length_,
                          static_cast<double>(field_->lengths[doc_]),
                          static_cast<float>(cursors_[best].frequency())};
  return LanguageWeighted(
      Bm25Explanation(absl::StrCat(Bm25FieldName(*index_, *field_), ":", variant.term), *scoring_,
                      inputs, UnweightedVariantScore(best)),
      LanguageWeightAtDoc(), best_score);
}

uint32_t WordCursor::FrequencySum() const {
  uint32_t sum = 0;
  if (doc_ == kEnd) return sum;
  for (const TermCursor& cursor : cursors_) {
    if (cursor.doc() == doc_) sum += cursor.frequency();
  }
  return sum;
}

void WordCursor::Positions(std::vector<uint32_t>& out) {
  out.clear();
  if (doc_ == kEnd) return;
  int holders = 0;
  for (TermCursor& cursor : cursors_) {
    if (cursor.doc() != doc_) continue;
    cursor.AppendPositions(out);
    ++holders;
  }
  if (holders > 1) {
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
}

}  // namespace docsearch::query

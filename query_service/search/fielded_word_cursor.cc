#include "query_service/search/fielded_word_cursor.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "query_service/search/bm25_explanation.h"

namespace docsearch::query {
namespace {

// Bounds are computed in double from float inputs, while scores are float
// products; this slack keeps every bound above the score it bounds.
constexpr double kBoundSlack = 1.0001;

}  // namespace

FieldedWordCursor::FieldedWordCursor(std::vector<WordCursor> fields, const ScoringOptions& scoring,
                                     uint64_t documents, float word_weight)
    : fields_(std::move(fields)),
      scoring_(&scoring),
      documents_(documents),
      word_weight_(word_weight) {
  for (size_t f = 0; f < fields_.size(); ++f) {
    const std::vector<WordCursor::Variant>& field_variants = fields_[f].variants();
    for (size_t v = 0; v < field_variants.size(); ++v) {
      const WordCursor::Variant& field_variant = field_variants[v];
      auto same = std::find_if(variants_.begin(), variants_.end(), [&](const Variant& variant) {
        return variant.term == field_variant.term;
      });
      if (same == variants_.end()) {
        variants_.push_back({field_variant.term, 0, 0, 0, {}});
        same = variants_.end() - 1;
      }
      same->document_frequency =
          std::max(same->document_frequency, field_variant.document_frequency);
      same->places.push_back({f, v});
    }
  }
  double max_frequency = 0;
  for (Variant& variant : variants_) {
    variant.idf = Bm25Idf(documents_, variant.document_frequency);
    // A weight scales the saturated score, which is linear in idf.
    variant.weighted_idf = variant.idf * word_weight_;
    max_idf_ = std::max(max_idf_, variant.weighted_idf);
  }
  for (const WordCursor& field : fields_) max_frequency += field.MaxNormalizedFrequency();
  max_score_ = Saturated(max_idf_, max_frequency) * kBoundSlack;
  Settle();
}

void FieldedWordCursor::Settle() {
  doc_ = kEnd;
  for (const WordCursor& field : fields_) doc_ = std::min(doc_, field.doc());
}

void FieldedWordCursor::Next() {
  if (doc_ == kEnd) return;
  for (WordCursor& field : fields_) {
    if (field.doc() == doc_) field.Next();
  }
  Settle();
}

void FieldedWordCursor::Advance(DocId target) {
  if (doc_ >= target) return;
  for (WordCursor& field : fields_) field.Advance(target);
  Settle();
}

double FieldedWordCursor::CombinedFrequency(const Variant& variant) const {
  double combined = 0;
  for (const auto& [f, v] : variant.places) {
    const WordCursor& field = fields_[f];
    if (field.doc() != doc_) continue;
    combined += field.BoostAtDoc() * field.VariantFrequency(v) / field.LengthNorm();
  }
  return combined;
}

float FieldedWordCursor::Saturated(float idf, double combined_frequency) const {
  return static_cast<float>(idf * combined_frequency * (scoring_->k1 + 1.0) /
                            (combined_frequency + scoring_->k1));
}

std::pair<size_t, float> FieldedWordCursor::Best() const {
  size_t best = variants_.size();
  float best_score = 0;
  if (doc_ == kEnd) return {best, best_score};
  const float language_weight = LanguageWeightAt(*scoring_, doc_);
  for (size_t v = 0; v < variants_.size(); ++v) {
    const double combined = CombinedFrequency(variants_[v]);
    if (combined == 0) continue;
    const float score = language_weight * Saturated(variants_[v].weighted_idf, combined);
    if (best == variants_.size() || score > best_score) {
      best = v;
      best_score = score;
    }
  }
  return {best, best_score};
}

float FieldedWordCursor::Score() const { return Best().second; }

double FieldedWordCursor::BlockMaxScore(DocId target, DocId* last) {
  double combined = 0;
  if (last != nullptr) *last = kEnd;
  for (WordCursor& field : fields_) {
    DocId field_last = kEnd;
    combined += field.BlockMaxNormalizedFrequency(target, &field_last);
    if (last != nullptr) *last = std::min(*last, field_last);
  }
  return Saturated(max_idf_, combined) * kBoundSlack;
}

docsearch::v1::Explanation FieldedWordCursor::Explain() const {
  const auto [best, score] = Best();
  if (best == variants_.size()) return ExplanationNode(0, "no match");
  const Variant& variant = variants_[best];
  const double combined = CombinedFrequency(variant);
  docsearch::v1::Explanation node = ExplanationNode(
      Saturated(variant.weighted_idf, combined),
      absl::StrCat("weight(", variant.term,
                   word_weight_ == 1.0f ? ") = idf * tf~ * (k1 + 1) / (tf~ + k1)"
                                        : ") = function_word_weight * idf * tf~ * (k1 + 1) / "
                                          "(tf~ + k1)",
                   ", BM25F over the fields, result of:"));
  if (word_weight_ != 1.0f) {
    *node.add_details() = ExplanationNode(
        word_weight_, "function_word_weight: a function word of the query's language");
  }
  docsearch::v1::Explanation idf_node =
      ExplanationNode(variant.idf, "idf, computed as log(1 + (N - n + 0.5) / (n + 0.5)) from:");
  *idf_node.add_details() =
      ExplanationNode(static_cast<double>(variant.document_frequency),
                      "n, most live documents containing the term in one field");
  *idf_node.add_details() =
      ExplanationNode(static_cast<double>(documents_), "N, number of live documents");
  *node.add_details() = std::move(idf_node);
  *node.add_details() = ExplanationNode(scoring_->k1, "k1, term saturation");
  docsearch::v1::Explanation tf_node = ExplanationNode(
      combined, "tf~, sum over fields of boost * freq / (1 - b + b * dl / avgdl), from:");
  for (const auto& [f, v] : variant.places) {
    const WordCursor& field = fields_[f];
    if (field.doc() != doc_) continue;
    const std::string name(Bm25FieldName(field.index(), field.field()));
    docsearch::v1::Explanation share = ExplanationNode(
        field.BoostAtDoc() * field.VariantFrequency(v) / field.LengthNorm(),
        absl::StrCat(name, ":", variant.term, " = boost * freq / (1 - b + b * dl / avgdl)"));
    *share.add_details() =
        ExplanationNode(field.BoostAtDoc(), field.BoostAtDoc() < field.boost()
                                                ? "boost (withheld: the parser doubted the title)"
                                                : "boost");
    *share.add_details() = ExplanationNode(field.VariantFrequency(v), "freq, occurrences");
    *share.add_details() = ExplanationNode(scoring_->b, "b, length normalization");
    *share.add_details() = ExplanationNode(field.field().lengths[doc_], "dl, length of the field");
    *share.add_details() = ExplanationNode(field.average_length(), "avgdl, its average length");
    *tf_node.add_details() = std::move(share);
  }
  *node.add_details() = std::move(tf_node);
  return LanguageWeighted(std::move(node), LanguageWeightAt(*scoring_, doc_), score);
}

}  // namespace docsearch::query

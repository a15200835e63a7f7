#include "query_service/search/phrase_scorer.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <utility>

#include "absl/strings/str_cat.h"
#include "query_service/search/bm25_explanation.h"
#include "query_service/search/phrase_frequency.h"

namespace docsearch::query {
namespace {

// Bounds are computed in double from float inputs; this slack keeps every
// bound above the float score it bounds.
constexpr double kBoundSlack = 1.0001;

// The documents holding every word: group i is word i.
ConjunctionScorer<WordCursor> Approximation(std::vector<WordCursor> words, DocId first) {
  std::vector<size_t> groups(words.size());
  std::iota(groups.begin(), groups.end(), 0);
  const size_t count = words.size();
  return ConjunctionScorer<WordCursor>(std::move(words), std::move(groups), count, first);
}

}  // namespace

PhraseScorer::PhraseScorer(const IndexData& index, const ScoringOptions& scoring,
                           std::vector<WordCursor> words, float idf, int slop, std::string text,
                           DocId first)
    : index_(&index),
      scoring_(&scoring),
      field_(&words.front().field()),
      boost_(words.front().boost()),
      idf_(idf),
      slop_(slop),
      text_(std::move(text)),
      average_length_(Bm25AverageLength(index, *field_, scoring)),
      max_score_(boost_ *
                 Bm25Score(scoring, average_length_,
                           static_cast<double>(words.front().bounds().min_length),
                           static_cast<float>(words.front().bounds().max_frequency), idf_) *
                 kBoundSlack),
      words_(Approximation(std::move(words), first)),
      positions_(words_.scorers().size()) {
  for (const auto& list : positions_) position_lists_.push_back(&list);
  Settle();
}

void PhraseScorer::Next() {
  if (doc_ == kScorerEnd) return;
  words_.Next();
  Settle();
}

void PhraseScorer::Advance(DocId target) {
  if (doc_ >= target) return;
  words_.Advance(target);
  Settle();
}

bool PhraseScorer::BlockCompetes(DocId doc) {
  if (!block_bound_valid_ || doc > block_last_) {
    // The blocks holding `doc` in every word's lists: the phrase occurs no
    // more often than the first word's frequency (or, without slop, any
    // word's) in its block, and the document is at least as long as the
    // longest of the words' shortest lengths, since it is in all of them.
    std::vector<WordCursor>& words = words_.scorers();
    uint32_t most = std::numeric_limits<uint32_t>::max();
    uint32_t length = 0;
    DocId last = kScorerEnd;
    for (size_t i = 0; i < words.size(); ++i) {
      uint32_t word_most = 0;
      uint32_t word_length = 0;
      DocId word_last = kScorerEnd;
      // The approximation is on `doc`, so every word has a block there.
      if (!words[i].BlockFrequencyBounds(doc, &word_most, &word_length, &word_last)) return true;
      if (i == 0 || slop_ == 0) most = std::min(most, word_most);
      length = std::max(length, word_length);
      last = std::min(last, word_last);
    }
    block_bound_ = boost_ *
                   Bm25Score(*scoring_, average_length_, static_cast<double>(length),
                             static_cast<float>(most), idf_) *
                   kBoundSlack;
    block_last_ = last;
    block_bound_valid_ = true;
  }
  return block_bound_ >= min_competitive_;
}

void PhraseScorer::Settle() {
  std::vector<WordCursor>& words = words_.scorers();
  while (words_.doc() != kScorerEnd) {
    const DocId doc = words_.doc();
    if (min_competitive_ > -std::numeric_limits<double>::infinity()) {
      // A whole range of blocks that cannot compete is skipped without
      // reading its documents, as the block-max conjunction does.
      if (!BlockCompetes(doc)) {
        pruned_ = true;
        if (block_last_ == kScorerEnd) break;
        words_.Advance(std::max(block_last_, doc) + 1);
        continue;
      }
      // With slop, several first-word positions may share a later word's
      // position, so only the first word bounds the count.
      uint32_t most = words[0].FrequencySum();
      if (slop_ == 0) {
        for (const WordCursor& word : words) most = std::min(most, word.FrequencySum());
      }
      const double bound = boost_ *
                           Bm25Score(*scoring_, average_length_, field_->lengths[doc],
                                     static_cast<float>(most), idf_) *
                           kBoundSlack;
      if (bound < min_competitive_) {
        pruned_ = true;
        words_.Next();
        continue;
      }
    }
    for (size_t i = 0; i < words.size(); ++i) words[i].Positions(positions_[i]);
    const int frequency = PhraseFrequency(position_lists_, slop_);
    if (frequency > 0) {
      doc_ = doc;
      frequency_ = frequency;
      return;
    }
    words_.Next();
  }
  doc_ = kScorerEnd;
  frequency_ = 0;
}

docsearch::v1::Explanation PhraseScorer::Explain() const {
  const Bm25Inputs inputs{FieldBoostAt(*scoring_, *field_, boost_, doc_),
                          idf_,
                          /*document_frequency=*/0,
                          Bm25DocumentCount(*index_, *scoring_),
                          average_length_,
                          static_cast<double>(field_->lengths[doc_]),
                          static_cast<float>(frequency_)};
  return Bm25Explanation(absl::StrCat(Bm25FieldName(*index_, *field_), ":\"", text_, "\""),
                         *scoring_, inputs, Score());
}

}  // namespace docsearch::query

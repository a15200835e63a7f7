#include "query_service/compare/language_twins.h"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/text_analyzer.h"
#include "common/utf8_text.h"
#include "query_service/compare/twin_evidence.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::Document;

// A document worth loading: how it was found, for the order in which
// candidates are kept when there are too many.
struct Candidate {
  DocId doc = 0;
  bool shares_reference = false;
  int date_distance = std::numeric_limits<int>::max();
};

bool IsLive(const IndexData& index, DocId doc) {
  return doc < index.live().size() && index.live()[doc];
}

// Live documents whose reference normalizes to `reference`.
void AddReferenceCandidates(const IndexData& index, const std::string& reference,
                            absl::flat_hash_map<DocId, Candidate>& candidates) {
  if (reference.empty()) return;
  const auto field = index.keywords().find("reference");
  if (field == index.keywords().end()) return;
  // Normalizing keeps the code's last run of digits as printed (less its
  // leading zeros), so a value without it cannot match: most values are
  // skipped by a substring search instead of being normalized.
  size_t digits_end = reference.size();
  while (digits_end > 0 &&
         !absl::ascii_isdigit(static_cast<unsigned char>(reference[digits_end - 1]))) {
    --digits_end;
  }
  size_t digits_start = digits_end;
  while (digits_start > 0 &&
         absl::ascii_isdigit(static_cast<unsigned char>(reference[digits_start - 1]))) {
    --digits_start;
  }
  const std::string number = reference.substr(digits_start, digits_end - digits_start);
  for (const auto& [value, docs] : field->second) {
    if (value.find(number) == std::string::npos) continue;
    if (NormalizeReference(value) != reference) continue;
    for (DocId doc : docs) {
      if (!IsLive(index, doc)) continue;
      Candidate& candidate = candidates[doc];
      candidate.doc = doc;
      candidate.shares_reference = true;
    }
  }
}

// Live documents with a published or updated date within the window of one
// of `dates`.
void AddDateCandidates(const IndexData& index, const std::vector<int>& dates,
                       absl::flat_hash_map<DocId, Candidate>& candidates) {
  if (dates.empty()) return;
  for (const char* field : {"published", "updated"}) {
    const auto column = index.dates().find(field);
    if (column == index.dates().end()) continue;
    const std::vector<int>& days = column->second;
    for (DocId doc = 0; doc < days.size(); ++doc) {
      if (days[doc] == kNoDate) continue;
      int distance = std::numeric_limits<int>::max();
      for (int date : dates) distance = std::min(distance, std::abs(days[doc] - date));
      if (distance > kTwinDateWindowDays || !IsLive(index, doc)) continue;
      Candidate& candidate = candidates[doc];
      candidate.doc = doc;
      candidate.date_distance = std::min(candidate.date_distance, distance);
    }
  }
}

// The DocIds (ascending) whose language keyword is `language` (folded here
// as the index folded it); null when none.
const std::vector<DocId>* SameLanguageDocs(const IndexData& index, const std::string& language) {
  const auto field = index.keywords().find("language");
  if (field == index.keywords().end()) return nullptr;
  TextAnalyzer analyzer;
  const auto docs = field->second.find(analyzer.FoldWord(language));
  return docs == field->second.end() ? nullptr : &docs->second;
}

}  // namespace

absl::Status ValidateListTwins(const docsearch::v1::ListTwinsRequest& request) {
  if (request.id().empty()) return absl::InvalidArgumentError("id is required");
  if (!(request.min_score() >= 0 && request.min_score() <= 1)) {
    return absl::InvalidArgumentError(absl::StrCat("min_score must be in [0, 1] (0 means ",
                                                   kDefaultTwinScore, "); got ",
                                                   request.min_score()));
  }
  if (request.max_results() < 0 || request.max_results() > kMaxTwinResults) {
    return absl::InvalidArgumentError(absl::StrCat("max_results must be in 0..", kMaxTwinResults,
                                                   " (0 means ", kDefaultTwinResults, "); got ",
                                                   request.max_results()));
  }
  return absl::OkStatus();
}

int TwinResultsOf(const docsearch::v1::ListTwinsRequest& request) {
  return request.max_results() > 0 ? request.max_results() : kDefaultTwinResults;
}

absl::StatusOr<docsearch::v1::ListTwinsResponse> ListTwins(
    const docsearch::v1::ListTwinsRequest& request, IndexSnapshot index) {
  docsearch::v1::ListTwinsShardRequest shard_request;
  *shard_request.mutable_twins() = request;
  absl::StatusOr<docsearch::v1::ListTwinsShardResponse> answer =
      ListTwinsShard(shard_request, std::move(index));
  if (!answer.ok()) return answer.status();
  return std::move(*answer->mutable_twins());
}

absl::StatusOr<docsearch::v1::ListTwinsShardResponse> ListTwinsShard(
    const docsearch::v1::ListTwinsShardRequest& shard_request, IndexSnapshot index) {
  const docsearch::v1::ListTwinsRequest& request = shard_request.twins();
  if (absl::Status valid = ValidateListTwins(request); !valid.ok()) return valid;
  const double min_score = request.min_score() > 0 ? request.min_score() : kDefaultTwinScore;

  docsearch::v1::ListTwinsShardResponse shard_response;
  docsearch::v1::ListTwinsResponse& response = *shard_response.mutable_twins();
  response.set_id(request.id());
  // The document is never its own twin (stored here or not).
  const std::optional<DocId> source = index->FindDoc(request.id());
  TwinSignals signals;
  if (shard_request.has_signals()) {
    signals = SignalsFromMessage(shard_request.signals());
  } else {
    if (!source.has_value()) {
      return absl::NotFoundError(
          absl::StrCat("id: no document with id '", TruncatedForMessage(request.id()), "'"));
    }
    absl::StatusOr<Document> document = index->documents().Load(*source);
    if (!document.ok()) return document.status();
    signals = SignalsOf(*document);
    response.set_language(document->language());
    *shard_response.mutable_signals() = SignalsToMessage(signals);
  }
  // Without a language, "another language" means nothing.
  if (signals.language.empty()) return shard_response;

  absl::flat_hash_map<DocId, Candidate> found;
  AddReferenceCandidates(*index, signals.reference, found);
  AddDateCandidates(*index, signals.dates, found);
  if (source.has_value()) found.erase(*source);
  // Documents in the document's own language are mirrors, not twins: left
  // out before anything is loaded.
  const std::vector<DocId>* same_language = SameLanguageDocs(*index, signals.language);
  std::vector<Candidate> candidates;
  candidates.reserve(found.size());
  for (const auto& [doc, candidate] : found) {
    if (same_language != nullptr &&
        std::binary_search(same_language->begin(), same_language->end(), doc)) {
      continue;
    }
    candidates.push_back(candidate);
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.shares_reference != b.shares_reference) return a.shares_reference;
    if (a.date_distance != b.date_distance) return a.date_distance < b.date_distance;
    return a.doc < b.doc;
  });
  if (candidates.size() > kMaxTwinCandidates) candidates.resize(kMaxTwinCandidates);

  int checked = 0;
  for (const Candidate& candidate : candidates) {
    absl::StatusOr<Document> other = index->documents().Load(candidate.doc);
    if (!other.ok()) return other.status();
    const TwinSignals other_signals = SignalsOf(*other);
    if (other_signals.language.empty() || other_signals.language == signals.language) continue;
    ++checked;
    TwinScore scored = ScoreTwin(signals, other_signals);
    if (!scored.IsTwin(min_score)) continue;
    docsearch::v1::LanguageTwin* twin = response.add_twins();
    twin->set_id(other->id());
    twin->set_language(other->language());
    twin->set_title(other->title());
    if (other->has_published()) *twin->mutable_published() = other->published();
    twin->set_score(scored.score);
    *twin->mutable_evidence() = std::move(scored.evidence);
  }
  response.set_candidates_checked(checked);
  std::vector<docsearch::v1::ListTwinsResponse> alone;
  alone.push_back(std::move(response));
  response = MergeTwins(std::move(alone), TwinResultsOf(request));
  return shard_response;
}

docsearch::v1::ListTwinsResponse MergeTwins(std::vector<docsearch::v1::ListTwinsResponse> answers,
                                            int max_results) {
  docsearch::v1::ListTwinsResponse merged;
  if (answers.empty()) return merged;
  merged.set_id(answers.front().id());
  merged.set_language(answers.front().language());
  int checked = 0;
  for (docsearch::v1::ListTwinsResponse& answer : answers) {
    checked += answer.candidates_checked();
    for (docsearch::v1::LanguageTwin& twin : *answer.mutable_twins()) {
      *merged.add_twins() = std::move(twin);
    }
  }
  merged.set_candidates_checked(checked);
  auto* twins = merged.mutable_twins();
  std::sort(twins->begin(), twins->end(),
            [](const docsearch::v1::LanguageTwin& a, const docsearch::v1::LanguageTwin& b) {
              if (a.score() != b.score()) return a.score() > b.score();
              return a.id() < b.id();
            });
  while (twins->size() > max_results) twins->RemoveLast();
  return merged;
}

docsearch::v1::TwinSignalsMessage SignalsToMessage(const TwinSignals& signals) {
  docsearch::v1::TwinSignalsMessage message;
  message.set_language(signals.language);
  message.set_reference(signals.reference);
  message.mutable_dates()->Add(signals.dates.begin(), signals.dates.end());
  for (const std::string& number : signals.paragraph_numbers) message.add_paragraph_numbers(number);
  for (const std::string& anchor : signals.anchors) message.add_anchors(anchor);
  for (const std::string& trigram : signals.title_trigrams) message.add_title_trigrams(trigram);
  return message;
}

TwinSignals SignalsFromMessage(const docsearch::v1::TwinSignalsMessage& message) {
  TwinSignals signals;
  signals.language = message.language();
  signals.reference = message.reference();
  signals.dates.assign(message.dates().begin(), message.dates().end());
  signals.paragraph_numbers.assign(message.paragraph_numbers().begin(),
                                   message.paragraph_numbers().end());
  signals.anchors.assign(message.anchors().begin(), message.anchors().end());
  signals.title_trigrams.assign(message.title_trigrams().begin(), message.title_trigrams().end());
  return signals;
}

}  // namespace docsearch::query::compare

#include "query_service/search/shard_statistics.h"

#include <map>

namespace docsearch::query {

uint64_t RecordingStatistics::DocumentFrequency(absl::string_view field,
                                                const std::string& term) const {
  const TextFieldIndex& index_field = field == kTitleField ? index_.title() : index_.body();
  const uint64_t frequency = index_field.DocumentFrequency(term);
  asked_[{std::string(field), term}] = frequency;
  return frequency;
}

uint64_t RecordingStatistics::TotalLength(absl::string_view field) const {
  return (field == kTitleField ? index_.title() : index_.body()).live_total_length;
}

docsearch::v1::CollectionStatisticsMessage RecordingStatistics::ToMessage() const {
  docsearch::v1::CollectionStatisticsMessage message;
  message.set_document_count(index_.live_count());
  message.set_title_total_length(index_.title().live_total_length);
  message.set_body_total_length(index_.body().live_total_length);
  // Sorted, so the message is the same for the same index and query.
  std::map<std::pair<std::string, std::string>, uint64_t> sorted(asked_.begin(), asked_.end());
  for (const auto& [key, frequency] : sorted) {
    auto* entry = message.add_terms();
    entry->set_field(key.first);
    entry->set_term(key.second);
    entry->set_document_frequency(frequency);
  }
  // Counted as SearchIndex counts them for the main language (every slot
  // the value was indexed for).
  if (auto languages = index_.keywords().find("language"); languages != index_.keywords().end()) {
    std::map<std::string, int64_t> counts;
    for (const auto& [value, docs] : languages->second) counts[value] = docs.size();
    for (const auto& [value, count] : counts) {
      auto* entry = message.add_languages();
      entry->set_value(value);
      entry->set_count(count);
    }
  }
  return message;
}

MessageStatistics::MessageStatistics(const docsearch::v1::CollectionStatisticsMessage& message)
    : document_count_(message.document_count()),
      title_total_length_(message.title_total_length()),
      body_total_length_(message.body_total_length()) {
  for (const auto& entry : message.terms()) {
    frequencies_[{entry.field(), entry.term()}] = entry.document_frequency();
  }
}

uint64_t MessageStatistics::DocumentFrequency(absl::string_view field,
                                              const std::string& term) const {
  auto it = frequencies_.find(std::make_pair(std::string(field), term));
  return it == frequencies_.end() ? 0 : it->second;
}

uint64_t MessageStatistics::TotalLength(absl::string_view field) const {
  return field == kTitleField ? title_total_length_ : body_total_length_;
}

std::string MainLanguageOf(const docsearch::v1::CollectionStatisticsMessage& message) {
  std::string main_language;
  int64_t most = 0;
  for (const auto& entry : message.languages()) {
    if (entry.count() > most || (entry.count() == most && entry.value() < main_language)) {
      most = entry.count();
      main_language = entry.value();
    }
  }
  return main_language;
}

void AddStatistics(const docsearch::v1::CollectionStatisticsMessage& part,
                   docsearch::v1::CollectionStatisticsMessage* sum) {
  sum->set_document_count(sum->document_count() + part.document_count());
  sum->set_title_total_length(sum->title_total_length() + part.title_total_length());
  sum->set_body_total_length(sum->body_total_length() + part.body_total_length());
  std::map<std::pair<std::string, std::string>, uint64_t> terms;
  for (const auto& entry : sum->terms())
    terms[{entry.field(), entry.term()}] += entry.document_frequency();
  for (const auto& entry : part.terms())
    terms[{entry.field(), entry.term()}] += entry.document_frequency();
  std::map<std::string, int64_t> languages;
  for (const auto& entry : sum->languages()) languages[entry.value()] += entry.count();
  for (const auto& entry : part.languages()) languages[entry.value()] += entry.count();
  sum->clear_terms();
  sum->clear_languages();
  for (const auto& [key, frequency] : terms) {
    auto* entry = sum->add_terms();
    entry->set_field(key.first);
    entry->set_term(key.second);
    entry->set_document_frequency(frequency);
  }
  for (const auto& [value, count] : languages) {
    auto* entry = sum->add_languages();
    entry->set_value(value);
    entry->set_count(count);
  }
}

}  // namespace docsearch::query

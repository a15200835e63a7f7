#include "query_service/search/document_language_weight.h"

#include <utility>

#include "query_service/index/acronym_table.h"

namespace docsearch::query {

std::unique_ptr<DocumentLanguageWeight> DocumentLanguageWeight::For(
    const IndexData& index, const std::string& query_language, float weight) {
  if (weight >= 1.0f || query_language.empty()) return nullptr;
  const auto column = index.keyword_columns().find("language");
  if (column == index.keyword_columns().end()) return nullptr;
  const std::string language = PrimaryLanguage(query_language);
  absl::flat_hash_set<uint32_t> own;
  bool any_other = false;
  for (uint32_t ordinal = 0; ordinal < column->second.ordinal_count(); ++ordinal) {
    if (PrimaryLanguage(column->second.Value(ordinal)) == language) {
      own.insert(ordinal);
    } else {
      any_other = true;
    }
  }
  if (!any_other) return nullptr;
  return std::unique_ptr<DocumentLanguageWeight>(
      new DocumentLanguageWeight(column->second, std::move(own), weight));
}

float DocumentLanguageWeight::At(DocId doc) const {
  const absl::Span<const uint32_t> ordinals = column_->Ordinals(doc);
  if (ordinals.empty()) return 1.0f;
  for (const uint32_t ordinal : ordinals) {
    if (own_ordinals_.contains(ordinal)) return 1.0f;
  }
  return weight_;
}

}  // namespace docsearch::query

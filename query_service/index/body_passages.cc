#include "query_service/index/body_passages.h"

#include "absl/strings/str_cat.h"

namespace docsearch::query {

using docsearch::v1::Document;

std::vector<std::string> BodyPassages(const Document& document) {
  std::vector<std::string> passages;
  if (!document.subtitle().empty()) passages.push_back(document.subtitle());
  for (const auto& paragraph : document.paragraphs()) passages.push_back(paragraph.text());
  for (const auto& footnote : document.footnotes()) passages.push_back(footnote.text());
  return passages;
}

std::string PrintedHeadWords(const Document& document) {
  const std::string& label = document.doc_type_raw();
  const std::string& reference = document.reference();
  if (label.empty() || reference.empty()) return absl::StrCat(label, reference);
  return absl::StrCat(label, "\n", reference);
}

std::vector<std::string> IndexedBodyPassages(const Document& document) {
  std::vector<std::string> passages = BodyPassages(document);
  std::string head = PrintedHeadWords(document);
  if (!head.empty()) passages.push_back(std::move(head));
  return passages;
}

}  // namespace docsearch::query

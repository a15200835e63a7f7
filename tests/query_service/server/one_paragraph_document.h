// A document of one paragraph, the shape the ranking tests of this folder
// index: its content hash is made from id and body, so no two test
// documents are taken for copies of each other.
#ifndef DOCSEARCH_TESTS_QUERY_SERVICE_SERVER_ONE_PARAGRAPH_DOCUMENT_H_
#define DOCSEARCH_TESTS_QUERY_SERVICE_SERVER_ONE_PARAGRAPH_DOCUMENT_H_

#include <memory>
#include <string>

#include "docsearch/v1/document.pb.h"

namespace docsearch::query {

inline std::unique_ptr<v1::Document> OneParagraphDocument(const std::string& id,
                                                          const std::string& title,
                                                          const std::string& body,
                                                          const std::string& language) {
  auto document = std::make_unique<v1::Document>();
  document->set_id(id);
  document->set_title(title);
  document->add_paragraphs()->set_text(body);
  document->set_language(language);
  document->set_content_hash(id + "-" + body);
  return document;
}

}  // namespace docsearch::query

#endif  // DOCSEARCH_TESTS_QUERY_SERVICE_SERVER_ONE_PARAGRAPH_DOCUMENT_H_

// libFuzzer entry point for the document parser.
//
// The first byte picks the content type (text, HTML, JSON, or detection);
// the rest is the document. Beyond "no crash, no hang, no sanitizer report",
// it checks the parser's promises: a successful parse has an id, a 64-digit
// content hash and only valid UTF-8 in its text fields; a failure is one of
// the documented codes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "ingest_service/parser/document_parser.h"
#include "ingest_service/parser/encoding.h"

namespace {

void Check(bool condition) {
  if (!condition) __builtin_trap();
}

void CheckUtf8(const std::string& text) { Check(docsearch::ingest::IsValidUtf8(text)); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  docsearch::v1::RawDocument raw;
  raw.set_content_type(static_cast<docsearch::v1::ContentType>(data[0] % 4));
  raw.set_content(std::string(reinterpret_cast<const char*>(data + 1), size - 1));
  docsearch::ingest::ParseOptions options;
  options.max_document_bytes = 1 << 20;

  absl::StatusOr<docsearch::v1::ParseDocumentResponse> parsed =
      docsearch::ingest::ParseRawDocument(raw, options);
  if (!parsed.ok()) {
    Check(parsed.status().code() == absl::StatusCode::kInvalidArgument ||
          parsed.status().code() == absl::StatusCode::kResourceExhausted);
    return 0;
  }
  const docsearch::v1::Document& document = parsed->document();
  Check(!document.id().empty());
  Check(document.content_hash().size() == 64);
  CheckUtf8(document.title());
  CheckUtf8(document.subtitle());
  CheckUtf8(document.doc_type_raw());
  CheckUtf8(document.reference());
  for (const auto& paragraph : document.paragraphs()) CheckUtf8(paragraph.text());
  for (const auto& note : document.footnotes()) CheckUtf8(note.text());
  for (const auto& entity : document.entities()) {
    CheckUtf8(entity.name());
    for (const auto& mention : entity.mentions()) CheckUtf8(mention);
  }
  for (const auto& dropped : parsed->dropped_lines()) CheckUtf8(dropped.text());
  return 0;
}

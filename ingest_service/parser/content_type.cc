#include "ingest_service/parser/content_type.h"

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace docsearch::ingest {

v1::ContentType DetectContentType(absl::string_view text, absl::string_view source_uri) {
  absl::string_view path = source_uri.substr(0, source_uri.find_first_of("?#"));
  const std::string lower = absl::AsciiStrToLower(path);
  for (absl::string_view html : {".htm", ".html", ".xhtml", ".asp", ".aspx", ".php"}) {
    if (absl::EndsWith(lower, html)) return v1::CONTENT_TYPE_HTML;
  }
  if (absl::EndsWith(lower, ".json")) return v1::CONTENT_TYPE_JSON;
  if (absl::EndsWith(lower, ".txt")) return v1::CONTENT_TYPE_TEXT;
  const absl::string_view start = absl::StripLeadingAsciiWhitespace(text);
  if (absl::StartsWith(start, "{")) return v1::CONTENT_TYPE_JSON;
  if (absl::StartsWith(start, "<")) return v1::CONTENT_TYPE_HTML;
  return v1::CONTENT_TYPE_TEXT;
}

absl::StatusOr<std::string> ExtractText(v1::ContentType type, absl::string_view text,
                                        v1::ParseDocumentResponse* response) {
  switch (type) {
    case v1::CONTENT_TYPE_HTML:
    case v1::CONTENT_TYPE_JSON: {
      v1::ParseWarning* warning = response->mutable_document()->add_warnings();
      warning->set_code("content_type_read_as_text");
      warning->set_message("this content type is not read yet; the bytes were read as text");
      return std::string(text);
    }
    case v1::CONTENT_TYPE_TEXT:
    case v1::CONTENT_TYPE_UNSPECIFIED:
    default:
      return std::string(text);
  }
}

}  // namespace docsearch::ingest

#include "ingest_service/parser/document_parser.h"

#include <openssl/sha.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "ingest_service/parser/content_type.h"
#include "ingest_service/parser/encoding.h"
#include "ingest_service/parser/language_detector.h"
#include "ingest_service/parser/plain_text_parser.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::ParseDocumentResponse;

void AddWarning(absl::string_view code, absl::string_view message, v1::Document* document) {
  v1::ParseWarning* warning = document->add_warnings();
  warning->set_code(std::string(code));
  warning->set_message(std::string(message));
}

std::string Sha256Hex(absl::string_view bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), SHA256_DIGEST_LENGTH));
}

// "docs/pr/2001/p011218e.htm" -> "p011218e"; "Riga Summit.txt" -> "riga-summit".
std::string IdFromSourceUri(absl::string_view uri) {
  // Drop a query or fragment, then take the last path segment.
  uri = uri.substr(0, uri.find_first_of("?#"));
  while (!uri.empty() && (uri.back() == '/' || uri.back() == '\\')) uri.remove_suffix(1);
  const size_t slash = uri.find_last_of("/\\");
  absl::string_view name = slash == absl::string_view::npos ? uri : uri.substr(slash + 1);
  const size_t dot = name.find_last_of('.');
  if (dot != absl::string_view::npos && dot > 0) name = name.substr(0, dot);
  std::string id;
  for (char c : name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (absl::ascii_isalnum(u) || c == '_' || c == '-' || c == '.') {
      id.push_back(absl::ascii_tolower(u));
    } else if (!id.empty() && id.back() != '-') {
      id.push_back('-');
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id;
}

// Share of characters that are control characters: high in binary files,
// zero in text.
bool LooksBinary(size_t removed_controls, absl::string_view text) {
  const size_t total = removed_controls + text.size();
  return removed_controls >= 8 && removed_controls * 20 > total;
}

bool HasLetterOrDigit(absl::string_view text) {
  for (char c : text) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
        static_cast<unsigned char>(c) >= 0xC3) {
      return true;
    }
  }
  return false;
}

}  // namespace

absl::StatusOr<ParseDocumentResponse> ParseRawDocument(const v1::RawDocument& raw,
                                                       const ParseOptions& options) {
  const std::string& content = raw.content();
  if (content.empty()) return absl::InvalidArgumentError("document.content is empty");
  if (content.size() > options.max_document_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("document.content is ", content.size(), " bytes, over the limit of ",
                     options.max_document_bytes, " bytes (max_document_bytes)"));
  }

  ParseDocumentResponse response;
  v1::Document* document = response.mutable_document();
  document->set_source_uri(raw.source_uri());

  const DecodedText decoded = DecodeToUtf8(content);
  response.set_encoding(decoded.encoding);
  if (decoded.replaced_sequences > 0) {
    AddWarning("invalid_bytes_replaced",
               absl::StrCat(decoded.replaced_sequences, " byte sequence(s) invalid in ",
                            decoded.encoding, " were replaced by U+FFFD"),
               document);
  }
  const NormalizedText normalized = NormalizeText(decoded.utf8);
  if (LooksBinary(normalized.removed_control_characters, normalized.text)) {
    return absl::InvalidArgumentError(
        absl::StrCat("document.content is not text: ", normalized.removed_control_characters,
                     " control characters (binary data?)"));
  }
  if (normalized.removed_control_characters > 0) {
    AddWarning(
        "control_characters_removed",
        absl::StrCat(normalized.removed_control_characters, " control character(s) were removed"),
        document);
  }

  const v1::ContentType content_type = raw.content_type() != v1::CONTENT_TYPE_UNSPECIFIED
                                           ? raw.content_type()
                                           : DetectContentType(normalized.text, raw.source_uri());
  response.set_content_type(content_type);

  absl::StatusOr<std::string> text = ExtractText(content_type, normalized.text, &response);
  if (!text.ok()) return text.status();
  if (!HasLetterOrDigit(*text)) {
    return absl::InvalidArgumentError("document.content has no text (no letter or digit)");
  }
  ParsePlainText(*text, raw.source_uri(), &response);

  const LanguageGuess language = DetectLanguage(*text, document->title());
  document->set_language(language.language);
  if (language.language.empty()) {
    AddWarning("language_unknown", "no English or French words found", document);
  }

  document->set_content_hash(Sha256Hex(*text));
  if (!raw.id().empty()) {
    document->set_id(raw.id());
  } else if (std::string id = IdFromSourceUri(raw.source_uri()); !id.empty()) {
    document->set_id(id);
  } else {
    document->set_id(absl::StrCat("sha256-", document->content_hash().substr(0, 16)));
  }
  return response;
}

}  // namespace docsearch::ingest

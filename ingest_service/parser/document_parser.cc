#include "ingest_service/parser/document_parser.h"

#include <openssl/sha.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/document_id.h"
#include "common/text_fingerprint.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/boilerplate.h"
#include "ingest_service/parser/content_type.h"
#include "ingest_service/parser/encoding.h"
#include "ingest_service/parser/entity_extractor.h"
#include "ingest_service/parser/glued_words.h"
#include "ingest_service/parser/html_to_text.h"
#include "ingest_service/parser/json_document.h"
#include "ingest_service/parser/language_detector.h"
#include "ingest_service/parser/layout_reader.h"
#include "ingest_service/parser/mojibake.h"
#include "ingest_service/parser/parse_warnings.h"
#include "ingest_service/parser/plain_text_parser.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::ParseDocumentResponse;

std::string Sha256Hex(absl::string_view bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), SHA256_DIGEST_LENGTH));
}

// "docs/pr/2001/p011218e.htm" -> "p011218e"; "Riga Summit.txt" -> "riga-summit".
std::string IdFromSourceUri(absl::string_view uri) {
  // The whole path, not only the file name, so that 2001/index.txt and
  // 2002/index.txt stay two documents; a #fragment (a line of a JSON-lines
  // file, a part of a page) is kept for the same reason. The scheme, the
  // query and the file extension carry no identity.
  absl::string_view fragment;
  if (const size_t hash = uri.find('#'); hash != absl::string_view::npos) {
    fragment = uri.substr(hash + 1);
    uri = uri.substr(0, hash);
  }
  uri = uri.substr(0, uri.find('?'));
  if (const size_t scheme = uri.find("://"); scheme != absl::string_view::npos) {
    uri = uri.substr(scheme + 3);
  }
  while (!uri.empty() && (uri.back() == '/' || uri.back() == '\\')) uri.remove_suffix(1);
  const size_t slash = uri.find_last_of("/\\");
  const size_t dot = uri.find_last_of('.');
  if (dot != absl::string_view::npos && (slash == absl::string_view::npos || dot > slash + 1)) {
    uri = uri.substr(0, dot);
  }
  // Relative segments ("./", "../") say nothing about the document.
  std::string path;
  for (absl::string_view segment : absl::StrSplit(uri, absl::ByAnyChar("/\\"))) {
    if (segment == "." || segment == "..") continue;
    absl::StrAppend(&path, path.empty() ? "" : "/", segment);
  }
  std::string id;
  for (absl::string_view part : {absl::string_view(path), absl::string_view("#"), fragment}) {
    if (part == "#" && fragment.empty()) continue;
    for (char c : part) {
      const unsigned char u = static_cast<unsigned char>(c);
      if (absl::ascii_isalnum(u) || c == '_' || c == '.') {
        id.push_back(absl::ascii_tolower(u));
      } else if (!id.empty() && id.back() != '-') {
        id.push_back('-');
      }
    }
  }
  while (!id.empty() && (id.back() == '-' || id.back() == '.')) id.pop_back();
  return id;
}

// Share of characters that are control characters: high in binary files,
// zero in text.
bool LooksBinary(size_t removed_controls, absl::string_view text) {
  const size_t total = removed_controls + text.size();
  return removed_controls >= 8 && removed_controls * 20 > total;
}

bool HasLetterOrDigit(absl::string_view text) { return !IsPunctuationOnly(text); }

// Reads JSON "body" text that has no head: only paragraphs and footnotes.
void ParseBodyOnly(absl::string_view text, ParseDocumentResponse* response) {
  std::vector<SourceLine> lines;
  int number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) lines.push_back({line, ++number});
  ParseBody(lines, response);
}

// Fields the JSON object names outrank what the parser read.
void ApplyJsonFields(const JsonDocument& json, v1::Document* document) {
  if (!json.title.empty()) document->set_title(json.title);
  if (!json.source_uri.empty() && document->source_uri().empty()) {
    document->set_source_uri(json.source_uri);
  }
  if (json.published.has_value()) {
    *document->mutable_published() = *json.published;
    // The body's own date fallbacks no longer apply.
    RemoveWarnings(document, IsPublishedFallback);
  } else if (!json.published_text.empty()) {
    AddWarning(ParseWarningCode::kJsonPublishedUnreadable,
               absl::StrCat("JSON field 'published' is not a date: '", json.published_text, "'"),
               document);
  }
  for (const auto& [key, value] : json.attributes) (*document->mutable_attributes())[key] = value;
}

void SeparateGluedWordsIn(absl::string_view text, bool title_given, v1::Document* document) {
  GluedWordSeparator separator(text);
  int separated = 0;
  auto separate = [&](std::string* field) {
    SeparatedText repaired = separator.Separate(*field);
    if (repaired.separated == 0) return;
    separated += repaired.separated;
    *field = std::move(repaired.text);
  };
  if (!title_given) {
    separate(document->mutable_title());
    separate(document->mutable_subtitle());
  }
  for (v1::Paragraph& paragraph : *document->mutable_paragraphs()) {
    separate(paragraph.mutable_text());
  }
  for (v1::Footnote& note : *document->mutable_footnotes()) separate(note.mutable_text());
  if (separated > 0) {
    AddWarning(ParseWarningCode::kGluedWordsSeparated,
               absl::StrCat(separated,
                            " glued word(s) separated (a lower-case letter run into a capital)"),
               document);
  }
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
    AddWarning(ParseWarningCode::kInvalidBytesReplaced,
               absl::StrCat(decoded.replaced_sequences, " byte sequence(s) invalid in ",
                            decoded.encoding, " were replaced by U+FFFD"),
               document);
  }
  // Text that was encoded twice ("todayÂ’s") gets its characters back.
  const RepairedText repaired = RepairMojibake(decoded.utf8);
  if (repaired.repaired > 0) {
    AddWarning(ParseWarningCode::kMojibakeRepaired,
               absl::StrCat(repaired.repaired,
                            " double-encoded character(s) repaired (UTF-8 read as Windows-1252)"),
               document);
  }
  const NormalizedText normalized = NormalizeText(repaired.text);
  if (LooksBinary(normalized.removed_control_characters, normalized.text)) {
    return absl::InvalidArgumentError(
        absl::StrCat("document.content is not text: ", normalized.removed_control_characters,
                     " control characters (binary data?)"));
  }
  if (normalized.removed_control_characters > 0) {
    AddWarning(
        ParseWarningCode::kControlCharactersRemoved,
        absl::StrCat(normalized.removed_control_characters, " control character(s) were removed"),
        document);
  }

  std::string page_title;
  std::string headline;
  const v1::ContentType content_type = raw.content_type() != v1::CONTENT_TYPE_UNSPECIFIED
                                           ? raw.content_type()
                                           : DetectContentType(normalized.text, raw.source_uri());
  response.set_content_type(content_type);

  // The text the structure is read from, by content type.
  std::string text;
  std::optional<JsonDocument> json;
  switch (content_type) {
    case v1::CONTENT_TYPE_HTML: {
      HtmlText html = HtmlToText(normalized.text);
      if (html.stripped_without_parsing) {
        AddWarning(ParseWarningCode::kHtmlTooDeep,
                   absl::StrCat("HTML nested deeper than ", kMaxHtmlDepth,
                                " levels: tags were stripped without parsing the page"),
                   document);
      }
      text = std::move(html.text);
      page_title = std::move(html.page_title);
      headline = std::move(html.headline);
      break;
    }
    case v1::CONTENT_TYPE_JSON: {
      absl::StatusOr<JsonDocument> parsed = ParseJsonDocument(normalized.text);
      if (!parsed.ok()) return parsed.status();
      json = *std::move(parsed);
      if (IsMarkupFragment(json->body)) {
        // A scraped page's HTML kept as the body: read as a page, so its
        // paragraphs and furniture are what a page's would be.
        HtmlText html = HtmlToText(json->body);
        if (html.stripped_without_parsing) {
          AddWarning(ParseWarningCode::kHtmlTooDeep,
                     absl::StrCat("HTML nested deeper than ", kMaxHtmlDepth,
                                  " levels: tags were stripped without parsing the page"),
                     document);
        }
        AddWarning(ParseWarningCode::kJsonBodyHtml,
                   "JSON field 'body' holds HTML: read as a page, its tags left out", document);
        text = NormalizeText(html.text).text;
        headline = std::move(html.headline);
      } else {
        text = NormalizeText(json->body).text;
      }
      break;
    }
    default:
      text = normalized.text;
      break;
  }
  if (!HasLetterOrDigit(text)) {
    return absl::InvalidArgumentError("document.content has no text (no letter or digit)");
  }
  if (json.has_value() && !json->title.empty()) {
    // The caller named the title: the body is all body.
    ParseBodyOnly(text, &response);
  } else {
    const std::string& uri =
        !raw.source_uri().empty() || !json.has_value() ? raw.source_uri() : json->source_uri;
    ReadLayout(text, uri,
               {.model = options.line_role_model,
                .explain = options.explain_lines,
                .trace = options.line_trace,
                .html_headline = headline,
                .page_title = page_title},
               &response);
  }
  // Words the scrape glued together ("NorthAtlantic", "SitesU.S.") get
  // their space back in what readers and searches see; the layout above was
  // read from the lines as archived (glued_words.h says why).
  SeparateGluedWordsIn(text, /*title_given=*/json.has_value() && !json->title.empty(), document);
  if (json.has_value()) ApplyJsonFields(*json, document);
  if (document->title().empty() && !page_title.empty() && options.title_from_html_title) {
    document->set_title(page_title);
    RemoveWarnings(document, ParseWarningCode::kNoTitle);
    AddWarning(ParseWarningCode::kTitleFromHtmlTitle,
               "no title in the page text; used the HTML <title>", document);
  }

  const LanguageGuess language = DetectLanguage(text, document->title());
  document->set_language(language.language);
  if (language.language.empty()) {
    AddWarning(ParseWarningCode::kLanguageUnknown,
               "no language identified: no words CLD2 or the English/French vote could read",
               document);
  }

  // Entities over everything a reader sees; the fingerprint over the body
  // only (FingerprintedText), so that two copies with different headers
  // still look alike.
  const std::string body = FingerprintedText(*document);
  std::string visible = absl::StrCat(document->title(), "\n", document->subtitle(), "\n", body);
  for (const v1::Footnote& note : document->footnotes()) {
    absl::StrAppend(&visible, note.text(), "\n");
  }
  for (v1::Entity& entity : ExtractEntities(visible)) *document->add_entities() = std::move(entity);
  *document->mutable_fingerprint() = ComputeTextFingerprint(body);

  // Of the whole normalized input, so that a changed title, header or JSON
  // attribute is a changed document too.
  document->set_content_hash(Sha256Hex(normalized.text));
  // Where a given id came from, for the error when it breaks the id rule
  // (common/document_id.h).
  std::string id_origin;
  if (!raw.id().empty()) {
    document->set_id(raw.id());
    id_origin = "document.id";
  } else if (json.has_value() && !json->id.empty()) {
    document->set_id(json->id);
    id_origin = "the JSON \"id\"";
  } else if (std::string id = IdFromSourceUri(document->source_uri());
             !id.empty() && CheckDocumentId(id, "").ok()) {
    // A file name that would make a bad id (too long, control characters)
    // falls back to the content hash below instead of failing the document.
    document->set_id(id);
  } else {
    document->set_id(absl::StrCat("sha256-", document->content_hash().substr(0, 16)));
  }
  if (!id_origin.empty()) {
    if (absl::Status id_ok = CheckDocumentId(document->id(), id_origin); !id_ok.ok()) return id_ok;
  }
  return response;
}

}  // namespace docsearch::ingest

#include "ingest_service/parser/content_type.h"

#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace docsearch::ingest {

namespace {

// Structural tags, looked for near the start of the text. A stray "<br />"
// left in scraped text is not enough: the plain-text parser reads it.
bool LooksLikeMarkup(absl::string_view text) {
  const std::string head = absl::AsciiStrToLower(text.substr(0, 64 * 1024));
  for (absl::string_view tag :
       {"<p>", "<p ", "<div", "<table", "<a href", "<html", "<body", "<span", "<li>", "<td"}) {
    if (absl::StrContains(head, tag)) return true;
  }
  return false;
}

bool HasHtmlExtension(absl::string_view lower_path) {
  for (absl::string_view extension : {".htm", ".html", ".xhtml", ".asp", ".aspx", ".php"}) {
    if (absl::EndsWith(lower_path, extension)) return true;
  }
  return false;
}

}  // namespace

v1::ContentType DetectContentType(absl::string_view text, absl::string_view source_uri) {
  const absl::string_view path = source_uri.substr(0, source_uri.find_first_of("?#"));
  const std::string lower = absl::AsciiStrToLower(path);
  const absl::string_view start = absl::StripLeadingAsciiWhitespace(text);
  if (absl::EndsWith(lower, ".txt")) return v1::CONTENT_TYPE_TEXT;
  if (absl::EndsWith(lower, ".json") || absl::StartsWith(start, "{")) {
    return v1::CONTENT_TYPE_JSON;
  }
  if (absl::StartsWith(start, "<")) return v1::CONTENT_TYPE_HTML;
  // Archives often hold the text of a page under the page's URL: an .htm
  // address alone does not make markup.
  if (HasHtmlExtension(lower) && LooksLikeMarkup(text)) return v1::CONTENT_TYPE_HTML;
  return v1::CONTENT_TYPE_TEXT;
}

bool IsMarkupFragment(absl::string_view text) {
  return absl::StartsWith(absl::StripLeadingAsciiWhitespace(text), "<") && LooksLikeMarkup(text);
}

}  // namespace docsearch::ingest

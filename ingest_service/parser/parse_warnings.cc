#include "ingest_service/parser/parse_warnings.h"

#include <string>
#include <utility>

namespace docsearch::ingest {
namespace {

using Code = ParseWarningCode;

// Every code with its wire string, in enum order.
constexpr std::pair<Code, absl::string_view> kWireCodes[] = {
    {Code::kInvalidBytesReplaced, "invalid_bytes_replaced"},
    {Code::kMojibakeRepaired, "mojibake_repaired"},
    {Code::kControlCharactersRemoved, "control_characters_removed"},
    {Code::kHtmlTooDeep, "html_too_deep"},
    {Code::kJsonBodyHtml, "json_body_html"},
    {Code::kGluedWordsSeparated, "glued_words_separated"},
    {Code::kNoTitle, "no_title"},
    {Code::kDigestWithoutTitle, "digest_without_title"},
    {Code::kTitleFromHtmlTitle, "title_from_html_title"},
    {Code::kTitleUncertain, "title_uncertain"},
    {Code::kTitleBesideIssuerLine, "title_beside_issuer_line"},
    {Code::kDocTypeFromFirstParagraph, "doc_type_from_first_paragraph"},
    {Code::kDocTypeFromTitle, "doc_type_from_title"},
    {Code::kDocTypeFromSalutation, "doc_type_from_salutation"},
    {Code::kDocTypeFromHeadLine, "doc_type_from_head_line"},
    {Code::kDocTypeFromSourceUri, "doc_type_from_source_uri"},
    {Code::kNoDocType, "no_doc_type"},
    {Code::kPublishedFromWeekHeader, "published_from_week_header"},
    {Code::kPublishedFromTitle, "published_from_title"},
    {Code::kPublishedFromSubtitle, "published_from_subtitle"},
    {Code::kPublishedFromSourceUri, "published_from_source_uri"},
    {Code::kPublishedFromUpdatedHeader, "published_from_updated_header"},
    {Code::kPublishedFromBody, "published_from_body"},
    {Code::kPublishedFromLineNextToTitle, "published_from_line_next_to_title"},
    {Code::kPublishedFromMessageHeader, "published_from_message_header"},
    {Code::kNoPublishedDate, "no_published_date"},
    {Code::kJsonPublishedUnreadable, "json_published_unreadable"},
    {Code::kLanguageUnknown, "language_unknown"},
};

constexpr bool ListedInEnumOrder() {
  for (size_t i = 0; i < std::size(kWireCodes); ++i) {
    if (static_cast<size_t>(kWireCodes[i].first) != i) return false;
  }
  return static_cast<size_t>(Code::kLanguageUnknown) + 1 == std::size(kWireCodes);
}
static_assert(ListedInEnumOrder(), "kWireCodes must list every ParseWarningCode in enum order");

}  // namespace

absl::string_view WireCode(ParseWarningCode code) {
  return kWireCodes[static_cast<size_t>(code)].second;
}

std::optional<ParseWarningCode> ParseWarningCodeOf(absl::string_view wire) {
  for (const auto& [code, name] : kWireCodes) {
    if (name == wire) return code;
  }
  return std::nullopt;
}

bool IsPublishedFallback(ParseWarningCode code) {
  switch (code) {
    case Code::kPublishedFromWeekHeader:
    case Code::kPublishedFromTitle:
    case Code::kPublishedFromSubtitle:
    case Code::kPublishedFromSourceUri:
    case Code::kPublishedFromUpdatedHeader:
    case Code::kPublishedFromBody:
    case Code::kPublishedFromLineNextToTitle:
    case Code::kPublishedFromMessageHeader:
    case Code::kNoPublishedDate:
      return true;
    default:
      return false;
  }
}

void AddWarning(ParseWarningCode code, absl::string_view message,
                docsearch::v1::Document* document) {
  docsearch::v1::ParseWarning* warning = document->add_warnings();
  warning->set_code(std::string(WireCode(code)));
  warning->set_message(std::string(message));
}

bool HasWarning(const docsearch::v1::Document& document, ParseWarningCode code) {
  for (const docsearch::v1::ParseWarning& warning : document.warnings()) {
    if (warning.code() == WireCode(code)) return true;
  }
  return false;
}

void RemoveWarnings(docsearch::v1::Document* document,
                    absl::FunctionRef<bool(ParseWarningCode)> withdraw) {
  auto* warnings = document->mutable_warnings();
  for (int i = warnings->size() - 1; i >= 0; --i) {
    const std::optional<ParseWarningCode> code = ParseWarningCodeOf(warnings->Get(i).code());
    if (code.has_value() && withdraw(*code)) warnings->DeleteSubrange(i, 1);
  }
}

void RemoveWarnings(docsearch::v1::Document* document, ParseWarningCode code) {
  RemoveWarnings(document, [code](ParseWarningCode have) { return have == code; });
}

void SetDocTypeWithWarning(docsearch::v1::Document* document, docsearch::v1::DocType type,
                           ParseWarningCode code, absl::string_view message) {
  document->set_doc_type(type);
  RemoveWarnings(document, ParseWarningCode::kNoDocType);
  AddWarning(code, message, document);
}

}  // namespace docsearch::ingest

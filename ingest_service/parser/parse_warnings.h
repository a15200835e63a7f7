// The warnings the parser gives, as types. On the wire a warning is
// Document.warnings' ParseWarning: a stable string code that callers and
// scripts match ("no_title", "published_from_title", ...) and a sentence
// for people. Inside the parser each code is a ParseWarningCode, so the
// stages that add, look for or withdraw a warning (a later stage that finds
// a title withdraws "no_title") name it by type, and a misspelt code is a
// compile error rather than a warning that silently stays.
//
// Every code is listed in docs/INGEST.md; the wire strings never change
// (WireCode), since callers match them.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_PARSE_WARNINGS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_PARSE_WARNINGS_H_

#include <optional>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

enum class ParseWarningCode {
  // Decoding and normalization.
  kInvalidBytesReplaced,
  kMojibakeRepaired,
  kControlCharactersRemoved,
  kHtmlTooDeep,
  kJsonBodyHtml,
  kGluedWordsSeparated,
  // Title.
  kNoTitle,
  kDigestWithoutTitle,
  kTitleFromHtmlTitle,
  kTitleUncertain,
  // The line the model took for the title names the issuer; the headline
  // next to it is the title (issuer_title.h).
  kTitleBesideIssuerLine,
  // Type.
  kDocTypeFromFirstParagraph,
  kDocTypeFromTitle,
  kDocTypeFromSalutation,
  kDocTypeFromHeadLine,
  kDocTypeFromSourceUri,
  kNoDocType,
  // Published date: where it came from when there is no date line.
  kPublishedFromWeekHeader,
  kPublishedFromTitle,
  kPublishedFromSubtitle,
  kPublishedFromSourceUri,
  kPublishedFromUpdatedHeader,
  kPublishedFromBody,
  // A date line found next to the title, below a long head.
  kPublishedFromLineNextToTitle,
  // The date a forwarded message was sent, the text printing none.
  kPublishedFromMessageHeader,
  kNoPublishedDate,
  kJsonPublishedUnreadable,
  // Language.
  kLanguageUnknown,
};

// The code as Document.warnings carries it, e.g. "published_from_title".
absl::string_view WireCode(ParseWarningCode code);

// The code `wire` names; nullopt for a string the parser never gives.
std::optional<ParseWarningCode> ParseWarningCodeOf(absl::string_view wire);

// True for the codes that say where `published` came from in the absence
// of a date line (kPublishedFrom...), and for kNoPublishedDate: what a date
// given by other means (a JSON field) makes moot.
bool IsPublishedFallback(ParseWarningCode code);

// Appends the warning `code` with `message` to `document`.
void AddWarning(ParseWarningCode code, absl::string_view message,
                docsearch::v1::Document* document);

// True when `document` carries a warning `code`.
bool HasWarning(const docsearch::v1::Document& document, ParseWarningCode code);

// Withdraws every warning of `document` whose code `withdraw` accepts.
void RemoveWarnings(docsearch::v1::Document* document,
                    absl::FunctionRef<bool(ParseWarningCode)> withdraw);

// Withdraws every warning `code` of `document`.
void RemoveWarnings(docsearch::v1::Document* document, ParseWarningCode code);

// Sets the type a reader found, with the warning `code` that says how, in
// place of the warning that none was found.
void SetDocTypeWithWarning(docsearch::v1::Document* document, docsearch::v1::DocType type,
                           ParseWarningCode code, absl::string_view message);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_PARSE_WARNINGS_H_

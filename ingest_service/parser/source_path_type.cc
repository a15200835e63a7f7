#include "ingest_service/parser/source_path_type.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/parse_warnings.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::DocType;

struct SectionName {
  absl::string_view name;  // Lower case, words joined by '-'.
  DocType type;
};

// Section folders as sites name them, in English, French and German. Only
// plural or compound collection names: a folder "press" or "news" holds
// every kind, so it names none. Two plain names are left out for the same
// reason: "statements" (a foreign ministry's "statements" hold its press
// conferences and briefings, a mission's its speeches) and "communiques" (a
// site's "communiqués" are its press releases in French and its final
// communiqués in English).
constexpr SectionName kSections[] = {
    {"press-statements", v1::DOC_TYPE_PRESS_STATEMENT},
    {"pressstatements", v1::DOC_TYPE_PRESS_STATEMENT},
    {"declarations", v1::DOC_TYPE_DECLARATION},
    {"speeches", v1::DOC_TYPE_SPEECH},
    {"discours", v1::DOC_TYPE_SPEECH},
    {"reden", v1::DOC_TYPE_SPEECH},
    {"press-releases", v1::DOC_TYPE_PRESS_RELEASE},
    {"pressreleases", v1::DOC_TYPE_PRESS_RELEASE},
    {"news-releases", v1::DOC_TYPE_PRESS_RELEASE},
    {"newsreleases", v1::DOC_TYPE_PRESS_RELEASE},
    {"media-releases", v1::DOC_TYPE_PRESS_RELEASE},
    {"news-communiques", v1::DOC_TYPE_PRESS_RELEASE},
    {"communiques-de-presse", v1::DOC_TYPE_PRESS_RELEASE},
    {"pressemitteilungen", v1::DOC_TYPE_PRESS_RELEASE},
    // Kinds the enum does not name.
    {"transcripts", v1::DOC_TYPE_OTHER},
    {"interviews", v1::DOC_TYPE_OTHER},
    {"briefings", v1::DOC_TYPE_OTHER},
    {"press-briefings", v1::DOC_TYPE_OTHER},
    {"press-conferences", v1::DOC_TYPE_OTHER},
    {"fact-sheets", v1::DOC_TYPE_OTHER},
    {"factsheets", v1::DOC_TYPE_OTHER},
};

// A page name opening with a kind, then the word that introduces its
// speaker, audience or subject: "statement-by-…", "remarks-at-…". The
// joining word is required, and only those the kind takes in a headline
// ("address-of-the-ministry" is a contact page, "speech-recognition-…" no
// speech).
struct PageOpening {
  absl::string_view kind;
  DocType type;
  absl::string_view joining[6];
};
constexpr PageOpening kPageOpenings[] = {
    {"press-statement", v1::DOC_TYPE_PRESS_STATEMENT, {"by", "on", "from", "of"}},
    {"joint-statement", v1::DOC_TYPE_PRESS_STATEMENT, {"by", "on", "from", "of"}},
    {"statement", v1::DOC_TYPE_PRESS_STATEMENT, {"by", "on", "from", "of"}},
    {"press-release", v1::DOC_TYPE_PRESS_RELEASE, {"on", "from"}},
    {"news-release", v1::DOC_TYPE_PRESS_RELEASE, {"on", "from"}},
    {"remarks", v1::DOC_TYPE_SPEECH, {"by", "at", "to", "of", "on"}},
    {"speech", v1::DOC_TYPE_SPEECH, {"by", "at", "to"}},
    {"address", v1::DOC_TYPE_SPEECH, {"by", "at", "to"}},
};

// "a_b+c" -> "a-b-c", lower case; a page's extension dropped by the caller.
std::string Normalized(absl::string_view segment) {
  std::string out = absl::AsciiStrToLower(segment);
  for (char& c : out) {
    if (c == '_' || c == '+' || c == ' ') c = '-';
  }
  return out;
}

// The page name without a leading date ("1998-04-30-", "20010212_").
absl::string_view WithoutLeadingDate(absl::string_view name) {
  size_t i = 0;
  while (i < name.size() &&
         (absl::ascii_isdigit(static_cast<unsigned char>(name[i])) || name[i] == '-')) {
    ++i;
  }
  return name.substr(i);
}

std::optional<DocType> TypeOfPageName(absl::string_view page) {
  const absl::string_view name = WithoutLeadingDate(page);
  for (const PageOpening& opening : kPageOpenings) {
    if (!absl::StartsWith(name, opening.kind)) continue;
    absl::string_view rest = name.substr(opening.kind.size());
    if (!absl::ConsumePrefix(&rest, "-")) continue;
    for (absl::string_view word : opening.joining) {
      if (word.empty()) break;
      if (absl::StartsWith(rest, word) &&
          (rest.size() == word.size() || rest[word.size()] == '-')) {
        return opening.type;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<SourcePathType> DocTypeFromSourcePath(absl::string_view uri) {
  uri = uri.substr(0, uri.find_first_of("?#"));
  const size_t scheme = uri.find("://");
  if (scheme != absl::string_view::npos) {
    uri.remove_prefix(scheme + 3);
    const size_t slash = uri.find('/');
    if (slash == absl::string_view::npos) return std::nullopt;  // A bare host.
    uri.remove_prefix(slash);
  }
  std::vector<absl::string_view> segments = absl::StrSplit(uri, '/', absl::SkipEmpty());
  if (segments.empty()) return std::nullopt;
  // The last segment is the page's name, with a trailing slash too (as
  // blogs print theirs); it may also be a section's index page.
  absl::string_view last = segments.back();
  if (const size_t dot = last.find_last_of('.'); dot != absl::string_view::npos) {
    last = last.substr(0, dot);
  }
  segments.back() = last;
  for (auto it = segments.rbegin(); it != segments.rend(); ++it) {
    const std::string folder = Normalized(*it);
    for (const SectionName& section : kSections) {
      if (folder == section.name) return SourcePathType{section.type, folder, true};
    }
  }
  const std::string page = Normalized(last);
  if (std::optional<DocType> type = TypeOfPageName(page)) {
    return SourcePathType{*type, page, false};
  }
  return std::nullopt;
}

void SetTypeFromSourcePath(absl::string_view uri, v1::Document* document) {
  const bool untyped = document->doc_type() == v1::DOC_TYPE_UNSPECIFIED;
  if (!untyped && !HasWarning(*document, ParseWarningCode::kDocTypeFromSalutation)) return;
  std::optional<SourcePathType> named = DocTypeFromSourcePath(uri);
  if (!named.has_value() || named->type == document->doc_type()) return;
  // Over a salutation only a section decides: a page named "statement-on-…"
  // is often a speech delivered as a statement.
  if (!untyped && !named->from_section) return;
  document->set_doc_type(named->type);
  RemoveWarnings(document, ParseWarningCode::kNoDocType);
  RemoveWarnings(document, ParseWarningCode::kDocTypeFromSalutation);
  AddWarning(
      ParseWarningCode::kDocTypeFromSourceUri,
      absl::StrCat("no type label; the source path's \"", named->segment, "\" names the kind"),
      document);
}

}  // namespace docsearch::ingest

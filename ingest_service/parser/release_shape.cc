#include "ingest_service/parser/release_shape.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/text_folding.h"
#include "ingest_service/parser/contact_lines.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/parse_warnings.h"

namespace docsearch::ingest {
namespace {

// Most words of a dateline's place ("SAN FRANCISCO", "Paris La Défense").
constexpr int kMostPlaceWords = 4;
// Most words of the issuer's name after "About".
constexpr int kMostIssuerWords = 6;
// Longest line read as the boilerplate's or the contacts' heading (a
// contact heading may name its office: "Media contact: Press Office, …").
constexpr size_t kLongestHeading = 80;

// Openings of the issuer's boilerplate, folded, with the space after them.
constexpr absl::string_view kAboutHeadings[] = {
    "about ",     "a propos de ", "a propos d'",      "uber ",
    "acerca de ", "sobre ",       "informazioni su ", "over ",
};

}  // namespace

bool OpensWithReleaseDateline(absl::string_view line) {
  line = TrimLine(line);
  const size_t comma = line.find(',');
  if (comma == absl::string_view::npos || comma == 0 || comma > 40) return false;
  const absl::string_view place = line.substr(0, comma);
  if (CountWordsUpTo(place, kMostPlaceWords + 1) > kMostPlaceWords ||
      !absl::ascii_isupper(static_cast<unsigned char>(place.front())) ||
      absl::StrContains(place, "(")) {
    return false;
  }
  const std::optional<FoundDate> date = FindFirstDate(line.substr(comma + 1, 60));
  if (!date.has_value()) return false;
  // Only spaces and the date's own filler between the comma and the date.
  const absl::string_view before = line.substr(comma + 1, date->begin);
  if (!absl::StripAsciiWhitespace(before).empty() && absl::StripAsciiWhitespace(before) != "le") {
    return false;
  }
  absl::string_view after = absl::StripLeadingAsciiWhitespace(line.substr(comma + 1 + date->end));
  return absl::StartsWith(after, "-") || absl::StartsWith(after, "\xE2\x80\x93") ||
         absl::StartsWith(after, "\xE2\x80\x94") || absl::StartsWith(after, "/");
}

bool IsAboutTheIssuerHeading(absl::string_view line) {
  line = TrimLine(line);
  if (line.empty() || EndsSentence(line) ||
      absl::ascii_islower(static_cast<unsigned char>(line.front()))) {
    return false;
  }
  const std::string folded = FoldAccents(line);
  for (absl::string_view heading : kAboutHeadings) {
    if (!absl::StartsWith(folded, heading)) continue;
    const absl::string_view name = absl::string_view(folded).substr(heading.size());
    const int words = CountWordsUpTo(name, kMostIssuerWords + 1);
    // "About us" is a menu's item, not the issuer's boilerplate.
    return words >= 1 && words <= kMostIssuerWords && name != "us" && name != "nous";
  }
  return false;
}

void SetTypeFromReleaseShape(const std::vector<SourceLine>& lines,
                             const std::vector<LineFeatures>& features,
                             const std::vector<LineRole>& roles, v1::Document* document) {
  if (document->doc_type() != v1::DOC_TYPE_UNSPECIFIED) return;
  bool in_body = false;
  bool first_body = true;
  for (size_t k = 0; k < features.size(); ++k) {
    if (roles[k] == LineRole::kBody) in_body = true;
    if (!in_body) continue;
    const SourceLine& line = lines[features[k].line_index];
    const absl::string_view text = TrimLine(line.text);
    const bool dateline =
        roles[k] == LineRole::kBody && first_body && OpensWithReleaseDateline(text);
    if (roles[k] == LineRole::kBody) first_body = false;
    // Headings are short: the text's paragraphs are not folded.
    bool heading = false;
    if (!dateline && text.size() <= kLongestHeading) {
      const std::string folded = FoldAccents(text);
      heading = IsAboutTheIssuerHeading(text) || IsContactHeading(folded) ||
                absl::StartsWith(folded, "media contact") ||
                absl::StartsWith(folded, "contact presse") ||
                absl::StartsWith(folded, "pressekontakt");
    }
    if (dateline || heading) {
      SetDocTypeWithWarning(document, v1::DOC_TYPE_PRESS_RELEASE,
                            ParseWarningCode::kDocTypeFromHeadLine,
                            absl::StrCat("no type label; line ", line.number,
                                         " gives the text a press release's shape"));
      return;
    }
  }
}

}  // namespace docsearch::ingest

#include "ingest_service/parser/date_line_places.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/text_folding.h"

namespace docsearch::ingest {
namespace {

// Words that name a meeting or the body that meets, never a place: "General
// Affairs Council, 25/09/2017" and "European Council, 22 March 2024" are the
// headlines of a meeting's page, not a date line with its place.
constexpr absl::string_view kMeetingWords[] = {
    "council", "conseil", "committee", "comite",     "commission", "meeting",
    "summit",  "sommet",  "session",   "conference", "assembly",   "reunion",
};

// Words that name what a text is, never a place: "7 December 2001 - Joint
// Statement" is a date and a headline, not a date and its place.
constexpr absl::string_view kTextWords[] = {
    "statement", "statements", "declaration", "communique", "communiques",      "release",
    "releases",  "speech",     "speeches",    "remarks",    "summary",          "update",
    "news",      "press",      "report",      "interview",  "minister",         "ministry",
    "president", "prime",      "secretary",   "comunicado", "pressemitteilung",
};

}  // namespace

// "Madrid, 9 July 1997", "Bruxelles, le 7 décembre 2001": a place of at most
// three capitalized words, a comma, then the date.
std::optional<absl::string_view> AfterPlace(absl::string_view text) {
  const size_t comma = text.find(',');
  if (comma == absl::string_view::npos || comma == 0 || comma > 40) return std::nullopt;
  int words = 0;
  for (absl::string_view word : absl::StrSplit(text.substr(0, comma), ' ', absl::SkipEmpty())) {
    const unsigned char first = word[0];
    if (++words > 3 || (!absl::ascii_isupper(first) && first < 0x80)) return std::nullopt;
    for (char c : word) {
      if (absl::ascii_isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    }
    const std::string folded = FoldAccents(word);
    for (absl::string_view meeting : kMeetingWords) {
      if (folded == meeting) return std::nullopt;
    }
  }
  return text.substr(comma + 1);
}

// "March 28, 2011 - Brussels, Belgium", "23 February 2022 | Brussels": the
// text before a dash or a bar when what follows it is a place: at most
// three capitalized words naming neither a meeting nor a text, either a
// town and its country ("Brussels, Belgium") or, in a row of cells, a
// town ("| Brussels"). A listing's "14/07/2003 - AFNORTH" or "29 Nov. 2006
// - NATO" names a source, not a place: a word in capitals is none.
std::optional<absl::string_view> BeforePlace(absl::string_view text) {
  size_t cut = absl::string_view::npos;
  size_t tail = 0;
  bool cell = false;
  for (absl::string_view separator : {" - ", " | ", " \xE2\x80\x93 "}) {
    const size_t at = text.rfind(separator);
    if (at != absl::string_view::npos && (cut == absl::string_view::npos || at > cut)) {
      cut = at;
      tail = at + separator.size();
      cell = separator == " | ";
    }
  }
  if (cut == absl::string_view::npos) return std::nullopt;
  const absl::string_view place = absl::StripAsciiWhitespace(text.substr(tail));
  if (!cell && !absl::StrContains(place, ',')) return std::nullopt;
  int words = 0;
  for (absl::string_view word : absl::StrSplit(place, absl::ByAnyChar(" ,"), absl::SkipEmpty())) {
    const unsigned char first = word[0];
    if (++words > 3 || (!absl::ascii_isupper(first) && first < 0x80)) return std::nullopt;
    bool lower = false;
    for (char c : word) {
      if (absl::ascii_isdigit(static_cast<unsigned char>(c))) return std::nullopt;
      lower |= absl::ascii_islower(static_cast<unsigned char>(c));
    }
    // Not in capitals throughout ("NATO"). Only Latin letters are read: a
    // word of another script after a bar is as often the text's label
    // ("12 марта 2024 | Заявление") as its place.
    if (!lower) return std::nullopt;
    const std::string folded = FoldAccents(word);
    for (absl::string_view meeting : kMeetingWords) {
      if (folded == meeting) return std::nullopt;
    }
    for (absl::string_view name : kTextWords) {
      if (folded == name) return std::nullopt;
    }
  }
  if (words == 0) return std::nullopt;
  return text.substr(0, cut);
}

}  // namespace docsearch::ingest

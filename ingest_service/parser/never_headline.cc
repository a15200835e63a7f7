#include "ingest_service/parser/never_headline.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/text_folding.h"
#include "ingest_service/parser/breadcrumb_section.h"
#include "ingest_service/parser/contents_pages.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/language_menus.h"
#include "ingest_service/parser/late_furniture.h"
#include "ingest_service/parser/line_feature_ids.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/page_breaks.h"
#include "ingest_service/parser/reference.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

// A field naming who issued or delivered the text, or where, alone on its
// line with its value on the next ("From:" / "Foreign & Commonwealth
// Office", "Location:" / "Chatham House, London"). A closed list: other
// short labels with a colon open a page's controls ("Accès rapide :",
// "Search for:") or its subject ("Subject:"), whose next line may well be
// the headline.
bool NamesAFieldAlone(absl::string_view line) {
  constexpr size_t kMaxFieldBytes = 24;
  if (line.size() < 3 || line.size() > kMaxFieldBytes || line.back() != ':') return false;
  std::string folded = FoldAccents(line);
  while (!folded.empty() && (folded.back() == ':' || folded.back() == ' ')) folded.pop_back();
  for (absl::string_view field :
       {"from",      "by",      "author",       "authors",      "location",
        "place",     "venue",   "delivered on", "delivered by", "published by",
        "issued by", "speaker", "organisation", "organization", "de",
        "par",       "auteur",  "lieu",         "von",          "autor",
        "ort",       "lugar",   "luogo",        "da",           "door"}) {
    if (folded == field) return true;
  }
  return false;
}

// "Official Washington State Government website", "The official web
// portal of the City of Springfield": the site naming itself official, a
// banner over every page of it.
bool NamesTheOfficialSite(absl::string_view line) {
  constexpr int kMostWords = 12;
  if (CountWordsUpTo(line, kMostWords + 1) > kMostWords || EndsSentence(line)) return false;
  const std::string folded = FoldAccents(line);
  absl::string_view rest = folded;
  absl::ConsumePrefix(&rest, "the ");
  absl::ConsumePrefix(&rest, "an ");
  if (!absl::ConsumePrefix(&rest, "official ")) return false;
  for (absl::string_view site : {" website", " web site", " web portal", " portal", " site"}) {
    if (absl::EndsWith(rest, site)) return true;
  }
  for (absl::string_view site : {"website of ", "web site of ", "web portal of ", "portal of "}) {
    if (absl::StartsWith(rest, site) || absl::StrContains(rest, absl::StrCat(" ", site))) {
      return true;
    }
  }
  return false;
}

// "Press Release by the Ministry for Transport, Infrastructure and Public
// Works": the series' name and who issued this one, printed over the
// headline; a headline that opens with a label names its subject ("Press
// release by the Minister on the floods"), which this one does not.
bool IsSeriesLabelOfAnIssuer(absl::string_view line) {
  // The link to the issuer first: most runs hold none, and are not folded.
  if (!absl::StrContains(line, " by ")) return false;
  const std::optional<LeadingLabel> label = DocTypeLabelPrefix(line, /*any_rest=*/true);
  if (!label.has_value() || !IsSeriesName(line.substr(0, label->length))) return false;
  absl::string_view rest = absl::StripLeadingAsciiWhitespace(line.substr(label->length));
  // "by" only: "Press Release of the Cabinet Meeting of 12 March" and
  // "Press Release from the G7 Foreign Ministers' Meeting" name their
  // subject in the issuer's place.
  if (!absl::ConsumePrefix(&rest, "by ")) return false;
  absl::ConsumePrefix(&rest, "the ");
  if (rest.empty() || !absl::ascii_isupper(static_cast<unsigned char>(rest.front()))) return false;
  for (absl::string_view subject : {" on ", " about ", " at ", " following ", " regarding ", ":",
                                    " to ", " welcomes ", " announces "}) {
    if (absl::StrContains(rest, subject)) return false;
  }
  return true;
}

// "Categoria: Declarações | Conselho de Ministros", "Topics: Trade, Health",
// "Tags: …": the page's filing of the text under its topics, a field and
// its values, never a headline.
bool OpensWithFilingField(absl::string_view line) {
  const size_t colon = line.find(':');
  constexpr size_t kMaxFieldBytes = 16;
  if (colon == absl::string_view::npos || colon > kMaxFieldBytes) return false;
  std::string field = FoldAccents(line.substr(0, colon));
  while (!field.empty() && field.back() == ' ') field.pop_back();
  for (absl::string_view filing :
       {"topics",       "topic",     "tags",      "tag",        "category",  "categories",
        "filed under",  "keywords",  "categoria", "categorias", "categorie", "schlagworte",
        "schlagworter", "etiquetas", "mots-cles", "mots cles",  "rubrique",  "rubriques",
        "editoria",     "assuntos",  "argomenti"}) {
    if (field == filing) return true;
  }
  return false;
}

// "May 9, 2024 – Charlottetown, Prince Edward Island – Veterans Affairs
// Canada": a date, then the place and the issuer in parts of a few
// capitalized words each, parted by dashes; the text's dateline.
bool IsDatelineOfParts(absl::string_view line) {
  constexpr int kMostPartWords = 6;
  std::vector<absl::string_view> parts;
  for (absl::string_view separator : {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - "}) {
    if (absl::StrContains(line, separator)) {
      parts = absl::StrSplit(line, separator, absl::SkipWhitespace());
      break;
    }
  }
  if (parts.size() < 2 || !ParseDateLine(parts.front()).has_value()) return false;
  for (size_t p = 1; p < parts.size(); ++p) {
    const absl::string_view part = absl::StripAsciiWhitespace(parts[p]);
    if (part.empty() || CountWordsUpTo(part, kMostPartWords + 1) > kMostPartWords ||
        EndsSentence(part) || StartsLowercase(part)) {
      return false;
    }
  }
  return true;
}

// "ST. PAUL — The Minnesota Department of Natural Resources will install an
// underwater …": the text's dateline, a place in capitals and a dash, then
// its first sentence, hard-wrapped over the lines of the run. The place
// has four capitals or more and no lower-case letter ("NATO – Russia" is
// a headline's subject), and the run goes on for twelve words or more.
bool OpensWithPlaceDateline(const TitleCandidate& candidate, const std::vector<SourceLine>& lines,
                            const std::vector<LineFeatures>& features, absl::string_view first) {
  constexpr int kLeastCapitals = 4;
  constexpr int kLeastRunWords = 12;
  size_t dash = absl::string_view::npos;
  size_t dash_size = 0;
  for (absl::string_view separator : {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " - "}) {
    const size_t at = first.find(separator);
    if (at != absl::string_view::npos && at < dash) {
      dash = at;
      dash_size = separator.size();
    }
  }
  if (dash == absl::string_view::npos || dash == 0) return false;
  int capitals = 0;
  for (char c : first.substr(0, dash)) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (absl::ascii_islower(u) || absl::ascii_isdigit(u)) return false;
    if (absl::ascii_isupper(u)) ++capitals;
    // Letters, and the marks of a place's name ("ST. PAUL", "OTTAWA, ON").
    if (!absl::ascii_isupper(u) && c != ' ' && c != '.' && c != ',' && c != '\'' && u < 0x80) {
      return false;
    }
  }
  // A place of one word is a city's ("BRUSSELS"); an acronym of four
  // letters or fewer alone is an organisation's.
  const absl::string_view place = absl::StripAsciiWhitespace(first.substr(0, dash));
  if (capitals < kLeastCapitals || (place.find(' ') == absl::string_view::npos && capitals < 5)) {
    return false;
  }
  const absl::string_view rest = first.substr(dash + dash_size);
  // The first sentence goes on in lower case ("STATEMENT BY THE MINISTER
  // OF HEALTH — UPDATE ON …" is a headline in capitals), opening with an
  // article, or after a place of two words or more, or in sentence case
  // ("UNRWA – Situation Report #100 – Gaza Strip" is a series' headline).
  if (!std::any_of(rest.begin(), rest.end(),
                   [](char c) { return absl::ascii_islower(static_cast<unsigned char>(c)); })) {
    return false;
  }
  bool article = false;
  for (absl::string_view opening : {"The ", "A ", "An ", "Le ", "La ", "Les ", "L'", "Der ", "Die ",
                                    "Das ", "El ", "Los ", "Las ", "Il ", "O ", "Os "}) {
    article |= absl::StartsWith(rest, opening);
  }
  if (!article && place.find(' ') == absl::string_view::npos && IsTitleCase(rest)) return false;
  // The run is joined only for the few lines opening so.
  return !rest.empty() && absl::ascii_isupper(static_cast<unsigned char>(rest.front())) &&
         CountWordsUpTo(JoinRunLines(lines, features, candidate.begin, candidate.end),
                        kLeastRunWords) >= kLeastRunWords;
}

// "Policies" / "Meetings calendar" / "Documents and publications" /
// "Press": four lines or more of three words at most, none ending with a
// function word or going on in lower case on the next line, are a menu
// printed one item to a line, not a headline wrapped (a wrapped headline's
// lines are longer, and break inside a phrase).
bool IsMenuPrintedOneItemToALine(const TitleCandidate& candidate,
                                 const std::vector<SourceLine>& lines,
                                 const std::vector<LineFeatures>& features) {
  constexpr size_t kLeastItems = 4;
  constexpr int kMostItemWords = 3;
  if (candidate.end - candidate.begin < kLeastItems) return false;
  // A headline stacked in short lines ("Budget 2024" / "Building Homes" /
  // "Cutting Costs" / "Creating Jobs") under the type label or over the
  // date line is the text's, not a menu.
  if (candidate.begin > 0 &&
      DocTypeFromLabelLine(TrimLine(lines[features[candidate.begin - 1].line_index].text))
          .has_value()) {
    return false;
  }
  if (candidate.end < features.size() &&
      ParseDateLine(TrimLine(lines[features[candidate.end].line_index].text)).has_value()) {
    return false;
  }
  for (size_t k = candidate.begin; k < candidate.end; ++k) {
    const absl::string_view text = TrimLine(lines[features[k].line_index].text);
    if (CountWordsUpTo(text, kMostItemWords + 1) > kMostItemWords || EndsWithFunctionWord(text) ||
        StartsLowercase(text)) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool IsNeverHeadline(const TitleCandidate& candidate, const std::vector<SourceLine>& lines,
                     const std::vector<LineFeatures>& features) {
  if (candidate.end <= candidate.begin) return false;
  // A line the furniture readers take for a site's controls (a menu of
  // languages, a breadcrumb, a "Print" or "Read more" link, a file offered
  // for download, a logo's file name, a phone line, rules of dashes) is
  // never part of a headline, whatever its place and case.
  for (size_t k = candidate.begin; k < candidate.end; ++k) {
    for (Vote control : {Vote::kFurnitureNavigation, Vote::kFurnitureMediaLink,
                         Vote::kFurnitureLogo, Vote::kFurnitureLayout, Vote::kFurniturePhoneFax}) {
      if (features[k].Has(VoteFeature(control))) return true;
    }
    if (NamesALanguageAlone(lines[features[k].line_index].text)) return true;
    // An address ("The Wayback Machine - https://web.archive.org/web/…",
    // a copy's source link) is the page's, never a headline's words.
    const absl::string_view text = lines[features[k].line_index].text;
    if (absl::StrContains(text, "http://") || absl::StrContains(text, "https://")) return true;
    // The path to the page ("News index > Statements > 1998") names where
    // the page is filed, not what it says.
    if (IsBreadcrumbPath(TrimLine(text))) return true;
    // A running head or foot of a text converted from print.
    if (IsRunningHeadOrFoot(lines, features, k)) return true;
    // "Ref: CBK/COMMS/MPC/01/2024": the text's reference as a field.
    if (IsReferenceField(TrimLine(text))) return true;
  }
  // The value of a field named alone on the line above ("From:" / "Foreign
  // & Commonwealth Office", "Location:" / "Chatham House, London"): a page's
  // metadata, not its headline.
  if (candidate.begin > 0 &&
      NamesAFieldAlone(TrimLine(lines[features[candidate.begin - 1].line_index].text))) {
    return true;
  }
  const absl::string_view first = TrimLine(lines[features[candidate.begin].line_index].text);
  // "Home" / "Food" / "Drugs" / …: a menu printed one item to a line opens
  // at the home page; no headline has a line "Home" of its own.
  if (candidate.end > candidate.begin + 1 && first.size() <= 16) {
    const std::string folded = FoldAccents(first);
    for (absl::string_view home :
         {"home", "homepage", "home page", "accueil", "inicio", "startseite", "portada"}) {
      if (folded == home) return true;
    }
  }
  // "of the North": the rest of a wrapped headline or of a lost link.
  if (StartsWithHeadlineContinuation(first)) return true;
  if (IsMenuPrintedOneItemToALine(candidate, lines, features)) return true;
  if (OpensWithPageWrapping(lines, features, candidate)) return true;
  if (ReadsAsAnnouncement(JoinRunLines(lines, features, candidate.begin, candidate.end))) {
    return true;
  }
  if (candidate.end == candidate.begin + 1 && IsContentsHeading(first)) return true;
  if (OpensWithItsDate(first)) return true;
  if (OpensWithPlaceDateline(candidate, lines, features, first)) return true;
  if (OpensWithFilingField(first)) return true;
  if (IsSeriesLabelOfAnIssuer(first)) return true;
  if (candidate.end == candidate.begin + 1 && NamesTheOfficialSite(first)) return true;
  if (IsDatelineOfParts(first)) return true;
  // "(English translation based on the Japanese original)", "[Check
  // against delivery]": a note on the text, closed in its brackets.
  if (candidate.end == candidate.begin + 1 && first.size() > 2 &&
      ((first.front() == '(' && first.back() == ')') ||
       (first.front() == '[' && first.back() == ']')) &&
      first.find_first_of(")]") == first.size() - 1) {
    return true;
  }
  // "1 - Espagne - Attentat à Barcelone …": a digest's numbered item, its
  // number parted from the text by a dash.
  size_t digits = 0;
  while (digits < first.size() && digits < 3 &&
         absl::ascii_isdigit(static_cast<unsigned char>(first[digits]))) {
    ++digits;
  }
  if (digits > 0 && absl::StartsWith(first.substr(digits), " - ")) return true;
  if (candidate.end >= features.size()) return false;
  const absl::string_view last = TrimLine(lines[features[candidate.end - 1].line_index].text);
  if (last.empty() || last.back() == '.' || last.back() == '!' || last.back() == '?') {
    return false;
  }
  const absl::string_view next = TrimLine(lines[features[candidate.end].line_index].text);
  const std::optional<ParagraphMarker> marker = FindParagraphMarker(next);
  return marker.has_value() && marker->is_bullet &&
         StartsLowercase(next.substr(marker->text_begin));
}

}  // namespace docsearch::ingest

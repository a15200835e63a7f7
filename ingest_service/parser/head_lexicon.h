// What any press office or government site prints above a text, named in
// general terms for the line-role model's features (line_features.h):
//
//   - press-office formulas: "For Immediate Release", "Office of the Press
//     Secretary", "Office of the Spokesman", "Service de presse", "Check
//     against delivery", "Embargoed until ...": the release's wrapping, never
//     its headline;
//   - an institution's name alone ("U.S. Department of State", "Council of
//     the EU", "Ministère des Affaires étrangères"): a short Title-Case line
//     naming a kind of institution and no event or document (a meeting, a
//     statement, a summit), which is how a site's banner reads and how a
//     headline does not;
//   - a menu: five or more capitalized words with no function word between
//     them ("Home Issues & Press Travel & Business Countries").
//
// These are votes, not rules: the model weighs them with the rest. One is
// read directly: a delivery note ("Check against delivery", "As delivered
// by …", "Seul le prononcé fait foi") is printed on speeches only.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_HEAD_LEXICON_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_HEAD_LEXICON_H_

#include <optional>

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

bool IsPressOfficeFormula(absl::string_view line);
bool NamesInstitutionOnly(absl::string_view line);
// The same two, for a caller that folded the line already: `folded` is
// FoldAccents(TrimLine(line)).
bool IsPressOfficeFormula(absl::string_view line, absl::string_view folded);

// A line that names an institution as a banner prints it: NamesInstitutionOnly,
// and either the institution's kind comes first ("Ministère de l'Europe et
// des Affaires étrangères") or no word of four letters or more is in lower
// case but a preposition ("Organization for Security and Co-operation in
// Europe"; not "North Atlantic Council visits Kosovo", a headline about the
// Council).
bool NamesInstitutionAsABanner(absl::string_view line);

// "OSCE", "NATO": an institution's acronym alone on its line, two to six
// capitals.
bool IsAcronymAlone(absl::string_view line);

// A line that may open a site's banner: an institution named as a banner,
// its acronym alone, a longer name opened by the institution's kind
// ("Delegation of the European Union to the United Nations", up to twelve
// words), a site's address as its name ("Canada.ca", "GOV.UK"), or such
// names joined by a dash or a bar, a short name among them
// ("NATO - North Atlantic Treaty Organization", "France Diplomatie -
// Ministère de l'Europe et des Affaires étrangères").
bool OpensSiteBanner(absl::string_view line);

// A line of a site's banner: OpensSiteBanner, a press office's formula or
// team ("EEAS Press Team"), or a type label naming who issues the site's
// texts ("Press release from Ministry for Foreign Affairs").
bool IsSiteBannerLine(absl::string_view line);
bool NamesInstitutionOnly(absl::string_view line, absl::string_view folded);
bool ReadsAsMenu(absl::string_view line);
bool HasDeliveryNote(absl::string_view line);

// A type label printed inside a longer head line: as one of its parts
// between dashes or bars ("Conclusions du Conseil - Communiqué de presse du
// Conseil …") or in capitals among other words ("… (Presse 195) PRESS
// RELEASE 2590th Council Meeting …").
std::optional<docsearch::v1::DocType> DocTypeInsideLine(absl::string_view line);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_HEAD_LEXICON_H_

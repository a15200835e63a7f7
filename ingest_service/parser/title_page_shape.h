// Titles read from the shape of the page, after the line-role model has
// ranked the title runs: two layouts that many sites print and the corpus
// teaches the model too rarely to learn.
//
//   - A site's banner above the headline ("Government Offices of Sweden",
//     "OSCE" / "Organization for Security and Co-operation in Europe",
//     "Delegation of the European Union to the United Nations" / "EEAS
//     Press Team"), then the headline, then the date line: the rule cascade
//     takes the first block of the head for the title, so the banner wins.
//   - A headline printed right above the date line (or above a label naming
//     who speaks, above the date line), under a type label or a
//     banner ("Media release" / "PM welcomes Finland's accession to NATO" /
//     "4 April 2023"), that the model passes over for "no title" or for a
//     sentence of the body.
//
// Both are told by the page's shape and by the words of institutions in
// general (head_lexicon.h), not by any site's wording.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_PAGE_SHAPE_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_PAGE_SHAPE_H_

#include <optional>
#include <vector>

#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"
#include "ingest_service/parser/title_span.h"

namespace docsearch::ingest {

// Every line of the run is a banner's (IsSiteBannerLine), the first opening
// one (OpensSiteBanner), three lines at most.
bool IsBannerRun(const TitleCandidate& run, const std::vector<SourceLine>& lines,
                 const std::vector<LineFeatures>& features);

// When every line of the chosen run `chosen` is a banner's
// (IsSiteBannerLine), opened by an institution's name (OpensSiteBanner),
// and only furniture stands above it: the best-ranked run between it and
// the date line (or the text's first sentence), if one there may be a
// headline (no banner line, byline, label, furniture, sentence or
// continuation in it). A headline that names an institution ("New
// Information Office in Moscow") has no such run between it and its date,
// and stays. `roles` are the model's, one per feature line.
std::optional<size_t> HeadlineBelowBanner(const std::vector<TitleCandidate>& candidates,
                                          size_t chosen, const std::vector<SourceLine>& lines,
                                          const std::vector<LineFeatures>& features,
                                          const std::vector<LineRole>& roles);

// When the chosen run `chosen` is "no title", a sentence of the body, a
// short label naming who speaks printed between the headline and the date
// line ("Déclaration du porte-parole"), or an item of a menu (eight short
// lines or more between it and the headline): the run of one to three
// lines right above that date line, or above that label (blank lines
// between them at most), opening the page or under a type label, a
// section's name, a banner or furniture, that may be a headline and half
// of whose words or more come back in the text below the date, if there is
// one.
std::optional<size_t> HeadlineAboveDateLine(const std::vector<TitleCandidate>& candidates,
                                            size_t chosen, const std::vector<SourceLine>& lines,
                                            const std::vector<LineFeatures>& features,
                                            const std::vector<LineRole>& roles);

// When the chosen run `chosen`, of four words at most, stands above the
// page's breadcrumb ("Accueil
// > Salle de presse > Déclarations", at most kMaxLinesToBreadcrumb lines
// below it, or anywhere above the text when no run was chosen; before the text's first sentence or
// date line) and a run of one to three lines that may be a headline opens right under that
// breadcrumb: that run. A site prints the path to the page between its
// menus and the page's own headline, so what stands above the path is a
// menu's item or the site's name ("Conseils aux voyageurs", "Le Conseil
// fédéral").
std::optional<size_t> HeadlineBelowBreadcrumb(const std::vector<TitleCandidate>& candidates,
                                              size_t chosen, const std::vector<SourceLine>& lines,
                                              const std::vector<LineFeatures>& features,
                                              const std::vector<LineRole>& roles);

// When the chosen run `chosen` stands right under a line of five words or
// more that may be a headline, itself right under the page's breadcrumb
// or the text's type label: that line's run. A site prints its headline
// first under the path to the page or under the label; the line the model
// chose under it is the standfirst or the occasion ("Speech at a Meeting
// with Business Leaders in …"), and the model, reading the head after a
// path as the page's, took the headline for furniture.
std::optional<size_t> HeadlineRightUnderBreadcrumb(const std::vector<TitleCandidate>& candidates,
                                                   size_t chosen,
                                                   const std::vector<SourceLine>& lines,
                                                   const std::vector<LineFeatures>& features,
                                                   const std::vector<LineRole>& roles);

// When the chosen run `chosen` is a type label alone ("Communiqué") and a
// line of five words or more at most eight lines above it opens with a
// label of the same kind ("Communiqué of the 1237th meeting of the Peace
// and Security Council …"): that line's run. The page printed the
// headline, then the text under its label again.
std::optional<size_t> HeadlineNamingTheLabel(const std::vector<TitleCandidate>& candidates,
                                             size_t chosen, const std::vector<SourceLine>& lines,
                                             const std::vector<LineFeatures>& features,
                                             const std::vector<LineRole>& roles);

// When the chosen run `chosen` is a standfirst (twelve words or more)
// right under a type label, and over the label stand the issuer's "From:"
// line and, over it, a headline of five words or more ("Government of
// Canada protects …" / "From: Environment and Climate Change Canada" /
// "News release" / standfirst): the headline's run.
std::optional<size_t> HeadlineOverLabelAndStandfirst(const std::vector<TitleCandidate>& candidates,
                                                     size_t chosen,
                                                     const std::vector<SourceLine>& lines,
                                                     const std::vector<LineFeatures>& features,
                                                     const std::vector<LineRole>& roles);

// When the chosen run `chosen` is a headline in capitals whose next line,
// with no blank line between, goes on in capitals ("NATO SECRETARY GENERAL
// TO VISIT" / "THE BALTIC STATES"): the run holding both, if there is one.
// A date, label, reference, banner or furniture line is no continuation.
std::optional<size_t> CapitalHeadlineGoingOn(const std::vector<TitleCandidate>& candidates,
                                             size_t chosen, const std::vector<SourceLine>& lines,
                                             const std::vector<LineFeatures>& features,
                                             const std::vector<LineRole>& roles);

// When the chosen run `chosen` is the page's first line and reads as a
// browser's title, the headline and the site's name after a bar ("IAEA
// Director General's Introductory Statement to the Board of Governors |
// IAEA"), and the headline is printed again as a line of its own above the
// text's first sentence: the run of that line.
std::optional<size_t> HeadlineUnderBrowserTitle(const std::vector<TitleCandidate>& candidates,
                                                size_t chosen, const std::vector<SourceLine>& lines,
                                                const std::vector<LineFeatures>& features);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_PAGE_SHAPE_H_

// What the readers of a title from the page's shape (title_page_shape.cc,
// title_under_breadcrumb.cc) share: whether a line or a run may be a
// headline in those layouts, whether a run's words come back in the text,
// and the best such run between two lines. Declared here rather than kept
// private to one .cc file because both read them. `features` index `lines`;
// `roles` are the line-role model's, one per feature line.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_PAGE_SHAPE_HEADLINES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_PAGE_SHAPE_HEADLINES_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"
#include "ingest_service/parser/title_span.h"

namespace docsearch::ingest {

// A sentence of eight words or more: the text has begun ("VIENNA, 3
// September 2014 – The OSCE Chairperson-in-Office welcomed …").
bool OpensTheText(absl::string_view text);

// A line that may open or continue a headline. The model's reading of the
// line is trusted for dates, references and headers only: in these layouts
// it may take a headline for a label, the body or the page's furniture
// (under a banner it learnt little of, the whole head reads as the page's);
// the furniture readers' own verdicts are asked instead.
bool MayBeHeadlineLine(absl::string_view text, LineRole role);

// "Déclaration de la porte-parole", "Statement by the Spokesperson": a short
// line opening with a label.
bool IsSpeakerLabel(absl::string_view text);

// Lines [from, to) are a menu: kMinMenuLines or more, no sentence among
// them, each a few words (one in five may run to twice as many: "African
// Court on Human and Peoples' Rights").
bool IsMenuBetween(size_t from, size_t to, const std::vector<SourceLine>& lines,
                   const std::vector<LineFeatures>& features);

// The run may be a headline: every line may, but for a type label opening
// it above a byline, which the label opens ("Speech" / "by NATO Deputy
// Secretary General … at the Riga Conference 2016"). A short label naming
// who speaks under a headline ends no headline: it is the label.
// `may_line`, one entry per feature line (-1 before the line is read),
// keeps each line's verdict for the next run that holds it.
bool MayBeHeadline(const TitleCandidate& run, const std::vector<SourceLine>& lines,
                   const std::vector<LineFeatures>& features, const std::vector<LineRole>& roles,
                   std::vector<int8_t>* may_line);

// The stems of the content words of the lines from `from` on.
using WordStems = absl::flat_hash_set<std::string>;
WordStems StemsFrom(size_t from, const std::vector<SourceLine>& lines,
                    const std::vector<LineFeatures>& features);

// Whether half of the run's content words or more come back `below` (the
// stems of the text's lines): a headline names its text's subject; a
// banner, a section name or a menu does not.
bool WordsComeBackBelow(const TitleCandidate& run, const WordStems& below,
                        const std::vector<SourceLine>& lines,
                        const std::vector<LineFeatures>& features);

// The best run of lines [from, to) that may be a headline: runs that are no
// item amid a menu first, then runs whose words come back in the text from
// line `text` on ("Mali – Attaque contre
// un convoi de la MINUSMA" over "Déclaration de la porte-parole"), then
// runs that are no short label naming who speaks, then the best-ranked.
std::optional<size_t> BestHeadlineBetween(const std::vector<TitleCandidate>& candidates,
                                          size_t from, size_t to, size_t text,
                                          const std::vector<SourceLine>& lines,
                                          const std::vector<LineFeatures>& features,
                                          const std::vector<LineRole>& roles);

// The candidate run that is line `headline` alone, when it may be a
// headline; nullopt otherwise.
std::optional<size_t> HeadlineRunOfLine(const std::vector<TitleCandidate>& candidates,
                                        size_t headline, const std::vector<SourceLine>& lines,
                                        const std::vector<LineFeatures>& features,
                                        const std::vector<LineRole>& roles);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_PAGE_SHAPE_HEADLINES_H_

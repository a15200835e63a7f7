#include "ingest_service/parser/issuer_title.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/boilerplate.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/date_rows.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/head_lexicon.h"  // ReadsAsMenu
#include "ingest_service/parser/issuer_names.h"
#include "ingest_service/parser/late_furniture.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/parse_warnings.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

// Non-blank lines looked at on each side of the issuer line.
constexpr size_t kLinesAround = 4;
// Fewest words of the headline taken instead; longest one.
constexpr int kMinHeadlineWords = 5;
constexpr size_t kMaxHeadlineBytes = 250;
// Words counted when two lines' lengths are compared.
constexpr int kMaxHeadlineWords = 40;

// A line that may be the headline the issuer line stands next to.
bool ShapedLikeAHeadline(absl::string_view text) {
  if (text.size() > kMaxHeadlineBytes ||
      CountWordsUpTo(text, kMinHeadlineWords) < kMinHeadlineWords) {
    return false;
  }
  if (EndsSentence(text) && CountWordsUpTo(text, 12) >= 12) return false;
  if (IsProseParagraph(text) || ReadsAsProse(text)) return false;
  if (absl::StrContains(text, " | ") || absl::StrContains(text, " > ") || ReadsAsMenu(text) ||
      absl::EndsWith(text, ":") || IsByline(text)) {
    return false;
  }
  // A date row, or a dateline ("May 9, 2024 – Charlottetown, ...").
  if (!FindDates(text).empty()) return false;
  // A name and an office ("Richard W. Henley, Deputy Spokesman").
  if (const size_t comma = text.find(", ");
      comma != absl::string_view::npos && NamesTheIssuer(text.substr(comma + 2))) {
    return false;
  }
  // A person's name and honours ("The Hon Mark Butler MP", "H.E. …").
  const std::string lower = absl::AsciiStrToLower(text);
  for (absl::string_view honorific :
       {"the hon ", "the hon. ", "hon ", "hon. ", "the honourable ", "the honorable ", "senator ",
        "h.e. ", "his excellency ", "her excellency ", "dr ", "dr. "}) {
    if (absl::StartsWith(lower, honorific)) return false;
  }
  for (absl::string_view honours : {" mp", " mla", " mlc", " mhk", " td", " mep"}) {
    if (absl::EndsWith(lower, honours)) return false;
  }
  // A page's control or notice, or a call to follow a link ("Read more
  // about the bill and the committee report here").
  if (BoilerplateReason(text).has_value() || LateFurnitureReason(text).has_value()) return false;
  const std::string folded = FoldAccents(text);
  for (absl::string_view call : {"read more", "click ", "learn more", "find out more", "see more",
                                 "lire la suite", "en savoir plus", "weiterlesen", "leer mas"}) {
    if (absl::StartsWith(folded, call)) return false;
  }
  if (absl::EndsWith(folded, " here") || absl::EndsWith(folded, " here.")) return false;
  return !DocTypeFromLabelLine(text).has_value() && !NamesTheIssuer(text);
}

// Where the scan on one side stops: a paragraph of prose or a menu.
bool EndsTheHead(absl::string_view text, const LineFeatures& features) {
  return IsProseParagraph(text) || ReadsAsProse(text) || features.rule_fate == "dropped_navigation";
}

// A title of several lines that opens or closes with the issuer's line
// ("New ferry terminal to open ..." / "Minister for Transport and Main
// Roads and Minister for Digital Services"): the line leaves the title.
void CutIssuerLineFromTitle(const std::vector<SourceLine>& lines,
                            const std::vector<LineFeatures>& features, const TitleLines& title,
                            v1::ParseDocumentResponse* response) {
  v1::Document* document = response->mutable_document();
  if (document->title() != JoinRunLines(lines, features, title.begin, title.end)) return;
  size_t issuer = title.end - 1;
  TitleLines rest{title.begin, title.end - 1};
  if (!NamesTheIssuer(FeatureLineText(lines, features, issuer))) {
    issuer = title.begin;
    rest = {title.begin + 1, title.end};
    if (!NamesTheIssuer(FeatureLineText(lines, features, issuer))) return;
  }
  std::string kept = JoinRunLines(lines, features, rest.begin, rest.end);
  if (CountWordsUpTo(kept, kMinHeadlineWords) < kMinHeadlineWords) return;
  // A headline wrapped before the name it goes on with ("Statement by
  // Minister Joly on the Reopening of the" / "Embassy of Canada to
  // Ukraine in Kyiv"), or opening in lower case after it.
  if (EndsWithFunctionWord(kept) || StartsLowercase(kept)) return;
  const SourceLine& line = lines[features[issuer].line_index];
  document->set_title(std::move(kept));
  DropLine(line, "head", response);
  AddWarning(ParseWarningCode::kTitleBesideIssuerLine,
             absl::StrCat("line ", line.number, " names the text's issuer, not part of the title"),
             document);
}

}  // namespace

void ReplaceIssuerTitle(const std::vector<SourceLine>& lines,
                        const std::vector<LineFeatures>& features,
                        const std::vector<LineRole>& roles, v1::ParseDocumentResponse* response) {
  const std::optional<TitleLines> title = FindTitleLines(roles);
  if (!title.has_value()) return;
  if (title->end > title->begin + 1) {
    CutIssuerLineFromTitle(lines, features, *title, response);
    return;
  }
  const size_t at = title->begin;
  const absl::string_view issuer = FeatureLineText(lines, features, at);
  v1::Document* document = response->mutable_document();
  // The title is the line, or its end when a label opening it went to
  // the type ("Press Release: Department of Conservation").
  const absl::string_view chosen = TrimLine(document->title());
  if (chosen.empty() || !absl::EndsWith(issuer, chosen) || !NamesTheIssuer(issuer)) return;

  // Nearest first, below before above; each side stops at prose or a menu.
  std::optional<size_t> headline;
  bool below_open = true;
  bool above_open = true;
  for (size_t step = 1; step <= kLinesAround && !headline.has_value(); ++step) {
    if (below_open && at + step < features.size()) {
      const size_t k = at + step;
      const absl::string_view text = FeatureLineText(lines, features, k);
      if (EndsTheHead(text, features[k])) {
        below_open = false;
      } else if (!absl::StartsWith(features[k].rule_fate, "dropped_") &&
                 ShapedLikeAHeadline(text)) {
        headline = k;
        break;
      }
    }
    if (above_open && at >= step) {
      const size_t k = at - step;
      const absl::string_view text = FeatureLineText(lines, features, k);
      if (EndsTheHead(text, features[k])) {
        above_open = false;
      } else if (!absl::StartsWith(features[k].rule_fate, "dropped_") &&
                 ShapedLikeAHeadline(text)) {
        headline = k;
      }
    }
  }
  if (!headline.has_value()) return;
  // A body's name alone may be a headline about the body in Title Case
  // ("Government Moving to Boost Onion Production"): the line taken instead
  // must say more than it.
  const absl::string_view taken = FeatureLineText(lines, features, *headline);
  if (!NamesTheIssuerByLabelOrOffice(issuer) &&
      CountWordsUpTo(taken, kMaxHeadlineWords) <= CountWordsUpTo(issuer, kMaxHeadlineWords)) {
    return;
  }

  const std::string text(FeatureLineText(lines, features, *headline));
  const SourceLine& headline_line = lines[features[*headline].line_index];
  // The headline leaves the text, or the dropped lines, for the title.
  auto* paragraphs = document->mutable_paragraphs();
  for (int p = 0; p < std::min(paragraphs->size(), 3); ++p) {
    if (paragraphs->Get(p).text() == text) {
      paragraphs->DeleteSubrange(p, 1);
      break;
    }
  }
  auto* dropped = response->mutable_dropped_lines();
  for (int d = dropped->size(); d-- > 0;) {
    if (dropped->Get(d).line_number() == headline_line.number) dropped->DeleteSubrange(d, 1);
  }
  if (document->subtitle() == text) document->clear_subtitle();

  // A label opening the issuer line types a text nothing else typed.
  if (document->doc_type() == v1::DOC_TYPE_UNSPECIFIED) {
    if (std::optional<LeadingLabel> label = DocTypeLabelPrefix(issuer, /*any_rest=*/true)) {
      document->set_doc_type(label->type);
      document->set_doc_type_raw(std::string(TrimLine(issuer.substr(0, label->length))));
      RemoveWarnings(document, ParseWarningCode::kNoDocType);
    }
  }
  document->set_title(text);
  DropLine(lines[features[at].line_index], "head", response);
  AddWarning(ParseWarningCode::kTitleBesideIssuerLine,
             absl::StrCat("line ", lines[features[at].line_index].number,
                          " names the text's issuer; the headline is line ", headline_line.number),
             document);
}

}  // namespace docsearch::ingest

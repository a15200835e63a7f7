#include "ingest_service/parser/title_from_roles.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/text_folding.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/head_reader.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/parse_warnings.h"
#include "ingest_service/parser/reference.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::ParseDocumentResponse;

// The first run of consecutive lines with `role`, starting at or after
// `from`; an empty range when there is none.
std::pair<size_t, size_t> FirstRun(const std::vector<LineRole>& roles, LineRole role,
                                   size_t from = 0) {
  size_t begin = from;
  while (begin < roles.size() && roles[begin] != role) ++begin;
  size_t end = begin;
  while (end < roles.size() && roles[end] == role) ++end;
  return {begin, end};
}

// Drops paragraphs among the first few that only repeat part of `text`
// (the title or subtitle lines the cascade had kept as body), or repeat it
// with the date line under it (the cascade took a headline of a script
// without capitals for the text's first line: "كلمة وزير الخارجية …
// 12/03/2024").
// Returns the date lines so removed, for the caller to list as dropped.
std::vector<std::string> RemoveRepeatedParagraphs(absl::string_view text, v1::Document* document) {
  std::vector<std::string> date_lines;
  const std::string folded = FoldForMatching(text);
  if (folded.empty()) return date_lines;
  auto* paragraphs = document->mutable_paragraphs();
  for (int p = std::min(paragraphs->size(), 4) - 1; p >= 0; --p) {
    const std::string& raw = paragraphs->Get(p).text();
    const std::string paragraph = FoldForMatching(raw);
    if (paragraph.size() >= 3 && absl::StrContains(folded, paragraph)) {
      paragraphs->DeleteSubrange(p, 1);
      continue;
    }
    if (absl::StartsWith(raw, text) && raw.size() > text.size() && raw[text.size()] == ' ') {
      const absl::string_view rest = TrimLine(absl::string_view(raw).substr(text.size()));
      if (ParseDateLine(rest).has_value() || ParseDateLineWithTime(rest).has_value()) {
        date_lines.emplace_back(rest);
        paragraphs->DeleteSubrange(p, 1);
      }
    }
  }
  return date_lines;
}

// Words that continue a type label into a title ("Statement by ...",
// "Déclaration du ...", "Summary of ..."): a label followed by one of them
// is part of the title.
bool ContinuesLabel(absl::string_view word) {
  const std::string folded = FoldAccents(word);
  for (absl::string_view function :
       {"by",   "on",  "of",    "from",      "to",         "at",        "for",      "in",
        "with", "and", "after", "following", "concerning", "regarding", "du",       "de",
        "des",  "d'",  "sur",   "par",       "a",          "pour",      "relative", "relatif",
        "von",  "der", "zum",   "zur",       "uber",       "del",       "sobre"}) {
    if (folded == function || (function == "d'" && absl::StartsWith(folded, "d'"))) return true;
  }
  return false;
}

// What was done with the text, then a function word: "Joint Communiqué
// Issued Following the Third Round of …", "Declaration Adopted by the
// Heads of State …" ("Media release Made in Australia: …" is a label
// fused to a headline).
bool ContinuesLabelWithParticiple(absl::string_view word, absl::string_view next_word) {
  const std::string folded = FoldAccents(word);
  for (absl::string_view participle :
       {"issued", "adopted", "delivered", "released", "agreed", "signed", "emis", "emise", "adopte",
        "adoptee", "emitido", "emitida", "adoptado", "adoptada"}) {
    if (folded == participle) return ContinuesLabel(next_word);
  }
  return false;
}

// A type label fused before a headline that does not continue it:
// "Statement Meeting of the NATO-Russia Council", "Chairman's Statement
// Meeting of ...", "News story: Defence Secretary congratulates ...".
// Returns the label's length, or 0.
size_t FusedLabelLength(absl::string_view title) {
  // "Label: headline" (a colon closes a short label or series name).
  if (const size_t colon = title.find(':'); colon != absl::string_view::npos && colon < 30) {
    const absl::string_view label = title.substr(0, colon);
    const std::string folded = FoldAccents(label);
    if ((DocTypeFromLabelLine(label).has_value() || IsSeriesName(label) ||
         folded == "news story") &&
        CountWordsUpTo(title.substr(colon + 1), 3) >= 3) {
      return colon + 1;
    }
  }
  const std::optional<LeadingLabel> label = DocTypeLabelPrefix(title);
  if (!label.has_value()) return 0;
  const absl::string_view rest = TrimLine(title.substr(label->length));
  const absl::string_view next_word = rest.substr(0, rest.find(' '));
  const absl::string_view after_next =
      next_word.size() < rest.size() ? TrimLine(rest.substr(next_word.size())) : "";
  if (ContinuesLabel(next_word) ||
      ContinuesLabelWithParticiple(next_word, after_next.substr(0, after_next.find(' '))) ||
      CountWordsUpTo(rest, 3) < 3) {
    return 0;
  }
  return label->length;
}

// A title line may open with what the head's readers know is not title: a
// date ("28.06.04 Chairman's Statement Meeting of ..."), a reference
// ("Press Release (97)87 Meeting of ..."), a type label fused before a
// headline that does not continue it ("Statement Meeting of ..."; but
// "Statement on Kosovo" is a title).
//
// A printed title opens with a few such pieces at most; the pieces taken
// are bounded so that a hostile line of thousands of dates is read a
// bounded number of times (each piece is looked for in the whole line).
constexpr int kMaxFusedHeadPieces = 8;

void StripFusedHead(std::string* title, v1::Document* document) {
  bool changed = true;
  for (int pieces = 0; changed && !title->empty() && pieces < kMaxFusedHeadPieces; ++pieces) {
    changed = false;
    const absl::string_view view = *title;
    if (const std::optional<FoundDate> date = FindFirstDate(view);
        date.has_value() && date->begin == 0 && date->end < view.size()) {
      *title = std::string(TrimLine(view.substr(date->end)));
      changed = true;
      continue;
    }
    if (std::optional<ReferenceMatch> reference = MatchReferenceAtStart(view);
        reference.has_value() && reference->consumed < view.size()) {
      if (document->reference().empty()) document->set_reference(reference->reference);
      *title = std::string(TrimLine(view.substr(reference->consumed)));
      changed = true;
      continue;
    }
    if (const size_t label = FusedLabelLength(view); label > 0) {
      const std::string printed(TrimLine(view.substr(0, label)));
      const bool weak_type = document->doc_type() == v1::DOC_TYPE_UNSPECIFIED ||
                             IsSeriesName(document->doc_type_raw()) ||
                             HasWarning(*document, ParseWarningCode::kDocTypeFromTitle);
      std::optional<v1::DocType> type = DocTypeFromLabelLine(printed);
      // A series name fused before the headline ("News story: ...") keeps
      // the type it gave as the title's opening.
      if (!type.has_value()) type = DocTypeFromTitle(*title);
      if (weak_type && type.has_value()) {
        document->set_doc_type(*type);
        document->set_doc_type_raw(std::string(absl::StripSuffix(printed, ":")));
        RemoveWarnings(document, ParseWarningCode::kDocTypeFromTitle);
        RemoveWarnings(document, ParseWarningCode::kDocTypeFromSalutation);
        RemoveWarnings(document, ParseWarningCode::kNoDocType);
      }
      *title = std::string(TrimLine(view.substr(label)));
      changed = true;
      continue;
    }
  }
}

// A title longer than any headline is a headline fused with the body on
// one line. When the cascade cut the same line ("…HerzegovinaFollowing
// consultations …"), its cut stands; a printed label opening prose
// ("Chairman's Statement On 28 June 2004, Foreign Ministers …") is the
// title alone; a long headline that holds no sentence stays whole.
// Returns the text cut off, for the body.
std::string CutFusedBody(absl::string_view rule_title, std::string* title) {
  constexpr int kMaxTitleWords = 40;
  if (CountWordsUpTo(*title, kMaxTitleWords) <= kMaxTitleWords) return "";
  const std::string folded_rule = FoldForMatching(rule_title);
  if (!folded_rule.empty() && CountWordsUpTo(rule_title, kMaxTitleWords) <= kMaxTitleWords &&
      absl::StartsWith(FoldForMatching(*title), folded_rule)) {
    *title = std::string(rule_title);
    return "";  // The cascade kept the rest as body.
  }
  // A long official headline ("Statement by H.E. … on the Question of
  // Equitable Representation …, 16 November 2023") holds no sentence's
  // end; prose fused to a label does.
  const bool lead_in = !title->empty() && (title->back() == ':' || title->back() == ';');
  if (!EndsSentence(*title) && !lead_in && !HasInnerSentenceBoundary(*title)) return "";
  if (std::optional<LeadingLabel> label = DocTypeLabelPrefix(*title, /*any_rest=*/true)) {
    std::string rest(TrimLine(absl::string_view(*title).substr(label->length)));
    *title = std::string(TrimLine(absl::string_view(*title).substr(0, label->length)));
    return rest;
  }
  return "";
}

// "Joint Statement of the Ministers … South Africa. New York, 22 September
// 2023.": a place and a date closing a title are no sentence of it.
absl::string_view WithoutClosingDateline(absl::string_view title) {
  if (title.size() < 3) return title;
  const size_t dot = title.rfind(". ", title.size() - 2);
  if (dot == absl::string_view::npos) return title;
  absl::string_view tail = TrimLine(title.substr(dot + 2));
  absl::ConsumeSuffix(&tail, ".");
  return ParseDateLine(tail).has_value() ? title.substr(0, dot + 1) : title;
}

// The words of `text`, folded, one space apart.
std::string FoldedWords(absl::string_view text) {
  return absl::StrJoin(absl::StrSplit(FoldForMatching(text), ' ', absl::SkipEmpty()), " ");
}

// The rule cascade cuts a line that a headline's last line and the first
// paragraph share ("…Foreign Ministers held in Brussels on Thursday,
// 8 December 2005 Meeting in Brussels on 8 December 2005, we, …",
// "…Secrétaire généralL'OTAN prévoyait…": see FusedTitleEnd); the model
// reads the line whole, as body. When the cascade's title is the model's
// title followed by the head of the next line, or the model found no title
// and the cascade's title is the head of a line, the cut stands: the head
// is the headline (or its end), and is in no paragraph, since the cascade
// kept only the rest as body. Returns whether `title` became the cascade's.
bool ContinueIntoFusedLine(absl::string_view rule_title, const std::vector<SourceLine>& lines,
                           const std::vector<LineFeatures>& features, size_t next_line,
                           std::string* title) {
  const std::string folded_title = FoldedWords(*title);
  const std::string folded_rule = FoldedWords(rule_title);
  absl::string_view continuation = folded_rule;
  if (!folded_title.empty()) {
    if (!absl::StartsWith(folded_rule, absl::StrCat(folded_title, " "))) return false;
    continuation.remove_prefix(folded_title.size() + 1);
  }
  if (continuation.empty()) return false;
  // The line's head as the cascade cut it, glued or not to the rest
  // ("généralL'OTAN"); a line wholly in the title is not fused.
  const auto is_fused_head = [&](size_t k) {
    if (features[k].rule_fate != "kept") return false;
    const absl::string_view line = TrimLine(lines[features[k].line_index].text);
    const std::optional<size_t> cut = FusedTitleEnd(line);
    return cut.has_value() && FoldedWords(line.substr(0, *cut)) == continuation;
  };
  bool fused = false;
  if (!folded_title.empty()) {
    fused = next_line < features.size() && is_fused_head(next_line);
  } else {
    // Only when no whole line gave the cascade its title.
    for (const LineFeatures& line : features) {
      if (line.rule_fate == "title") return false;
    }
    // The cascade kept the rest of the line as the body's start: it is
    // among the first lines kept, not deep in the body.
    constexpr int kKeptLinesLooked = 3;
    int kept_lines = 0;
    for (size_t k = 0; k < features.size() && !fused && kept_lines < kKeptLinesLooked; ++k) {
      if (features[k].rule_fate != "kept") continue;
      ++kept_lines;
      fused = is_fused_head(k);
    }
  }
  if (fused) *title = std::string(rule_title);
  return fused;
}

// Whether `cascade_title` is the text of one line that the cascade read
// with the lines it read again (its first reading kept it as text) and the
// model reads as body.
bool CascadeTitleIsABodyLine(absl::string_view cascade_title, const std::vector<SourceLine>& lines,
                             const std::vector<LineFeatures>& features,
                             const std::vector<LineRole>& roles) {
  // A generic subheading the cascade took on a page printing no headline
  // ("Bakgrund", "Uppdaterad information") is no title either.
  constexpr int kFewestHeadlineWords = 3;
  if (CountWordsUpTo(cascade_title, kFewestHeadlineWords) < kFewestHeadlineWords) return false;
  for (size_t k = 0; k < features.size(); ++k) {
    if (TrimLine(lines[features[k].line_index].text) != cascade_title) continue;
    return roles[k] == LineRole::kBody && features[k].rule_fate == "kept";
  }
  return false;
}

}  // namespace

void SetTitleFromRoles(const std::vector<SourceLine>& lines,
                       const std::vector<LineFeatures>& features,
                       const std::vector<LineRole>& roles, ParseDocumentResponse* response) {
  v1::Document* document = response->mutable_document();
  const auto [title_begin, title_end] = FirstRun(roles, LineRole::kTitle);
  if (title_begin == title_end && document->title().empty()) return;
  // No line the model reads as a title, and the cascade's title is a whole
  // line the model reads as text: the model says nothing against it (it
  // would name furniture or a head line so), and without it the line would
  // be neither title nor text.
  if (title_begin == title_end &&
      CascadeTitleIsABodyLine(document->title(), lines, features, roles)) {
    return;
  }
  std::string title = JoinRunLines(lines, features, title_begin, title_end);
  StripFusedHead(&title, document);
  std::string fused_body = CutFusedBody(document->title(), &title);
  // A run of sentences is the text's opening, whatever the weights say of
  // it on a layout they never saw; the cascade's reading stands.
  if (fused_body.empty() && IsProseParagraph(WithoutClosingDateline(title))) return;
  const bool continued = fused_body.empty() && ContinueIntoFusedLine(document->title(), lines,
                                                                     features, title_end, &title);
  std::string subtitle;
  if (title_end > title_begin) {
    const auto [sub_begin, sub_end] = FirstRun(roles, LineRole::kSubtitle, title_end);
    if (sub_begin == title_end && !continued) {
      subtitle = JoinRunLines(lines, features, sub_begin, sub_end);
    }
  }
  if (FoldForMatching(title) == FoldForMatching(document->title()) &&
      (subtitle.empty() || FoldForMatching(subtitle) == FoldForMatching(document->subtitle()))) {
    return;
  }

  // The cascade's title lines that the model gives another role: body lines
  // go back to the body, the rest are dropped as head lines.
  // (A line dropped already and again here, because the cascade's title
  // contains its text, is listed once: RemoveDuplicateDroppedLines.)
  std::string back_to_body;
  for (size_t k = 0; k < features.size(); ++k) {
    if (features[k].rule_fate != "title" && features[k].rule_fate != "subtitle") continue;
    const LineRole role = roles[k];
    if (role == LineRole::kTitle || role == LineRole::kSubtitle) continue;
    const SourceLine& line = lines[features[k].line_index];
    if (role == LineRole::kBody) {
      absl::StrAppend(&back_to_body, back_to_body.empty() ? "" : " ", TrimLine(line.text));
    } else {
      DropLine(line, role == LineRole::kFurniture ? "furniture" : "head", response);
    }
  }
  document->set_title(title);
  if (!subtitle.empty() || document->subtitle() == document->title()) {
    document->set_subtitle(subtitle);
  }
  // Every line stays in the text or is listed as dropped (line_accounting.h).
  for (const std::string& date_line : RemoveRepeatedParagraphs(title, document)) {
    for (const LineFeatures& line_features : features) {
      const SourceLine& line = lines[line_features.line_index];
      if (TrimLine(line.text) == date_line) {
        DropLine(line, "date_line", response);
        break;
      }
    }
  }
  // A date line the model names and the cascade kept as a paragraph of its
  // own at the top of the text (under a headline it took for the text).
  for (size_t k = 0; k < features.size(); ++k) {
    if (roles[k] != LineRole::kDate || features[k].rule_fate != "kept") continue;
    const SourceLine& line = lines[features[k].line_index];
    const absl::string_view text = TrimLine(line.text);
    auto* paragraphs = document->mutable_paragraphs();
    for (int p = 0; p < std::min(paragraphs->size(), 2); ++p) {
      if (paragraphs->Get(p).text() == text && ParseDateLine(text).has_value()) {
        paragraphs->DeleteSubrange(p, 1);
        DropLine(line, "date_line", response);
        break;
      }
    }
  }
  RemoveRepeatedParagraphs(subtitle, document);
  if (!fused_body.empty()) {
    absl::StrAppend(&back_to_body, back_to_body.empty() ? "" : " ", fused_body);
  }
  if (!back_to_body.empty()) {
    v1::Paragraph paragraph;
    paragraph.set_text(back_to_body);
    document->mutable_paragraphs()->Add(std::move(paragraph));
    std::rotate(document->mutable_paragraphs()->rbegin(),
                document->mutable_paragraphs()->rbegin() + 1,
                document->mutable_paragraphs()->rend());
  }

  RemoveWarnings(document, ParseWarningCode::kNoTitle);
  RemoveWarnings(document, ParseWarningCode::kDigestWithoutTitle);
  if (title.empty())
    AddWarning(ParseWarningCode::kNoTitle, "no title found in the head of the document", document);
  // A type read from the old title is read again from the new one; so is a
  // type that only a series name gave ("Press Release (99)101" over
  // "Statement by ..."): the cascade ranks the title above it.
  const bool type_from_title = HasWarning(*document, ParseWarningCode::kDocTypeFromTitle);
  const bool type_from_series = IsSeriesName(document->doc_type_raw());
  const std::optional<v1::DocType> title_type = DocTypeFromTitle(title);
  if (type_from_series && title_type.has_value()) {
    document->set_doc_type(*title_type);
    document->clear_doc_type_raw();
    AddWarning(ParseWarningCode::kDocTypeFromTitle,
               "no type label found; the type was read from the title", document);
  } else if (type_from_title || document->doc_type() == v1::DOC_TYPE_UNSPECIFIED) {
    RemoveWarnings(document, ParseWarningCode::kDocTypeFromTitle);
    RemoveWarnings(document, ParseWarningCode::kNoDocType);
    RemoveWarnings(document, ParseWarningCode::kDocTypeFromSalutation);
    if (title_type.has_value()) {
      document->set_doc_type(*title_type);
      AddWarning(ParseWarningCode::kDocTypeFromTitle,
                 "no type label found; the type was read from the title", document);
    } else if (std::optional<v1::DocType> speech =
                   document->paragraphs_size() > 0
                       ? DocTypeFromSpeechOpening(document->paragraphs(0).text())
                       : std::nullopt) {
      document->set_doc_type(*speech);
      AddWarning(ParseWarningCode::kDocTypeFromSalutation,
                 "no type label or title pattern; the first paragraph addresses an audience",
                 document);
    } else if (std::optional<v1::DocType> worded = DocTypeFromTitleWording(title)) {
      document->set_doc_type(*worded);
      AddWarning(ParseWarningCode::kDocTypeFromTitle,
                 "no type label found; the type was read from the title", document);
    } else {
      document->set_doc_type(v1::DOC_TYPE_UNSPECIFIED);
      AddWarning(ParseWarningCode::kNoDocType,
                 "no type label, title pattern or site section names the type", document);
    }
  }
}

}  // namespace docsearch::ingest

#include "ingest_service/parser/layout_types.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/text_folding.h"
#include "ingest_service/parser/breadcrumb_section.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/head_lexicon.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/menu_labels.h"
#include "ingest_service/parser/parse_warnings.h"
#include "ingest_service/parser/reference.h"
#include "ingest_service/parser/section_types.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

// A type read from a label that is an item of the site's menu
// ("Communiqués de presse" / "Déclarations" / "Discours" / "Agenda"), not
// the text's own label, gives way to a label printed nearer the headline
// or, failing one, to the section the breadcrumb above the headline names
// (a kind of printed text, not news, which holds every kind), or, failing
// both, to the type the title names ("COMMUNIQUÉ DU CONSEIL DES MINISTRES
// DU …" under a menu holding "Discours").
// With none, the menu's item stays: the site may mark its current
// section so.
void ReplaceTypeFromMenuItem(const std::vector<SourceLine>& lines,
                             const std::vector<LineFeatures>& features,
                             const std::vector<LineRole>& roles, v1::Document* document) {
  if (document->doc_type_raw().empty()) return;
  const std::optional<TitleLines> title = FindTitleLines(roles);
  if (!title.has_value()) return;
  const std::string raw = FoldForMatching(document->doc_type_raw());
  size_t item = title->begin;
  for (size_t k = 0; k < title->begin && item == title->begin; ++k) {
    const absl::string_view text = TrimLine(lines[features[k].line_index].text);
    if (FoldForMatching(text) == raw && DocTypeFromLabelLine(text).has_value()) item = k;
  }
  if (item == title->begin || !IsLabelAmongMenuItems(lines, features, item)) return;
  for (size_t k = title->begin; k-- > item + 1;) {
    const absl::string_view text = TrimLine(lines[features[k].line_index].text);
    const std::optional<v1::DocType> type = DocTypeFromLabelLine(text);
    if (type.has_value() && !IsLabelAmongMenuItems(lines, features, k)) {
      document->set_doc_type(*type);
      document->set_doc_type_raw(std::string(text));
      return;
    }
    if (!IsBreadcrumbPath(text)) continue;
    // A news section holds texts of every kind: the menu's item stays.
    if (std::optional<v1::DocType> section = DocTypeFromBreadcrumb(text);
        section.has_value() && *section != v1::DOC_TYPE_UPDATE) {
      document->clear_doc_type_raw();
      SetDocTypeWithWarning(
          document, *section, ParseWarningCode::kDocTypeFromHeadLine,
          absl::StrCat("the type label read is an item of the site's menu; the "
                       "breadcrumb on line ",
                       lines[features[k].line_index].number, " names the site's section"));
      return;
    }
  }
  std::optional<v1::DocType> titled = DocTypeFromTitle(document->title());
  if (!titled.has_value()) titled = DocTypeFromTitleWording(document->title());
  if (titled.has_value() && *titled != document->doc_type()) {
    document->clear_doc_type_raw();
    // As a head line's reading, so that the model's label (the menu's
    // item) does not take it back.
    SetDocTypeWithWarning(document, *titled, ParseWarningCode::kDocTypeFromHeadLine,
                          "the type label read is an item of the site's menu; the title names "
                          "the type");
  }
}

// A printed type label the cascade did not read as one.
void SetTypeFromRoles(const std::vector<SourceLine>& lines,
                      const std::vector<LineFeatures>& features, const std::vector<LineRole>& roles,
                      v1::Document* document) {
  // A type no printed label gave (the title's words, a section with no
  // line of its own) gives way to a label the model names; a type a head
  // line gave (the path's last step, a delivery note) stands, since the
  // model may take an item of a menu for the label.
  const bool weak = document->doc_type() == v1::DOC_TYPE_UNSPECIFIED ||
                    HasWarning(*document, ParseWarningCode::kDocTypeFromTitle);
  const bool unprinted = document->doc_type_raw().empty() &&
                         !HasWarning(*document, ParseWarningCode::kDocTypeFromHeadLine);
  if (!weak && !unprinted) return;
  for (size_t k = 0; k < features.size(); ++k) {
    if (roles[k] != LineRole::kTypeLabel) continue;
    const absl::string_view text = TrimLine(lines[features[k].line_index].text);
    std::optional<v1::DocType> type = DocTypeFromLabelLine(text);
    std::string raw(text);
    if (!type.has_value()) {
      if (std::optional<LeadingLabel> prefix = DocTypeLabelPrefix(text, /*any_rest=*/true)) {
        type = prefix->type;
        raw = std::string(absl::StripSuffix(TrimLine(text.substr(0, prefix->length)), ":"));
      }
    }
    if (!type.has_value()) continue;
    document->set_doc_type(*type);
    document->set_doc_type_raw(raw);
    RemoveWarnings(document, ParseWarningCode::kDocTypeFromTitle);
    RemoveWarnings(document, ParseWarningCode::kNoDocType);
    return;
  }
}

// A delivery note in the head ("Check against delivery", "As delivered by
// …", "Seul le prononcé fait foi") makes the text a speech, unless a printed
// label says otherwise: a type read from the title ("Statement on …") or
// from nothing gives way.
void SetTypeFromDeliveryNote(const std::vector<SourceLine>& lines,
                             const std::vector<LineFeatures>& features, v1::Document* document) {
  if (document->doc_type() != v1::DOC_TYPE_UNSPECIFIED &&
      !HasWarning(*document, ParseWarningCode::kDocTypeFromTitle)) {
    return;
  }
  constexpr size_t kHeadLines = 20;
  for (size_t k = 0; k < features.size() && k < kHeadLines; ++k) {
    if (!HasDeliveryNote(lines[features[k].line_index].text)) continue;
    document->set_doc_type(v1::DOC_TYPE_SPEECH);
    RemoveWarnings(document, ParseWarningCode::kNoDocType);
    RemoveWarnings(document, ParseWarningCode::kDocTypeFromTitle);
    AddWarning(ParseWarningCode::kDocTypeFromHeadLine,
               absl::StrCat("no type label; line ", lines[features[k].line_index].number,
                            " is a delivery note, printed on speeches"),
               document);
    return;
  }
}

// A label printed over two narrow lines whose first line is a label of
// another kind alone: "Communiqué" / "de presse" is a press release, not a
// communiqué. The cascade reads the first line as the whole label; the
// longer reading is the printed one.
void SetTypeFromSplitLabel(const std::vector<SourceLine>& lines,
                           const std::vector<LineFeatures>& features, v1::Document* document) {
  if (document->doc_type() == v1::DOC_TYPE_UNSPECIFIED || document->doc_type_raw().empty() ||
      HasWarning(*document, ParseWarningCode::kDocTypeFromTitle) ||
      HasWarning(*document, ParseWarningCode::kDocTypeFromFirstParagraph) ||
      HasWarning(*document, ParseWarningCode::kDocTypeFromHeadLine)) {
    return;
  }
  constexpr size_t kHeadLines = 20;
  constexpr size_t kNarrowLine = 25;
  for (size_t k = 0; k + 1 < features.size() && k < kHeadLines; ++k) {
    const absl::string_view text = TrimLine(lines[features[k].line_index].text);
    // The line that printed the label the type came from; a series name
    // above it ("Communiqué" / "de presse" over "Communiqué final") is not
    // the label.
    if (!absl::EqualsIgnoreCase(text, document->doc_type_raw()) ||
        DocTypeFromLabelLine(text) != document->doc_type()) {
      continue;
    }
    // Only the line right below it, with no blank line between, continues
    // it.
    if (features[k + 1].line_index != features[k].line_index + 1) return;
    const absl::string_view next = TrimLine(lines[features[k + 1].line_index].text);
    if (next.empty() || next.size() > kNarrowLine || text.size() > kNarrowLine) return;
    const std::string two = absl::StrCat(text, " ", next);
    std::optional<v1::DocType> longer = DocTypeFromLabelLine(two);
    if (longer.has_value() && *longer != document->doc_type()) {
      document->set_doc_type(*longer);
      document->set_doc_type_raw(two);
    }
    return;
  }
}

// Still no type: the head's lines may name it even when none of them is the
// title ("STATEMENT BY THE PRESIDENT" above the headline, "Remarks by ..."
// taken for a banner). The lines before the first prose line are read as
// labels, then as titles; furniture lines are skipped. The type does not
// then hang on which line the model chose as the title.
void SetTypeFromHeadLines(const std::vector<SourceLine>& lines,
                          const std::vector<LineFeatures>& features,
                          const std::vector<LineRole>& roles, v1::Document* document) {
  if (document->doc_type() != v1::DOC_TYPE_UNSPECIFIED) return;
  constexpr size_t kHeadLines = 20;
  // Prose the model or the rules read as furniture (a cookie notice above
  // the page) does not end the head.
  size_t head_end = 0;
  while (head_end < features.size() && head_end < kHeadLines &&
         (roles[head_end] == LineRole::kFurniture ||
          absl::StartsWith(features[head_end].rule_fate, "dropped") ||
          !ReadsAsProse(TrimLine(lines[features[head_end].line_index].text)))) {
    ++head_end;
  }
  auto set = [&](size_t k, v1::DocType type) {
    SetDocTypeWithWarning(document, type, ParseWarningCode::kDocTypeFromHeadLine,
                          absl::StrCat("no type label or title pattern in the title; line ",
                                       lines[features[k].line_index].number, " names the type"));
  };
  // A label right above or below the title names the type even when the
  // model read it as the page's furniture or body ("Déclaration du
  // porte-parole" under a headline, once taken for the title itself).
  auto next_to_title = [&](size_t k) {
    return (k + 1 < roles.size() && roles[k + 1] == LineRole::kTitle) ||
           (k > 0 && roles[k - 1] == LineRole::kTitle);
  };
  for (size_t k = 0; k < head_end; ++k) {
    const absl::string_view text = TrimLine(lines[features[k].line_index].text);
    const bool label_next_to_title = next_to_title(k) && CountWordsUpTo(text, 5) <= 5 &&
                                     DocTypeLabelPrefix(text, /*any_rest=*/true).has_value();
    if (!label_next_to_title && (roles[k] == LineRole::kFurniture || roles[k] == LineRole::kBody ||
                                 CountWordsUpTo(text, 30) > 30)) {
      continue;
    }
    std::optional<v1::DocType> type = DocTypeFromLabelLine(text);
    if (!type.has_value()) type = DocTypeFromTitle(text);
    // The label with the text's date or number next to the title
    // ("Rathauskorrespondenz vom 14.03.2024:", "Parlamentskorrespondenz
    // Nr. 465 vom 04.05.2016").
    if (!type.has_value() && label_next_to_title) {
      const std::optional<LeadingLabel> label = DocTypeLabelPrefix(text, /*any_rest=*/true);
      const absl::string_view rest = text.substr(label->length);
      if (!FindDates(rest).empty() || absl::StrContains(rest, "Nr.") ||
          absl::StrContains(rest, "No.")) {
        type = label->type;
      }
    }
    if (!type.has_value()) continue;
    set(k, *type);
    return;
  }
  // Then a label printed inside a longer head line (head_lexicon.h).
  for (size_t k = 0; k < head_end; ++k) {
    if (roles[k] == LineRole::kFurniture) continue;
    if (std::optional<v1::DocType> type = DocTypeInsideLine(lines[features[k].line_index].text)) {
      set(k, *type);
      return;
    }
  }
}

// Still no type: a label line a few lines under the title, past its
// standfirst and its date line ("Secretaría de Marina | 14 de julio de
// 2019" / "Comunicado de Prensa 182/2019" over the text), which the head's
// readers, stopping at the standfirst's prose, did not reach.
void SetTypeFromLabelUnderTitle(const std::vector<SourceLine>& lines,
                                const std::vector<LineFeatures>& features,
                                const std::vector<LineRole>& roles, v1::Document* document) {
  if (document->doc_type() != v1::DOC_TYPE_UNSPECIFIED) return;
  const std::optional<TitleLines> title = FindTitleLines(roles);
  if (!title.has_value()) return;
  constexpr size_t kLinesUnder = 4;
  // One sentence of body (a standfirst) may stand over the label; under
  // two, the text has begun and a label is its subheading ("Speech" over
  // the minister's words in a news item).
  int sentences = 0;
  for (size_t k = title->end; k < features.size() && k < title->end + kLinesUnder; ++k) {
    const absl::string_view text = TrimLine(lines[features[k].line_index].text);
    if (roles[k] == LineRole::kBody && EndsSentence(text) && ++sentences >= 2) return;
    const std::optional<v1::DocType> type = DocTypeFromLabelLine(text);
    if (!type.has_value() || IsLabelAmongMenuItems(lines, features, k)) continue;
    document->set_doc_type(*type);
    document->set_doc_type_raw(std::string(text));
    RemoveWarnings(document, ParseWarningCode::kNoDocType);
    return;
  }
}

// Still no type: the page's title bar copied as its first line names the
// kind before a colon ("Tisková zpráva: Obce mohou … | Ministerstvo
// životního prostředí").
void SetTypeFromTitleBarLine(const std::vector<SourceLine>& lines,
                             const std::vector<LineFeatures>& features, v1::Document* document) {
  if (document->doc_type() != v1::DOC_TYPE_UNSPECIFIED || features.empty()) return;
  const SourceLine& first = lines[features.front().line_index];
  const absl::string_view text = TrimLine(first.text);
  if (!absl::StrContains(text, " | ")) return;
  const std::optional<LeadingLabel> label = DocTypeLabelPrefix(text, /*any_rest=*/true);
  if (!label.has_value() || label->type == v1::DOC_TYPE_OTHER) return;
  const absl::string_view rest = absl::StripLeadingAsciiWhitespace(text.substr(label->length));
  if (!absl::StartsWith(rest, ":") &&
      !absl::EndsWith(TrimLine(text.substr(0, label->length)), ":")) {
    return;
  }
  SetDocTypeWithWarning(document, label->type, ParseWarningCode::kDocTypeFromHeadLine,
                        absl::StrCat("no type label; the page's title bar on line ", first.number,
                                     " names the type"));
}

// Still no type: one of the opening paragraphs announces a statement
// ("KABUL (June 18) - The following is a statement by General ..."),
// after the furniture the page kept above it.
void SetTypeFromAnnouncement(v1::Document* document) {
  if (document->doc_type() != v1::DOC_TYPE_UNSPECIFIED) return;
  constexpr int kOpeningParagraphs = 4;
  // The announcement taken for the headline (no headline was printed).
  if (std::optional<v1::DocType> type = DocTypeFromAnnouncement(document->title())) {
    SetDocTypeWithWarning(document, *type, ParseWarningCode::kDocTypeFromTitle,
                          "the title announces a statement");
    return;
  }
  for (int p = 0; p < std::min(document->paragraphs_size(), kOpeningParagraphs); ++p) {
    if (std::optional<v1::DocType> type = DocTypeFromAnnouncement(document->paragraphs(p).text())) {
      SetDocTypeWithWarning(document, *type, ParseWarningCode::kDocTypeFromFirstParagraph,
                            absl::StrCat("paragraph ", p + 1, " announces a statement"));
      return;
    }
  }
}

// Still no type, and a reference in a press office's series: a press
// release.
void SetTypeFromReference(v1::Document* document) {
  if (document->doc_type() != v1::DOC_TYPE_UNSPECIFIED) return;
  if (std::optional<v1::DocType> type = DocTypeFromReference(document->reference())) {
    SetDocTypeWithWarning(document, *type, ParseWarningCode::kDocTypeFromHeadLine,
                          absl::StrCat("no type label; the reference ", document->reference(),
                                       " is in a press release series"));
  }
}

// What follows a label in a part of a title: nothing (the part is the
// label), or who speaks ("de Laurent Fabius", "by the Minister", "von
// Außenminister Maas"); a news phrase ("deadline moved", "dei redditi")
// makes the word no label.
bool LabelEndsPartOrNamesSpeaker(absl::string_view rest) {
  rest = absl::StripLeadingAsciiWhitespace(rest);
  if (rest.empty() || rest.front() == ',' || rest.front() == '(') return true;
  for (absl::string_view by : {"by ", "of ", "from ", "de ", "du ", "des ", "d'", "von ", "der ",
                               "des ", "del ", "de la ", "della ", "di ", "da ", "do "}) {
    absl::string_view name = rest;
    if (!absl::ConsumePrefix(&name, by)) continue;
    absl::ConsumePrefix(&name, "the ");
    absl::ConsumePrefix(&name, "la ");
    absl::ConsumePrefix(&name, "le ");
    return !name.empty() && !absl::ascii_islower(static_cast<unsigned char>(name.front()));
  }
  return false;
}

// A series name every text of a site carries ("Press Release" over all
// of the UN's press material) gives way to the kind the title names as
// printed ("Security Council Press Statement on …").
void SetTypeFromTitleOverSeries(v1::Document* document) {
  if (!IsSeriesName(document->doc_type_raw())) return;
  const std::optional<v1::DocType> named = DocTypeFromTitleWording(document->title());
  if (!named.has_value() || *named == document->doc_type()) return;
  document->set_doc_type(*named);
  AddWarning(ParseWarningCode::kDocTypeFromTitle,
             "the title names the kind of text over the site's series name", document);
}

// Still no type: a capitalized label opening a later part of the title,
// after a dash ("Iran - Accord sur le programme nucléaire - Déclaration de
// Laurent Fabius, …"), as a site's page title joins its sections.
void SetTypeFromTitleParts(v1::Document* document) {
  if (document->doc_type() != v1::DOC_TYPE_UNSPECIFIED) return;
  const absl::string_view title = document->title();
  // Dashes part a page title's sections; a colon parts a headline's
  // subject from its news ("Tax reform: statement deadline moved").
  for (absl::string_view separator : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    for (size_t at = title.find(separator); at != absl::string_view::npos;
         at = title.find(separator, at + 1)) {
      const absl::string_view part = title.substr(at + separator.size());
      // A label as printed, capitalized: the noun in a sentence is not one.
      if (part.empty() || absl::ascii_islower(static_cast<unsigned char>(part.front()))) continue;
      std::optional<LeadingLabel> label = DocTypeLabelPrefix(part, /*any_rest=*/true);
      if (!label.has_value() || label->type == v1::DOC_TYPE_OTHER ||
          !LabelEndsPartOrNamesSpeaker(part.substr(label->length))) {
        continue;
      }
      document->set_doc_type_raw(std::string(part.substr(0, label->length)));
      SetDocTypeWithWarning(document, label->type, ParseWarningCode::kDocTypeFromTitle,
                            "a label opens a later part of the title, after its sections' names");
      return;
    }
  }
}

// A statement a head line named (a site's "Statements" section, "Introductory
// Statement" inside a longer line), whose opening paragraphs address an
// audience ("Mr Chairman,", "Excellencies,"): a statement read out to a
// meeting, a speech. A printed label or a title opening "Statement by …"
// keeps its type (a statement to the press greets the press too).
void SetSpeechFromSalutation(v1::Document* document) {
  if (document->doc_type() != v1::DOC_TYPE_PRESS_STATEMENT || document->paragraphs_size() == 0 ||
      !HasWarning(*document, ParseWarningCode::kDocTypeFromHeadLine)) {
    return;
  }
  // The salutation may follow the head's short lines the body kept (a
  // place, a byline, a caption), never the text's first sentences: a
  // letter quoted further down greets its own readers.
  constexpr int kParagraphsRead = 6;
  constexpr int kTextWords = 12;
  bool addressed = false;
  for (int p = 0; p < std::min(document->paragraphs_size(), kParagraphsRead); ++p) {
    const absl::string_view text =
        absl::StripTrailingAsciiWhitespace(document->paragraphs(p).text());
    // A letter's greeting opens letters too ("Dear colleagues,", "Chers
    // amis,").
    if (absl::StartsWithIgnoreCase(text, "dear ") || absl::StartsWithIgnoreCase(text, "cher") ||
        absl::StartsWithIgnoreCase(text, "liebe")) {
      break;
    }
    if (DocTypeFromSpeechOpening(text) == v1::DOC_TYPE_SPEECH) {
      addressed = true;
      break;
    }
    // The text has begun: a sentence, or a line leading into what follows.
    if (CountWordsUpTo(text, kTextWords) >= kTextWords || EndsSentence(text) ||
        absl::EndsWith(text, ":")) {
      break;
    }
  }
  if (!addressed) return;
  document->set_doc_type(v1::DOC_TYPE_SPEECH);
  AddWarning(ParseWarningCode::kDocTypeFromSalutation,
             "a statement whose opening addresses an audience: a speech", document);
}

// A reference printed in a form the reference reader does not know
// ("10189/04 (Presse 195)", "No. 373"): the model's reference line, up to a
// date on the same line.
void SetReferenceFromRoles(const std::vector<SourceLine>& lines,
                           const std::vector<LineFeatures>& features,
                           const std::vector<LineRole>& roles, v1::Document* document) {
  if (!document->reference().empty()) return;
  for (size_t k = 0; k < features.size(); ++k) {
    if (roles[k] != LineRole::kReference) continue;
    absl::string_view text = TrimLine(lines[features[k].line_index].text);
    if (std::optional<ReferenceMatch> match = MatchReferenceAtStart(text)) {
      document->set_reference(match->reference);
      return;
    }
    if (std::vector<FoundDate> dates = FindDates(text); !dates.empty()) {
      text = text.substr(0, dates.front().begin);
    }
    text = absl::StripAsciiWhitespace(text);
    while (!text.empty() && (text.back() == '|' || text.back() == ',' || text.back() == '-')) {
      text.remove_suffix(1);
      text = absl::StripTrailingAsciiWhitespace(text);
    }
    bool digit = false;
    for (char c : text) digit |= absl::ascii_isdigit(static_cast<unsigned char>(c));
    if (digit && text.size() <= 40) document->set_reference(std::string(text));
    return;
  }
}

}  // namespace

void ReadTypeAndReferenceFromRoles(const std::vector<SourceLine>& lines,
                                   const std::vector<LineFeatures>& features,
                                   const std::vector<LineRole>& roles, v1::Document* document) {
  ReplaceTypeFromMenuItem(lines, features, roles, document);
  SetTypeFromRoles(lines, features, roles, document);
  SetTypeFromSplitLabel(lines, features, document);
  SetTypeFromDeliveryNote(lines, features, document);
  SetTypeFromHeadLines(lines, features, roles, document);
  SetTypeFromAnnouncement(document);
  SetReferenceFromRoles(lines, features, roles, document);
  SetTypeFromReference(document);
  SetTypeFromLabelUnderTitle(lines, features, roles, document);
  SetTypeFromTitleBarLine(lines, features, document);
  ReadTypeFromSiteSection(lines, features, roles, document);
  SetTypeFromTitleParts(document);
  SetTypeFromTitleOverSeries(document);
  SetSpeechFromSalutation(document);
}

void SetTypeFromReleaseMarks(const std::vector<SourceLine>& lines,
                             const std::vector<LineFeatures>& features, v1::Document* document) {
  if (document->doc_type() != v1::DOC_TYPE_UNSPECIFIED) return;
  for (const LineFeatures& line_features : features) {
    const SourceLine& line = lines[line_features.line_index];
    const std::string folded = absl::AsciiStrToLower(TrimLine(line.text));
    absl::string_view mark = folded;
    absl::ConsumePrefix(&mark, "(");
    // A release's number in its series ("Release No. 0245", not "Release
    // notes").
    bool numbered = false;
    for (absl::string_view series :
         {"release #", "release id", "release no.", "release no:", "release number"}) {
      absl::string_view rest = mark;
      if (!absl::ConsumePrefix(&rest, series)) continue;
      rest = absl::StripLeadingAsciiWhitespace(rest);
      absl::ConsumePrefix(&rest, ":");
      rest = absl::StripLeadingAsciiWhitespace(rest);
      // Its number may hold letters ("PR-2024-015"), but a digit.
      const absl::string_view number = rest.substr(0, rest.find(' '));
      numbered = std::any_of(number.begin(), number.end(), [](char c) {
        return absl::ascii_isdigit(static_cast<unsigned char>(c));
      });
      if (numbered) break;
    }
    if (!absl::StartsWith(mark, "for immediate release") && !numbered) continue;
    SetDocTypeWithWarning(document, v1::DOC_TYPE_PRESS_RELEASE,
                          ParseWarningCode::kDocTypeFromHeadLine,
                          absl::StrCat("no type label; line ", line.number,
                                       " marks the text as a press office's release"));
    return;
  }
}

void SetTypeFromReadingTime(const std::vector<SourceLine>& lines,
                            const std::vector<LineFeatures>& features,
                            const std::vector<LineRole>& roles, v1::Document* document) {
  if (document->doc_type() != v1::DOC_TYPE_UNSPECIFIED) return;
  // A headline naming a kind of text the type readers did not take
  // ("Joint statement with the Premier", "Prime Minister's address to the
  // nation") is no news story's, whatever the site prints under it.
  const std::string title = absl::StrCat(" ", FoldAccents(document->title()), " ");
  for (absl::string_view kind : {" statement ", " statements ", " address ", " remarks ",
                                 " speech ", " declaration ", " communique ", " release "}) {
    if (absl::StrContains(title, kind)) return;
  }
  // A reading time is a line of its own, or a cell of the byline's row,
  // in the head: the items of a related list under the text carry theirs.
  constexpr int kMostWords = 12;
  for (size_t k = 0; k < features.size() && roles[k] != LineRole::kBody; ++k) {
    const SourceLine& line = lines[features[k].line_index];
    const absl::string_view text = TrimLine(line.text);
    if (CountWordsUpTo(text, kMostWords + 1) > kMostWords) continue;
    const std::string folded = absl::AsciiStrToLower(text);
    bool reading_time = false;
    for (absl::string_view mark :
         {" min read", " minute read", " minutes read", " mins read", " min de lecture",
          " min de lectura", " min lesezeit", " min di lettura",
          "reading time:", "temps de lecture", "lesezeit:", "tiempo de lectura"}) {
      reading_time |= absl::StrContains(absl::StrCat(" ", folded), mark);
    }
    if (!reading_time) continue;
    SetDocTypeWithWarning(document, v1::DOC_TYPE_UPDATE, ParseWarningCode::kDocTypeFromHeadLine,
                          absl::StrCat("no type label; line ", line.number,
                                       " gives the text's reading time, as news sites do"));
    return;
  }
}

}  // namespace docsearch::ingest

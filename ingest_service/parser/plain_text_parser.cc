#include "ingest_service/parser/plain_text_parser.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/boilerplate.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/head_reader.h"
#include "ingest_service/parser/header_lines.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/parse_warnings.h"
#include "ingest_service/parser/reference.h"
#include "ingest_service/parser/source_uri_dates.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/title_chooser.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::Date;
using docsearch::v1::DocType;
using docsearch::v1::ParseDocumentResponse;

// Lines longer than this are never part of a title.
constexpr size_t kLongLine = 120;

// The rule that ends the head. See plain_text_parser.h.
bool IsBodyStart(const std::vector<SourceLine>& lines, size_t i) {
  const absl::string_view text = TrimLine(lines[i].text);
  if (ParseDateLine(text).has_value() || ParseUpdatedHeader(text).has_value()) return false;
  if (DocTypeLabelPrefix(text).has_value() || DocTypeFromLabelLine(text).has_value()) return false;
  if (MatchReferenceAtStart(text).has_value()) return false;
  if (IsSidebarItem(text)) return false;
  if (std::optional<ParagraphMarker> marker = FindParagraphMarker(lines[i].text)) {
    const absl::string_view content = TrimLine(lines[i].text.substr(marker->text_begin));
    if (!marker->is_bullet && content.size() >= 30) return true;
    // Titles are not bulleted: a bulleted sentence opens the body.
    if (marker->is_bullet && CountWordsUpTo(content, 6) >= 6) return true;
    return false;
  }
  if (IsSalutation(text)) return true;
  if (StartsLowercase(text) || IsByline(text)) return false;
  // Only compared with 12, 8 and 6 below.
  const int words = CountWordsUpTo(text, 12);
  if (EndsSentence(text) && words >= 12) return true;
  if (HasInnerSentenceBoundary(text) && words >= 6) return true;
  if (IsTitleCase(text)) return false;
  if (EndsSentence(text) && words >= 6) return true;
  if (text.size() >= kLongLine) return true;
  // A hard-wrapped sentence: the next line follows at once and continues it.
  if (words >= 8 && i + 1 < lines.size()) {
    const absl::string_view next = TrimLine(lines[i + 1].text);
    if (!next.empty() && !FindParagraphMarker(lines[i + 1].text).has_value() &&
        (StartsLowercase(next) || !IsTitleCase(next))) {
      return true;
    }
  }
  return false;
}

std::vector<SourceLine> SplitLines(absl::string_view text) {
  std::vector<SourceLine> lines;
  int number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    lines.push_back({line, ++number});
  }
  return lines;
}

void SetPublished(const Date& date, v1::Document* document) {
  *document->mutable_published() = date;
}

// "Week of 16-22 June 1999": a weekly digest is issued for its week.
std::optional<Date> WeekStart(const Head& head) {
  if (!head.header.has_value()) return std::nullopt;
  const std::string section = FoldAccents(head.header->section);
  if (!absl::StartsWith(section, "week of") && !absl::StartsWith(section, "semaine du")) {
    return std::nullopt;
  }
  std::vector<FoundDate> dates = FindDates(head.header->section);
  if (dates.empty()) return std::nullopt;
  return dates.front().date;
}

// A paragraph opening with its dateline ("VIENNA, 12 May 2014 – The OSCE
// …", "Geneva, 3 May 2021 – The …"), not with a deadline or a day the
// text names ("By Friday, 30 June 2023, all Member States must …", "On
// Monday, 4 May …"): no preposition before the date ("Lundi 10 février
// 2003, 19h27" is a date line).
bool IsDatelineOpening(absl::string_view paragraph, const FoundDate& date) {
  const std::string before = absl::AsciiStrToLower(paragraph.substr(0, date.begin));
  const absl::string_view first = absl::string_view(before).substr(0, before.find_first_of(" ,"));
  for (absl::string_view preposition :
       {"by", "on",   "until", "before", "after", "from",   "since",    "as",
        "in", "par",  "le",    "au",     "avant", "depuis", "jusqu'au", "bis",
        "ab", "seit", "am",    "hasta",  "desde", "antes",  "el"}) {
    if (first == preposition) return false;
  }
  return true;
}

void ChoosePublished(const Head& head, absl::string_view source_uri, v1::Document* document) {
  if (std::optional<Date> week = WeekStart(head)) {
    SetPublished(*week, document);
    AddWarning(ParseWarningCode::kPublishedFromWeekHeader,
               "a weekly digest: published is the first day of the week in the Updated header",
               document);
    return;
  }
  if (head.date_line.has_value()) {
    SetPublished(*head.date_line, document);
    return;
  }
  // The fallbacks, in order; each is read only when those before it found
  // no date (the opening paragraphs of a long text are costly to tokenize).
  auto published_from = [&](ParseWarningCode code, absl::string_view source,
                            const std::optional<Date>& date) {
    if (!date.has_value()) return false;
    SetPublished(*date, document);
    AddWarning(code, absl::StrCat("no date line found; published is ", source), document);
    return true;
  };
  auto first_date = [](absl::string_view text) -> std::optional<Date> {
    std::optional<FoundDate> date = FindFirstDate(text);
    if (!date.has_value()) return std::nullopt;
    return date->date;
  };
  if (published_from(ParseWarningCode::kPublishedFromTitle, "a date in the title",
                     first_date(document->title())) ||
      published_from(ParseWarningCode::kPublishedFromSubtitle, "a date in the subtitle",
                     first_date(document->subtitle())) ||
      published_from(ParseWarningCode::kPublishedFromSourceUri, "a date in the source URI",
                     DateFromSourceUri(source_uri)) ||
      published_from(
          ParseWarningCode::kPublishedFromUpdatedHeader, "the Updated header date",
          head.header.has_value() ? std::optional<Date>(head.header->date) : std::nullopt)) {
    return;
  }
  // A text signed off with its place and date ("London, 14 May 2009") on a
  // line of its own among its last paragraphs: the date of the text, where
  // a date in the opening sentences may be any date they mention.
  constexpr int kClosingParagraphs = 3;
  std::optional<Date> closing;
  for (int p = document->paragraphs_size() - 1;
       p >= 0 && p >= document->paragraphs_size() - kClosingParagraphs && !closing.has_value();
       --p) {
    // A place and a date, or a date alone; a stamp ("Published 12 March
    // 2022") there is a publication the text cites.
    const absl::string_view text = TrimLine(document->paragraphs(p).text());
    const std::optional<FoundDate> first = FindFirstDate(text);
    if (!first.has_value() ||
        (first->begin > 0 && text.substr(0, first->begin).find(',') == absl::string_view::npos)) {
      continue;
    }
    closing = ParseDateLine(text);
  }
  if (published_from(ParseWarningCode::kPublishedFromBody, "the date line closing the text",
                     closing)) {
    return;
  }
  std::string opening;
  for (int p = 0; p < document->paragraphs_size() && p < 2; ++p) {
    absl::StrAppend(&opening, document->paragraphs(p).text(), "\n");
  }
  if (published_from(ParseWarningCode::kPublishedFromBody,
                     "the first date in the opening paragraphs", first_date(opening))) {
    return;
  }
  // A headline and a summary the head left as text may come before the
  // paragraph opening with the text's dateline ("VIENNA, 12 May 2014 – The
  // OSCE …"): only a dateline there, not any date the text mentions.
  if (document->paragraphs_size() > 2) {
    const absl::string_view third = document->paragraphs(2).text();
    const std::optional<FoundDate> date = FindFirstDate(third);
    if (date.has_value() && IsDatelineOpening(third, *date) &&
        published_from(ParseWarningCode::kPublishedFromBody,
                       "the dateline opening the third paragraph",
                       ParseDateLine(TrimLine(third.substr(0, date->end))))) {
      return;
    }
  }
  AddWarning(ParseWarningCode::kNoPublishedDate,
             "no date line, and no date in the title, source URI, Updated header or opening "
             "paragraphs; published is unset",
             document);
}

// "Final Communiqué. 1. We met ...", "Déclaration du Président, publiée ...":
// a label opening the first paragraph, closed by punctuation.
std::optional<LeadingLabel> LabelOpeningBody(const v1::Document& document) {
  if (document.paragraphs_size() == 0) return std::nullopt;
  const absl::string_view first = document.paragraphs(0).text();
  std::optional<LeadingLabel> label = DocTypeLabelPrefix(first, /*any_rest=*/true);
  if (!label.has_value() || label->length == 0) return std::nullopt;
  const char last = first[label->length - 1];
  if (last != '.' && last != ',' && last != ':') return std::nullopt;
  return label;
}

void ChooseDocType(const Head& head, bool is_digest, v1::Document* document) {
  if (head.label_type.has_value()) {
    document->set_doc_type(*head.label_type);
    document->set_doc_type_raw(head.label_raw);
    return;
  }
  if (is_digest) {
    document->set_doc_type(v1::DOC_TYPE_UPDATE);
    if (head.header.has_value()) document->set_doc_type_raw(head.header->section);
    return;
  }
  if (std::optional<LeadingLabel> opening = LabelOpeningBody(*document)) {
    document->set_doc_type(opening->type);
    std::string raw = document->paragraphs(0).text().substr(0, opening->length - 1);
    document->set_doc_type_raw(raw);
    AddWarning(ParseWarningCode::kDocTypeFromFirstParagraph,
               "no type label in the head; the type label opens the first paragraph", document);
    return;
  }
  if (std::optional<DocType> from_title = DocTypeFromTitle(document->title())) {
    document->set_doc_type(*from_title);
    AddWarning(ParseWarningCode::kDocTypeFromTitle,
               "no type label found; the type was read from the title", document);
    return;
  }
  if (head.weak_type.has_value()) {
    document->set_doc_type(*head.weak_type);
    document->set_doc_type_raw(head.weak_raw);
    return;
  }
  if (head.header.has_value()) {
    if (std::optional<DocType> from_section = DocTypeFromSection(head.header->section)) {
      document->set_doc_type(*from_section);
      document->set_doc_type_raw(head.header->section);
      return;
    }
  }
  if (document->paragraphs_size() > 0) {
    if (std::optional<DocType> speech = DocTypeFromSpeechOpening(document->paragraphs(0).text())) {
      document->set_doc_type(*speech);
      AddWarning(ParseWarningCode::kDocTypeFromSalutation,
                 "no type label or title pattern; the first paragraph addresses an audience",
                 document);
      return;
    }
  }
  // Last, a type the title names without the shape of a typed headline
  // ("MFA Press Statement: …", "India-Mozambique Joint Statement during …"):
  // a site section or a salutation is the stronger evidence.
  if (std::optional<DocType> worded = DocTypeFromTitleWording(document->title())) {
    document->set_doc_type(*worded);
    AddWarning(ParseWarningCode::kDocTypeFromTitle,
               "no type label found; the type was read from the title", document);
    return;
  }
  document->set_doc_type(v1::DOC_TYPE_UNSPECIFIED);
  AddWarning(ParseWarningCode::kNoDocType,
             "no type label, title pattern or site section names the type", document);
}

}  // namespace

void ParsePlainText(absl::string_view text, absl::string_view source_uri,
                    ParseDocumentResponse* response, LineReadings* readings) {
  // Leftover line-break tags in text scraped from HTML.
  std::string unbroken =
      absl::StrReplaceAll(text, {{"<br />", "\n"}, {"<br/>", "\n"}, {"<br>", "\n"}});
  std::vector<SourceLine> lines = SplitLines(unbroken);
  v1::Document* document = response->mutable_document();

  size_t body_start = lines.size();
  // A source line holds one fused headline; its rest is read again as a
  // line of its own, but not cut again: each cut reads the whole rest, so a
  // hostile line of thousands of headline-like pieces would be read as many
  // times.
  int last_cut_line = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const absl::string_view line = TrimLine(lines[i].text);
    if (line.empty() || FurnitureReason(line, readings).has_value()) continue;
    std::optional<size_t> cut;
    if (lines[i].number != last_cut_line) cut = FusedTitleEnd(line);
    if (cut.has_value()) {
      last_cut_line = lines[i].number;
      const SourceLine rest = {TrimLine(line.substr(*cut)), lines[i].number};
      lines[i].text = TrimLine(line.substr(0, *cut));
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(i) + 1, rest);
    }
    if (IsBodyStart(lines, i)) {
      body_start = i;
      break;
    }
  }

  Head head = ReadHead(lines, body_start, response, readings);
  std::vector<const HeadBlock*> kept;
  TitleChoice choice = ChooseTitle(head, &kept, response);
  document->set_title(choice.title);
  document->set_subtitle(choice.subtitle);
  document->set_reference(head.reference);
  if (head.header.has_value()) {
    document->mutable_updated()->set_seconds(UpdatedHeaderEpochSeconds(*head.header));
  }

  // Head blocks after the title (section headings, leads) stay as text.
  std::vector<SourceLine> body_lines;
  for (const HeadBlock* block : kept) {
    for (size_t k = 0; k < block->lines.size(); ++k) {
      body_lines.push_back({block->lines[k], block->sources[k].number});
    }
    body_lines.push_back({"", 0});
  }
  for (size_t i = body_start; i < lines.size(); ++i) body_lines.push_back(lines[i]);
  ParseBody(body_lines, response, readings);

  // A digest of dated news items ("17 Feb. 1999" / headline / story, ...)
  // has no title of its own: the first headline is one item's.
  int item_dates = 0;
  for (size_t i = body_start; i < lines.size(); ++i) {
    if (ParseDateLine(TrimLine(lines[i].text)).has_value()) ++item_dates;
  }
  const bool is_digest = item_dates >= 2 || WeekStart(head).has_value();
  if (is_digest && !head.label_type.has_value() && !document->title().empty()) {
    v1::Paragraph headline;
    headline.set_text(document->title());
    document->mutable_paragraphs()->Add(std::move(headline));
    std::rotate(document->mutable_paragraphs()->rbegin(),
                document->mutable_paragraphs()->rbegin() + 1,
                document->mutable_paragraphs()->rend());
    document->clear_title();
    AddWarning(ParseWarningCode::kDigestWithoutTitle,
               "several dated news items: the document has no single title", document);
  }

  if (document->title().empty()) {
    AddWarning(ParseWarningCode::kNoTitle, "no title found in the head of the document", document);
  }
  ChooseDocType(head, is_digest, document);
  ChoosePublished(head, source_uri, document);
}

}  // namespace docsearch::ingest
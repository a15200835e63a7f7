#include "ingest_service/parser/plain_text_parser.h"

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/boilerplate.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/header_lines.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/reference.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::Date;
using docsearch::v1::DocType;
using docsearch::v1::ParseDocumentResponse;

// Lines longer than this are never part of a title.
constexpr size_t kLongLine = 120;
// A reference or label may be printed one word per line in a narrow column.
constexpr size_t kNarrowLine = 25;
constexpr int kMaxNarrowLines = 6;

void AddWarning(absl::string_view code, absl::string_view message, v1::Document* document) {
  v1::ParseWarning* warning = document->add_warnings();
  warning->set_code(std::string(code));
  warning->set_message(std::string(message));
}

void Drop(const SourceLine& line, absl::string_view reason, ParseDocumentResponse* response) {
  v1::DroppedLine* dropped = response->add_dropped_lines();
  dropped->set_line_number(line.number);
  dropped->set_text(std::string(line.text));
  dropped->set_reason(std::string(reason));
}

// True when `line` has an inner sentence boundary: "afternoon. Welcome".
// Abbreviations ("Dr. Javier", "D.C.") do not count: the word before the
// period must be a lower-case word of four letters or more.
bool HasInnerSentenceBoundary(absl::string_view line) {
  for (size_t dot = line.find(". "); dot != absl::string_view::npos;
       dot = line.find(". ", dot + 1)) {
    if (dot + 2 >= line.size() || !absl::ascii_isupper(static_cast<unsigned char>(line[dot + 2]))) {
      continue;
    }
    size_t begin = dot;
    while (begin > 0 && absl::ascii_isalpha(static_cast<unsigned char>(line[begin - 1]))) --begin;
    if (dot - begin >= 4 && absl::ascii_islower(static_cast<unsigned char>(line[begin]))) {
      return true;
    }
  }
  return false;
}

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
    if (marker->is_bullet && CountWords(content) >= 8 && !IsTitleCase(content)) return true;
    return false;
  }
  if (IsSalutation(text)) return true;
  if (StartsLowercase(text) || IsByline(text)) return false;
  const int words = CountWords(text);
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

// Joins title lines, undoing hyphenation at line ends and dropping the quotes
// around a quoted title.
std::string JoinTitleLines(const std::vector<absl::string_view>& parts) {
  std::string title;
  for (absl::string_view part : parts) {
    part = TrimLine(part);
    if (part.empty()) continue;
    if (!title.empty() && title.back() == '-' && title.size() >= 2 &&
        absl::ascii_isalpha(static_cast<unsigned char>(title[title.size() - 2]))) {
      if (StartsLowercase(part)) title.pop_back();
    } else if (!title.empty()) {
      title.push_back(' ');
    }
    title.append(part.data(), part.size());
  }
  absl::string_view view = title;
  while (absl::ConsumeSuffix(&view, "|")) view = absl::StripTrailingAsciiWhitespace(view);
  if (view.size() >= 2 && view.front() == '"' && view.back() == '"') {
    view.remove_prefix(1);
    view.remove_suffix(1);
  }
  return std::string(TrimLine(view));
}

// A type label as printed, without furniture around it.
std::string CleanLabel(absl::string_view label) {
  label = TrimLine(label);
  while (absl::ConsumeSuffix(&label, "|") || absl::ConsumePrefix(&label, "|")) {
    label = TrimLine(label);
  }
  return std::string(label);
}

// One run of consecutive head lines that are none of header, date, reference
// or label: a title, subtitle, place line, byline or stray furniture.
struct HeadBlock {
  std::vector<absl::string_view> lines;
  std::vector<SourceLine> sources;
  bool opened_by_label = false;
};

enum class HeadEvent { kBlock, kDate, kOther };

struct Head {
  std::optional<UpdatedHeader> header;
  std::optional<Date> date_line;
  std::string reference;
  std::optional<DocType> label_type;
  std::string label_raw;
  std::optional<DocType> weak_type;  // "Press Release": a series, not a type.
  std::string weak_raw;
  std::string label_as_title;  // A label line alone, the title if none other.
  std::vector<HeadBlock> blocks;
  std::vector<HeadEvent> events;  // Blocks and consumed items in order.
  std::deque<std::string> owned;  // Stable storage for text built from lines.
};

class HeadReader {
 public:
  HeadReader(const std::vector<SourceLine>& lines, size_t end, ParseDocumentResponse* response)
      : lines_(lines), end_(end), response_(response) {}

  Head Read() {
    for (size_t i = 0; i < end_; ++i) i = ReadLine(i);
    CloseBlock();
    return std::move(head_);
  }

 private:
  void CloseBlock() {
    if (current_.lines.empty()) return;
    head_.blocks.push_back(std::move(current_));
    head_.events.push_back(HeadEvent::kBlock);
    current_ = HeadBlock();
  }

  void Consumed(HeadEvent event) {
    CloseBlock();
    head_.events.push_back(event);
  }

  void SetLabel(DocType type, absl::string_view printed) {
    if (type == v1::DOC_TYPE_PRESS_RELEASE) {
      if (!head_.weak_type.has_value()) {
        head_.weak_type = type;
        head_.weak_raw = CleanLabel(printed);
      }
      return;
    }
    if (!head_.label_type.has_value()) {
      head_.label_type = type;
      head_.label_raw = CleanLabel(printed);
    }
  }

  void SetDate(const Date& date, const SourceLine& line) {
    if (!head_.date_line.has_value()) {
      head_.date_line = date;
      Drop(line, "date_line", response_);
    } else {
      Drop(line, "date", response_);
    }
  }

  bool HasTitleCandidate() const {
    for (const HeadBlock& block : head_.blocks) {
      if (!block.lines.empty()) return true;
    }
    return !current_.lines.empty();
  }

  absl::string_view NextLine(size_t i) const {
    return i < end_ ? TrimLine(lines_[i].text) : absl::string_view();
  }

  // Tries a reference starting at line i, possibly over narrow lines.
  // Returns the last line used, or nullopt; *rest is what follows it.
  std::optional<size_t> ReadReference(size_t i, std::string* rest) {
    std::string joined;
    for (size_t k = i; k < end_ && k < i + kMaxNarrowLines; ++k) {
      const absl::string_view part = TrimLine(lines_[k].text);
      if (part.empty() || (k > i && part.size() > kNarrowLine)) break;
      if (k > i && !joined.empty() && joined.back() != '-') joined.push_back(' ');
      joined.append(part.data(), part.size());
      std::optional<ReferenceMatch> match = MatchReferenceAtStart(joined);
      if (!match.has_value()) continue;
      if (k > i && match->consumed != joined.size()) continue;
      head_.reference = match->reference;
      *rest = std::string(TrimLine(absl::string_view(joined).substr(match->consumed)));
      for (size_t used = i; used <= k; ++used) Drop(lines_[used], "reference", response_);
      // The series name before the number is a weak type: "Press Release".
      if (std::optional<LeadingLabel> label = DocTypeLabelPrefix(match->reference, true)) {
        SetLabel(label->type, match->reference.substr(0, label->length));
      }
      return k;
    }
    return std::nullopt;
  }

  // Reads line i (and maybe a few after it); returns the last line used.
  size_t ReadLine(size_t i) {
    const SourceLine& line = lines_[i];
    absl::string_view text = TrimLine(line.text);
    if (text.empty()) {
      CloseBlock();
      return i;
    }
    if (in_sidebar_) {
      Drop(line, "sidebar", response_);
      return i;
    }
    if (std::optional<absl::string_view> reason = BoilerplateReason(text)) {
      Drop(line, *reason, response_);
      Consumed(HeadEvent::kOther);
      return i;
    }
    if (IsSidebarItem(text)) {
      CloseBlock();
      in_sidebar_ = true;
      Drop(line, "sidebar", response_);
      return i;
    }
    if (std::optional<UpdatedHeader> header = ParseUpdatedHeader(text)) {
      if (!head_.header.has_value()) head_.header = std::move(header);
      Drop(line, "header", response_);
      Consumed(HeadEvent::kOther);
      return i;
    }
    size_t last = i;
    bool line_used = false;  // Part of the line was consumed already.
    if (head_.reference.empty()) {
      std::string rest;
      if (std::optional<size_t> used = ReadReference(i, &rest)) {
        Consumed(HeadEvent::kOther);
        if (rest.empty()) return *used;
        last = *used;
        head_.owned.push_back(std::move(rest));
        text = head_.owned.back();
        line_used = true;
      }
    }
    if (std::optional<Date> date = ParseDateLine(text)) {
      if (line_used) {
        if (!head_.date_line.has_value()) head_.date_line = *date;
      } else {
        SetDate(*date, line);
      }
      Consumed(HeadEvent::kDate);
      return last;
    }
    // A date opening a longer line: "28.06.04 Chairman's Statement Meeting ...".
    if (std::vector<FoundDate> dates = FindDates(text);
        !dates.empty() && dates.front().begin == 0 && dates.front().end < text.size() &&
        text[dates.front().end] == ' ') {
      if (!head_.date_line.has_value()) head_.date_line = dates.front().date;
      text = TrimLine(text.substr(dates.front().end));
      CloseBlock();
    }
    // A label line, or a label printed over two narrow lines ("Press"/"Release").
    std::optional<DocType> label = DocTypeFromLabelLine(text);
    size_t label_end = last;
    std::string label_text(text);
    if (!label.has_value() && text.size() <= kNarrowLine) {
      const absl::string_view next = NextLine(last + 1);
      if (!next.empty() && next.size() <= kNarrowLine) {
        const std::string two = absl::StrCat(text, " ", next);
        label = DocTypeFromLabelLine(two);
        if (label.has_value()) {
          label_end = last + 1;
          label_text = two;
        }
      }
    }
    if (label.has_value()) {
      SetLabel(*label, label_text);
      const absl::string_view next = NextLine(label_end + 1);
      // "Chairman's summary" / "of the Meeting of ...": the label opens the title.
      if (*label != v1::DOC_TYPE_PRESS_RELEASE && !HasTitleCandidate() && !next.empty() &&
          (StartsLowercase(next) || IsByline(next)) && !ParseDateLine(next).has_value()) {
        CloseBlock();
        head_.owned.push_back(label_text);
        current_.lines.push_back(head_.owned.back());
        current_.sources.push_back(line);
        current_.opened_by_label = true;
        return label_end;
      }
      for (size_t used = last; used <= label_end; ++used) {
        if (!line_used || used != last) Drop(lines_[used], "type_label", response_);
      }
      if (*label != v1::DOC_TYPE_PRESS_RELEASE && head_.label_as_title.empty()) {
        head_.label_as_title = CleanLabel(label_text);
      }
      Consumed(HeadEvent::kOther);
      return label_end;
    }
    // A label opening a line: "Statement Meeting of the NATO-Russia Council",
    // or "Press Release 8 Dec . 2005 |".
    if (std::optional<LeadingLabel> prefix = DocTypeLabelPrefix(text, /*any_rest=*/true)) {
      const absl::string_view rest = TrimLine(text.substr(prefix->length));
      if (std::optional<Date> date = ParseDateLine(rest)) {
        SetLabel(prefix->type, text.substr(0, prefix->length));
        SetDate(*date, line);
        Consumed(HeadEvent::kDate);
        return last;
      }
      if (DocTypeLabelPrefix(text).has_value()) {
        SetLabel(prefix->type, text.substr(0, prefix->length));
        CloseBlock();
        text = rest;
      }
    }
    // Table residue: "Press |".
    if (!text.empty() && text.back() == '|' && CountWords(text) <= 3) {
      Drop(line, "layout", response_);
      Consumed(HeadEvent::kOther);
      return last;
    }
    current_.lines.push_back(text);
    current_.sources.push_back(line);
    return last;
  }

  const std::vector<SourceLine>& lines_;
  const size_t end_;
  ParseDocumentResponse* const response_;
  Head head_;
  HeadBlock current_;
  bool in_sidebar_ = false;
};

// "Madrid", "NATO HQ", "At the / Institute for / London, UK" before a date.
bool IsPlaceBlock(const HeadBlock& block) {
  if (block.lines.size() > 3 || block.opened_by_label) return false;
  for (absl::string_view line : block.lines) {
    if (CountWords(line) > 3 || line.size() > 30) return false;
  }
  return true;
}

struct TitleChoice {
  std::string title;
  std::string subtitle;
};

// Picks title and subtitle among the head blocks; drops or keeps the rest.
TitleChoice ChooseTitle(const Head& head, std::vector<const HeadBlock*>* kept,
                        ParseDocumentResponse* response) {
  // Where each block sits among the events, to see what follows it.
  std::vector<size_t> event_of_block;
  for (size_t e = 0; e < head.events.size(); ++e) {
    if (head.events[e] == HeadEvent::kBlock) event_of_block.push_back(e);
  }
  const size_t count = head.blocks.size();
  std::vector<bool> usable(count, true);
  for (size_t b = 0; b < count; ++b) {
    const HeadBlock& block = head.blocks[b];
    const size_t e = event_of_block[b];
    const bool before_date = e + 1 < head.events.size() && head.events[e + 1] == HeadEvent::kDate;
    if (before_date && IsPlaceBlock(block)) {
      for (const SourceLine& line : block.sources) Drop(line, "place", response);
      usable[b] = false;
    } else if (block.lines.size() == 1 && IsByline(block.lines[0]) && !block.opened_by_label) {
      for (const SourceLine& line : block.sources) Drop(line, "byline", response);
      usable[b] = false;
    }
  }
  // The title is the block an "Issued by ..." subtitle follows, else the
  // first usable block that is not itself a subtitle.
  std::optional<size_t> title_index;
  for (size_t b = 0; b + 1 < count && !title_index.has_value(); ++b) {
    if (usable[b] && usable[b + 1] && !StartsSubtitle(head.blocks[b].lines[0]) &&
        StartsSubtitle(head.blocks[b + 1].lines[0])) {
      title_index = b;
    }
  }
  for (size_t b = 0; b < count && !title_index.has_value(); ++b) {
    if (usable[b] && !StartsSubtitle(head.blocks[b].lines[0])) title_index = b;
  }
  TitleChoice choice;
  if (!title_index.has_value()) {
    choice.title = head.label_as_title;
    for (size_t b = 0; b < count; ++b) {
      if (usable[b]) kept->push_back(&head.blocks[b]);
    }
    return choice;
  }
  for (size_t b = 0; b < *title_index; ++b) {
    if (!usable[b]) continue;
    for (const SourceLine& line : head.blocks[b].sources) Drop(line, "head", response);
  }
  std::vector<absl::string_view> title_lines = head.blocks[*title_index].lines;
  std::vector<absl::string_view> subtitle_lines;
  size_t b = *title_index + 1;
  // Only blank lines between blocks b-1 and b: they are adjacent events.
  auto adjacent = [&](size_t block) {
    return event_of_block[block] == event_of_block[block - 1] + 1;
  };
  if (b < count && usable[b] && adjacent(b)) {
    const HeadBlock& next = head.blocks[b];
    if (StartsSubtitle(next.lines[0]) || StartsLowercase(next.lines[0])) {
      subtitle_lines = next.lines;
      ++b;
    } else if (title_lines.size() == 1 && IsTitleCase(next.lines[0]) &&
               (b + 1 == count || !adjacent(b + 1)) &&
               !(b + 1 < count && StartsSubtitle(head.blocks[b + 1].lines[0]))) {
      // "NATO-Ukraine Commission" / "Meeting at Foreign Ministers Level ...".
      title_lines.insert(title_lines.end(), next.lines.begin(), next.lines.end());
      ++b;
    }
  }
  for (; b < count; ++b) {
    if (usable[b]) kept->push_back(&head.blocks[b]);
  }
  choice.title = JoinTitleLines(title_lines);
  choice.subtitle = JoinTitleLines(subtitle_lines);
  return choice;
}

void SetPublished(const Date& date, v1::Document* document) {
  *document->mutable_published() = date;
}

void ChoosePublished(const Head& head, absl::string_view source_uri, v1::Document* document) {
  if (head.date_line.has_value()) {
    SetPublished(*head.date_line, document);
    return;
  }
  struct Fallback {
    absl::string_view code;
    absl::string_view source;
    std::optional<Date> date;
  };
  auto first_date = [](absl::string_view text) -> std::optional<Date> {
    std::vector<FoundDate> dates = FindDates(text);
    if (dates.empty()) return std::nullopt;
    return dates.front().date;
  };
  std::string opening;
  for (int p = 0; p < document->paragraphs_size() && p < 2; ++p) {
    absl::StrAppend(&opening, document->paragraphs(p).text(), "\n");
  }
  const Fallback fallbacks[] = {
      {"published_from_title", "a date in the title", first_date(document->title())},
      {"published_from_subtitle", "a date in the subtitle", first_date(document->subtitle())},
      {"published_from_source_uri", "a date in the source URI", DateFromSourceUri(source_uri)},
      {"published_from_updated_header", "the Updated header date",
       head.header.has_value() ? std::optional<Date>(head.header->date) : std::nullopt},
      {"published_from_body", "the first date in the opening paragraphs", first_date(opening)},
  };
  for (const Fallback& fallback : fallbacks) {
    if (!fallback.date.has_value()) continue;
    SetPublished(*fallback.date, document);
    AddWarning(fallback.code, absl::StrCat("no date line found; published is ", fallback.source),
               document);
    return;
  }
  AddWarning("no_published_date",
             "no date line, and no date in the title, source URI, Updated header or opening "
             "paragraphs; published is unset",
             document);
}

void ChooseDocType(const Head& head, v1::Document* document) {
  if (head.label_type.has_value()) {
    document->set_doc_type(*head.label_type);
    document->set_doc_type_raw(head.label_raw);
    return;
  }
  if (std::optional<DocType> from_title = DocTypeFromTitle(document->title())) {
    document->set_doc_type(*from_title);
    AddWarning("doc_type_from_title", "no type label found; the type was read from the title",
               document);
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
  document->set_doc_type(v1::DOC_TYPE_UNSPECIFIED);
  AddWarning("no_doc_type", "no type label, title pattern or site section names the type",
             document);
}

}  // namespace

void ParsePlainText(absl::string_view text, absl::string_view source_uri,
                    ParseDocumentResponse* response) {
  // Leftover line-break tags in text scraped from HTML.
  std::string unbroken =
      absl::StrReplaceAll(text, {{"<br />", "\n"}, {"<br/>", "\n"}, {"<br>", "\n"}});
  const std::vector<SourceLine> lines = SplitLines(unbroken);
  v1::Document* document = response->mutable_document();

  size_t body_start = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    const absl::string_view line = TrimLine(lines[i].text);
    if (line.empty() || BoilerplateReason(line).has_value()) continue;
    if (IsBodyStart(lines, i)) {
      body_start = i;
      break;
    }
  }

  Head head = HeadReader(lines, body_start, response).Read();
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
  ParseBody(body_lines, response);

  if (document->title().empty()) {
    AddWarning("no_title", "no title found in the head of the document", document);
  }
  ChooseDocType(head, document);
  ChoosePublished(head, source_uri, document);
}

}  // namespace docsearch::ingest

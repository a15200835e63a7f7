#include "ingest_service/parser/plain_text_parser.h"

#include <algorithm>
#include <cstddef>
#include <deque>
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
    // Titles are not bulleted: a bulleted sentence opens the body.
    if (marker->is_bullet && CountWords(content) >= 6) return true;
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

// What the head reader met, in order: blocks, and the lines it consumed.
struct HeadEvent {
  enum Kind { kBlock, kDate, kLabel, kOther };
  Kind kind;
  std::string label;  // For kLabel: the label as printed.
};

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
  std::vector<HeadEvent> events;
  std::deque<std::string> owned;  // Stable storage for text built from lines.
};

// Where a title line fused with the first body sentence should be cut, as
// scraping sometimes glues them: "... Bosnia and HerzegovinaFollowing
// consultations ..." (no space), or "... on Thursday, 8 December 2005 Meeting
// in Brussels on 8 December 2005, we, the ..." (titles end with their date).
std::optional<size_t> FusedTitleEnd(absl::string_view line) {
  if (line.size() < 200) return std::nullopt;
  for (size_t i = 20; i + 1 < line.size() && i < 250; ++i) {
    if (absl::ascii_islower(static_cast<unsigned char>(line[i])) &&
        absl::ascii_isupper(static_cast<unsigned char>(line[i + 1])) &&
        absl::ascii_islower(static_cast<unsigned char>(line[i - 1])) &&
        IsTitleCase(line.substr(0, i + 1))) {
      return i + 1;
    }
  }
  std::vector<FoundDate> dates = FindDates(line.substr(0, 250));
  if (dates.empty() || dates.front().end + 2 >= line.size()) return std::nullopt;
  const size_t end = dates.front().end;
  if (line[end] != ' ' || !absl::ascii_isupper(static_cast<unsigned char>(line[end + 1]))) {
    return std::nullopt;
  }
  return end;
}

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
    head_.events.push_back({HeadEvent::kBlock, ""});
    current_ = HeadBlock();
  }

  void Consumed(HeadEvent::Kind kind, std::string label = "") {
    CloseBlock();
    head_.events.push_back({kind, std::move(label)});
  }

  // A series name ("Press Release", "Communiqué de presse") is weak: a
  // printed type label ("Statement") or the title outranks it.
  void SetLabel(DocType type, absl::string_view printed, bool weak) {
    if (weak || type == v1::DOC_TYPE_PRESS_RELEASE) {
      if (!head_.weak_type.has_value()) {
        head_.weak_type = type == v1::DOC_TYPE_PRESS_RELEASE ? type : v1::DOC_TYPE_PRESS_RELEASE;
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

  bool HasTitleCandidate() const { return !head_.blocks.empty() || !current_.lines.empty(); }

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
      if (std::optional<LeadingLabel> label = DocTypeLabelPrefix(match->reference, true)) {
        SetLabel(label->type, absl::string_view(match->reference).substr(0, label->length),
                 /*weak=*/true);
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
    if (!line_used) {
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
        std::string two = absl::StrCat(text, " ", next);
        label = DocTypeFromLabelLine(two);
        if (label.has_value()) {
          label_end = last + 1;
          label_text = std::move(two);
        }
      }
    }
    if (label.has_value()) {
      SetLabel(*label, label_text, /*weak=*/false);
      const bool strong = *label != v1::DOC_TYPE_PRESS_RELEASE;
      const absl::string_view next = NextLine(label_end + 1);
      // "Chairman's summary" / "of the Meeting of ...": the label opens the title.
      if (strong && !HasTitleCandidate() && !next.empty() &&
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
      if (strong && head_.label_as_title.empty()) head_.label_as_title = CleanLabel(label_text);
      Consumed(strong ? HeadEvent::kLabel : HeadEvent::kOther, CleanLabel(label_text));
      return label_end;
    }
    // A label opening a line: "Statement Meeting of the NATO-Russia Council",
    // or "Press Release 8 Dec . 2005 |".
    if (std::optional<LeadingLabel> prefix = DocTypeLabelPrefix(text, /*any_rest=*/true)) {
      const absl::string_view rest = TrimLine(text.substr(prefix->length));
      if (std::optional<Date> date = ParseDateLine(rest)) {
        SetLabel(prefix->type, text.substr(0, prefix->length), /*weak=*/false);
        SetDate(*date, line);
        Consumed(HeadEvent::kDate);
        return last;
      }
      if (DocTypeLabelPrefix(text).has_value()) {
        SetLabel(prefix->type, text.substr(0, prefix->length), /*weak=*/false);
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

// "Madrid", "NATO HQ", "London, UK" just before a date line.
bool IsPlaceBlock(const HeadBlock& block) {
  if (block.lines.size() > 3 || block.opened_by_label) return false;
  for (absl::string_view line : block.lines) {
    if (CountWords(line) > 2 || line.size() > 30) return false;
    if (DocTypeFromTitle(line).has_value()) return false;
  }
  return true;
}

// "At the" / "Institute for": the words around a lost link.
bool IsFragmentBlock(const HeadBlock& block) {
  for (absl::string_view line : block.lines) {
    if (CountWords(line) > 3 || !EndsWithFunctionWord(line)) return false;
  }
  return true;
}

struct TitleChoice {
  std::string title;
  std::string subtitle;
};

// Picks title and subtitle among the head blocks; drops or keeps the rest.
// Preference: the block an "Issued by ..." subtitle follows; else the block
// right after a printed type label; else the first usable block; else the
// label itself ("Chairman's Summary").
TitleChoice ChooseTitle(const Head& head, std::vector<const HeadBlock*>* kept,
                        ParseDocumentResponse* response) {
  std::vector<size_t> event_of_block;
  for (size_t e = 0; e < head.events.size(); ++e) {
    if (head.events[e].kind == HeadEvent::kBlock) event_of_block.push_back(e);
  }
  const size_t count = head.blocks.size();
  auto event_after = [&](size_t b) -> const HeadEvent* {
    const size_t e = event_of_block[b] + 1;
    return e < head.events.size() ? &head.events[e] : nullptr;
  };
  auto label_before = [&](size_t b) -> const HeadEvent* {
    const size_t e = event_of_block[b];
    if (e == 0 || head.events[e - 1].kind != HeadEvent::kLabel) return nullptr;
    return &head.events[e - 1];
  };
  // Only blank lines between blocks b-1 and b.
  auto adjacent = [&](size_t b) {
    return b > 0 && b < count && event_of_block[b] == event_of_block[b - 1] + 1;
  };
  auto first_line = [&](size_t b) { return head.blocks[b].lines[0]; };

  std::vector<bool> usable(count, true);
  bool usable_seen = false;
  for (size_t b = 0; b < count; ++b) {
    const HeadBlock& block = head.blocks[b];
    const HeadEvent* after = event_after(b);
    absl::string_view reason;
    if (after != nullptr && after->kind == HeadEvent::kDate && IsPlaceBlock(block)) {
      reason = "place";
    } else if (IsFragmentBlock(block)) {
      reason = "fragment";
    } else if (block.lines.size() == 1 && IsByline(block.lines[0]) && !block.opened_by_label) {
      const bool label_opens_it = label_before(b) != nullptr && !usable_seen;
      const bool continued = adjacent(b + 1) && StartsLowercase(first_line(b + 1));
      if (!label_opens_it && !continued) reason = "byline";
    }
    if (!reason.empty()) {
      for (const SourceLine& line : block.sources) Drop(line, reason, response);
      usable[b] = false;
    } else {
      usable_seen = true;
    }
  }

  std::optional<size_t> title_index;
  for (size_t b = 0; b + 1 < count && !title_index.has_value(); ++b) {
    if (usable[b] && usable[b + 1] && adjacent(b + 1) && !StartsSubtitle(first_line(b)) &&
        StartsSubtitle(first_line(b + 1))) {
      title_index = b;
    }
  }
  for (size_t b = 0; b < count && !title_index.has_value(); ++b) {
    if (usable[b] && label_before(b) != nullptr && !IsByline(first_line(b)) &&
        !StartsLowercase(first_line(b))) {
      title_index = b;
    }
  }
  for (size_t b = 0; b < count && !title_index.has_value(); ++b) {
    if (usable[b] && !StartsSubtitle(first_line(b))) title_index = b;
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
  std::vector<absl::string_view> title_lines;
  const HeadEvent* label = label_before(*title_index);
  if (label != nullptr &&
      (IsByline(first_line(*title_index)) || StartsLowercase(first_line(*title_index)))) {
    title_lines.push_back(label->label);  // "Press statement" / "by NATO ..."
  }
  const std::vector<absl::string_view>& own = head.blocks[*title_index].lines;
  title_lines.insert(title_lines.end(), own.begin(), own.end());
  std::vector<absl::string_view> subtitle_lines;
  size_t b = *title_index + 1;
  while (b < count && usable[b] && adjacent(b)) {
    const absl::string_view next = first_line(b);
    const absl::string_view last_title_line = title_lines.back();
    const bool title_open =
        absl::EndsWith(last_title_line, ",") || EndsWithFunctionWord(last_title_line);
    if (subtitle_lines.empty() && !StartsSubtitle(next) &&
        (title_open || (IsByline(title_lines.front()) && StartsLowercase(next)))) {
      // "by the Secretary General of NATO, Dr. Javier Solana," / "on the ...".
      title_lines.insert(title_lines.end(), head.blocks[b].lines.begin(),
                         head.blocks[b].lines.end());
    } else if (subtitle_lines.empty() && (StartsSubtitle(next) || StartsLowercase(next))) {
      subtitle_lines = head.blocks[b].lines;
    } else if (subtitle_lines.empty() && title_lines.size() == 1 && IsTitleCase(next) &&
               !adjacent(b + 1)) {
      // "NATO-Ukraine Commission" / "Meeting at Foreign Ministers Level ...".
      title_lines.insert(title_lines.end(), head.blocks[b].lines.begin(),
                         head.blocks[b].lines.end());
    } else {
      break;
    }
    ++b;
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

void ChoosePublished(const Head& head, absl::string_view source_uri, v1::Document* document) {
  if (std::optional<Date> week = WeekStart(head)) {
    SetPublished(*week, document);
    AddWarning("published_from_week_header",
               "a weekly digest: published is the first day of the week in the Updated header",
               document);
    return;
  }
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
    AddWarning("doc_type_from_first_paragraph",
               "no type label in the head; the type label opens the first paragraph", document);
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
  std::vector<SourceLine> lines = SplitLines(unbroken);
  v1::Document* document = response->mutable_document();

  size_t body_start = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    const absl::string_view line = TrimLine(lines[i].text);
    if (line.empty() || BoilerplateReason(line).has_value()) continue;
    if (std::optional<size_t> cut = FusedTitleEnd(line)) {
      const SourceLine rest = {TrimLine(line.substr(*cut)), lines[i].number};
      lines[i].text = TrimLine(line.substr(0, *cut));
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(i) + 1, rest);
    }
    if (IsBodyStart(lines, i)) {
      body_start = i;
      break;
    }
  }

  HeadReader reader(lines, body_start, response);
  Head head = reader.Read();
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
    AddWarning("digest_without_title", "several dated news items: the document has no single title",
               document);
  }

  if (document->title().empty()) {
    AddWarning("no_title", "no title found in the head of the document", document);
  }
  ChooseDocType(head, is_digest, document);
  ChoosePublished(head, source_uri, document);
}

}  // namespace docsearch::ingest

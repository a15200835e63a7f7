#include "ingest_service/parser/head_reader.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/boilerplate.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/reference.h"
#include "ingest_service/parser/year_words.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::Date;
using docsearch::v1::DocType;
using docsearch::v1::ParseDocumentResponse;

// A reference or label may be printed one word per line in a narrow column.
constexpr size_t kNarrowLine = 25;
constexpr int kMaxNarrowLines = 6;

void Drop(const SourceLine& line, absl::string_view reason, ParseDocumentResponse* response) {
  DropLine(line, reason, response);
}

// A type label as printed, without furniture around it.
std::string CleanLabel(absl::string_view label) {
  label = TrimLine(label);
  // "Press |", "| Statement", "News story:" before its headline.
  while (absl::ConsumeSuffix(&label, "|") || absl::ConsumePrefix(&label, "|") ||
         absl::ConsumeSuffix(&label, ":")) {
    label = TrimLine(label);
  }
  return std::string(label);
}

class HeadReader {
 public:
  HeadReader(const std::vector<SourceLine>& lines, size_t end, ParseDocumentResponse* response,
             LineReadings* readings)
      : lines_(lines), end_(end), response_(response), readings_(readings) {}

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
      if (std::optional<LeadingLabel> label =
              DocTypeLabelPrefix(absl::StrCat(match->series, " ", match->reference), true)) {
        SetLabel(label->type, absl::string_view(match->series).substr(0, label->length),
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
      if (std::optional<absl::string_view> reason = FurnitureReason(text, readings_)) {
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
    // A date with its time of day and the word for year between
    // ("24 серпня 2023 року - 10:00"): the date line, all of it, rather than a
    // date opening a line whose rest ("року - 10:00") would be kept as text.
    if (std::optional<FoundDate> date = FindFirstDate(text);
        date.has_value() && date->begin == 0 && StartsWithYearWord(text.substr(date->end))) {
      if (std::optional<Date> with_time = ParseDateLineWithTime(text)) {
        if (line_used) {
          if (!head_.date_line.has_value()) head_.date_line = *with_time;
        } else {
          SetDate(*with_time, line);
        }
        Consumed(HeadEvent::kDate);
        return last;
      }
    }
    // A date opening a longer line: "28.06.04 Chairman's Statement Meeting ...".
    if (std::optional<FoundDate> date = FindFirstDate(text);
        date.has_value() && date->begin == 0 && date->end < text.size() && text[date->end] == ' ') {
      if (!head_.date_line.has_value()) head_.date_line = date->date;
      text = TrimLine(text.substr(date->end));
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
    if (!text.empty() && text.back() == '|' && CountWordsUpTo(text, 3) <= 3) {
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
  LineReadings* const readings_;  // May be null.
  Head head_;
  HeadBlock current_;
  bool in_sidebar_ = false;
};

// "Madrid", "NATO HQ", "London, UK" just before a date line.
}  // namespace

Head ReadHead(const std::vector<SourceLine>& lines, size_t end, ParseDocumentResponse* response,
              LineReadings* readings) {
  return HeadReader(lines, end, response, readings).Read();
}

namespace {

// "L'OTAN", "D'une", "Qu'il" at `at`: a capital that opens a French or
// Italian elided word, which no word continues into.
bool OpensElidedWord(absl::string_view line, size_t at) {
  size_t apostrophe = at + 1;
  if (line.substr(at, 2) == "Qu") {
    apostrophe = at + 2;
  } else if (absl::string_view("LDJNSCMT").find(line[at]) == absl::string_view::npos) {
    return false;
  }
  const absl::string_view rest = line.substr(std::min(apostrophe, line.size()));
  size_t letters_at = 0;
  if (absl::StartsWith(rest, "'")) {
    letters_at = 1;
  } else if (absl::StartsWith(rest, "\u2019")) {
    letters_at = 3;
  } else {
    return false;
  }
  // Two letters after the apostrophe: ASCII ones, or a character of two
  // bytes or more ("L'État", "L'élection"), taken as a letter.
  size_t k = letters_at;
  for (int letters = 0; letters < 2; ++letters) {
    if (k >= rest.size()) return false;
    const auto c = static_cast<unsigned char>(rest[k]);
    if (absl::ascii_isalpha(c)) {
      ++k;
    } else if (c >= 0xC0) {
      ++k;
      while (k < rest.size() && (static_cast<unsigned char>(rest[k]) & 0xC0) == 0x80) ++k;
    } else {
      return false;
    }
  }
  return true;
}

// Whether line[i] is the last byte of a lower-case Latin letter of two
// bytes: U+00DF-U+00FF but for ÷ (é, à, ç…), or any of Latin Extended-A
// (U+0100-U+017F, where the cases alternate). Not a quote or a dash.
bool EndsLowerCaseLatinLetter(absl::string_view line, size_t i) {
  if (i == 0) return false;
  const auto lead = static_cast<unsigned char>(line[i - 1]);
  const auto last = static_cast<unsigned char>(line[i]);
  if ((last & 0xC0) != 0x80) return false;
  if (lead == 0xC3) return last >= 0x9F && last != 0xB7;
  return lead == 0xC4 || lead == 0xC5;
}

// A headline of a few words with no sentence or clause break: French and
// Italian headlines are not in title case, so only their length and
// punctuation tell them from a sentence.
bool ReadsAsShortHeadline(absl::string_view text) {
  return CountWordsUpTo(text, 12) <= 12 && !absl::StrContains(text, ". ") &&
         !absl::StrContains(text, ", ") && !absl::StrContains(text, ": ");
}

}  // namespace

std::optional<size_t> FusedTitleEnd(absl::string_view line) {
  if (line.size() < 200) return std::nullopt;
  for (size_t i = 20; i + 1 < line.size() && i < 250; ++i) {
    const auto here = static_cast<unsigned char>(line[i]);
    if (!absl::ascii_isupper(static_cast<unsigned char>(line[i + 1]))) continue;
    if (absl::ascii_islower(here) && absl::ascii_islower(static_cast<unsigned char>(line[i - 1])) &&
        IsTitleCase(line.substr(0, i + 1))) {
      return i + 1;
    }
    // A lower-case letter run into an elided capital: "…Secrétaire
    // généralL'OTAN prévoyait…", "…arméesD'abord…".
    const bool lower_here = absl::ascii_islower(here) || EndsLowerCaseLatinLetter(line, i);
    if (lower_here && OpensElidedWord(line, i + 1) && ReadsAsShortHeadline(line.substr(0, i + 1))) {
      return i + 1;
    }
  }
  const std::optional<FoundDate> date = FindFirstDate(line.substr(0, 250));
  if (!date.has_value() || date->end + 2 >= line.size()) return std::nullopt;
  const size_t end = date->end;
  if (line[end] != ' ' || !absl::ascii_isupper(static_cast<unsigned char>(line[end + 1]))) {
    return std::nullopt;
  }
  return end;
}

}  // namespace docsearch::ingest

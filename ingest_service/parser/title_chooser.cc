#include "ingest_service/parser/title_chooser.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/line_shape.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::ParseDocumentResponse;

void Drop(const SourceLine& line, absl::string_view reason, ParseDocumentResponse* response) {
  DropLine(line, reason, response);
}

}  // namespace

bool EndsWithBrokenWord(absl::string_view text) {
  return text.size() >= 2 && text.back() == '-' &&
         absl::ascii_isalpha(static_cast<unsigned char>(text[text.size() - 2]));
}

std::string JoinTitleLines(const std::vector<absl::string_view>& parts) {
  std::string title;
  for (absl::string_view part : parts) {
    part = TrimLine(part);
    if (part.empty()) continue;
    if (EndsWithBrokenWord(title)) {
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

namespace {

bool IsPlaceBlock(const HeadBlock& block) {
  if (block.lines.size() > 3 || block.opened_by_label) return false;
  for (absl::string_view line : block.lines) {
    if (CountWordsUpTo(line, 2) > 2 || line.size() > 30) return false;
    if (DocTypeFromTitle(line).has_value()) return false;
  }
  return true;
}

// "At the" / "Institute for": the words around a lost link.
bool IsFragmentBlock(const HeadBlock& block) {
  for (absl::string_view line : block.lines) {
    if (CountWordsUpTo(line, 3) > 3 || !EndsWithFunctionWord(line)) return false;
  }
  return true;
}

}  // namespace

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

}  // namespace docsearch::ingest

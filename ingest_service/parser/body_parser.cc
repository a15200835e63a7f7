#include "ingest_service/parser/body_parser.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "ingest_service/parser/boilerplate.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::Paragraph;

// Lines longer than this were not hard-wrapped by the archive.
constexpr size_t kMaxWrappedLineLength = 100;

struct Block {
  std::vector<SourceLine> lines;
};

// Appends `next` to a paragraph's text, undoing end-of-line hyphenation.
void AppendWrapped(std::string* text, absl::string_view next) {
  if (text->empty()) {
    text->append(next.data(), next.size());
    return;
  }
  const bool hyphenated =
      text->size() >= 2 && text->back() == '-' &&
      absl::ascii_isalpha(static_cast<unsigned char>((*text)[text->size() - 2]));
  if (hyphenated) {
    // "co-\noperation" -> "cooperation"; "Euro-\nAtlantic" keeps its hyphen.
    if (StartsLowercase(next)) text->pop_back();
    text->append(next.data(), next.size());
    return;
  }
  text->push_back(' ');
  text->append(next.data(), next.size());
}

bool IsReadMoreLine(absl::string_view line) {
  const std::string folded = FoldForMatching(TrimLine(line));
  return absl::StartsWith(folded, "read it all") || absl::StartsWith(folded, "read more http") ||
         absl::StartsWith(folded, "lire la suite");
}

bool IsFurnitureHeading(std::optional<absl::string_view> reason, absl::string_view line) {
  if (!reason.has_value() || *reason != "navigation") return false;
  const std::string folded = FoldAccents(TrimLine(line));
  return absl::StrContains(folded, "information") || absl::StrContains(folded, "links");
}

bool IsPhotoCaption(absl::string_view line) {
  const std::string folded = FoldForMatching(line);
  return folded.size() < 160 &&
         (absl::EndsWith(folded, "photo)") || absl::EndsWith(folded, "photo)."));
}

void ParseBlock(const Block& block, docsearch::v1::Document* document) {
  size_t width = 0;
  for (const SourceLine& line : block.lines) width = std::max(width, TrimLine(line.text).size());
  const bool wrapped = block.lines.size() >= 2 && width <= kMaxWrappedLineLength;

  Paragraph* current = nullptr;
  bool previous_ended = true;
  // A block that starts mid-sentence ("have shaped a new Alliance ...") after
  // a page break or a dropped line continues the previous paragraph.
  if (document->paragraphs_size() > 0 && !block.lines.empty() &&
      StartsLowercase(TrimLine(block.lines.front().text)) &&
      !FindParagraphMarker(block.lines.front().text).has_value() &&
      !EndsSentence(document->paragraphs(document->paragraphs_size() - 1).text())) {
    current = document->mutable_paragraphs(document->paragraphs_size() - 1);
    previous_ended = false;
  }
  for (const SourceLine& line : block.lines) {
    const absl::string_view text = TrimLine(line.text);
    const std::optional<ParagraphMarker> marker = FindParagraphMarker(line.text);
    absl::string_view content = text;
    bool starts_new = current == nullptr || previous_ended;
    if (marker.has_value()) {
      starts_new = true;
      content = TrimLine(line.text.substr(marker->text_begin));
    } else if (!wrapped) {
      // Unwrapped text: a line is a paragraph unless it visibly continues.
      starts_new = current == nullptr || !StartsLowercase(text);
    }
    if (starts_new) {
      current = document->add_paragraphs();
      if (marker.has_value()) current->set_number(marker->number);
      current->set_text(std::string(content));
    } else {
      // In place: a copy per line made a paragraph of many short lines
      // quadratic.
      AppendWrapped(current->mutable_text(), content);
    }
    // In wrapped text a paragraph ends at a sentence end on a short line.
    previous_ended = wrapped && EndsSentence(text) && text.size() * 10 < width * 8;
  }
}

// Moves trailing numbered paragraphs that restart at 1 into footnotes when
// the earlier text cites their markers.
void SplitFootnotes(docsearch::v1::Document* document) {
  auto* paragraphs = document->mutable_paragraphs();
  const int count = paragraphs->size();
  int first_note = -1;
  for (int i = count - 1; i >= 1; --i) {
    const Paragraph& paragraph = paragraphs->Get(i);
    if (paragraph.number().empty()) break;
    if (paragraph.number() == "1") {
      first_note = i;
      break;
    }
  }
  if (first_note < 0) return;
  // The numbering must restart: the paragraph before is numbered higher, or
  // the body was not numbered at all.
  const Paragraph& before = paragraphs->Get(first_note - 1);
  int previous_number = 0;
  if (!before.number().empty() &&
      !(absl::SimpleAtoi(before.number(), &previous_number) && previous_number >= 1)) {
    return;
  }
  std::string cited;
  for (int i = 0; i < first_note; ++i) absl::StrAppend(&cited, paragraphs->Get(i).text(), " ");
  for (int i = first_note; i < count; ++i) {
    const std::string& marker = paragraphs->Get(i).number();
    if (!absl::StrContains(cited, absl::StrCat("(", marker, ")")) &&
        !absl::StrContains(cited, absl::StrCat("[", marker, "]"))) {
      return;
    }
  }
  for (int i = first_note; i < count; ++i) {
    docsearch::v1::Footnote* note = document->add_footnotes();
    note->set_marker(paragraphs->Get(i).number());
    note->set_text(paragraphs->Get(i).text());
  }
  paragraphs->DeleteSubrange(first_note, count - first_note);
}

}  // namespace

void DropLine(const SourceLine& line, absl::string_view reason,
              docsearch::v1::ParseDocumentResponse* response) {
  if (response->dropped_lines_size() >= kMaxListedLines) {
    response->set_dropped_lines_not_listed(response->dropped_lines_not_listed() + 1);
    return;
  }
  docsearch::v1::DroppedLine* dropped = response->add_dropped_lines();
  dropped->set_line_number(line.number);
  dropped->set_text(std::string(line.text));
  dropped->set_reason(std::string(reason));
}

void ParseBody(const std::vector<SourceLine>& lines, docsearch::v1::ParseDocumentResponse* response,
               LineReadings* readings) {
  docsearch::v1::Document* document = response->mutable_document();
  Block block;
  auto flush = [&] {
    if (!block.lines.empty()) ParseBlock(block, document);
    block.lines.clear();
  };
  bool after_end = false;
  bool in_link_list = false;
  for (const SourceLine& line : lines) {
    const absl::string_view text = TrimLine(line.text);
    if (text.empty()) {
      flush();
      in_link_list = false;
      continue;
    }
    if (after_end) {
      DropLine(line, "site", response);
      continue;
    }
    const std::optional<absl::string_view> reason = FurnitureReason(text, readings);
    if (reason.has_value()) {
      flush();
      DropLine(line, *reason, response);
      if (IsReadMoreLine(text)) after_end = true;
      // "Additional information:" heads a list of links to other pages.
      in_link_list = IsFurnitureHeading(reason, text);
      continue;
    }
    if (in_link_list && (FindParagraphMarker(line.text).has_value() || text.size() < 80)) {
      DropLine(line, "navigation", response);
      continue;
    }
    in_link_list = false;
    if (IsPhotoCaption(text)) {
      flush();
      DropLine(line, "caption", response);
      continue;
    }
    if (IsDatedListLine(text)) {
      flush();
      DropLine(line, "sidebar", response);
      continue;
    }
    block.lines.push_back(line);
  }
  flush();
  SplitFootnotes(document);
}

}  // namespace docsearch::ingest

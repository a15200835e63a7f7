#include "ingest_service/parser/line_accounting.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/substring_search.h"

namespace docsearch::ingest {

using docsearch::v1::ParseDocumentResponse;

namespace {

// The letters and digits of a text, ASCII ones lower-cased, so that a line
// is found in the text it was joined into whatever the spaces and
// punctuation became. Other bytes are kept (letters in UTF-8), except two
// ranges of punctuation and symbols: U+0080-U+00BF (no-break space, « »,
// °, which line trimming may take off a line's ends) and U+2000-U+2BFF
// (dashes, quotes, bullets, arrows). (No Unicode folding: the parser keeps
// the case of what it keeps, and a fold of every document's text would
// cost more than the rest of this check.) Input is valid UTF-8.
void AppendLettersAndDigits(absl::string_view text, std::string* out) {
  // Written into room made for the whole text, then cut to size: no
  // capacity check per byte.
  const size_t start = out->size();
  out->resize(start + text.size());
  char* const begin = out->data() + start;
  char* next = begin;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (absl::ascii_isalnum(c)) *next++ = absl::ascii_tolower(c);
    } else if (c == 0xC2 && i + 1 < text.size()) {
      i += 1;
    } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xB0) {
      i += 2;
    } else {
      *next++ = text[i];
    }
  }
  out->resize(start + static_cast<size_t>(next - begin));
}

// Finds the lines of a document's head in its kept text. Lines are mostly
// kept in their order, so each search starts where the last one ended, and
// goes back to the start only for a line not found there. The search is
// linear (Knuth-Morris-Pratt) and the pieces searched are bounded, so a
// hostile line (20,000 repeated letters) costs no more than a few passes
// over the kept text.
class KeptTextFinder {
 public:
  explicit KeptTextFinder(std::string kept) : kept_(std::move(kept)) {}

  // Whether the line's letters and digits are in the kept text, its opening
  // digits aside (a paragraph number is not kept in the paragraph's text):
  // whole, or from 24 of them on also its first or last two thirds (at
  // most 256 bytes each; only those past 384), as when a type label or a
  // date opening it went to another field, or a headline fused with the
  // first sentence was cut between the title and the body. A line with no
  // letter (a page number, a rule) is not looked for.
  bool Holds(absl::string_view line) {
    constexpr size_t kPartialFrom = 24;
    constexpr size_t kWholeUpTo = 384;
    constexpr size_t kMaxPart = 256;
    // Of a long line only the bytes its two parts can come from are read.
    constexpr size_t kEndBytes = 1024;
    key_.clear();
    tail_.clear();
    absl::string_view tail;
    if (line.size() > 2 * kEndBytes) {
      AppendLettersAndDigits(line.substr(0, kEndBytes), &key_);
      AppendLettersAndDigits(line.substr(line.size() - kEndBytes), &tail_);
      tail = tail_;
    } else {
      AppendLettersAndDigits(line, &key_);
    }
    absl::string_view key = key_;
    const size_t first_letter = key.find_first_not_of("0123456789");
    if (first_letter != absl::string_view::npos) {
      key.remove_prefix(first_letter);
    } else if (tail.empty()) {
      return true;
    } else {
      key = tail;  // A long line opening with no letter.
    }
    if (tail.empty()) {
      if (key.size() <= kWholeUpTo && Find(key)) return true;
      if (key.size() < kPartialFrom) return false;
      tail = key;
    }
    const size_t part = std::min(std::min(key.size(), tail.size()) * 2 / 3, kMaxPart);
    return Find(key.substr(0, part)) || Find(tail.substr(tail.size() - part));
  }

 private:
  // One pass over the kept text at most: from the cursor to the end, then
  // from the start to the cursor (and the piece's length past it).
  bool Find(absl::string_view piece) {
    size_t at = FindIn(piece, cursor_, kept_.size());
    if (at == absl::string_view::npos && cursor_ > 0) {
      at = FindIn(piece, 0, std::min(kept_.size(), cursor_ + piece.size()));
    }
    if (at == absl::string_view::npos) return false;
    cursor_ = at + piece.size();
    return true;
  }

  // Where `piece` first occurs in kept_[from, to), in time linear in both.
  size_t FindIn(absl::string_view piece, size_t from, size_t to) {
    const size_t at =
        FindLinear(absl::string_view(kept_).substr(from, to - from), piece, &failure_);
    return at == absl::string_view::npos ? at : from + at;
  }

  const std::string kept_;
  size_t cursor_ = 0;
  std::string key_;
  std::string tail_;
  std::vector<size_t> failure_;
};

// The line numbers of the response's dropped lines.
absl::flat_hash_set<int> DroppedLineNumbers(const ParseDocumentResponse& response) {
  absl::flat_hash_set<int> numbers;
  for (const v1::DroppedLine& line : response.dropped_lines()) numbers.insert(line.line_number());
  return numbers;
}

}  // namespace

// A line two head readers both dropped (a reference line read as a place
// too) is listed once, with the first reason.
void RemoveDuplicateDroppedLines(ParseDocumentResponse* response) {
  absl::flat_hash_set<int> seen;
  auto* dropped = response->mutable_dropped_lines();
  int kept = 0;
  for (int i = 0; i < dropped->size(); ++i) {
    if (!seen.insert(dropped->Get(i).line_number()).second) continue;
    if (kept != i) dropped->SwapElements(kept, i);
    ++kept;
  }
  dropped->DeleteSubrange(kept, dropped->size() - kept);
}

// A line the head readers consumed without keeping (a byline, a place, a
// date line with its place, a release note under the headline) is listed
// as dropped, never lost without a word.
void ReportUnkeptHeadLines(const std::vector<SourceLine>& lines,
                           const std::vector<LineFeatures>& features,
                           const std::vector<LineRole>& roles, ParseDocumentResponse* response) {
  const v1::Document& document = response->document();
  // The fields run together, in the order a head line's parts are taken
  // (a label line's label is the printed type, its rest the first
  // paragraph: "STATEMENT" and "BY THE PRESIDENT").
  std::string kept;
  kept.reserve(4096);
  for (const std::string* field :
       {&document.title(), &document.subtitle(), &document.reference(), &document.doc_type_raw()}) {
    AppendLettersAndDigits(*field, &kept);
  }
  // The head lines kept as text open the paragraphs: only as much of them
  // is read as the head lines could fill, twice over, and at most 1 MiB, so
  // that a line found nowhere costs a bounded pass.
  constexpr size_t kLineBudget = 4096;
  constexpr size_t kMaxBudget = size_t{1} << 20;
  // The head ends at the first line read as body; a few lines past it are
  // read too (a release note or a byline under the headline may be taken
  // for body). The body below is ParseBody's, which lists what it drops.
  constexpr size_t kLinesPastTheHead = 8;
  size_t end = 0;
  while (end < features.size() && roles[end] != LineRole::kBody) ++end;
  end = std::min(features.size(), end + kLinesPastTheHead);
  size_t budget = 4096;
  for (size_t k = 0; k < end; ++k) {
    budget += 2 * std::min(lines[features[k].line_index].text.size(), kLineBudget);
  }
  const size_t limit = kept.size() + std::min(budget, kMaxBudget);
  for (const v1::Paragraph& paragraph : document.paragraphs()) {
    if (kept.size() >= limit) break;
    AppendLettersAndDigits(paragraph.text(), &kept);
  }
  // A footnote's text may stand among the head lines ("1. Turkey
  // recognises …" under a headline's marker), within the same bound.
  const size_t footnote_limit = kept.size() + kMaxBudget;
  for (const v1::Footnote& note : document.footnotes()) {
    if (kept.size() >= footnote_limit) break;
    AppendLettersAndDigits(note.text(), &kept);
  }
  KeptTextFinder finder(std::move(kept));
  const absl::flat_hash_set<int> dropped = DroppedLineNumbers(*response);
  for (size_t k = 0; k < end; ++k) {
    const SourceLine& line = lines[features[k].line_index];
    if (dropped.contains(line.number) || finder.Holds(line.text)) continue;
    DropLine(line, roles[k] == LineRole::kDate ? "date_line" : "head", response);
  }
}

}  // namespace docsearch::ingest

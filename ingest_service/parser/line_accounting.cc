#include "ingest_service/parser/line_accounting.h"

#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "ingest_service/parser/body_parser.h"

namespace docsearch::ingest {

using docsearch::v1::ParseDocumentResponse;

namespace {

// The letters and digits of a text, ASCII ones lower-cased, so that a line
// is found in the text it was joined into whatever the spaces and
// punctuation became. Other bytes are kept (letters in UTF-8), except the
// three-byte sequences of U+2000-U+2FFF: punctuation and symbols such as
// bullets. (No Unicode folding: the parser keeps the case of what it
// keeps, and a fold of every document's text would cost more than the
// rest of this check.)
void AppendLettersAndDigits(absl::string_view text, std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xE2) {
      i += 2;
    } else if (c >= 0x80) {
      out->push_back(text[i]);
    } else if (absl::ascii_isalnum(c)) {
      out->push_back(absl::ascii_tolower(c));
    }
  }
}

// Finds the lines of a document's head in its kept text. Lines are mostly
// kept in their order, so each search starts where the last one ended, and
// goes back to the start only for a line not found there.
class KeptTextFinder {
 public:
  explicit KeptTextFinder(std::string kept) : kept_(std::move(kept)) {}

  // Whether the line's letters and digits are in the kept text: whole (its
  // opening digits aside: a paragraph number is not kept in the paragraph's
  // text), or for a long line its first or last two thirds, as when a type
  // label or a date opening it went to another field, or a headline fused
  // with the first sentence was cut between the title and the body. A line
  // with no letter (a page number, a rule) is not looked for.
  bool Holds(absl::string_view line) {
    constexpr size_t kPartialFrom = 24;
    key_.clear();
    AppendLettersAndDigits(line, &key_);
    const absl::string_view key = key_;
    const size_t first_letter = key.find_first_not_of("0123456789");
    if (first_letter == absl::string_view::npos) return true;
    if (Find(key.substr(first_letter))) return true;
    if (key.size() < kPartialFrom) return false;
    const size_t part = key.size() * 2 / 3;
    return Find(key.substr(0, part)) || Find(key.substr(key.size() - part));
  }

 private:
  bool Find(absl::string_view key) {
    size_t at = absl::string_view(kept_).find(key, cursor_);
    if (at == absl::string_view::npos && cursor_ > 0) at = absl::string_view(kept_).find(key);
    if (at == absl::string_view::npos) return false;
    cursor_ = at + key.size();
    return true;
  }

  const std::string kept_;
  size_t cursor_ = 0;
  std::string key_;
};

}  // namespace

absl::flat_hash_set<int> DroppedLineNumbers(const ParseDocumentResponse& response) {
  absl::flat_hash_set<int> numbers;
  for (const v1::DroppedLine& line : response.dropped_lines()) numbers.insert(line.line_number());
  return numbers;
}

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
  for (const std::string* field :
       {&document.title(), &document.subtitle(), &document.reference(), &document.doc_type_raw()}) {
    AppendLettersAndDigits(*field, &kept);
  }
  for (const v1::Paragraph& paragraph : document.paragraphs()) {
    AppendLettersAndDigits(paragraph.text(), &kept);
  }
  for (const v1::Footnote& note : document.footnotes()) AppendLettersAndDigits(note.text(), &kept);
  KeptTextFinder finder(std::move(kept));
  const absl::flat_hash_set<int> dropped = DroppedLineNumbers(*response);
  for (size_t k = 0; k < features.size(); ++k) {
    const SourceLine& line = lines[features[k].line_index];
    if (dropped.contains(line.number) || finder.Holds(line.text)) continue;
    DropLine(line, roles[k] == LineRole::kDate ? "date_line" : "head", response);
  }
}

}  // namespace docsearch::ingest

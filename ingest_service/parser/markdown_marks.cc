#include "ingest_service/parser/markdown_marks.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace docsearch::ingest {
namespace {

// A heading: one to six hashes, a space, the text, optionally closed by
// hashes after a space.
absl::string_view HeadingText(absl::string_view line) {
  const absl::string_view indented = absl::StripLeadingAsciiWhitespace(line);
  size_t hashes = 0;
  while (hashes < indented.size() && indented[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6 || hashes == indented.size() || indented[hashes] != ' ') {
    return line;
  }
  absl::string_view text = absl::StripAsciiWhitespace(indented.substr(hashes));
  const size_t closing = text.find_last_not_of('#');
  if (closing != absl::string_view::npos && closing + 1 < text.size() && text[closing] == ' ') {
    text = absl::StripTrailingAsciiWhitespace(text.substr(0, closing));
  }
  // "# # #", the end mark of a press release, is no heading.
  if (std::none_of(text.begin(), text.end(),
                   [](char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); })) {
    return line;
  }
  return text;
}

// The text between "**" or "__" opening and closing the whole line, with
// no such mark left inside it ("**a** and **b**" is two bold phrases).
absl::string_view EmphasisText(absl::string_view line) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(line);
  for (absl::string_view mark : {"**", "__"}) {
    if (trimmed.size() <= 2 * mark.size() || !absl::StartsWith(trimmed, mark) ||
        !absl::EndsWith(trimmed, mark)) {
      continue;
    }
    const absl::string_view inner = trimmed.substr(mark.size(), trimmed.size() - 2 * mark.size());
    if (absl::StrContains(inner, mark) ||
        absl::ascii_isspace(static_cast<unsigned char>(inner.front())) ||
        absl::ascii_isspace(static_cast<unsigned char>(inner.back()))) {
      continue;
    }
    return inner;
  }
  return line;
}

bool MayHoldMarks(absl::string_view text) {
  return absl::StrContains(text, "# ") || absl::StrContains(text, "**") ||
         absl::StrContains(text, "__");
}

}  // namespace

std::string WithoutMarkdownMarks(std::string text) {
  if (!MayHoldMarks(text)) return text;
  std::string out;
  out.reserve(text.size());
  bool first = true;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (!first) out.push_back('\n');
    first = false;
    absl::string_view kept = HeadingText(line);
    if (kept.data() == line.data() && kept.size() == line.size()) kept = EmphasisText(line);
    out.append(kept.data(), kept.size());
  }
  return out;
}

}  // namespace docsearch::ingest

#include "ingest_service/parser/message_headers.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/title_hints.h"

namespace docsearch::ingest {
namespace {

// Fewest fields that make a block of headers.
constexpr int kMinFields = 3;
// An e-mail's headers open the text: the block starts within these lines.
constexpr size_t kEmailHeaderLines = 12;
// Lines right under the headers, and at the end, where a mail system's
// notices stand.
constexpr size_t kNoticeLines = 6;
// Lines from the top within which a database's fields stand.
constexpr size_t kExportHeadLines = 40;
// Lines from the end within which a database's closing fields stand.
constexpr size_t kExportTailLines = 10;
// Lines below the Subject field where the headline may be printed again.
constexpr size_t kHeadlineSearchLines = 25;

// Fields of a message as mail programs print them when a message is saved
// or forwarded.
constexpr absl::string_view kEmailFields[] = {
    "From", "Sent", "Date", "To", "Cc", "Bcc", "Subject", "Importance", "Reply-To", "Attachments",
};

// Fields of a news database's export, in capitals.
constexpr absl::string_view kExportFields[] = {
    "HEADLINE",      "BYLINE",   "SECTION",          "LENGTH",       "BODY",
    "LOAD-DATE",     "LANGUAGE", "PUBLICATION-TYPE", "JOURNAL-CODE", "GRAPHIC",
    "DOCUMENT-TYPE", "DATELINE", "HIGHLIGHT",        "DISTRIBUTION", "ACC-NO",
};

struct Field {
  absl::string_view name;
  absl::string_view value;
};

// The field a line prints ("Subject: …"), if its name is one of `names`.
template <size_t N>
std::optional<Field> ReadField(absl::string_view line, const absl::string_view (&names)[N]) {
  line = absl::StripAsciiWhitespace(line);
  const size_t colon = line.find(':');
  if (colon == absl::string_view::npos) return std::nullopt;
  const absl::string_view name = line.substr(0, colon);
  for (absl::string_view known : names) {
    if (name == known) return Field{known, absl::StripAsciiWhitespace(line.substr(colon + 1))};
  }
  return std::nullopt;
}

// "Page 1", "12 of 47 DOCUMENTS": a database's counters.
bool IsExportCounter(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  if (absl::ConsumePrefix(&line, "Page ")) {
    return !line.empty() && std::all_of(line.begin(), line.end(), [](char c) {
      return absl::ascii_isdigit(static_cast<unsigned char>(c));
    });
  }
  const std::vector<absl::string_view> words = absl::StrSplit(line, ' ', absl::SkipEmpty());
  return words.size() == 4 && words[1] == "of" && words[3] == "DOCUMENTS";
}

// Whether most content words of `subject` come back in one line of
// `lines` [from, from + kHeadlineSearchLines) that reads as a headline.
bool PrintedAgainBelow(absl::string_view subject, const std::vector<std::string>& lines,
                       size_t from) {
  const std::vector<std::string> words = ContentWords(subject);
  if (words.empty()) return false;
  for (size_t i = from; i < lines.size() && i < from + kHeadlineSearchLines; ++i) {
    // A headline, not a sentence that speaks of the same.
    const absl::string_view line = absl::StripTrailingAsciiWhitespace(lines[i]);
    if (absl::EndsWith(line, ".")) continue;
    const std::vector<std::string> below = ContentWords(line);
    if (below.size() > 2 * words.size() + 2) continue;
    const absl::flat_hash_set<std::string> present(below.begin(), below.end());
    size_t back = 0;
    for (const std::string& word : words) back += present.contains(word) ? 1 : 0;
    if (2 * back > words.size()) return true;
  }
  return false;
}

void Remove(size_t i, std::vector<std::string>* lines, TextWithoutHeaders* result) {
  result->removed.push_back({static_cast<int>(i) + 1, std::move((*lines)[i])});
  (*lines)[i].clear();
}

// A mail system's notice on a message: the warning that it came from
// outside ("CAUTION: This email originated from outside of the
// organisation …") and the confidentiality notice ("This email and any
// files transmitted with it are confidential …").
bool IsMailNotice(absl::string_view line) {
  const std::string folded = absl::AsciiStrToLower(absl::StripAsciiWhitespace(line));
  // The notice speaks of the message it is printed on.
  if (!absl::StrContains(folded, "this email") && !absl::StrContains(folded, "this e-mail") &&
      !absl::StrContains(folded, "this message")) {
    return false;
  }
  for (absl::string_view sign :
       {"originated from outside", "from an external", "external sender", "are confidential",
        "is confidential", "intended solely for", "intended only for",
        "received this email in error", "received this e-mail in error",
        "received this message in error"}) {
    if (absl::StrContains(folded, sign)) return true;
  }
  return false;
}

// Blanks the e-mail header block opening `lines`, if there is one, and the
// mail system's notices.
bool ReadEmailHeaders(std::vector<std::string>* lines, TextWithoutHeaders* result) {
  size_t begin = 0;
  while (begin < lines->size() && begin < kEmailHeaderLines &&
         !ReadField((*lines)[begin], kEmailFields).has_value()) {
    ++begin;
  }
  if (begin >= kEmailHeaderLines) return false;
  size_t end = begin;
  bool from = false;
  // A mailbox's message: sent at a time, or between addresses. A memo's
  // own To / From / Date / Subject lines are the document's.
  bool mailed = false;
  std::string sent;
  std::optional<size_t> subject;
  int fields = 0;
  while (end < lines->size()) {
    std::optional<Field> field = ReadField((*lines)[end], kEmailFields);
    if (!field.has_value()) break;
    ++fields;
    from |= field->name == "From";
    mailed |= field->name == "Sent" || absl::StrContains(field->value, "@");
    if (field->name == "Sent" || field->name == "Date") sent = std::string(field->value);
    if (field->name == "Subject") subject = end;
    ++end;
  }
  if (fields < kMinFields || !from || !mailed || !subject.has_value()) return false;
  result->sent = std::move(sent);
  const std::string value(ReadField((*lines)[*subject], kEmailFields)->value);
  const bool printed_again = PrintedAgainBelow(value, *lines, end);
  for (size_t i = begin; i < end; ++i) Remove(i, lines, result);
  if (!printed_again) (*lines)[*subject] = value;
  // The mail system's notices stand right under the headers or at the end.
  for (size_t i = end; i < lines->size(); ++i) {
    const bool near = i < end + kNoticeLines || i + kNoticeLines >= lines->size();
    if (near && IsMailNotice((*lines)[i])) Remove(i, lines, result);
  }
  return true;
}

// A line of prose: eight words or more, ending as a sentence or a clause
// does.
bool IsSentence(absl::string_view line) {
  constexpr size_t kSentenceWords = 8;
  line = absl::StripAsciiWhitespace(line);
  if (line.empty() || absl::string_view(".:;!?").find(line.back()) == absl::string_view::npos) {
    return false;
  }
  // A database's copyright line above its fields is none.
  if (absl::StartsWithIgnoreCase(line, "copyright") || absl::StartsWith(line, "\xC2\xA9")) {
    return false;
  }
  const std::vector<absl::string_view> words = absl::StrSplit(line, ' ', absl::SkipEmpty());
  return words.size() >= kSentenceWords;
}

// Reads a news database's fields, if the text has enough of them above its
// first sentence.
bool ReadExportFields(std::vector<std::string>* lines, TextWithoutHeaders* result) {
  // The fields head the export, above its first sentence (a text quoting
  // such fields is not one); its closing fields (LOAD-DATE, LANGUAGE) end
  // it.
  // The head runs to the BODY field or to the first sentence, whichever
  // comes first.
  size_t head = 0;
  while (head < lines->size() && head < kExportHeadLines && !IsSentence((*lines)[head])) {
    std::optional<Field> field = ReadField((*lines)[head], kExportFields);
    ++head;
    if (field.has_value() && field->name == "BODY") break;
  }
  absl::flat_hash_set<absl::string_view> names;
  for (size_t i = 0; i < head; ++i) {
    if (std::optional<Field> field = ReadField((*lines)[i], kExportFields)) {
      names.insert(field->name);
    }
  }
  if (names.size() < kMinFields || (!names.contains("HEADLINE") && !names.contains("BODY"))) {
    return false;
  }
  for (size_t i = 0; i < lines->size(); ++i) {
    if (i >= head && i + kExportTailLines < lines->size()) continue;
    std::string& line = (*lines)[i];
    if (i < kEmailHeaderLines && IsExportCounter(line)) {
      Remove(i, lines, result);
      continue;
    }
    std::optional<Field> field = ReadField(line, kExportFields);
    if (!field.has_value()) continue;
    // The headline, and the section that names the kind of text ("MEDIA
    // RELEASE"), read as a page prints them; the rest is the database's.
    if ((field->name == "HEADLINE" || field->name == "SECTION") && !field->value.empty()) {
      line = std::string(field->value);
      continue;
    }
    Remove(i, lines, result);
  }
  return true;
}

}  // namespace

TextWithoutHeaders WithoutMessageHeaders(std::string text) {
  TextWithoutHeaders result;
  // Most texts hold neither kind of field: a cheap look first.
  if (!absl::StrContains(text, "Subject:") && !absl::StrContains(text, "HEADLINE:") &&
      !absl::StrContains(text, "BODY:")) {
    result.text = std::move(text);
    return result;
  }
  std::vector<std::string> lines = absl::StrSplit(text, '\n');
  const bool email = ReadEmailHeaders(&lines, &result);
  const bool export_fields = ReadExportFields(&lines, &result);
  if (!email && !export_fields) {
    result.text = std::move(text);
    return result;
  }
  result.text = absl::StrJoin(lines, "\n");
  return result;
}

}  // namespace docsearch::ingest

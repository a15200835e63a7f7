#include "cli/document_printer.h"

#include <algorithm>
#include <map>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "cli/terminal_text.h"

namespace docsearch::cli {
namespace {

using docsearch::v1::Document;

// Labels of the metadata block are padded to this width so values line up.
constexpr int kLabelWidth = 12;
constexpr int kMaxComfortableWidth = 100;
constexpr int kNonTerminalWidth = 80;
constexpr absl::string_view kNone = "(none)";
// A paragraph is shortened only if this many lines or more would be hidden.
constexpr int kMinHiddenLines = 3;

std::string LowerEnumName(absl::string_view name, absl::string_view prefix) {
  std::string lower = absl::AsciiStrToLower(name);
  return std::string(absl::StripPrefix(lower, prefix));
}

// Appends "label  value", wrapping a long value with a hanging indent.
void AppendField(std::string& out, absl::string_view label, absl::string_view value, int width) {
  const std::string indent(kLabelWidth + 2, ' ');
  std::vector<std::string> lines = WrapText(value, width - static_cast<int>(indent.size()));
  if (lines.empty()) lines.push_back("");
  absl::StrAppend(&out, absl::StrFormat("%-*s  ", kLabelWidth, label), lines[0], "\n");
  for (size_t i = 1; i < lines.size(); ++i) absl::StrAppend(&out, indent, lines[i], "\n");
}

void AppendFieldIfSet(std::string& out, absl::string_view label, absl::string_view value,
                      int width) {
  if (!value.empty()) AppendField(out, label, value, width);
}

void AppendSectionTitle(std::string& out, absl::string_view title, int count) {
  absl::StrAppend(&out, "\n", title, " (", count, ")\n");
}

std::string FormatTimestamp(const google::protobuf::Timestamp& timestamp) {
  if (timestamp.seconds() == 0 && timestamp.nanos() == 0) return "";
  const absl::Time time = absl::FromUnixSeconds(timestamp.seconds());
  return absl::FormatTime("%Y-%m-%d %H:%M:%S UTC", time, absl::UTCTimeZone());
}

std::string DescribeType(const Document& document) {
  std::string type = document.doc_type() == docsearch::v1::DOC_TYPE_UNSPECIFIED
                         ? std::string(kNone)
                         : DocTypeKeyword(document.doc_type());
  if (!document.doc_type_raw().empty()) {
    absl::StrAppend(&type, " (label \"", document.doc_type_raw(), "\")");
  }
  return type;
}

std::string DescribeAttribute(const docsearch::v1::AttributeValue& value) {
  switch (value.value_case()) {
    case docsearch::v1::AttributeValue::kKeywordValue:
      return absl::StrCat("\"", value.keyword_value(), "\" (keyword)");
    case docsearch::v1::AttributeValue::kIntegerValue:
      return absl::StrCat(value.integer_value(), " (integer)");
    case docsearch::v1::AttributeValue::kDoubleValue:
      return absl::StrCat(value.double_value(), " (double)");
    case docsearch::v1::AttributeValue::kDateValue:
      return absl::StrCat(FormatDate(value.date_value()), " (date)");
    case docsearch::v1::AttributeValue::VALUE_NOT_SET:
      break;
  }
  return "(no value)";
}

void AppendParagraphs(std::string& out, const Document& document,
                      const DocumentPrintOptions& options) {
  AppendSectionTitle(out, "Paragraphs", document.paragraphs_size());
  // Numbers are right-aligned in a gutter as wide as the widest marker.
  size_t number_width = 0;
  for (const auto& paragraph : document.paragraphs()) {
    number_width = std::max(number_width, paragraph.number().size() + 1);
  }
  const std::string gutter(2 + number_width + (number_width > 0 ? 1 : 0), ' ');
  const int text_width = std::max(20, options.width - static_cast<int>(gutter.size()));
  for (const auto& paragraph : document.paragraphs()) {
    std::vector<std::string> lines = WrapText(paragraph.text(), text_width);
    if (lines.empty()) lines.push_back("");
    const std::string marker =
        paragraph.number().empty() ? "" : absl::StrCat(paragraph.number(), ".");
    size_t shown = lines.size();
    if (!options.full &&
        static_cast<int>(lines.size()) >= options.max_paragraph_lines + kMinHiddenLines) {
      shown = std::max(1, options.max_paragraph_lines);
    }
    for (size_t i = 0; i < shown; ++i) {
      const std::string prefix =
          i == 0 && number_width > 0
              ? absl::StrCat("  ", std::string(number_width - marker.size(), ' '), marker, " ")
              : gutter;
      absl::StrAppend(&out, prefix, lines[i], "\n");
    }
    if (shown < lines.size()) {
      int hidden_words = 0;
      for (size_t i = shown; i < lines.size(); ++i) {
        hidden_words += 1 + static_cast<int>(std::count(lines[i].begin(), lines[i].end(), ' '));
      }
      absl::StrAppend(&out, gutter, "… (", hidden_words, " more words; --full shows all)\n");
    }
    out += "\n";
  }
  if (!document.paragraphs().empty()) out.pop_back();  // No blank line after the last one.
}

}  // namespace

int DocumentWidthForTerminal(int terminal_width) {
  if (terminal_width <= 0) return kNonTerminalWidth;
  return std::min(terminal_width, kMaxComfortableWidth);
}

std::string RenderDocument(const Document& document, const DocumentPrintOptions& options) {
  const int width = options.width;
  std::string out;
  AppendField(out, "Title", document.title().empty() ? kNone : document.title(), width);
  AppendFieldIfSet(out, "Subtitle", document.subtitle(), width);
  AppendField(out, "Type", DescribeType(document), width);
  const std::string published = FormatDate(document.published());
  AppendField(out, "Published", published.empty() ? kNone : published, width);
  AppendFieldIfSet(out, "Updated", FormatTimestamp(document.updated()), width);
  AppendFieldIfSet(out, "Reference", document.reference(), width);
  AppendField(out, "Language", document.language().empty() ? kNone : document.language(), width);
  AppendFieldIfSet(out, "Id", document.id(), width);
  AppendFieldIfSet(out, "Source", document.source_uri(), width);
  AppendFieldIfSet(out, "Content hash", document.content_hash(), width);
  AppendFieldIfSet(out, "Ingested at", FormatTimestamp(document.ingested_at()), width);

  AppendParagraphs(out, document, options);

  if (!document.footnotes().empty()) {
    AppendSectionTitle(out, "Footnotes", document.footnotes_size());
    for (const auto& footnote : document.footnotes()) {
      const std::string marker = absl::StrCat("  [", footnote.marker(), "] ");
      std::vector<std::string> lines =
          WrapText(footnote.text(), std::max(20, width - static_cast<int>(marker.size())));
      if (lines.empty()) lines.push_back("");
      absl::StrAppend(&out, marker, lines[0], "\n");
      for (size_t i = 1; i < lines.size(); ++i) {
        absl::StrAppend(&out, std::string(marker.size(), ' '), lines[i], "\n");
      }
    }
  }

  if (!document.entities().empty()) {
    AppendSectionTitle(out, "Entities", document.entities_size());
    for (const auto& entity : document.entities()) {
      std::string line = absl::StrFormat(
          "  %-13s %s",
          LowerEnumName(docsearch::v1::EntityType_Name(entity.type()), "entity_type_"),
          entity.name());
      if (!entity.acronym().empty()) absl::StrAppend(&line, " (", entity.acronym(), ")");
      if (entity.mention_count() > 0) absl::StrAppend(&line, "  ×", entity.mention_count());
      if (!entity.mentions().empty()) {
        absl::StrAppend(&line, "  as: ", absl::StrJoin(entity.mentions(), ", "));
      }
      absl::StrAppend(&out, TruncateToWidth(line, width), "\n");
    }
  }

  if (!document.attributes().empty()) {
    AppendSectionTitle(out, "Attributes", document.attributes_size());
    // Sorted: protobuf maps have no stable order.
    std::map<std::string, const docsearch::v1::AttributeValue*> sorted;
    for (const auto& [key, value] : document.attributes()) sorted[key] = &value;
    for (const auto& [key, value] : sorted) {
      absl::StrAppend(&out, "  ", key, " = ", DescribeAttribute(*value), "\n");
    }
  }

  if (!document.warnings().empty()) {
    AppendSectionTitle(out, "Warnings", document.warnings_size());
    for (const auto& warning : document.warnings()) {
      std::vector<std::string> lines =
          WrapText(absl::StrCat(warning.code(), ": ", warning.message()), width - 4);
      for (size_t i = 0; i < lines.size(); ++i) {
        absl::StrAppend(&out, i == 0 ? "  ! " : "    ", lines[i], "\n");
      }
    }
  }
  return out;
}

std::string RenderParseResponse(const docsearch::v1::ParseDocumentResponse& response,
                                const DocumentPrintOptions& options) {
  std::string out = RenderDocument(response.document(), options);
  if (!response.dropped_lines().empty()) {
    AppendSectionTitle(out, "Dropped lines", response.dropped_lines_size());
    for (const auto& dropped : response.dropped_lines()) {
      const std::string prefix = absl::StrFormat("  line %4d  %-12s ", dropped.line_number(),
                                                 dropped.reason().empty() ? "?" : dropped.reason());
      absl::StrAppend(&out, prefix,
                      TruncateToWidth(absl::StrCat("\"", CollapseWhitespace(dropped.text()), "\""),
                                      options.width - static_cast<int>(prefix.size())),
                      "\n");
    }
    if (response.dropped_lines_not_listed() > 0) {
      absl::StrAppend(&out, "  and ", response.dropped_lines_not_listed(),
                      " more dropped lines, not listed\n");
    }
  }
  out += "\n";
  AppendField(
      out, "Content type",
      LowerEnumName(docsearch::v1::ContentType_Name(response.content_type()), "content_type_"),
      options.width);
  AppendField(out, "Encoding", response.encoding().empty() ? kNone : response.encoding(),
              options.width);
  return out;
}

std::string RenderLineRoles(const docsearch::v1::ParseDocumentResponse& response) {
  constexpr int kTextWidth = 60;
  std::string out = absl::StrFormat("%5s  %-10s  %-*s  %s\n", "line", "role", kTextWidth, "text",
                                    "strongest features (weight for the role)");
  for (const docsearch::v1::LineExplanation& line : response.lines()) {
    const absl::string_view text = absl::StripAsciiWhitespace(line.text());
    if (line.role().empty()) {
      absl::StrAppendFormat(&out, "%5d  %-10s  %s\n", line.line_number(), "",
                            TruncateToWidth(text, kTextWidth));
      continue;
    }
    std::string shown = TruncateToWidth(text, kTextWidth);
    shown.append(static_cast<size_t>(std::max(0, kTextWidth - DisplayWidth(shown))), ' ');
    std::vector<std::string> features;
    for (const docsearch::v1::LineFeature& feature : line.features()) {
      features.push_back(absl::StrFormat("%s(%+.1f)", feature.name(), feature.weight()));
    }
    absl::StrAppendFormat(&out, "%5d  %-10s  %s  %s\n", line.line_number(), line.role(), shown,
                          absl::StrJoin(features, " "));
  }
  if (response.lines_not_listed() > 0) {
    absl::StrAppend(&out, "  and ", response.lines_not_listed(), " more lines, not listed\n");
  }
  return out;
}

}  // namespace docsearch::cli

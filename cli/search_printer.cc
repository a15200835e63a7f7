#include "cli/search_printer.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "cli/terminal_text.h"

namespace docsearch::cli {
namespace {

using docsearch::v1::SearchHit;
using docsearch::v1::SearchResponse;

constexpr absl::string_view kColumnGap = "  ";
// Snippets are indented under the table so hits stay easy to tell apart.
constexpr absl::string_view kSnippetIndent = "     ";
// A title column narrower than this is not worth cutting to.
constexpr int kMinTitleWidth = 24;
// Columns of the longest bar of the date histogram.
constexpr int kHistogramBarWidth = 40;

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// One row of the table, every cell already formatted.
struct Row {
  std::string rank, score, date, type, id, title;
};

std::string PadRight(absl::string_view text, int width) {
  const int padding = std::max(0, width - DisplayWidth(text));
  return absl::StrCat(text, std::string(padding, ' '));
}

std::string PadLeft(absl::string_view text, int width) {
  const int padding = std::max(0, width - DisplayWidth(text));
  return absl::StrCat(std::string(padding, ' '), text);
}

// `value`, or `placeholder` when it is empty. (Built rather than assigned:
// GCC 12 at -O3 reports a false -Wrestrict on `s = "literal"`.)
std::string OrPlaceholder(std::string value, absl::string_view placeholder) {
  return value.empty() ? std::string(placeholder) : value;
}

Row MakeRow(int rank, const SearchHit& hit) {
  Row row;
  row.rank = absl::StrCat(rank);
  row.score = absl::StrFormat("%.2f", hit.score());
  row.date = OrPlaceholder(FormatDate(hit.published()), "-");
  row.type = hit.doc_type() == docsearch::v1::DOC_TYPE_UNSPECIFIED ? std::string("-")
                                                                   : DocTypeKeyword(hit.doc_type());
  row.id = hit.id();
  row.title = OrPlaceholder(CollapseWhitespace(hit.title()), "(untitled)");
  if (hit.duplicate_count() > 0) {
    // Collapsed: the copies this hit stands for, before the title so that
    // a narrow terminal cuts the title, not the count.
    row.title = absl::StrCat("[+", hit.duplicate_count(),
                             hit.duplicate_count() == 1 ? " copy] " : " copies] ", row.title);
  }
  return row;
}

std::string FormatTook(const google::protobuf::Duration& took) {
  return FormatElapsed(absl::Seconds(took.seconds()) + absl::Nanoseconds(took.nanos()));
}

}  // namespace

std::string MarkHighlights(const docsearch::v1::Snippet& snippet, absl::string_view open,
                           absl::string_view close) {
  const std::string& text = snippet.text();
  const int size = static_cast<int>(text.size());
  std::vector<std::pair<int, int>> ranges;
  for (const docsearch::v1::Highlight& highlight : snippet.highlights()) {
    int start = std::clamp(highlight.start(), 0, size);
    int end = std::clamp(highlight.end(), 0, size);
    while (start > 0 && IsContinuationByte(text[start])) --start;
    while (end < size && IsContinuationByte(text[end])) ++end;
    if (start < end) ranges.emplace_back(start, end);
  }
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<int, int>> merged;
  for (const auto& range : ranges) {
    if (!merged.empty() && range.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, range.second);
    } else {
      merged.push_back(range);
    }
  }
  std::string result;
  int position = 0;
  for (const auto& [start, end] : merged) {
    absl::StrAppend(&result, absl::string_view(text).substr(position, start - position), open,
                    absl::string_view(text).substr(start, end - start), close);
    position = end;
  }
  result.append(text, position, std::string::npos);
  return result;
}

std::string RenderSearchResponse(const SearchResponse& response,
                                 const SearchPrintOptions& options) {
  std::string out;
  if (response.hits().empty()) {
    absl::StrAppend(
        &out, "No documents match",
        response.total_size() > 0
            ? absl::StrCat(" on this page (", FormatCount(response.total_size()), " in all)")
            : "",
        ". (took ", FormatTook(response.took()), ")\n");
    absl::StrAppend(&out, RenderFacetsAndHistogram(response));
    return out;
  }

  std::vector<Row> rows;
  rows.push_back(Row{"#", "SCORE", "DATE", "TYPE", "ID", "TITLE"});  // The header.
  for (int i = 0; i < response.hits_size(); ++i) rows.push_back(MakeRow(i + 1, response.hits(i)));
  int rank_width = 0, score_width = 0, date_width = 0, type_width = 0, id_width = 0;
  for (const Row& row : rows) {
    rank_width = std::max(rank_width, DisplayWidth(row.rank));
    score_width = std::max(score_width, DisplayWidth(row.score));
    date_width = std::max(date_width, DisplayWidth(row.date));
    type_width = std::max(type_width, DisplayWidth(row.type));
    id_width = std::max(id_width, DisplayWidth(row.id));
  }
  const int fixed_width = rank_width + score_width + date_width + type_width + id_width +
                          5 * static_cast<int>(kColumnGap.size());
  const int snippet_width =
      options.width <= 0 ? 0
                         : std::max(kMinTitleWidth, options.width - DisplayWidth(kSnippetIndent));
  // Ids are never cut (they are what `docsearch get` needs), so long ids on
  // a narrow terminal leave no room for the title: it moves to a line of its
  // own under the row.
  const bool title_below = options.width > 0 && options.width - fixed_width < kMinTitleWidth;
  const int title_width = options.width <= 0 ? 0 : options.width - fixed_width;
  const absl::string_view open = options.ansi ? kAnsiBold : "[";
  const absl::string_view close = options.ansi ? kAnsiReset : "]";

  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    std::string line =
        absl::StrCat(PadLeft(row.rank, rank_width), kColumnGap, PadLeft(row.score, score_width),
                     kColumnGap, PadRight(row.date, date_width), kColumnGap,
                     PadRight(row.type, type_width), kColumnGap, PadRight(row.id, id_width),
                     kColumnGap, title_below ? "" : TruncateToWidth(row.title, title_width));
    absl::StrAppend(&out, absl::StripTrailingAsciiWhitespace(line), "\n");
    if (i == 0) continue;  // The header has no snippet.
    if (title_below) {
      absl::StrAppend(&out, kSnippetIndent, TruncateToWidth(row.title, snippet_width), "\n");
    }
    const SearchHit& hit = response.hits(static_cast<int>(i) - 1);
    if (hit.has_explanation()) {
      absl::StrAppend(&out, RenderExplanation(hit.explanation(), DisplayWidth(kSnippetIndent)));
    }
    if (hit.snippets().empty()) continue;
    std::vector<std::string> lines =
        WrapText(MarkHighlights(hit.snippets(0), open, close), snippet_width);
    const size_t shown = std::min<size_t>(lines.size(), std::max(1, options.snippet_lines));
    for (size_t l = 0; l < shown; ++l) {
      std::string text = lines[l];
      if (l + 1 == shown && shown < lines.size()) {
        // Force the ellipsis so the reader knows the passage goes on.
        text = TruncateToWidth(absl::StrCat(text, " …"), snippet_width);
      }
      absl::StrAppend(&out, kSnippetIndent, text, "\n");
    }
  }

  const int64_t total = response.total_size();
  // A lower bound when top-k pruning stopped counting.
  const bool at_least =
      response.total_relation() == docsearch::v1::TOTAL_RELATION_GREATER_THAN_OR_EQUAL_TO;
  absl::StrAppend(&out, "\n", FormatCount(response.hits_size()), " shown of ",
                  at_least ? "at least " : "", FormatCount(total),
                  total == 1 && !at_least ? " match" : " matches", " (took ",
                  FormatTook(response.took()), ")\n");
  if (!response.next_page_token().empty()) {
    absl::StrAppend(&out, "next page: --page_token=", response.next_page_token(), "\n");
  }
  absl::StrAppend(&out, RenderFacetsAndHistogram(response));
  return out;
}

std::string RenderExplanation(const docsearch::v1::Explanation& explanation, int indent) {
  std::string out = absl::StrCat(std::string(static_cast<size_t>(indent), ' '),
                                 absl::StrFormat("%.4g", explanation.value()), "  ",
                                 explanation.description(), "\n");
  for (const auto& detail : explanation.details()) {
    absl::StrAppend(&out, RenderExplanation(detail, indent + 2));
  }
  return out;
}

std::string RenderFacetsAndHistogram(const SearchResponse& response) {
  std::string out;
  for (const docsearch::v1::Facet& facet : response.facets()) {
    absl::StrAppend(&out, "\n", facet.field(), "\n");
    if (facet.values().empty()) {
      absl::StrAppend(&out, "  (no values)\n");
      continue;
    }
    int value_width = 0;
    int count_width = 0;
    for (const docsearch::v1::KeywordCount& value : facet.values()) {
      value_width =
          std::max(value_width, DisplayWidth(value.value().empty() ? "(none)" : value.value()));
      count_width = std::max(count_width, DisplayWidth(FormatCount(value.count())));
    }
    for (const docsearch::v1::KeywordCount& value : facet.values()) {
      absl::StrAppend(&out, "  ",
                      PadRight(value.value().empty() ? "(none)" : value.value(), value_width),
                      kColumnGap, PadLeft(FormatCount(value.count()), count_width), "\n");
    }
  }
  if (!response.date_histogram().empty()) {
    absl::StrAppend(&out, "\nPublished\n");
    int key_width = 0;
    int count_width = 0;
    int64_t max = 0;
    for (const docsearch::v1::HistogramBucket& bucket : response.date_histogram()) {
      key_width = std::max(key_width, DisplayWidth(bucket.key()));
      count_width = std::max(count_width, DisplayWidth(FormatCount(bucket.count())));
      max = std::max(max, bucket.count());
    }
    for (const docsearch::v1::HistogramBucket& bucket : response.date_histogram()) {
      std::string line = absl::StrCat("  ", PadRight(bucket.key(), key_width), kColumnGap,
                                      PadLeft(FormatCount(bucket.count()), count_width), kColumnGap,
                                      Bar(bucket.count(), max, kHistogramBarWidth));
      absl::StrAppend(&out, absl::StripTrailingAsciiWhitespace(line), "\n");
    }
  }
  return out;
}

}  // namespace docsearch::cli

#include "cli/explore_printer.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "cli/terminal_text.h"

namespace docsearch::cli {
namespace {

constexpr absl::string_view kIndent = "     ";
// Columns of the longest trend bar.
constexpr int kTrendBarWidth = 40;

std::string PadRight(absl::string_view text, int width) {
  return absl::StrCat(text, std::string(std::max(0, width - DisplayWidth(text)), ' '));
}

std::string PadLeft(absl::string_view text, int width) {
  return absl::StrCat(std::string(std::max(0, width - DisplayWidth(text)), ' '), text);
}

// The widest cell of each column; rows must have the same number of cells.
std::vector<int> ColumnWidths(const std::vector<std::vector<std::string>>& rows) {
  std::vector<int> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], DisplayWidth(row[c]));
    }
  }
  return widths;
}

std::string TitleOrUntitled(absl::string_view title) {
  std::string collapsed = CollapseWhitespace(title);
  return collapsed.empty() ? std::string("(untitled)") : collapsed;
}

std::string Line(absl::string_view text) {
  return absl::StrCat(absl::StripTrailingAsciiWhitespace(text), "\n");
}

}  // namespace

std::string RenderSimilar(const docsearch::v1::FindSimilarResponse& response,
                          absl::string_view source, int width) {
  std::string out;
  absl::StrAppend(&out, "Like ", source, "\n");
  if (!response.query_terms().empty()) {
    absl::StrAppend(
        &out,
        TruncateToWidth(absl::StrCat("looking for: ", absl::StrJoin(response.query_terms(), ", ")),
                        width),
        "\n");
  }
  absl::StrAppend(&out, "\n");
  if (response.hits().empty()) {
    absl::StrAppend(&out, "No similar documents.\n");
    return out;
  }
  std::vector<std::vector<std::string>> rows = {{"#", "SCORE", "DATE", "TYPE", "ID"}};
  for (int i = 0; i < response.hits_size(); ++i) {
    const docsearch::v1::SimilarHit& hit = response.hits(i);
    const std::string date = FormatDate(hit.published());
    rows.push_back(
        {absl::StrCat(i + 1), absl::StrFormat("%.2f", hit.score()), date.empty() ? "-" : date,
         hit.doc_type() == docsearch::v1::DOC_TYPE_UNSPECIFIED ? "-"
                                                               : DocTypeKeyword(hit.doc_type()),
         hit.id()});
  }
  const std::vector<int> widths = ColumnWidths(rows);
  const int sub_width = width > 0 ? std::max(20, width - DisplayWidth(kIndent)) : 0;
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    absl::StrAppend(
        &out, Line(absl::StrCat(PadLeft(row[0], widths[0]), "  ", PadLeft(row[1], widths[1]), "  ",
                                PadRight(row[2], widths[2]), "  ", PadRight(row[3], widths[3]),
                                "  ", row[4])));
    if (r == 0) continue;
    const docsearch::v1::SimilarHit& hit = response.hits(static_cast<int>(r) - 1);
    absl::StrAppend(&out, kIndent, TruncateToWidth(TitleOrUntitled(hit.title()), sub_width), "\n");
    if (!hit.matched_terms().empty()) {
      absl::StrAppend(
          &out, kIndent,
          TruncateToWidth(absl::StrCat("matched: ", absl::StrJoin(hit.matched_terms(), ", ")),
                          sub_width),
          "\n");
    }
  }
  absl::StrAppend(&out, "\n", FormatCount(response.hits_size()), " shown of ",
                  FormatCount(response.total_size()),
                  response.total_size() == 1 ? " document" : " documents", " sharing a term\n");
  return out;
}

std::string RenderTrend(const docsearch::v1::TermTrendResponse& response) {
  std::string out;
  for (int s = 0; s < response.series_size(); ++s) {
    const docsearch::v1::TermSeries& series = response.series(s);
    if (s > 0) absl::StrAppend(&out, "\n");
    absl::StrAppend(&out, "\"", series.term(), "\"");
    if (!series.key().empty() && series.key() != series.term()) {
      absl::StrAppend(&out, " (as ", series.key(), ")");
    }
    absl::StrAppend(&out, "\n");
    if (series.points().empty()) {
      absl::StrAppend(&out, "  (no dated documents)\n");
    } else {
      std::vector<std::vector<std::string>> rows = {{"PERIOD", "DOCS", "OF", "OCCURRENCES"}};
      int64_t max = 0;
      for (const docsearch::v1::TrendPoint& point : series.points()) {
        rows.push_back({point.period(), FormatCount(point.documents()),
                        FormatCount(point.period_documents()), FormatCount(point.occurrences())});
        max = std::max(max, point.documents());
      }
      const std::vector<int> widths = ColumnWidths(rows);
      for (size_t r = 0; r < rows.size(); ++r) {
        const auto& row = rows[r];
        const std::string bar =
            r == 0 ? ""
                   : Bar(series.points(static_cast<int>(r) - 1).documents(), max, kTrendBarWidth);
        absl::StrAppend(
            &out, Line(absl::StrCat("  ", PadRight(row[0], widths[0]), "  ",
                                    PadLeft(row[1], widths[1]), "  ", PadLeft(row[2], widths[2]),
                                    "  ", PadLeft(row[3], widths[3]), "  ", bar)));
      }
    }
    if (series.undated_documents() > 0) {
      absl::StrAppend(
          &out, "  + ", FormatCount(series.undated_documents()),
          series.undated_documents() == 1 ? " undated document\n" : " undated documents\n");
    }
  }
  return out;
}

namespace {

// Each cluster as a heading (its id and size) over one line per member: the
// canonical one marked '*', then date, resemblance to it, id and title.
std::string RenderClusters(const docsearch::v1::FindNearDuplicatesResponse& response, int width) {
  std::string out;
  for (const docsearch::v1::NearDuplicateCluster& cluster : response.clusters()) {
    absl::StrAppend(&out, Line(absl::StrCat("CLUSTER ", cluster.cluster_id(), "  (",
                                            FormatCount(cluster.members_size()), " documents)")));
    std::vector<std::vector<std::string>> rows;
    for (const docsearch::v1::NearDuplicateMember& member : cluster.members()) {
      const std::string date = FormatDate(member.published());
      rows.push_back({member.canonical() ? "*" : " ", date.empty() ? "undated" : date,
                      absl::StrFormat("%.2f", member.resemblance()), member.id(),
                      TitleOrUntitled(member.title())});
    }
    const std::vector<int> widths = ColumnWidths(rows);
    for (const auto& row : rows) {
      const std::string line =
          absl::StrCat(kIndent, row[0], " ", PadRight(row[1], widths[1]), "  ",
                       PadLeft(row[2], widths[2]), "  ", PadRight(row[3], widths[3]), "  ");
      const int title_width = width > 0 ? std::max(10, width - DisplayWidth(line)) : 0;
      absl::StrAppend(&out, line, TruncateToWidth(row[4], title_width), "\n");
    }
    absl::StrAppend(&out, "\n");
  }
  absl::StrAppend(&out, FormatCount(response.clusters_size()), " of ",
                  FormatCount(response.total_clusters()),
                  response.total_clusters() == 1 ? " cluster" : " clusters",
                  absl::StrFormat(" (resemblance >= %.2f; * canonical: earliest, then most "
                                  "complete)\n",
                                  response.min_resemblance()));
  if (!response.next_page_token().empty()) {
    absl::StrAppend(&out, "Next page: --page_token=", response.next_page_token(), "\n");
  }
  return out;
}

}  // namespace

std::string RenderDuplicates(const docsearch::v1::FindNearDuplicatesResponse& response, int width) {
  if (!response.clusters().empty()) return RenderClusters(response, width);
  if (response.pairs().empty()) return "No near-duplicates.\n";
  std::string out;
  std::vector<std::vector<std::string>> rows = {{"RESEMBLANCE", "SIMHASH", "A", "B"}};
  for (const docsearch::v1::NearDuplicatePair& pair : response.pairs()) {
    rows.push_back({absl::StrFormat("%.2f", pair.resemblance()),
                    absl::StrCat(pair.simhash_distance()), pair.id_a(), pair.id_b()});
  }
  const std::vector<int> widths = ColumnWidths(rows);
  const int sub_width = width > 0 ? std::max(20, width - DisplayWidth(kIndent)) : 0;
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    absl::StrAppend(
        &out, Line(absl::StrCat(PadLeft(row[0], widths[0]), "  ", PadLeft(row[1], widths[1]), "  ",
                                PadRight(row[2], widths[2]), "  ", row[3])));
    if (r == 0) continue;
    const docsearch::v1::NearDuplicatePair& pair = response.pairs(static_cast<int>(r) - 1);
    absl::StrAppend(
        &out, kIndent,
        TruncateToWidth(absl::StrCat("A: ", TitleOrUntitled(pair.title_a())), sub_width), "\n",
        kIndent, TruncateToWidth(absl::StrCat("B: ", TitleOrUntitled(pair.title_b())), sub_width),
        "\n");
  }
  absl::StrAppend(&out, "\n", FormatCount(response.pairs_size()),
                  response.pairs_size() == 1 ? " pair\n" : " pairs\n");
  return out;
}

namespace {

// "12 documents", or "12,000 documents (5,000 tallied)" for a sample.
std::string SetSize(int64_t documents, int64_t tallied) {
  std::string out =
      absl::StrCat(FormatCount(documents), documents == 1 ? " document" : " documents");
  if (tallied != documents) absl::StrAppend(&out, " (", FormatCount(tallied), " tallied)");
  return out;
}

void AppendSignificant(
    const google::protobuf::RepeatedPtrField<docsearch::v1::SignificantTerm>& list,
    absl::string_view heading, int width, std::string& out) {
  absl::StrAppend(&out, "\n", heading, "\n");
  if (list.empty()) {
    absl::StrAppend(&out, "  (none)\n");
    return;
  }
  std::vector<std::vector<std::string>> rows = {{"SCORE", "DOCS A", "DOCS B", "TEXT"}};
  for (const docsearch::v1::SignificantTerm& term : list) {
    rows.push_back({absl::StrFormat("%.1f", term.score()), FormatCount(term.documents_a()),
                    FormatCount(term.documents_b()),
                    term.text().empty() ? term.key() : term.text()});
  }
  const std::vector<int> widths = ColumnWidths(rows);
  for (const auto& row : rows) {
    absl::StrAppend(
        &out, Line(TruncateToWidth(
                  absl::StrCat("  ", PadLeft(row[0], widths[0]), "  ", PadLeft(row[1], widths[1]),
                               "  ", PadLeft(row[2], widths[2]), "  ", row[3]),
                  width)));
  }
}

}  // namespace

std::string RenderSets(const docsearch::v1::CompareSetsResponse& response,
                       absl::string_view query_a, absl::string_view query_b, int width) {
  std::string out;
  absl::StrAppend(&out, TruncateToWidth(absl::StrCat("A: ", query_a), width), "\n", "   ",
                  SetSize(response.documents_a(), response.analyzed_a()), "\n");
  absl::StrAppend(&out, TruncateToWidth(absl::StrCat("B: ", query_b), width), "\n", "   ",
                  SetSize(response.documents_b(), response.analyzed_b()), "\n");
  if (response.documents_a() == 0 || response.documents_b() == 0) {
    absl::StrAppend(&out, "\nNothing to compare: ", response.documents_a() == 0 ? "A" : "B",
                    " matches no document.\n");
    return out;
  }
  AppendSignificant(response.terms_a(), "Words typical of A", width, out);
  AppendSignificant(response.phrases_a(), "Phrases typical of A", width, out);
  AppendSignificant(response.terms_b(), "Words typical of B", width, out);
  AppendSignificant(response.phrases_b(), "Phrases typical of B", width, out);
  absl::StrAppend(&out,
                  "\nSCORE: log-likelihood ratio of the document counts (above 3.8: p < 0.05; "
                  "above 10.8: p < 0.001)\n");
  return out;
}

}  // namespace docsearch::cli

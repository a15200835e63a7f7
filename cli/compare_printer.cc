#include "cli/compare_printer.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "cli/terminal_text.h"

namespace docsearch::cli {
namespace {

using docsearch::v1::ComparedDocument;
using docsearch::v1::ComparedEntity;
using docsearch::v1::CompareDocumentsResponse;
using docsearch::v1::ComparedPhrase;
using docsearch::v1::ComparedTerm;
using google::protobuf::RepeatedPtrField;

// Lists wrap here when the output is not a terminal.
constexpr int kDefaultWidth = 100;
// "  shared  " / "  only A  " before the entries of a list.
constexpr absl::string_view kListIndent = "  ";
constexpr int kListLabelWidth = 8;

int EffectiveWidth(const ComparePrintOptions& options) {
  return options.width > 0 ? options.width : kDefaultWidth;
}

// `prefix`, then `entries` separated by `separator`, wrapped at `width`
// without breaking an entry; later lines are indented under the first entry.
void AppendWrapped(std::string& out, absl::string_view prefix,
                   const std::vector<std::string>& entries, absl::string_view separator,
                   int width) {
  const std::string indent(static_cast<size_t>(DisplayWidth(prefix)), ' ');
  if (entries.empty()) {
    absl::StrAppend(&out, prefix, "-\n");
    return;
  }
  const absl::string_view joiner = absl::StripTrailingAsciiWhitespace(separator);
  std::string line(prefix);
  bool line_has_entry = false;
  for (size_t i = 0; i < entries.size(); ++i) {
    // An entry longer than a whole line is cut rather than overflow it.
    const std::string piece =
        TruncateToWidth(i + 1 < entries.size() ? absl::StrCat(entries[i], joiner) : entries[i],
                        std::max(1, width - DisplayWidth(indent)));
    const int needed = DisplayWidth(line) + (line_has_entry ? 1 : 0) + DisplayWidth(piece);
    if (line_has_entry && needed > width) {
      absl::StrAppend(&out, line, "\n");
      line = indent;
      line_has_entry = false;
    }
    absl::StrAppend(&line, line_has_entry ? " " : "", piece);
    line_has_entry = true;
  }
  absl::StrAppend(&out, line, "\n");
}

// One list of a section: "  shared  a, b, c".
void AppendList(std::string& out, absl::string_view label, const std::vector<std::string>& entries,
                absl::string_view separator, int width) {
  AppendWrapped(out, absl::StrCat(kListIndent, absl::StrFormat("%-*s", kListLabelWidth, label)),
                entries, separator, width);
}

// At most `top` entries made by `format`, then "+N more" when cut.
template <typename T, typename Format>
std::vector<std::string> TopEntries(const RepeatedPtrField<T>& items, int top, Format format) {
  std::vector<std::string> entries;
  const int shown = std::min(items.size(), std::max(1, top));
  for (int i = 0; i < shown; ++i) entries.push_back(format(items.Get(i)));
  if (items.size() > shown) entries.push_back(absl::StrCat("(+", items.size() - shown, " more)"));
  return entries;
}

std::string TermText(const ComparedTerm& term) {
  return term.text().empty() ? term.term() : term.text();
}

bool SameText(absl::string_view a, absl::string_view b) {
  return absl::AsciiStrToLower(CollapseWhitespace(a)) ==
         absl::AsciiStrToLower(CollapseWhitespace(b));
}

// A shared phrase as each side writes it: "missile defence", or
// "civil emergencies ~ civil emergency planning" when the forms differ.
std::string SharedPhraseText(const ComparedPhrase& phrase) {
  const std::string form_a = phrase.forms_a().empty() ? phrase.text() : phrase.forms_a(0);
  const std::string form_b = phrase.forms_b().empty() ? phrase.text() : phrase.forms_b(0);
  if (SameText(form_a, form_b)) return CollapseWhitespace(form_a);
  return absl::StrCat(CollapseWhitespace(form_a), " ~ ", CollapseWhitespace(form_b));
}

// "A  id" and, below, "   date · N paragraphs · title" cut to `width`.
std::string DescribeSide(absl::string_view letter, const ComparedDocument& side,
                         absl::string_view label, int width) {
  const std::string name = !side.id().empty() ? side.id()
                           : !label.empty()   ? std::string(label)
                                              : std::string("text");
  const std::string date = FormatDate(side.published());
  std::string details = absl::StrCat(date.empty() ? "undated" : date, " · ", side.paragraph_count(),
                                     side.paragraph_count() == 1 ? " paragraph" : " paragraphs");
  if (!side.title().empty()) absl::StrAppend(&details, " · ", CollapseWhitespace(side.title()));
  return absl::StrCat(letter, "  ", name, "\n   ", TruncateToWidth(details, width - 3), "\n");
}

std::string DescribeDays(const CompareDocumentsResponse& response) {
  if (!response.has_days_between()) return "Dates: not both known";
  const int days = response.days_between();
  if (days == 0) return "Dates: the same day";
  const int magnitude = std::abs(days);
  std::string text =
      absl::StrCat("Dates: B is ", FormatCount(magnitude), magnitude == 1 ? " day " : " days ",
                   days > 0 ? "after" : "before", " A");
  if (magnitude >= 365) {
    absl::StrAppend(&text, absl::StrFormat(" (%.1f years)", magnitude / 365.25));
  }
  return text;
}

// "A[3]" padded to `width`.
std::string IndexLabel(absl::string_view letter, int index, int width) {
  const std::string label = absl::StrCat(letter, "[", index, "]");
  return absl::StrCat(label, std::string(std::max(0, width - DisplayWidth(label)), ' '));
}

std::string Excerpt(const std::vector<std::string>& paragraphs, int index, int chars) {
  if (index < 0 || index >= static_cast<int>(paragraphs.size())) return "";
  return TruncateToWidth(CollapseWhitespace(paragraphs[static_cast<size_t>(index)]), chars);
}

std::vector<std::string> Indices(const google::protobuf::RepeatedField<int32_t>& indices) {
  std::vector<std::string> entries;
  for (int32_t index : indices) entries.push_back(absl::StrCat(index));
  return entries;
}

}  // namespace

std::vector<std::string> SplitRawParagraphs(absl::string_view text) {
  const std::string normalized = absl::StrReplaceAll(text, {{"\r\n", "\n"}});
  std::vector<std::string> paragraphs;
  for (absl::string_view block : absl::StrSplit(normalized, "\n\n", absl::SkipWhitespace())) {
    paragraphs.emplace_back(absl::StripAsciiWhitespace(block));
  }
  return paragraphs;
}

std::string RenderComparison(const CompareDocumentsResponse& response, const CompareSides& sides,
                             const ComparePrintOptions& options) {
  const int width = EffectiveWidth(options);
  const int top = options.top;
  std::string out;
  absl::StrAppend(&out, DescribeSide("A", response.a(), sides.label_a, width));
  absl::StrAppend(&out, DescribeSide("B", response.b(), sides.label_b, width));
  absl::StrAppend(&out, DescribeDays(response), "\n\n");

  const docsearch::v1::Similarity& similarity = response.similarity();
  AppendWrapped(out, "Similarity  ",
                {absl::StrFormat("cosine %.2f", similarity.cosine()),
                 absl::StrFormat("shingles %.2f", similarity.shingle_jaccard()),
                 absl::StrFormat("MinHash %.2f", similarity.minhash_resemblance()),
                 absl::StrFormat("SimHash distance %d/64", similarity.simhash_distance())},
                " · ", width);

  absl::StrAppend(&out, "\nPhrases (occurrences A/B)\n");
  AppendList(out, "shared",
             TopEntries(response.shared_phrases(), top,
                        [](const ComparedPhrase& p) {
                          return absl::StrCat(SharedPhraseText(p), " ", p.count_a(), "/",
                                              p.count_b());
                        }),
             "; ", width);
  AppendList(out, "only A",
             TopEntries(response.only_a_phrases(), top,
                        [](const ComparedPhrase& p) {
                          return absl::StrCat(CollapseWhitespace(p.text()), " ", p.count_a());
                        }),
             "; ", width);
  AppendList(out, "only B",
             TopEntries(response.only_b_phrases(), top,
                        [](const ComparedPhrase& p) {
                          return absl::StrCat(CollapseWhitespace(p.text()), " ", p.count_b());
                        }),
             "; ", width);

  absl::StrAppend(&out, "Terms (occurrences A/B)\n");
  AppendList(out, "shared",
             TopEntries(response.shared_terms(), top,
                        [](const ComparedTerm& t) {
                          return absl::StrCat(TermText(t), " ", t.count_a(), "/", t.count_b());
                        }),
             ", ", width);
  AppendList(
      out, "only A",
      TopEntries(response.only_a_terms(), top,
                 [](const ComparedTerm& t) { return absl::StrCat(TermText(t), " ", t.count_a()); }),
      ", ", width);
  AppendList(
      out, "only B",
      TopEntries(response.only_b_terms(), top,
                 [](const ComparedTerm& t) { return absl::StrCat(TermText(t), " ", t.count_b()); }),
      ", ", width);

  absl::StrAppend(&out, "Entities (mentions A/B)\n");
  AppendList(out, "shared",
             TopEntries(response.shared_entities(), top,
                        [](const ComparedEntity& e) {
                          return absl::StrCat(e.name(), " ", e.count_a(), "/", e.count_b());
                        }),
             ", ", width);
  AppendList(
      out, "only A",
      TopEntries(response.only_a_entities(), top,
                 [](const ComparedEntity& e) { return absl::StrCat(e.name(), " ", e.count_a()); }),
      ", ", width);
  AppendList(
      out, "only B",
      TopEntries(response.only_b_entities(), top,
                 [](const ComparedEntity& e) { return absl::StrCat(e.name(), " ", e.count_b()); }),
      ", ", width);

  absl::StrAppend(&out, "\nParagraphs aligned: ", response.paragraph_pairs_size(), " (A has ",
                  response.a().paragraph_count(), ", B has ", response.b().paragraph_count(),
                  ")\n");
  int label_width = 0;
  for (const docsearch::v1::ParagraphPair& pair : response.paragraph_pairs()) {
    label_width = std::max({label_width, DisplayWidth(absl::StrCat("A[", pair.a_index(), "]")),
                            DisplayWidth(absl::StrCat("B[", pair.b_index(), "]"))});
  }
  // "  0.61  A[0]  " before each excerpt.
  const int excerpt_column = 2 + 4 + 2 + label_width + 2;
  const int excerpt_width = options.width > 0
                                ? std::min(options.excerpt_chars, options.width - excerpt_column)
                                : options.excerpt_chars;
  for (const docsearch::v1::ParagraphPair& pair : response.paragraph_pairs()) {
    const std::string line_a =
        absl::StrCat("  ", absl::StrFormat("%.2f", pair.similarity()), "  ",
                     IndexLabel("A", pair.a_index(), label_width), "  ",
                     Excerpt(sides.paragraphs_a, pair.a_index(), excerpt_width));
    const std::string line_b =
        absl::StrCat(std::string(8, ' '), IndexLabel("B", pair.b_index(), label_width), "  ",
                     Excerpt(sides.paragraphs_b, pair.b_index(), excerpt_width));
    absl::StrAppend(&out, absl::StripTrailingAsciiWhitespace(line_a), "\n",
                    absl::StripTrailingAsciiWhitespace(line_b), "\n");
  }
  AppendWrapped(out, "Unmatched A: ", Indices(response.unaligned_a()), ", ", width);
  AppendWrapped(out, "Unmatched B: ", Indices(response.unaligned_b()), ", ", width);
  return out;
}

}  // namespace docsearch::cli

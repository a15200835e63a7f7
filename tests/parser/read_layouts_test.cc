// The pages of bench/unseen_layouts that were read while the parser was
// fixed for them (read_while_fixing/, held_out_2/, held_out_6/,
// held_out_7/, held_out_9/, held_out_10/, held_out_13/, held_out_15/,
// held_out_16/, held_out_18/, held_out_19/, held_out_21/, held_out_23/, held_out_27/,
// held_out_28/, held_out_29/, held_out_30/, held_out_32/, held_out_33/, held_out_37/) keep what the
// parser gets
// right on them: the counts of right titles, types, dates and cleaned pages may rise, never fall.
// These pages measure nothing once read (the unread held_out/ and held_out_3/ sets do, and are not
// read here); they guard the rules written for them against later changes. The line-role model is
// also trained on them (layout_labels.h), so the floors are in-sample figures. Scoring is that of
// bench/unseen_layouts/score.py.
#include <string>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"
#include "ingest_service/parser/tools/layout_labels.h"

namespace docsearch::ingest {
namespace {

const std::string kLayouts = std::string(DOCSEARCH_SOURCE_DIR) + "/bench/unseen_layouts";

struct Counts {
  int title = 0;
  int type = 0;
  int published = 0;
  int clean = 0;
};

// The pages and their labels as the model's training reads them
// (layout_labels.h), parsed under their file name.
Counts Score(const std::string& folder) {
  absl::StatusOr<std::vector<LabelledDocument>> pages = LoadLayoutFolder(kLayouts, folder);
  EXPECT_TRUE(pages.ok()) << pages.status();
  if (!pages.ok()) return {};
  Counts counts;
  for (const LabelledDocument& page : *pages) {
    v1::RawDocument raw;
    raw.set_content(page.content);
    raw.set_source_uri(page.url);
    absl::StatusOr<v1::ParseDocumentResponse> response = ParseRawDocument(raw, {});
    EXPECT_TRUE(response.ok()) << page.file << ": " << response.status();
    if (!response.ok()) continue;
    const v1::Document& document = response->document();
    const DocumentLabels& labels = page.labels;
    const bool title_right = document.title() == labels.title ||
                             absl::c_linear_search(labels.other_titles, document.title());
    const bool type_right =
        labels.accepted_types.empty() ||
        absl::c_linear_search(labels.accepted_types, v1::DocType_Name(document.doc_type()));
    counts.title += title_right ? 1 : 0;
    counts.type += type_right ? 1 : 0;
    const std::string date =
        document.has_published()
            ? absl::StrFormat("%04d-%02d-%02d", document.published().year(),
                              document.published().month(), document.published().day())
            : "";
    counts.published += date == labels.published ? 1 : 0;
    if (labels.boilerplate.empty()) continue;
    bool left = false;
    for (const std::string& line : labels.boilerplate) {
      for (const v1::Paragraph& paragraph : document.paragraphs()) {
        left |= paragraph.text() == line ||
                (line.size() >= 20 && absl::StartsWith(paragraph.text(), line));
      }
    }
    counts.clean += left ? 0 : 1;
  }
  return counts;
}

// Fails, naming the set and the field, where a count fell below its floor.
void ExpectAtLeast(const std::string& folder, const Counts& floors) {
  const Counts counts = Score(folder);
  EXPECT_GE(counts.title, floors.title) << folder << ": titles";
  EXPECT_GE(counts.type, floors.type) << folder << ": types";
  EXPECT_GE(counts.published, floors.published) << folder << ": dates";
  EXPECT_GE(counts.clean, floors.clean) << folder << ": cleaned pages";
}

TEST(ReadLayouts, PagesReadWhileFixingKeepTheirFigures) {
  ExpectAtLeast("read_while_fixing", {.title = 70, .type = 69, .published = 72, .clean = 49});
}

TEST(ReadLayouts, TheSecondSetKeepsItsFigures) {
  ExpectAtLeast("held_out_2", {.title = 20, .type = 19, .published = 20, .clean = 16});
}

// Scored once unread (held_out_6: 19 titles, 14 types, 20 dates, 18 clean
// pages of 20; held_out_7: 14, 10, 19, 12), then read: the cookie notices,
// labels and date rows written for them (INGEST.md, "Cookie notices,
// labels and date rows from two more sets") are guarded here. Not trained
// on: training on them moved the corpus figures within their noise.
TEST(ReadLayouts, TheSixthAndSeventhSetsKeepTheirFigures) {
  ExpectAtLeast("held_out_6", {.title = 19, .type = 18, .published = 20, .clean = 19});
  ExpectAtLeast("held_out_7", {.title = 19, .type = 18, .published = 20, .clean = 19});
}

// Scored once unread (held_out_9: 14 titles, 13 types, 18 dates, 8 clean
// pages of 20; held_out_10: 17, 11, 18, 14), then read: captions with their
// credits, site notices, breadcrumbs' sections and the dated items of
// related-news lists
// (INGEST.md, "Captions, site notices, breadcrumbs and related lists from four more
// sets") are guarded here. Not trained on.
TEST(ReadLayouts, TheNinthAndTenthSetsKeepTheirFigures) {
  ExpectAtLeast("held_out_9", {.title = 18, .type = 20, .published = 20, .clean = 16});
  ExpectAtLeast("held_out_10", {.title = 20, .type = 19, .published = 20, .clean = 19});
}

// Scored once unread (held_out_13: 15 titles, 14 types, 17 dates, 12 clean
// pages of 20; held_out_15: 14, 13, 19, 16), then read: stamps and the
// path above the headline, menus and their labels, captions over their
// credit lines (INGEST.md, "Governments' and organisations' own sites, two
// more sets") are guarded here. Not trained on.
TEST(ReadLayouts, TheThirteenthAndFifteenthSetsKeepTheirFigures) {
  ExpectAtLeast("held_out_13", {.title = 19, .type = 19, .published = 20, .clean = 15});
  ExpectAtLeast("held_out_15", {.title = 17, .type = 16, .published = 20, .clean = 16});
}

// Scored once unread (17 titles, 13 types, 18 dates, 12 clean pages of
// 20), then read: web archives' toolbars and copies' headlines (the same
// section of INGEST.md) are guarded here. Not trained on.
TEST(ReadLayouts, TheSixteenthSetKeepsItsFigures) {
  ExpectAtLeast("held_out_16", {.title = 18, .type = 17, .published = 18, .clean = 13});
}

// Scored once unread (held_out_18: 16 titles, 13 types, 19 dates, 13 clean
// pages of 20; held_out_19: 17, 16, 16, 8), then read: lists of other
// pages' dated headlines, labels, sections, months and weekdays in nine
// more languages, long official headlines, acknowledgements of country
// (INGEST.md, "Regional governments, courts, ministries, missions and
// texts from print; nine more languages") are guarded here. Not trained
// on. The clean count is this test's own (score.py counts 14).
TEST(ReadLayouts, TheEighteenthAndNineteenthSetsKeepTheirFigures) {
  ExpectAtLeast("held_out_18", {.title = 17, .type = 19, .published = 19, .clean = 19});
  ExpectAtLeast("held_out_19", {.title = 19, .type = 18, .published = 19, .clean = 14});
}

// Scored once unread (13 titles, 15 types, 18 dates, 10 clean pages of
// 20), then read: running heads and feet of texts converted from print,
// reference fields, labels continued by a participle (the same section of
// INGEST.md) are guarded here. Not trained on.
TEST(ReadLayouts, TheTwentyFirstSetKeepsItsFigures) {
  ExpectAtLeast("held_out_21", {.title = 17, .type = 16, .published = 19, .clean = 16});
}

// Scored once unread (13 titles, 14 types, 18 dates, 14 clean pages of
// 20), then read: headlines right under the path over their standfirst
// or occasion, paths printed one step per line, typed bylines under a
// headline, notes in brackets, filing fields (INGEST.md, "Types from
// where a site files a page; headlines under the path") are guarded here.
// Not trained on.
TEST(ReadLayouts, TheTwentyThirdSetKeepsItsFigures) {
  ExpectAtLeast("held_out_23", {.title = 19, .type = 19, .published = 19, .clean = 15});
}

// Scored once unread (held_out_27: 19 titles, 6 types, 17 dates, 15 clean
// pages of 20; held_out_28: 20, 14, 18, 18), then read: agencies' copies
// of official texts, Turkish titles naming their kind last, labels under
// the standfirst, press offices' release marks, date lines with their time
// of day (INGEST.md, the same section) are guarded here. Not trained on.
TEST(ReadLayouts, TheTwentySeventhAndTwentyEighthSetsKeepTheirFigures) {
  ExpectAtLeast("held_out_27", {.title = 20, .type = 13, .published = 19, .clean = 16});
  ExpectAtLeast("held_out_28", {.title = 20, .type = 18, .published = 20, .clean = 19});
}

// Scored once unread (held_out_29: 19 titles, 13 types, 19 dates, 6 clean
// pages of 20; held_out_30: 17, 17, 18, 12), then read: posts embedded
// from social networks, "Read also" links between paragraphs (INGEST.md,
// the same section) are guarded here. Not trained on.
TEST(ReadLayouts, TheTwentyNinthAndThirtiethSetsKeepTheirFigures) {
  ExpectAtLeast("held_out_29", {.title = 19, .type = 14, .published = 19, .clean = 13});
  // One page fewer clean than when scored: a Greek ministry's lines of
  // five words or more are now read as text, not dropped as if they had
  // no letter, which kept its body whole and its related list too.
  ExpectAtLeast("held_out_30", {.title = 20, .type = 20, .published = 20, .clean = 13});
}

// Scored once unread (held_out_32: 11 titles, 2 types, 13 dates, 12 clean
// pages of 20; held_out_33: 14, 12, 20, 18), then read in the eleventh
// round (INGEST.md, "Pages in other scripts; newsrooms without labels"):
// words, dates, labels and paths in fourteen scripts, a region's kicker, a
// series label naming its issuer, reading times. Not trained on.
TEST(ReadLayouts, TheThirtySecondAndThirtyThirdSetsKeepTheirFigures) {
  // 14 clean here where score.py counts 15: the two readings of "a listed
  // furniture line left in the text" differ on one page in another script.
  ExpectAtLeast("held_out_32", {.title = 19, .type = 14, .published = 20, .clean = 14});
  ExpectAtLeast("held_out_33", {.title = 19, .type = 16, .published = 20, .clean = 19});
}

// Scored once unread at 0ad373b (16 titles, 15 types, 16 dates, 16 clean
// pages of 20), then read in the thirteenth round (INGEST.md, "Pages whose
// type matters"): a keyed date in a row of the page's fields, a date and
// its time above the headline, a printed label over a digest's shape, a
// path ending in the headline cut short, statement openings, newsletter
// blurbs and feedback prompts in more languages. Not trained on.
TEST(ReadLayouts, TheThirtySeventhSetKeepsItsFigures) {
  ExpectAtLeast("held_out_37", {.title = 19, .type = 20, .published = 18, .clean = 20});
}

}  // namespace
}  // namespace docsearch::ingest

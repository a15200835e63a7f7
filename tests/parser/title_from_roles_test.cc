#include "ingest_service/parser/title_from_roles.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"

namespace docsearch::ingest {
namespace {

// Lines with their cascade fates and model roles, as SetTitleFromRoles
// reads them.
struct ReadLines {
  std::vector<std::string> texts;
  std::vector<SourceLine> lines;
  std::vector<LineFeatures> features;
  std::vector<LineRole> roles;

  void Add(std::string text, std::string rule_fate, LineRole role) {
    texts.push_back(std::move(text));
    LineFeatures line;
    line.line_index = features.size();
    line.rule_fate = std::move(rule_fate);
    features.push_back(std::move(line));
    roles.push_back(role);
  }
  // The lines as views of `texts`, once all are added.
  void Seal() {
    for (size_t i = 0; i < texts.size(); ++i) {
      lines.push_back({texts[i], static_cast<int>(i + 1)});
    }
  }
};

// The cascade, reading the page again without its furniture, took for the
// title a line its first reading kept as text; the model names no title
// and reads that line as body. The title stays: without it the line would
// be neither the title nor text.
TEST(SetTitleFromRoles, KeepsTheCascadesTitleWhenTheModelNamesNoneAndReadsItAsText) {
  ReadLines read;
  read.Add("Press release", "dropped_type_label", LineRole::kTypeLabel);
  read.Add("PM call with Prime Minister of Chile: 3 March 2023", "kept", LineRole::kBody);
  read.Add("The Prime Minister spoke to the Prime Minister of Chile today.", "kept",
           LineRole::kBody);
  read.Seal();
  v1::ParseDocumentResponse response;
  response.mutable_document()->set_title("PM call with Prime Minister of Chile: 3 March 2023");
  response.mutable_document()->add_paragraphs()->set_text(
      "The Prime Minister spoke to the Prime Minister of Chile today.");

  SetTitleFromRoles(read.lines, read.features, read.roles, &response);
  EXPECT_EQ(response.document().title(), "PM call with Prime Minister of Chile: 3 March 2023");
}

// A generic subheading the cascade took on a page printing no headline is
// no title either.
TEST(SetTitleFromRoles, LeavesAGenericSubheadingWithoutAHeadlineUntitled) {
  ReadLines read;
  read.Add("Bakgrund", "kept", LineRole::kBody);
  read.Add("Regeringen har sedan 2020 stött kommunerna med extra medel till skolorna.", "kept",
           LineRole::kBody);
  read.Seal();
  v1::ParseDocumentResponse response;
  response.mutable_document()->set_title("Bakgrund");
  response.mutable_document()->add_paragraphs()->set_text(
      "Regeringen har sedan 2020 stött kommunerna med extra medel till skolorna.");

  SetTitleFromRoles(read.lines, read.features, read.roles, &response);
  EXPECT_EQ(response.document().title(), "");
}

// A cascade's title the model reads as furniture is no title.
TEST(SetTitleFromRoles, DropsTheCascadesTitleTheModelReadsAsFurniture) {
  ReadLines read;
  read.Add("Ministry of Examples", "title", LineRole::kFurniture);
  read.Add("The Ministry said today that the new rules take effect in June.", "kept",
           LineRole::kBody);
  read.Seal();
  v1::ParseDocumentResponse response;
  response.mutable_document()->set_title("Ministry of Examples");
  response.mutable_document()->add_paragraphs()->set_text(
      "The Ministry said today that the new rules take effect in June.");

  SetTitleFromRoles(read.lines, read.features, read.roles, &response);
  EXPECT_EQ(response.document().title(), "");
  ASSERT_EQ(response.dropped_lines_size(), 1);
  EXPECT_EQ(response.dropped_lines(0).text(), "Ministry of Examples");
}

}  // namespace
}  // namespace docsearch::ingest

// Typed parse warnings: stable wire codes, and stages that withdraw a
// warning by its type.
#include "ingest_service/parser/parse_warnings.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"

namespace docsearch::ingest {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Codes(const v1::Document& document) {
  std::vector<std::string> codes;
  for (const v1::ParseWarning& warning : document.warnings()) codes.push_back(warning.code());
  return codes;
}

TEST(ParseWarnings, EveryCodeHasAStableWireStringThatReadsBack) {
  // Callers match these strings; they never change.
  EXPECT_EQ(WireCode(ParseWarningCode::kNoTitle), "no_title");
  EXPECT_EQ(WireCode(ParseWarningCode::kPublishedFromUpdatedHeader),
            "published_from_updated_header");
  EXPECT_EQ(WireCode(ParseWarningCode::kLanguageUnknown), "language_unknown");
  for (int i = 0; i <= static_cast<int>(ParseWarningCode::kLanguageUnknown); ++i) {
    const auto code = static_cast<ParseWarningCode>(i);
    EXPECT_EQ(ParseWarningCodeOf(WireCode(code)), code) << WireCode(code);
  }
  EXPECT_EQ(ParseWarningCodeOf("published_from_"), std::nullopt);
}

TEST(ParseWarnings, AreWithdrawnByTypeLeavingTheOthers) {
  v1::Document document;
  AddWarning(ParseWarningCode::kMojibakeRepaired, "2 characters repaired", &document);
  AddWarning(ParseWarningCode::kPublishedFromTitle, "no date line found", &document);
  AddWarning(ParseWarningCode::kNoTitle, "no title", &document);
  AddWarning(ParseWarningCode::kNoPublishedDate, "published is unset", &document);
  EXPECT_TRUE(HasWarning(document, ParseWarningCode::kNoTitle));

  RemoveWarnings(&document, ParseWarningCode::kNoTitle);
  EXPECT_FALSE(HasWarning(document, ParseWarningCode::kNoTitle));
  RemoveWarnings(&document, IsPublishedFallback);
  EXPECT_THAT(Codes(document), ElementsAre("mojibake_repaired"));
  EXPECT_EQ(document.warnings(0).message(), "2 characters repaired");
}

absl::StatusOr<v1::ParseDocumentResponse> ParseJson(const std::string& json) {
  v1::RawDocument raw;
  raw.set_content_type(v1::CONTENT_TYPE_JSON);
  raw.set_content(json);
  return ParseRawDocument(raw, ParseOptions());
}

TEST(ParseWarnings, AJsonDateWithdrawsTheBodyDateFallbacks) {
  // No date line: the date in the title serves, and a warning says so.
  const std::string body =
      R"("body": "Permanent Joint Council\nMeeting at the Level of Defence Ministers\nheld in )"
      R"(Brussels on 18 December 2001\nThe NATO-Russia Permanent Joint Council (PJC) met at )"
      R"(the level\nof Defence Ministers on Tuesday, 18 December 2001 in Brussels.\n")";
  absl::StatusOr<v1::ParseDocumentResponse> parsed = ParseJson(absl::StrCat("{", body, "}"));
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_TRUE(HasWarning(parsed->document(), ParseWarningCode::kPublishedFromTitle));

  // The JSON date outranks it: the fallback's warning is withdrawn.
  parsed = ParseJson(absl::StrCat(R"({"published": "2001-12-19", )", body, "}"));
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->document().published().day(), 19);
  EXPECT_FALSE(HasWarning(parsed->document(), ParseWarningCode::kPublishedFromTitle));
  for (const std::string& code : Codes(parsed->document())) {
    const std::optional<ParseWarningCode> typed = ParseWarningCodeOf(code);
    ASSERT_TRUE(typed.has_value()) << code;
    EXPECT_FALSE(IsPublishedFallback(*typed)) << code;
  }
}

}  // namespace
}  // namespace docsearch::ingest

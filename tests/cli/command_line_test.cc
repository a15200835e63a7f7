#include "cli/command_line.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/flags/flag.h"

// Flags like the ones main.cc defines, so the lookup has something to find.
ABSL_FLAG(std::string, test_doc_type, "", "a repeatable list flag");
ABSL_FLAG(bool, test_json, false, "a boolean flag");

namespace docsearch::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::Eq;
using ::testing::HasSubstr;
using ::testing::Optional;

TEST(MergeRepeatedFlag, JoinsEveryValueIntoOneFlagAtTheFirstPlace) {
  EXPECT_THAT(MergeRepeatedFlag({"docsearch", "search", "--doc_type=speech", "russia", "-doc_type",
                                 "update", "--doc_type=a,b"},
                                "doc_type"),
              ElementsAre("docsearch", "search", "--doc_type=speech,update,a,b", "russia"));
}

TEST(MergeRepeatedFlag, LeavesOtherArgumentsAndEverythingAfterDoubleDashAlone) {
  EXPECT_THAT(
      MergeRepeatedFlag({"docsearch", "--json", "search", "--", "--doc_type=x"}, "doc_type"),
      ElementsAre("docsearch", "--json", "search", "--", "--doc_type=x"));
}

TEST(MergeRepeatedFlag, DoesNotMistakeAFlagWithALongerName) {
  EXPECT_THAT(MergeRepeatedFlag({"--doc_types=x"}, "doc_type"), ElementsAre("--doc_types=x"));
}

TEST(ExpandShortFlag, TurnsTheShortFormIntoTheLongFlag) {
  EXPECT_THAT(ExpandShortFlag({"docsearch", "search", "-q", "title:x", "-q=a:b", "-qq", "--", "-q"},
                              "q", "query_string"),
              ElementsAre("docsearch", "search", "--query_string", "title:x", "--query_string=a:b",
                          "-qq", "--", "-q"));
}

TEST(FindUnknownFlag, AcceptsRegisteredFlagsInEveryForm) {
  EXPECT_EQ(FindUnknownFlag({"search", "--test_doc_type=x", "-test_json", "--notest_json",
                             "--test_json=false", "text", "-", "--", "--whatever"}),
            std::nullopt);
}

TEST(FindUnknownFlag, LeavesAbslsOwnFlagsToAbsl) {
  EXPECT_EQ(FindUnknownFlag({"--help", "--helpfull", "--version", "--flagfile=f"}), std::nullopt);
}

TEST(FindUnknownFlag, NamesTheFirstUnknownFlag) {
  EXPECT_THAT(FindUnknownFlag({"search", "--test-doc-type=x", "--bogus"}),
              Optional(Eq("--test-doc-type=x")));
  // "--no" only negates boolean flags.
  EXPECT_THAT(FindUnknownFlag({"--notest_doc_type"}), Optional(Eq("--notest_doc_type")));
}

TEST(TypesBooleanFlag, SeesEveryFormButNotADefaultOrAnotherFlag) {
  EXPECT_TRUE(TypesBooleanFlag({"search", "x", "--collapse"}, "collapse"));
  EXPECT_TRUE(TypesBooleanFlag({"search", "-collapse", "x"}, "collapse"));
  EXPECT_TRUE(TypesBooleanFlag({"search", "--collapse=false"}, "collapse"));
  EXPECT_TRUE(TypesBooleanFlag({"search", "--nocollapse"}, "collapse"));
  EXPECT_FALSE(TypesBooleanFlag({"search", "x"}, "collapse"));
  EXPECT_FALSE(TypesBooleanFlag({"search", "--collapsed", "--collapse_all"}, "collapse"));
  EXPECT_FALSE(TypesBooleanFlag({"search", "--", "--collapse"}, "collapse"));
}

TEST(AsksForHelp, KnowsTheUsualSpellings) {
  EXPECT_TRUE(AsksForHelp({"docsearch", "help"}));
  EXPECT_TRUE(AsksForHelp({"docsearch", "search", "--help"}));
  EXPECT_TRUE(AsksForHelp({"docsearch", "-h"}));
  EXPECT_FALSE(AsksForHelp({"docsearch", "search", "help"}));
  EXPECT_FALSE(AsksForHelp({"docsearch", "search", "--", "--help"}));
}

TEST(UsageText, NamesEveryCommand) {
  for (const char* command :
       {"ingest PATH", "parse FILE", "search TEXT", "search -q", "get ID", "stats", "compare A B",
        "similar ID", "trend TERM", "duplicates [ID]", "sets A B", "get ID...", "export -q QUERY",
        "snapshot", "backup DIR"}) {
    EXPECT_THAT(std::string(UsageText()), HasSubstr(command));
  }
}

}  // namespace
}  // namespace docsearch::cli

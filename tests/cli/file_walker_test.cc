#include "cli/file_walker.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace docsearch::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// A fresh folder under the test's temporary directory, removed afterwards.
class FileWalkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::path(::testing::TempDir()) /
            (std::string("file_walker_") + info->name() + "_" + std::to_string(getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  fs::path Write(const fs::path& relative, const std::string& content) {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  static std::vector<std::string> SourceUris(const WalkResult& result) {
    std::vector<std::string> uris;
    for (const FoundFile& file : result.files) uris.push_back(file.source_uri);
    return uris;
  }

  static std::vector<LocalDocument> ReadAll(const FoundFile& file) {
    std::vector<LocalDocument> documents;
    EXPECT_TRUE(ReadRawDocuments(file, [&](LocalDocument document) {
                  documents.push_back(std::move(document));
                  return true;
                }).ok());
    return documents;
  }

  fs::path root_;
};

TEST(ContentTypeForPath, FollowsTheExtensionIgnoringCase) {
  EXPECT_EQ(ContentTypeForPath("a/statement.txt"), docsearch::v1::CONTENT_TYPE_TEXT);
  EXPECT_EQ(ContentTypeForPath("page.html"), docsearch::v1::CONTENT_TYPE_HTML);
  EXPECT_EQ(ContentTypeForPath("PAGE.HTM"), docsearch::v1::CONTENT_TYPE_HTML);
  EXPECT_EQ(ContentTypeForPath("doc.json"), docsearch::v1::CONTENT_TYPE_JSON);
  EXPECT_EQ(ContentTypeForPath("docs.jsonl"), docsearch::v1::CONTENT_TYPE_JSON);
}

TEST(ContentTypeForPath, LeavesOtherFilesToTheServer) {
  EXPECT_EQ(ContentTypeForPath("scan.pdf"), docsearch::v1::CONTENT_TYPE_UNSPECIFIED);
  EXPECT_EQ(ContentTypeForPath("README"), docsearch::v1::CONTENT_TYPE_UNSPECIFIED);
}

TEST_F(FileWalkerTest, WalksFoldersRecursivelyInNameOrder) {
  Write("b.txt", "b");
  Write("a.html", "<p>a</p>");
  Write("2001/dec/statement.txt", "s");
  Write("2001/communique.txt", "c");

  const WalkResult result = WalkPaths({root_.string()});

  EXPECT_THAT(result.errors, IsEmpty());
  EXPECT_THAT(SourceUris(result),
              ElementsAre("2001/communique.txt", "2001/dec/statement.txt", "a.html", "b.txt"));
}

TEST_F(FileWalkerTest, SourceUriOfAFileInAFolderIsRelativeToTheFolder) {
  const fs::path file = Write("archive/2001/statement.txt", "s");

  const WalkResult result = WalkPaths({(root_ / "archive").string()});

  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_EQ(result.files[0].source_uri, "2001/statement.txt");
  EXPECT_EQ(result.files[0].path, file);
  EXPECT_EQ(result.files[0].content_type, docsearch::v1::CONTENT_TYPE_TEXT);
}

TEST_F(FileWalkerTest, SourceUriOfAFileArgumentIsThePathAsGiven) {
  Write("statement.txt", "s");
  const std::string argument = (root_ / "." / "statement.txt").string();

  const WalkResult result = WalkPaths({argument});

  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_EQ(result.files[0].source_uri, (root_ / "statement.txt").generic_string());
}

TEST_F(FileWalkerTest, ReportsAMissingPathAndGoesOn) {
  Write("there.txt", "t");

  const WalkResult result =
      WalkPaths({(root_ / "missing").string(), (root_ / "there.txt").string()});

  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].path, (root_ / "missing").string());
  EXPECT_EQ(result.errors[0].status.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(result.files.size(), 1u);
}

TEST_F(FileWalkerTest, SkipsHiddenFilesAndFolders) {
  Write(".git/config", "x");
  Write(".DS_Store", "x");
  Write("visible.txt", "v");

  const WalkResult result = WalkPaths({root_.string()});

  EXPECT_THAT(SourceUris(result), ElementsAre("visible.txt"));
  EXPECT_THAT(result.errors, IsEmpty());
}

TEST_F(FileWalkerTest, RefusesSymlinkOutsideTheFolder) {
  const fs::path outside = Write("outside/secret.txt", "secret");
  Write("archive/ok.txt", "ok");
  fs::create_symlink(outside, root_ / "archive" / "link.txt");
  fs::create_directory_symlink(root_ / "outside", root_ / "archive" / "linked_folder");

  const WalkResult result = WalkPaths({(root_ / "archive").string()});

  EXPECT_THAT(SourceUris(result), ElementsAre("ok.txt"));
  ASSERT_EQ(result.errors.size(), 2u);
  for (const WalkError& error : result.errors) {
    EXPECT_EQ(error.status.code(), absl::StatusCode::kPermissionDenied);
    EXPECT_THAT(std::string(error.status.message()), HasSubstr("outside the folder"));
  }
  EXPECT_EQ(result.errors[0].path, (root_ / "archive" / "link.txt").string());
  EXPECT_EQ(result.errors[1].path, (root_ / "archive" / "linked_folder").string());
}

TEST_F(FileWalkerTest, RefusesRelativeSymlinkClimbingOutOfTheFolder) {
  Write("secret.txt", "secret");
  Write("archive/ok.txt", "ok");
  fs::create_symlink("../secret.txt", root_ / "archive" / "sneaky.txt");

  const WalkResult result = WalkPaths({(root_ / "archive").string()});

  EXPECT_THAT(SourceUris(result), ElementsAre("ok.txt"));
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].status.code(), absl::StatusCode::kPermissionDenied);
}

TEST_F(FileWalkerTest, FollowsSymlinkThatStaysInsideTheFolder) {
  Write("archive/2001/statement.txt", "s");
  fs::create_symlink(root_ / "archive" / "2001" / "statement.txt",
                     root_ / "archive" / "latest.txt");

  const WalkResult result = WalkPaths({(root_ / "archive").string()});

  EXPECT_THAT(result.errors, IsEmpty());
  EXPECT_THAT(SourceUris(result), ElementsAre("2001/statement.txt", "latest.txt"));
}

TEST_F(FileWalkerTest, DoesNotLoopOnASymlinkToAnEnclosingFolder) {
  Write("archive/a.txt", "a");
  fs::create_directory_symlink(root_ / "archive", root_ / "archive" / "again");

  const WalkResult result = WalkPaths({(root_ / "archive").string()});

  EXPECT_THAT(SourceUris(result), ElementsAre("a.txt"));
}

TEST_F(FileWalkerTest, ReportsABrokenSymlink) {
  Write("archive/a.txt", "a");
  fs::create_symlink(root_ / "archive" / "gone.txt", root_ / "archive" / "dangling.txt");

  const WalkResult result = WalkPaths({(root_ / "archive").string()});

  EXPECT_THAT(SourceUris(result), ElementsAre("a.txt"));
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].path, (root_ / "archive" / "dangling.txt").string());
}

TEST_F(FileWalkerTest, RefusesAnArgumentThatClimbsOutOfAFolder) {
  Write("outside/secret.txt", "secret");
  Write("archive/ok.txt", "ok");

  const WalkResult result =
      WalkPaths({(root_ / "archive" / ".." / "outside").string(),
                 (root_ / "archive" / "sub" / ".." / ".." / "outside" / "secret.txt").string()});

  EXPECT_THAT(result.files, IsEmpty());
  ASSERT_EQ(result.errors.size(), 2u);
  for (const WalkError& error : result.errors) {
    EXPECT_EQ(error.status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(error.status.message()), HasSubstr("climbs out"));
  }
}

TEST_F(FileWalkerTest, AcceptsAFolderNamedWithLeadingDotDot) {
  Write("archive/ok.txt", "ok");
  // Relative to the working directory, which is rarely above the temporary
  // folder, so this path usually starts with "../".
  const fs::path relative = fs::relative(root_ / "archive", fs::current_path());

  const WalkResult result = WalkPaths({relative.string()});

  EXPECT_THAT(result.errors, IsEmpty());
  EXPECT_THAT(SourceUris(result), ElementsAre("ok.txt"));
}

TEST_F(FileWalkerTest, ReadsAWholeFileAsOneDocument) {
  Write("archive/statement.txt", "Updated: 07-Dec-2001\r\n\r\nText\n");

  const WalkResult result = WalkPaths({(root_ / "archive").string()});
  ASSERT_EQ(result.files.size(), 1u);
  const std::vector<LocalDocument> documents = ReadAll(result.files[0]);

  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0].raw.content(), "Updated: 07-Dec-2001\r\n\r\nText\n");
  EXPECT_EQ(documents[0].raw.content_type(), docsearch::v1::CONTENT_TYPE_TEXT);
  EXPECT_EQ(documents[0].raw.source_uri(), "statement.txt");
  EXPECT_EQ(LocalLabel(result.files[0], documents[0]),
            (root_ / "archive" / "statement.txt").string());
}

TEST_F(FileWalkerTest, SplitsJsonLinesIntoOneDocumentPerNonEmptyLine) {
  Write("archive/batch.jsonl",
        "{\"title\":\"one\"}\n\n   \n{\"title\":\"two\"}\r\n{\"title\":\"3\"}");

  const WalkResult result = WalkPaths({(root_ / "archive").string()});
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_TRUE(result.files[0].json_lines);
  const std::vector<LocalDocument> documents = ReadAll(result.files[0]);

  ASSERT_EQ(documents.size(), 3u);
  EXPECT_EQ(documents[0].raw.content(), "{\"title\":\"one\"}");
  EXPECT_EQ(documents[1].raw.content(), "{\"title\":\"two\"}");
  EXPECT_EQ(documents[2].raw.content(), "{\"title\":\"3\"}");
  for (const LocalDocument& document : documents) {
    EXPECT_EQ(document.raw.content_type(), docsearch::v1::CONTENT_TYPE_JSON);
  }
}

TEST_F(FileWalkerTest, JsonLinesLeaveIdentityToTheObjectAndAreLabelledByLine) {
  Write("archive/batch.jsonl", "{\"id\":\"a\"}\n\n{\"id\":\"b\"}\n");

  const WalkResult result = WalkPaths({(root_ / "archive").string()});
  ASSERT_EQ(result.files.size(), 1u);
  const std::vector<LocalDocument> documents = ReadAll(result.files[0]);

  ASSERT_EQ(documents.size(), 2u);
  // A source_uri would override the object's own and, with the fragment
  // dropped by the service, give every line of the file the same id.
  EXPECT_EQ(documents[0].raw.source_uri(), "");
  EXPECT_EQ(documents[1].raw.source_uri(), "");
  // Line numbers count the blank lines, so they point into the file.
  const std::string path = (root_ / "archive" / "batch.jsonl").string();
  EXPECT_EQ(LocalLabel(result.files[0], documents[0]), path + "#1");
  EXPECT_EQ(LocalLabel(result.files[0], documents[1]), path + "#3");
}

TEST_F(FileWalkerTest, StopsReadingJsonLinesWhenAskedTo) {
  const fs::path file = Write("batch.jsonl", "{}\n{}\n{}\n");
  int seen = 0;

  ASSERT_TRUE(ReadRawDocuments(DescribeFile(file, "batch.jsonl"), [&](LocalDocument) {
                return ++seen < 2;
              }).ok());

  EXPECT_EQ(seen, 2);
}

TEST_F(FileWalkerTest, ReadingAVanishedFileFails) {
  const FoundFile file = DescribeFile(root_ / "vanished.txt", "vanished.txt");

  const absl::Status status = ReadRawDocuments(file, [](LocalDocument) { return true; });

  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(status.message()), HasSubstr("vanished.txt"));
}

// The time-of-check/time-of-use race: a file checked by the walk and then
// swapped for a symlink to a file outside the folder used to be opened by
// path, following the link, and sent.
TEST_F(FileWalkerTest, RefusesAFileSwappedForASymlinkAfterTheWalk) {
  Write("archive/statement.txt", "inside");
  const fs::path secret = Write("secret.txt", "outside the folder");
  const WalkResult result = WalkPaths({(root_ / "archive").string()});
  ASSERT_EQ(result.files.size(), 1u);

  fs::remove(root_ / "archive" / "statement.txt");
  fs::create_symlink(secret, root_ / "archive" / "statement.txt");
  std::vector<std::string> sent;
  const absl::Status status = ReadRawDocuments(result.files[0], [&](LocalDocument document) {
    sent.push_back(document.raw.content());
    return true;
  });

  EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied) << status;
  EXPECT_THAT(sent, IsEmpty());
}

TEST_F(FileWalkerTest, RefusesAFolderSwappedForASymlinkAfterTheWalk) {
  Write("archive/2001/statement.txt", "inside");
  Write("elsewhere/statement.txt", "outside the folder");
  const WalkResult result = WalkPaths({(root_ / "archive").string()});
  ASSERT_EQ(result.files.size(), 1u);

  fs::rename(root_ / "archive" / "2001", root_ / "archive" / "2001-moved");
  fs::create_directory_symlink(root_ / "elsewhere", root_ / "archive" / "2001");
  std::vector<std::string> sent;
  const absl::Status status = ReadRawDocuments(result.files[0], [&](LocalDocument document) {
    sent.push_back(document.raw.content());
    return true;
  });

  EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied) << status;
  EXPECT_THAT(sent, IsEmpty());
}

TEST_F(FileWalkerTest, RefusesAFileReplacedByAnotherAfterTheWalk) {
  Write("archive/statement.txt", "checked");
  const WalkResult result = WalkPaths({(root_ / "archive").string()});
  ASSERT_EQ(result.files.size(), 1u);

  // A new file (a new inode) under the same name.
  Write("archive/replacement.txt", "not what was checked");
  fs::rename(root_ / "archive" / "replacement.txt", root_ / "archive" / "statement.txt");
  const absl::Status status = ReadRawDocuments(result.files[0], [](LocalDocument) { return true; });

  EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied) << status;
}

TEST_F(FileWalkerTest, StillReadsAFileReachedThroughAnInsideSymlink) {
  Write("archive/real/statement.txt", "inside");
  fs::create_directory_symlink(root_ / "archive" / "real", root_ / "archive" / "alias");
  Write("archive/link-target.txt", "linked");
  fs::create_symlink(root_ / "archive" / "link-target.txt", root_ / "archive" / "link.txt");
  const WalkResult result = WalkPaths({(root_ / "archive").string()});
  ASSERT_THAT(result.errors, IsEmpty());
  for (const FoundFile& file : result.files) {
    EXPECT_FALSE(ReadAll(file).empty()) << file.path;
  }
}

}  // namespace
}  // namespace docsearch::cli

// Document versions survive a restart: replayed from the log, loaded from a
// snapshot (format 2 writes each id's earlier versions before its live one),
// and a format 1 snapshot written before versions existed still loads.
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/internal/endian.h"
#include "common/crc32c.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/index/version_history.h"
#include "query_service/search/search_index.h"
#include "query_service/storage/indexer.h"
#include "query_service/storage/log_files.h"
#include "query_service/storage/log_recovery.h"
#include "query_service/storage/snapshot.h"
#include "query_service/storage/snapshotter.h"
#include "tests/query_service/storage/durable_node.h"

namespace docsearch::query {
namespace {

using ::docsearch::v1::Document;
using ::testing::ElementsAre;

Document MakeDocument(const std::string& id, const std::string& body) {
  Document document;
  document.set_id(id);
  document.set_title("Title of " + id);
  document.add_paragraphs()->set_text(body);
  document.set_content_hash(id + "/" + body);
  return document;
}

// The bodies of `id`'s versions in `node`, oldest first (each must carry its
// ingest time).
std::vector<std::string> Bodies(const testing::DurableNode& node, const std::string& id) {
  return node.index.Read([&](IndexSnapshot data) {
    std::vector<std::string> bodies;
    const VersionHistory* history = VersionHistory::Of(*data);
    const std::optional<DocId> live = data->FindDoc(id);
    if (history == nullptr || !live.has_value()) return bodies;
    for (DocId slot : history->Versions(*live)) {
      absl::StatusOr<Document> document = data->documents().Load(slot);
      EXPECT_TRUE(document.ok());
      EXPECT_TRUE(document->has_ingested_at());
      bodies.push_back(document->paragraphs(0).text());
    }
    return bodies;
  });
}

using VersionSnapshotTest = testing::DataDirTest;

TEST_F(VersionSnapshotTest, TheLogReplayRebuildsTheHistory) {
  {
    testing::DurableNode node(directory_, {.documents_per_chunk = 2, .max_versions = 3});
    ASSERT_TRUE(node.status.ok()) << node.status;
    node.Write({MakeDocument("a", "one"), MakeDocument("b", "one")});
    node.Write({MakeDocument("a", "two")});
    node.Write({MakeDocument("a", "three"), MakeDocument("a", "four")});
    EXPECT_THAT(Bodies(node, "a"), ElementsAre("two", "three", "four"));
  }
  testing::DurableNode recovered(directory_, {.documents_per_chunk = 2, .max_versions = 3});
  ASSERT_TRUE(recovered.status.ok()) << recovered.status;
  EXPECT_THAT(Bodies(recovered, "a"), ElementsAre("two", "three", "four"));
  EXPECT_THAT(Bodies(recovered, "b"), ElementsAre("one"));
}

TEST_F(VersionSnapshotTest, ASnapshotKeepsEachIdsEarlierVersionsInOrder) {
  {
    testing::DurableNode node(directory_, {.documents_per_chunk = 2, .max_versions = 3});
    ASSERT_TRUE(node.status.ok()) << node.status;
    node.Write({MakeDocument("a", "one"), MakeDocument("b", "one"), MakeDocument("c", "one")});
    node.Write({MakeDocument("b", "two"), MakeDocument("a", "two")});
    node.Write({MakeDocument("a", "three"), MakeDocument("a", "four")});
    ASSERT_TRUE(node.indexer.Delete("c").ok());
    auto snapshot = node.snapshotter->TakeSnapshot();
    ASSERT_TRUE(snapshot.ok()) << snapshot.status();
    // a: two, three, four; b: one, two. The deleted c is gone with its history.
    EXPECT_EQ(snapshot->documents, 5u);
  }
  testing::DurableNode recovered(directory_, {.documents_per_chunk = 2, .max_versions = 3});
  ASSERT_TRUE(recovered.status.ok()) << recovered.status;
  EXPECT_EQ(recovered.report.records_replayed, 0);  // All from the snapshot.
  EXPECT_THAT(Bodies(recovered, "a"), ElementsAre("two", "three", "four"));
  EXPECT_THAT(Bodies(recovered, "b"), ElementsAre("one", "two"));
  EXPECT_THAT(Bodies(recovered, "c"), ElementsAre());
}

TEST_F(VersionSnapshotTest, ASmallerBoundAtRestartKeepsTheNewestVersions) {
  {
    testing::DurableNode node(directory_, {.documents_per_chunk = 2, .max_versions = 5});
    ASSERT_TRUE(node.status.ok()) << node.status;
    for (const char* body : {"one", "two", "three", "four"}) node.Write({MakeDocument("a", body)});
    ASSERT_TRUE(node.snapshotter->TakeSnapshot().ok());
  }
  testing::DurableNode recovered(directory_, {.documents_per_chunk = 2, .max_versions = 2});
  ASSERT_TRUE(recovered.status.ok()) << recovered.status;
  EXPECT_THAT(Bodies(recovered, "a"), ElementsAre("three", "four"));
}

TEST_F(VersionSnapshotTest, AFormatOneSnapshotStillLoads) {
  // A format 1 file as the previous release wrote it: one record per live
  // document, magic ending in 0x01.
  const std::vector<Document> documents = {MakeDocument("a", "one"), MakeDocument("b", "two")};
  std::string bytes("DSSNAP\0\1", 8);
  std::string header(20, '\0');
  absl::little_endian::Store64(header.data(), 1);
  absl::little_endian::Store64(header.data() + 8, documents.size());
  absl::little_endian::Store32(header.data() + 16, Crc32c(absl::string_view(header).substr(0, 16)));
  bytes += header;
  for (const Document& document : documents) {
    const std::string body = document.SerializeAsString();
    std::string frame(8, '\0');
    absl::little_endian::Store32(frame.data(), static_cast<uint32_t>(body.size()));
    absl::little_endian::Store32(frame.data() + 4, Crc32c(body));
    bytes += frame + body;
  }
  std::string trailer(20, '\0');
  absl::little_endian::Store64(trailer.data(), documents.size());
  absl::little_endian::Store32(trailer.data() + 8, Crc32c(bytes));
  trailer.replace(12, 8, "DSSNPEND");
  const std::string path = SnapshotPath(directory_, 1);
  std::ofstream(path, std::ios::binary) << bytes + trailer;

  std::vector<std::string> loaded;
  auto info = ReadSnapshot(path, [&](Document document) {
    loaded.push_back(document.id());
    return absl::OkStatus();
  });
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_EQ(info->document_count, 2u);
  EXPECT_THAT(loaded, ElementsAre("a", "b"));

  // And a format 2 writer marks its files as such.
  SnapshotWriter writer(2);
  writer.Add(documents[0]);
  ASSERT_TRUE(writer.Commit(directory_).ok());
  std::ifstream written(SnapshotPath(directory_, 2), std::ios::binary);
  std::string magic(8, '\0');
  written.read(magic.data(), 8);
  EXPECT_EQ(magic, std::string("DSSNAP\0\2", 8));
}

}  // namespace
}  // namespace docsearch::query

// Snapshots and recovery from snapshot + logs, on a real data directory.
#include "query_service/storage/snapshot.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/search/search_index.h"
#include "query_service/storage/indexer.h"
#include "query_service/storage/log_files.h"
#include "query_service/storage/log_recovery.h"
#include "query_service/storage/snapshotter.h"
#include "tests/query_service/storage/durable_node.h"

namespace docsearch::query {
namespace {

using ::docsearch::v1::Document;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAreArray;

Document MakeDocument(const std::string& id, const std::string& body) {
  Document document;
  document.set_id(id);
  document.set_title("Title of " + id);
  document.add_paragraphs()->set_text(body);
  document.set_content_hash(id + "/" + body);
  return document;
}

// id → body of every live document of `node`.
std::vector<std::pair<std::string, std::string>> Contents(const testing::DurableNode& node) {
  return node.index.Read([](IndexSnapshot data) {
    std::vector<std::pair<std::string, std::string>> contents;
    for (size_t doc = 0; doc < data->live().size(); ++doc) {
      if (!data->live()[doc]) continue;
      absl::StatusOr<Document> document = data->documents().Load(static_cast<DocId>(doc));
      EXPECT_TRUE(document.ok()) << document.status();
      if (document.ok()) contents.emplace_back(document->id(), document->paragraphs(0).text());
    }
    return contents;
  });
}

class SnapshotTest : public testing::DataDirTest {
 protected:
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(directory_))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  void FlipByte(const std::string& path, std::streamoff from_end) {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(-from_end, std::ios::end);
    char c = 0;
    file.get(c);
    file.seekp(-from_end, std::ios::end);
    file.put(static_cast<char>(c ^ 0x20));
  }
};

TEST_F(SnapshotTest, WritesAndReadsBackEveryDocument) {
  SnapshotWriter writer(7);
  writer.Add(MakeDocument("a", "alpha"));
  writer.Add(MakeDocument("b", "beta"));
  auto info = writer.Commit(directory_);
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_EQ(info->document_count, 2u);
  EXPECT_EQ(static_cast<uintmax_t>(info->bytes),
            std::filesystem::file_size(SnapshotPath(directory_, 7)));
  EXPECT_THAT(Names(), ElementsAre("snapshot-00000000000000000007.snap"));  // No .tmp left.

  std::vector<std::string> ids;
  auto read = ReadSnapshot(SnapshotPath(directory_, 7), [&](Document document) {
    ids.push_back(document.id());
    return absl::OkStatus();
  });
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->generation, 7u);
  EXPECT_THAT(ids, ElementsAre("a", "b"));
}

TEST_F(SnapshotTest, DetectsTruncationAndFlippedBytesBeforeLoadingAnything) {
  SnapshotWriter writer(1);
  for (int i = 0; i < 50; ++i) writer.Add(MakeDocument("d" + std::to_string(i), "text"));
  ASSERT_TRUE(writer.Commit(directory_).ok());
  const std::string path = SnapshotPath(directory_, 1);
  const std::string copy = directory_ + "/copy";
  std::filesystem::copy_file(path, copy);
  int loaded = 0;
  auto count = [&](Document) {
    ++loaded;
    return absl::OkStatus();
  };

  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 30);
  auto truncated = ReadSnapshot(path, count);
  EXPECT_EQ(truncated.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(truncated.status().message(), HasSubstr(path));

  std::filesystem::copy_file(copy, path, std::filesystem::copy_options::overwrite_existing);
  FlipByte(path, 100);  // Inside the last document.
  EXPECT_EQ(ReadSnapshot(path, count).status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(loaded, 0);
}

TEST_F(SnapshotTest, RecoversFromTheSnapshotPlusTheLogsAfterIt) {
  {
    testing::DurableNode node(directory_);
    ASSERT_TRUE(node.status.ok()) << node.status;
    node.Write({MakeDocument("a", "one"), MakeDocument("b", "one")});
    auto snapshot = node.snapshotter->TakeSnapshot();
    ASSERT_TRUE(snapshot.ok()) << snapshot.status();
    EXPECT_EQ(snapshot->documents, 2u);
    node.Write({MakeDocument("a", "two"), MakeDocument("c", "one")});
    ASSERT_TRUE(node.indexer.Delete("b").ok());
  }
  testing::DurableNode recovered(directory_);
  ASSERT_TRUE(recovered.status.ok()) << recovered.status;
  EXPECT_EQ(recovered.report.snapshot_generation, 2u);
  EXPECT_EQ(recovered.report.snapshot_documents, 2);
  EXPECT_EQ(recovered.report.records_replayed, 2);  // The batch and the delete.
  EXPECT_THAT(Contents(recovered),
              UnorderedElementsAreArray(
                  std::vector<std::pair<std::string, std::string>>{{"a", "two"}, {"c", "one"}}));
}

TEST_F(SnapshotTest, KeepsThePreviousSnapshotAndItsLogsAndRemovesOlderOnes) {
  testing::DurableNode node(directory_);
  ASSERT_TRUE(node.status.ok());
  for (int round = 0; round < 4; ++round) {
    node.Write({MakeDocument("d" + std::to_string(round), "text")});
    ASSERT_TRUE(node.snapshotter->TakeSnapshot().ok());
  }
  // Snapshots 2..5 were taken; 4 and 5 remain with the logs from 4 on.
  EXPECT_THAT(Names(), ElementsAre("snapshot-00000000000000000004.snap",
                                   "snapshot-00000000000000000005.snap",
                                   "wal-00000000000000000004.log", "wal-00000000000000000005.log"));
  EXPECT_EQ(node.snapshotter->LogBytesSinceSnapshot(), 0);
}

TEST_F(SnapshotTest, FallsBackToTheOlderSnapshotWhenTheNewestIsDamaged) {
  {
    testing::DurableNode node(directory_);
    node.Write({MakeDocument("a", "one")});
    ASSERT_TRUE(node.snapshotter->TakeSnapshot().ok());  // Generation 2.
    node.Write({MakeDocument("b", "one")});
    ASSERT_TRUE(node.snapshotter->TakeSnapshot().ok());  // Generation 3.
    node.Write({MakeDocument("c", "one")});
  }
  FlipByte(SnapshotPath(directory_, 3), 40);
  testing::DurableNode recovered(directory_);
  ASSERT_TRUE(recovered.status.ok()) << recovered.status;
  EXPECT_EQ(recovered.report.snapshot_generation, 2u);
  EXPECT_EQ(recovered.report.snapshots_skipped, 1);
  EXPECT_EQ(recovered.report.records_replayed, 2);
  // Kept aside under a name no clean-up removes.
  EXPECT_THAT(recovered.report.kept_aside, ElementsAre(SnapshotPath(directory_, 3) + ".damaged"));
  EXPECT_FALSE(std::filesystem::exists(SnapshotPath(directory_, 3)));
  EXPECT_THAT(Contents(recovered),
              UnorderedElementsAreArray(std::vector<std::pair<std::string, std::string>>{
                  {"a", "one"}, {"b", "one"}, {"c", "one"}}));
}

TEST_F(SnapshotTest, RefusesToStartWhenTheOnlySnapshotIsDamagedAndItsLogsAreGone) {
  {
    testing::DurableNode node(directory_);
    for (int round = 0; round < 3; ++round) {
      node.Write({MakeDocument("d" + std::to_string(round), "text")});
      ASSERT_TRUE(node.snapshotter->TakeSnapshot().ok());
    }
  }
  // Snapshots 3 and 4 remain; damage both.
  FlipByte(SnapshotPath(directory_, 3), 40);
  FlipByte(SnapshotPath(directory_, 4), 40);
  testing::DurableNode recovered(directory_);
  EXPECT_EQ(recovered.status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(recovered.status.message(), HasSubstr("no snapshot covers"));
}

TEST_F(SnapshotTest, RemovesAnUnfinishedSnapshotAtStart) {
  {
    testing::DurableNode node(directory_);
    node.Write({MakeDocument("a", "one")});
  }
  std::ofstream(SnapshotPath(directory_, 2) + ".tmp") << "half a snapshot";
  testing::DurableNode recovered(directory_);
  ASSERT_TRUE(recovered.status.ok());
  EXPECT_EQ(recovered.report.temporary_files_removed, 1);
  EXPECT_EQ(recovered.report.snapshot_generation, 0u);
  EXPECT_THAT(Names(), ElementsAre("wal-00000000000000000001.log"));
}

// Concurrent writers share syncs and snapshots run meanwhile, yet the log's
// order stays the index's: recovery rebuilds exactly the same documents.
TEST_F(SnapshotTest, ConcurrentWritersRecoverInTheOrderTheyWereApplied) {
  std::vector<std::pair<std::string, std::string>> written;
  {
    // Tiny chunks, so writes land between the chunks of each copy.
    testing::DurableNode node(directory_, {.documents_per_chunk = 2});
    std::vector<std::thread> writers;
    for (int w = 0; w < 8; ++w) {
      writers.emplace_back([&node, w] {
        for (int n = 0; n < 20; ++n) {
          const std::string id = "w" + std::to_string(w) + "-" + std::to_string(n % 7);
          node.Write({MakeDocument(id, "version " + std::to_string(n))});
          if (n == 10) {
            ASSERT_TRUE(node.indexer.Delete(id).ok());
          }
        }
      });
    }
    for (int s = 0; s < 3; ++s) ASSERT_TRUE(node.snapshotter->TakeSnapshot().ok());
    for (std::thread& writer : writers) writer.join();
    written = Contents(node);
    EXPECT_LE(node.log->syncs(), 8 * 21);
  }
  testing::DurableNode recovered(directory_);
  ASSERT_TRUE(recovered.status.ok()) << recovered.status;
  EXPECT_EQ(written.size(), 8u * 7u);
  EXPECT_THAT(Contents(recovered), UnorderedElementsAreArray(written));
}

// A snapshot may already hold writes of the generation replayed over it:
// replaying whole-document upserts and deletes again must give the same end.
TEST_F(SnapshotTest, ReplayingRecordsAlreadyInTheStateChangesNothing) {
  testing::DurableNode node(directory_);
  node.Write({MakeDocument("a", "one"), MakeDocument("b", "one")});
  ASSERT_TRUE(node.indexer.Delete("b").ok());
  node.Write({MakeDocument("a", "two")});
  const auto before = Contents(node);

  v1::WriteRequest upserts;
  *upserts.add_documents() = MakeDocument("b", "one");
  *upserts.add_documents() = MakeDocument("a", "one");
  v1::DeleteDocumentRequest delete_b;
  delete_b.set_id("b");
  v1::WriteRequest last;
  *last.add_documents() = MakeDocument("a", "two");
  for (int pass = 0; pass < 2; ++pass) {
    ASSERT_TRUE(node.indexer.Replay(LogRecordType::kUpsertBatch, upserts.SerializeAsString()).ok());
    ASSERT_TRUE(node.indexer.Replay(LogRecordType::kDelete, delete_b.SerializeAsString()).ok());
    ASSERT_TRUE(node.indexer.Replay(LogRecordType::kUpsertBatch, last.SerializeAsString()).ok());
  }
  // Deleting an id that is absent is not an error during replay.
  ASSERT_TRUE(node.indexer.Replay(LogRecordType::kDelete, delete_b.SerializeAsString()).ok());
  EXPECT_EQ(Contents(node), before);
}

}  // namespace
}  // namespace docsearch::query

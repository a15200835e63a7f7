// The raw bytes kept with a document (Document.raw) through the write-ahead
// log and snapshots, old data without them, and re-parse writes
// (replace_same_content) surviving a restart.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "query_service/search/search_index.h"
#include "query_service/storage/indexer.h"
#include "query_service/storage/log_recovery.h"
#include "query_service/storage/snapshot.h"
#include "query_service/storage/snapshotter.h"
#include "tests/query_service/storage/durable_node.h"

namespace docsearch::query {
namespace {

using ::docsearch::v1::Document;
using testing::DurableNode;

Document MakeDocument(const std::string& id, const std::string& title) {
  Document document;
  document.set_id(id);
  document.set_title(title);
  document.add_paragraphs()->set_text("The body of " + id);
  document.set_content_hash("hash-of-" + id);  // Of the input: a re-parse keeps it.
  return document;
}

Document WithRaw(Document document) {
  v1::KeptRaw* raw = document.mutable_raw();
  std::string frame;
  for (int i = 0; i < 600; ++i) frame.push_back(static_cast<char>((i * 131 + 7) % 256));
  raw->set_zstd_content(frame + document.id());
  raw->set_content_bytes(1234);
  raw->set_content_type("CONTENT_TYPE_TEXT");
  raw->set_source_uri("file:///archive/" + document.id() + ".txt");
  return document;
}

class RawBytesDurabilityTest : public testing::DataDirTest {
 protected:
  // Asserts that `id` is stored with exactly `expected`'s raw bytes, and
  // that a plain Load leaves them out.
  void ExpectRaw(const DurableNode& node, const std::string& id, const Document& expected) {
    absl::StatusOr<Document> whole = node.Load(id, StoredParts::kWithRaw);
    ASSERT_TRUE(whole.ok()) << whole.status();
    EXPECT_EQ(whole->raw().SerializeAsString(), expected.raw().SerializeAsString());
    EXPECT_EQ(whole->title(), expected.title());
    absl::StatusOr<Document> parsed = node.Load(id, StoredParts::kParsed);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_FALSE(parsed->has_raw());
  }
};

TEST_F(RawBytesDurabilityTest, RawBytesComeBackFromTheLog) {
  const Document a = WithRaw(MakeDocument("a", "Alpha"));
  {
    DurableNode node(directory_);
    ASSERT_TRUE(node.status.ok()) << node.status;
    node.Write({a, MakeDocument("b", "Beta")}, false);
  }
  DurableNode recovered(directory_);
  ASSERT_TRUE(recovered.status.ok()) << recovered.status;
  EXPECT_EQ(recovered.report.records_replayed, 1);
  ExpectRaw(recovered, "a", a);
  absl::StatusOr<Document> b = recovered.Load("b", StoredParts::kWithRaw);
  ASSERT_TRUE(b.ok());
  EXPECT_FALSE(b->has_raw());
}

TEST_F(RawBytesDurabilityTest, RawBytesComeBackFromASnapshot) {
  const Document a = WithRaw(MakeDocument("a", "Alpha"));
  {
    DurableNode node(directory_);
    ASSERT_TRUE(node.status.ok()) << node.status;
    node.Write({a}, false);
    auto snapshot = node.snapshotter->TakeSnapshot();
    ASSERT_TRUE(snapshot.ok()) << snapshot.status();
  }
  DurableNode recovered(directory_);
  ASSERT_TRUE(recovered.status.ok()) << recovered.status;
  EXPECT_EQ(recovered.report.snapshot_documents, 1);
  EXPECT_EQ(recovered.report.records_replayed, 0);  // From the snapshot alone.
  ExpectRaw(recovered, "a", a);
}

TEST_F(RawBytesDurabilityTest, DataWrittenBeforeRawBytesStillLoads) {
  // A snapshot and a log record as they were written before Document.raw
  // and WriteRequest.replace_same_content existed: neither field set.
  SnapshotWriter writer(1);
  writer.Add(MakeDocument("old", "Old"));
  ASSERT_TRUE(writer.Commit(directory_).ok());
  {
    DurableNode node(directory_);
    ASSERT_TRUE(node.status.ok()) << node.status;
    v1::WriteRequest record;
    *record.add_documents() = MakeDocument("logged", "Logged");
    ASSERT_TRUE(node.indexer.Replay(LogRecordType::kUpsertBatch, record.SerializeAsString()).ok());
    // The same id and content hash again, unmarked: unchanged, as before.
    v1::WriteRequest again;
    *again.add_documents() = MakeDocument("old", "Old, parsed differently");
    auto response = node.indexer.Write(again);
    ASSERT_TRUE(response.ok()) << response.status();
    EXPECT_TRUE(response->results(0).unchanged());
  }
  DurableNode recovered(directory_);
  ASSERT_TRUE(recovered.status.ok()) << recovered.status;
  for (const char* id : {"old"}) {
    absl::StatusOr<Document> document = recovered.Load(id, StoredParts::kWithRaw);
    ASSERT_TRUE(document.ok()) << id << ": " << document.status();
    EXPECT_FALSE(document->has_raw());
    EXPECT_EQ(document->title(), "Old");
  }
}

TEST_F(RawBytesDurabilityTest, AReparseReplacesTheSameContentAndSurvivesARestart) {
  const Document first = WithRaw(MakeDocument("a", "Title as first parsed"));
  Document reparsed = first;
  reparsed.set_title("Title as parsed now");
  {
    DurableNode node(directory_);
    ASSERT_TRUE(node.status.ok()) << node.status;
    node.Write({first}, false);
    ASSERT_TRUE(node.snapshotter->TakeSnapshot().ok());
    // Unmarked, the same content hash is a retry: nothing changes.
    v1::WriteResponse retry = node.Write({reparsed}, false);
    EXPECT_TRUE(retry.results(0).unchanged());
    ExpectRaw(node, "a", first);
    // Marked as a re-parse, it replaces.
    v1::WriteResponse replaced = node.Write({reparsed}, true);
    EXPECT_FALSE(replaced.results(0).unchanged());
    EXPECT_EQ(replaced.results(0).code(), 0);
    ExpectRaw(node, "a", reparsed);
  }
  // The snapshot holds the first parse; the log's replay must replace it.
  DurableNode recovered(directory_);
  ASSERT_TRUE(recovered.status.ok()) << recovered.status;
  EXPECT_EQ(recovered.report.records_replayed, 1);
  ExpectRaw(recovered, "a", reparsed);
}

}  // namespace
}  // namespace docsearch::query

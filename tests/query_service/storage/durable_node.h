// What the storage tests share: a query service's durable state opened on a
// data directory exactly as main.cc opens it (recovery, log, snapshotter),
// and a fresh data directory per test.
//
// Each test file used to carry its own copy of this node; a change to how
// main.cc wires recovery then had to be made three times, and a copy that was
// missed tested a wiring the service no longer had.
#ifndef DOCSEARCH_TESTS_QUERY_SERVICE_STORAGE_DURABLE_NODE_H_
#define DOCSEARCH_TESTS_QUERY_SERVICE_STORAGE_DURABLE_NODE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "docsearch/v1/document.pb.h"
#include "gtest/gtest.h"
#include "query_service/index/document_store.h"
#include "query_service/search/search_index.h"
#include "query_service/storage/indexer.h"
#include "query_service/storage/log_recovery.h"
#include "query_service/storage/snapshotter.h"
#include "query_service/storage/write_ahead_log.h"

namespace docsearch::query::testing {

struct DurableNodeOptions {
  // Snapshot chunking; small values give several chunks for a few documents.
  int documents_per_chunk = 512;
  // > 0 attaches a version history keeping that many versions per id.
  int max_versions = 0;
};

// Opens `directory` as the service does; `status` says whether recovery
// succeeded (the members after it are unset when it did not). Snapshots are
// taken by hand: the snapshotter never triggers on log size.
struct DurableNode {
  explicit DurableNode(const std::string& directory, DurableNodeOptions options = {});

  // Writes `documents` in one request, as IndexService.Write would;
  // `replace_same_content` applies to every document. A failed write fails
  // the test and returns an empty response.
  v1::WriteResponse Write(const std::vector<v1::Document>& documents,
                          bool replace_same_content = false);

  // The stored document `id` with `parts`, or NOT_FOUND.
  absl::StatusOr<v1::Document> Load(const std::string& id,
                                    StoredParts parts = StoredParts::kParsed) const;

  SearchIndex index;
  Indexer indexer;
  RecoveryReport report;
  absl::Status status;
  std::unique_ptr<WriteAheadLog> log;
  std::unique_ptr<Snapshotter> snapshotter;
};

// A fixture giving each test an empty data directory of its own, named after
// the test, removed afterwards.
class DataDirTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  std::string directory_;
};

}  // namespace docsearch::query::testing

#endif  // DOCSEARCH_TESTS_QUERY_SERVICE_STORAGE_DURABLE_NODE_H_

#include "tests/query_service/storage/durable_node.h"

#include <filesystem>
#include <optional>
#include <utility>

#include "query_service/index/version_history.h"

namespace docsearch::query::testing {

DurableNode::DurableNode(const std::string& directory, DurableNodeOptions options)
    : index(SearchOptions{}), indexer(&index, nullptr) {
  if (options.max_versions > 0) index.AttachAnnex(VersionHistory::Factory(options.max_versions));
  auto opened = RecoverDataDir(directory, &indexer, &report);
  status = opened.status();
  if (!opened.ok()) return;
  log = *std::move(opened);
  indexer.AttachLog(log.get());
  SnapshotterOptions snapshotter_options;
  snapshotter_options.log_bytes = 0;
  snapshotter_options.documents_per_chunk = options.documents_per_chunk;
  snapshotter = std::make_unique<Snapshotter>(directory, &indexer, &index, log.get(),
                                              snapshotter_options, report.snapshot_generation);
}

v1::WriteResponse DurableNode::Write(const std::vector<v1::Document>& documents,
                                     bool replace_same_content) {
  v1::WriteRequest request;
  for (const v1::Document& document : documents) {
    *request.add_documents() = document;
    request.add_replace_same_content(replace_same_content);
  }
  absl::StatusOr<v1::WriteResponse> response = indexer.Write(request);
  EXPECT_TRUE(response.ok()) << response.status();
  return response.ok() ? *std::move(response) : v1::WriteResponse();
}

absl::StatusOr<v1::Document> DurableNode::Load(const std::string& id, StoredParts parts) const {
  return index.Read([&](IndexSnapshot data) -> absl::StatusOr<v1::Document> {
    std::optional<DocId> slot = data->FindDoc(id);
    if (!slot.has_value()) return absl::NotFoundError(id);
    return data->documents().Load(*slot, parts);
  });
}

void DataDirTest::SetUp() {
  directory_ = ::testing::TempDir() + "/storage_test_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name() + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name();
  std::filesystem::remove_all(directory_);
  std::filesystem::create_directories(directory_);
}

void DataDirTest::TearDown() { std::filesystem::remove_all(directory_); }

}  // namespace docsearch::query::testing

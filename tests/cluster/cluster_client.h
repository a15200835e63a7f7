// What the cluster tests do to the services: load the development corpus,
// ingest it, search, read stats, and wait for a condition.
#ifndef DOCSEARCH_TESTS_CLUSTER_CLUSTER_CLIENT_H_
#define DOCSEARCH_TESTS_CLUSTER_CLUSTER_CLIENT_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "docsearch/v1/ingest_service.pb.h"
#include "docsearch/v1/query_service.pb.h"

namespace docsearch::testing {

// The seeds and the development sets (nato-dev, statements-dev) under
// `corpus_dir`, sorted by path; empty when the folder is absent.
std::vector<docsearch::v1::RawDocument> LoadDevelopmentCorpus(const std::string& corpus_dir);

// Ingests every document through IngestDocument at `ingest_address`; the
// responses in order, or the first error.
absl::StatusOr<std::vector<docsearch::v1::IngestDocumentResponse>> IngestAll(
    const std::string& ingest_address, const std::vector<docsearch::v1::RawDocument>& documents);

absl::StatusOr<docsearch::v1::SearchResponse> SearchAt(const std::string& address,
                                                       const docsearch::v1::SearchRequest& request,
                                                       absl::Duration deadline = absl::Seconds(10));

absl::StatusOr<docsearch::v1::Document> GetDocumentAt(const std::string& address,
                                                      const std::string& id);

absl::StatusOr<docsearch::v1::GetIndexStatsResponse> IndexStatsAt(const std::string& address);

// GetIndexStats' document_count, or -1 when the call fails.
int64_t DocumentCountAt(const std::string& address);

// Polls `condition` every 50 ms until it holds (true) or `timeout` passes.
bool WaitUntil(const std::function<bool()>& condition, absl::Duration timeout);

}  // namespace docsearch::testing

#endif  // DOCSEARCH_TESTS_CLUSTER_CLUSTER_CLIENT_H_

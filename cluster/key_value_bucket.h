// A JetStream key-value bucket (the cluster map): get, put, create-if-absent
// and compare-and-set update by revision, and the list of keys.
//
// Thread safety: thread-safe.
#ifndef DOCSEARCH_CLUSTER_KEY_VALUE_BUCKET_H_
#define DOCSEARCH_CLUSTER_KEY_VALUE_BUCKET_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cluster/nats_handles.h"

namespace docsearch::cluster {

struct KeyValueEntry {
  std::string value;
  uint64_t revision = 0;
};

class KeyValueBucket {
 public:
  explicit KeyValueBucket(KvStorePtr store) : store_(std::move(store)) {}

  // NOT_FOUND when the key is absent (or deleted, or expired).
  absl::StatusOr<KeyValueEntry> Get(const std::string& key);
  // Writes unconditionally; returns the new revision.
  absl::StatusOr<uint64_t> Put(const std::string& key, const std::string& value);
  // Writes only when the key is absent: ALREADY_EXISTS otherwise.
  absl::StatusOr<uint64_t> Create(const std::string& key, const std::string& value);
  // Writes only when the key's revision is still `revision` (compare and
  // set): FAILED_PRECONDITION when someone wrote it since.
  absl::StatusOr<uint64_t> Update(const std::string& key, const std::string& value,
                                  uint64_t revision);
  // Deletes the key (a delete marker; absent keys are fine).
  absl::Status Delete(const std::string& key);
  // Every live key (empty bucket: none).
  absl::StatusOr<std::vector<std::string>> Keys();

 private:
  KvStorePtr store_;
};

}  // namespace docsearch::cluster

#endif  // DOCSEARCH_CLUSTER_KEY_VALUE_BUCKET_H_

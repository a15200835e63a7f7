// A replica's side of the cluster mode (docs/SCALING.md): for each of its
// shards, a thread reads the shard's JetStream stream strictly in sequence
// order, from the message after the last one applied, and applies it to the
// index through the Indexer (the same write path as IndexService.Write, so
// with a data_dir every batch is in the write-ahead log before its position
// is recorded, applied_positions.h). Messages are whole-document upserts and
// tombstones, so applying one twice changes nothing: there is no primary
// and no election, every replica of a shard converges on the stream's state.
//
// Once a shard has caught up (the consumer reports nothing pending), the
// replica announces itself for that shard in the cluster map and renews the
// announcement every heartbeat; on Stop it withdraws it.
//
// Thread safety: Start, Stop and the accessors are thread-safe.
#ifndef DOCSEARCH_QUERY_SERVICE_REPLICA_SHARD_FOLLOWER_H_
#define DOCSEARCH_QUERY_SERVICE_REPLICA_SHARD_FOLLOWER_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "cluster/cluster_map.h"
#include "cluster/jetstream.h"
#include "query_service/replica/applied_positions.h"
#include "query_service/storage/indexer.h"

namespace docsearch::query {

struct ShardFollowerOptions {
  std::vector<uint32_t> shards;
  // The address coordinators reach this replica at (host:port).
  std::string advertise_address;
  // Where the applied positions are kept (empty: memory only, every start
  // replays the streams from the beginning).
  std::string positions_path;
  // How often the announcement in the cluster map is renewed.
  absl::Duration heartbeat = absl::Seconds(2);
  // Most messages applied as one Indexer batch.
  int max_batch_documents = 256;
  // A reader that delivers nothing for this long while its stream holds
  // messages this replica has not applied is replaced by a new one from
  // the applied position (its consumer was lost, e.g. with a NATS server).
  absl::Duration stall_timeout = absl::Seconds(2);
};

class ShardFollower {
 public:
  // None of the pointers is owned; all outlive this. `applied` is what
  // recovery found (ReadAppliedPositions).
  ShardFollower(cluster::JetStream* jetstream, cluster::ClusterMap* cluster_map, Indexer* indexer,
                ShardFollowerOptions options, AppliedPositions applied);
  ~ShardFollower();

  void Start();
  // Stops the threads and withdraws the announcements.
  void Stop();

  AppliedPositions applied() const;
  // Whether every shard has caught up at least once.
  bool caught_up() const;

  // Waits until `shard`'s applied sequence reaches `sequence` (a
  // consistency token) or `deadline` passes: OK, or UNAVAILABLE naming the
  // shard, what is applied and what is asked. OK at once for a shard this
  // replica does not follow.
  absl::Status WaitForApplied(uint32_t shard, uint64_t sequence, absl::Time deadline) const;

 private:
  struct AppliedRun {
    uint64_t last_sequence = 0;
    // The reader's pending count after the last message (0: caught up).
    uint64_t pending = 0;
  };

  void Follow(uint32_t shard);
  // Applies `first` and the messages the reader has ready after it (up to
  // max_batch_documents upserts), in sequence order.
  absl::StatusOr<AppliedRun> ApplyRun(uint32_t shard, cluster::OrderedStreamReader& reader,
                                      cluster::StreamMessage first);
  // Applies `batch` (upserts) and records `last_sequence` as applied.
  absl::Status ApplyUpserts(uint32_t shard, const docsearch::v1::WriteRequest& batch);
  absl::Status RecordApplied(uint32_t shard, uint64_t sequence);

  cluster::JetStream* const jetstream_;
  cluster::ClusterMap* const cluster_map_;
  Indexer* const indexer_;
  const ShardFollowerOptions options_;

  // Serializes rewrites of the positions file (one per shard's thread).
  absl::Mutex positions_file_mu_ ABSL_ACQUIRED_BEFORE(mu_);
  mutable absl::Mutex mu_;
  AppliedPositions applied_ ABSL_GUARDED_BY(mu_);
  std::vector<uint32_t> caught_up_ ABSL_GUARDED_BY(mu_);

  absl::Notification stop_;
  std::vector<std::thread> threads_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_REPLICA_SHARD_FOLLOWER_H_

#include "query_service/replica/shard_follower.h"

#include <algorithm>
#include <optional>
#include <variant>

#include "absl/strings/str_cat.h"
#include "cluster/document_log_message.h"
#include "cluster/shard_router.h"
#include "common/log.h"

namespace docsearch::query {

ShardFollower::ShardFollower(cluster::JetStream* jetstream, cluster::ClusterMap* cluster_map,
                             Indexer* indexer, ShardFollowerOptions options,
                             AppliedPositions applied)
    : jetstream_(jetstream),
      cluster_map_(cluster_map),
      indexer_(indexer),
      options_(std::move(options)),
      applied_(std::move(applied)) {}

ShardFollower::~ShardFollower() { Stop(); }

void ShardFollower::Start() {
  for (uint32_t shard : options_.shards) {
    threads_.emplace_back([this, shard] { Follow(shard); });
  }
}

void ShardFollower::Stop() {
  if (threads_.empty()) return;
  if (!stop_.HasBeenNotified()) stop_.Notify();
  for (std::thread& thread : threads_) thread.join();
  threads_.clear();
  for (uint32_t shard : options_.shards) {
    if (absl::Status withdrawn = cluster_map_->Withdraw(shard, options_.advertise_address);
        !withdrawn.ok()) {
      LogWarning(absl::StrCat("shard ", shard,
                              ": could not withdraw from the cluster map (its "
                              "entry expires by itself): ",
                              withdrawn.message()));
    }
  }
}

AppliedPositions ShardFollower::applied() const {
  absl::MutexLock lock(&mu_);
  return applied_;
}

bool ShardFollower::caught_up() const {
  absl::MutexLock lock(&mu_);
  return caught_up_.size() == options_.shards.size();
}

absl::Status ShardFollower::RecordApplied(uint32_t shard, uint64_t sequence) {
  // Each shard's thread writes the whole map; the file lock orders the
  // writes, and each writes the map as it is when its turn comes, so no
  // rename puts back an older position.
  absl::MutexLock file_lock(&positions_file_mu_);
  AppliedPositions snapshot;
  {
    absl::MutexLock lock(&mu_);
    applied_[shard] = sequence;
    snapshot = applied_;
  }
  if (options_.positions_path.empty()) return absl::OkStatus();
  return WriteAppliedPositions(options_.positions_path, snapshot);
}

absl::Status ShardFollower::ApplyUpserts(uint32_t shard, const docsearch::v1::WriteRequest& batch) {
  if (batch.documents().empty()) return absl::OkStatus();
  absl::StatusOr<docsearch::v1::WriteResponse> written =
      indexer_->Write(batch, /*keep_ingested_at=*/true);
  if (!written.ok()) return written.status();
  for (const docsearch::v1::WriteResult& result : written->results()) {
    if (result.code() != 0) {
      // The ingest service checks documents before publishing; one refused
      // here is refused by every replica alike, so they still agree.
      LogWarning(absl::StrCat("shard ", shard, ": document ", result.id(),
                              " refused: ", result.message()));
    }
  }
  return absl::OkStatus();
}

void ShardFollower::Follow(uint32_t shard) {
  const std::string stream = cluster::StreamName(shard);
  std::unique_ptr<cluster::OrderedStreamReader> reader;
  absl::Time next_heartbeat = absl::InfinitePast();
  bool caught_up = false;
  bool stream_behind_reported = false;
  auto applied_sequence = [&] {
    absl::MutexLock lock(&mu_);
    auto it = applied_.find(shard);
    return it == applied_.end() ? uint64_t{0} : it->second;
  };
  auto retry_later = [&](const absl::Status& status) {
    LogWarning(absl::StrCat("shard ", shard, ": ", status.message(), "; retrying"));
    reader.reset();
    stop_.WaitForNotificationWithTimeout(absl::Milliseconds(500));
  };
  while (!stop_.HasBeenNotified()) {
    if (reader == nullptr) {
      absl::StatusOr<std::unique_ptr<cluster::OrderedStreamReader>> opened =
          jetstream_->ReadStream(stream, cluster::StreamSubjects(shard), applied_sequence() + 1);
      if (!opened.ok()) {
        retry_later(opened.status());
        continue;
      }
      reader = *std::move(opened);
    }
    absl::StatusOr<std::optional<cluster::StreamMessage>> first =
        reader->Next(absl::Milliseconds(200));
    if (!first.ok()) {
      retry_later(first.status());
      continue;
    }
    if (first->has_value()) {
      // Apply a run of messages: upserts in one Indexer batch, a tombstone
      // after the upserts before it.
      docsearch::v1::WriteRequest upserts;
      uint64_t last_sequence = 0;
      uint64_t pending = 0;
      std::optional<cluster::StreamMessage> message = std::move(**first);
      absl::Status failed;
      while (message.has_value()) {
        absl::StatusOr<cluster::DecodedLogMessage> decoded = cluster::DecodeLogMessage(*message);
        if (!decoded.ok()) {
          // Not ours to repair: every replica skips it alike.
          LogError(absl::StrCat("shard ", shard, ": skipping ", decoded.status().message()));
        } else if (auto* batch = std::get_if<docsearch::v1::WriteRequest>(&*decoded)) {
          for (docsearch::v1::Document& document : *batch->mutable_documents()) {
            *upserts.add_documents() = std::move(document);
          }
        } else {
          failed = ApplyUpserts(shard, upserts);
          upserts.clear_documents();
          if (!failed.ok()) break;
          const std::string& id = std::get<cluster::DecodedDelete>(*decoded).id;
          if (absl::Status deleted = indexer_->Delete(id);
              !deleted.ok() && !absl::IsNotFound(deleted)) {
            failed = deleted;
            break;
          }
        }
        last_sequence = message->sequence;
        pending = message->pending;
        message.reset();
        if (pending == 0 || upserts.documents_size() >= options_.max_batch_documents) break;
        absl::StatusOr<std::optional<cluster::StreamMessage>> next =
            reader->Next(absl::Milliseconds(1));
        if (!next.ok() || !next->has_value()) break;
        message = std::move(**next);
      }
      if (failed.ok()) failed = ApplyUpserts(shard, upserts);
      if (!failed.ok()) {
        // Nothing after the last recorded position is taken as applied: the
        // reader starts again from there.
        LogError(absl::StrCat("shard ", shard, ": applying up to sequence ", last_sequence,
                              " failed: ", failed.message()));
        retry_later(failed);
        continue;
      }
      if (absl::Status recorded = RecordApplied(shard, last_sequence); !recorded.ok()) {
        LogError(absl::StrCat("shard ", shard, ": ", recorded.message()));
      }
      if (pending == 0 && !stream_behind_reported) caught_up = true;
    } else if (!caught_up) {
      // Nothing came: caught up when the stream holds nothing newer (an
      // empty stream, or one whose last messages this replica applied
      // before it restarted).
      absl::StatusOr<uint64_t> last = jetstream_->LastSequence(stream);
      if (last.ok() && *last < applied_sequence()) {
        // New writes would reuse sequences this replica counts as applied
        // and be skipped: it must not announce itself.
        if (!stream_behind_reported) {
          LogError(absl::StrCat(
              "shard ", shard, ": stream ", stream, " ends at sequence ", *last,
              " but this replica applied up to ", applied_sequence(),
              ": the stream lost its tail (every NATS server lost at once?) or was recreated. "
              "Not serving this shard; empty this replica's data directory so it rebuilds from "
              "the stream"));
          stream_behind_reported = true;
        }
      } else if (last.ok()) {
        caught_up = true;
      }
    }
    if (caught_up) {
      {
        absl::MutexLock lock(&mu_);
        if (std::find(caught_up_.begin(), caught_up_.end(), shard) == caught_up_.end()) {
          caught_up_.push_back(shard);
          LogInfo(absl::StrCat("shard ", shard, ": caught up at sequence ",
                               applied_.count(shard) ? applied_[shard] : 0, "; announcing ",
                               options_.advertise_address));
        }
      }
      if (absl::Now() >= next_heartbeat) {
        if (absl::Status announced = cluster_map_->Announce(shard, options_.advertise_address);
            !announced.ok()) {
          LogWarning(absl::StrCat("shard ", shard, ": heartbeat failed: ", announced.message()));
        }
        next_heartbeat = absl::Now() + options_.heartbeat;
      }
    }
  }
}

}  // namespace docsearch::query

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

absl::Status ShardFollower::WaitForApplied(uint32_t shard, uint64_t sequence,
                                           absl::Time deadline) const {
  if (std::find(options_.shards.begin(), options_.shards.end(), shard) == options_.shards.end()) {
    return absl::OkStatus();
  }
  absl::MutexLock lock(&mu_);
  auto applied = [this, shard]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    auto it = applied_.find(shard);
    return it == applied_.end() ? uint64_t{0} : it->second;
  };
  auto reached = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return applied() >= sequence; };
  // RecordApplied changes applied_ under mu_, which wakes this.
  if (mu_.AwaitWithDeadline(absl::Condition(&reached), deadline)) return absl::OkStatus();
  return absl::UnavailableError(
      absl::StrCat("shard ", shard, ": this replica has applied its stream up to sequence ",
                   applied(), ", the consistency token asks for ", sequence,
                   ", not reached in time; retry (another replica may have it)"));
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

absl::StatusOr<ShardFollower::AppliedRun> ShardFollower::ApplyRun(
    uint32_t shard, cluster::OrderedStreamReader& reader, cluster::StreamMessage first) {
  // Upserts go in one Indexer batch; a tombstone is applied after the
  // upserts before it.
  docsearch::v1::WriteRequest upserts;
  AppliedRun run;
  std::optional<cluster::StreamMessage> message = std::move(first);
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
      absl::Status applied = ApplyUpserts(shard, upserts);
      upserts.clear_documents();
      const std::string& id = std::get<cluster::DecodedDelete>(*decoded).id;
      if (absl::Status deleted = applied.ok() ? indexer_->Delete(id) : applied;
          !deleted.ok() && !absl::IsNotFound(deleted)) {
        return absl::Status(deleted.code(),
                            absl::StrCat("applying up to sequence ", message->sequence,
                                         " failed: ", deleted.message()));
      }
    }
    run.last_sequence = message->sequence;
    run.pending = message->pending;
    message.reset();
    if (run.pending == 0 || upserts.documents_size() >= options_.max_batch_documents) break;
    absl::StatusOr<std::optional<cluster::StreamMessage>> next = reader.Next(absl::Milliseconds(1));
    if (!next.ok() || !next->has_value()) break;
    message = std::move(**next);
  }
  if (absl::Status applied = ApplyUpserts(shard, upserts); !applied.ok()) {
    return absl::Status(applied.code(), absl::StrCat("applying up to sequence ", run.last_sequence,
                                                     " failed: ", applied.message()));
  }
  return run;
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
  // When the reader last delivered a message (or was opened): a reader
  // silent for options_.stall_timeout while the stream holds newer messages
  // has lost its consumer and is replaced.
  absl::Time last_delivery = absl::Now();
  while (!stop_.HasBeenNotified()) {
    if (reader == nullptr) {
      absl::StatusOr<std::unique_ptr<cluster::OrderedStreamReader>> opened =
          jetstream_->ReadStream(stream, cluster::StreamSubjects(shard), applied_sequence() + 1);
      if (!opened.ok()) {
        retry_later(opened.status());
        continue;
      }
      reader = *std::move(opened);
      last_delivery = absl::Now();
    }
    absl::StatusOr<std::optional<cluster::StreamMessage>> first =
        reader->Next(absl::Milliseconds(200));
    if (!first.ok()) {
      retry_later(first.status());
      continue;
    }
    if (first->has_value()) {
      last_delivery = absl::Now();
      absl::StatusOr<AppliedRun> run = ApplyRun(shard, *reader, std::move(**first));
      if (!run.ok()) {
        // Nothing after the last recorded position is taken as applied: the
        // reader starts again from there.
        LogError(absl::StrCat("shard ", shard, ": ", run.status().message()));
        retry_later(run.status());
        continue;
      }
      if (absl::Status recorded = RecordApplied(shard, run->last_sequence); !recorded.ok()) {
        LogError(absl::StrCat("shard ", shard, ": ", recorded.message()));
      }
      if (run->pending == 0 && !stream_behind_reported) caught_up = true;
    } else if (!caught_up || absl::Now() - last_delivery >= options_.stall_timeout) {
      // Nothing came. Before catching up, ask the stream how far it goes
      // (caught up when this replica applied its last message: an empty
      // stream, or one whose last messages it applied before it
      // restarted). After, ask only once the reader has been silent for a
      // while: an idle stream costs one question per stall_timeout.
      absl::StatusOr<uint64_t> last = jetstream_->LastSequence(stream);
      const uint64_t applied = applied_sequence();
      if (last.ok() && *last < applied) {
        // New writes would reuse sequences this replica counts as applied
        // and be skipped: it must not announce itself.
        if (!stream_behind_reported) {
          LogError(absl::StrCat(
              "shard ", shard, ": stream ", stream, " ends at sequence ", *last,
              " but this replica applied up to ", applied,
              ": the stream lost its tail (every NATS server lost at once?) or was recreated. "
              "Not serving this shard; empty this replica's data directory so it rebuilds from "
              "the stream"));
          stream_behind_reported = true;
        }
      } else if (last.ok() && *last == applied) {
        caught_up = true;
        last_delivery = absl::Now();
      } else if (last.ok() && absl::Now() - last_delivery >= options_.stall_timeout) {
        // The stream holds messages the reader has not delivered for
        // stall_timeout. libnats would recreate a lost ordered consumer
        // only after two missed 5 s heartbeats, and then every 10 s; and
        // nats-server 2.9.10 places each new single-replica consumer on any
        // server of the stream's group, a dead one included (fixed in
        // 2.9.12), so that recreation can keep failing for tens of
        // seconds. A new reader from the applied position is a new
        // consumer, placed afresh; replaying from there is idempotent.
        LogWarning(absl::StrCat(
            "shard ", shard, ": no message for ", absl::FormatDuration(absl::Now() - last_delivery),
            " while ", stream, " holds up to sequence ", *last, " and this replica applied up to ",
            applied, ": its consumer is lost; reading again from sequence ", applied + 1));
        reader.reset();
        continue;
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

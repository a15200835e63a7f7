#include "ingest_service/jetstream_document_sink.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cluster/cluster_map.h"
#include "cluster/document_log_message.h"
#include "cluster/shard_router.h"
#include "google/protobuf/util/time_util.h"

namespace docsearch::ingest {

absl::StatusOr<std::unique_ptr<cluster::JetStream>> OpenClusterLog(const std::string& urls,
                                                                   uint32_t shard_count,
                                                                   int replicas) {
  if (shard_count == 0 || shard_count > cluster::kMaxShards) {
    return absl::InvalidArgumentError(
        absl::StrCat("--shards is ", shard_count, "; it must be 1..", cluster::kMaxShards));
  }
  absl::StatusOr<std::unique_ptr<cluster::JetStream>> jetstream =
      cluster::JetStream::Connect(urls, "docsearch-ingest", absl::Seconds(5));
  if (!jetstream.ok()) return jetstream.status();
  cluster::ClusterMapOptions map_options;
  map_options.replicas = replicas;
  absl::StatusOr<std::unique_ptr<cluster::ClusterMap>> cluster_map =
      cluster::ClusterMap::Open(jetstream->get(), map_options);
  if (!cluster_map.ok()) return cluster_map.status();
  if (absl::Status recorded = (*cluster_map)->EnsureShardCount(shard_count); !recorded.ok()) {
    return recorded;
  }
  for (uint32_t shard = 0; shard < shard_count; ++shard) {
    cluster::StreamSpec spec;
    spec.name = cluster::StreamName(shard);
    spec.subjects = {cluster::StreamSubjects(shard)};
    spec.replicas = replicas;
    if (absl::Status ensured = (*jetstream)->EnsureStream(spec); !ensured.ok()) return ensured;
  }
  return jetstream;
}

JetStreamDocumentSink::JetStreamDocumentSink(cluster::JetStream* jetstream,
                                             const JetStreamSinkOptions& options)
    : jetstream_(jetstream), options_(options) {
  for (int i = 0; i < std::max(1, options_.publishers); ++i) {
    publishers_.emplace_back([this] { Run(); });
  }
}

JetStreamDocumentSink::~JetStreamDocumentSink() { Shutdown(); }

void JetStreamDocumentSink::Submit(docsearch::v1::Document document, absl::Time deadline,
                                   Callback done, std::string /*request_id*/) {
  // Stamped here, once: every replica stores the same document.
  if (!document.has_ingested_at()) {
    *document.mutable_ingested_at() =
        google::protobuf::util::TimeUtil::NanosecondsToTimestamp(absl::ToUnixNanos(absl::Now()));
  }
  absl::Status refused;
  {
    absl::MutexLock lock(&mu_);
    if (stopping_) {
      refused = absl::UnavailableError("ingest service is shutting down");
    } else if (queue_.size() >= options_.max_queued_documents) {
      refused = absl::ResourceExhaustedError(
          absl::StrCat("ingest queue is full (", options_.max_queued_documents,
                       " documents waiting for JetStream); retry after a short wait"));
    } else {
      queue_.push_back(Pending{std::move(document), deadline, std::move(done)});
      return;
    }
  }
  Pending pending{{}, deadline, std::move(done)};
  Finish(pending, refused, WriteReceipt());
}

void JetStreamDocumentSink::Shutdown() {
  std::deque<Pending> left;
  {
    absl::MutexLock lock(&mu_);
    if (stopping_ && publishers_.empty()) return;
    stopping_ = true;
    left.swap(queue_);
  }
  for (std::thread& publisher : publishers_) publisher.join();
  publishers_.clear();
  for (Pending& pending : left) {
    Finish(pending, absl::UnavailableError("ingest service is shutting down"), WriteReceipt());
  }
}

size_t JetStreamDocumentSink::queued() const {
  absl::MutexLock lock(&mu_);
  return queue_.size();
}

void JetStreamDocumentSink::Finish(Pending& pending, const absl::Status& status,
                                   const WriteReceipt& receipt) {
  if (options_.on_document_done) options_.on_document_done(status);
  pending.done(status, receipt);
}

void JetStreamDocumentSink::Run() {
  while (true) {
    Pending pending;
    {
      absl::MutexLock lock(&mu_);
      auto ready = [this]()
                       ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return stopping_ || !queue_.empty(); };
      mu_.Await(absl::Condition(&ready));
      if (queue_.empty()) return;  // Stopping.
      pending = std::move(queue_.front());
      queue_.pop_front();
    }
    absl::StatusOr<WriteReceipt> receipt = Publish(pending.document, pending.deadline);
    Finish(pending, receipt.status(), receipt.ok() ? *receipt : WriteReceipt());
  }
}

namespace {

// While servers come back, JetStream answers with errors of its own besides
// "unavailable" (a stream not yet current, a request cut by a leader change);
// libnats reports those as internal. They pass within seconds, so they are
// retried until the caller's deadline like a timeout; an error about the
// message itself (too large: RESOURCE_EXHAUSTED from cluster::FromNats;
// malformed: INVALID_ARGUMENT) is not.
bool RetryableWithinDeadline(const absl::Status& status) {
  return absl::IsUnavailable(status) || absl::IsInternal(status) ||
         absl::IsDeadlineExceeded(status);
}

}  // namespace

absl::StatusOr<WriteReceipt> JetStreamDocumentSink::Publish(const docsearch::v1::Document& document,
                                                            absl::Time deadline) {
  WriteReceipt receipt;
  receipt.in_cluster_log = true;
  receipt.shard = cluster::ShardOf(document.id(), options_.shard_count);
  const std::string stream = cluster::StreamName(receipt.shard);
  cluster::OutgoingMessage message = cluster::UpsertMessage(receipt.shard, document);
  absl::Duration backoff = absl::Milliseconds(50);
  absl::Status last_error;
  while (true) {
    const absl::Duration remaining = deadline - absl::Now();
    if (remaining <= absl::ZeroDuration()) {
      return absl::UnavailableError(absl::StrCat(
          "JetStream did not acknowledge the document before the deadline (last error: ",
          last_error.message(), "); retrying is safe"));
    }
    absl::StatusOr<cluster::PublishAck> ack =
        jetstream_->Publish(message, std::min(remaining, options_.attempt_timeout));
    if (ack.ok() && ack->duplicate) {
      // Stored before: fine if that message is still the document's last.
      absl::StatusOr<uint64_t> last = jetstream_->LastSequenceOf(stream, message.subject);
      if (last.ok() && *last != ack->sequence) {
        message.message_id = absl::StrCat(message.message_id, ":after:", *last);
        continue;
      }
      if (!last.ok()) ack = last.status();
    }
    if (ack.ok()) {
      receipt.sequence = ack->sequence;
      return receipt;
    }
    if (!RetryableWithinDeadline(ack.status())) return ack.status();
    last_error = ack.status();
    absl::SleepFor(std::min(backoff, std::max(deadline - absl::Now(), absl::ZeroDuration())));
    backoff = std::min(backoff * 2, absl::Seconds(1));
  }
}

}  // namespace docsearch::ingest

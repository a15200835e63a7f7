// A connection to NATS with its JetStream context: the log of record of the
// cluster mode (docs/SCALING.md).
//
// Wraps libnats (the NATS C client) with absl::Status and RAII. The
// connection reconnects by itself (forever, every 250 ms) to any server of
// the URL list, so a NATS server going away costs the calls in flight a
// timeout, not the process its connection.
//
// Thread safety: thread-safe (libnats connections and JetStream contexts
// are).
#ifndef DOCSEARCH_CLUSTER_JETSTREAM_H_
#define DOCSEARCH_CLUSTER_JETSTREAM_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cluster/nats_handles.h"
#include "cluster/ordered_stream_reader.h"

namespace docsearch::cluster {

// One stream of the cluster: a shard's compacted changelog.
struct StreamSpec {
  std::string name;
  std::vector<std::string> subjects;
  // JetStream replicas (Raft group size): 3 in a cluster of three servers,
  // 1 for a single server.
  int replicas = 1;
  // Messages kept per subject: 1 keeps each document's latest version (or
  // its tombstone) only.
  int64_t max_messages_per_subject = 1;
};

struct PublishAck {
  std::string stream;
  uint64_t sequence = 0;
  // JetStream had this Nats-Msg-Id already (within its duplicate window)
  // and stored nothing: `sequence` is the original's.
  bool duplicate = false;
};

// A message to publish: subject, body and headers.
struct OutgoingMessage {
  std::string subject;
  std::string data;
  // Nats-Msg-Id: JetStream stores a message with an id it has seen within
  // its duplicate window once only, so a retried publish is harmless.
  std::string message_id;
  std::vector<std::pair<std::string, std::string>> headers;
};

class KeyValueBucket;

class JetStream {
 public:
  // Connects to `urls` (comma-separated nats:// URLs) and waits (up to 30
  // s) until JetStream answers. `name` appears in the servers' connection
  // lists. UNAVAILABLE when no server answers within `timeout`, or
  // JetStream not in time.
  static absl::StatusOr<std::unique_ptr<JetStream>> Connect(const std::string& urls,
                                                            const std::string& name,
                                                            absl::Duration timeout);

  // Creates the stream, or checks that the existing one has these subjects
  // (its other settings are left as they are: a cluster's streams are
  // fixed at creation). FAILED_PRECONDITION when it differs.
  absl::Status EnsureStream(const StreamSpec& spec);

  // The stream's last sequence (0 when empty); NOT_FOUND when absent.
  absl::StatusOr<uint64_t> LastSequence(const std::string& stream);

  // The sequence of the last message on `subject` in `stream`; 0 when the
  // subject has none.
  absl::StatusOr<uint64_t> LastSequenceOf(const std::string& stream, const std::string& subject);

  // The last message on `subject` in `stream` (its sequence, operation
  // header and body); nullopt when the subject has none.
  absl::StatusOr<std::optional<StreamMessage>> LastMessageOf(const std::string& stream,
                                                             const std::string& subject);

  // Publishes and waits for JetStream's acknowledgement (which comes once
  // the stream's replicas have a quorum for it) at most `timeout`.
  // UNAVAILABLE when none came: the message may or may not be stored, and
  // publishing it again with the same message_id is safe.
  absl::StatusOr<PublishAck> Publish(const OutgoingMessage& message, absl::Duration timeout);

  // Binds the key-value bucket, creating it when absent. `ttl` (0: none)
  // expires entries not written again within it.
  absl::StatusOr<std::unique_ptr<KeyValueBucket>> OpenBucket(const std::string& bucket,
                                                             int replicas, absl::Duration ttl);

  // Reads `stream` (whose messages all match `subject`, e.g. docs.3.>) in
  // sequence order from `start_sequence` (1: the beginning) through an
  // ordered consumer.
  absl::StatusOr<std::unique_ptr<OrderedStreamReader>> ReadStream(const std::string& stream,
                                                                  const std::string& subject,
                                                                  uint64_t start_sequence);

  // Whether the connection is up right now (it reconnects by itself).
  bool connected() const;

 private:
  JetStream(NatsConnectionPtr connection, JsContextPtr context)
      : connection_(std::move(connection)), context_(std::move(context)) {}

  NatsConnectionPtr connection_;
  JsContextPtr context_;
};

}  // namespace docsearch::cluster

#endif  // DOCSEARCH_CLUSTER_JETSTREAM_H_

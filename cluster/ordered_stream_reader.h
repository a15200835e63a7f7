// Reads one stream in sequence order through an ordered consumer: an
// ephemeral push consumer without acknowledgements that libnats recreates
// from the last sequence delivered whenever it sees a gap or loses it (a
// NATS server went away), so every message arrives once, in order.
//
// Thread safety: one thread at a time.
#ifndef DOCSEARCH_CLUSTER_ORDERED_STREAM_READER_H_
#define DOCSEARCH_CLUSTER_ORDERED_STREAM_READER_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cluster/nats_handles.h"

namespace docsearch::cluster {

struct StreamMessage {
  uint64_t sequence = 0;
  // Messages of the stream after this one when it was delivered (0: this
  // was the last one then: the reader has caught up).
  uint64_t pending = 0;
  std::string subject;
  std::string data;
  // The docsearch operation header (document_log_message.h).
  std::string operation;
};

class OrderedStreamReader {
 public:
  explicit OrderedStreamReader(NatsSubscriptionPtr subscription)
      : subscription_(std::move(subscription)) {}

  // The next message, or nullopt when none came within `timeout`.
  absl::StatusOr<std::optional<StreamMessage>> Next(absl::Duration timeout);

 private:
  NatsSubscriptionPtr subscription_;
};

}  // namespace docsearch::cluster

#endif  // DOCSEARCH_CLUSTER_ORDERED_STREAM_READER_H_

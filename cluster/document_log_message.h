// The messages of a shard's stream, the cluster's log of record.
//
// An upsert's body is a serialized WriteRequest holding the one document,
// the very message IndexService.Write takes; a delete's body is a
// serialized DeleteDocumentRequest. The header Docsearch-Op says which
// ("upsert" or "delete"). A delete is a tombstone: it is the subject's last
// message, so the stream (one message kept per subject) forgets the
// document's versions and a replica replaying it from the start ends
// without the document.
#ifndef DOCSEARCH_CLUSTER_DOCUMENT_LOG_MESSAGE_H_
#define DOCSEARCH_CLUSTER_DOCUMENT_LOG_MESSAGE_H_

#include <cstdint>
#include <string>
#include <variant>

#include "absl/status/statusor.h"
#include "cluster/jetstream.h"
#include "cluster/ordered_stream_reader.h"
#include "docsearch/v1/document.pb.h"
#include "docsearch/v1/index_service.pb.h"

namespace docsearch::cluster {

inline constexpr char kOperationHeader[] = "Docsearch-Op";
inline constexpr char kUpsertOperation[] = "upsert";
inline constexpr char kDeleteOperation[] = "delete";

// The upsert of `document` to its subject in `shard`'s stream, with
// Nats-Msg-Id = hex(id) ":" content_hash, so publishing the same version
// again within JetStream's duplicate window stores nothing.
OutgoingMessage UpsertMessage(uint32_t shard, const docsearch::v1::Document& document);

// The tombstone of `id`. No message id: a repeated tombstone is harmless,
// while one deduplicated against an earlier delete (id deleted, written,
// deleted again) would leave the document in place.
OutgoingMessage DeleteMessage(uint32_t shard, const std::string& id);

struct DecodedDelete {
  std::string id;
};
using DecodedLogMessage = std::variant<docsearch::v1::WriteRequest, DecodedDelete>;

// DATA_LOSS when the body does not decode as its operation says.
absl::StatusOr<DecodedLogMessage> DecodeLogMessage(const StreamMessage& message);

}  // namespace docsearch::cluster

#endif  // DOCSEARCH_CLUSTER_DOCUMENT_LOG_MESSAGE_H_

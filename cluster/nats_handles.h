// RAII owners for the NATS C client's objects (libnats-dev), and the
// mapping of its status codes to absl::Status, so no caller frees a handle
// by hand or sees a natsStatus.
#ifndef DOCSEARCH_CLUSTER_NATS_HANDLES_H_
#define DOCSEARCH_CLUSTER_NATS_HANDLES_H_

#include <nats/nats.h>

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace docsearch::cluster {

struct NatsConnectionDeleter {
  void operator()(natsConnection* connection) const { natsConnection_Destroy(connection); }
};
struct NatsOptionsDeleter {
  void operator()(natsOptions* options) const { natsOptions_Destroy(options); }
};
struct JsContextDeleter {
  void operator()(jsCtx* context) const { jsCtx_Destroy(context); }
};
struct KvStoreDeleter {
  void operator()(kvStore* store) const { kvStore_Destroy(store); }
};
struct KvEntryDeleter {
  void operator()(kvEntry* entry) const { kvEntry_Destroy(entry); }
};
struct NatsSubscriptionDeleter {
  void operator()(natsSubscription* subscription) const { natsSubscription_Destroy(subscription); }
};
struct NatsMessageDeleter {
  void operator()(natsMsg* message) const { natsMsg_Destroy(message); }
};
struct JsPubAckDeleter {
  void operator()(jsPubAck* ack) const { jsPubAck_Destroy(ack); }
};
struct JsStreamInfoDeleter {
  void operator()(jsStreamInfo* info) const { jsStreamInfo_Destroy(info); }
};
struct JsMetaDataDeleter {
  void operator()(jsMsgMetaData* meta) const { jsMsgMetaData_Destroy(meta); }
};

using NatsConnectionPtr = std::unique_ptr<natsConnection, NatsConnectionDeleter>;
using NatsOptionsPtr = std::unique_ptr<natsOptions, NatsOptionsDeleter>;
using JsContextPtr = std::unique_ptr<jsCtx, JsContextDeleter>;
using KvStorePtr = std::unique_ptr<kvStore, KvStoreDeleter>;
using KvEntryPtr = std::unique_ptr<kvEntry, KvEntryDeleter>;
using NatsSubscriptionPtr = std::unique_ptr<natsSubscription, NatsSubscriptionDeleter>;
using NatsMessagePtr = std::unique_ptr<natsMsg, NatsMessageDeleter>;
using JsPubAckPtr = std::unique_ptr<jsPubAck, JsPubAckDeleter>;
using JsStreamInfoPtr = std::unique_ptr<jsStreamInfo, JsStreamInfoDeleter>;
using JsMetaDataPtr = std::unique_ptr<jsMsgMetaData, JsMetaDataDeleter>;

// `status` as an absl::Status saying what was being done (`action`), with
// the JetStream error code when there is one. Timeouts and missing
// responders (no JetStream quorum, server down) are UNAVAILABLE: the
// caller may retry; NATS_NOT_FOUND is NOT_FOUND; a message too large for
// NATS or the stream is RESOURCE_EXHAUSTED (retrying cannot help).
absl::Status FromNats(natsStatus status, absl::string_view action,
                      jsErrCode js_error = static_cast<jsErrCode>(0));

}  // namespace docsearch::cluster

#endif  // DOCSEARCH_CLUSTER_NATS_HANDLES_H_

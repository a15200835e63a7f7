#include "cluster/ordered_stream_reader.h"

#include <algorithm>

#include "cluster/document_log_message.h"

namespace docsearch::cluster {

absl::StatusOr<std::optional<StreamMessage>> OrderedStreamReader::Next(absl::Duration timeout) {
  natsMsg* raw_message = nullptr;
  natsStatus s = natsSubscription_NextMsg(&raw_message, subscription_.get(),
                                          std::max<int64_t>(1, absl::ToInt64Milliseconds(timeout)));
  if (s == NATS_TIMEOUT) return std::nullopt;
  if (s != NATS_OK) return FromNats(s, "reading the stream");
  NatsMessagePtr message(raw_message);
  jsMsgMetaData* raw_meta = nullptr;
  if (s = natsMsg_GetMetaData(&raw_meta, message.get()); s != NATS_OK) {
    return FromNats(s, "message metadata");
  }
  JsMetaDataPtr meta(raw_meta);
  StreamMessage result;
  result.sequence = meta->Sequence.Stream;
  result.pending = meta->NumPending;
  result.subject = natsMsg_GetSubject(message.get());
  result.data.assign(natsMsg_GetData(message.get()),
                     static_cast<size_t>(natsMsg_GetDataLength(message.get())));
  const char* operation = nullptr;
  if (natsMsgHeader_Get(message.get(), kOperationHeader, &operation) == NATS_OK &&
      operation != nullptr) {
    result.operation = operation;
  }
  return result;
}

}  // namespace docsearch::cluster

#include "cluster/jetstream.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "cluster/document_log_message.h"
#include "cluster/key_value_bucket.h"
#include "cluster/ordered_stream_reader.h"
#include "common/log.h"

namespace docsearch::cluster {

absl::Status FromNats(natsStatus status, absl::string_view action, jsErrCode js_error) {
  if (status == NATS_OK) return absl::OkStatus();
  std::string message = absl::StrCat(action, ": ", natsStatus_GetText(status));
  if (static_cast<int>(js_error) != 0)
    absl::StrAppend(&message, " (JetStream error ", js_error, ")");
  // JetStream's own "try again" answers (a stream or the meta group without
  // a leader for now, while servers come back): retryable, as timeouts are.
  switch (js_error) {
    case JSClusterNotAvailErr:
    case JSClusterNotLeaderErr:
    case JSClusterNoPeersErr:
    case JSStreamOfflineErr:
      return absl::UnavailableError(
          absl::StrCat(message, "; JetStream is electing leaders or lacks a quorum, retry later"));
    case JSStreamMessageExceedsMaximumErr:
      return absl::ResourceExhaustedError(
          absl::StrCat(message, "; the message is larger than the stream accepts"));
    default:
      break;
  }
  switch (status) {
    // The message itself is the fault: retrying cannot help.
    case NATS_MAX_PAYLOAD:
      return absl::ResourceExhaustedError(
          absl::StrCat(message, "; the message is larger than the NATS server's max_payload"));
    case NATS_NOT_FOUND:
      return absl::NotFoundError(message);
    case NATS_INVALID_ARG:
      return absl::InvalidArgumentError(message);
    case NATS_TIMEOUT:
    case NATS_NO_RESPONDERS:
    case NATS_CONNECTION_CLOSED:
    case NATS_NO_SERVER:
    case NATS_CONNECTION_DISCONNECTED:
    case NATS_STALE_CONNECTION:
      return absl::UnavailableError(
          absl::StrCat(message, "; NATS or its JetStream quorum is unreachable, retry later"));
    default:
      return absl::InternalError(message);
  }
}

namespace {

int64_t Milliseconds(absl::Duration duration) {
  return std::max<int64_t>(1, absl::ToInt64Milliseconds(duration));
}

// libnats reports what happens behind the calls (a lost server, missed
// consumer heartbeats, an ordered consumer it could not recreate) only
// through these callbacks: without them a stalled reader is silent. The
// subscription is not looked at: libnats 3.4 may hand over one already
// destroyed (fixed in nats.c 3.7, "possible crash if error handler if
// subscription was destroyed").
void LogAsyncError(natsConnection* /*connection*/, natsSubscription* /*subscription*/,
                   natsStatus status, void* /*closure*/) {
  // In this callback the last error is the text libnats posted with it.
  const char* detail = nats_GetLastError(nullptr);
  LogWarning(
      absl::StrCat("NATS: ", natsStatus_GetText(status),
                   detail != nullptr && *detail != 0 ? absl::StrCat(" (", detail, ")") : ""));
}

void LogDisconnected(natsConnection* /*connection*/, void* /*closure*/) {
  LogWarning("NATS: disconnected; reconnecting");
}

void LogReconnected(natsConnection* connection, void* /*closure*/) {
  char url[256] = "";
  natsConnection_GetConnectedUrl(connection, url, sizeof(url));
  LogInfo(absl::StrCat("NATS: reconnected to ", url));
}

}  // namespace

absl::StatusOr<std::unique_ptr<JetStream>> JetStream::Connect(const std::string& urls,
                                                              const std::string& name,
                                                              absl::Duration timeout) {
  natsOptions* raw_options = nullptr;
  if (natsStatus s = natsOptions_Create(&raw_options); s != NATS_OK) {
    return FromNats(s, "natsOptions_Create");
  }
  NatsOptionsPtr options(raw_options);
  // Each URL apart: natsOptions_SetURL takes one.
  std::vector<std::string> servers = absl::StrSplit(urls, ',', absl::SkipEmpty());
  std::vector<const char*> server_pointers;
  for (const std::string& server : servers) server_pointers.push_back(server.c_str());
  natsStatus s = natsOptions_SetServers(options.get(), server_pointers.data(),
                                        static_cast<int>(server_pointers.size()));
  if (s == NATS_OK) s = natsOptions_SetName(options.get(), name.c_str());
  if (s == NATS_OK) s = natsOptions_SetTimeout(options.get(), Milliseconds(timeout));
  // Reconnect forever: the process outlives any one NATS server.
  if (s == NATS_OK) s = natsOptions_SetMaxReconnect(options.get(), -1);
  if (s == NATS_OK) s = natsOptions_SetReconnectWait(options.get(), 250);
  if (s == NATS_OK) s = natsOptions_SetErrorHandler(options.get(), LogAsyncError, nullptr);
  if (s == NATS_OK) s = natsOptions_SetDisconnectedCB(options.get(), LogDisconnected, nullptr);
  if (s == NATS_OK) s = natsOptions_SetReconnectedCB(options.get(), LogReconnected, nullptr);
  if (s != NATS_OK) return FromNats(s, absl::StrCat("NATS options for ", urls));
  // Servers that have just started (a cluster establishing its routes)
  // may refuse clients for a moment: keep trying for a while.
  const absl::Time deadline = absl::Now() + std::max(timeout, absl::Seconds(30));
  natsConnection* raw_connection = nullptr;
  while ((s = natsConnection_Connect(&raw_connection, options.get())) != NATS_OK) {
    if (absl::Now() >= deadline) return FromNats(s, absl::StrCat("connecting to NATS at ", urls));
    absl::SleepFor(absl::Milliseconds(200));
  }
  NatsConnectionPtr connection(raw_connection);
  jsOptions js_options;
  jsOptions_Init(&js_options);
  js_options.Wait = Milliseconds(timeout);
  jsCtx* raw_context = nullptr;
  if (s = natsConnection_JetStream(&raw_context, connection.get(), &js_options); s != NATS_OK) {
    return FromNats(s, "JetStream context");
  }
  JsContextPtr context(raw_context);
  // A JetStream cluster that has just started answers only once its
  // servers have elected a meta leader: wait for that (a few seconds at
  // most) rather than fail the first stream or bucket operation.
  while (true) {
    jsAccountInfo* info = nullptr;
    jsErrCode js_error = static_cast<jsErrCode>(0);
    s = js_GetAccountInfo(&info, context.get(), nullptr, &js_error);
    if (info != nullptr) jsAccountInfo_Destroy(info);
    if (s == NATS_OK) break;
    if (absl::Now() >= deadline) {
      return FromNats(s, absl::StrCat("JetStream at ", urls, " (is it enabled, -js?)"), js_error);
    }
    absl::SleepFor(absl::Milliseconds(200));
  }
  return std::unique_ptr<JetStream>(new JetStream(std::move(connection), std::move(context)));
}

bool JetStream::connected() const {
  return natsConnection_Status(connection_.get()) == NATS_CONN_STATUS_CONNECTED;
}

absl::Status JetStream::EnsureStream(const StreamSpec& spec) {
  jsStreamInfo* raw_info = nullptr;
  jsErrCode js_error = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&raw_info, context_.get(), spec.name.c_str(), nullptr, &js_error);
  JsStreamInfoPtr info(raw_info);
  if (s == NATS_OK) {
    std::vector<std::string> existing;
    for (int i = 0; i < info->Config->SubjectsLen; ++i)
      existing.push_back(info->Config->Subjects[i]);
    if (existing != spec.subjects) {
      return absl::FailedPreconditionError(
          absl::StrCat("stream ", spec.name, " exists with subjects ", absl::StrJoin(existing, ","),
                       ", not ", absl::StrJoin(spec.subjects, ",")));
    }
    return absl::OkStatus();
  }
  if (s != NATS_NOT_FOUND) return FromNats(s, absl::StrCat("stream info of ", spec.name), js_error);
  std::vector<const char*> subjects;
  for (const std::string& subject : spec.subjects) subjects.push_back(subject.c_str());
  jsStreamConfig config;
  jsStreamConfig_Init(&config);
  config.Name = spec.name.c_str();
  config.Subjects = subjects.data();
  config.SubjectsLen = static_cast<int>(subjects.size());
  config.Storage = js_FileStorage;
  config.Replicas = spec.replicas;
  config.MaxMsgsPerSubject = spec.max_messages_per_subject;
  jsStreamInfo* created = nullptr;
  s = js_AddStream(&created, context_.get(), &config, nullptr, &js_error);
  JsStreamInfoPtr created_info(created);
  // Another process may have created it meanwhile (JetStream error 10058:
  // name in use); it was created with the same settings by the same code.
  if (s != NATS_OK && js_error != JSStreamNameExistErr) {
    return FromNats(s, absl::StrCat("creating stream ", spec.name), js_error);
  }
  return absl::OkStatus();
}

absl::StatusOr<uint64_t> JetStream::LastSequence(const std::string& stream) {
  jsStreamInfo* raw_info = nullptr;
  jsErrCode js_error = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&raw_info, context_.get(), stream.c_str(), nullptr, &js_error);
  JsStreamInfoPtr info(raw_info);
  if (s != NATS_OK) return FromNats(s, absl::StrCat("stream info of ", stream), js_error);
  return info->State.LastSeq;
}

absl::StatusOr<uint64_t> JetStream::LastSequenceOf(const std::string& stream,
                                                   const std::string& subject) {
  absl::StatusOr<std::optional<StreamMessage>> last = LastMessageOf(stream, subject);
  if (!last.ok()) return last.status();
  return last->has_value() ? (*last)->sequence : 0;
}

absl::StatusOr<std::optional<StreamMessage>> JetStream::LastMessageOf(const std::string& stream,
                                                                      const std::string& subject) {
  natsMsg* raw_message = nullptr;
  jsErrCode js_error = static_cast<jsErrCode>(0);
  natsStatus s = js_GetLastMsg(&raw_message, context_.get(), stream.c_str(), subject.c_str(),
                               nullptr, &js_error);
  NatsMessagePtr message(raw_message);
  if (s == NATS_NOT_FOUND) return std::nullopt;
  if (s != NATS_OK) return FromNats(s, absl::StrCat("last message of ", subject), js_error);
  StreamMessage result;
  result.sequence = natsMsg_GetSequence(message.get());
  result.subject = subject;
  result.data.assign(natsMsg_GetData(message.get()),
                     static_cast<size_t>(natsMsg_GetDataLength(message.get())));
  const char* operation = nullptr;
  if (natsMsgHeader_Get(message.get(), kOperationHeader, &operation) == NATS_OK &&
      operation != nullptr) {
    result.operation = operation;
  }
  return result;
}

absl::StatusOr<PublishAck> JetStream::Publish(const OutgoingMessage& message,
                                              absl::Duration timeout) {
  natsMsg* raw_message = nullptr;
  natsStatus s = natsMsg_Create(&raw_message, message.subject.c_str(), nullptr, message.data.data(),
                                static_cast<int>(message.data.size()));
  if (s != NATS_OK) return FromNats(s, "natsMsg_Create");
  NatsMessagePtr owned(raw_message);
  for (const auto& [key, value] : message.headers) {
    if (s = natsMsgHeader_Set(owned.get(), key.c_str(), value.c_str()); s != NATS_OK) {
      return FromNats(s, absl::StrCat("header ", key));
    }
  }
  jsPubOptions options;
  jsPubOptions_Init(&options);
  options.MaxWait = Milliseconds(timeout);
  if (!message.message_id.empty()) options.MsgId = message.message_id.c_str();
  jsPubAck* raw_ack = nullptr;
  jsErrCode js_error = static_cast<jsErrCode>(0);
  s = js_PublishMsg(&raw_ack, context_.get(), owned.get(), &options, &js_error);
  JsPubAckPtr ack(raw_ack);
  if (s != NATS_OK) {
    return FromNats(s, absl::StrCat("publishing to ", message.subject), js_error);
  }
  return PublishAck{ack->Stream != nullptr ? ack->Stream : "", ack->Sequence, ack->Duplicate};
}

absl::StatusOr<std::unique_ptr<KeyValueBucket>> JetStream::OpenBucket(const std::string& bucket,
                                                                      int replicas,
                                                                      absl::Duration ttl) {
  kvStore* raw_store = nullptr;
  natsStatus s = js_KeyValue(&raw_store, context_.get(), bucket.c_str());
  if (s == NATS_NOT_FOUND) {
    kvConfig config;
    kvConfig_Init(&config);
    config.Bucket = bucket.c_str();
    config.History = 1;
    config.Replicas = replicas;
    config.StorageType = js_FileStorage;
    config.TTL = absl::ToInt64Nanoseconds(ttl);  // libnats 3.4 passes it on as MaxAge (ns).
    const natsStatus created = js_CreateKeyValue(&raw_store, context_.get(), &config);
    s = created;
    // Created meanwhile by another process: bind it.
    if (created != NATS_OK) {
      s = js_KeyValue(&raw_store, context_.get(), bucket.c_str());
      if (s != NATS_OK) {
        return FromNats(created, absl::StrCat("creating key-value bucket ", bucket, " (",
                                              nats_GetLastError(nullptr), ")"));
      }
    }
  }
  if (s != NATS_OK) return FromNats(s, absl::StrCat("key-value bucket ", bucket));
  return std::make_unique<KeyValueBucket>(KvStorePtr(raw_store));
}

absl::StatusOr<std::unique_ptr<OrderedStreamReader>> JetStream::ReadStream(
    const std::string& stream, const std::string& subject, uint64_t start_sequence) {
  jsSubOptions options;
  jsSubOptions_Init(&options);
  options.Stream = stream.c_str();
  options.Ordered = true;
  options.Config.DeliverPolicy = js_DeliverByStartSequence;
  options.Config.OptStartSeq = std::max<uint64_t>(start_sequence, 1);
  natsSubscription* raw_subscription = nullptr;
  jsErrCode js_error = static_cast<jsErrCode>(0);
  natsStatus s = js_SubscribeSync(&raw_subscription, context_.get(), subject.c_str(), nullptr,
                                  &options, &js_error);
  if (s != NATS_OK) {
    return FromNats(s, absl::StrCat("ordered consumer on ", stream), js_error);
  }
  return std::make_unique<OrderedStreamReader>(NatsSubscriptionPtr(raw_subscription));
}

}  // namespace docsearch::cluster

#include "cluster/document_log_message.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "cluster/shard_router.h"

namespace docsearch::cluster {

OutgoingMessage UpsertMessage(uint32_t shard, const docsearch::v1::Document& document) {
  OutgoingMessage message;
  message.subject = DocumentSubject(shard, document.id());
  docsearch::v1::WriteRequest request;
  *request.add_documents() = document;
  message.data = request.SerializeAsString();
  message.message_id =
      absl::StrCat(absl::BytesToHexString(document.id()), ":", document.content_hash());
  message.headers.push_back({kOperationHeader, kUpsertOperation});
  return message;
}

OutgoingMessage DeleteMessage(uint32_t shard, const std::string& id) {
  OutgoingMessage message;
  message.subject = DocumentSubject(shard, id);
  docsearch::v1::DeleteDocumentRequest request;
  request.set_id(id);
  message.data = request.SerializeAsString();
  message.headers.push_back({kOperationHeader, kDeleteOperation});
  return message;
}

absl::StatusOr<DecodedLogMessage> DecodeLogMessage(const StreamMessage& message) {
  if (message.operation == kDeleteOperation) {
    docsearch::v1::DeleteDocumentRequest request;
    if (!request.ParseFromString(message.data)) {
      return absl::DataLossError(
          absl::StrCat("undecodable tombstone at sequence ", message.sequence));
    }
    return DecodedDelete{request.id()};
  }
  if (message.operation != kUpsertOperation) {
    return absl::DataLossError(absl::StrCat("message at sequence ", message.sequence,
                                            " has operation '", message.operation,
                                            "', neither upsert nor delete"));
  }
  docsearch::v1::WriteRequest request;
  if (!request.ParseFromString(message.data)) {
    return absl::DataLossError(absl::StrCat("undecodable upsert at sequence ", message.sequence));
  }
  return request;
}

}  // namespace docsearch::cluster

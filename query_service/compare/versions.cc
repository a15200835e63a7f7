#include "query_service/compare/versions.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/utf8_text.h"
#include "query_service/compare/version_diff.h"
#include "query_service/index/version_history.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::Document;
using docsearch::v1::DocumentVersion;

// The slots of `id`'s versions, oldest first; NOT_FOUND naming `field`
// when no document with `id` is live.
absl::StatusOr<std::vector<DocId>> VersionSlots(const std::string& id, IndexSnapshot index) {
  if (id.empty()) return absl::InvalidArgumentError("id is required");
  const std::optional<DocId> live = index->FindDoc(id);
  if (!live.has_value()) {
    return absl::NotFoundError(
        absl::StrCat("id: no document with id '", TruncatedForMessage(id), "'"));
  }
  const VersionHistory* history = VersionHistory::Of(*index);
  // Without a history the live version is the only one.
  return history != nullptr ? history->Versions(*live) : std::vector<DocId>{*live};
}

DocumentVersion Describe(const Document& document, int number, bool current) {
  DocumentVersion version;
  version.set_number(number);
  version.set_content_hash(document.content_hash());
  if (document.has_published()) *version.mutable_published() = document.published();
  if (document.has_updated()) *version.mutable_updated() = document.updated();
  if (document.has_ingested_at()) *version.mutable_ingested_at() = document.ingested_at();
  version.set_title(document.title());
  version.set_current(current);
  version.set_paragraph_count(document.paragraphs_size());
  return version;
}

}  // namespace

absl::StatusOr<docsearch::v1::ListVersionsResponse> ListVersions(
    const docsearch::v1::ListVersionsRequest& request, IndexSnapshot index) {
  absl::StatusOr<std::vector<DocId>> slots = VersionSlots(request.id(), index);
  if (!slots.ok()) return slots.status();
  docsearch::v1::ListVersionsResponse response;
  response.set_id(request.id());
  const VersionHistory* history = VersionHistory::Of(*index);
  response.set_max_versions(history != nullptr ? history->max_versions() : 1);
  for (size_t k = 0; k < slots->size(); ++k) {
    absl::StatusOr<Document> document = index->documents().Load((*slots)[k]);
    if (!document.ok()) return document.status();
    *response.add_versions() = Describe(*document, static_cast<int>(k + 1), k + 1 == slots->size());
  }
  return response;
}

absl::StatusOr<VersionPair> SelectVersions(const docsearch::v1::CompareVersionsRequest& request,
                                           IndexSnapshot index) {
  if (request.from() < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "from must be 0 (the version before `to`) or a version number, not ", request.from()));
  }
  if (request.to() < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("to must be 0 (the current version) or a version number, not ", request.to()));
  }
  absl::StatusOr<std::vector<DocId>> slots = VersionSlots(request.id(), index);
  if (!slots.ok()) return slots.status();
  const int count = static_cast<int>(slots->size());
  const int to = request.to() == 0 ? count : request.to();
  if (to > count) {
    return absl::NotFoundError(absl::StrCat("to: document '", TruncatedForMessage(request.id()),
                                            "' has versions 1..", count, ", not ", to));
  }
  const int from = request.from() == 0 ? to - 1 : request.from();
  if (from < 1) {
    return absl::NotFoundError(absl::StrCat("from: document '", TruncatedForMessage(request.id()),
                                            "' has no version before ", to,
                                            count == 1 ? " (it was never changed)" : ""));
  }
  if (from > count) {
    return absl::NotFoundError(absl::StrCat("from: document '", TruncatedForMessage(request.id()),
                                            "' has versions 1..", count, ", not ", from));
  }
  VersionPair pair;
  pair.id = request.id();
  absl::StatusOr<Document> older = index->documents().Load((*slots)[from - 1]);
  if (!older.ok()) return older.status();
  absl::StatusOr<Document> newer = index->documents().Load((*slots)[to - 1]);
  if (!newer.ok()) return newer.status();
  pair.from = *std::move(older);
  pair.to = *std::move(newer);
  pair.from_version = Describe(pair.from, from, from == count);
  pair.to_version = Describe(pair.to, to, to == count);
  return pair;
}

docsearch::v1::CompareVersionsResponse CompareVersionPair(const VersionPair& pair) {
  docsearch::v1::CompareVersionsResponse response = DiffVersions(pair.from, pair.to);
  response.set_id(pair.id);
  *response.mutable_from() = pair.from_version;
  *response.mutable_to() = pair.to_version;
  return response;
}

}  // namespace docsearch::query::compare

#include "query_service/server/bulk_reads.h"

#include <google/protobuf/util/field_mask_util.h>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "query_service/server/search_request_mapping.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Document;
using google::protobuf::util::FieldMaskUtil;

void Trim(const google::protobuf::FieldMask& mask, Document* document) {
  if (mask.paths_size() > 0) FieldMaskUtil::TrimMessage(mask, document);
}

// Whether `mask` asks for the raw bytes (Document.raw), which only a mask
// that names them gets.
bool AsksForRaw(const google::protobuf::FieldMask& mask) {
  for (const std::string& path : mask.paths()) {
    if (path == "raw" || absl::StartsWith(path, "raw.")) return true;
  }
  return false;
}

// The live document `id` with what `mask` asks for; NOT_FOUND when absent.
absl::StatusOr<Document> GetMasked(const SearchIndex& index, const std::string& id,
                                   const google::protobuf::FieldMask& mask) {
  absl::StatusOr<Document> document =
      AsksForRaw(mask) ? index.Read([&](IndexSnapshot data) -> absl::StatusOr<Document> {
        std::optional<DocId> slot = data->FindDoc(id);
        if (!slot.has_value()) return absl::NotFoundError(absl::StrCat("no document '", id, "'"));
        return data->documents().Load(*slot, StoredParts::kWithRaw);
      })
                       : index.Get(id);
  if (document.ok()) Trim(mask, &*document);
  return document;
}

// Search names the token "page_token"; the export's caller knows it as
// resume_token.
absl::Status RenameTokenField(const absl::Status& status) {
  if (absl::StartsWith(status.message(), "page_token")) {
    return absl::Status(status.code(), absl::StrCat("resume_token", status.message().substr(10)));
  }
  return status;
}

}  // namespace

absl::Status CheckDocumentFieldMask(const google::protobuf::FieldMask& mask,
                                    const std::string& field) {
  for (int i = 0; i < mask.paths_size(); ++i) {
    if (!FieldMaskUtil::IsValidPath<Document>(mask.paths(i))) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ".paths[", i, "]: '", mask.paths(i), "' is not a field of Document"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<docsearch::v1::ExportDocumentsResponse> ExportChunk(
    const SearchIndex& index, const docsearch::v1::ExportDocumentsRequest& request,
    const std::string& resume_token) {
  docsearch::v1::SearchRequest search;
  if (request.has_query()) *search.mutable_query() = request.query();
  search.set_query_string(request.query_string());
  search.set_sort(docsearch::v1::SORT_ORDER_PUBLISHED_ASC);
  search.set_page_size(std::min(kExportChunkDocuments, index.options().max_page_size));
  search.set_page_token(resume_token);
  search.set_omit_snippets(true);
  search.set_exact_total(true);
  absl::StatusOr<docsearch::v1::SearchResponse> page = SearchByRequest(index, search);
  if (!page.ok()) return RenameTokenField(page.status());
  docsearch::v1::ExportDocumentsResponse chunk;
  chunk.set_total_size(page->total_size());
  chunk.set_resume_token(page->next_page_token());
  chunk.mutable_documents()->Reserve(page->hits_size());
  for (const docsearch::v1::SearchHit& hit : page->hits()) {
    absl::StatusOr<Document> document = GetMasked(index, hit.id(), request.field_mask());
    // Deleted since the page was read: it is not exported, as if the
    // export had reached it a moment later.
    if (absl::IsNotFound(document.status())) continue;
    if (!document.ok()) return document.status();
    *chunk.add_documents() = *std::move(document);
  }
  return chunk;
}

absl::StatusOr<docsearch::v1::BatchGetDocumentsResponse> BatchGetDocuments(
    const SearchIndex& index, const docsearch::v1::BatchGetDocumentsRequest& request) {
  const int limit = index.options().max_page_size;
  if (request.ids_size() == 0) return absl::InvalidArgumentError("ids: give at least one id");
  if (request.ids_size() > limit) {
    return absl::InvalidArgumentError(absl::StrCat(
        "ids: ", request.ids_size(), " ids, more than the limit of ", limit, " (--max_page_size)"));
  }
  for (int i = 0; i < request.ids_size(); ++i) {
    if (request.ids(i).empty()) {
      return absl::InvalidArgumentError(absl::StrCat("ids[", i, "]: empty id"));
    }
  }
  if (absl::Status mask = CheckDocumentFieldMask(request.field_mask(), "field_mask"); !mask.ok()) {
    return mask;
  }
  docsearch::v1::BatchGetDocumentsResponse response;
  absl::flat_hash_set<std::string> seen;
  for (const std::string& id : request.ids()) {
    if (!seen.insert(id).second) continue;
    absl::StatusOr<Document> document = GetMasked(index, id, request.field_mask());
    if (absl::IsNotFound(document.status())) {
      response.add_missing_ids(id);
      continue;
    }
    if (!document.ok()) return document.status();
    *response.add_documents() = *std::move(document);
  }
  return response;
}

}  // namespace docsearch::query

#include "query_service/compare/near_duplicate_lookup.h"

#include <optional>
#include <string>
#include <utility>

#include "absl/container/btree_map.h"
#include "absl/strings/str_cat.h"
#include "query_service/compare/duplicate_cluster_index.h"

namespace docsearch::query::compare {

void ToGraphMember(const std::string& id, const DuplicateMember& member,
                   const CompactSignature* signature, docsearch::v1::DuplicateGraphMember* out) {
  out->set_id(id);
  out->set_day(member.day);
  out->set_text_bytes(member.text_bytes);
  if (signature == nullptr) return;
  for (uint16_t value : *signature) out->add_signature(value);
}

absl::StatusOr<std::optional<CompactSignature>> SignatureOfMember(
    const docsearch::v1::DuplicateGraphMember& member) {
  if (member.signature().empty()) return std::nullopt;
  CompactSignature signature;
  if (static_cast<size_t>(member.signature_size()) != signature.size()) {
    return absl::InvalidArgumentError(absl::StrCat("signature of '", member.id(), "' has ",
                                                   member.signature_size(), " values, not ",
                                                   signature.size()));
  }
  for (size_t i = 0; i < signature.size(); ++i) {
    if (member.signature(i) > 0xffff) {
      return absl::InvalidArgumentError(
          absl::StrCat("signature of '", member.id(), "' has a value above 65535"));
    }
    signature[i] = static_cast<uint16_t>(member.signature(i));
  }
  return signature;
}

absl::StatusOr<docsearch::v1::GetNearDuplicatesResponse> LookUpNearDuplicates(
    const docsearch::v1::GetNearDuplicatesRequest& request, IndexSnapshot index) {
  const DuplicateClusterIndex* kept = DuplicateClusterIndex::Of(*index);
  if (kept == nullptr) {
    return absl::FailedPreconditionError(
        "near-duplicate clusters across shards need them kept on ingest; this replica runs with "
        "--duplicate_clusters=false");
  }
  const DuplicateGraph& graph = kept->graph();
  docsearch::v1::GetNearDuplicatesResponse response;
  response.set_duplicate_resemblance(kept->threshold());
  for (const std::string& id : request.ids()) {
    const std::optional<DocId> doc = index->FindDoc(id);
    if (!doc.has_value()) continue;  // Deleted, or never here.
    const std::optional<NearSlot> slot = graph.SlotOf(*doc);
    if (!slot.has_value()) continue;
    ToGraphMember(id, slot->member, slot->has_signature ? &slot->signature : nullptr,
                  response.add_documents());
  }
  // Neighbours by slot, so that each is answered once with all its probes.
  absl::btree_map<DocId, docsearch::v1::DuplicateGraphMember> neighbors;
  const auto& live = index->live();
  for (int p = 0; p < request.probes_size(); ++p) {
    const docsearch::v1::DuplicateGraphMember& probe = request.probes(p);
    absl::StatusOr<std::optional<CompactSignature>> signature = SignatureOfMember(probe);
    if (!signature.ok()) {
      // The request's field at fault first: the same check reads shards' answers too.
      return absl::InvalidArgumentError(
          absl::StrCat("probes[", p, "]: ", signature.status().message()));
    }
    if (!signature->has_value()) continue;
    for (NearSlot& near : graph.Near(**signature)) {
      // Slots of documents deleted, replaced, or not yet in this copy.
      if (near.doc >= live.size() || !live[near.doc]) continue;
      if (near.member.id == probe.id()) continue;
      auto [it, added] = neighbors.try_emplace(near.doc);
      if (added) ToGraphMember(near.member.id, near.member, &near.signature, &it->second);
      it->second.add_probes(p);
    }
  }
  for (auto& [doc, member] : neighbors) *response.add_neighbors() = std::move(member);
  return response;
}

}  // namespace docsearch::query::compare

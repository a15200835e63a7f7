#include "query_service/compare/near_duplicate_clusters.h"

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/text_fingerprint.h"
#include "common/utf8_text.h"
#include "query_service/compare/duplicate_cluster_index.h"
#include "query_service/compare/filter.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::FindNearDuplicatesRequest;
using docsearch::v1::FindNearDuplicatesResponse;

// A cluster as listed: its members that pass the filter.
struct Listed {
  std::vector<DocId> members;
  DocId canonical = 0;
  std::string cluster_id;
};

struct PagePosition {
  size_t size = 0;
  std::string cluster_id;
};

std::string EncodeToken(const PagePosition& position) {
  return absl::WebSafeBase64Escape(absl::StrCat("c1:", position.size, ":", position.cluster_id));
}

absl::StatusOr<std::optional<PagePosition>> DecodeToken(const std::string& token) {
  if (token.empty()) return std::nullopt;
  std::string raw;
  const auto malformed = absl::InvalidArgumentError(
      "page_token is malformed; pass the next_page_token of a previous response unchanged");
  if (!absl::WebSafeBase64Unescape(token, &raw) || raw.rfind("c1:", 0) != 0) return malformed;
  const size_t colon = raw.find(':', 3);
  PagePosition position;
  if (colon == std::string::npos || !absl::SimpleAtoi(raw.substr(3, colon - 3), &position.size)) {
    return malformed;
  }
  position.cluster_id = raw.substr(colon + 1);
  return position;
}

// The clusters the index keeps, members limited to `allowed`.
std::vector<Listed> KeptClusters(const DuplicateClusters& clusters,
                                 const std::vector<bool>& allowed) {
  std::vector<Listed> listed;
  clusters.ForEach([&](const DuplicateCluster& cluster) {
    Listed entry;
    entry.canonical = cluster.canonical;
    for (DocId doc : cluster.members) {
      if (doc < allowed.size() && allowed[doc]) entry.members.push_back(doc);
    }
    if (entry.members.size() >= 2) listed.push_back(std::move(entry));
  });
  return listed;
}

// Clusters built for this call over the allowed documents at `threshold`.
absl::StatusOr<std::vector<Listed>> ClustersForCall(IndexSnapshot index,
                                                    const std::vector<bool>& allowed,
                                                    double threshold) {
  DuplicateGraph graph(threshold);
  std::vector<DocId> live;
  for (DocId doc = 0; doc < index->live().size(); ++doc) {
    if (!index->live()[doc] || !allowed[doc]) continue;
    absl::StatusOr<docsearch::v1::Document> document = index->documents().Load(doc);
    if (!document.ok()) return document.status();
    graph.Insert(doc, DuplicateMemberOf(*document), ClusteringFingerprint(*document));
    live.push_back(doc);
  }
  std::vector<Listed> listed;
  for (DuplicateCluster& cluster : BatchClusters(graph, live)) {
    listed.push_back({std::move(cluster.members), cluster.canonical, ""});
  }
  return listed;
}

// The full fingerprint of a stored document, computed when it has none.
docsearch::v1::Fingerprint StoredFingerprint(IndexSnapshot index, DocId doc,
                                             const docsearch::v1::Document& document) {
  if (index->documents().minhash(doc).size() == kMinHashSize) {
    return index->documents().fingerprint(doc);
  }
  return ClusteringFingerprint(document);
}

}  // namespace

bool ClusterListedBefore(size_t size_a, const std::string& id_a, size_t size_b,
                         const std::string& id_b) {
  // Largest first, ties by id.
  if (size_a != size_b) return size_a > size_b;
  return id_a < id_b;
}

absl::Status ValidateClusterListing(const FindNearDuplicatesRequest& request) {
  if (request.min_resemblance() < 0 || request.min_resemblance() > 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("min_resemblance ", request.min_resemblance(), " is outside (0, 1]"));
  }
  if (request.page_size() < 0 || request.page_size() > kMaxClusterPageSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size ", request.page_size(), " is outside 0..", kMaxClusterPageSize));
  }
  return absl::OkStatus();
}

absl::StatusOr<ClusterPage> PageOfClusters(
    const FindNearDuplicatesRequest& request,
    const std::vector<std::pair<size_t, std::string>>& listed) {
  absl::StatusOr<std::optional<PagePosition>> after = DecodeToken(request.page_token());
  if (!after.ok()) return after.status();
  const size_t page_size =
      request.page_size() == 0 ? kDefaultClusterPageSize : static_cast<size_t>(request.page_size());
  ClusterPage page;
  if (after->has_value()) {
    const PagePosition& position = **after;
    while (page.begin < listed.size() &&
           !ClusterListedBefore(position.size, position.cluster_id, listed[page.begin].first,
                                listed[page.begin].second)) {
      ++page.begin;
    }
  }
  page.end = std::min(listed.size(), page.begin + page_size);
  if (page.end < listed.size() && page.end > page.begin) {
    page.next_page_token = EncodeToken({listed[page.end - 1].first, listed[page.end - 1].second});
  }
  return page;
}

absl::StatusOr<FindNearDuplicatesResponse> ListNearDuplicateClusters(
    const FindNearDuplicatesRequest& request, IndexSnapshot index, TextAnalyzer& analyzer,
    const QueryLimits& limits) {
  if (absl::Status valid = ValidateClusterListing(request); !valid.ok()) return valid;
  if (absl::StatusOr<std::optional<PagePosition>> after = DecodeToken(request.page_token());
      !after.ok()) {
    return after.status();
  }
  std::optional<DocId> source;
  if (!request.id().empty()) {
    source = index->FindDoc(request.id());
    if (!source.has_value()) {
      return absl::NotFoundError(
          absl::StrCat("id: no document with id '", TruncatedForMessage(request.id()), "'"));
    }
  }
  absl::StatusOr<std::vector<bool>> allowed = EvaluateFilter(
      request.has_filter() ? &request.filter() : nullptr, "filter", index, analyzer, limits);
  if (!allowed.ok()) return allowed.status();
  // The requested document is listed whatever the filter.
  if (source.has_value()) (*allowed)[*source] = true;

  const DuplicateClusterIndex* kept = DuplicateClusterIndex::Of(*index);
  const double threshold = request.min_resemblance() > 0 ? request.min_resemblance()
                           : kept != nullptr             ? kept->threshold()
                                                         : kDefaultDuplicateResemblance;
  std::vector<Listed> listed;
  if (kept != nullptr && threshold == kept->threshold()) {
    listed = KeptClusters(kept->clusters(), *allowed);
  } else {
    absl::StatusOr<std::vector<Listed>> built = ClustersForCall(index, *allowed, threshold);
    if (!built.ok()) return built.status();
    listed = *std::move(built);
  }
  if (source.has_value()) {
    std::erase_if(listed, [&](const Listed& entry) {
      return std::find(entry.members.begin(), entry.members.end(), *source) == entry.members.end();
    });
  }
  for (Listed& entry : listed)
    entry.cluster_id = std::string(index->documents().id(entry.canonical));
  std::sort(listed.begin(), listed.end(), [](const Listed& a, const Listed& b) {
    return ClusterListedBefore(a.members.size(), a.cluster_id, b.members.size(), b.cluster_id);
  });

  FindNearDuplicatesResponse response;
  response.set_total_clusters(static_cast<int64_t>(listed.size()));
  response.set_min_resemblance(threshold);
  std::vector<std::pair<size_t, std::string>> order;
  for (const Listed& entry : listed) order.emplace_back(entry.members.size(), entry.cluster_id);
  absl::StatusOr<ClusterPage> page = PageOfClusters(request, order);
  if (!page.ok()) return page.status();
  const size_t begin = page->begin;
  const size_t end = page->end;
  for (size_t k = begin; k < end; ++k) {
    const Listed& entry = listed[k];
    struct Loaded {
      DocId doc;
      docsearch::v1::Document document;
      DuplicateMember member;
    };
    std::vector<Loaded> members;
    for (DocId doc : entry.members) {
      absl::StatusOr<docsearch::v1::Document> document = index->documents().Load(doc);
      if (!document.ok()) return document.status();
      DuplicateMember member = DuplicateMemberOf(*document);
      members.push_back({doc, *std::move(document), std::move(member)});
    }
    std::sort(members.begin(), members.end(), [&](const Loaded& a, const Loaded& b) {
      if ((a.doc == entry.canonical) != (b.doc == entry.canonical)) return a.doc == entry.canonical;
      return CanonicalBefore(a.member, b.member);
    });
    // The canonical member may be filtered out: resemblance is then to the
    // first member listed.
    const docsearch::v1::Fingerprint reference =
        StoredFingerprint(index, members.front().doc, members.front().document);
    auto* cluster = response.add_clusters();
    cluster->set_cluster_id(entry.cluster_id);
    for (const Loaded& loaded : members) {
      auto* out = cluster->add_members();
      out->set_id(loaded.document.id());
      out->set_title(loaded.document.title());
      if (loaded.document.has_published()) *out->mutable_published() = loaded.document.published();
      out->set_resemblance(
          MinHashResemblance(reference, StoredFingerprint(index, loaded.doc, loaded.document)));
      out->set_body_bytes(loaded.member.text_bytes);
      out->set_canonical(loaded.doc == entry.canonical);
    }
  }
  response.set_next_page_token(std::move(page->next_page_token));
  return response;
}

}  // namespace docsearch::query::compare

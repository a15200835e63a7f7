#include "query_service/compare/near_duplicates.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "query_service/compare/analyzed_text.h"
#include "query_service/compare/filter.h"
#include "query_service/compare/fingerprints.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::FindNearDuplicatesRequest;
using docsearch::v1::FindNearDuplicatesResponse;
using docsearch::v1::Fingerprint;

constexpr int kBandRows = 2;

struct Pair {
  DocId a;
  DocId b;
  double resemblance;
  int simhash_distance;
};

// The fingerprints of `docs`: stored ones when all have a full stored
// signature, else computed here for all.
std::vector<Fingerprint> FingerprintsOf(const IndexData& index, const std::vector<DocId>& docs,
                                        TextAnalyzer& analyzer) {
  bool all_stored = true;
  for (DocId doc : docs) {
    const Fingerprint& stored = index.documents[doc]->fingerprint();
    all_stored &= stored.minhash_size() == kMinHashSize;
  }
  std::vector<Fingerprint> fingerprints;
  fingerprints.reserve(docs.size());
  for (DocId doc : docs) {
    fingerprints.push_back(
        all_stored ? index.documents[doc]->fingerprint()
                   : ComputeFingerprint(AnalyzeDocument(*index.documents[doc], analyzer)));
  }
  return fingerprints;
}

uint64_t BandKey(const Fingerprint& fingerprint, int band) {
  uint64_t key = static_cast<uint64_t>(band) * 0x9e3779b97f4a7c15ULL;
  for (int r = 0; r < kBandRows; ++r) {
    key ^=
        fingerprint.minhash(band * kBandRows + r) + 0x9e3779b97f4a7c15ULL + (key << 6) + (key >> 2);
  }
  return key;
}

}  // namespace

absl::StatusOr<FindNearDuplicatesResponse> FindNearDuplicates(
    const FindNearDuplicatesRequest& request, const IndexData& index, TextAnalyzer& analyzer,
    const QueryLimits& limits) {
  if (request.min_resemblance() < 0 || request.min_resemblance() > 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("min_resemblance ", request.min_resemblance(), " is outside (0, 1]"));
  }
  if (request.max_results() < 0 || request.max_results() > kMaxNearDuplicatePairs) {
    return absl::InvalidArgumentError(absl::StrCat("max_results ", request.max_results(),
                                                   " is outside 0..", kMaxNearDuplicatePairs));
  }
  const double threshold = request.min_resemblance() == 0 ? 0.8 : request.min_resemblance();
  const size_t max_results = request.max_results() == 0 ? 100 : request.max_results();
  const DocId* source = nullptr;
  if (!request.id().empty()) {
    auto it = index.id_to_doc.find(request.id());
    if (it == index.id_to_doc.end()) {
      return absl::NotFoundError(absl::StrCat("id: no document with id '", request.id(), "'"));
    }
    source = &it->second;
  }
  absl::StatusOr<std::vector<bool>> allowed = EvaluateFilter(
      request.has_filter() ? &request.filter() : nullptr, "filter", index, analyzer, limits);
  if (!allowed.ok()) return allowed.status();

  // The documents considered; the requested one first, whatever the filter.
  std::vector<DocId> docs;
  if (source != nullptr) docs.push_back(*source);
  for (DocId doc = 0; doc < index.documents.size(); ++doc) {
    if (index.live[doc] && (*allowed)[doc] && (source == nullptr || doc != *source)) {
      docs.push_back(doc);
    }
  }
  const std::vector<Fingerprint> fingerprints = FingerprintsOf(index, docs, analyzer);

  std::vector<Pair> pairs;
  auto consider = [&](size_t i, size_t j) {
    const double resemblance = MinHashResemblance(fingerprints[i], fingerprints[j]);
    if (resemblance >= threshold) {
      pairs.push_back({docs[i], docs[j], resemblance,
                       SimHashDistance(fingerprints[i].simhash(), fingerprints[j].simhash())});
    }
  };
  if (source != nullptr) {
    for (size_t j = 1; j < docs.size(); ++j) consider(0, j);
  } else {
    absl::flat_hash_set<std::pair<size_t, size_t>> seen;
    for (int band = 0; band * kBandRows < kMinHashSize; ++band) {
      absl::flat_hash_map<uint64_t, std::vector<size_t>> buckets;
      for (size_t i = 0; i < docs.size(); ++i) {
        if (fingerprints[i].minhash_size() != kMinHashSize) continue;  // Empty body.
        buckets[BandKey(fingerprints[i], band)].push_back(i);
      }
      for (const auto& [key, members] : buckets) {
        for (size_t x = 0; x < members.size(); ++x) {
          for (size_t y = x + 1; y < members.size(); ++y) {
            if (seen.insert({members[x], members[y]}).second) consider(members[x], members[y]);
          }
        }
      }
    }
  }

  auto id_of = [&](DocId doc) -> const std::string& { return index.documents[doc]->id(); };
  for (Pair& pair : pairs) {
    // The requested document first; otherwise the smaller id.
    if (source == nullptr && id_of(pair.b) < id_of(pair.a)) std::swap(pair.a, pair.b);
  }
  std::sort(pairs.begin(), pairs.end(), [&](const Pair& x, const Pair& y) {
    if (x.resemblance != y.resemblance) return x.resemblance > y.resemblance;
    return std::forward_as_tuple(id_of(x.a), id_of(x.b)) <
           std::forward_as_tuple(id_of(y.a), id_of(y.b));
  });
  FindNearDuplicatesResponse response;
  for (size_t k = 0; k < pairs.size() && k < max_results; ++k) {
    auto* out = response.add_pairs();
    out->set_id_a(id_of(pairs[k].a));
    out->set_id_b(id_of(pairs[k].b));
    out->set_resemblance(pairs[k].resemblance);
    out->set_simhash_distance(pairs[k].simhash_distance);
    out->set_title_a(index.documents[pairs[k].a]->title());
    out->set_title_b(index.documents[pairs[k].b]->title());
  }
  return response;
}

}  // namespace docsearch::query::compare

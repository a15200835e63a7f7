#include "query_service/compare/near_duplicates.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "common/text_fingerprint.h"
#include "common/utf8_text.h"
#include "query_service/compare/filter.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::FindNearDuplicatesRequest;
using docsearch::v1::FindNearDuplicatesResponse;
using docsearch::v1::Fingerprint;

constexpr int kBandRows = 2;

struct Pair {
  size_t a;  // Indexes into the candidates.
  size_t b;
  double resemblance;
  int simhash_distance;
};

uint64_t BandKey(const Fingerprint& fingerprint, int band) {
  uint64_t key = static_cast<uint64_t>(band) * 0x9e3779b97f4a7c15ULL;
  for (int r = 0; r < kBandRows; ++r) {
    // Kept bits only: a stored fingerprint holds no more (text_fingerprint.h).
    key ^= KeptMinHashBits(fingerprint.minhash(band * kBandRows + r)) + 0x9e3779b97f4a7c15ULL +
           (key << 6) + (key >> 2);
  }
  return key;
}

}  // namespace

absl::Status ValidateNearDuplicates(const FindNearDuplicatesRequest& request) {
  if (request.min_resemblance() < 0 || request.min_resemblance() > 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("min_resemblance ", request.min_resemblance(), " is outside (0, 1]"));
  }
  if (request.max_results() < 0 || request.max_results() > kMaxNearDuplicatePairs) {
    return absl::InvalidArgumentError(absl::StrCat("max_results ", request.max_results(),
                                                   " is outside 0..", kMaxNearDuplicatePairs));
  }
  return absl::OkStatus();
}

absl::StatusOr<NearDuplicateCandidates> SelectNearDuplicateCandidates(
    const FindNearDuplicatesRequest& request, IndexSnapshot index, TextAnalyzer& analyzer,
    const QueryLimits& limits) {
  if (absl::Status valid = ValidateNearDuplicates(request); !valid.ok()) return valid;
  NearDuplicateCandidates candidates;
  if (request.min_resemblance() > 0) candidates.threshold = request.min_resemblance();
  if (request.max_results() > 0) candidates.max_results = request.max_results();
  std::optional<DocId> source;
  if (!request.id().empty()) {
    source = index->FindDoc(request.id());
    if (!source.has_value()) {
      return absl::NotFoundError(
          absl::StrCat("id: no document with id '", TruncatedForMessage(request.id()), "'"));
    }
    candidates.has_source = true;
  }
  absl::StatusOr<std::vector<bool>> allowed = EvaluateFilter(
      request.has_filter() ? &request.filter() : nullptr, "filter", index, analyzer, limits);
  if (!allowed.ok()) return allowed.status();

  // The documents considered; the requested one first, whatever the filter.
  std::vector<DocId> docs;
  if (source.has_value()) docs.push_back(*source);
  for (DocId doc = 0; doc < index->live().size(); ++doc) {
    if (index->live()[doc] && (*allowed)[doc] && (!source.has_value() || doc != *source)) {
      docs.push_back(doc);
    }
  }
  for (DocId doc : docs) {
    NearDuplicateCandidates::Entry entry;
    entry.id = std::string(index->documents().id(doc));
    entry.doc = doc;
    if (index->documents().minhash(doc).size() == kMinHashSize) {
      entry.fingerprint = index->documents().fingerprint(doc);
    } else {
      absl::StatusOr<docsearch::v1::Document> document = index->documents().Load(doc);
      if (!document.ok()) return document.status();
      entry.text = FingerprintedText(*document);
    }
    candidates.entries.push_back(std::move(entry));
  }
  return candidates;
}

FindNearDuplicatesResponse FindNearDuplicatePairs(NearDuplicateCandidates& candidates) {
  std::vector<NearDuplicateCandidates::Entry>& entries = candidates.entries;
  for (auto& entry : entries) {
    if (entry.text.has_value()) {
      entry.fingerprint = ComputeTextFingerprint(*entry.text);
      entry.text.reset();
    }
  }
  std::vector<Pair> pairs;
  auto consider = [&](size_t i, size_t j) {
    const double resemblance = MinHashResemblance(entries[i].fingerprint, entries[j].fingerprint);
    if (resemblance >= candidates.threshold) {
      pairs.push_back(
          {i, j, resemblance,
           SimHashDistance(entries[i].fingerprint.simhash(), entries[j].fingerprint.simhash())});
    }
  };
  if (candidates.has_source) {
    for (size_t j = 1; j < entries.size(); ++j) consider(0, j);
  } else {
    absl::flat_hash_set<std::pair<size_t, size_t>> seen;
    for (int band = 0; band * kBandRows < kMinHashSize; ++band) {
      absl::flat_hash_map<uint64_t, std::vector<size_t>> buckets;
      for (size_t i = 0; i < entries.size(); ++i) {
        if (!HasMinHash(entries[i].fingerprint)) continue;  // A body without words.
        buckets[BandKey(entries[i].fingerprint, band)].push_back(i);
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

  for (Pair& pair : pairs) {
    // The requested document first; otherwise the smaller id.
    if (!candidates.has_source && entries[pair.b].id < entries[pair.a].id) {
      std::swap(pair.a, pair.b);
    }
  }
  std::sort(pairs.begin(), pairs.end(), [&](const Pair& x, const Pair& y) {
    if (x.resemblance != y.resemblance) return x.resemblance > y.resemblance;
    return std::tie(entries[x.a].id, entries[x.b].id) < std::tie(entries[y.a].id, entries[y.b].id);
  });
  FindNearDuplicatesResponse response;
  for (size_t k = 0; k < pairs.size() && k < candidates.max_results; ++k) {
    auto* out = response.add_pairs();
    out->set_id_a(entries[pairs[k].a].id);
    out->set_id_b(entries[pairs[k].b].id);
    out->set_resemblance(pairs[k].resemblance);
    out->set_simhash_distance(pairs[k].simhash_distance);
  }
  return response;
}

absl::Status FillNearDuplicateTitles(const NearDuplicateCandidates& candidates, IndexSnapshot index,
                                     FindNearDuplicatesResponse* response) {
  if (response->pairs().empty()) return absl::OkStatus();
  // Ids are unique among the candidates: all were live at once.
  absl::flat_hash_map<absl::string_view, DocId> slots;
  for (const auto& entry : candidates.entries) slots.emplace(entry.id, entry.doc);
  absl::flat_hash_map<DocId, std::string> titles;
  auto title_of = [&](const std::string& id) -> absl::StatusOr<std::string> {
    const DocId doc = slots.at(id);
    auto it = titles.find(doc);
    if (it != titles.end()) return it->second;
    absl::StatusOr<docsearch::v1::Document> document = index->documents().Load(doc);
    if (!document.ok()) return document.status();
    return titles.emplace(doc, document->title()).first->second;
  };
  for (auto& pair : *response->mutable_pairs()) {
    absl::StatusOr<std::string> a = title_of(pair.id_a());
    if (!a.ok()) return a.status();
    pair.set_title_a(*std::move(a));
    absl::StatusOr<std::string> b = title_of(pair.id_b());
    if (!b.ok()) return b.status();
    pair.set_title_b(*std::move(b));
  }
  return absl::OkStatus();
}

}  // namespace docsearch::query::compare

// In-process benchmark of passage reuse, near-duplicate clusters and
// version diffs (query_service/compare) on the corpus of
// bench/corpus/prepare.py (docs-N-s42.tsv, as compare_bench).
//
// Protocol:
//   1. Read the documents; cut each body into paragraphs of about 3
//      sentences (the TSV holds one ~2 KB passage per line), and add
//      --copies (default 5%) republished copies of random documents, each
//      with one word changed and a line appended: the near-duplicates to
//      cluster (the generated corpus has none of its own).
//   2. Index them into a SearchIndex with the annexes the query service
//      attaches by default (versions, passage fingerprints, near-duplicate
//      clusters; the CompareSets tallies left out;
//      the fingerprint the ingest parser stores). Reported: indexing time,
//      passage fingerprints and cluster graph memory per document.
//   3. Clustering from scratch: the duplicate graph and a union-find over
//      every document's stored fingerprint (what a rebuild costs), and the
//      cost of one incremental add (graph insert + cluster join), p50/p99.
//   4. Timed requests (one warm-up pass, then --rounds):
//        passage_reuse     FindPassageReuse of a random stored paragraph
//        reuse_text        FindPassageReuse of a random paragraph's text
//        clusters_page     FindNearDuplicates, first page of 20 clusters
//        compare_versions  CompareVersions of two 10-paragraph versions
//                          (a word changed in 3 paragraphs, one added)
//   5. Print one JSON object on stdout.
//
// Usage: reuse_bench --docs=docs.tsv [--samples=200] [--rounds=1]
//                    [--copies=0.05] [--seed=7]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "bench/bench_util.h"
#include "common/text_fingerprint.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/compare/comparisons.h"
#include "query_service/compare/duplicate_cluster_index.h"
#include "query_service/compare/duplicate_clusters.h"
#include "query_service/compare/passage_index.h"
#include "query_service/index/annex_set.h"
#include "query_service/index/version_history.h"
#include "query_service/search/search_index.h"

namespace {

using docsearch::bench::Fnv1a;
using docsearch::bench::Hex64;
using docsearch::bench::ParseDate;
using docsearch::bench::Percentile;
using Clock = std::chrono::steady_clock;
namespace v1 = docsearch::v1;
namespace compare = docsearch::query::compare;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Paragraphs of about three sentences.
std::vector<std::string> Paragraphs(const std::string& body) {
  std::vector<std::string> sentences = absl::StrSplit(body, ". ", absl::SkipEmpty());
  std::vector<std::string> paragraphs;
  for (size_t i = 0; i < sentences.size(); i += 3) {
    const size_t end = std::min(sentences.size(), i + 3);
    std::vector<std::string> part(sentences.begin() + i, sentences.begin() + end);
    paragraphs.push_back(absl::StrJoin(part, ". "));
  }
  return paragraphs;
}

std::unique_ptr<v1::Document> MakeDocument(const std::string& id, const std::string& title,
                                           const std::string& published,
                                           const std::vector<std::string>& paragraphs) {
  auto doc = std::make_unique<v1::Document>();
  doc->set_id(id);
  doc->set_title(title);
  for (const auto& text : paragraphs) doc->add_paragraphs()->set_text(text);
  *doc->mutable_published() = ParseDate(published);
  doc->set_language("en");
  doc->set_doc_type(v1::DOC_TYPE_SPEECH);
  const std::string text = docsearch::FingerprintedText(*doc);
  doc->set_content_hash(Hex64(Fnv1a(text)));
  *doc->mutable_fingerprint() = docsearch::ComputeTextFingerprint(text);
  return doc;
}

// `paragraphs` with the middle word of paragraph `p` replaced.
void ChangeAWord(std::vector<std::string>& paragraphs, size_t p) {
  std::vector<std::string> words = absl::StrSplit(paragraphs[p], ' ');
  words[words.size() / 2] = "altered";
  paragraphs[p] = absl::StrJoin(words, " ");
}

struct Timed {
  std::vector<double> us;
  int64_t size_sum = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::string docs_path;
  int samples = 200, rounds = 1;
  double copies = 0.05;
  uint64_t seed = 7;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--docs=", 0) == 0) {
      docs_path = arg.substr(7);
    } else if (arg.rfind("--samples=", 0) == 0) {
      samples = std::stoi(arg.substr(10));
    } else if (arg.rfind("--rounds=", 0) == 0) {
      rounds = std::stoi(arg.substr(9));
    } else if (arg.rfind("--copies=", 0) == 0) {
      copies = std::stod(arg.substr(9));
    } else if (arg.rfind("--seed=", 0) == 0) {
      seed = std::stoull(arg.substr(7));
    } else {
      docs_path.clear();
      break;
    }
  }
  if (docs_path.empty()) {
    std::cerr << "usage: reuse_bench --docs=PATH [--samples=N] [--rounds=N] [--copies=F] "
                 "[--seed=N]\n";
    return 2;
  }
  std::ifstream in(docs_path);
  std::vector<std::unique_ptr<v1::Document>> documents;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() != 5) continue;
    documents.push_back(MakeDocument(f[0], f[1], f[2], Paragraphs(f[4])));
  }
  if (documents.size() < 10) {
    std::cerr << "too few documents in " << docs_path << "\n";
    return 2;
  }
  const size_t originals = documents.size();
  std::mt19937_64 rng(seed);
  const size_t copy_count = static_cast<size_t>(copies * static_cast<double>(originals));
  for (size_t c = 0; c < copy_count; ++c) {
    const v1::Document& source = *documents[rng() % originals];
    std::vector<std::string> paragraphs(source.paragraphs_size());
    for (int p = 0; p < source.paragraphs_size(); ++p) paragraphs[p] = source.paragraphs(p).text();
    ChangeAWord(paragraphs, rng() % paragraphs.size());
    paragraphs.push_back("Republished by the archive.");
    documents.push_back(MakeDocument(absl::StrCat(source.id(), "-copy-", c), source.title(),
                                     "2030-01-01", paragraphs));
  }
  size_t paragraph_count = 0;
  for (const auto& doc : documents) paragraph_count += doc->paragraphs_size();

  // 2. The index, with the query service's default annexes.
  docsearch::query::SearchIndex index{docsearch::query::SearchOptions{}};
  index.AttachAnnex(docsearch::query::AnnexSet::Of(
      {docsearch::query::VersionHistory::Factory(docsearch::query::kDefaultMaxVersions),
       compare::PassageIndex::Factory(),
       compare::DuplicateClusterIndex::Factory(compare::kDefaultDuplicateResemblance)}));
  auto started = Clock::now();
  for (const auto& doc : documents) {
    auto added = index.Upsert(std::make_unique<v1::Document>(*doc));
    if (!added.ok()) {
      std::cerr << "upsert " << doc->id() << ": " << added.status() << "\n";
      return 1;
    }
  }
  const double index_s = Seconds(started);
  struct AnnexFigures {
    uint64_t passage_bytes = 0, passages = 0, cluster_bytes = 0, clusters = 0;
  };
  const AnnexFigures annex = index.Read([](docsearch::query::IndexSnapshot data) {
    AnnexFigures figures;
    if (const auto* passages = compare::PassageIndex::Of(*data)) {
      figures.passage_bytes = passages->table().MemoryBytes();
      figures.passages = passages->table().passage_count();
    }
    if (const auto* clusters = compare::DuplicateClusterIndex::Of(*data)) {
      figures.cluster_bytes = 2 * clusters->MemoryBytes();  // Both copies.
      figures.clusters = clusters->clusters().cluster_count();
    }
    return figures;
  });
  std::cerr << "reuse_bench: indexed " << documents.size() << " docs in " << index_s << " s\n";

  // 3. Clustering from scratch, and one incremental add.
  started = Clock::now();
  compare::DuplicateGraph graph(compare::kDefaultDuplicateResemblance);
  std::vector<docsearch::query::DocId> live;
  std::vector<double> add_us;
  compare::DuplicateClusters incremental(&graph);
  for (size_t d = 0; d < documents.size(); ++d) {
    const auto add_start = Clock::now();
    const auto doc = static_cast<docsearch::query::DocId>(d);
    graph.Insert(doc, compare::DuplicateMemberOf(*documents[d]), documents[d]->fingerprint());
    incremental.Add(doc);
    add_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - add_start).count());
    live.push_back(doc);
  }
  const double graph_s = Seconds(started);
  started = Clock::now();
  const std::vector<compare::DuplicateCluster> batch = compare::BatchClusters(graph, live);
  const double union_find_s = Seconds(started);
  size_t clustered = 0;
  for (const auto& cluster : batch) clustered += cluster.members.size();

  // 4. Requests.
  const compare::Comparisons comparisons(index);
  std::vector<v1::FindPassageReuseRequest> by_location(samples), by_text(samples);
  std::vector<v1::CompareVersionsRequest> versions(samples);
  for (int i = 0; i < samples; ++i) {
    const v1::Document& doc = *documents[rng() % originals];
    const int p = static_cast<int>(rng() % doc.paragraphs_size());
    by_location[i].mutable_passage()->set_id(doc.id());
    by_location[i].mutable_passage()->set_paragraph_index(p);
    by_text[i].set_text(doc.paragraphs(p).text());
  }
  // Versioned documents: 10 paragraphs, then a second version with a word
  // changed in 3 of them and a paragraph added.
  for (int i = 0; i < samples; ++i) {
    std::vector<std::string> paragraphs;
    while (paragraphs.size() < 10) {
      const v1::Document& doc = *documents[rng() % originals];
      for (const auto& paragraph : doc.paragraphs()) {
        if (paragraphs.size() < 10) paragraphs.push_back(paragraph.text());
      }
    }
    const std::string id = absl::StrCat("versioned-", i);
    if (!index.Upsert(MakeDocument(id, "Versioned", "2031-01-01", paragraphs)).ok()) return 1;
    for (size_t p : {1u, 4u, 7u}) ChangeAWord(paragraphs, p);
    paragraphs.insert(paragraphs.begin() + 5, "A paragraph added in the second version.");
    if (!index.Upsert(MakeDocument(id, "Versioned", "2031-01-02", paragraphs)).ok()) return 1;
    versions[i].set_id(id);
  }
  v1::FindNearDuplicatesRequest clusters_page;
  clusters_page.set_page_size(20);

  auto run = [&](const std::string& name, const std::function<absl::StatusOr<int64_t>(int)>& call,
                 int n) {
    Timed timed;
    for (int round = -1; round < rounds; ++round) {
      for (int i = 0; i < n; ++i) {
        const auto start = Clock::now();
        absl::StatusOr<int64_t> size = call(i);
        const double us = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
        if (!size.ok()) {
          std::cerr << name << " sample " << i << ": " << size.status() << "\n";
          std::exit(1);
        }
        if (round >= 0) timed.us.push_back(us);
        if (round == -1) timed.size_sum += *size;
      }
    }
    std::cerr << "reuse_bench: " << name << " done\n";
    return absl::StrCat("\"", name, "\":{\"n\":", timed.us.size(),
                        ",\"p50_us\":", Percentile(timed.us, 0.5),
                        ",\"p99_us\":", Percentile(timed.us, 0.99),
                        ",\"mean_size\":", static_cast<double>(timed.size_sum) / n, "}");
  };
  std::vector<std::string> ops;
  ops.push_back(run(
      "passage_reuse",
      [&](int i) -> absl::StatusOr<int64_t> {
        auto r = comparisons.FindPassageReuse(by_location[i]);
        if (!r.ok()) return r.status();
        return r->passages_size();
      },
      samples));
  ops.push_back(run(
      "reuse_text",
      [&](int i) -> absl::StatusOr<int64_t> {
        auto r = comparisons.FindPassageReuse(by_text[i]);
        if (!r.ok()) return r.status();
        return r->passages_size();
      },
      samples));
  ops.push_back(run(
      "clusters_page",
      [&](int) -> absl::StatusOr<int64_t> {
        auto r = comparisons.FindNearDuplicates(clusters_page);
        if (!r.ok()) return r.status();
        return r->total_clusters();
      },
      std::min(samples, 20)));
  ops.push_back(run(
      "compare_versions",
      [&](int i) -> absl::StatusOr<int64_t> {
        auto r = comparisons.CompareVersions(versions[i]);
        if (!r.ok()) return r.status();
        return r->changes_size();
      },
      samples));

  const double docs = static_cast<double>(documents.size());
  std::cout << "{\"docs\":" << documents.size() << ",\"originals\":" << originals
            << ",\"copies\":" << copy_count << ",\"paragraphs\":" << paragraph_count
            << ",\"index_s\":" << index_s
            << ",\"index_memory_bytes\":" << index.Stats().memory_bytes()
            << ",\"passages\":" << annex.passages
            << ",\"passage_bytes_per_doc\":" << static_cast<double>(annex.passage_bytes) / docs
            << ",\"cluster_bytes_per_doc\":" << static_cast<double>(annex.cluster_bytes) / docs
            << ",\"kept_clusters\":" << annex.clusters << ",\"graph_edges\":" << graph.edge_count()
            << ",\"cluster_all_s\":" << graph_s + union_find_s << ",\"graph_s\":" << graph_s
            << ",\"union_find_s\":" << union_find_s << ",\"batch_clusters\":" << batch.size()
            << ",\"clustered_docs\":" << clustered
            << ",\"incremental_add_p50_us\":" << Percentile(add_us, 0.5)
            << ",\"incremental_add_p99_us\":" << Percentile(add_us, 0.99) << ",\"ops\":{"
            << absl::StrJoin(ops, ",") << "}}" << std::endl;
  return 0;
}

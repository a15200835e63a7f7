// In-process benchmark of the comparison operations
// (query_service/compare/comparisons.h) on the corpus of
// bench/corpus/prepare.py (the same docs-N-s42.tsv as engine_bench).
//
// Protocol:
//   1. Read the documents TSV and index it into a SearchIndex (as
//      engine_bench does, plus the fingerprint the ingest parser stores) with DocumentVectors
//      attached as the query service does (--vectors=0: without). The indexing time and the memory
//      of the index and of the vectors are reported; --index_only stops there, to measure the
//      indexing cost of the vectors (run with and without).
//   2. Draw a fixed-seed sample of requests per operation (--seed, default 7):
//        compare_docs      CompareDocuments of two random documents by id
//        find_similar      FindSimilar top 10 from a random stored document
//        sets_decades      CompareSets of two random decades (published ranges)
//        sets_terms        CompareSets of the match sets of two random words
//        trend_all_years   TermTrend, 1-3 random words, per year, all years
//        trend_10_years    the same over a random 10-year published range
//      Random words are drawn from random documents' bodies (alphabetic, >= 4
//      letters), so their frequencies follow the corpus.
//      CompareSets has its own sample size (--set_samples, default 200; the
//      first ones of the same draw): it took ~1.5 s a call before the
//      index-time tallies (document_vectors.h).
//   3. One warm-up pass over each sample, then --rounds (default 1) timed
//      passes; each call timed from the request proto to the response proto.
//   4. Print one JSON object (p50/p99 in microseconds per operation) on stdout.
//
// Usage: compare_bench --docs=docs.tsv [--samples=200] [--set_samples=200]
//                      [--rounds=1] [--seed=7] [--vectors=1] [--index_only]
//                      [--only=compare_docs,sets_terms,...]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "bench/bench_util.h"
#include "common/text_fingerprint.h"
#include "docsearch/v1/comparison.pb.h"
#include "docsearch/v1/document.pb.h"
#include "query_service/compare/comparisons.h"
#include "query_service/compare/document_vectors.h"
#include "query_service/search/search_index.h"

namespace {

using docsearch::bench::Fnv1a;
using docsearch::bench::Hex64;
using docsearch::bench::ParseDate;
using docsearch::bench::Percentile;

using Clock = std::chrono::steady_clock;
namespace v1 = docsearch::v1;

struct Row {
  std::string id, title, published, doc_type, body;
};

// Loading: the same as engine_bench.cc.
std::vector<Row> ReadRows(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    std::exit(2);
  }
  std::vector<Row> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() != 5) continue;
    rows.push_back(
        {std::move(f[0]), std::move(f[1]), std::move(f[2]), std::move(f[3]), std::move(f[4])});
  }
  return rows;
}

// A random word of a random document's body (alphabetic, >= 4 letters).
std::string RandomWord(const std::vector<Row>& rows, std::mt19937_64& rng) {
  for (;;) {
    const Row& r = rows[rng() % rows.size()];
    std::vector<std::string> words = absl::StrSplit(r.body, ' ', absl::SkipEmpty());
    if (words.empty()) continue;
    std::string w = absl::AsciiStrToLower(words[rng() % words.size()]);
    if (w.size() >= 4 &&
        std::all_of(w.begin(), w.end(), [](unsigned char c) { return absl::ascii_isalpha(c); })) {
      return w;
    }
  }
}

void Published(int from_year, int to_year, v1::Query* query) {
  auto* range = query->mutable_range();
  range->set_field("published");
  range->set_gte(absl::StrCat(from_year, "-01-01"));
  range->set_lte(absl::StrCat(to_year, "-12-31"));
}

void BodyMatch(const std::string& word, v1::Query* query) {
  auto* match = query->mutable_match();
  match->set_text(word);
  match->add_fields()->set_field("body");
}

}  // namespace

int main(int argc, char** argv) {
  std::string docs_path;
  int samples = 200, set_samples = 200, rounds = 1;
  uint64_t seed = 7;
  bool vectors = true, index_only = false;
  std::string only;  // Comma-separated operation names; empty = all.
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--docs=", 0) == 0)
      docs_path = arg.substr(7);
    else if (arg.rfind("--samples=", 0) == 0)
      samples = std::stoi(arg.substr(10));
    else if (arg.rfind("--set_samples=", 0) == 0)
      set_samples = std::stoi(arg.substr(14));
    else if (arg.rfind("--rounds=", 0) == 0)
      rounds = std::stoi(arg.substr(9));
    else if (arg.rfind("--seed=", 0) == 0)
      seed = std::stoull(arg.substr(7));
    else if (arg.rfind("--vectors=", 0) == 0)
      vectors = arg.substr(10) != "0";
    else if (arg == "--index_only")
      index_only = true;
    else if (arg.rfind("--only=", 0) == 0)
      only = arg.substr(7);
    else
      docs_path.clear(), i = argc;
  }
  if (docs_path.empty()) {
    std::cerr << "usage: compare_bench --docs=PATH [--samples=N] [--set_samples=N] [--rounds=N] "
                 "[--seed=N] [--vectors=0|1] [--index_only]\n";
    return 2;
  }

  const std::vector<Row> rows = ReadRows(docs_path);
  if (rows.size() < 2) {
    std::cerr << "too few documents in " << docs_path << "\n";
    return 2;
  }
  docsearch::query::SearchIndex index{docsearch::query::SearchOptions{}};
  if (vectors) index.AttachAnnex(docsearch::query::compare::DocumentVectors::Factory());
  int min_year = 9999, max_year = 0;
  const auto t0 = Clock::now();
  for (const Row& r : rows) {
    auto doc = std::make_unique<v1::Document>();
    doc->set_id(r.id);
    doc->set_title(r.title);
    doc->add_paragraphs()->set_text(r.body);
    *doc->mutable_published() = ParseDate(r.published);
    if (doc->published().year() > 0) {
      min_year = std::min(min_year, doc->published().year());
      max_year = std::max(max_year, doc->published().year());
    }
    v1::DocType type = v1::DOC_TYPE_OTHER;
    v1::DocType_Parse("DOC_TYPE_" + absl::AsciiStrToUpper(r.doc_type), &type);
    doc->set_doc_type(type);
    doc->set_language("en");
    doc->set_content_hash(Hex64(Fnv1a(r.body)));
    // As the ingest parser stores it on every document (the body's
    // paragraphs, one per line), so CompareDocuments uses the stored
    // fingerprints as it does in the service.
    *doc->mutable_fingerprint() = docsearch::ComputeTextFingerprint(absl::StrCat(r.body, "\n"));
    auto added = index.Upsert(std::move(doc));
    if (!added.ok()) {
      std::cerr << "upsert " << r.id << ": " << added.status() << "\n";
      return 1;
    }
  }
  const double index_s = std::chrono::duration<double>(Clock::now() - t0).count();
  std::cerr << "compare_bench: indexed " << rows.size() << " docs in " << index_s << " s, years "
            << min_year << "-" << max_year << "\n";
  struct VectorFigures {
    uint64_t bytes = 0, term_keys = 0, phrase_keys = 0;
  };
  const VectorFigures vector_figures = index.Read([](docsearch::query::IndexSnapshot data) {
    VectorFigures figures;
    if (const auto* v = docsearch::query::compare::DocumentVectors::Of(data)) {
      figures = {v->MemoryBytes(), v->terms().size(), v->phrases().size()};
    }
    return figures;
  });
  const std::string index_json =
      absl::StrCat("\"vectors\":", vectors ? "true" : "false", ",\"index_s\":", index_s,
                   ",\"index_memory_bytes\":", index.Stats().memory_bytes(),
                   ",\"vectors_memory_bytes\":", vector_figures.bytes,
                   ",\"vector_term_keys\":", vector_figures.term_keys,
                   ",\"vector_phrase_keys\":", vector_figures.phrase_keys);
  if (index_only) {
    std::cout << "{\"engine\":\"docsearch\",\"docs\":" << rows.size() << "," << index_json << "}"
              << std::endl;
    return 0;
  }

  const docsearch::query::compare::Comparisons comparisons(index);
  std::mt19937_64 rng(seed);
  auto random_id = [&] { return rows[rng() % rows.size()].id; };
  auto random_year = [&](int span) {
    return min_year + static_cast<int>(rng() % std::max(1, max_year - min_year - span + 2));
  };

  // Fixed samples, drawn before any timing.
  std::vector<v1::CompareDocumentsRequest> compare_docs(samples);
  std::vector<v1::FindSimilarRequest> find_similar(samples);
  std::vector<v1::CompareSetsRequest> sets_decades(samples), sets_terms(samples);
  std::vector<v1::TermTrendRequest> trend_all(samples), trend_10(samples);
  for (int i = 0; i < samples; ++i) {
    compare_docs[i].mutable_a()->set_id(random_id());
    compare_docs[i].mutable_b()->set_id(random_id());
    find_similar[i].mutable_like()->set_id(random_id());
    find_similar[i].set_max_results(10);
    const int da = random_year(10) / 10 * 10, db = random_year(10) / 10 * 10;
    Published(da, da + 9, sets_decades[i].mutable_a());
    Published(db, db + 9, sets_decades[i].mutable_b());
    BodyMatch(RandomWord(rows, rng), sets_terms[i].mutable_a());
    BodyMatch(RandomWord(rows, rng), sets_terms[i].mutable_b());
    const int n_terms = 1 + static_cast<int>(rng() % 3);
    for (int t = 0; t < n_terms; ++t) {
      const std::string w = RandomWord(rows, rng);
      trend_all[i].add_terms(w);
      trend_10[i].add_terms(w);
    }
    trend_all[i].set_interval(v1::INTERVAL_YEAR);
    trend_10[i].set_interval(v1::INTERVAL_YEAR);
    const int from = random_year(10);
    Published(from, from + 9, trend_10[i].mutable_filter());
  }

  struct Op {
    std::string name;
    std::function<absl::Status(int)> call;
    std::string size_name;
    std::vector<double> us;
    int64_t size_sum = 0;
    int n = 0;  // sample size
  };
  // Each call returns the status and records one sanity figure.
  std::vector<int64_t> last(1);
  std::vector<Op> ops;
  ops.push_back({"compare_docs",
                 [&](int i) {
                   auto r = comparisons.CompareDocuments(compare_docs[i]);
                   if (r.ok()) last[0] = r->shared_terms_size();
                   return r.status();
                 },
                 "shared_terms",
                 {},
                 0});
  ops.push_back({"find_similar",
                 [&](int i) {
                   auto r = comparisons.FindSimilar(find_similar[i]);
                   if (r.ok()) last[0] = r->hits_size();
                   return r.status();
                 },
                 "hits",
                 {},
                 0});
  ops.push_back({"sets_decades",
                 [&](int i) {
                   auto r = comparisons.CompareSets(sets_decades[i]);
                   if (r.ok()) last[0] = r->documents_a() + r->documents_b();
                   return r.status();
                 },
                 "set_docs",
                 {},
                 0});
  ops.push_back({"sets_terms",
                 [&](int i) {
                   auto r = comparisons.CompareSets(sets_terms[i]);
                   if (r.ok()) last[0] = r->documents_a() + r->documents_b();
                   return r.status();
                 },
                 "set_docs",
                 {},
                 0});
  ops.push_back({"trend_all_years",
                 [&](int i) {
                   auto r = comparisons.TermTrend(trend_all[i]);
                   if (r.ok()) last[0] = r->series_size() ? r->series(0).points_size() : 0;
                   return r.status();
                 },
                 "points",
                 {},
                 0});
  ops.push_back({"trend_10_years",
                 [&](int i) {
                   auto r = comparisons.TermTrend(trend_10[i]);
                   if (r.ok()) last[0] = r->series_size() ? r->series(0).points_size() : 0;
                   return r.status();
                 },
                 "points",
                 {},
                 0});

  if (!only.empty()) {
    const std::vector<std::string> wanted = absl::StrSplit(only, ',');
    ops.erase(std::remove_if(ops.begin(), ops.end(),
                             [&](const Op& op) {
                               return std::find(wanted.begin(), wanted.end(), op.name) ==
                                      wanted.end();
                             }),
              ops.end());
  }
  for (Op& op : ops) {
    op.n = op.name.rfind("sets_", 0) == 0 ? std::min(set_samples, samples) : samples;
  }
  for (Op& op : ops) {
    const auto op_start = Clock::now();
    for (int round = -1; round < rounds; ++round) {  // Round -1 warms up.
      for (int i = 0; i < op.n; ++i) {
        const auto start = Clock::now();
        absl::Status status = op.call(i);
        const double us = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
        if (!status.ok()) {
          std::cerr << op.name << " sample " << i << ": " << status << "\n";
          return 1;
        }
        if (round >= 0) op.us.push_back(us);
        if (round == -1) op.size_sum += last[0];
      }
    }
    std::cerr << "compare_bench: " << op.name << " done in "
              << std::chrono::duration<double>(Clock::now() - op_start).count() << " s\n";
  }

  std::string json =
      absl::StrCat("{\"engine\":\"docsearch\",\"docs\":", rows.size(), ",\"samples\":", samples,
                   ",\"rounds\":", rounds, ",\"seed\":", seed, ",\"min_year\":", min_year,
                   ",\"max_year\":", max_year, ",", index_json, ",\"ops\":{");
  bool first = true;
  for (Op& op : ops) {
    absl::StrAppend(&json, first ? "" : ",", "\"", op.name, "\":{\"n\":", op.us.size(),
                    ",\"p50_us\":", Percentile(op.us, 0.50),
                    ",\"p99_us\":", Percentile(op.us, 0.99), ",\"mean_", op.size_name,
                    "\":", static_cast<double>(op.size_sum) / op.n, "}");
    first = false;
  }
  absl::StrAppend(&json, "}}");
  std::cout << json << std::endl;
  return 0;
}

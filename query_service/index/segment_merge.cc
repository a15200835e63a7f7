#include "query_service/index/segment_merge.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "query_service/index/posting_list_builder.h"

namespace docsearch::query {
namespace {

// The merged postings of one field; nullopt when cancelled. Walks the
// run's term arrays together in byte order, so each merged list goes into
// the arenas as soon as it is built and at most one is held appendable.
// Each list is built from its sources' blocks (posting_list_builder.h).
std::optional<SealedPostings> MergeField(const std::vector<std::shared_ptr<const Segment>>& run,
                                         SealedPostings Segment::*field,
                                         const std::vector<uint32_t>& lengths,
                                         const MergeDocuments& documents,
                                         const std::atomic<bool>* cancel) {
  SealedPostings::Builder builder;
  // The merged lists take at most about what their sources take.
  size_t docs = 0;
  size_t positions = 0;
  size_t blocks = 0;
  std::vector<FrontCodedTerms::Reader> readers;
  for (const std::shared_ptr<const Segment>& source : run) {
    const SealedPostings& postings = (*source).*field;
    docs += postings.DocBytes();
    positions += postings.PositionBytes();
    blocks += postings.SkipBytes() / sizeof(PostingBlock);
    readers.emplace_back(postings.terms());
  }
  builder.Reserve(docs, positions, blocks);
  PostingListBuilder merged;
  std::string term;
  while (true) {
    if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) return std::nullopt;
    const FrontCodedTerms::Reader* smallest = SmallestTerm(readers);
    if (smallest == nullptr) break;
    term.assign(smallest->term().data(), smallest->term().size());
    // The term's lists in run order, which is DocId order.
    for (size_t i = 0; i < run.size(); ++i) {
      if (!readers[i].done() && readers[i].term() == term) {
        merged.AppendLive(((*run[i]).*field).list(readers[i].ordinal()), documents.first_doc,
                          documents.live, lengths);
        readers[i].Next();
      }
    }
    PostingList list = merged.Finish();
    builder.Add(term, list);  // A term left with no live document is dropped.
  }
  return std::move(builder).Finish();
}

}  // namespace

size_t SegmentBudget(uint64_t documents, const MergePolicy& policy) {
  size_t budget = policy.budget_floor;
  const uint64_t ratio = std::max<uint64_t>(2, 2 * static_cast<uint64_t>(policy.factor));
  // ceil(log_ratio(documents / seal size)), counted in integers.
  for (uint64_t span = std::max<uint64_t>(1, policy.seal_documents); span < documents;
       span *= ratio) {
    ++budget;
  }
  return std::max<size_t>(budget, 1);
}

std::optional<MergeRun> PickMerge(const std::vector<std::shared_ptr<const Segment>>& segments,
                                  const std::vector<uint32_t>& live_documents,
                                  const MergePolicy& policy) {
  if (policy.factor < 2) return std::nullopt;
  uint64_t documents = 0;
  for (const std::shared_ptr<const Segment>& segment : segments) documents += segment->documents;
  if (segments.size() > SegmentBudget(documents, policy)) {
    std::optional<MergeRun> best;
    double best_score = 0;
    for (size_t begin = 0; begin + 1 < segments.size(); ++begin) {
      uint64_t held = segments[begin]->documents;
      uint64_t largest = held;
      for (size_t count = 2; count <= policy.factor && begin + count <= segments.size(); ++count) {
        const uint64_t next = segments[begin + count - 1]->documents;
        held += next;
        largest = std::max(largest, next);
        // Lucene's score, less its deletes term: the run's skew, lower for
        // segments of even size, times a slight preference for fewer
        // documents to rewrite.
        const double total = static_cast<double>(std::max<uint64_t>(held, 1));
        const double score = static_cast<double>(largest) / total * std::pow(total, 0.05);
        if (!best.has_value() || score < best_score) {
          best = MergeRun{begin, count};
          best_score = score;
        }
      }
    }
    if (best.has_value()) return best;
  }
  for (size_t i = 0; i < segments.size() && i < live_documents.size(); ++i) {
    const double held = segments[i]->documents;
    if (held > 0 && (held - live_documents[i]) > policy.expunge_dead_fraction * held) {
      return MergeRun{i, 1};
    }
  }
  return std::nullopt;
}

std::shared_ptr<const Segment> MergeSegments(const std::vector<std::shared_ptr<const Segment>>& run,
                                             const MergeDocuments& documents,
                                             const std::atomic<bool>* cancel) {
  auto merged = std::make_shared<Segment>();
  if (run.empty()) return merged;
  merged->first_doc = run.front()->first_doc;
  merged->end_doc = run.back()->end_doc;
  std::optional<SealedPostings> title =
      MergeField(run, &Segment::title, documents.title_lengths, documents, cancel);
  if (!title.has_value()) return nullptr;
  std::optional<SealedPostings> body =
      MergeField(run, &Segment::body, documents.body_lengths, documents, cancel);
  if (!body.has_value()) return nullptr;
  merged->title = std::move(*title);
  merged->body = std::move(*body);
  merged->memory_bytes = merged->title.MemoryBytes() + merged->body.MemoryBytes();
  for (bool live : documents.live) merged->documents += live ? 1 : 0;
  return merged;
}

}  // namespace docsearch::query

#include "query_service/index/segment_merge.h"

#include <algorithm>
#include <string>
#include <utility>

#include "query_service/index/term_cursor.h"

namespace docsearch::query {
namespace {

int LevelOf(const Segment& segment, const MergePolicy& policy) {
  uint64_t span = segment.documents;
  uint64_t bound = static_cast<uint64_t>(policy.seal_documents) * policy.factor;
  int level = 0;
  while (span >= bound) {
    ++level;
    bound *= policy.factor;
  }
  return level;
}

// The merged postings of one field; nullopt when cancelled. Walks the
// run's term arrays together in byte order, so each merged list goes into
// the arenas as soon as it is built and at most one is held appendable.
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
  std::vector<uint32_t> term_positions;
  std::string term;
  while (true) {
    if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) return std::nullopt;
    const FrontCodedTerms::Reader* smallest = nullptr;
    for (const FrontCodedTerms::Reader& reader : readers) {
      if (!reader.done() && (smallest == nullptr || reader.term() < smallest->term())) {
        smallest = &reader;
      }
    }
    if (smallest == nullptr) break;
    term.assign(smallest->term().data(), smallest->term().size());
    // The term's lists in run order, which is DocId order.
    TermLists lists;
    for (size_t i = 0; i < run.size(); ++i) {
      if (!readers[i].done() && readers[i].term() == term) {
        lists.push_back(&((*run[i]).*field).list(readers[i].ordinal()));
        readers[i].Next();
      }
    }
    PostingList list;
    for (TermCursor cursor(std::move(lists)); cursor.doc() != TermCursor::kEnd; cursor.Next()) {
      const DocId offset = cursor.doc() - documents.first_doc;
      if (!documents.live[offset]) continue;
      term_positions.clear();
      cursor.AppendPositions(term_positions);
      list.Append(cursor.doc(), lengths[offset], term_positions);
    }
    builder.Add(term, list);  // A term left with no live document is dropped.
  }
  return std::move(builder).Finish();
}

}  // namespace

std::optional<MergeRun> PickMerge(const std::vector<std::shared_ptr<const Segment>>& segments,
                                  const std::vector<uint32_t>& live_documents,
                                  const MergePolicy& policy) {
  if (policy.factor < 2) return std::nullopt;
  std::optional<MergeRun> best;
  int best_level = 0;
  for (size_t begin = 0; begin + policy.factor <= segments.size(); ++begin) {
    const int level = LevelOf(*segments[begin], policy);
    bool same = true;
    for (size_t i = 1; i < policy.factor && same; ++i) {
      same = LevelOf(*segments[begin + i], policy) == level;
    }
    if (same && (!best.has_value() || level < best_level)) {
      best = MergeRun{begin, policy.factor};
      best_level = level;
    }
  }
  if (best.has_value()) return best;
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

#include "query_service/search/search_index.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "google/protobuf/util/time_util.h"
#include "query_service/search/facet_counter.h"
#include "query_service/search/max_score.h"
#include "query_service/search/page_token.h"
#include "query_service/search/query_language_of.h"
#include "query_service/search/query_planner.h"
#include "query_service/search/query_string_parser.h"
#include "query_service/search/shard_statistics.h"
#include "query_service/search/snippet_builder.h"

namespace docsearch::query {

using docsearch::v1::Document;
using docsearch::v1::SearchRequest;
using docsearch::v1::SearchResponse;

SearchIndex::SearchIndex(const SearchOptions& options) : options_(options) {
  // Both copies of the data share one document store: stored documents,
  // the largest part of the index, are kept and compressed once.
  auto store = std::make_shared<DocumentStore>();
  data_.Write([&](IndexData& data) {
    data.ShareDocumentStore(store);
    return 0;
  });
  merger_ = std::thread([this] { MergeLoop(); });
}

SearchIndex::~SearchIndex() {
  {
    std::lock_guard<std::mutex> lock(merge_mu_);
    stopping_ = true;
  }
  cancel_merge_.store(true);
  merge_cv_.notify_all();
  merger_.join();
}

void SearchIndex::SealIfFull(IndexData& data, std::shared_ptr<const Segment>& sealed) const {
  const uint64_t open_documents = data.live().size() - data.OpenFirstDoc();
  if (open_documents > 0 && open_documents >= options_.segments.seal_documents) data.Seal(sealed);
}

void SearchIndex::RequestMerge() {
  {
    std::lock_guard<std::mutex> lock(merge_mu_);
    merge_requested_ = true;
  }
  merge_cv_.notify_all();
}

void SearchIndex::WaitForMerges() {
  std::unique_lock<std::mutex> lock(merge_mu_);
  merge_cv_.wait(lock, [&] { return stopping_ || (!merge_requested_ && !merging_); });
}

void SearchIndex::MergeLoop() {
  std::unique_lock<std::mutex> lock(merge_mu_);
  while (true) {
    merge_cv_.wait(lock, [&] { return stopping_ || merge_requested_; });
    if (stopping_) return;
    merge_requested_ = false;
    merging_ = true;
    lock.unlock();
    // One merge can make the next one due (a level fills up).
    bool merged = true;
    while (merged) {
      const absl::Time merge_started = absl::Now();
      merged = MergeOnce();
      if (merged && options_.on_merge) {
        options_.on_merge(absl::ToDoubleSeconds(absl::Now() - merge_started));
      }
      lock.lock();
      const bool stop = stopping_;
      lock.unlock();
      if (stop) break;
    }
    lock.lock();
    merging_ = false;
    merge_cv_.notify_all();
  }
}

bool SearchIndex::MergeOnce() {
  std::optional<MergeRun> pick;
  std::vector<std::shared_ptr<const Segment>> run;
  MergeDocuments documents;
  data_.Read([&](const IndexData& data) {
    pick = PickMerge(data.segments(), data.segment_live(), options_.segments);
    if (!pick.has_value()) return 0;
    const auto first = data.segments().begin() + static_cast<std::ptrdiff_t>(pick->begin);
    run.assign(first, first + static_cast<std::ptrdiff_t>(pick->count));
    const DocId begin = run.front()->first_doc;
    const DocId end = run.back()->end_doc;
    documents.first_doc = begin;
    documents.live.assign(data.live().begin() + begin, data.live().begin() + end);
    documents.title_lengths.assign(data.title().lengths.begin() + begin,
                                   data.title().lengths.begin() + end);
    documents.body_lengths.assign(data.body().lengths.begin() + begin,
                                  data.body().lengths.begin() + end);
    return 0;
  });
  if (!pick.has_value()) return false;
  // The costly part, with no lock held: searches and writes go on.
  std::shared_ptr<const Segment> merged = MergeSegments(run, documents, &cancel_merge_);
  if (merged == nullptr) return false;  // Shutting down.
  WriterGuard writer(&writer_mu_);
  return data_.Write([&](IndexData& data) {
    // The run is still where it was read (only this thread removes
    // segments, and seals only append); checked all the same, since
    // replacing another range would lose postings. Documents that died
    // meanwhile keep their postings in `merged`; readers skip them as
    // before.
    for (size_t i = 0; i < run.size(); ++i) {
      if (pick->begin + i >= data.segments().size() || data.segments()[pick->begin + i] != run[i]) {
        return false;
      }
    }
    data.ReplaceSegments(pick->begin, pick->count, merged);
    return true;
  });
}

absl::StatusOr<bool> SearchIndex::Upsert(std::unique_ptr<Document> document) {
  std::vector<std::unique_ptr<Document>> batch;
  batch.push_back(std::move(document));
  return std::move(UpsertBatch(std::move(batch)).front());
}

std::vector<absl::StatusOr<bool>> SearchIndex::UpsertBatch(
    std::vector<std::unique_ptr<Document>> documents,
    const std::vector<bool>& replace_same_content) {
  // Analysis, the costly part, runs once, before either copy is written:
  // each new document's terms, and those of the version it replaces.
  struct Prepared {
    std::unique_ptr<Document> document;
    DocumentTerms terms;
    // The live slot the document replaces, as seen before writing, and
    // that version's terms.
    std::optional<DocId> replaced_slot;
    std::optional<DocumentTerms> replaced_terms;
    bool replace_same_content = false;
  };
  WriterGuard writer(&writer_mu_);
  std::vector<Prepared> prepared(documents.size());
  data_.Read([&](const IndexData& data) {
    for (size_t i = 0; i < documents.size(); ++i) {
      prepared[i].document = std::move(documents[i]);
      prepared[i].replace_same_content = i < replace_same_content.size() && replace_same_content[i];
      const Document& document = *prepared[i].document;
      std::optional<DocId> slot = data.FindDoc(document.id());
      // The content hash is a column of the store: no decompression.
      if (!slot.has_value() ||
          (!prepared[i].replace_same_content && !document.content_hash().empty() &&
           data.documents().content_hash(*slot) == document.content_hash())) {
        continue;
      }
      absl::StatusOr<Document> stored = data.documents().Load(*slot);
      if (stored.ok()) {
        prepared[i].replaced_slot = slot;
        prepared[i].replaced_terms = AnalyzeDocument(*stored, prepare_analyzer_);
      }
    }
  });
  for (Prepared& entry : prepared) {
    entry.terms = AnalyzeDocument(*entry.document, prepare_analyzer_);
  }

  // The same steps on both copies, which are equal before. The first copy
  // to seal makes the segment; the second takes the same one.
  std::shared_ptr<const Segment> sealed;
  bool replaced_any = false;
  std::vector<absl::StatusOr<bool>> results = data_.Write([&](IndexData& data) {
    std::vector<absl::StatusOr<bool>> results;
    results.reserve(prepared.size());
    for (Prepared& entry : prepared) {
      const Document& document = *entry.document;
      const std::optional<DocId> live_slot = data.FindDoc(document.id());
      if (live_slot.has_value() && !entry.replace_same_content &&
          !document.content_hash().empty() &&
          data.documents().content_hash(*live_slot) == document.content_hash()) {
        results.push_back(false);  // Unchanged (also: repeated in this batch).
        continue;
      }
      // A document repeated in the batch replaces its earlier copy, not the
      // version analyzed above: Add analyzes what it replaces then.
      const DocumentTerms* replaced_terms =
          live_slot == entry.replaced_slot && entry.replaced_terms.has_value()
              ? &*entry.replaced_terms
              : nullptr;
      absl::Status added = data.Add(document, writer_analyzer_, &entry.terms, replaced_terms);
      if (added.ok()) {
        results.push_back(true);
        replaced_any = replaced_any || live_slot.has_value();
      } else {
        results.push_back(added);
      }
    }
    SealIfFull(data, sealed);
    return results;
  });
  if (sealed != nullptr || replaced_any) RequestMerge();
  return results;
}

void SearchIndex::AttachAnnex(const std::function<std::unique_ptr<IndexAnnex>()>& make_annex) {
  WriterGuard writer(&writer_mu_);
  data_.Write([&](IndexData& data) {
    std::unique_ptr<IndexAnnex> annex = make_annex();
    for (DocId doc = 0; doc < data.live().size(); ++doc) {
      if (!data.live()[doc]) continue;
      // A slot that does not decode (a bug) is left out of the annex rather
      // than failing the attach: the annex only speeds comparisons up.
      absl::StatusOr<Document> document = data.documents().Load(doc);
      if (document.ok()) annex->Added(doc, *document);
    }
    data.AttachAnnex(std::move(annex));
    return 0;
  });
}

bool SearchIndex::IsUnchanged(const Document& document) const {
  return data_.Read([&](const IndexData& data) {
    std::optional<DocId> existing = data.FindDoc(document.id());
    return existing.has_value() && !document.content_hash().empty() &&
           data.documents().content_hash(*existing) == document.content_hash();
  });
}

absl::Status SearchIndex::Delete(const std::string& id) {
  // As Upsert: the deleted document's terms are derived once, before
  // writing.
  WriterGuard writer(&writer_mu_);
  std::optional<DocId> deleted_slot;
  std::optional<DocumentTerms> terms;
  data_.Read([&](const IndexData& data) {
    if (std::optional<DocId> slot = data.FindDoc(id)) {
      absl::StatusOr<Document> stored = data.documents().Load(*slot);
      if (stored.ok()) {
        deleted_slot = slot;
        terms = AnalyzeDocument(*stored, prepare_analyzer_);
      }
    }
  });
  absl::Status removed = data_.Write([&](IndexData& data) {
    const bool analyzed = terms.has_value() && data.FindDoc(id) == deleted_slot;
    return data.Remove(id, writer_analyzer_, analyzed ? &*terms : nullptr);
  });
  if (removed.ok()) RequestMerge();
  return removed;
}

absl::StatusOr<SearchResponse> SearchIndex::Search(const SearchRequest& request) const {
  const absl::Time started = absl::Now();
  absl::StatusOr<std::optional<PageCursor>> cursor = ValidateSearch(request);
  if (!cursor.ok()) return cursor.status();
  return data_.Read(
      [&](const IndexData& data) { return SearchIn(data, request, *cursor, started); });
}

absl::StatusOr<docsearch::v1::CollectionStatisticsMessage> SearchIndex::TermStatistics(
    const SearchRequest& request, const std::string& main_language) const {
  const absl::Time started = absl::Now();
  absl::StatusOr<std::optional<PageCursor>> cursor = ValidateSearch(request);
  if (!cursor.ok()) return cursor.status();
  // The cheapest search that looks up every term the real one will: one
  // hit, no snippets, facets, histogram or explanations.
  SearchRequest probe = request;
  probe.set_page_size(1);
  probe.set_omit_snippets(true);
  probe.set_explain(false);
  probe.clear_facets();
  probe.set_date_histogram(docsearch::v1::INTERVAL_UNSPECIFIED);
  probe.set_exact_total(false);
  return data_.Read(
      [&](const IndexData& data) -> absl::StatusOr<docsearch::v1::CollectionStatisticsMessage> {
        RecordingStatistics recording(data);
        absl::StatusOr<SearchResponse> searched =
            SearchIn(data, probe, *cursor, started, {&recording, main_language});
        if (!searched.ok()) return searched.status();
        return recording.ToMessage();
      });
}

absl::StatusOr<SearchResponse> SearchIndex::Search(
    const SearchRequest& request,
    const docsearch::v1::CollectionStatisticsMessage& statistics) const {
  const absl::Time started = absl::Now();
  absl::StatusOr<std::optional<PageCursor>> cursor = ValidateSearch(request);
  if (!cursor.ok()) return cursor.status();
  const MessageStatistics global(statistics);
  const ShardScoring shard{&global, MainLanguageOf(statistics)};
  return data_.Read(
      [&](const IndexData& data) { return SearchIn(data, request, *cursor, started, shard); });
}

absl::StatusOr<std::optional<PageCursor>> SearchIndex::ValidateSearch(
    const SearchRequest& request) const {
  if (request.has_query() == !request.query_string().empty()) {
    return absl::InvalidArgumentError(
        request.has_query()
            ? "set either query or query_string, not both"
            : "query or query_string is required (e.g. {\"query_string\": \"terrorism\"})");
  }
  if (!docsearch::v1::MatchOperator_IsValid(request.default_operator())) {
    return absl::InvalidArgumentError(
        absl::StrCat("default_operator ", request.default_operator(), " is not a MatchOperator"));
  }
  if (request.minimum_should_match() < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "minimum_should_match is ", request.minimum_should_match(), "; it must be 0 or more"));
  }
  if (request.page_size() < 0 || request.page_size() > options_.max_page_size) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size ", request.page_size(), " is outside 0..", options_.max_page_size));
  }
  if (!docsearch::v1::SortOrder_IsValid(request.sort())) {
    return absl::InvalidArgumentError(absl::StrCat("sort ", request.sort(), " is not a SortOrder"));
  }
  if (request.facets_size() > options_.max_facets) {
    return absl::InvalidArgumentError(absl::StrCat("facets has ", request.facets_size(),
                                                   " entries; at most ", options_.max_facets,
                                                   " (--max_facets)"));
  }
  if (request.facet_size() < 0 || request.facet_size() > options_.max_page_size) {
    return absl::InvalidArgumentError(absl::StrCat("facet_size ", request.facet_size(),
                                                   " is outside 0..", options_.max_page_size));
  }
  if (!docsearch::v1::Interval_IsValid(request.date_histogram())) {
    return absl::InvalidArgumentError(
        absl::StrCat("date_histogram ", request.date_histogram(), " is not an Interval"));
  }
  return DecodePageToken(request);
}

absl::StatusOr<SearchResponse> SearchIndex::SearchIn(const IndexData& data,
                                                     const SearchRequest& request,
                                                     const std::optional<PageCursor>& cursor,
                                                     absl::Time started,
                                                     const ShardScoring& shard) const {
  const size_t page_size =
      request.page_size() == 0 ? options_.default_page_size : request.page_size();
  // Per search (analyzers are single-threaded), reused across searches.
  AnalyzerPool::Lease lease = search_analyzers_.Acquire();
  TextAnalyzer& analyzer = *lease;
  ScoringOptions scoring = options_.scoring;
  if (shard.statistics != nullptr) scoring.statistics = shard.statistics;
  QueryEvaluator evaluator(data, analyzer, options_.query_limits, scoring);
  docsearch::v1::Query parsed;
  if (!request.query_string().empty()) {
    QueryStringOptions options;
    options.default_and = request.default_operator() == docsearch::v1::MATCH_OPERATOR_AND;
    options.minimum_should_match = request.minimum_should_match();
    options.proximity_boost = options_.scoring.proximity_boost;
    absl::StatusOr<docsearch::v1::Query> query = ParseQueryString(
        request.query_string(), [&data](absl::string_view field) { return data.KindOf(field); }, {},
        options);
    if (!query.ok()) return query.status();
    parsed = *std::move(query);
  }
  const docsearch::v1::Query& query = request.query_string().empty() ? request.query() : parsed;
  const std::string path = request.query_string().empty() ? "query" : "query_string";
  // The collection's main language: the `language` value most documents
  // have (a handful of values, so this costs nothing).
  std::string main_language;
  if (auto languages = data.keywords().find("language"); languages != data.keywords().end()) {
    size_t most = 0;
    for (const auto& [value, docs] : languages->second) {
      if (docs.size() > most || (docs.size() == most && value < main_language)) {
        most = docs.size();
        main_language = value;
      }
    }
  }
  // A shard of several analyzes as the whole collection would.
  if (!shard.main_language.empty()) main_language = shard.main_language;
  const std::string query_language = QueryLanguageOf(request, query, main_language);
  evaluator.SetQueryLanguage(query_language);

  // Order: by score or by date, then by id, so that equal keys are
  // deterministic across runs and pages (a search-after cursor needs a total
  // order).
  const std::vector<int>* published = nullptr;
  if (auto it = data.dates().find("published"); it != data.dates().end()) published = &it->second;
  auto date_of = [&](DocId doc) {
    return published != nullptr && doc < published->size() ? (*published)[doc] : kNoDate;
  };
  const auto sort = request.sort();
  const bool by_date = sort == docsearch::v1::SORT_ORDER_PUBLISHED_DESC ||
                       sort == docsearch::v1::SORT_ORDER_PUBLISHED_ASC;
  // Whether day `a` sorts before day `b` (undated documents last); nullopt
  // when equal.
  auto day_before = [&](int a, int b) -> std::optional<bool> {
    if (a == b) return std::nullopt;
    if (a == kNoDate) return false;
    if (b == kNoDate) return true;
    return sort == docsearch::v1::SORT_ORDER_PUBLISHED_DESC ? a > b : a < b;
  };
  auto before = [&](const ScoredDoc& a, const ScoredDoc& b) {
    if (by_date) {
      if (std::optional<bool> first = day_before(date_of(a.doc), date_of(b.doc))) return *first;
    } else if (a.score != b.score) {
      return a.score > b.score;
    }
    return data.documents().id(a.doc) < data.documents().id(b.doc);
  };
  // The page holds the hits that sort strictly after the token's cursor: the
  // last hit shown, at its place in the order now. Scores drift with every
  // write (N, document frequencies, average lengths), so the cursor
  // document's current score is used when it still matches; the score in
  // the token only when it is gone.
  std::optional<PageCursor> last;
  if (cursor.has_value()) {
    last = *cursor;
    if (!by_date) {
      if (std::optional<DocId> doc = data.FindDoc(last->id)) {
        if (std::optional<float> now = evaluator.ScoreOf(query, *doc)) last->score = *now;
      }
    }
  }
  auto after_cursor = [&](const ScoredDoc& entry) {
    if (!last.has_value()) return true;
    if (by_date) {
      if (std::optional<bool> first = day_before(last->day, date_of(entry.doc))) return *first;
    } else if (entry.score != last->score) {
      return entry.score < last->score;
    }
    return data.documents().id(entry.doc) > last->id;
  };

  SearchResponse response;
  DocList page;
  bool more = false;
  uint64_t total = 0;
  bool exact = true;
  // Top-k pruning only when nothing needs every match.
  const bool needs_every_match = by_date || request.exact_total() || !request.facets().empty() ||
                                 request.date_histogram() != docsearch::v1::INTERVAL_UNSPECIFIED;
  const QueryPlan plan = PlanQuery(query, path, needs_every_match, options_.query_limits);
  absl::StatusOr<std::optional<TopK>> top =
      evaluator.TopMatches(plan, page_size, before, after_cursor);
  if (!top.ok()) return top.status();
  if (top->has_value()) {
    page = std::move((*top)->hits);
    more = (*top)->more;
    total = (*top)->counted;
    exact = (*top)->exact;
  } else {
    absl::StatusOr<DocList> matches = evaluator.Evaluate(query, path);
    if (!matches.ok()) return matches.status();
    absl::StatusOr<std::vector<docsearch::v1::Facet>> facets =
        CountFacets(data, *matches, {request.facets().begin(), request.facets().end()},
                    request.facet_size() == 0 ? 10 : request.facet_size());
    if (!facets.ok()) return facets.status();
    for (auto& facet : *facets) *response.add_facets() = std::move(facet);
    for (auto& bucket : PublishedHistogram(data, *matches, request.date_histogram())) {
      *response.add_date_histogram() = std::move(bucket);
    }
    total = matches->size();
    matches->erase(std::remove_if(matches->begin(), matches->end(),
                                  [&](const ScoredDoc& entry) { return !after_cursor(entry); }),
                   matches->end());
    const size_t end = std::min(matches->size(), page_size);
    std::partial_sort(matches->begin(), matches->begin() + end, matches->end(), before);
    more = matches->size() > end;
    matches->resize(end);
    page = *std::move(matches);
  }

  for (const ScoredDoc& match : page) {
    absl::StatusOr<Document> stored = data.documents().Load(match.doc);
    if (!stored.ok()) return stored.status();
    const Document& document = *stored;
    auto* hit = response.add_hits();
    hit->set_id(document.id());
    hit->set_score(match.score);
    hit->set_title(document.title());
    hit->set_doc_type(document.doc_type());
    if (document.has_published()) *hit->mutable_published() = document.published();
    hit->set_source_uri(document.source_uri());
    if (!request.omit_snippets()) {
      const PassageHint hint = HintFromIndex(data.body(), match.doc, evaluator.highlight_terms());
      for (auto& snippet :
           BuildSnippets(document, evaluator.highlight_terms(), analyzer, 240, hint)) {
        *hit->add_snippets() = std::move(snippet);
      }
    }
    if (request.explain()) *hit->mutable_explanation() = evaluator.Explain(query, match.doc);
  }
  response.set_total_size(static_cast<int64_t>(total));
  response.set_query_language(query_language);
  response.set_total_relation(exact ? docsearch::v1::TOTAL_RELATION_EQUAL_TO
                                    : docsearch::v1::TOTAL_RELATION_GREATER_THAN_OR_EQUAL_TO);
  if (more && !page.empty()) {
    const ScoredDoc& last = page.back();
    response.set_next_page_token(
        EncodePageToken({date_of(last.doc), last.score, std::string(data.documents().id(last.doc))},
                        RequestFingerprint(request)));
  }
  *response.mutable_took() = google::protobuf::util::TimeUtil::NanosecondsToDuration(
      absl::ToInt64Nanoseconds(absl::Now() - started));
  return response;
}

absl::StatusOr<Document> SearchIndex::Get(const std::string& id) const {
  if (id.empty()) return absl::InvalidArgumentError("id is empty");
  return data_.Read([&](const IndexData& data) { return data.Find(id); });
}

uint64_t SearchIndex::StoredBytes(const std::string& id) const {
  return data_.Read([&](const IndexData& data) -> uint64_t {
    const std::optional<DocId> doc = data.FindDoc(id);
    return doc.has_value() ? data.documents().StoredBytes(*doc) : 0;
  });
}

docsearch::v1::GetIndexStatsResponse SearchIndex::Stats() const {
  return data_.Read([&](const IndexData& data) { return StatsOf(data); });
}

docsearch::v1::GetIndexStatsResponse SearchIndex::StatsOf(const IndexData& data) const {
  docsearch::v1::GetIndexStatsResponse stats;
  stats.set_document_count(static_cast<int64_t>(data.live_count()));
  for (const TextFieldIndex* field : {&data.title(), &data.body()}) {
    stats.set_term_count(stats.term_count() + static_cast<int64_t>(field->terms.size()));
  }
  stats.set_posting_count(static_cast<int64_t>(data.live_postings()));
  stats.set_segment_count(static_cast<int64_t>(data.segments().size()));
  stats.set_text_bytes(static_cast<int64_t>(data.live_text_bytes()));
  // What the process holds: both copies (left_right.h), which share the
  // sealed segments and the stored documents.
  const uint64_t store_bytes = data.documents().MemoryBytes();  // Read once: it may grow.
  stats.set_memory_bytes(
      static_cast<int64_t>(2 * data.OwnMemoryBytes() + data.SegmentMemoryBytes() + store_bytes));
  if (auto types = data.keywords().find("doc_type"); types != data.keywords().end()) {
    std::vector<std::pair<std::string, int64_t>> counts;
    for (const auto& [value, docs] : types->second) {
      int64_t count = 0;
      for (DocId doc : docs) count += data.live()[doc];
      if (count > 0) counts.push_back({value, count});
    }
    std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    for (const auto& [value, count] : counts) {
      auto* entry = stats.add_doc_type_counts();
      entry->set_value(value);
      entry->set_count(count);
    }
  }
  int earliest = std::numeric_limits<int>::max(), latest = std::numeric_limits<int>::min();
  std::optional<DocId> earliest_doc, latest_doc;
  if (auto it = data.dates().find("published"); it != data.dates().end()) {
    for (DocId doc = 0; doc < it->second.size(); ++doc) {
      int day = it->second[doc];
      if (day == kNoDate || !data.live()[doc]) continue;
      if (day < earliest) earliest = day, earliest_doc = doc;
      if (day > latest) latest = day, latest_doc = doc;
    }
  }
  // Two decompressions; a slot that does not decode (a bug) leaves its
  // bound unset rather than failing the stats.
  auto published_of = [&](std::optional<DocId> doc) -> std::optional<docsearch::v1::Date> {
    if (!doc.has_value()) return std::nullopt;
    absl::StatusOr<Document> document = data.documents().Load(*doc);
    if (!document.ok()) return std::nullopt;
    return document->published();
  };
  if (auto date = published_of(earliest_doc)) *stats.mutable_earliest_published() = *date;
  if (auto date = published_of(latest_doc)) *stats.mutable_latest_published() = *date;
  return stats;
}

}  // namespace docsearch::query

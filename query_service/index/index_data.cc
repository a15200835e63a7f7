#include "query_service/index/index_data.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/utf8_text.h"
#include "query_service/index/body_passages.h"

namespace docsearch::query {
namespace {

using docsearch::v1::AttributeValue;
using docsearch::v1::Document;

FieldTerms AnalyzeField(const std::vector<std::string>& passages, absl::string_view language,
                        TextAnalyzer& analyzer) {
  FieldTerms field;
  // Every passage's tokens stay alive until the end, so that the map below
  // can key on views of their terms. All passages are analysed first so
  // that the numbering map and arrays are sized once: grown a doubling at
  // a time, the map rehashed every term of a long body several times.
  std::vector<std::vector<Token>> passage_tokens;
  passage_tokens.reserve(passages.size());
  size_t token_count = 0;
  for (const std::string& passage : passages) {
    passage_tokens.push_back(
        analyzer.Analyze(passage, std::string_view(language.data(), language.size())));
    token_count += passage_tokens.back().size();
  }
  absl::flat_hash_map<absl::string_view, uint32_t, TermHash, TermEq> number_of;
  number_of.reserve(token_count);
  std::vector<std::string*> first_seen;  // By term number.
  first_seen.reserve(token_count);
  // Each token's term number and position in the field, in token order.
  std::vector<uint32_t> term_numbers;
  term_numbers.reserve(token_count);
  std::vector<uint32_t> positions;
  positions.reserve(token_count);
  field.passage_starts.reserve(passages.size());
  uint32_t base = 0;
  for (std::vector<Token>& tokens : passage_tokens) {
    field.passage_starts.push_back(base);
    for (Token& token : tokens) {
      const HashedTerm term{token.term, HashTerm(token.term)};
      const auto [it, added] =
          number_of.try_emplace(term, static_cast<uint32_t>(first_seen.size()));
      if (added) {
        first_seen.push_back(&token.term);
        field.hashes.push_back(term.hash);
      }
      term_numbers.push_back(it->second);
      positions.push_back(base + token.position);
    }
    field.length += static_cast<uint32_t>(tokens.size());
    if (!tokens.empty()) base += tokens.back().position + 1 + kParagraphPositionGap;
  }
  // A counting sort by term number keeps each term's positions ascending.
  const size_t term_count = first_seen.size();
  field.position_begin.assign(term_count + 1, 0);
  for (uint32_t number : term_numbers) field.position_begin[number + 1]++;
  for (size_t t = 0; t < term_count; ++t) field.position_begin[t + 1] += field.position_begin[t];
  field.positions.resize(positions.size());
  std::vector<uint32_t> next(field.position_begin.begin(), field.position_begin.end() - 1);
  for (size_t k = 0; k < positions.size(); ++k) {
    field.positions[next[term_numbers[k]]++] = positions[k];
  }
  // The map's keys are views of these strings: it is not read again.
  field.terms.reserve(term_count);
  for (std::string* term : first_seen) field.terms.push_back(std::move(*term));
  return field;
}

// Appends one field's terms at DocId `doc`. Returns the bytes the field's
// structures grew by.
//
// Indexing waits mostly on memory: each term's dictionary slot, its open
// list and the list's streams are scattered over the heap. So it goes in
// stages over all of the document's terms, each stage prefetching what the
// next reads, and the misses of a stage overlap.
uint64_t IndexText(const FieldTerms& analyzed, DocId doc, TextFieldIndex& field,
                   uint64_t& live_postings) {
  uint64_t bytes = sizeof(uint32_t);  // Its entry in `lengths`.
  uint64_t open_bytes = 0;
  const size_t term_count = analyzed.term_count();
  for (size_t t = 0; t < term_count; ++t) field.terms.prefetch(analyzed.hashed(t));
  // Open slots in the analysed terms' order.
  absl::InlinedVector<uint32_t, 256> slots;
  slots.reserve(term_count);
  for (size_t t = 0; t < term_count; ++t) {
    const std::string& term = analyzed.terms[t];
    // Looked up by the hash analysis computed; a new term (rare once the
    // dictionary has grown) pays a second hash to be inserted.
    auto entry = field.terms.find(analyzed.hashed(t));
    if (entry == field.terms.end()) {
      entry = field.terms.try_emplace(term).first;
      bytes += term.size() + kHashEntryOverhead + sizeof(TermEntry);
    }
    TermEntry& known = entry->second;
    known.live_documents++;
    if (known.open == OpenPostings::kNone) {
      known.open = field.open.Add(term);
      open_bytes += term.size() + kHashEntryOverhead + sizeof(PostingList);
    }
    slots.push_back(known.open);
    __builtin_prefetch(&field.open.lists[known.open], 1);
  }
  for (uint32_t slot : slots) field.open.lists[slot].PrefetchForAppend();
  for (uint32_t slot : slots) field.open.lists[slot].PrefetchStreamEnds();
  for (size_t t = 0; t < term_count; ++t) {
    PostingList& list = field.open.lists[slots[t]];
    const uint64_t before = list.MemoryBytes();
    list.Append(doc, analyzed.length, analyzed.positions_of(t));
    open_bytes += list.MemoryBytes() - before;
  }
  field.open_bytes += open_bytes;
  bytes += open_bytes;
  live_postings += term_count;
  if (field.lengths.size() <= doc) field.lengths.resize(doc + 1, 0);
  field.lengths[doc] = analyzed.length;
  if (analyzed.doubted || doc < field.doubted.size()) {
    if (field.doubted.size() <= doc) field.doubted.resize(doc + 1, false);
    field.doubted[doc] = analyzed.doubted;
  }
  // DocIds are dense and each is indexed once, so `doc` is the next slot
  // (the resize only guards that).
  field.passage_begin.resize(doc + 1, field.passage_begin.back());
  field.passage_starts.insert(field.passage_starts.end(), analyzed.passage_starts.begin(),
                              analyzed.passage_starts.end());
  field.passage_begin.push_back(static_cast<uint32_t>(field.passage_starts.size()));
  bytes += (analyzed.passage_starts.size() + 1) * sizeof(uint32_t);
  field.live_total_length += analyzed.length;
  return bytes;
}

// Takes a dead document's terms out of the live document frequencies.
void UnindexText(const FieldTerms& analyzed, TextFieldIndex& field, uint64_t& live_postings) {
  for (size_t t = 0; t < analyzed.term_count(); ++t) {
    auto it = field.terms.find(analyzed.hashed(t));
    if (it != field.terms.end() && it->second.live_documents > 0) it->second.live_documents--;
  }
  live_postings -= std::min<uint64_t>(live_postings, analyzed.term_count());
}

FieldKind KindOfAttribute(const AttributeValue& value) {
  switch (value.value_case()) {
    case AttributeValue::kDateValue:
      return FieldKind::kDate;
    case AttributeValue::kIntegerValue:
    case AttributeValue::kDoubleValue:
      return FieldKind::kNumber;
    default:
      return FieldKind::kKeyword;
  }
}

// Returns the bytes the column grew by.
template <typename T>
uint64_t SetColumn(std::vector<T>& column, DocId doc, T value, T absent) {
  uint64_t grown = 0;
  if (column.size() <= doc) {
    grown = (doc + 1 - column.size()) * sizeof(T);
    column.resize(doc + 1, absent);
  }
  column[doc] = value;
  return grown;
}

// Adds `doc` to the postings of keyword `folded`; returns the bytes added.
uint64_t AddKeyword(absl::flat_hash_map<std::string, std::vector<DocId>>& values,
                    const std::string& folded, DocId doc) {
  auto [it, inserted] = values.try_emplace(folded);
  uint64_t bytes = inserted ? folded.size() + sizeof(std::vector<DocId>) + kHashEntryOverhead : 0;
  std::vector<DocId>& docs = it->second;
  if (docs.empty() || docs.back() != doc) {
    docs.push_back(doc);
    bytes += sizeof(DocId);
  }
  return bytes;
}

// Bytes a term's list of segment lists holds on the heap (none while its
// inline capacity suffices).
uint64_t HeapBytes(const absl::InlinedVector<const PostingList*, 2>& lists) {
  return lists.capacity() > 2 ? lists.capacity() * sizeof(const PostingList*) : 0;
}

}  // namespace

DocumentTerms AnalyzeDocument(const Document& document, TextAnalyzer& analyzer) {
  DocumentTerms terms{AnalyzeField({document.title()}, document.language(), analyzer),
                      AnalyzeField(IndexedBodyPassages(document), document.language(), analyzer),
                      AcronymPairsOf(document, analyzer)};
  terms.title.doubted = TitleDoubted(document);
  return terms;
}

bool TitleDoubted(const Document& document) {
  for (const auto& warning : document.warnings()) {
    if (warning.code() == "title_uncertain" || warning.code() == "title_from_html_title") {
      return true;
    }
  }
  return false;
}

absl::Status IndexData::Add(const Document& document, TextAnalyzer& analyzer,
                            const DocumentTerms* terms, const DocumentTerms* replaced_terms) {
  if (document.id().empty()) return absl::InvalidArgumentError("document.id is empty");
  // Check attribute kinds before changing anything, so a rejected document
  // leaves the index as it was.
  for (const auto& [key, value] : document.attributes()) {
    if (value.value_case() == AttributeValue::VALUE_NOT_SET) {
      return absl::InvalidArgumentError(
          absl::StrCat("document.attributes[\"", key, "\"] has no value"));
    }
    auto known = attribute_kinds_.find(key);
    if (known != attribute_kinds_.end() && known->second != KindOfAttribute(value)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "document.attributes[\"", key, "\"] is a ", FieldKindName(KindOfAttribute(value)),
          " but the field is already ", FieldKindName(known->second)));
    }
  }
  // The store is shared with the index's other copy, which may have added
  // this slot already: it must hold this very document, or the copies have
  // diverged (a bug). Refuse before changing anything rather than index
  // one document's terms under another's stored text.
  const DocId next_slot = static_cast<DocId>(live_.size());
  if (documents_->size() > next_slot && documents_->id(next_slot) != document.id()) {
    return absl::InternalError(absl::StrCat("the index's copies disagree at slot ", next_slot,
                                            ": it holds '", std::string(documents_->id(next_slot)),
                                            "', not '", TruncatedForMessage(document.id()), "'"));
  }
  if (live_ids_.Contains(document.id())) {
    absl::Status removed = Remove(document.id(), analyzer, replaced_terms);
    if (!removed.ok()) return removed;
  }
  std::optional<DocumentTerms> analyzed;
  if (terms == nullptr) terms = &analyzed.emplace(AnalyzeDocument(document, analyzer));

  const DocId doc = static_cast<DocId>(live_.size());
  // Its live bit (the stored document is counted by the store, its id entry
  // by live_ids_).
  uint64_t bytes = 1;
  bytes += IndexText(terms->title, doc, title_, live_postings_);
  bytes += IndexText(terms->body, doc, body_, live_postings_);
  acronyms_.Add(document.language(), terms->acronyms);

  for (const BuiltinField& field : BuiltinFields()) {
    if (field.kind != FieldKind::kKeyword) continue;
    std::vector<std::string> folded_values;
    for (const std::string& value : BuiltinKeywordValues(document, field.name)) {
      std::string folded = analyzer.FoldWord(value);
      keywords_.display[field.name].try_emplace(folded, value);
      bytes += AddKeyword(keywords_.inverted[field.name], folded, doc);
      folded_values.push_back(std::move(folded));
    }
    if (!folded_values.empty()) bytes += keywords_.columns[field.name].Add(doc, folded_values);
  }
  int days = 0;
  if (DateToDays(document.published(), &days)) {
    bytes += SetColumn(dates_["published"], doc, days, kNoDate);
  }
  if (document.has_updated()) {
    bytes += SetColumn(dates_["updated"], doc,
                       static_cast<int>(document.updated().seconds() / 86400), kNoDate);
  }
  for (const auto& [key, value] : document.attributes()) {
    const std::string field = absl::StrCat(kAttributePrefix, key);
    FieldKind kind = KindOfAttribute(value);
    attribute_kinds_.emplace(key, kind);
    switch (value.value_case()) {
      case AttributeValue::kKeywordValue: {
        std::string folded = analyzer.FoldWord(value.keyword_value());
        keywords_.display[field].try_emplace(folded, value.keyword_value());
        bytes += AddKeyword(keywords_.inverted[field], folded, doc);
        bytes += keywords_.columns[field].Add(doc, {folded});
        break;
      }
      case AttributeValue::kIntegerValue:
        bytes += SetColumn(numbers_[field], doc, static_cast<double>(value.integer_value()),
                           std::nan(""));
        break;
      case AttributeValue::kDoubleValue:
        bytes += SetColumn(numbers_[field], doc, value.double_value(), std::nan(""));
        break;
      case AttributeValue::kDateValue:
        if (DateToDays(value.date_value(), &days)) {
          bytes += SetColumn(dates_[field], doc, days, kNoDate);
        }
        break;
      default:
        break;
    }
  }

  uint64_t text_bytes = document.title().size();
  for (const std::string& passage : BodyPassages(document)) text_bytes += passage.size();
  live_text_bytes_ += text_bytes;
  memory_bytes_ += bytes;
  // A store shared with the other copy of the index may hold this slot
  // already. The id entry reads the id from the slot, so it comes after.
  if (documents_->size() == doc) documents_->Append(document);
  live_ids_.Insert(doc);
  live_.push_back(true);
  live_count_++;
  if (annex_ != nullptr) annex_->Added(doc, document);
  return absl::OkStatus();
}

absl::Status IndexData::Remove(const std::string& id, TextAnalyzer& analyzer,
                               const DocumentTerms* terms) {
  const std::optional<DocId> found = live_ids_.Find(id);
  if (!found.has_value())
    return absl::NotFoundError(absl::StrCat("no document with id '", TruncatedForMessage(id), "'"));
  const DocId doc = *found;
  absl::StatusOr<Document> stored = documents_->Load(doc);
  if (!stored.ok()) return stored.status();
  const Document& document = *stored;
  std::optional<DocumentTerms> analyzed;
  if (terms == nullptr) terms = &analyzed.emplace(AnalyzeDocument(document, analyzer));
  UnindexText(terms->title, title_, live_postings_);
  UnindexText(terms->body, body_, live_postings_);
  acronyms_.Remove(document.language(), terms->acronyms);
  // The dead slot keeps its postings and stored document; only the id entry
  // goes (below).
  live_[doc] = false;
  live_count_--;
  if (doc < OpenFirstDoc()) {
    // The segment holding the slot: the first whose range ends past it.
    auto segment = std::upper_bound(
        segments_.begin(), segments_.end(), doc,
        [](DocId d, const std::shared_ptr<const Segment>& s) { return d < s->end_doc; });
    segment_live_[static_cast<size_t>(segment - segments_.begin())]--;
  }
  if (annex_ != nullptr) annex_->Removed(doc, id);
  title_.live_total_length -= title_.lengths[doc];
  body_.live_total_length -= body_.lengths[doc];
  uint64_t text_bytes = document.title().size();
  for (const std::string& passage : BodyPassages(document)) text_bytes += passage.size();
  live_text_bytes_ -= text_bytes;
  live_ids_.Erase(id);
  return absl::OkStatus();
}

absl::StatusOr<Document> IndexData::Find(const std::string& id) const {
  const std::optional<DocId> doc = live_ids_.Find(id);
  if (!doc.has_value()) {
    return absl::NotFoundError(absl::StrCat("no document with id '", TruncatedForMessage(id), "'"));
  }
  return documents_->Load(*doc);
}

std::optional<DocId> IndexData::FindDoc(const std::string& id) const { return live_ids_.Find(id); }

TermLists TextFieldIndex::Lists(const std::string& term, uint32_t* document_frequency) const {
  TermLists lists;
  if (document_frequency != nullptr) *document_frequency = 0;
  auto entry = terms.find(term);
  if (entry == terms.end()) return lists;
  if (document_frequency != nullptr) *document_frequency = entry->second.live_documents;
  lists.assign(entry->second.sealed.begin(), entry->second.sealed.end());
  if (entry->second.open != OpenPostings::kNone) lists.push_back(&open.lists[entry->second.open]);
  return lists;
}

uint32_t TextFieldIndex::DocumentFrequency(const std::string& term) const {
  auto entry = terms.find(term);
  return entry == terms.end() ? 0 : entry->second.live_documents;
}

void IndexData::Seal(std::shared_ptr<const Segment>& shared) {
  if (shared == nullptr) {
    auto segment = std::make_shared<Segment>();
    segment->first_doc = OpenFirstDoc();
    segment->end_doc = static_cast<DocId>(live_.size());
    segment->documents = segment->end_doc - segment->first_doc;
    // No list of a sealed segment grows again: packed, into arenas.
    segment->title = SealedPostings(std::move(title_.open));
    segment->body = SealedPostings(std::move(body_.open));
    segment->memory_bytes = segment->title.MemoryBytes() + segment->body.MemoryBytes();
    shared = std::move(segment);
  }
  for (auto [field, sealed] :
       {std::pair<TextFieldIndex*, const SealedPostings*>{&title_, &shared->title},
        {&body_, &shared->body}}) {
    field->open = OpenPostings();
    memory_bytes_ -= std::min(memory_bytes_, field->open_bytes);
    field->open_bytes = 0;
    for (FrontCodedTerms::Reader term(sealed->terms()); !term.done(); term.Next()) {
      TermEntry& entry = field->terms[term.term()];
      // Every open list is sealed (none is empty), so this clears every slot.
      entry.open = OpenPostings::kNone;
      auto& lists = entry.sealed;
      const uint64_t before = HeapBytes(lists);
      lists.push_back(&sealed->list(term.ordinal()));
      memory_bytes_ += HeapBytes(lists) - before;
    }
  }
  uint32_t live_documents = 0;
  for (DocId doc = shared->first_doc; doc < shared->end_doc; ++doc) live_documents += live_[doc];
  segments_.push_back(shared);
  segment_live_.push_back(live_documents);
}

void IndexData::ReplaceSegments(size_t begin, size_t count, std::shared_ptr<const Segment> merged) {
  const auto first = segments_.begin() + static_cast<std::ptrdiff_t>(begin);
  for (auto [field, member] :
       {std::pair<TextFieldIndex*, SealedPostings Segment::*>{&title_, &Segment::title},
        {&body_, &Segment::body}}) {
    // The replaced segments' term arrays and the merged one's, walked
    // together in byte order (as the merge built them): each term comes up
    // once, with its list in every segment that holds it, for one
    // dictionary lookup and no search in any segment's terms.
    std::vector<FrontCodedTerms::Reader> readers;
    readers.reserve(count);
    for (size_t i = 0; i < count; ++i) readers.emplace_back(((*first[i]).*member).terms());
    const SealedPostings& merged_postings = (*merged).*member;
    FrontCodedTerms::Reader merged_reader(merged_postings.terms());
    std::string term;
    absl::InlinedVector<const PostingList*, 8> old_lists;
    while (true) {
      const FrontCodedTerms::Reader* smallest = SmallestTerm(readers);
      if (smallest == nullptr) break;
      term.assign(smallest->term().data(), smallest->term().size());
      // The term's lists in the replaced segments, in DocId order.
      old_lists.clear();
      for (size_t i = 0; i < count; ++i) {
        if (!readers[i].done() && readers[i].term() == term) {
          old_lists.push_back(&((*first[i]).*member).list(readers[i].ordinal()));
          readers[i].Next();
        }
      }
      // The merged terms are those of the replaced segments that kept a
      // live document, so the merged reader never passes `term`.
      while (!merged_reader.done() && merged_reader.term() < term) merged_reader.Next();
      const PostingList* new_list = nullptr;
      if (!merged_reader.done() && merged_reader.term() == term) {
        new_list = &merged_postings.list(merged_reader.ordinal());
        merged_reader.Next();
      }
      auto entry = field->terms.find(term);
      if (entry == field->terms.end()) continue;  // Not reached: sealed terms are known.
      // A term's lists in the replaced segments are a run of its `sealed`
      // (segments are in DocId order): the merged list, if any, takes its
      // place.
      absl::InlinedVector<const PostingList*, 2>& sealed = entry->second.sealed;
      auto is_old = [&](const PostingList* list) {
        return std::find(old_lists.begin(), old_lists.end(), list) != old_lists.end();
      };
      auto run = std::find_if(sealed.begin(), sealed.end(), is_old);
      if (run != sealed.end()) {
        const auto at = run - sealed.begin();
        sealed.erase(std::remove_if(run, sealed.end(), is_old), sealed.end());
        if (new_list != nullptr) sealed.insert(sealed.begin() + at, new_list);
      }
      if (sealed.empty() && entry->second.live_documents == 0 &&
          entry->second.open == OpenPostings::kNone) {
        memory_bytes_ -=
            std::min<uint64_t>(memory_bytes_, term.size() + kHashEntryOverhead + sizeof(TermEntry) +
                                                  HeapBytes(sealed));
        field->terms.erase(entry);
      }
    }
  }
  segments_.erase(first, first + static_cast<std::ptrdiff_t>(count));
  segments_.insert(segments_.begin() + static_cast<std::ptrdiff_t>(begin), std::move(merged));
  // The merged segment's range holds the replaced ones' live documents.
  const auto live_first = segment_live_.begin() + static_cast<std::ptrdiff_t>(begin);
  const auto live_last = live_first + static_cast<std::ptrdiff_t>(count);
  const uint32_t live_documents = std::accumulate(live_first, live_last, 0u);
  segment_live_.erase(live_first, live_last);
  segment_live_.insert(segment_live_.begin() + static_cast<std::ptrdiff_t>(begin), live_documents);
}

uint64_t IndexData::SegmentMemoryBytes() const {
  uint64_t bytes = 0;
  for (const std::shared_ptr<const Segment>& segment : segments_) bytes += segment->memory_bytes;
  return bytes;
}

const TextFieldIndex* IndexData::TextField(absl::string_view name) const {
  if (name == kTitleField) return &title_;
  if (name == kBodyField) return &body_;
  return nullptr;
}

absl::StatusOr<FieldKind> IndexData::KindOf(absl::string_view field) const {
  for (const BuiltinField& builtin : BuiltinFields()) {
    if (builtin.name == field) return builtin.kind;
  }
  if (absl::StartsWith(field, kAttributePrefix)) {
    auto it = attribute_kinds_.find(field.substr(kAttributePrefix.size()));
    if (it != attribute_kinds_.end()) return it->second;
  }
  std::string known;
  for (const BuiltinField& builtin : BuiltinFields()) {
    absl::StrAppend(&known, known.empty() ? "" : ", ", builtin.name);
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown field '", field, "' (known: ", known, ", attributes.<key>)"));
}

}  // namespace docsearch::query

#include "query_service/search/constant_score_queries.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "query_service/search/doc_list_ops.h"
#include "query_service/search/range_bound.h"

namespace docsearch::query {

absl::StatusOr<DocList> ConstantScoreQueries::Terms(const std::string& field,
                                                    const std::vector<std::string>& values,
                                                    const std::string& path) {
  absl::StatusOr<std::vector<const std::vector<DocId>*>> lists =
      binder_.KeywordLists(field, values, path);
  if (!lists.ok()) return lists.status();
  // Each list is sorted without duplicates: one is copied as it is, several
  // are merged.
  DocList out;
  for (const std::vector<DocId>* docs : *lists) {
    for (DocId doc : *docs) {
      if (index_.live()[doc]) out.push_back({doc, 1.0f});
    }
  }
  if (lists->size() > 1) {
    std::sort(out.begin(), out.end(),
              [](const ScoredDoc& a, const ScoredDoc& b) { return a.doc < b.doc; });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const ScoredDoc& a, const ScoredDoc& b) { return a.doc == b.doc; }),
              out.end());
  }
  return out;
}

absl::StatusOr<DocList> ConstantScoreQueries::Prefix(const docsearch::v1::PrefixQuery& prefix,
                                                     const std::string& path) {
  absl::StatusOr<FieldKind> kind = index_.KindOf(prefix.field());
  if (!kind.ok())
    return absl::InvalidArgumentError(absl::StrCat(path, ".field: ", kind.status().message()));
  if (prefix.prefix().empty())
    return absl::InvalidArgumentError(absl::StrCat(path, ".prefix is empty"));
  const std::string folded = analyzer_.FoldWord(prefix.prefix());
  absl::flat_hash_map<DocId, float> matched;
  int expansions = 0;
  auto expand = [&](const auto& dictionary, auto&& docs_of) -> absl::Status {
    for (const auto& [term, entries] : dictionary) {
      if (!absl::StartsWith(term, folded)) continue;
      if (++expansions > limits_.max_expansions) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ".prefix '", prefix.prefix(), "' matches more than ",
                         limits_.max_expansions, " terms; use a longer prefix"));
      }
      if (prefix.field() == kTitleField || prefix.field() == kBodyField)
        binder_.AddHighlightTerm(term);
      docs_of(term, entries);
    }
    return absl::OkStatus();
  };
  absl::Status status;
  if (*kind == FieldKind::kText) {
    const TextFieldIndex& field = *index_.TextField(prefix.field());
    status = expand(field.terms, [&](const std::string& term, const TermEntry& /*entry*/) {
      for (TermCursor cursor(field.Lists(term)); cursor.doc() != TermCursor::kEnd; cursor.Next()) {
        if (index_.live()[cursor.doc()]) matched[cursor.doc()] = 1.0f;
      }
    });
  } else if (*kind == FieldKind::kKeyword) {
    auto values = index_.keywords().find(prefix.field());
    if (values != index_.keywords().end()) {
      status =
          expand(values->second, [&](const std::string& /*value*/, const std::vector<DocId>& docs) {
            for (DocId doc : docs) {
              if (index_.live()[doc]) matched[doc] = 1.0f;
            }
          });
    }
  } else {
    return absl::InvalidArgumentError(absl::StrCat(path, ".field: '", prefix.field(), "' is a ",
                                                   FieldKindName(*kind),
                                                   " field; prefix needs a text or keyword field"));
  }
  if (!status.ok()) return status;
  return SortedFromMap(matched);
}

absl::Status ConstantScoreQueries::AddRange(const docsearch::v1::RangeQuery& range,
                                            const std::string& path, DocFilter& filter) {
  // Two lower (or upper) bounds are a contradiction or a mistake; which one
  // wins is not something a caller should have to guess.
  if (!range.gte().empty() && !range.gt().empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": gte and gt are both set; give one lower bound"));
  }
  if (!range.lte().empty() && !range.lt().empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": lte and lt are both set; give one upper bound"));
  }
  absl::StatusOr<FieldKind> kind = index_.KindOf(range.field());
  if (!kind.ok())
    return absl::InvalidArgumentError(absl::StrCat(path, ".field: ", kind.status().message()));
  if (*kind == FieldKind::kDate) {
    absl::StatusOr<DayInterval> days =
        DateRange(range.gte(), range.gt(), range.lte(), range.lt(), path);
    if (!days.ok()) return days.status();
    auto column = index_.dates().find(range.field());
    filter.AddDateRange(column == index_.dates().end() ? nullptr : &column->second, *days);
    return absl::OkStatus();
  }
  if (*kind == FieldKind::kNumber) {
    absl::StatusOr<NumberRange> bounds =
        NumberRangeOf(range.gte(), range.gt(), range.lte(), range.lt(), path);
    if (!bounds.ok()) return bounds.status();
    auto column = index_.numbers().find(range.field());
    filter.AddNumberRange(column == index_.numbers().end() ? nullptr : &column->second, *bounds);
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat(path, ".field: '", range.field(), "' is a ",
                                                 FieldKindName(*kind),
                                                 " field; range needs a date or number field"));
}

absl::StatusOr<DocList> ConstantScoreQueries::Range(const docsearch::v1::RangeQuery& range,
                                                    const std::string& path) {
  DocFilter filter;
  absl::Status added = AddRange(range, path, filter);
  if (!added.ok()) return added;
  DocList out;
  for (DocId doc = 0; doc < index_.live().size(); ++doc) {
    if (index_.live()[doc] && filter.Accepts(doc)) out.push_back({doc, 1.0f});
  }
  return out;
}

DocList ConstantScoreQueries::AllLive() const {
  DocList out;
  out.reserve(index_.live_count());
  for (DocId doc = 0; doc < index_.live().size(); ++doc) {
    if (index_.live()[doc]) out.push_back({doc, 1.0f});
  }
  return out;
}

}  // namespace docsearch::query

// `docsearch search TEXT`: turns the search flags into a typed Query and
// runs it against QueryService.Search.
//
// The query built from the flags:
//   TEXT                 match on title+body (or, with --phrase, a phrase);
//                        an empty TEXT matches every document
//   --all                every word must occur (MATCH_OPERATOR_AND)
//   --doc_type=a[,b]     term (one value) or terms (several) on "doc_type"
//   --from / --to        range on "published", bounds inclusive
// With no filter the request carries the text query alone; with filters it is
// a BoolQuery with the text query in `must` and each filter in `filter`, so
// filters narrow the hits without changing their scores.
//
// --query_string (-q) sends the user's Lucene-like string as
// SearchRequest.query_string instead, and so refuses the flags that build a
// typed query (TEXT, --doc_type, --from, --to, --phrase, --all).
// --facets and --histogram apply to either form.
//
// Near-duplicate copies are collapsed by default (--collapse, on): one hit per
// cluster, shown with its copy count (a cluster coordinator collapses across
// shards as one node does). A server that cannot collapse (a query service
// run with --duplicate_clusters=false, or a coordinator whose replicas are,
// answers FAILED_PRECONDITION; a coordinator of an older release answers
// UNIMPLEMENTED) gets the search again without collapse, and the user one
// line saying so, unless --collapse was typed: then the refusal is the
// answer.
#ifndef DOCSEARCH_CLI_SEARCH_COMMAND_H_
#define DOCSEARCH_CLI_SEARCH_COMMAND_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cli/command_env.h"
#include "docsearch/v1/query_service.pb.h"

namespace docsearch::cli {

// The search flags, as typed by the user.
struct SearchOptions {
  std::string text = {};
  // Values of --doc_type: each may itself be a comma-separated list.
  std::vector<std::string> doc_types = {};
  // --from / --to: YYYY, YYYY-MM or YYYY-MM-DD; empty means open.
  std::string from = {};
  std::string to = {};
  bool all_words = false;
  bool phrase = false;
  int page_size = 0;
  std::string page_token = {};
  // "score", "newest" or "oldest"; empty means score.
  std::string sort = {};
  // --query_string: sent as is; empty means the typed query above.
  std::string query_string = {};
  // Values of --facets: keyword fields, each may be a comma-separated list.
  std::vector<std::string> facets = {};
  // --histogram: "year", "month" or empty for none.
  std::string histogram = {};
  // --explain: ask for and print each hit's score breakdown.
  bool explain = false;
  // --language: the language the words are in (SearchRequest.language);
  // empty lets the server tell.
  std::string language = {};
  // --collapse: one hit per near-duplicate cluster, with its copy count
  // (SearchRequest.collapse_duplicates). On by default: mirrors of one text
  // otherwise fill the first page (docs/RELEVANCE.md).
  bool collapse = true;
};

// How RunSearch treats a server that refuses to collapse.
enum class CollapseFallback {
  // --collapse was left at its default: search again without it, say so.
  kRetryWithoutCollapse,
  // --collapse was typed (or collapse is off): the refusal is the answer.
  kNone,
};

// The --doc_type / --from / --to filters as one Query: the single filter
// clause, or a BoolQuery with each in `filter`. nullopt when none is given.
// INVALID_ARGUMENT naming the flag when a value is malformed. Shared by
// search, similar, trend and duplicates.
absl::StatusOr<std::optional<docsearch::v1::Query>> BuildFilterQuery(
    const std::vector<std::string>& doc_types, const std::string& from, const std::string& to);

// Builds the request. INVALID_ARGUMENT naming the flag (e.g. "--from: ...")
// when a flag value is malformed; nothing is sent in that case.
absl::StatusOr<docsearch::v1::SearchRequest> BuildSearchRequest(const SearchOptions& options);

// Whether a search refused with `refusal` is sent again without
// collapse_duplicates: only when `request` asked to collapse, `fallback`
// allows it, and the refusal means "this server cannot collapse"
// (UNIMPLEMENTED, or FAILED_PRECONDITION about collapse_duplicates), or
// that the page token came from a page answered without collapse, rather
// than something wrong with the query.
bool ShouldRetryWithoutCollapse(const absl::Status& refusal,
                                const docsearch::v1::SearchRequest& request,
                                CollapseFallback fallback);

// Sends `request` and prints the hits as a table, or as one JSON object with
// --json. With kRetryWithoutCollapse, a server that cannot collapse gets the
// request again without collapse_duplicates, and one line on env.err says so.
absl::Status RunSearch(const CommandEnv& env, const docsearch::v1::SearchRequest& request,
                       CollapseFallback fallback = CollapseFallback::kNone);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_SEARCH_COMMAND_H_

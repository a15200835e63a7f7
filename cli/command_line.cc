#include "cli/command_line.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "absl/flags/commandlineflag.h"
#include "absl/flags/reflection.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"

namespace docsearch::cli {
namespace {

// "--name=value" → "name=value"; nullopt when `argument` is not a flag.
std::optional<absl::string_view> StripDashes(absl::string_view argument) {
  if (argument.size() < 2 || argument[0] != '-') return std::nullopt;
  argument.remove_prefix(argument[1] == '-' ? 2 : 1);
  if (argument.empty()) return std::nullopt;
  return argument;
}

// Flags absl handles itself before (or without) registering them.
bool IsBuiltInAbslFlag(absl::string_view name) {
  static constexpr absl::string_view kBuiltIn[] = {
      "help",    "helpfull",        "helpshort", "helppackage", "helpon",     "helpmatch",
      "version", "only_check_args", "flagfile",  "fromenv",     "tryfromenv", "undefok"};
  return std::find(std::begin(kBuiltIn), std::end(kBuiltIn), name) != std::end(kBuiltIn);
}

}  // namespace

absl::string_view UsageText() {
  return R"(Usage: docsearch [flags] COMMAND ARGS   (docsearch help: this text)

Commands:
  ingest PATH...   send files or folders (recursively) to the ingest service
                   (.txt text, .html/.htm HTML, .json JSON, .jsonl one JSON
                   document per line, anything else detected by the server)
  parse FILE       show how the ingest service parses FILE, without indexing
  search TEXT      search title and body ("" matches every document)
  search -q QUERY  search with a query string (fields, AND/OR, -exclusions)
  get ID...        show indexed documents (several ids: one call; missing ids
                   are listed on stderr); --fields=id,title keeps only those
  export -q QUERY  every matching document as one JSON object per line on
                   stdout (no -q: all), progress on stderr; --fields=F[,F],
                   --resume_token=T continues an export that stopped
  compare A B      how two documents relate: similarity, shared and distinctive
                   phrases, terms and entities, aligned paragraphs, dates
  compare A --text FILE   the same with the text of a local file as B
  similar ID       documents most like ID (or --text FILE); search filters apply
  trend TERM...    documents with each word or phrase per --interval=year|month
  duplicates [ID]  near-copy clusters (the canonical copy first, then its copies
                   with their resemblance), or the cluster of ID; --pairs lists
                   pairs instead (--threshold: server's 0.5 for clusters, 0.8
                   for pairs); --top=N clusters per page, --page_token=T
  sets A B         words and phrases typical of the documents of query string A
                   against those of B, e.g. sets 'published:[* TO 2001-12-31]'
                   'published:[2003-01-01 TO *]'
  reuse ID#N       every passage repeating paragraph N of ID (or --text FILE),
                   verbatim or nearly, as a dated timeline with the first known
                   source; search filters, --threshold=0.5 and --top apply
  twins ID         the documents in other languages that are the same statement
                   as ID (its translations), best first, with the evidence:
                   shared reference, dates, paragraphs matched by number,
                   shared numbers and names; --threshold=0.18 and --top apply
  versions ID      the kept versions of ID (writing an id again with new content
                   keeps the previous one): dates, ingest times, hashes, titles
  diff ID          what changed between the last two versions of ID: paragraphs
                   added, removed, moved, and [-word-]{+edits+}; --from=N --to=M
                   compare other versions (numbers as `versions` lists)
  stats            show index counts and sizes
  snapshot         make the query service take a snapshot now (needs the token)
  backup DIR       copy the newest snapshot and the logs after it into DIR (new
                   or empty), checksummed, with a MANIFEST; restore with
                   query_service --restore_from=DIR --data_dir=EMPTY_DIR
  reparse [-q QUERY]  parse the stored documents (all, or those matching QUERY)
                   again from their kept raw bytes with the ingest service's
                   current parser; rewrite and count per field what changed
                   (--dry_run: count only; a large archive needs --deadline=inf)

Connection and output:
  --ingest_service=HOST:PORT  (default 127.0.0.1:50051)
  --query_service=HOST:PORT   (default 127.0.0.1:50052)
  --deadline=30s              per RPC; for ingest, the whole stream; inf = none
  --tls_ca=FILE               connect with TLS, verifying servers with these PEM roots
  --token_file=FILE           send the bearer token in FILE (else $DOCSEARCH_TOKEN)
  --json                      print responses as JSON, one object per line
  --full                      parse/get: do not shorten long paragraphs

Search:
  --doc_type=TYPE[,TYPE]      repeatable, e.g. press_statement, communique
  --from=YYYY[-MM[-DD]]       published on or after
  --to=YYYY[-MM[-DD]]         published on or before
  --all                       every word must occur
  --phrase                    the words in this order
  --sort=score|newest|oldest
  --page_size=N --page_token=TOKEN
  --query_string=Q, -q Q      e.g. 'title:russia AND "missile defence" -doc_type:speech'
                              (instead of TEXT, --doc_type, --from, --to, --phrase, --all)
  --language=LANG             the language the words are in, e.g. fr (default: from the
                              query's words, else the collection's main language)
  --facets=FIELD[,FIELD]      count values over all matches, e.g. doc_type,entity.place
  --histogram=year|month      count matches per year or month of publication
  --explain                   under each hit, how its score is computed (BM25 per term)
  --collapse                  one hit per near-duplicate cluster, shown with its number
                              of copies ([+2 copies]); on by default, --nocollapse for
                              every copy. Left at the default, a server that cannot
                              collapse (one run with --duplicate_clusters=false) gets
                              the search again without it, with a one-line note

Compare, similar, trend, duplicates, sets:
  --text=FILE                 compare/similar: the content of FILE as a side
  --top=N                     compare: entries per list (default 8); sets: (20);
                              similar/duplicates: most results
  --interval=year|month       trend (default year)
  --threshold=X               duplicates: lowest resemblance, in (0, 1]
  --doc_type, --from, --to    similar, trend, duplicates: as for search

Ingest:
  --max_document_bytes=N      larger files are reported, not sent

Examples:
  docsearch ingest corpus/seeds
  docsearch search terrorism --doc_type=press_statement --from=2001 --to=2003
  docsearch get 2001-12-07-nato-russia-joint-statement
  docsearch export -q 'doc_type:press_statement' --fields=id,title,published > out.jsonl
  docsearch compare 2001-12-07-nato-russia-joint-statement \
      2003-12-04-nato-update-new-spirit-of-cooperation
  docsearch trend terrorism "missile defence" --interval=year
  docsearch --json stats
)";
}

bool AsksForHelp(const std::vector<std::string>& arguments) {
  if (arguments.size() >= 2 && arguments[1] == "help") return true;
  for (const std::string& argument : arguments) {
    if (argument == "--") break;
    if (argument == "-h" || argument == "--help" || argument == "-help") return true;
  }
  return false;
}

std::vector<std::string> MergeRepeatedFlag(std::vector<std::string> arguments,
                                           absl::string_view name) {
  std::vector<std::string> values;
  std::vector<std::string> result;
  std::optional<size_t> first_position;
  const std::string with_value = absl::StrCat(name, "=");
  for (size_t i = 0; i < arguments.size(); ++i) {
    if (arguments[i] == "--") {
      result.insert(result.end(), arguments.begin() + static_cast<std::ptrdiff_t>(i),
                    arguments.end());
      break;
    }
    const std::optional<absl::string_view> flag = StripDashes(arguments[i]);
    bool matched = false;
    if (flag && absl::StartsWith(*flag, with_value)) {
      values.emplace_back(flag->substr(with_value.size()));
      matched = true;
    } else if (flag && *flag == name && i + 1 < arguments.size()) {
      values.push_back(arguments[++i]);
      matched = true;
    }
    if (!matched) {
      result.push_back(std::move(arguments[i]));
    } else if (!first_position) {
      first_position = result.size();
      result.emplace_back();  // Filled in below, once every value is known.
    }
  }
  if (first_position) {
    result[*first_position] = absl::StrCat("--", name, "=", absl::StrJoin(values, ","));
  }
  return result;
}

std::vector<std::string> ExpandShortFlag(std::vector<std::string> arguments,
                                         absl::string_view short_name,
                                         absl::string_view long_name) {
  const std::string bare = absl::StrCat("-", short_name);
  const std::string with_value = absl::StrCat(bare, "=");
  for (std::string& argument : arguments) {
    if (argument == "--") break;
    if (argument == bare) {
      argument = absl::StrCat("--", long_name);
    } else if (absl::StartsWith(argument, with_value)) {
      argument = absl::StrCat("--", long_name, "=", argument.substr(with_value.size()));
    }
  }
  return arguments;
}

std::optional<std::string> FindUnknownFlag(const std::vector<std::string>& arguments) {
  for (const std::string& argument : arguments) {
    if (argument == "--") break;
    const std::optional<absl::string_view> flag = StripDashes(argument);
    if (!flag) continue;
    const absl::string_view name = flag->substr(0, flag->find('='));
    if (IsBuiltInAbslFlag(name) || absl::FindCommandLineFlag(name) != nullptr) continue;
    absl::string_view negated = name;
    if (absl::ConsumePrefix(&negated, "no")) {
      const absl::CommandLineFlag* boolean = absl::FindCommandLineFlag(negated);
      if (boolean != nullptr && boolean->IsOfType<bool>()) continue;
    }
    return argument;
  }
  return std::nullopt;
}

bool TypesBooleanFlag(const std::vector<std::string>& arguments, absl::string_view name) {
  for (const std::string& argument : arguments) {
    if (argument == "--") break;
    const std::optional<absl::string_view> flag = StripDashes(argument);
    if (!flag) continue;
    absl::string_view typed = flag->substr(0, flag->find('='));
    if (typed == name || (absl::ConsumePrefix(&typed, "no") && typed == name)) return true;
  }
  return false;
}

}  // namespace docsearch::cli

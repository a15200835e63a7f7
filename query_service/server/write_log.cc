#include "query_service/server/write_log.h"

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/log.h"

namespace docsearch::query {

void LogWriteBatch(const docsearch::v1::WriteRequest& request,
                   const docsearch::v1::WriteResponse& response) {
  struct Outcomes {
    std::vector<std::string> applied;
    std::vector<std::string> unchanged;
    std::vector<std::string> failed;  // "id (code N: message)"
  };
  // Ordered, so a batch's lines come out the same way every time.
  std::map<std::string, Outcomes> by_request;
  const int known = std::min(request.request_ids_size(), request.documents_size());
  for (int i = 0; i < known; ++i) {
    const std::string& request_id = request.request_ids(i);
    if (request_id.empty()) continue;
    Outcomes& outcomes = by_request[request_id];
    const std::string& id = request.documents(i).id();
    if (i >= response.results_size()) {
      outcomes.applied.push_back(id);
      continue;
    }
    const docsearch::v1::WriteResult& result = response.results(i);
    if (result.code() != 0) {
      outcomes.failed.push_back(
          absl::StrCat(id, " (code ", result.code(), ": ", result.message(), ")"));
    } else if (result.unchanged()) {
      outcomes.unchanged.push_back(id);
    } else {
      outcomes.applied.push_back(id);
    }
  }
  for (const auto& [request_id, outcomes] : by_request) {
    std::string message = absl::StrCat("write batch ", request.batch_id(), ":");
    if (!outcomes.applied.empty()) {
      absl::StrAppend(&message, " applied ", absl::StrJoin(outcomes.applied, ","));
    }
    if (!outcomes.unchanged.empty()) {
      absl::StrAppend(&message, " unchanged ", absl::StrJoin(outcomes.unchanged, ","));
    }
    if (!outcomes.failed.empty()) {
      absl::StrAppend(&message, " failed ", absl::StrJoin(outcomes.failed, ", "));
    }
    LogFields fields;
    fields.request_id = request_id;
    fields.method = "/docsearch.v1.IndexService/Write";
    LogLine(outcomes.failed.empty() ? LogSeverity::kInfo : LogSeverity::kWarning, message, fields);
  }
}

}  // namespace docsearch::query

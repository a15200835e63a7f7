// The human-readable form of GetIndexStatsResponse (`docsearch stats`).
#ifndef DOCSEARCH_CLI_STATS_PRINTER_H_
#define DOCSEARCH_CLI_STATS_PRINTER_H_

#include <string>

#include "docsearch/v1/query_service.pb.h"

namespace docsearch::cli {

// Counts with thousands separators, sizes in KB/MB/GB, the memory to text
// ratio the design aims to keep under 0.5, the published date range and the
// documents per type, most frequent first.
std::string RenderIndexStats(const docsearch::v1::GetIndexStatsResponse& stats);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_STATS_PRINTER_H_

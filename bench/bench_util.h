// Small helpers shared by the in-process benchmarks (engine_bench,
// compare_bench): reading the corpus rows' fields and summarizing latencies.
#ifndef DOCSEARCH_BENCH_BENCH_UTIL_H_
#define DOCSEARCH_BENCH_BENCH_UTIL_H_

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::bench {

// A corpus row's ISO date ("2001-12-07"); an unset Date when malformed.
inline docsearch::v1::Date ParseDate(const std::string& iso) {
  docsearch::v1::Date date;
  std::vector<std::string> parts = absl::StrSplit(iso, '-');
  int y = 0, m = 0, d = 0;
  if (parts.size() == 3 && absl::SimpleAtoi(parts[0], &y) && absl::SimpleAtoi(parts[1], &m) &&
      absl::SimpleAtoi(parts[2], &d)) {
    date.set_year(y);
    date.set_month(m);
    date.set_day(d);
  }
  return date;
}

inline std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// A stable 64-bit hash (a stand-in content hash for generated documents).
inline uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// The p-quantile (0..1) of `v` by nearest rank; sorts `v`.
inline double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * (v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace docsearch::bench

#endif  // DOCSEARCH_BENCH_BENCH_UTIL_H_

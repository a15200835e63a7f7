#include "query_service/coordinator/statistics_cache.h"

#include <utility>

#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace docsearch::query {

std::string StatisticsCache::KeyOf(const docsearch::v1::SearchRequest& request) {
  docsearch::v1::SearchRequest key = request;
  key.clear_page_token();
  key.clear_page_size();
  // Deterministic, so equal requests give equal keys.
  std::string bytes;
  google::protobuf::io::StringOutputStream stream(&bytes);
  google::protobuf::io::CodedOutputStream output(&stream);
  output.SetSerializationDeterministic(true);
  key.SerializeToCodedStream(&output);
  output.Trim();
  return bytes;
}

std::optional<ShardStatistics> StatisticsCache::Find(
    const docsearch::v1::SearchRequest& request) const {
  if (capacity_ == 0) return std::nullopt;
  const std::string key = KeyOf(request);
  absl::MutexLock lock(&mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

void StatisticsCache::Put(const docsearch::v1::SearchRequest& request, ShardStatistics statistics) {
  if (capacity_ == 0) return;
  std::string key = KeyOf(request);
  absl::MutexLock lock(&mu_);
  auto [it, added] = entries_.insert_or_assign(key, std::move(statistics));
  if (!added) return;
  order_.push_back(std::move(key));
  while (order_.size() > capacity_) {
    entries_.erase(order_.front());
    order_.pop_front();
  }
}

}  // namespace docsearch::query

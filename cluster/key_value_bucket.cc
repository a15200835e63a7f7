#include "cluster/key_value_bucket.h"

#include "absl/strings/str_cat.h"

namespace docsearch::cluster {

absl::StatusOr<KeyValueEntry> KeyValueBucket::Get(const std::string& key) {
  kvEntry* raw_entry = nullptr;
  natsStatus s = kvStore_Get(&raw_entry, store_.get(), key.c_str());
  KvEntryPtr entry(raw_entry);
  if (s != NATS_OK) return FromNats(s, absl::StrCat("reading key ", key));
  KeyValueEntry result;
  result.value.assign(static_cast<const char*>(kvEntry_Value(entry.get())),
                      static_cast<size_t>(kvEntry_ValueLen(entry.get())));
  result.revision = kvEntry_Revision(entry.get());
  return result;
}

absl::StatusOr<uint64_t> KeyValueBucket::Put(const std::string& key, const std::string& value) {
  uint64_t revision = 0;
  natsStatus s = kvStore_Put(&revision, store_.get(), key.c_str(), value.data(),
                             static_cast<int>(value.size()));
  if (s != NATS_OK) return FromNats(s, absl::StrCat("writing key ", key));
  return revision;
}

absl::StatusOr<uint64_t> KeyValueBucket::Create(const std::string& key, const std::string& value) {
  uint64_t revision = 0;
  natsStatus s = kvStore_Create(&revision, store_.get(), key.c_str(), value.data(),
                                static_cast<int>(value.size()));
  if (s == NATS_ERR) {
    // libnats reports "wrong last sequence" (the key exists) as NATS_ERR.
    return absl::AlreadyExistsError(absl::StrCat("key ", key, " exists already"));
  }
  if (s != NATS_OK) return FromNats(s, absl::StrCat("creating key ", key));
  return revision;
}

absl::StatusOr<uint64_t> KeyValueBucket::Update(const std::string& key, const std::string& value,
                                                uint64_t revision) {
  uint64_t new_revision = 0;
  natsStatus s = kvStore_Update(&new_revision, store_.get(), key.c_str(), value.data(),
                                static_cast<int>(value.size()), revision);
  if (s == NATS_ERR) {
    return absl::FailedPreconditionError(
        absl::StrCat("key ", key, " changed since revision ", revision));
  }
  if (s != NATS_OK) return FromNats(s, absl::StrCat("updating key ", key));
  return new_revision;
}

absl::Status KeyValueBucket::Delete(const std::string& key) {
  return FromNats(kvStore_Delete(store_.get(), key.c_str()), absl::StrCat("deleting key ", key));
}

absl::StatusOr<std::vector<std::string>> KeyValueBucket::Keys() {
  kvKeysList list;
  natsStatus s = kvStore_Keys(&list, store_.get(), nullptr);
  std::vector<std::string> keys;
  if (s == NATS_NOT_FOUND) return keys;  // No key at all.
  if (s != NATS_OK) return FromNats(s, "listing keys");
  for (int i = 0; i < list.Count; ++i) keys.emplace_back(list.Keys[i]);
  kvKeysList_Destroy(&list);
  return keys;
}

}  // namespace docsearch::cluster

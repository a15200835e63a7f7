#include "ingest_service/parsed_changes.h"

#include <google/protobuf/util/message_differencer.h>

#include <algorithm>
#include <set>

#include "common/text_fingerprint.h"

namespace docsearch::ingest {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::util::MessageDifferencer;

// Collects the top-level field of every difference reported.
class TopFieldCollector final : public MessageDifferencer::Reporter {
 public:
  void ReportAdded(const google::protobuf::Message&, const google::protobuf::Message&,
                   const std::vector<MessageDifferencer::SpecificField>& path) override {
    Note(path);
  }
  void ReportDeleted(const google::protobuf::Message&, const google::protobuf::Message&,
                     const std::vector<MessageDifferencer::SpecificField>& path) override {
    Note(path);
  }
  void ReportModified(const google::protobuf::Message&, const google::protobuf::Message&,
                      const std::vector<MessageDifferencer::SpecificField>& path) override {
    Note(path);
  }

  // Sorted into declaration order by the caller.
  const std::set<const FieldDescriptor*>& fields() const { return fields_; }

 private:
  void Note(const std::vector<MessageDifferencer::SpecificField>& path) {
    if (!path.empty() && path.front().field != nullptr) fields_.insert(path.front().field);
  }
  std::set<const FieldDescriptor*> fields_;
};

// Whether two fingerprints differ in what the query service keeps of them:
// it stores the low bits of each MinHash value only (KeptMinHashBits), so a
// fresh parse's full values must not read as a change of the stored ones.
bool FingerprintsDiffer(const docsearch::v1::Document& stored,
                        const docsearch::v1::Document& reparsed) {
  if (stored.has_fingerprint() != reparsed.has_fingerprint()) return true;
  const docsearch::v1::Fingerprint& a = stored.fingerprint();
  const docsearch::v1::Fingerprint& b = reparsed.fingerprint();
  if (a.simhash() != b.simhash() || a.minhash_size() != b.minhash_size()) return true;
  for (int i = 0; i < a.minhash_size(); ++i) {
    if (KeptMinHashBits(a.minhash(i)) != KeptMinHashBits(b.minhash(i))) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> ChangedFields(const docsearch::v1::Document& stored,
                                       const docsearch::v1::Document& reparsed) {
  const auto* descriptor = docsearch::v1::Document::descriptor();
  MessageDifferencer differencer;
  for (const char* ignored : {"id", "ingested_at", "raw", "fingerprint"}) {
    differencer.IgnoreField(descriptor->FindFieldByName(ignored));
  }
  // Report every difference, not only the first, so each changed field is
  // seen; repeated fields compare in order (paragraph order matters).
  TopFieldCollector collector;
  differencer.ReportDifferencesTo(&collector);
  differencer.Compare(stored, reparsed);
  std::vector<const FieldDescriptor*> fields(collector.fields().begin(), collector.fields().end());
  if (FingerprintsDiffer(stored, reparsed))
    fields.push_back(descriptor->FindFieldByName("fingerprint"));
  std::sort(fields.begin(), fields.end(), [](const FieldDescriptor* a, const FieldDescriptor* b) {
    return a->index() < b->index();
  });
  std::vector<std::string> names;
  names.reserve(fields.size());
  for (const FieldDescriptor* field : fields) names.push_back(field->name());
  return names;
}

}  // namespace docsearch::ingest

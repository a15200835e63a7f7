#include "ingest_service/parsed_changes.h"

#include <google/protobuf/util/message_differencer.h>

#include <algorithm>
#include <set>

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

}  // namespace

std::vector<std::string> ChangedFields(const docsearch::v1::Document& stored,
                                       const docsearch::v1::Document& reparsed) {
  const auto* descriptor = docsearch::v1::Document::descriptor();
  MessageDifferencer differencer;
  for (const char* ignored : {"id", "ingested_at", "raw"}) {
    differencer.IgnoreField(descriptor->FindFieldByName(ignored));
  }
  // Report every difference, not only the first, so each changed field is
  // seen; repeated fields compare in order (paragraph order matters).
  TopFieldCollector collector;
  differencer.ReportDifferencesTo(&collector);
  differencer.Compare(stored, reparsed);
  std::vector<const FieldDescriptor*> fields(collector.fields().begin(), collector.fields().end());
  std::sort(fields.begin(), fields.end(), [](const FieldDescriptor* a, const FieldDescriptor* b) {
    return a->index() < b->index();
  });
  std::vector<std::string> names;
  names.reserve(fields.size());
  for (const FieldDescriptor* field : fields) names.push_back(field->name());
  return names;
}

}  // namespace docsearch::ingest

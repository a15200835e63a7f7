// Per-field accuracy of the parser on the labelled development corpus
// (corpus/nato-dev: real archived documents with hand labels, see the
// corpus README). Prints a table and the failures, and fails below the
// project's quality bars. Skips when the corpus is not beside the checkout.
//
// How a field is judged:
//   doc_type   label "nato_update" is DOC_TYPE_UPDATE; "other" (no label
//              printed) accepts UNSPECIFIED or OTHER.
//   published  equal to the label; where the label is null, unset is right,
//              and so is a date listed in published_fallbacks when the parser
//              said where it came from (a "published_from_*" warning).
//   updated    the date part of Document.updated equals the label.
//   title      equal after quote/dash/space folding and lower-casing; a null
//              label expects an empty title.
//   reference  equal ignoring spaces and case; null expects empty.
//   boilerplate removed  no labelled furniture line is left in the title,
//              subtitle, paragraphs or footnotes.
//   no sentence lost     every source line of 60+ characters that is not
//              labelled furniture is found (letters and digits only) in the
//              parsed text.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;

const std::string kCorpus = std::string(DOCSEARCH_SHARED_CORPUS) + "/nato-dev";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string StringField(const Struct& label, const std::string& key) {
  auto it = label.fields().find(key);
  if (it == label.fields().end() || it->second.kind_case() != Value::kStringValue) return "";
  return it->second.string_value();
}

std::vector<std::string> ListField(const Struct& label, const std::string& key) {
  std::vector<std::string> values;
  auto it = label.fields().find(key);
  if (it == label.fields().end() || it->second.kind_case() != Value::kListValue) return values;
  for (const Value& value : it->second.list_value().values())
    values.push_back(value.string_value());
  return values;
}

std::string IsoDate(const v1::Date& date) {
  if (date.year() == 0) return "";
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

std::string IsoDateOf(const google::protobuf::Timestamp& timestamp) {
  if (timestamp.seconds() == 0) return "";
  return absl::FormatTime("%Y-%m-%d", absl::FromUnixSeconds(timestamp.seconds()),
                          absl::UTCTimeZone());
}

std::string AlnumOnly(absl::string_view text) {
  std::string out;
  for (char c : FoldAccents(text)) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) out.push_back(c);
  }
  return out;
}

bool DocTypeMatches(const std::string& label, v1::DocType type) {
  static const std::map<std::string, v1::DocType> kTypes = {
      {"press_statement", v1::DOC_TYPE_PRESS_STATEMENT},
      {"press_release", v1::DOC_TYPE_PRESS_RELEASE},
      {"communique", v1::DOC_TYPE_COMMUNIQUE},
      {"chairmans_summary", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
      {"nato_update", v1::DOC_TYPE_UPDATE},
      {"speech", v1::DOC_TYPE_SPEECH},
      {"declaration", v1::DOC_TYPE_DECLARATION},
  };
  if (label == "other") return type == v1::DOC_TYPE_UNSPECIFIED || type == v1::DOC_TYPE_OTHER;
  auto it = kTypes.find(label);
  return it != kTypes.end() && it->second == type;
}

struct Field {
  Field(std::string field_name, double bar) : name(std::move(field_name)), threshold(bar) {}
  std::string name;
  double threshold;  // Minimum share of documents right; 0 = report only.
  int right = 0;
  int total = 0;
  std::vector<std::string> failures;
};

TEST(CorpusAccuracy, MeetsPerFieldBarsOnTheDevelopmentSet) {
  const std::string labels_path = kCorpus + "/labels.jsonl";
  if (!std::filesystem::exists(labels_path)) {
    GTEST_SKIP() << "development corpus not found at " << kCorpus
                 << " (set -DDOCSEARCH_SHARED_CORPUS=...); accuracy not measured";
  }
  std::vector<Field> fields = {
      {"doc_type", 0.97},
      {"published", 0.99},
      {"updated", 0.99},
      {"title", 0.95},
      {"language", 1.00},
      {"reference", 0.0},
      {"boilerplate removed", 0.98},
      {"no body sentence lost", 0.0},
      {"every long line kept", 0.0},
  };
  auto judge = [&](size_t index, bool right, const std::string& file, const std::string& detail) {
    ASSERT_LT(index, fields.size());
    ++fields[index].total;
    if (right) {
      ++fields[index].right;
    } else {
      fields[index].failures.push_back(absl::StrCat(file, ": ", detail));
    }
  };

  std::istringstream lines(ReadFile(labels_path));
  std::string line;
  while (std::getline(lines, line)) {
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    Struct label;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(line, &label).ok()) << line;
    const std::string file = StringField(label, "file");
    v1::RawDocument raw;
    raw.set_content(ReadFile(kCorpus + "/docs/" + file));
    raw.set_source_uri(StringField(label, "url"));
    absl::StatusOr<v1::ParseDocumentResponse> parsed = ParseRawDocument(raw, {});
    ASSERT_TRUE(parsed.ok()) << file << ": " << parsed.status();
    const v1::Document& document = parsed->document();
    if (const char* dump = std::getenv("DOCSEARCH_PARSER_DUMP"); dump != nullptr && file == dump) {
      std::printf("%s\n", parsed->DebugString().c_str());
    }

    // doc_type
    const std::string want_type = StringField(label, "doc_type");
    judge(0, DocTypeMatches(want_type, document.doc_type()), file,
          absl::StrCat("want ", want_type, ", got ", v1::DocType_Name(document.doc_type())));

    // published
    const std::string want_published = StringField(label, "published");
    const std::string got_published = IsoDate(document.published());
    bool published_right = got_published == want_published;
    if (!published_right && want_published.empty()) {
      bool said_so = false;
      for (const v1::ParseWarning& warning : document.warnings()) {
        said_so |= absl::StartsWith(warning.code(), "published_from_");
      }
      for (const std::string& fallback : ListField(label, "published_fallbacks")) {
        published_right |= said_so && fallback == got_published;
      }
    }
    judge(1, published_right, file,
          absl::StrCat("want '", want_published, "', got '", got_published, "'"));

    // updated
    const std::string want_updated = StringField(label, "updated");
    const std::string got_updated = IsoDateOf(document.updated());
    judge(2, want_updated == got_updated, file,
          absl::StrCat("want '", want_updated, "', got '", got_updated, "'"));

    // title
    const std::string want_title = StringField(label, "title");
    judge(3, FoldForMatching(want_title) == FoldForMatching(document.title()), file,
          absl::StrCat("want '", want_title, "', got '", document.title(), "'"));

    // language
    judge(4, StringField(label, "language") == document.language(), file,
          absl::StrCat("want ", StringField(label, "language"), ", got ", document.language()));

    // reference
    const std::string want_reference = StringField(label, "reference");
    judge(5, AlnumOnly(want_reference) == AlnumOnly(document.reference()), file,
          absl::StrCat("want '", want_reference, "', got '", document.reference(), "'"));

    // boilerplate removed
    std::vector<std::string> kept = {document.title(), document.subtitle()};
    for (const v1::Paragraph& paragraph : document.paragraphs()) kept.push_back(paragraph.text());
    for (const v1::Footnote& note : document.footnotes()) kept.push_back(note.text());
    const std::vector<std::string> boilerplate = ListField(label, "boilerplate");
    std::string left;
    for (const std::string& furniture : boilerplate) {
      const std::string folded = FoldForMatching(furniture);
      const std::string furniture_alnum = AlnumOnly(furniture);
      for (const std::string& text : kept) {
        if (text.empty()) continue;
        const bool same =
            FoldForMatching(text) == folded || (furniture_alnum.empty() && AlnumOnly(text).empty());
        const bool inside = folded.size() >= 25 && absl::StrContains(FoldForMatching(text), folded);
        if (same || inside) left = furniture;
      }
    }
    judge(6, left.empty(), file, absl::StrCat("left in body: '", left, "'"));

    // no body sentence lost: paragraph numbers and the type label count as
    // kept text, since the parser moves them into fields.
    std::string parsed_alnum = AlnumOnly(document.reference()) +
                               AlnumOnly(document.doc_type_raw()) + AlnumOnly(document.title()) +
                               AlnumOnly(document.subtitle());
    for (const v1::Paragraph& paragraph : document.paragraphs()) {
      parsed_alnum += AlnumOnly(paragraph.number()) + AlnumOnly(paragraph.text());
    }
    for (const v1::Footnote& note : document.footnotes()) {
      parsed_alnum += AlnumOnly(note.marker()) + AlnumOnly(note.text());
    }
    std::string lost;
    for (absl::string_view source_line : absl::StrSplit(raw.content(), '\n')) {
      source_line = absl::StripAsciiWhitespace(source_line);
      // Sentences of the body end with a period; title lines do not.
      if (source_line.size() < 60 || !absl::EndsWith(source_line, ".")) continue;
      bool is_furniture = false;
      for (const std::string& furniture : boilerplate) {
        is_furniture |= absl::StripAsciiWhitespace(furniture) == source_line;
      }
      if (is_furniture) continue;
      if (!absl::StrContains(parsed_alnum, AlnumOnly(source_line))) {
        lost = std::string(source_line.substr(0, 70));
        break;
      }
    }
    judge(7, lost.empty(), file, absl::StrCat("lost: '", lost, "'"));

    // Stricter, report only: every source line of 60+ characters that is not
    // labelled furniture, whatever its ending (titles and headings too).
    std::string lost_line;
    for (absl::string_view source_line : absl::StrSplit(raw.content(), '\n')) {
      source_line = absl::StripAsciiWhitespace(source_line);
      if (source_line.size() < 60) continue;
      bool is_furniture = false;
      for (const std::string& furniture : boilerplate) {
        is_furniture |= absl::StripAsciiWhitespace(furniture) == source_line;
      }
      if (!is_furniture && !absl::StrContains(parsed_alnum, AlnumOnly(source_line))) {
        lost_line = std::string(source_line.substr(0, 70));
        break;
      }
    }
    judge(8, lost_line.empty(), file, absl::StrCat("not kept: '", lost_line, "'"));
  }

  std::printf("\n%-24s %9s %8s %8s\n", "field", "right", "share", "bar");
  for (const Field& field : fields) {
    std::printf(
        "%-24s %4d/%-4d %7.1f%% %7s\n", field.name.c_str(), field.right, field.total,
        100.0 * field.right / std::max(field.total, 1),
        field.threshold > 0 ? absl::StrFormat("%.0f%%", 100 * field.threshold).c_str() : "-");
  }
  for (const Field& field : fields) {
    for (const std::string& failure : field.failures) {
      std::printf("  [%s] %s\n", field.name.c_str(), failure.c_str());
    }
  }
  for (const Field& field : fields) {
    if (field.threshold == 0 || field.total == 0) continue;
    EXPECT_GE(static_cast<double>(field.right) / field.total, field.threshold)
        << field.name << " below its bar";
  }
}

}  // namespace
}  // namespace docsearch::ingest

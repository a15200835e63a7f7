#include "ingest_service/parser/tools/labelled_corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "ingest_service/parser/mojibake.h"
#include "ingest_service/parser/parse_warnings.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;

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
  for (const Value& value : it->second.list_value().values()) {
    values.push_back(value.string_value());
  }
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

// The matching key with its spaces left out.
std::string FoldWithoutSpaces(absl::string_view text) {
  std::string folded = FoldForMatching(text);
  folded.erase(std::remove(folded.begin(), folded.end(), ' '), folded.end());
  return folded;
}

bool DocTypeMatches(const std::string& label, v1::DocType type) {
  static const auto* const kTypes = new std::map<std::string, v1::DocType>{
      {"press_statement", v1::DOC_TYPE_PRESS_STATEMENT},
      {"press_release", v1::DOC_TYPE_PRESS_RELEASE},
      {"communique", v1::DOC_TYPE_COMMUNIQUE},
      {"chairmans_summary", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
      {"nato_update", v1::DOC_TYPE_UPDATE},
      {"speech", v1::DOC_TYPE_SPEECH},
      {"declaration", v1::DOC_TYPE_DECLARATION},
  };
  if (label == "other") return type == v1::DOC_TYPE_UNSPECIFIED || type == v1::DOC_TYPE_OTHER;
  auto it = kTypes->find(label);
  return it != kTypes->end() && it->second == type;
}

// "p97-027e" -> "p97-027": the English and French pages of one statement.
std::string StatementKey(absl::string_view path) {
  path = path.substr(0, path.find_first_of("?#"));
  while (absl::ConsumeSuffix(&path, "/")) {
  }
  absl::string_view name = path.substr(path.find_last_of('/') + 1);
  name = name.substr(0, name.find('.'));
  if (name.size() > 1 && (name.back() == 'e' || name.back() == 'f') &&
      absl::ascii_isdigit(static_cast<unsigned char>(name[name.size() - 2]))) {
    name.remove_suffix(1);
  }
  return absl::AsciiStrToLower(name);
}

}  // namespace

std::string SourceGroup(absl::string_view url) {
  absl::string_view rest = url;
  if (const size_t scheme = rest.find("://"); scheme != absl::string_view::npos) {
    rest = rest.substr(scheme + 3);
  }
  const size_t slash = rest.find('/');
  std::string host = absl::AsciiStrToLower(rest.substr(0, slash));
  host = host.substr(0, host.find(':'));
  if (absl::StartsWith(host, "www.")) host = host.substr(4);
  if (host == "nato.int" && slash != absl::string_view::npos) {
    return absl::StrCat(host, "/", StatementKey(rest.substr(slash)));
  }
  return host;
}

absl::StatusOr<std::vector<LabelledDocument>> LoadLabelledFolder(const std::string& corpus_root,
                                                                 const std::string& folder) {
  const std::string labels_path = absl::StrCat(corpus_root, "/", folder, "/labels.jsonl");
  if (!std::filesystem::exists(labels_path)) {
    return absl::NotFoundError(absl::StrCat("no labelled corpus at ", labels_path));
  }
  std::vector<LabelledDocument> documents;
  std::istringstream lines(ReadFile(labels_path));
  std::string line;
  while (std::getline(lines, line)) {
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    Struct label;
    if (!google::protobuf::util::JsonStringToMessage(line, &label).ok()) {
      return absl::InvalidArgumentError(absl::StrCat(labels_path, ": unreadable line: ", line));
    }
    LabelledDocument document;
    document.folder = folder;
    document.file = StringField(label, "file");
    document.url = StringField(label, "url");
    document.group = SourceGroup(document.url);
    const std::string path = absl::StrCat(corpus_root, "/", folder, "/docs/", document.file);
    if (!std::filesystem::exists(path)) {
      return absl::NotFoundError(absl::StrCat(labels_path, " names a missing file: ", path));
    }
    document.content = ReadFile(path);
    DocumentLabels& labels = document.labels;
    labels.language = StringField(label, "language");
    labels.doc_type = StringField(label, "doc_type");
    labels.doc_type_raw = StringField(label, "doc_type_raw");
    labels.published = StringField(label, "published");
    labels.published_fallbacks = ListField(label, "published_fallbacks");
    labels.updated = StringField(label, "updated");
    labels.title = StringField(label, "title");
    labels.reference = StringField(label, "reference");
    labels.boilerplate = ListField(label, "boilerplate");
    documents.push_back(std::move(document));
  }
  return documents;
}

const std::vector<std::string>& ScoredFields() {
  static const auto* const kFields = new std::vector<std::string>{
      "title",     "doc_type", "boilerplate removed",  "published", "language",
      "reference", "updated",  "no body sentence lost"};
  return *kFields;
}

double FieldBar(absl::string_view field) {
  if (field == "title") return 0.95;
  if (field == "doc_type") return 0.97;
  if (field == "boilerplate removed") return 0.98;
  if (field == "published") return 0.99;
  if (field == "language") return 1.00;
  if (field == "reference") return 0.95;
  if (field == "updated") return 0.99;
  return 0;
}

std::vector<FieldResult> ScoreParse(const LabelledDocument& labelled,
                                    const v1::ParseDocumentResponse& parsed) {
  const v1::Document& document = parsed.document();
  const DocumentLabels& want = labelled.labels;
  std::vector<FieldResult> results;

  results.push_back({FoldForMatching(want.title) == FoldForMatching(document.title()),
                     absl::StrCat("want '", want.title, "', got '", document.title(), "'")});

  results.push_back(
      {DocTypeMatches(want.doc_type, document.doc_type()),
       absl::StrCat("want ", want.doc_type, ", got ", v1::DocType_Name(document.doc_type()))});

  std::vector<std::string> kept = {document.title(), document.subtitle()};
  for (const v1::Paragraph& paragraph : document.paragraphs()) kept.push_back(paragraph.text());
  for (const v1::Footnote& note : document.footnotes()) kept.push_back(note.text());
  // Compared without spaces, and a long line also against all the kept text
  // run together: a furniture line the parser split (a glued "SitesU.S."
  // given its break back) and kept is still kept.
  std::string all_kept;
  for (const std::string& text : kept) all_kept += FoldWithoutSpaces(text);
  std::string left;
  for (const std::string& furniture : want.boilerplate) {
    const std::string folded = FoldWithoutSpaces(furniture);
    const std::string furniture_alnum = AlnumOnly(furniture);
    for (const std::string& text : kept) {
      if (text.empty()) continue;
      const bool same =
          FoldWithoutSpaces(text) == folded || (furniture_alnum.empty() && AlnumOnly(text).empty());
      if (same) left = furniture;
    }
    if (FoldForMatching(furniture).size() >= 25 && absl::StrContains(all_kept, folded)) {
      left = furniture;
    }
  }
  results.push_back({left.empty(), absl::StrCat("left in body: '", left, "'")});

  const std::string got_published = IsoDate(document.published());
  bool published_right = got_published == want.published;
  if (!published_right && want.published.empty()) {
    bool said_so = false;
    for (const v1::ParseWarning& warning : document.warnings()) {
      const std::optional<ParseWarningCode> code = ParseWarningCodeOf(warning.code());
      said_so |= code.has_value() && IsPublishedFallback(*code) &&
                 *code != ParseWarningCode::kNoPublishedDate;
    }
    for (const std::string& fallback : want.published_fallbacks) {
      published_right |= said_so && fallback == got_published;
    }
  }
  results.push_back(
      {published_right, absl::StrCat("want '", want.published, "', got '", got_published, "'")});

  results.push_back({want.language == document.language(),
                     absl::StrCat("want ", want.language, ", got ", document.language())});

  results.push_back(
      {AlnumOnly(want.reference) == AlnumOnly(document.reference()),
       absl::StrCat("want '", want.reference, "', got '", document.reference(), "'")});

  const std::string got_updated = IsoDateOf(document.updated());
  results.push_back({want.updated == got_updated,
                     absl::StrCat("want '", want.updated, "', got '", got_updated, "'")});

  // Paragraph numbers, the type label and the reference count as kept text:
  // the parser moves them into fields.
  std::string parsed_alnum = AlnumOnly(document.reference()) + AlnumOnly(document.doc_type_raw()) +
                             AlnumOnly(document.title()) + AlnumOnly(document.subtitle());
  for (const v1::Paragraph& paragraph : document.paragraphs()) {
    parsed_alnum += AlnumOnly(paragraph.number()) + AlnumOnly(paragraph.text());
  }
  for (const v1::Footnote& note : document.footnotes()) {
    parsed_alnum += AlnumOnly(note.marker()) + AlnumOnly(note.text());
  }
  std::string lost;
  // Against the source as repaired: a double-encoded "todayÂ’s" is kept as
  // "today’s", which is no loss.
  const std::string source = RepairMojibake(labelled.content).text;
  for (absl::string_view source_line : absl::StrSplit(source, '\n')) {
    source_line = absl::StripAsciiWhitespace(source_line);
    if (source_line.size() < 60 || !absl::EndsWith(source_line, ".")) continue;
    bool is_furniture = false;
    for (const std::string& furniture : want.boilerplate) {
      is_furniture |= absl::StripAsciiWhitespace(furniture) == source_line;
    }
    if (is_furniture) continue;
    if (!absl::StrContains(parsed_alnum, AlnumOnly(source_line))) {
      lost = std::string(source_line.substr(0, 70));
      break;
    }
  }
  results.push_back({lost.empty(), absl::StrCat("lost: '", lost, "'")});
  return results;
}

AccuracyTable::AccuracyTable()
    : right_(ScoredFields().size(), 0), total_(ScoredFields().size(), 0) {}

void AccuracyTable::Add(const LabelledDocument& labelled, const std::vector<FieldResult>& results) {
  for (size_t f = 0; f < results.size() && f < right_.size(); ++f) {
    ++total_[f];
    if (results[f].right) {
      ++right_[f];
    } else {
      failures_.push_back(absl::StrCat("[", ScoredFields()[f], "] ", labelled.folder, "/",
                                       labelled.file, ": ", results[f].detail));
    }
  }
}

void AccuracyTable::AddTitleDoubt(bool title_right, bool doubted) {
  if (title_right) {
    ++right_titles_;
    doubted_right_ += doubted ? 1 : 0;
  } else {
    ++wrong_titles_;
    doubted_wrong_ += doubted ? 1 : 0;
  }
}

double AccuracyTable::Share(size_t field) const {
  return total_[field] == 0 ? 0.0 : static_cast<double>(right_[field]) / total_[field];
}

std::string FormatTables(const std::vector<std::string>& column_names,
                         const std::vector<const AccuracyTable*>& columns) {
  std::string out = absl::StrFormat("%-22s", "field");
  for (const std::string& name : column_names) absl::StrAppendFormat(&out, " %18s", name);
  absl::StrAppendFormat(&out, " %6s\n", "bar");
  for (size_t f = 0; f < ScoredFields().size(); ++f) {
    absl::StrAppendFormat(&out, "%-22s", ScoredFields()[f]);
    for (const AccuracyTable* table : columns) {
      absl::StrAppendFormat(&out, " %8s %6.1f%%",
                            absl::StrCat(table->Right(f), "/", table->Total(f)),
                            100.0 * table->Share(f));
    }
    const double bar = FieldBar(ScoredFields()[f]);
    absl::StrAppendFormat(&out, " %6s\n", bar > 0 ? absl::StrFormat("%.0f%%", 100 * bar) : "-");
  }
  return out;
}

}  // namespace docsearch::ingest

// Prints the whole ParseDocumentResponse (every field, with each line's role
// and features) for every file under the given directories, as protobuf text.
// Two dumps of the same inputs differ exactly where the parser's output
// differs, so a change meant to be behaviour-preserving (a speed-up) is
// checked with:
//
//   parse_dump DIR [DIR...] > before.txt   # on the old build
//   parse_dump DIR [DIR...] > after.txt    # on the new build
//   cmp before.txt after.txt
//
// Each .txt/.htm/.html/.json/.jsonl file is parsed as it is (content type
// detected), then as CRLF text and as a minimal HTML page, so the decode and
// HTML paths are covered too.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_replace.h"
#include "google/protobuf/text_format.h"
#include "ingest_service/parser/document_parser.h"

namespace {

namespace v1 = docsearch::v1;

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void DumpOne(const std::string& label, const std::string& content, v1::ContentType type) {
  v1::RawDocument raw;
  raw.set_content(content);
  raw.set_content_type(type);
  raw.set_source_uri(label);
  docsearch::ingest::ParseOptions options;
  options.explain_lines = true;
  absl::StatusOr<v1::ParseDocumentResponse> parsed =
      docsearch::ingest::ParseRawDocument(raw, options);
  std::printf("=== %s\n", label.c_str());
  if (!parsed.ok()) {
    std::printf("status: %s\n", parsed.status().ToString().c_str());
    return;
  }
  std::string text;
  google::protobuf::TextFormat::PrintToString(*parsed, &text);
  std::fwrite(text.data(), 1, text.size(), stdout);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parse_dump DIR [DIR...]\n");
    return 2;
  }
  std::vector<std::filesystem::path> files;
  for (int a = 1; a < argc; ++a) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[a])) {
      if (!entry.is_regular_file()) continue;
      const std::string extension = entry.path().extension().string();
      if (extension == ".txt" || extension == ".htm" || extension == ".html" ||
          extension == ".json" || extension == ".jsonl") {
        files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  for (const std::filesystem::path& file : files) {
    const std::string content = ReadFile(file);
    DumpOne(file.string(), content, v1::CONTENT_TYPE_UNSPECIFIED);
    const std::string extension = file.extension().string();
    if (extension != ".txt") continue;
    DumpOne(file.string() + " (CRLF)", absl::StrReplaceAll(content, {{"\n", "\r\n"}}),
            v1::CONTENT_TYPE_UNSPECIFIED);
    const std::string html =
        "<html><head><title>T</title></head><body><pre>" +
        absl::StrReplaceAll(content, {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}}) + "</pre><p>" +
        absl::StrReplaceAll(content, {{"&", "&amp;"}, {"<", "&lt;"}, {"\n\n", "<p>"}}) +
        "</body></html>";
    DumpOne(file.string() + " (HTML)", html, v1::CONTENT_TYPE_HTML);
  }
  return 0;
}

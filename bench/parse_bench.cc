// Parse throughput, one thread, in process: MB/s and documents/s for the
// whole of ParseRawDocument and for each of its stages, best of 3 rounds of
// the thread's CPU time.
//
//   parse_bench DIR [DIR...]     every *.txt, *.htm(l) file under each DIR
//
// Stages, run in the order ParseRawDocument runs them over the same inputs
// (each stage's time is measured alone; MB/s is always input bytes over
// that time, so the stages' rates combine like resistances in parallel):
//   decode       bytes -> UTF-8 (DecodeToUtf8) and mojibake repair
//   normalize    NFC, line ends, control characters (NormalizeText)
//   structure    head, title, type, dates, body, line roles (ReadLayout)
//   glued words  spaces put back in glued words of the title and
//                paragraphs (GluedWordSeparator)
//   language     CLD2 and the stop-word vote (DetectLanguage)
//   entities     ExtractEntities over title and paragraphs
//   fingerprint  shingles, SimHash, MinHash over the body
//   total        ParseRawDocument (includes id, hash and copying)
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/service_allocator.h"
#include "common/text_fingerprint.h"
#include "ingest_service/parser/document_parser.h"
#include "ingest_service/parser/encoding.h"
#include "ingest_service/parser/entity_extractor.h"
#include "ingest_service/parser/glued_words.h"
#include "ingest_service/parser/language_detector.h"
#include "ingest_service/parser/layout_reader.h"
#include "ingest_service/parser/mojibake.h"
#include "ingest_service/parser/text_normalizer.h"

namespace {

using docsearch::ingest::ParseOptions;
namespace v1 = docsearch::v1;

struct Input {
  std::string path;
  std::string bytes;
};

std::vector<Input> ReadInputs(const std::vector<std::string>& roots) {
  std::vector<Input> inputs;
  for (const std::string& root : roots) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file()) continue;
      const std::string extension = entry.path().extension().string();
      if (extension != ".txt" && extension != ".htm" && extension != ".html") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      inputs.push_back({entry.path().string(), buffer.str()});
    }
  }
  std::sort(inputs.begin(), inputs.end(),
            [](const Input& a, const Input& b) { return a.path < b.path; });
  return inputs;
}

// The calling thread's CPU time in seconds. CPU time rather than wall time:
// on a shared machine other processes stretch the wall clock several times
// over, while the parse's own CPU time moves much less.
double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// Best of 3 rounds of `round`, in seconds of the thread's CPU time.
double BestOf3(const std::function<void()>& round) {
  double best = 1e30;
  for (int r = 0; r < 3; ++r) {
    const double start = ThreadCpuSeconds();
    round();
    best = std::min(best, ThreadCpuSeconds() - start);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parse_bench DIR [DIR...]\n");
    return 2;
  }
  // The allocator as ingest_service runs it (tcmalloc in a release build).
  docsearch::ConfigureServiceAllocator(docsearch::FreeMemoryRelease::kGradually);
  const std::vector<Input> inputs = ReadInputs(std::vector<std::string>(argv + 1, argv + argc));
  size_t total_bytes = 0;
  for (const Input& input : inputs) total_bytes += input.bytes.size();
  if (inputs.empty()) {
    std::fprintf(stderr, "no .txt/.htm/.html files found\n");
    return 2;
  }

  // Each stage's inputs are the previous stage's outputs, prepared once.
  std::vector<std::string> decoded(inputs.size());
  std::vector<std::string> normalized(inputs.size());
  std::vector<v1::ParseDocumentResponse> structured(inputs.size());
  std::vector<std::string> visible(inputs.size());
  std::vector<std::string> bodies(inputs.size());
  long sink = 0;

  struct Row {
    std::string stage;
    double seconds;
  };
  std::vector<Row> rows;
  rows.push_back({"decode", BestOf3([&] {
                    for (size_t i = 0; i < inputs.size(); ++i) {
                      decoded[i] = docsearch::ingest::RepairMojibake(
                                       docsearch::ingest::DecodeToUtf8(inputs[i].bytes).utf8)
                                       .text;
                    }
                  })});
  rows.push_back({"normalize", BestOf3([&] {
                    for (size_t i = 0; i < inputs.size(); ++i) {
                      normalized[i] = docsearch::ingest::NormalizeText(decoded[i]).text;
                    }
                  })});
  rows.push_back({"structure", BestOf3([&] {
                    for (size_t i = 0; i < inputs.size(); ++i) {
                      structured[i].Clear();
                      docsearch::ingest::ReadLayout(normalized[i], inputs[i].path, {},
                                                    &structured[i]);
                    }
                  })});
  for (size_t i = 0; i < inputs.size(); ++i) {
    const v1::Document& document = structured[i].document();
    for (const v1::Paragraph& paragraph : document.paragraphs()) {
      absl::StrAppend(&bodies[i], paragraph.text(), "\n");
    }
    visible[i] = absl::StrCat(document.title(), "\n", document.subtitle(), "\n", bodies[i]);
  }
  rows.push_back({"glued words", BestOf3([&] {
                    for (size_t i = 0; i < inputs.size(); ++i) {
                      const v1::Document& document = structured[i].document();
                      docsearch::ingest::GluedWordSeparator separator(normalized[i]);
                      sink += separator.Separate(document.title()).separated;
                      for (const v1::Paragraph& paragraph : document.paragraphs()) {
                        sink += separator.Separate(paragraph.text()).separated;
                      }
                    }
                  })});
  rows.push_back({"language", BestOf3([&] {
                    for (size_t i = 0; i < inputs.size(); ++i) {
                      sink += static_cast<long>(docsearch::ingest::DetectLanguage(
                                                    normalized[i], structured[i].document().title())
                                                    .language.size());
                    }
                  })});
  rows.push_back({"entities", BestOf3([&] {
                    for (size_t i = 0; i < inputs.size(); ++i) {
                      sink +=
                          static_cast<long>(docsearch::ingest::ExtractEntities(visible[i]).size());
                    }
                  })});
  rows.push_back({"fingerprint", BestOf3([&] {
                    for (size_t i = 0; i < inputs.size(); ++i) {
                      sink += static_cast<long>(
                          docsearch::ComputeTextFingerprint(bodies[i]).simhash() & 1);
                    }
                  })});
  rows.push_back({"total (ParseRawDocument)", BestOf3([&] {
                    for (const Input& input : inputs) {
                      v1::RawDocument raw;
                      raw.set_content(input.bytes);
                      raw.set_source_uri(input.path);
                      sink += docsearch::ingest::ParseRawDocument(raw, ParseOptions{}).ok() ? 1 : 0;
                    }
                  })});

  std::printf("%zu documents, %.2f MB, one thread, CPU time, best of 3 rounds, %s\n\n",
              inputs.size(), total_bytes / 1e6,
              std::string(docsearch::ServiceAllocatorName()).c_str());
  std::printf("%-26s %10s %10s %12s\n", "stage", "ms", "MB/s", "documents/s");
  for (const Row& row : rows) {
    std::printf("%-26s %10.1f %10.1f %12.0f\n", row.stage.c_str(), row.seconds * 1e3,
                total_bytes / 1e6 / row.seconds, inputs.size() / row.seconds);
  }
  return sink == -1 ? 1 : 0;
}

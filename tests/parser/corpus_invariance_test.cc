// The same document must parse the same whatever its wrapping: each
// development-corpus document is also fed as Windows-1252 with CRLF line ends,
// and as an HTML page (lines as <br>, blank lines as paragraphs, special
// characters escaped), and the typed fields must not change. Skips when the
// corpus is absent.
#include <unicode/ucnv.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"

namespace docsearch::ingest {
namespace {

const std::string kDocs = std::string(DOCSEARCH_SHARED_CORPUS) + "/nato-dev/docs";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// UTF-8 to windows-1252; false when a character has no windows-1252 form.
bool ToWindows1252(const std::string& utf8, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  out->assign(utf8.size() * 2 + 16, '\0');
  UConverter* converter = ucnv_open("windows-1252", &status);
  ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_close(converter);
  status = U_ZERO_ERROR;
  const int32_t length =
      ucnv_convert("windows-1252", "UTF-8", out->data(), static_cast<int32_t>(out->size()),
                   utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) return false;
  out->resize(length);
  // ucnv_convert substitutes unmappable characters with 0x1A.
  return out->find('\x1A') == std::string::npos;
}

std::string AsHtmlPage(const std::string& text) {
  std::string html = "<html><head><meta charset=\"utf-8\"></head><body><p>";
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (absl::StripAsciiWhitespace(line).empty()) {
      html += "</p>\n<p>";
      continue;
    }
    html += absl::StrReplaceAll(line, {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}});
    html += "<br>\n";
  }
  return html + "</p></body></html>";
}

v1::Document ParseAs(const std::string& content, v1::ContentType type) {
  v1::RawDocument raw;
  raw.set_content(content);
  raw.set_content_type(type);
  absl::StatusOr<v1::ParseDocumentResponse> parsed = ParseRawDocument(raw, {});
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return parsed.ok() ? parsed->document() : v1::Document();
}

void ExpectSameFields(const v1::Document& want, const v1::Document& got, const std::string& what) {
  EXPECT_EQ(want.doc_type(), got.doc_type()) << what;
  EXPECT_EQ(want.title(), got.title()) << what;
  EXPECT_EQ(want.published().DebugString(), got.published().DebugString()) << what;
  EXPECT_EQ(want.updated().seconds(), got.updated().seconds()) << what;
  EXPECT_EQ(want.reference(), got.reference()) << what;
  EXPECT_EQ(want.language(), got.language()) << what;
}

TEST(CorpusInvariance, Windows1252AndCrlfParseLikeUtf8) {
  if (!std::filesystem::exists(kDocs)) GTEST_SKIP() << "development corpus not found at " << kDocs;
  int compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kDocs)) {
    const std::string utf8 = ReadFile(entry.path().string());
    std::string legacy;
    if (!ToWindows1252(absl::StrReplaceAll(utf8, {{"\n", "\r\n"}}), &legacy)) continue;
    ++compared;
    ExpectSameFields(ParseAs(utf8, v1::CONTENT_TYPE_TEXT), ParseAs(legacy, v1::CONTENT_TYPE_TEXT),
                     entry.path().filename().string() + " as windows-1252 + CRLF");
  }
  EXPECT_GT(compared, 50);
}

TEST(CorpusInvariance, AsHtmlPagesParseLikeText) {
  if (!std::filesystem::exists(kDocs)) GTEST_SKIP() << "development corpus not found at " << kDocs;
  for (const auto& entry : std::filesystem::directory_iterator(kDocs)) {
    const std::string text = ReadFile(entry.path().string());
    ExpectSameFields(ParseAs(text, v1::CONTENT_TYPE_TEXT),
                     ParseAs(AsHtmlPage(text), v1::CONTENT_TYPE_UNSPECIFIED),
                     entry.path().filename().string() + " as HTML");
  }
}

}  // namespace
}  // namespace docsearch::ingest

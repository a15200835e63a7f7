// The raw bytes kept with a document (Document.raw) and the RawDocument
// they give back; the parser option a re-parse is tested with.
#include "ingest_service/kept_raw.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"

namespace docsearch::ingest {
namespace {

using ::testing::HasSubstr;

v1::RawDocument Raw(const std::string& content) {
  v1::RawDocument raw;
  raw.set_content(content);
  raw.set_content_type(v1::CONTENT_TYPE_HTML);
  raw.set_source_uri("https://www.nato.int/docu/pr/2001/p01-171e.htm");
  raw.set_id("caller-id");
  return raw;
}

TEST(KeptRaw, GivesBackTheBytesAndHintsTheCallerSentUnderTheStoredId) {
  std::string content;
  for (int i = 0; i < 200; ++i) absl::StrAppend(&content, "<p>Paragraph ", i, " \xe9t\xe9</p>\n");
  const v1::KeptRaw kept = KeepRaw(Raw(content));
  EXPECT_EQ(kept.content_bytes(), static_cast<int64_t>(content.size()));
  EXPECT_LT(kept.zstd_content().size(), content.size() / 4);  // Compressed.
  EXPECT_EQ(kept.content_type(), "CONTENT_TYPE_HTML");

  absl::StatusOr<v1::RawDocument> back = RawDocumentFromKept(kept, "stored-id", 1 << 20);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->content(), content);  // Byte for byte, Latin-1 included.
  EXPECT_EQ(back->content_type(), v1::CONTENT_TYPE_HTML);
  EXPECT_EQ(back->source_uri(), "https://www.nato.int/docu/pr/2001/p01-171e.htm");
  EXPECT_EQ(back->id(), "stored-id");
}

TEST(KeptRaw, LeavesAnUnspecifiedContentTypeToDetection) {
  v1::RawDocument raw = Raw("Updated: 07-Dec-2001 NATO Press Statement");
  raw.set_content_type(v1::CONTENT_TYPE_UNSPECIFIED);
  const v1::KeptRaw kept = KeepRaw(raw);
  EXPECT_EQ(kept.content_type(), "");
  absl::StatusOr<v1::RawDocument> back = RawDocumentFromKept(kept, "x", 1 << 20);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->content_type(), v1::CONTENT_TYPE_UNSPECIFIED);
}

TEST(KeptRaw, RefusesContentOverTheLimitAndDamagedFrames) {
  const v1::KeptRaw kept = KeepRaw(Raw(std::string(5000, 'a')));
  absl::StatusOr<v1::RawDocument> too_big = RawDocumentFromKept(kept, "x", 4999);
  EXPECT_EQ(too_big.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(too_big.status().message(), HasSubstr("raw.zstd_content"));

  v1::KeptRaw damaged = kept;
  damaged.set_zstd_content(kept.zstd_content().substr(0, kept.zstd_content().size() / 2));
  EXPECT_EQ(RawDocumentFromKept(damaged, "x", 1 << 20).status().code(),
            absl::StatusCode::kDataLoss);
  damaged.set_zstd_content("not a frame at all");
  EXPECT_EQ(RawDocumentFromKept(damaged, "x", 1 << 20).status().code(),
            absl::StatusCode::kDataLoss);

  v1::KeptRaw unknown_type = kept;
  unknown_type.set_content_type("CONTENT_TYPE_PDF");
  absl::StatusOr<v1::RawDocument> refused = RawDocumentFromKept(unknown_type, "x", 1 << 20);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(refused.status().message(), HasSubstr("raw.content_type"));
}

TEST(TitleFromHtmlTitle, OffLeavesAPageWithoutATitleLineUntitled) {
  const std::string page =
      "<html><head><title>Online Library Home</title></head><body><p>The committee met to "
      "review the progress made on the common programme of work and agreed that further "
      "effort is needed over the coming months.</p></body></html>";
  ParseOptions options;
  absl::StatusOr<v1::ParseDocumentResponse> on = ParseRawDocument(Raw(page), options);
  ASSERT_TRUE(on.ok()) << on.status();
  EXPECT_EQ(on->document().title(), "Online Library Home");
  options.title_from_html_title = false;
  absl::StatusOr<v1::ParseDocumentResponse> off = ParseRawDocument(Raw(page), options);
  ASSERT_TRUE(off.ok()) << off.status();
  EXPECT_EQ(off->document().title(), "");
  bool no_title_warning = false;
  for (const auto& warning : off->document().warnings()) {
    no_title_warning = no_title_warning || warning.code() == "no_title";
  }
  EXPECT_TRUE(no_title_warning);
  EXPECT_EQ(off->document().content_hash(), on->document().content_hash());
}

}  // namespace
}  // namespace docsearch::ingest

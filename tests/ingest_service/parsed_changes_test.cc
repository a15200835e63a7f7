// Which fields a re-parse changed (what Reparse counts and what decides a
// rewrite).
#include "ingest_service/parsed_changes.h"

#include "common/text_fingerprint.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

v1::Document Parsed() {
  v1::Document document;
  document.set_id("p01-171e");
  document.set_title("Statement by the NATO-Russia Council");
  document.set_language("en");
  document.set_content_hash("abc");
  document.add_paragraphs()->set_text("First paragraph.");
  document.add_paragraphs()->set_text("Second paragraph.");
  (*document.mutable_attributes())["source"].set_keyword_value("archive");
  document.add_warnings()->set_code("no_doc_type");
  return document;
}

TEST(ChangedFields, NoneForTheSameParse) {
  EXPECT_THAT(ChangedFields(Parsed(), Parsed()), IsEmpty());
}

TEST(ChangedFields, IgnoresWhatTheParserDoesNotMake) {
  v1::Document stored = Parsed();
  stored.mutable_ingested_at()->set_seconds(1000);
  stored.mutable_raw()->set_zstd_content("frame");
  v1::Document reparsed = Parsed();
  reparsed.set_id("another-id");
  EXPECT_THAT(ChangedFields(stored, reparsed), IsEmpty());
}

TEST(ChangedFields, NamesEachChangedFieldOnceInDeclarationOrder) {
  v1::Document reparsed = Parsed();
  reparsed.add_warnings()->set_code("no_title");
  reparsed.mutable_paragraphs(1)->set_text("Second paragraph, re-joined.");
  reparsed.add_paragraphs()->set_text("Third paragraph.");
  reparsed.set_title("");
  (*reparsed.mutable_attributes())["source"].set_keyword_value("site");
  reparsed.mutable_published()->set_year(2001);
  EXPECT_THAT(ChangedFields(Parsed(), reparsed),
              ElementsAre("title", "published", "paragraphs", "attributes", "warnings"));
}

TEST(ChangedFields, SeesParagraphsInAnotherOrder) {
  v1::Document reparsed = Parsed();
  reparsed.mutable_paragraphs()->SwapElements(0, 1);
  EXPECT_THAT(ChangedFields(Parsed(), reparsed), ElementsAre("paragraphs"));
}

// The query service keeps 16 bits of each MinHash value: the stored
// fingerprint of an unchanged parse must not read as changed, and a change
// in the kept bits or the SimHash must.
TEST(ChangedFields, ComparesFingerprintsOnTheBitsTheQueryServiceKeeps) {
  v1::Document reparsed = Parsed();
  reparsed.mutable_fingerprint()->set_simhash(0x1234);
  for (uint64_t value : {0x0102030405060708ull, 0xfffffffffffff000ull}) {
    reparsed.mutable_fingerprint()->add_minhash(value);
  }
  v1::Document stored = Parsed();
  *stored.mutable_fingerprint() = WithKeptMinHashBits(reparsed.fingerprint());
  ASSERT_NE(stored.fingerprint().minhash(0), reparsed.fingerprint().minhash(0));
  EXPECT_THAT(ChangedFields(stored, reparsed), IsEmpty());

  v1::Document low_bits_changed = reparsed;
  low_bits_changed.mutable_fingerprint()->set_minhash(1, 0xfffffffffffff001ull);
  EXPECT_THAT(ChangedFields(stored, low_bits_changed), ElementsAre("fingerprint"));
  v1::Document simhash_changed = reparsed;
  simhash_changed.mutable_fingerprint()->set_simhash(0x1235);
  EXPECT_THAT(ChangedFields(stored, simhash_changed), ElementsAre("fingerprint"));
  EXPECT_THAT(ChangedFields(Parsed(), reparsed), ElementsAre("fingerprint"));
}

}  // namespace
}  // namespace docsearch::ingest

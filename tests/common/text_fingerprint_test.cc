// The one text fingerprint: stable values (stored fingerprints stay
// comparable), near texts close, far texts apart, and only a document's
// paragraphs count.
#include "common/text_fingerprint.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace docsearch {
namespace {

using docsearch::v1::Fingerprint;

constexpr char kStatement[] =
    "We condemn terrorism in all its manifestations. We reiterate our deepest sympathies to the "
    "victims, and their families, of the September 11 and other terrorist attacks.";

// Fingerprints are stored in the write-ahead log and in snapshots; the query
// service compares them with fingerprints it computes now. These values are
// the ones the ingest parser computed before the scheme moved to common/
// (ingest_service/parser/fingerprint.cc): if they change, every stored
// fingerprint silently stops matching new ones.
TEST(TextFingerprint, KeepsTheValuesStoredFingerprintsHave) {
  const Fingerprint folded = ComputeTextFingerprint(
      "Heads of State and Government of the North Atlantic Alliance met in Brussels.\n"
      "They welcomed the d\xC3\xA9"
      "cembre accord \xE2\x80\x94 \xE2\x80\x9C"
      "a new chapter\xE2\x80\x9D \xE2\x80\xA6 for co-operation.\n");
  EXPECT_EQ(folded.simhash(), 0x1a568c1345f4005cULL);
  ASSERT_EQ(folded.minhash_size(), kMinHashSize);
  EXPECT_EQ(folded.minhash(0), 0x066bfcc5fcf42b61ULL);
  EXPECT_EQ(folded.minhash(1), 0x083d924c66a90293ULL);
  EXPECT_EQ(folded.minhash(2), 0x01957ca7a9728d69ULL);
  EXPECT_EQ(folded.minhash(3), 0x1212e66675876c9dULL);
  EXPECT_EQ(folded.minhash(63), 0x0409812ecb284d8eULL);

  const Fingerprint short_text = ComputeTextFingerprint("two words");
  EXPECT_EQ(short_text.simhash(), 0xc6a748cef3b57855ULL);
  ASSERT_EQ(short_text.minhash_size(), kMinHashSize);
  EXPECT_EQ(short_text.minhash(0), 0x2c67ce596d1ec0b2ULL);
  EXPECT_EQ(short_text.minhash(63), 0x2a4aa90db5e09137ULL);
}

// The scheme's definition, computed the plain way: SimHash bit b set when
// more shingle hashes have it than not, MinHash value k the least
// SplitMix64(hash ^ SplitMix64(k + 1)).
uint64_t ReferenceSplitMix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

Fingerprint ReferenceFingerprint(const std::vector<uint64_t>& hashes) {
  Fingerprint fingerprint;
  int64_t weights[64] = {};
  std::vector<uint64_t> minimums(kMinHashSize, ~uint64_t{0});
  for (uint64_t hash : hashes) {
    for (int bit = 0; bit < 64; ++bit) weights[bit] += ((hash >> bit) & 1) != 0 ? 1 : -1;
    for (int k = 0; k < kMinHashSize; ++k) {
      minimums[k] = std::min(minimums[k], ReferenceSplitMix64(hash ^ ReferenceSplitMix64(k + 1)));
    }
  }
  uint64_t simhash = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (weights[bit] > 0) simhash |= uint64_t{1} << bit;
  }
  fingerprint.set_simhash(simhash);
  for (uint64_t minimum : minimums) fingerprint.add_minhash(minimum);
  return fingerprint;
}

// A long text (thousands of shingles, some repeated, words one space apart
// or separated by punctuation and line ends) has the fingerprint of its
// shingles by the definition, and punctuation between words changes no
// shingle.
TEST(TextFingerprint, FollowsTheDefinitionOnLongTexts) {
  std::string spaced;
  std::string punctuated;
  for (int i = 0; i < 3000; ++i) {
    const std::string word = "w" + std::to_string((i * 7919) % 1201);
    spaced += word + " ";
    punctuated += word + (i % 5 == 0 ? ", " : i % 11 == 0 ? ".\n" : i % 13 == 0 ? "  " : " ");
  }
  const std::vector<uint64_t> hashes = ShingleHashes(spaced);
  ASSERT_EQ(hashes.size(), 2998u);
  EXPECT_EQ(ShingleHashes(punctuated), hashes);
  EXPECT_LT(ShingleSet(spaced).size(), hashes.size()) << "the text should repeat shingles";

  const Fingerprint expected = ReferenceFingerprint(hashes);
  const Fingerprint actual = ComputeTextFingerprint(punctuated);
  EXPECT_EQ(actual.simhash(), expected.simhash());
  ASSERT_EQ(actual.minhash_size(), kMinHashSize);
  for (int k = 0; k < kMinHashSize; ++k) EXPECT_EQ(actual.minhash(k), expected.minhash(k)) << k;
  // Few shingles (under a SimHash counter's 255) as well.
  const std::vector<uint64_t> few(hashes.begin(), hashes.begin() + 40);
  EXPECT_EQ(FingerprintOfShingles(few).simhash(), ReferenceFingerprint(few).simhash());
}

TEST(TextFingerprint, IsEqualForEqualTextsAndCloseForNearDuplicates) {
  const std::string body = kStatement;
  const Fingerprint a = ComputeTextFingerprint(body);
  const Fingerprint b = ComputeTextFingerprint(body);
  EXPECT_EQ(a.simhash(), b.simhash());
  EXPECT_EQ(MinHashResemblance(a, b), 1.0);
  ASSERT_TRUE(HasMinHash(a));
  const Fingerprint near = ComputeTextFingerprint(body + " We fully support the UN.");
  const Fingerprint far = ComputeTextFingerprint(
      "The North Atlantic Council will visit the Balkans between 17 and 19 July to review the "
      "situation on the ground and meet the commanders.");
  EXPECT_GT(MinHashResemblance(a, near), 0.5);
  EXPECT_LT(MinHashResemblance(a, far), 0.125);
  EXPECT_LT(SimHashDistance(a.simhash(), near.simhash()),
            SimHashDistance(a.simhash(), far.simhash()));
}

TEST(TextFingerprint, FoldsCaseAccentsAndPunctuationAway) {
  const Fingerprint plain = ComputeTextFingerprint("the decembre accord - a new chapter");
  const Fingerprint typeset = ComputeTextFingerprint(
      "The D\xC3\xA9"
      "cembre Accord \xE2\x80\x94 \xE2\x80\x9C"
      "a new chapter\xE2\x80\x9D");
  EXPECT_EQ(plain.simhash(), typeset.simhash());
  EXPECT_EQ(MinHashResemblance(plain, typeset), 1.0);
}

TEST(TextFingerprint, MinHashEstimatesTheShingleJaccard) {
  const std::string a = kStatement;
  const std::string b = a + " We fully support UN Security Council Resolutions 1368 and 1373.";
  const double jaccard = ShingleJaccard(ShingleSet(a), ShingleSet(b));
  EXPECT_GT(jaccard, 0.4);
  EXPECT_LT(jaccard, 0.9);
  EXPECT_NEAR(MinHashResemblance(ComputeTextFingerprint(a), ComputeTextFingerprint(b)), jaccard,
              0.2);
  EXPECT_EQ(ShingleJaccard(ShingleSet(a), ShingleSet(a)), 1.0);
  EXPECT_EQ(ShingleJaccard({}, {}), 1.0);
}

TEST(TextFingerprint, IsEmptyForATextWithoutWords) {
  const Fingerprint empty = ComputeTextFingerprint("  ... ");
  EXPECT_EQ(empty.simhash(), 0u);
  EXPECT_EQ(empty.minhash_size(), 0);
  EXPECT_FALSE(HasMinHash(empty));
  EXPECT_EQ(MinHashResemblance(empty, empty), 0);
}

// The query service keeps 16 bits of each MinHash value: a fingerprint cut
// so must compare with the full one as the same text, and two texts must
// resemble each other as much with cut values as with full ones.
TEST(TextFingerprint, ComparesOnTheKeptBitsOfEachMinHashValue) {
  const Fingerprint full = ComputeTextFingerprint(kStatement);
  const Fingerprint kept = WithKeptMinHashBits(full);
  EXPECT_NE(kept.minhash(0), full.minhash(0)) << "the pinned values use more than 16 bits";
  EXPECT_EQ(MinHashResemblance(full, kept), 1.0);

  const Fingerprint other = ComputeTextFingerprint(
      "The North Atlantic Council condemns the attacks and will meet again on Friday to "
      "discuss the situation with its partners.");
  const Fingerprint other_kept = WithKeptMinHashBits(other);
  EXPECT_EQ(MinHashResemblance(kept, other_kept), MinHashResemblance(full, other));
  EXPECT_EQ(MinHashResemblance(full, other_kept), MinHashResemblance(full, other));

  // Only the low bits count: a value changed above them still agrees, one
  // changed in them does not.
  Fingerprint high_changed = full;
  high_changed.set_minhash(0, full.minhash(0) ^ (uint64_t{1} << 40));
  EXPECT_EQ(MinHashResemblance(full, high_changed), 1.0);
  Fingerprint low_changed = full;
  low_changed.set_minhash(0, full.minhash(0) ^ 1);
  EXPECT_EQ(MinHashResemblance(full, low_changed), 63.0 / 64);
}

TEST(FingerprintedText, IsTheParagraphsOnlySoAnotherHeaderChangesNothing) {
  docsearch::v1::Document original;
  original.set_title("Statement on terrorism");
  original.add_paragraphs()->set_text(kStatement);
  original.add_paragraphs()->set_text("Issued in Brussels.");
  original.add_footnotes()->set_text("1. See the communique of 12 September.");
  docsearch::v1::Document republished = original;
  republished.set_title("Statement on terrorism (updated)");
  republished.set_subtitle("Republished 15 January 2002");
  republished.mutable_footnotes(0)->set_text("1. A different note.");

  EXPECT_EQ(FingerprintedText(original), std::string(kStatement) + "\nIssued in Brussels.\n");
  EXPECT_EQ(FingerprintedText(original), FingerprintedText(republished));
  const Fingerprint a = ComputeTextFingerprint(FingerprintedText(original));
  const Fingerprint b = ComputeTextFingerprint(FingerprintedText(republished));
  EXPECT_EQ(a.simhash(), b.simhash());
  EXPECT_EQ(MinHashResemblance(a, b), 1.0);
}

}  // namespace
}  // namespace docsearch

// Line features as integer ids (line_features.h).
//
// Every feature the parser can compute from a closed set of values (the
// line's position, length and word-count buckets, its neighbours' length,
// its shape flags, each detector's vote as "vote=", "prev:" and "next:") has
// a fixed id, numbered here at compile time, so that computing and scoring a
// line's features builds no string and hashes none. The rest are "open"
// features, a prefix and a key: the line's words ("first_word=W", "word=W"),
// a vote whose reason this table does not list (a new drop reason of the
// rule cascade), and any other name a weights file or a test spells.
//
// The names are those of the weights file (line_role_weights.txt): each id
// has one name, and ParseFeatureName gives back the id or the open key of a
// name, so the file stays readable and the trainer still works with names.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_LINE_FEATURE_IDS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_LINE_FEATURE_IDS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// What the parser's detectors say about a line (line_features.cc, Votes).
enum class Vote : uint8_t {
  // BoilerplateReason's reasons, as "furniture_<reason>".
  kFurnitureContact,
  kFurnitureSite,
  kFurnitureNavigation,
  kFurnitureNotice,
  kFurnitureEditorial,
  kFurniturePressOffice,
  kFurnitureLogo,
  kFurnitureLayout,
  kFurniturePhoneFax,
  kFurnitureBracketed,
  kFurnitureMediaLink,
  kFurnitureAddress,
  kUpdatedHeader,
  kDateLine,
  kHasDate,
  kReference,
  kTypeLabel,
  kTypeLabelPrefix,
  kTitleNamesType,
  kByline,
  kSalutation,
  kSidebarItem,
  kPressOffice,
  kInstitutionName,
  kMenu,
  kSubtitleOpener,
  kBullet,
  kNumbered,
  kTitleCase,
  kAllCaps,
  kLowerStart,
  kSentence,
  kShortSentenceEnd,
  kShort,
  kLong,
  // What the rule cascade made of the line, as "fate_<fate>".
  kFateTitle,
  kFateSubtitle,
  kFateKept,
  // The cascade's drop reasons, as "fate_dropped_<reason>".
  kFateDroppedSite,
  kFateDroppedNavigation,
  kFateDroppedCaption,
  kFateDroppedSidebar,
  kFateDroppedContact,
  kFateDroppedNotice,
  kFateDroppedEditorial,
  kFateDroppedPressOffice,
  kFateDroppedLogo,
  kFateDroppedLayout,
  kFateDroppedPhoneFax,
  kFateDroppedBracketed,
  kFateDroppedMediaLink,
  kFateDroppedAddress,
  kFateDroppedDateLine,
  kFateDroppedDate,
  kFateDroppedReference,
  kFateDroppedHeader,
  kFateDroppedTypeLabel,
  kFateDroppedPlace,
  kFateDroppedFragment,
  kFateDroppedByline,
  kFateDroppedHead,
  kFateDroppedFurniture,
};
inline constexpr size_t kVoteCount = static_cast<size_t>(Vote::kFateDroppedFurniture) + 1;

// "date_line", "furniture_site", "fate_dropped_head", ...
absl::string_view VoteName(Vote vote);
// The vote "furniture_<reason>", when the table lists the reason.
std::optional<Vote> FurnitureVote(absl::string_view reason);
// The vote "fate_<fate>" ("title", "kept", "dropped_site", ...), when listed.
std::optional<Vote> FateVote(absl::string_view fate);

using FeatureId = uint16_t;

// The fixed ids. Buckets and votes are numbered from their base.
namespace feature {
inline constexpr size_t kPosBuckets = 12;     // "pos=0" .. "pos=80+"
inline constexpr size_t kLenBuckets = 7;      // "len=0-4" .. "len=160+"
inline constexpr size_t kWordsBuckets = 7;    // "words=0-1" .. "words=21+"
inline constexpr size_t kOffsets = 9;         // "to_date=none", "at", "+1", ... "-6+"
inline constexpr size_t kOffsetAt = 1;        // "at": the landmark line itself
inline constexpr size_t kLengthCompares = 3;  // "longer", "shorter", "similar"

enum : FeatureId {
  kBias,
  kPos,
  kLen = kPos + kPosBuckets,
  kWords = kLen + kLenBuckets,
  kToDate = kWords + kWordsBuckets,
  kToProse = kToDate + kOffsets,
  kLenVsPrev = kToProse + kOffsets,
  kLenVsNext = kLenVsPrev + kLengthCompares,
  kGluedWords = kLenVsNext + kLengthCompares,
  kBlankBefore,
  kBlankAfter,
  kPrevNone,
  kNextNone,
  kEndsColon,
  kEndsComma,
  kEndsFunctionWord,
  kHasPipe,
  kHasUrl,
  kHasAt,
  kSizeOrFile,
  kOpensBracket,
  kOpensQuote,
  kMostlyDigits,
  kRepeated,
  kRepeated3,
  kAfterDateLine,
  kAfterTypeLabel,
  kFirstTitleCase,
  kVote,                       // "vote=V", by Vote
  kPrev = kVote + kVoteCount,  // "prev:V"
  kNext = kPrev + kVoteCount,  // "next:V"
  kFixedCount = kNext + kVoteCount,
};
}  // namespace feature

inline constexpr FeatureId VoteFeature(Vote vote) {
  return static_cast<FeatureId>(feature::kVote + static_cast<size_t>(vote));
}

// Length buckets and offsets, as ComputeLineFeatures numbers them.
size_t PosBucket(size_t k);
size_t LenBucket(size_t length);
size_t WordsBucket(size_t words);

// The prefix of an open feature; its name is the prefix and the key.
enum class OpenKind : uint8_t { kVote, kPrev, kNext, kFirstWord, kWord, kOther };
inline constexpr size_t kOpenKindCount = 6;
absl::string_view OpenPrefix(OpenKind kind);  // "vote=", ..., "word=", ""

// The name of a fixed id ("pos=6-7", "vote=date_line", "next:menu").
absl::string_view FixedFeatureName(FeatureId id);

// A feature name as the scorer files it: a fixed id, or an open kind and
// key (a view into the name).
struct FeatureKey {
  std::optional<FeatureId> id;
  OpenKind kind = OpenKind::kOther;
  absl::string_view key;
};
FeatureKey ParseFeatureName(absl::string_view name);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_LINE_FEATURE_IDS_H_

#include "ingest_service/parser/line_feature_ids.h"

#include <array>
#include <initializer_list>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace docsearch::ingest {
namespace {

constexpr absl::string_view kVoteNames[kVoteCount] = {
    "furniture_contact",
    "furniture_site",
    "furniture_navigation",
    "furniture_notice",
    "furniture_editorial",
    "furniture_press_office",
    "furniture_logo",
    "furniture_layout",
    "furniture_phone_fax",
    "furniture_bracketed",
    "furniture_media_link",
    "furniture_address",
    "updated_header",
    "date_line",
    "has_date",
    "reference",
    "type_label",
    "type_label_prefix",
    "title_names_type",
    "byline",
    "salutation",
    "sidebar_item",
    "press_office",
    "institution_name",
    "menu",
    "subtitle_opener",
    "bullet",
    "numbered",
    "title_case",
    "all_caps",
    "lower_start",
    "sentence",
    "short_sentence_end",
    "short",
    "long",
    "fate_title",
    "fate_subtitle",
    "fate_kept",
    "fate_dropped_site",
    "fate_dropped_navigation",
    "fate_dropped_caption",
    "fate_dropped_sidebar",
    "fate_dropped_contact",
    "fate_dropped_notice",
    "fate_dropped_editorial",
    "fate_dropped_press_office",
    "fate_dropped_logo",
    "fate_dropped_layout",
    "fate_dropped_phone_fax",
    "fate_dropped_bracketed",
    "fate_dropped_media_link",
    "fate_dropped_address",
    "fate_dropped_date_line",
    "fate_dropped_date",
    "fate_dropped_reference",
    "fate_dropped_header",
    "fate_dropped_type_label",
    "fate_dropped_place",
    "fate_dropped_fragment",
    "fate_dropped_byline",
    "fate_dropped_head",
    "fate_dropped_furniture",
};

constexpr size_t kPosBounds[] = {1, 2, 3, 4, 5, 6, 8, 12, 20, 40, 80};
constexpr size_t kLenBounds[] = {5, 15, 30, 60, 100, 160};
constexpr size_t kWordsBounds[] = {2, 3, 4, 7, 11, 21};
static_assert(std::size(kPosBounds) + 1 == feature::kPosBuckets);
static_assert(std::size(kLenBounds) + 1 == feature::kLenBuckets);
static_assert(std::size(kWordsBounds) + 1 == feature::kWordsBuckets);

constexpr absl::string_view kOffsetNames[feature::kOffsets] = {"none", "at", "+1",    "+2", "+3+",
                                                               "-1",   "-2", "-3..5", "-6+"};
constexpr absl::string_view kCompareNames[feature::kLengthCompares] = {"longer", "shorter",
                                                                       "similar"};
constexpr absl::string_view kOpenPrefixes[kOpenKindCount] = {
    "vote=", "prev:", "next:", "first_word=", "word=", ""};

template <size_t N>
size_t BucketOf(size_t value, const size_t (&bounds)[N]) {
  size_t bucket = 0;
  while (bucket < N && value >= bounds[bucket]) ++bucket;
  return bucket;
}

// "0", "6-7", "80+": the value range of a bucket.
template <size_t N>
std::string BucketName(size_t bucket, const size_t (&bounds)[N]) {
  const size_t low = bucket == 0 ? 0 : bounds[bucket - 1];
  if (bucket == N) return absl::StrCat(low, "+");
  return low + 1 == bounds[bucket] ? absl::StrCat(low) : absl::StrCat(low, "-", bounds[bucket] - 1);
}

// Every fixed id's name, and the ids by name; built once, then read only.
struct FixedNames {
  std::vector<std::string> names;
  absl::flat_hash_map<std::string, FeatureId> ids;
};

const FixedNames& Fixed() {
  static const FixedNames* const kFixed = [] {
    std::vector<std::string> names(feature::kFixedCount);
    names[feature::kBias] = "bias";
    for (size_t b = 0; b < feature::kPosBuckets; ++b) {
      names[feature::kPos + b] = absl::StrCat("pos=", BucketName(b, kPosBounds));
    }
    for (size_t b = 0; b < feature::kLenBuckets; ++b) {
      names[feature::kLen + b] = absl::StrCat("len=", BucketName(b, kLenBounds));
    }
    for (size_t b = 0; b < feature::kWordsBuckets; ++b) {
      names[feature::kWords + b] = absl::StrCat("words=", BucketName(b, kWordsBounds));
    }
    for (size_t o = 0; o < feature::kOffsets; ++o) {
      names[feature::kToDate + o] = absl::StrCat("to_date=", kOffsetNames[o]);
      names[feature::kToProse + o] = absl::StrCat("to_prose=", kOffsetNames[o]);
    }
    for (size_t c = 0; c < feature::kLengthCompares; ++c) {
      names[feature::kLenVsPrev + c] = absl::StrCat("len_vs_prev=", kCompareNames[c]);
      names[feature::kLenVsNext + c] = absl::StrCat("len_vs_next=", kCompareNames[c]);
    }
    const std::initializer_list<std::pair<FeatureId, absl::string_view>> flags = {
        {feature::kGluedWords, "glued_words"},
        {feature::kBlankBefore, "blank_before"},
        {feature::kBlankAfter, "blank_after"},
        {feature::kPrevNone, "prev:none"},
        {feature::kNextNone, "next:none"},
        {feature::kEndsColon, "ends_colon"},
        {feature::kEndsComma, "ends_comma"},
        {feature::kEndsFunctionWord, "ends_function_word"},
        {feature::kHasPipe, "has_pipe"},
        {feature::kHasUrl, "has_url"},
        {feature::kHasAt, "has_at"},
        {feature::kSizeOrFile, "size_or_file"},
        {feature::kOpensBracket, "opens_bracket"},
        {feature::kOpensQuote, "opens_quote"},
        {feature::kMostlyDigits, "mostly_digits"},
        {feature::kRepeated, "repeated"},
        {feature::kRepeated3, "repeated_3+"},
        {feature::kAfterDateLine, "after_date_line"},
        {feature::kAfterTypeLabel, "after_type_label"},
        {feature::kFirstTitleCase, "first_title_case"},
    };
    for (const auto& [id, name] : flags) names[id] = std::string(name);
    for (size_t v = 0; v < kVoteCount; ++v) {
      names[feature::kVote + v] = absl::StrCat("vote=", kVoteNames[v]);
      names[feature::kPrev + v] = absl::StrCat("prev:", kVoteNames[v]);
      names[feature::kNext + v] = absl::StrCat("next:", kVoteNames[v]);
    }
    auto* fixed = new FixedNames;
    for (size_t id = 0; id < names.size(); ++id) {
      fixed->ids.emplace(names[id], static_cast<FeatureId>(id));
    }
    fixed->names = std::move(names);
    return fixed;
  }();
  return *kFixed;
}

}  // namespace

absl::string_view VoteName(Vote vote) { return kVoteNames[static_cast<size_t>(vote)]; }

std::optional<Vote> FurnitureVote(absl::string_view reason) {
  for (size_t v = 0; v <= static_cast<size_t>(Vote::kFurnitureAddress); ++v) {
    if (kVoteNames[v].substr(10) == reason) return static_cast<Vote>(v);
  }
  return std::nullopt;
}

std::optional<Vote> FateVote(absl::string_view fate) {
  for (size_t v = static_cast<size_t>(Vote::kFateTitle); v < kVoteCount; ++v) {
    if (kVoteNames[v].substr(5) == fate) return static_cast<Vote>(v);
  }
  return std::nullopt;
}

size_t PosBucket(size_t k) { return BucketOf(k, kPosBounds); }
size_t LenBucket(size_t length) { return BucketOf(length, kLenBounds); }
size_t WordsBucket(size_t words) { return BucketOf(words, kWordsBounds); }

absl::string_view OpenPrefix(OpenKind kind) { return kOpenPrefixes[static_cast<size_t>(kind)]; }

absl::string_view FixedFeatureName(FeatureId id) { return Fixed().names[id]; }

FeatureKey ParseFeatureName(absl::string_view name) {
  FeatureKey key;
  if (auto it = Fixed().ids.find(name); it != Fixed().ids.end()) {
    key.id = it->second;
    return key;
  }
  key.key = name;
  for (size_t kind = 0; kind + 1 < kOpenKindCount; ++kind) {
    if (absl::StartsWith(name, kOpenPrefixes[kind])) {
      key.kind = static_cast<OpenKind>(kind);
      key.key = name.substr(kOpenPrefixes[kind].size());
      return key;
    }
  }
  return key;
}

}  // namespace docsearch::ingest

#include "tests/query_service/search/random_index.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"

namespace docsearch::query::testing {
namespace {

const std::vector<std::string>& Vocabulary() {
  static const auto* words = new std::vector<std::string>{
      "bap", "dof", "gim", "kut", "lom", "nir", "pov", "rab", "sul", "tig",
      "vek", "wob", "zan", "hud", "jep", "mak", "fub", "zot", "kip", "dram"};
  return *words;
}

const std::vector<std::string>& Places() {
  static const auto* places =
      new std::vector<std::string>{"Brussels", "Paris", "Rome", "Oslo", "Madrid", "Riga"};
  return *places;
}

uint32_t SeedFromEnvironment() {
  const char* env = std::getenv("DOCSEARCH_RANDOM_SEED");
  const uint32_t seed =
      env != nullptr ? static_cast<uint32_t>(std::strtoul(env, nullptr, 10)) : 20261203;
  std::cout << "random index seed: " << seed << " (DOCSEARCH_RANDOM_SEED)\n";
  return seed;
}

}  // namespace

RandomIndex::RandomIndex(int documents, int seal_every, bool churn)
    : seed_(SeedFromEnvironment()), rng_(seed_) {
  ::testing::Test::RecordProperty("seed", static_cast<int>(seed_));
  for (int i = 0; i < documents; ++i) {
    const bool replace = churn && i > 10 && Uniform(0, 9) == 0;
    Add(absl::StrCat("d", replace ? Uniform(0, i - 1) : i));
    if (churn && Uniform(0, 19) == 0) {
      const std::string id = absl::StrCat("d", Uniform(0, i));
      if (index_.FindDoc(id).has_value()) {
        EXPECT_TRUE(index_.Remove(id, analyzer_).ok());
        for (ModelDoc& doc : docs_) {
          if (doc.document.id() == id) doc.live = false;
        }
      }
    }
    if ((i + 1) % seal_every == 0) {
      std::shared_ptr<const Segment> sealed;
      index_.Seal(sealed);
    }
  }
  EXPECT_GT(index_.segments().size(), 1u);
  for (Field field : {Field::kTitle, Field::kBody}) {
    double live = 0;
    double total = 0;
    for (const ModelDoc& doc : docs_) {
      if (!doc.live) continue;
      ++live;
      total += static_cast<double>(Tokens(doc, field).size());
    }
    average_length_[static_cast<int>(field)] = std::max(1.0, total / live);
  }
}

std::string RandomIndex::Word() {
  std::vector<double> weights;
  for (size_t r = 0; r < Vocabulary().size(); ++r) weights.push_back(1.0 / (r + 1));
  std::discrete_distribution<size_t> pick(weights.begin(), weights.end());
  return Vocabulary()[pick(rng_)];
}

const ModelDoc& RandomIndex::SomeLiveDoc() {
  while (true) {
    const ModelDoc& doc = docs_[Uniform(0, static_cast<int>(docs_.size()) - 1)];
    if (doc.live) return doc;
  }
}

void RandomIndex::Add(const std::string& id) {
  ModelDoc doc;
  auto words = [&](int low, int high) {
    std::vector<std::string> words(Uniform(low, high));
    for (auto& word : words) word = Word();
    return words;
  };
  doc.title = words(1, 4);
  for (int p = Uniform(1, 4); p > 0; --p) doc.paragraphs.push_back(words(2, 30));
  for (const std::string& place : Places()) {
    if (Uniform(0, 2) == 0) doc.places.push_back(place);
  }
  doc.year = Uniform(1995, 2005);
  v1::Document& document = doc.document;
  document.set_id(id);
  document.set_title(absl::StrJoin(doc.title, " "));
  for (const auto& paragraph : doc.paragraphs) {
    document.add_paragraphs()->set_text(absl::StrJoin(paragraph, " "));
  }
  document.set_language("en");
  for (const std::string& place : doc.places) {
    v1::Entity* entity = document.add_entities();
    entity->set_type(v1::ENTITY_TYPE_PLACE);
    entity->set_name(place);
  }
  document.mutable_published()->set_year(doc.year);
  document.mutable_published()->set_month(Uniform(1, 12));
  document.mutable_published()->set_day(Uniform(1, 28));
  ASSERT_TRUE(index_.Add(document, analyzer_).ok());
  for (ModelDoc& earlier : docs_) {
    if (earlier.document.id() == id) earlier.live = false;
  }
  docs_.push_back(std::move(doc));
}

std::vector<std::string> RandomIndex::Tokens(const ModelDoc& doc, Field field) {
  if (field == Field::kTitle) return doc.title;
  std::vector<std::string> tokens;
  for (const auto& paragraph : doc.paragraphs) {
    tokens.insert(tokens.end(), paragraph.begin(), paragraph.end());
  }
  return tokens;
}

double RandomIndex::Idf(Field field, const std::string& word) const {
  auto cached = idf_[static_cast<int>(field)].find(word);
  if (cached != idf_[static_cast<int>(field)].end()) return cached->second;
  double live = 0;
  double holding = 0;
  for (const ModelDoc& doc : docs_) {
    if (!doc.live) continue;
    ++live;
    const std::vector<std::string> tokens = Tokens(doc, field);
    holding += std::find(tokens.begin(), tokens.end(), word) != tokens.end();
  }
  const double idf = std::log(1 + (live - holding + 0.5) / (holding + 0.5));
  idf_[static_cast<int>(field)][word] = idf;
  return idf;
}

double RandomIndex::Bm25(Field field, double frequency, size_t length, double idf) const {
  const double average = average_length_[static_cast<int>(field)];
  const double k1 = scoring_.k1;
  const double b = scoring_.b;
  return idf * frequency * (k1 + 1) /
         (frequency + k1 * (1 - b + b * static_cast<double>(length) / average));
}

std::optional<WordCursor> RandomIndex::Cursor(Field field, const std::string& word) const {
  const TextFieldIndex& index_field = FieldIndex(field);
  std::vector<WordCursor::Variant> variants =
      WordCursor::VariantsOf(index_, index_field, {word}, scoring_);
  if (variants.empty()) return std::nullopt;
  return WordCursor(index_, index_field, static_cast<float>(Boost(field)), scoring_,
                    std::move(variants));
}

bool Before(const ScoredDoc& a, const ScoredDoc& b) {
  return a.score != b.score ? a.score > b.score : a.doc < b.doc;
}

void ExpectTopK(const TopK& got, const std::vector<ScoredDoc>& matches, size_t k,
                const std::function<bool(const ScoredDoc&)>& eligible, const std::string& what) {
  std::map<DocId, double> score_of;
  std::vector<double> eligible_scores;
  for (const ScoredDoc& match : matches) {
    score_of[match.doc] = match.score;
    if (eligible(match)) eligible_scores.push_back(match.score);
  }
  std::sort(eligible_scores.rbegin(), eligible_scores.rend());
  ASSERT_EQ(got.hits.size(), std::min(k, eligible_scores.size())) << what;
  EXPECT_EQ(got.more, eligible_scores.size() > k) << what;
  if (got.exact) {
    EXPECT_EQ(got.counted, matches.size()) << what;
  } else {
    EXPECT_LE(got.counted, matches.size()) << what;
  }
  for (size_t i = 0; i < got.hits.size(); ++i) {
    const ScoredDoc& hit = got.hits[i];
    const double tolerance = 1e-4 * std::max(1.0, eligible_scores[i]);
    // Rank by rank the model's scores; each hit a match scoring what the
    // model gives it (ties may come in another order only by rounding).
    EXPECT_NEAR(hit.score, eligible_scores[i], tolerance) << what << " rank " << i;
    ASSERT_TRUE(score_of.contains(hit.doc)) << what << " doc " << hit.doc << " is no match";
    EXPECT_NEAR(hit.score, score_of[hit.doc], tolerance) << what << " doc " << hit.doc;
    EXPECT_TRUE(eligible(hit)) << what << " doc " << hit.doc;
    if (i > 0) {
      EXPECT_TRUE(Before(got.hits[i - 1], hit)) << what << " rank " << i;
    }
  }
}

}  // namespace docsearch::query::testing

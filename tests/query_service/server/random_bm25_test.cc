// Top-k search results against an independent brute-force BM25 scorer, on a
// random corpus with random OR, AND, phrase and filtered queries.
//
// The corpus is made of invented words that no analyzer step changes
// (lowercase, no stemmable ending, not stop words), so the scorer here can
// tokenize by splitting on spaces and recompute BM25 from its own counts. The
// seed is printed; set DOCSEARCH_RANDOM_SEED to replay a failure.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "query_service/search/search_index.h"
#include "query_service/server/search_request_mapping.h"

namespace docsearch::query {
namespace {

using ::docsearch::v1::Query;
using ::docsearch::v1::SearchRequest;

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr double kTitleBoost = 2.0;

const std::vector<std::string>& Vocabulary() {
  static const auto* words = new std::vector<std::string>{
      "bap", "dof", "gim", "kut", "lom", "nir", "pov", "rab", "sul", "tig",
      "vek", "wob", "zan", "hud", "jep", "mak", "fub", "zot", "kip", "dram"};
  return *words;
}

struct ModelDoc {
  std::string id;
  std::vector<std::string> title;
  std::vector<std::string> body;
  std::string doc_type;
  int year = 0;
  int month = 1;
  int day = 1;
  // yyyymmdd, ordered as the dates are.
  int Date() const { return year * 10000 + month * 100 + day; }
};

// The brute-force model: live documents and BM25 from first principles.
class Model {
 public:
  std::map<std::string, ModelDoc> docs;  // Live documents by id.

  struct Hit {
    std::string id;
    double score;
  };

  enum class Kind { kOr, kAnd, kPhrase };

  // A bool query's filter and must_not clauses (empty: none).
  struct Filter {
    std::string doc_type;       // filter: term doc_type.
    std::string excluded_type;  // must_not: term doc_type.
    int first_date = 0;         // filter: range published (yyyymmdd), when set.
    int last_date = 0;
    bool Accepts(const ModelDoc& doc) const {
      if (!doc_type.empty() && doc.doc_type != doc_type) return false;
      if (!excluded_type.empty() && doc.doc_type == excluded_type) return false;
      return first_date == 0 || (doc.Date() >= first_date && doc.Date() <= last_date);
    }
  };

  // All matches, best first (score descending, then id).
  // `body_only`: phrases in the body field only (else title and body).
  std::vector<Hit> Search(Kind kind, const std::vector<std::string>& words, const Filter& filter,
                          bool body_only = false) const {
    std::vector<Hit> hits;
    for (int f = 0; f < 2; ++f) {
      double total = 0;
      for (const auto& [id, doc] : docs) total += (f == 0 ? doc.title : doc.body).size();
      average_[f] = std::max(1.0, total / static_cast<double>(docs.size()));
      for (const auto& word : words) idf_[f][word] = ComputeIdf(f, word);
    }
    for (const auto& [id, doc] : docs) {
      if (!filter.Accepts(doc)) continue;
      double score = 0;
      bool matched = false;
      if (kind == Kind::kPhrase) {
        for (int f = body_only ? 1 : 0; f < 2; ++f) {
          const auto& tokens = f == 0 ? doc.title : doc.body;
          int frequency = 0;
          for (size_t i = 0; i + words.size() <= tokens.size(); ++i) {
            if (std::equal(words.begin(), words.end(), tokens.begin() + i)) ++frequency;
          }
          if (frequency == 0) continue;
          double idf = 0;
          for (const auto& word : words) idf += Idf(f, word);
          score += Boost(f) * Bm25(f, frequency, tokens.size(), idf);
          matched = true;
        }
      } else {
        size_t words_found = 0;
        for (const auto& word : words) {
          bool found = false;
          for (int f = 0; f < 2; ++f) {
            const auto& tokens = f == 0 ? doc.title : doc.body;
            const auto frequency = std::count(tokens.begin(), tokens.end(), word);
            if (frequency == 0) continue;
            score +=
                Boost(f) * Bm25(f, static_cast<double>(frequency), tokens.size(), Idf(f, word));
            found = true;
          }
          words_found += found;
        }
        matched = kind == Kind::kOr ? words_found > 0 : words_found == words.size();
      }
      if (matched) hits.push_back({id, score});
    }
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
      return a.score != b.score ? a.score > b.score : a.id < b.id;
    });
    return hits;
  }

  double ScoreOf(const std::vector<Hit>& hits, const std::string& id) const {
    for (const auto& hit : hits) {
      if (hit.id == id) return hit.score;
    }
    return -1;
  }

  // Set by a local check that the test can fail (see the README of this
  // test): a wrong k1 must make it fail.
  double k1 = kK1;

 private:
  // Per Search: avgdl and idf of each field.
  mutable double average_[2] = {1, 1};
  mutable std::map<std::string, double> idf_[2];

  static double Boost(int field) { return field == 0 ? kTitleBoost : 1.0; }
  double Idf(int field, const std::string& word) const { return idf_[field].at(word); }
  double ComputeIdf(int field, const std::string& word) const {
    double df = 0;
    for (const auto& [id, doc] : docs) {
      const auto& tokens = field == 0 ? doc.title : doc.body;
      df += std::find(tokens.begin(), tokens.end(), word) != tokens.end();
    }
    const double n = static_cast<double>(docs.size());
    return std::log(1 + (n - df + 0.5) / (df + 0.5));
  }
  double Bm25(int field, double frequency, size_t length, double idf) const {
    const double average = average_[field];
    return idf * frequency * (k1 + 1) /
           (frequency + k1 * (1 - kB + kB * static_cast<double>(length) / average));
  }
};

// How the index splits its postings (segment.h): all in one open list per
// term; or sealed every few documents into segments, merging in the
// background while the corpus is built, replaced, deleted and searched; or
// the same with every merge finished before the searches.
enum class Segmenting { kOpenOnly, kMergingSegments, kSettledSegments };

SearchOptions OptionsFor(Segmenting segmenting) {
  SearchOptions options;
  // A boost the model must apply; the model sums each field's BM25
  // (BM25F has its own model in fielded_word_cursor_test.cc).
  options.scoring.title_boost = kTitleBoost;
  options.scoring.bm25f = false;
  options.scoring.k1 = static_cast<float>(kK1);
  options.scoring.b = static_cast<float>(kB);
  // The corpus is in two languages and the model knows no language: every
  // document weighs 1 (the weighting is checked against exhaustive scoring
  // in other_language_weight_test.cc).
  options.scoring.other_language_weight = 1.0f;
  if (segmenting != Segmenting::kOpenOnly) {
    options.segments.seal_documents = 7;
    options.segments.factor = 3;
  }
  return options;
}

class RandomBm25Test : public ::testing::TestWithParam<Segmenting> {
 protected:
  RandomBm25Test() : index_(OptionsFor(GetParam())) {
    const char* env = std::getenv("DOCSEARCH_RANDOM_SEED");
    seed_ = env != nullptr ? static_cast<uint32_t>(std::strtoul(env, nullptr, 10)) : 20261123;
    std::cout << "random corpus seed: " << seed_ << " (DOCSEARCH_RANDOM_SEED)\n";
    RecordProperty("seed", static_cast<int>(seed_));
    rng_.seed(seed_);
  }

  // A Zipf-like word: low ranks far more frequent.
  std::string Word() {
    std::vector<double> weights;
    for (size_t r = 0; r < Vocabulary().size(); ++r) weights.push_back(1.0 / (r + 1));
    std::discrete_distribution<size_t> pick(weights.begin(), weights.end());
    return Vocabulary()[pick(rng_)];
  }
  std::vector<std::string> Words(int low, int high) {
    std::vector<std::string> words(std::uniform_int_distribution<int>(low, high)(rng_));
    for (auto& word : words) word = Word();
    return words;
  }
  int Uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }

  void Upsert(const std::string& id) {
    static const char* kTypes[] = {"speech", "update", "press_statement"};
    ModelDoc doc{id, Words(1, 4), Words(3, 60), kTypes[Uniform(0, 2)], Uniform(1990, 2010)};
    doc.month = Uniform(1, 12);
    doc.day = Uniform(1, 28);
    auto document = std::make_unique<v1::Document>();
    document->set_id(id);
    document->set_title(absl::StrJoin(doc.title, " "));
    document->add_paragraphs()->set_text(absl::StrJoin(doc.body, " "));
    document->set_language(Uniform(0, 1) == 0 ? "en" : "fr");
    document->set_doc_type(doc.doc_type == "speech"   ? v1::DOC_TYPE_SPEECH
                           : doc.doc_type == "update" ? v1::DOC_TYPE_UPDATE
                                                      : v1::DOC_TYPE_PRESS_STATEMENT);
    // A whole date: only those go into the date column range filters read.
    document->mutable_published()->set_year(doc.year);
    document->mutable_published()->set_month(doc.month);
    document->mutable_published()->set_day(doc.day);
    ASSERT_TRUE(index_.Upsert(std::move(document)).ok());
    model_.docs[id] = std::move(doc);
  }

  void BuildCorpus() {
    for (int i = 0; i < 300; ++i) Upsert(absl::StrCat("d", i));
    // Replacements and deletions leave dead postings the engine must skip
    // and document frequencies it must keep right.
    for (int i = 0; i < 40; ++i) Upsert(absl::StrCat("d", Uniform(0, 299)));
    for (int i = 0; i < 30; ++i) {
      std::string id = absl::StrCat("d", Uniform(0, 299));
      if (model_.docs.erase(id) > 0) {
        ASSERT_TRUE(index_.Delete(id).ok());
      }
    }
    if (GetParam() == Segmenting::kSettledSegments) {
      index_.WaitForMerges();
      // 370 slots sealed by 7 make 52 segments; the budget, 3 +
      // ceil(log6(52)) = 6 with factor 3, leaves a few.
      EXPECT_LE(index_.Stats().segment_count(), 12);
    }
    if (GetParam() != Segmenting::kOpenOnly) {
      EXPECT_GT(index_.Stats().segment_count(), 1);
    }
  }

  // Checks one engine page against the model's ranking from `offset`.
  void ExpectPage(const v1::SearchResponse& response, const std::vector<Model::Hit>& expected,
                  size_t offset, size_t page_size, const std::string& what) {
    const size_t want = std::min(page_size, expected.size() - std::min(offset, expected.size()));
    ASSERT_EQ(static_cast<size_t>(response.hits_size()), want) << what;
    for (size_t i = 0; i < want; ++i) {
      const auto& hit = response.hits(static_cast<int>(i));
      const double tolerance = 1e-4 * std::max(1.0, std::abs(expected[offset + i].score));
      // Rank by rank, the scores agree; and each id is a match scoring what
      // the engine says (ids of equal scores may come in another order only
      // when the scores differ by rounding).
      EXPECT_NEAR(hit.score(), expected[offset + i].score, tolerance) << what << " rank " << i;
      EXPECT_NEAR(hit.score(), model_.ScoreOf(expected, hit.id()), tolerance)
          << what << " id " << hit.id();
    }
  }

  uint32_t seed_;
  std::mt19937 rng_;
  SearchIndex index_;
  Model model_;
};

TEST_P(RandomBm25Test, TopKMatchesABruteForceScorer) {
  BuildCorpus();
  ASSERT_EQ(index_.Stats().document_count(), static_cast<int64_t>(model_.docs.size()));
  int checked = 0;
  int pruned = 0;
  for (int q = 0; q < 240; ++q) {
    const int kind_pick = Uniform(0, 3);
    Model::Kind kind = kind_pick == 1   ? Model::Kind::kAnd
                       : kind_pick == 2 ? Model::Kind::kPhrase
                                        : Model::Kind::kOr;
    std::vector<std::string> words = Words(1, 3);
    if (kind == Model::Kind::kPhrase) {
      // Two adjacent words of a live body, so phrases do match.
      auto it = model_.docs.begin();
      std::advance(it, Uniform(0, static_cast<int>(model_.docs.size()) - 1));
      const auto& body = it->second.body;
      const size_t start = static_cast<size_t>(Uniform(0, static_cast<int>(body.size()) - 2));
      words = {body[start], body[start + 1]};
    }
    const bool filtered = kind_pick == 3;
    // A type, a span of dates, an excluded type, or a type and dates: the
    // kinds of filter a scorer tests per candidate (doc_filter.h).
    Model::Filter filter;
    if (filtered) {
      const int filter_pick = Uniform(0, 3);
      const std::string type = Uniform(0, 1) == 0 ? "speech" : "update";
      if (filter_pick == 0 || filter_pick == 3) filter.doc_type = type;
      if (filter_pick == 2) filter.excluded_type = type;
      if (filter_pick == 1 || filter_pick == 3) {
        // Bounds on two live documents' dates, so that off-by-one ends show.
        auto date_of_some_document = [&] {
          auto it = model_.docs.begin();
          std::advance(it, Uniform(0, static_cast<int>(model_.docs.size()) - 1));
          return it->second.Date();
        };
        filter.first_date = date_of_some_document();
        filter.last_date = date_of_some_document();
        if (filter.first_date > filter.last_date) std::swap(filter.first_date, filter.last_date);
      }
    }

    Query text;
    // Half the phrases name the body field: a one-field phrase takes the
    // top-k path that bounds scores before reading positions.
    const bool body_only = kind == Model::Kind::kPhrase && Uniform(0, 1) == 0;
    if (kind == Model::Kind::kPhrase) {
      text.mutable_phrase()->set_text(absl::StrJoin(words, " "));
      if (body_only) text.mutable_phrase()->set_field("body");
    } else {
      text.mutable_match()->set_text(absl::StrJoin(words, " "));
      text.mutable_match()->set_operator_(kind == Model::Kind::kAnd ? v1::MATCH_OPERATOR_AND
                                                                    : v1::MATCH_OPERATOR_OR);
    }
    SearchRequest request;
    if (filtered) {
      auto* boolean = request.mutable_query()->mutable_boolean();
      *boolean->add_must() = text;
      if (!filter.doc_type.empty()) {
        auto* term = boolean->add_filter()->mutable_term();
        term->set_field("doc_type");
        term->set_value(filter.doc_type);
      }
      if (!filter.excluded_type.empty()) {
        auto* term = boolean->add_must_not()->mutable_term();
        term->set_field("doc_type");
        term->set_value(filter.excluded_type);
      }
      if (filter.first_date != 0) {
        auto* range = boolean->add_filter()->mutable_range();
        range->set_field("published");
        auto iso = [](int date) {
          return absl::StrFormat("%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
        };
        range->set_gte(iso(filter.first_date));
        range->set_lte(iso(filter.last_date));
      }
    } else {
      *request.mutable_query() = text;
    }
    const size_t page_size = static_cast<size_t>(Uniform(1, 15));
    request.set_page_size(static_cast<int>(page_size));
    request.set_exact_total(Uniform(0, 1) == 0);
    const std::string what = absl::StrCat("query ", q, " ", request.ShortDebugString());

    const std::vector<Model::Hit> expected = model_.Search(kind, words, filter, body_only);
    auto first = SearchByRequest(index_, request);
    ASSERT_TRUE(first.ok()) << what << ": " << first.status();
    ExpectPage(*first, expected, 0, page_size, what);
    if (first->total_relation() == v1::TOTAL_RELATION_GREATER_THAN_OR_EQUAL_TO) {
      EXPECT_FALSE(request.exact_total()) << what;
      EXPECT_LE(first->total_size(), static_cast<int64_t>(expected.size())) << what;
    } else {
      EXPECT_EQ(first->total_size(), static_cast<int64_t>(expected.size())) << what;
    }
    EXPECT_EQ(first->next_page_token().empty(), expected.size() <= page_size) << what;
    if (!first->next_page_token().empty()) {
      request.set_page_token(first->next_page_token());
      auto second = SearchByRequest(index_, request);
      ASSERT_TRUE(second.ok()) << what << ": " << second.status();
      ExpectPage(*second, expected, page_size, page_size, what + " page 2");
    }
    checked += !expected.empty();
    pruned += first->total_relation() == v1::TOTAL_RELATION_GREATER_THAN_OR_EQUAL_TO;
  }
  // Most queries must have had something to compare, and some must have
  // gone through top-k pruning.
  EXPECT_GT(checked, 150);
  EXPECT_GT(pruned, 10);
}

// MaxScore (exact_total unset) against exhaustive scoring (exact_total set):
// the same ids with bit-identical scores, page after page.
TEST_P(RandomBm25Test, PruningReturnsExactlyTheExhaustiveHits) {
  BuildCorpus();
  int pruned = 0;
  for (int q = 0; q < 150; ++q) {
    SearchRequest request;
    request.mutable_query()->mutable_match()->set_text(absl::StrJoin(Words(1, 4), " "));
    if (Uniform(0, 3) == 0) {
      auto* field = request.mutable_query()->mutable_match()->add_fields();
      field->set_field(Uniform(0, 1) == 0 ? "title" : "body");
      field->set_boost(static_cast<float>(Uniform(1, 3)));
    }
    request.set_page_size(Uniform(1, 12));
    SearchRequest exhaustive = request;
    exhaustive.set_exact_total(true);
    const std::string what = request.ShortDebugString();
    for (int page = 0; page < 3; ++page) {
      auto fast = SearchByRequest(index_, request);
      auto slow = SearchByRequest(index_, exhaustive);
      ASSERT_TRUE(fast.ok() && slow.ok()) << what;
      ASSERT_EQ(fast->hits_size(), slow->hits_size()) << what << " page " << page;
      for (int i = 0; i < fast->hits_size(); ++i) {
        EXPECT_EQ(fast->hits(i).id(), slow->hits(i).id()) << what << " page " << page;
        EXPECT_EQ(fast->hits(i).score(), slow->hits(i).score()) << what << " page " << page;
      }
      EXPECT_EQ(slow->total_relation(), v1::TOTAL_RELATION_EQUAL_TO);
      EXPECT_LE(fast->total_size(), slow->total_size()) << what;
      if (fast->total_relation() == v1::TOTAL_RELATION_EQUAL_TO) {
        EXPECT_EQ(fast->total_size(), slow->total_size()) << what;
      } else {
        ++pruned;
      }
      ASSERT_EQ(fast->next_page_token().empty(), slow->next_page_token().empty()) << what;
      if (fast->next_page_token().empty()) break;
      request.set_page_token(fast->next_page_token());
      exhaustive.set_page_token(slow->next_page_token());
    }
  }
  EXPECT_GT(pruned, 10);
}

INSTANTIATE_TEST_SUITE_P(Segments, RandomBm25Test,
                         ::testing::Values(Segmenting::kOpenOnly, Segmenting::kMergingSegments,
                                           Segmenting::kSettledSegments),
                         [](const ::testing::TestParamInfo<Segmenting>& info) {
                           switch (info.param) {
                             case Segmenting::kOpenOnly:
                               return "OpenOnly";
                             case Segmenting::kMergingSegments:
                               return "MergingSegments";
                             case Segmenting::kSettledSegments:
                               return "SettledSegments";
                           }
                           return "Unknown";
                         });

}  // namespace
}  // namespace docsearch::query

// DocFilter (doc_filter.h): the next accepted document, as the scorers
// leapfrog with, against asking Accepts of every document, for random
// lists, excluded lists, date and number ranges and their combinations.
#include "query_service/search/doc_filter.h"

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "gtest/gtest.h"
#include "query_service/index/index_data.h"

namespace docsearch::query {
namespace {

TEST(DocFilterTest, NextAcceptedIsTheFirstDocumentAcceptsPassesFromTheTarget) {
  std::mt19937 random(16);
  auto uniform = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  constexpr DocId kDocs = 2000;
  for (int round = 0; round < 200; ++round) {
    // Columns shorter than the documents at times (later documents have no
    // value), dates missing at times, ranges from a few days to all.
    std::vector<int> days(kDocs - uniform(0, 1) * uniform(0, 300));
    for (int& day : days) day = uniform(0, 9) == 0 ? kNoDate : uniform(0, 1000);
    std::vector<double> numbers(kDocs);
    for (double& number : numbers) {
      number = uniform(0, 9) == 0 ? std::nan("") : uniform(0, 100);
    }
    std::vector<std::vector<DocId>> lists(2);
    for (std::vector<DocId>& list : lists) {
      const int percent = std::vector<int>{1, 10, 50, 95}[uniform(0, 3)];
      for (DocId doc = 0; doc < kDocs; ++doc) {
        if (uniform(0, 99) < percent) list.push_back(doc);
      }
    }
    const int day_low = uniform(0, 1000);
    const DayInterval interval{uniform(0, 3) == 0 ? std::numeric_limits<int>::min() + 1 : day_low,
                               day_low + std::vector<int>{0, 5, 50, 2000}[uniform(0, 3)]};
    const NumberRange range{static_cast<double>(uniform(0, 60)), uniform(0, 1) == 0,
                            static_cast<double>(uniform(40, 100)), uniform(0, 1) == 0};
    const bool with_dates = uniform(0, 1) == 0;
    const bool with_numbers = uniform(0, 3) == 0;
    const int list_count = uniform(0, 2);
    std::vector<bool> excluded = {uniform(0, 1) == 0, uniform(0, 1) == 0};
    auto build = [&](DocFilter& filter) {
      if (with_dates) filter.AddDateRange(&days, interval);
      if (with_numbers) filter.AddNumberRange(&numbers, range);
      for (int l = 0; l < list_count; ++l) filter.AddList(lists[l], excluded[l]);
    };
    // Past the last document only a filter of excluded lists accepts (all
    // of them), so a margin beyond it tells every answer.
    constexpr DocId kAsked = kDocs + 64;
    std::vector<bool> accepted(kAsked, false);
    DocFilter every;
    build(every);
    for (DocId doc = 0; doc < kAsked; ++doc) accepted[doc] = every.Accepts(doc);

    // Targets from the previous answer on by random steps, some asked twice,
    // some past the last document.
    DocFilter filter;
    build(filter);
    DocId target = 0;
    while (target < kAsked) {
      DocId expected = PostingCursor::kEnd;
      for (DocId doc = target; doc < kAsked; ++doc) {
        if (accepted[doc]) {
          expected = doc;
          break;
        }
      }
      ASSERT_EQ(filter.NextAccepted(target), expected) << "round " << round << " target " << target;
      if (expected == PostingCursor::kEnd) break;
      // As the scorers ask: the answer again, or a document past it (within
      // the 64 documents the filter reads at a time, or windows beyond).
      target = expected + std::vector<DocId>{0, 1, 3, 40, 150}[uniform(0, 4)];
    }
  }
}

}  // namespace
}  // namespace docsearch::query

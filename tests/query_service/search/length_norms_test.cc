// The per-search table of BM25 length normalizations (length_norms.h): what
// it returns, from the table or past its end, the first time or again, is
// the formula's value to the bit, so scores read through it do not move.
#include "query_service/search/length_norms.h"

#include <cstdint>

#include "gtest/gtest.h"

namespace docsearch::query {
namespace {

TEST(LengthNormsTest, EveryLengthReadsTheFormulasValueToTheBit) {
  for (const float b : {0.0f, 0.5f, 0.75f, 1.0f}) {
    for (const double average : {1.0, 7.3, 312.25}) {
      const LengthNorms norms(b, average);
      for (int pass = 0; pass < 2; ++pass) {  // Filling the table, then reading it.
        for (uint32_t length = 0; length < 2 * LengthNorms::kTableSize; ++length) {
          const double formula = 1.0 - b + b * static_cast<double>(length) / average;
          EXPECT_EQ(norms.Of(length), formula)
              << "b " << b << " avgdl " << average << " length " << length << " pass " << pass;
        }
      }
    }
  }
}

}  // namespace
}  // namespace docsearch::query

// Shared test data for the comparison tests: the two seed statements parsed
// by the real parser, and an index holding them plus the development corpus.
#ifndef DOCSEARCH_TESTS_QUERY_SERVICE_COMPARE_COMPARE_FIXTURE_H_
#define DOCSEARCH_TESTS_QUERY_SERVICE_COMPARE_COMPARE_FIXTURE_H_

#include <memory>
#include <string>
#include <vector>

#include "docsearch/v1/document.pb.h"
#include "query_service/search/search_index.h"

namespace docsearch::query::compare::testing {

inline constexpr char kJointStatementId[] = "joint-statement-2001";
inline constexpr char kUpdateId[] = "update-2003";

// The file's bytes; empty when it cannot be read.
std::string ReadFile(const std::string& path);

// Parses raw bytes with the ingest parser under `id`.
docsearch::v1::Document Parse(const std::string& content, const std::string& id,
                              const std::string& source_uri = "");

// The 2001 joint statement and the 2003 update from samples/.
docsearch::v1::Document JointStatement2001();
docsearch::v1::Document Update2003();

// The development corpus documents (empty when the corpus is absent).
std::vector<docsearch::v1::Document> DevDocuments();

// An index with both seeds and, when `with_dev_corpus`, the development
// corpus, whose statistics make idf meaningful; with DocumentVectors
// attached (as in the query service) unless `with_vectors` is false.
std::unique_ptr<SearchIndex> SeedIndex(bool with_dev_corpus, bool with_vectors = true);

// One SeedIndex(true) shared by the tests of a binary (built on first use;
// tests only read it).
const SearchIndex& SharedSeedIndex();

// A minimal document with one paragraph per entry of `paragraphs`.
docsearch::v1::Document MakeDocument(const std::string& id,
                                     const std::vector<std::string>& paragraphs, int year = 0,
                                     int month = 0, int day = 0);

}  // namespace docsearch::query::compare::testing

#endif  // DOCSEARCH_TESTS_QUERY_SERVICE_COMPARE_COMPARE_FIXTURE_H_

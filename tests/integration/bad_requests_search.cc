// Bad requests to QueryService.Search (bad_requests_test.cc).
#include <limits>
#include <string>

#include "absl/strings/str_cat.h"
#include "tests/integration/bad_request_table.h"

namespace docsearch::testing {

void AddSearchRequests(std::vector<BadRequest>& rows) {
  auto add = RowAdder(rows);
  using grpc::StatusCode;

  // QueryService.Search.
  add(
      "Search: no query", [](Stubs& s) { return Search(s, {}); }, StatusCode::INVALID_ARGUMENT,
      "query or query_string is required");
  add(
      "Search: query and query_string",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match_all();
                        r.set_query_string("x");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "not both");
  add(
      "Search: empty query node",
      [](Stubs& s) { return Search(s, SearchWith([](auto& r) { r.mutable_query(); })); },
      StatusCode::INVALID_ARGUMENT, "query is empty");
  add(
      "Search: empty match text",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) { r.mutable_query()->mutable_match(); }));
      },
      StatusCode::INVALID_ARGUMENT, "query.match.text is empty");
  add(
      "Search: match on a keyword field",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match()->set_text("x");
                        r.mutable_query()->mutable_match()->add_fields()->set_field("doc_type");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "'doc_type' is a keyword field");
  add(
      "Search: term on an unknown field",
      [](Stubs& s) {
        return Search(
            s, SearchWith([](auto& r) { r.mutable_query()->mutable_term()->set_field("colour"); }));
      },
      StatusCode::INVALID_ARGUMENT, "query.term.field: unknown field 'colour'");
  add(
      "Search: unknown doc_type value",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_term()->set_field("doc_type");
                        r.mutable_query()->mutable_term()->set_value("memo");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "unknown doc_type 'memo'");
  add(
      "Search: range with a bad date",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_range()->set_field("published");
                        r.mutable_query()->mutable_range()->set_lt("2001-02-30");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "query.range.lt");
  add(
      "Search: negative slop",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_phrase()->set_text("a b");
                        r.mutable_query()->mutable_phrase()->set_slop(-1);
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "slop");
  add(
      "Search: unknown language",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.set_query_string("defense");
                        r.set_language("xx");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "language: unknown language 'xx'; expected one of en, fr");
  add(
      "Search: malformed language",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.set_query_string("defense");
                        r.set_language("english");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "language: malformed language tag 'english'");
  add(
      "Search: phrase in an unknown language",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_phrase()->set_text("défense collective");
                        r.mutable_query()->mutable_phrase()->set_language("xx");
                      }));
      },
      StatusCode::INVALID_ARGUMENT,
      "query.phrase.language: unknown language 'xx'; expected one of en, fr");
  add(
      "TermTrend: unknown language",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::TermTrendRequest request;
        request.add_terms("terrorism");
        request.set_interval(v1::INTERVAL_YEAR);
        request.set_language("xx");
        v1::TermTrendResponse response;
        return s.query->TermTrend(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "language: unknown language 'xx'");
  add(
      "CompareDocuments: raw text in an unknown language",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::CompareDocumentsRequest request;
        request.mutable_a()->set_text("Missile defence.");
        request.mutable_b()->set_text("Crisis management.");
        request.mutable_b()->set_language("xx");
        v1::CompareDocumentsResponse response;
        return s.query->CompareDocuments(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "b.language: unknown language 'xx'");
  add(
      "Search: bool with no clauses",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) { r.mutable_query()->mutable_boolean(); }));
      },
      StatusCode::INVALID_ARGUMENT, "query.boolean has no clauses");
  add(
      "Search: too many words",
      [](Stubs& s) {
        std::string text;
        for (int i = 0; i < 100; ++i) absl::StrAppend(&text, "word", i, " ");
        return Search(
            s, SearchWith([&](auto& r) { r.mutable_query()->mutable_match()->set_text(text); }));
      },
      StatusCode::INVALID_ARGUMENT, "the limit is");
  add(
      "Search: negative page_size",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match_all();
                        r.set_page_size(-1);
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "page_size");
  add(
      "Search: page_size over --max_page_size",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match_all();
                        r.set_page_size(1001);
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "page_size 1001");
  add(
      "Search: malformed page_token",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match_all();
                        r.set_page_token("%%%");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "page_token is malformed");
  add(
      "Search: unknown sort order",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match_all();
                        r.set_sort(static_cast<v1::SortOrder>(42));
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "sort");
  add(
      "Search: query_string syntax error",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) { r.set_query_string("title:\"open"); }));
      },
      StatusCode::INVALID_ARGUMENT, "position 7");

  add(
      "Search: unknown match operator",
      [](Stubs& s) {
        return Search(
            s, SearchWith([](auto& r) {
              r.mutable_query()->mutable_match()->set_text("nato");
              r.mutable_query()->mutable_match()->set_operator_(static_cast<v1::MatchOperator>(42));
            }));
      },
      StatusCode::INVALID_ARGUMENT, "query.match.operator: unknown MatchOperator value 42");
  add(
      "Search: NaN boost",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match()->set_text("nato");
                        auto* field = r.mutable_query()->mutable_match()->add_fields();
                        field->set_field("title");
                        field->set_boost(std::numeric_limits<float>::quiet_NaN());
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "query.match.fields[0].boost: nan is not a finite number");
  add(
      "Search: infinite boost",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match()->set_text("nato");
                        auto* field = r.mutable_query()->mutable_match()->add_fields();
                        field->set_field("title");
                        field->set_boost(std::numeric_limits<float>::infinity());
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "query.match.fields[0].boost: inf is not a finite number");
  add(
      "Search: gte and gt together",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_range()->set_field("published");
                        r.mutable_query()->mutable_range()->set_gte("2001");
                        r.mutable_query()->mutable_range()->set_gt("2002");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "query.range: gte and gt are both set");
  add(
      "Search: lte and lt together",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_range()->set_field("published");
                        r.mutable_query()->mutable_range()->set_lte("2001");
                        r.mutable_query()->mutable_range()->set_lt("2002");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "query.range: lte and lt are both set");
  add(
      "Search: unknown date_histogram interval",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match_all();
                        r.set_date_histogram(static_cast<v1::Interval>(77));
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "date_histogram: unknown Interval value 77");
}

}  // namespace docsearch::testing

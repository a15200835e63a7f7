// A gRPC call made by hand over a plain TCP socket, for tests that need a
// client no gRPC library would be: one that asks for a response and then
// never reads it (a zero flow-control window), or that opens a call and
// never sends its request.
#ifndef DOCSEARCH_TESTS_INTEGRATION_RAW_HTTP2_CALL_H_
#define DOCSEARCH_TESTS_INTEGRATION_RAW_HTTP2_CALL_H_

#include <string>

namespace docsearch::testing {

// Connects to 127.0.0.1:`port`, sends the HTTP/2 preface, SETTINGS with an
// initial stream window of 0 (so the server may send headers but no
// response bytes), and the HEADERS of a call to `path` (for example
// "/docsearch.v1.QueryService/GetDocument"). When `request` is non-empty it
// follows as one gRPC message that ends the stream. Returns the socket, or
// -1. The caller never reads from it and closes it when done.
int OpenRawCall(int port, const std::string& path, const std::string& request);

}  // namespace docsearch::testing

#endif  // DOCSEARCH_TESTS_INTEGRATION_RAW_HTTP2_CALL_H_

// The environment a command runs in: connection settings, output format and
// the streams to write to. Built once in main() from the flags; commands take
// it by const reference and never read flags themselves, which keeps them
// testable and free of global state.
#ifndef DOCSEARCH_CLI_COMMAND_ENV_H_
#define DOCSEARCH_CLI_COMMAND_ENV_H_

#include <ostream>

#include "cli/rpc_context.h"
#include "cli/terminal_text.h"

namespace docsearch::cli {

struct CommandEnv {
  ConnectionOptions connection;
  // --json: print responses as JSON objects, one per line.
  bool json = false;
  // --full: print documents without shortening long paragraphs.
  bool full = false;
  TerminalInfo terminal;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
};

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_COMMAND_ENV_H_

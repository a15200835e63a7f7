#!/usr/bin/env bash
# buf lint (STANDARD rules, proto/buf.yaml) over the API. Skipped (exit 77)
# when the npm-installed buf is absent. ctest sets DOCSEARCH_BUF and
# DOCSEARCH_PROTO_DIR (tests/external/CMakeLists.txt).
set -euo pipefail
if [[ ! -x ${DOCSEARCH_BUF:-} ]]; then
  echo "SKIP: no buf at '${DOCSEARCH_BUF:-}' (run: npm install in the repository root)"
  exit 77
fi
cd "${DOCSEARCH_PROTO_DIR:?set by ctest}"
"$DOCSEARCH_BUF" lint
echo "buf lint: clean"

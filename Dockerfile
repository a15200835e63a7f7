# docsearch: query_service, ingest_service and the docsearch CLI in one image.
#
#   docker build -t docsearch .          (or: docker-compose up -d --build)
#
# Two stages on debian:bookworm-slim, Debian 12 packages only (as the project
# itself). Where no image registry is reachable, scripts/docker_test.sh makes
# a local debian:bookworm-slim with debootstrap first.
#
# Works with the classic builder (Debian's docker.io 20.10 with docker-compose
# v1) as well as with BuildKit: no RUN --mount, no heredocs.

# ---------------------------------------------------------------------------
# Build stage
# ---------------------------------------------------------------------------
FROM debian:bookworm-slim AS build

# The build dependencies, first and on their own so that this layer (the
# slowest to fetch) is cached across source changes. Keep in step with
# scripts/setup.sh.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      cmake ninja-build g++ pkg-config binutils \
      libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler \
      libabsl-dev libicu-dev libstemmer-dev libgumbo-dev libzstd-dev \
      libxxhash-dev libroaring-dev libcld2-dev libssl-dev prometheus-cpp-dev libnats-dev \
      libgoogle-perftools-dev \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src
# The whole tree minus what .dockerignore leaves out (build trees, tests,
# benchmarks, docs, samples, scripts): editing a test does not rebuild the
# image.
COPY . .

RUN cmake --preset release -DDOCSEARCH_BUILD_TESTS=OFF -DDOCSEARCH_BUILD_BENCH=OFF \
 && cmake --build build/release --target query_service ingest_service docsearch

# Collect the three binaries (debug info stripped, symbols kept for
# backtraces) and the Debian packages that provide the shared libraries they
# load, so the runtime stage installs exactly those and nothing else.
RUN set -eu; \
    mkdir -p /out/bin; \
    for target in query_service ingest_service docsearch; do \
      bin="$(find build/release -type f -name "$target" -perm -u+x | head -n 1)"; \
      test -n "$bin" || { echo "binary $target not found" >&2; exit 1; }; \
      strip --strip-debug -o "/out/bin/$target" "$bin"; \
    done; \
    if ldd /out/bin/* | grep -F 'not found'; then exit 1; fi; \
    for lib in $(ldd /out/bin/* | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | sort -u); do \
      real="$(readlink -f "$lib")"; \
      pkg=""; \
      for candidate in "$lib" "$real" "${lib#/usr}" "${real#/usr}" "/usr$lib" "/usr$real"; do \
        pkg="$(dpkg -S "$candidate" 2>/dev/null | head -n 1 | cut -d: -f1)" && [ -n "$pkg" ] && break; \
      done; \
      test -n "$pkg" || { echo "no Debian package owns $lib" >&2; exit 1; }; \
      echo "$pkg"; \
    done | sort -u > /out/runtime-packages.txt; \
    echo "runtime packages:"; cat /out/runtime-packages.txt

# ---------------------------------------------------------------------------
# Runtime stage
# ---------------------------------------------------------------------------
FROM debian:bookworm-slim AS runtime

# The runtime libraries only (libgrpc++1.51, libprotobuf32, libabsl20220623,
# libicu72, libstemmer0d, ... as found by the build stage), and nats-server
# for docker-compose's `cluster` profile (its NATS containers run this image).
# COPY is cached by content, so this layer is rebuilt only when the list
# changes.
COPY --from=build /out/runtime-packages.txt /usr/share/docsearch/runtime-packages.txt
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      $(cat /usr/share/docsearch/runtime-packages.txt) nats-server \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /nonexistent \
      --no-create-home --shell /usr/sbin/nologin docsearch \
 && mkdir -p /data \
 && chown docsearch:docsearch /data \
 && printf '%s\n' '1 Jan. 2000' '' 'docsearch health check' '' \
      'The ingest service health check parses this file; it is never indexed.' \
      > /usr/share/docsearch/healthcheck.txt

COPY --from=build /out/bin/ /usr/local/bin/
# Fail the build here, not at start-up, if a library is missing.
RUN if ldd /usr/local/bin/query_service /usr/local/bin/ingest_service \
          /usr/local/bin/docsearch | grep -F 'not found'; then exit 1; fi

# A fresh named volume mounted at /data takes this folder's owner, so the
# non-root user can write its index there.
WORKDIR /data
USER docsearch:docsearch
EXPOSE 50051 50052 4222 6222
# docker-compose.yml sets the command of each service.
CMD ["query_service", "--listen=0.0.0.0:50052", "--data_dir=/data"]

#!/usr/bin/env python3
"""Search latency of QueryService endpoints, one call at a time, the same
queries against each: for comparing a coordinator with a single node.

    scripts/search_latency.py --stubs=build/dev/tests/external/py \
        --target single=127.0.0.1:50052 --target cluster=127.0.0.1:50062 \
        [--rounds=20] [--page_size=10] [--comparisons] [--collapse]

The stubs are the Python ones the build generates (target docsearch_py_stubs).
Prints, per target, p50 and p99 of Search and of an empty RPC
(grpc.health.v1.Health/Check) in milliseconds, measured at the client.
With --collapse, also p50 and p99 of the same searches with
collapse_duplicates (one hit per near-duplicate cluster), measured in the
same rounds, each query's plain and collapsed searches back to back.
With --comparisons, also the p50 of CompareSets, TermTrend, FindSimilar,
CompareDocuments, FindNearDuplicates (pairs, and clusters) and
BatchGetDocuments on fixed requests
over the development corpus (the documents of the first target's top hits
for "nato"), --rounds calls each after one warm-up.
With --shard_check=host:port (a replica of a shard), also the p50 of that
replica's ShardService.SearchShard with and without
expected_shard_statistics (the check of a coordinator's remembered
statistics), on the same queries scored with the replica's own statistics.
"""

import argparse
import sys
import time

QUERIES = [
    "nuclear weapons", "Russia cooperation", "sécurité européenne", "\"joint statement\"",
    "partnership AND peace", "kosovo OR bosnia", "terrorism", "enlargement of the Alliance",
    "Europe", "title:summit", "defence ministers", "council", "NATO", "ministers meeting",
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stubs", required=True)
    parser.add_argument("--target", action="append", required=True, help="name=host:port")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--page_size", type=int, default=10)
    parser.add_argument("--comparisons", action="store_true")
    parser.add_argument("--collapse", action="store_true")
    parser.add_argument("--shard_check", default="")
    args = parser.parse_args()
    sys.path.insert(0, args.stubs)
    import grpc
    import health_pb2
    import health_pb2_grpc
    from docsearch.v1 import query_service_pb2, query_service_pb2_grpc
    from docsearch.v1 import bulk_read_pb2, comparison_pb2

    ids = None
    for target in args.target:
        name, address = target.split("=", 1)
        channel = grpc.insecure_channel(address)
        search = query_service_pb2_grpc.QueryServiceStub(channel)
        health = health_pb2_grpc.HealthStub(channel)
        for query in QUERIES:  # Warm-up.
            search.Search(query_service_pb2.SearchRequest(query_string=query, page_size=args.page_size))
        searches, empties, collapsed = [], [], []
        for _ in range(args.rounds):
            for query in QUERIES:
                request = query_service_pb2.SearchRequest(query_string=query,
                                                          page_size=args.page_size)
                started = time.perf_counter()
                search.Search(request, timeout=10)
                searches.append((time.perf_counter() - started) * 1000)
                if args.collapse:
                    request.collapse_duplicates = True
                    started = time.perf_counter()
                    search.Search(request, timeout=10)
                    collapsed.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                health.Check(health_pb2.HealthCheckRequest(), timeout=10)
                empties.append((time.perf_counter() - started) * 1000)
        print("%s %s: Search p50 %.2f ms p99 %.2f ms; empty RPC p50 %.2f ms p99 %.2f ms (%d searches)"
              % (name, address, percentile(searches, 0.5), percentile(searches, 0.99),
                 percentile(empties, 0.5), percentile(empties, 0.99), len(searches)))
        if args.collapse:
            print("%s %s: Search collapse_duplicates p50 %.2f ms p99 %.2f ms (%d searches)"
                  % (name, address, percentile(collapsed, 0.5), percentile(collapsed, 0.99),
                     len(collapsed)))
        if args.comparisons:
            if ids is None:  # The same documents for every target.
                ids = [hit.id for hit in search.Search(
                    query_service_pb2.SearchRequest(query_string="nato", page_size=20)).hits]
            side = comparison_pb2.ComparisonSide
            calls = [
                ("CompareSets", lambda: search.CompareSets(comparison_pb2.CompareSetsRequest(
                    query_string_a="published:[* TO 2001-12-31]",
                    query_string_b="published:[2002-01-01 TO *]"), timeout=30)),
                ("TermTrend", lambda: search.TermTrend(comparison_pb2.TermTrendRequest(
                    terms=["terrorism", "nuclear weapons"],
                    interval=comparison_pb2.INTERVAL_YEAR), timeout=30)),
                ("FindSimilar", lambda: search.FindSimilar(comparison_pb2.FindSimilarRequest(
                    like=side(id=ids[3])), timeout=30)),
                ("CompareDocuments", lambda: search.CompareDocuments(
                    comparison_pb2.CompareDocumentsRequest(a=side(id=ids[1]), b=side(id=ids[2])),
                    timeout=30)),
                ("FindNearDuplicates pairs", lambda: search.FindNearDuplicates(
                    comparison_pb2.FindNearDuplicatesRequest(pairs=True, min_resemblance=0.5),
                    timeout=30)),
                ("FindNearDuplicates clusters", lambda: search.FindNearDuplicates(
                    comparison_pb2.FindNearDuplicatesRequest(page_size=20), timeout=30)),
                ("BatchGetDocuments", lambda: search.BatchGetDocuments(
                    bulk_read_pb2.BatchGetDocumentsRequest(ids=ids[:10]), timeout=30)),
            ]
            for method, call in calls:
                call()  # Warm-up.
                times = []
                for _ in range(args.rounds):
                    started = time.perf_counter()
                    call()
                    times.append((time.perf_counter() - started) * 1000)
                print("%s %s: %s p50 %.2f ms" % (name, address, method, percentile(times, 0.5)))

    if args.shard_check:
        shard_check(args.shard_check, args.rounds, args.page_size)


def shard_check(address, rounds, page_size):
    import grpc
    from docsearch.v1 import query_service_pb2, shard_service_pb2, shard_service_pb2_grpc
    shard = shard_service_pb2_grpc.ShardServiceStub(grpc.insecure_channel(address))
    pairs = []
    for query in QUERIES:
        search = query_service_pb2.SearchRequest(query_string=query, page_size=page_size)
        own = shard.GetTermStatistics(
            shard_service_pb2.GetTermStatisticsRequest(search=search), timeout=10).statistics
        plain = shard_service_pb2.SearchShardRequest(search=search, statistics=own)
        checked = shard_service_pb2.SearchShardRequest(search=search, statistics=own,
                                                       expected_shard_statistics=own)
        pairs.append((plain, checked))
    times = {"plain": [], "checked": []}
    for _ in range(rounds):
        for plain, checked in pairs:
            for name, request in (("plain", plain), ("checked", checked)):
                started = time.perf_counter()
                answer = shard.SearchShard(request, timeout=10)
                times[name].append((time.perf_counter() - started) * 1000)
                if answer.stale_statistics:
                    sys.exit("the replica changed during the check; run it again")
    print("shard %s: SearchShard p50 %.3f ms; with the statistics check %.3f ms (%d calls each)"
          % (address, percentile(times["plain"], 0.5), percentile(times["checked"], 0.5),
             len(times["plain"])))


if __name__ == "__main__":
    main()

"""Round trip through both services with Debian's python3-grpcio.

ctest runs it with DOCSEARCH_QUERY_SERVICE, DOCSEARCH_INGEST_SERVICE,
DOCSEARCH_PY_STUBS and DOCSEARCH_SEEDS set (tests/external/CMakeLists.txt).
It ingests the two seed documents through the ingest service, searches and
reads them back from the query service, checks the status codes of bad
requests, and checks that both servers exit 0 on SIGTERM.
"""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import docsearch_servers  # noqa: E402

docsearch_servers.add_stubs_to_path()
import grpc  # noqa: E402
from docsearch.v1 import document_pb2, ingest_service_pb2, ingest_service_pb2_grpc  # noqa: E402
from docsearch.v1 import comparison_pb2  # noqa: E402
from docsearch.v1 import query_pb2, query_service_pb2, query_service_pb2_grpc  # noqa: E402

SEED_2001 = "2001-12-07-nato-russia-joint-statement.txt"
SEED_2003 = "2003-12-04-nato-update-new-spirit-of-cooperation.txt"
TIMEOUT = 10  # seconds, for every call but ingest
INGEST_TIMEOUT = 30


def match(text):
    return query_pb2.Query(match=query_pb2.MatchQuery(text=text))


def term(field, value):
    return query_pb2.Query(term=query_pb2.TermQuery(field=field, value=value))


def plain_quotes(text):
    return text.replace("\u201c", '"').replace("\u201d", '"')


class RoundTripTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="docsearch-ext-")
        cls.servers = None
        try:
            data_dir = os.path.join(cls.tmp.name, "data")
            os.mkdir(data_dir)
            cls.servers = docsearch_servers.Servers(work_dir=cls.tmp.name, data_dir=data_dir)
            cls.ingest = ingest_service_pb2_grpc.IngestServiceStub(cls.servers.ingest_channel)
            cls.query = query_service_pb2_grpc.QueryServiceStub(cls.servers.query_channel)
            cls.ids = {name: cls.ingest_seed(name) for name in (SEED_2001, SEED_2003)}
        except BaseException:
            if cls.servers:
                cls.servers.stop()
                print(cls.servers.logs(), file=sys.stderr)
            cls.tmp.cleanup()
            raise

    @classmethod
    def ingest_seed(cls, name):
        with open(os.path.join(os.environ["DOCSEARCH_SEEDS"], name), "rb") as f:
            raw = ingest_service_pb2.RawDocument(
                content=f.read(), content_type=ingest_service_pb2.CONTENT_TYPE_TEXT,
                source_uri="seeds/" + name)
        reply = cls.ingest.IngestDocument(
            ingest_service_pb2.IngestDocumentRequest(document=raw), timeout=INGEST_TIMEOUT)
        if not reply.id:
            raise AssertionError("IngestDocument returned an empty id for " + name)
        return reply.id

    @classmethod
    def tearDownClass(cls):
        codes = cls.servers.stop(timeout=10)
        logs = cls.servers.logs()
        cls.tmp.cleanup()
        if codes != {"ingest_service": 0, "query_service": 0}:
            print(logs, file=sys.stderr)
            raise AssertionError("after SIGTERM, expected both servers to exit 0 within 10 s; "
                                 "got %s (None = still running, killed)" % codes)

    def search(self, query, **kwargs):
        return self.query.Search(query_service_pb2.SearchRequest(query=query, **kwargs),
                                 timeout=TIMEOUT)

    def assert_code(self, call, code, mentions=None):
        with self.assertRaises(grpc.RpcError) as caught:
            call()
        error = caught.exception
        self.assertEqual(error.code(), code, error.details())
        if mentions:
            self.assertIn(mentions, error.details() or "")

    # --- the happy path ---

    def test_terrorism_in_press_statements_finds_the_2001_statement_first(self):
        query = query_pb2.Query(boolean=query_pb2.BoolQuery(
            must=[match("terrorism")], filter=[term("doc_type", "press_statement")]))
        reply = self.search(query)
        self.assertGreaterEqual(len(reply.hits), 1)
        self.assertEqual(reply.hits[0].id, self.ids[SEED_2001])
        for hit in reply.hits:
            self.assertEqual(hit.doc_type, document_pb2.DOC_TYPE_PRESS_STATEMENT, hit.id)
        self.assertEqual(reply.total_size, len(reply.hits))

    def test_airspace_management_finds_the_2003_update_first(self):
        reply = self.search(match("airspace management"))
        self.assertGreaterEqual(len(reply.hits), 1)
        self.assertEqual(reply.hits[0].id, self.ids[SEED_2003])

    def test_get_document_returns_title_and_date(self):
        hit = self.search(match("airspace management")).hits[0]
        document = self.query.GetDocument(
            query_service_pb2.GetDocumentRequest(id=hit.id), timeout=TIMEOUT).document
        self.assertEqual(document.id, hit.id)
        self.assertEqual(plain_quotes(document.title),
                         'A "new spirit" of cooperation between NATO and Russia')
        self.assertEqual(document.published, document_pb2.Date(year=2003, month=12, day=4))

        joint = self.query.GetDocument(
            query_service_pb2.GetDocumentRequest(id=self.ids[SEED_2001]), timeout=TIMEOUT).document
        self.assertEqual(joint.title, "NATO-Russia Joint Statement")
        self.assertEqual(joint.published, document_pb2.Date(year=2001, month=12, day=7))

    # --- bad input gets the canonical code, naming what is wrong ---

    def test_empty_document_is_invalid_argument(self):
        request = ingest_service_pb2.IngestDocumentRequest(
            document=ingest_service_pb2.RawDocument(content=b"", source_uri="empty.txt"))
        self.assert_code(lambda: self.ingest.IngestDocument(request, timeout=TIMEOUT),
                         grpc.StatusCode.INVALID_ARGUMENT)

    def test_huge_page_size_is_invalid_argument(self):
        self.assert_code(lambda: self.search(match("terrorism"), page_size=100000),
                         grpc.StatusCode.INVALID_ARGUMENT, "page_size")

    def test_malformed_page_token_is_invalid_argument(self):
        self.assert_code(lambda: self.search(match("terrorism"), page_token="!!!"),
                         grpc.StatusCode.INVALID_ARGUMENT, "page_token")

    def test_unknown_field_in_term_filter_is_invalid_argument_naming_it(self):
        query = query_pb2.Query(boolean=query_pb2.BoolQuery(
            must=[match("terrorism")], filter=[term("no_such_field", "x")]))
        self.assert_code(lambda: self.search(query),
                         grpc.StatusCode.INVALID_ARGUMENT, "no_such_field")

    def test_missing_document_is_not_found(self):
        request = query_service_pb2.GetDocumentRequest(id="no-such-document-id")
        self.assert_code(lambda: self.query.GetDocument(request, timeout=TIMEOUT),
                         grpc.StatusCode.NOT_FOUND)

    def test_list_twins_of_an_english_only_archive_is_empty(self):
        # Both seeds are English: the 2001 statement has no twin in another
        # language, and says which language it is in.
        reply = self.query.ListTwins(
            comparison_pb2.ListTwinsRequest(id=self.ids[SEED_2001]), timeout=TIMEOUT)
        self.assertEqual(reply.language, "en")
        self.assertEqual(list(reply.twins), [])

    def test_list_twins_names_the_bad_field(self):
        self.assert_code(
            lambda: self.query.ListTwins(comparison_pb2.ListTwinsRequest(id="no-such-document-id"),
                                         timeout=TIMEOUT),
            grpc.StatusCode.NOT_FOUND, "no-such-document-id")
        self.assert_code(
            lambda: self.query.ListTwins(comparison_pb2.ListTwinsRequest(
                id=self.ids[SEED_2001], max_results=-1), timeout=TIMEOUT),
            grpc.StatusCode.INVALID_ARGUMENT, "max_results")


class NearDuplicateClustersTest(unittest.TestCase):
    """The 2001 seed republished under a new "Updated:" header: one cluster
    named after the original, and a collapsed search that shows it once."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="docsearch-ext-")
        cls.servers = None
        try:
            cls.servers = docsearch_servers.Servers(work_dir=cls.tmp.name, data_dir="")
            cls.ingest = ingest_service_pb2_grpc.IngestServiceStub(cls.servers.ingest_channel)
            cls.query = query_service_pb2_grpc.QueryServiceStub(cls.servers.query_channel)
            seeds = os.environ["DOCSEARCH_SEEDS"]
            cls.ids = {}
            for name, uri, edit in (
                    (SEED_2001, "seeds/" + SEED_2001, None),
                    (SEED_2003, "seeds/" + SEED_2003, None),
                    (SEED_2001, "seeds/zz-republished.txt",
                     (b"Updated: 07-Dec-2001", b"Updated: 15-Jan-2002"))):
                with open(os.path.join(seeds, name), "rb") as f:
                    content = f.read()
                if edit:
                    content = content.replace(*edit)
                raw = ingest_service_pb2.RawDocument(
                    content=content, content_type=ingest_service_pb2.CONTENT_TYPE_TEXT,
                    source_uri=uri)
                cls.ids[uri] = cls.ingest.IngestDocument(
                    ingest_service_pb2.IngestDocumentRequest(document=raw),
                    timeout=INGEST_TIMEOUT).id
        except BaseException:
            if cls.servers:
                cls.servers.stop()
                print(cls.servers.logs(), file=sys.stderr)
            cls.tmp.cleanup()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.servers.stop(timeout=10)
        cls.tmp.cleanup()

    def test_the_copy_joins_the_originals_cluster(self):
        reply = self.query.FindNearDuplicates(
            comparison_pb2.FindNearDuplicatesRequest(page_size=10), timeout=TIMEOUT)
        self.assertEqual(reply.total_clusters, 1)
        cluster = reply.clusters[0]
        # Same date and body: the smaller id is canonical and names the cluster.
        original = self.ids["seeds/" + SEED_2001]
        self.assertEqual(cluster.cluster_id, original)
        self.assertEqual([m.id for m in cluster.members],
                         [original, self.ids["seeds/zz-republished.txt"]])
        self.assertTrue(cluster.members[0].canonical)
        # The former answer, on request.
        pairs = self.query.FindNearDuplicates(
            comparison_pb2.FindNearDuplicatesRequest(pairs=True), timeout=TIMEOUT)
        self.assertEqual(len(pairs.pairs), 1)

    def test_collapsed_search_shows_the_statement_once_with_its_copy(self):
        request = query_service_pb2.SearchRequest(query_string="terrorism",
                                                  collapse_duplicates=True)
        reply = self.query.Search(request, timeout=TIMEOUT)
        plain = self.query.Search(query_service_pb2.SearchRequest(query_string="terrorism"),
                                  timeout=TIMEOUT)
        self.assertEqual(reply.total_size, plain.total_size)  # Every matching document.
        self.assertEqual(len(reply.hits), len(plain.hits) - 1)
        statement = [hit for hit in reply.hits if hit.cluster_id]
        self.assertEqual(len(statement), 1)
        self.assertEqual(statement[0].duplicate_count, 1)
        self.assertEqual(len(statement[0].duplicate_ids), 1)


if __name__ == "__main__":
    if not os.path.isfile(os.path.join(os.environ.get("DOCSEARCH_SEEDS", ""), SEED_2001)):
        print("SKIP: seed documents not found (DOCSEARCH_SEEDS=%r)"
              % os.environ.get("DOCSEARCH_SEEDS"))
        sys.exit(docsearch_servers.SKIP)
    unittest.main()

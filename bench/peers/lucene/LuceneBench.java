// Lucene 8 peer of bench/engine_bench.cc: same corpus, queries and protocol.
//
// Index: in memory (ByteBuffersDirectory), one thread, EnglishAnalyzer with
// NO stop words (docsearch keeps stop words too; Porter stemming and
// lower-casing as close as Lucene offers to our Snowball English chain).
// Fields: id (keyword, stored), title and body (text, stored, like
// docsearch which keeps whole documents), doc_type (keyword), published
// (IntPoint yyyymmdd). BM25 (k1 1.2, b 0.75: Lucene's default). Indexing
// time includes building Lucene Documents and the final commit; segments
// are left as the default merge policy leaves them (no forceMerge).
//
// Queries are built from the raw words with QueryBuilder (same analyzer) on
// the body field, top-10 by score, and the id of each hit is read: timed
// from raw words to hit ids, like the other harnesses. The ids come from a
// SortedDocValues field, as Lucene applications read keys: reading them
// from stored fields (--fetch=stored) costs Lucene 8.7 a block
// decompression per hit (BEST_SPEED packs ~60 KB sub-blocks), which on this
// corpus multiplied its OR p50 by ~10 and would flatter docsearch.
//
// Total hits. IndexSearcher.search(query, 10) counts the first 1,000 hits
// exactly before block-max WAND may skip (TopScoreDocCollector's default
// total-hits threshold); docsearch stops counting once no document can reach
// the page and flags its total as a lower bound. --total_hits_threshold=10
// makes Lucene do the same (TopScoreDocCollector.create(10, 10)); bench/run.sh
// runs both settings and compares docsearch with the faster per query type.
//
// Usage: java -cp lucene-core.jar:lucene-analyzers-common.jar:. LuceneBench
//          --docs=PATH --queries=PATH [--rounds=2] [--warmup=2]
//          [--total_hits_threshold=1000]
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

public final class LuceneBench {
  private static int yyyymmdd(String iso) {
    return Integer.parseInt(iso.replace("-", ""));
  }

  private static double percentile(List<Double> v, double p) {
    if (v.isEmpty()) return 0;
    Double[] a = v.toArray(new Double[0]);
    Arrays.sort(a);
    int i = (int) (p * (a.length - 1) + 0.5);
    return a[Math.min(i, a.length - 1)];
  }

  private static Query makeQuery(QueryBuilder qb, String[] q) {
    String type = q[0];
    String words = q[1];
    Query text;
    if (type.equals("phrase")) {
      text = qb.createPhraseQuery("body", words);
    } else {
      text = qb.createBooleanQuery("body", words,
          type.equals("and") ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD);
    }
    if (text == null) text = new MatchNoDocsQuery();
    if (!type.equals("filtered")) return text;
    Query filter;
    if (q[2].equals("doc_type")) {
      filter = new TermQuery(new Term("doc_type", q[3]));
    } else {
      String[] range = q[3].split("\\.\\.");
      filter = IntPoint.newRangeQuery("published", yyyymmdd(range[0]), yyyymmdd(range[1]));
    }
    return new BooleanQuery.Builder()
        .add(text, BooleanClause.Occur.MUST)
        .add(filter, BooleanClause.Occur.FILTER)
        .build();
  }

  public static void main(String[] args) throws Exception {
    String docsPath = null, queriesPath = null;
    int rounds = 2;
    int warmup = 2;
    // --fetch=stored: read the hits' ids from stored fields instead of doc
    // values (diagnostics; see the header); --fetch=none: do not read them.
    String fetch = "docvalues";
    // Lucene 8's default for IndexSearcher.search(query, n); see the header.
    int totalHitsThreshold = 1000;
    for (String a : args) {
      if (a.startsWith("--docs=")) docsPath = a.substring(7);
      else if (a.startsWith("--queries=")) queriesPath = a.substring(10);
      else if (a.startsWith("--rounds=")) rounds = Integer.parseInt(a.substring(9));
      else if (a.startsWith("--warmup=")) warmup = Integer.parseInt(a.substring(9));
      else if (a.startsWith("--fetch=")) fetch = a.substring(8);
      else if (a.startsWith("--total_hits_threshold=")) {
        totalHitsThreshold = Integer.parseInt(a.substring(23));
      }
    }
    if (docsPath == null || queriesPath == null) {
      System.err.println("usage: LuceneBench --docs=PATH --queries=PATH [--rounds=N] [--warmup=N] "
          + "[--total_hits_threshold=N]");
      System.exit(2);
    }

    List<String[]> rows = new ArrayList<>();
    long rawBytes = 0;
    try (BufferedReader in = Files.newBufferedReader(Paths.get(docsPath), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split("\t", -1);
        if (f.length != 5) continue;
        rows.add(f);
        rawBytes += f[1].getBytes(StandardCharsets.UTF_8).length
            + f[4].getBytes(StandardCharsets.UTF_8).length;
      }
    }
    List<String[]> queries = new ArrayList<>();
    for (String line : Files.readAllLines(Paths.get(queriesPath), StandardCharsets.UTF_8)) {
      queries.add(Arrays.copyOf(line.split("\t", -1), 4));
    }

    EnglishAnalyzer analyzer = new EnglishAnalyzer(CharArraySet.EMPTY_SET);
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setRAMBufferSizeMB(256);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);

    long t0 = System.nanoTime();
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      for (String[] f : rows) {
        Document doc = new Document();
        doc.add(new StringField("id", f[0], Field.Store.YES));
        doc.add(new SortedDocValuesField("id", new BytesRef(f[0])));
        doc.add(new TextField("title", f[1], Field.Store.YES));
        doc.add(new IntPoint("published", yyyymmdd(f[2])));
        doc.add(new StringField("doc_type", f[3], Field.Store.NO));
        doc.add(new TextField("body", f[4], Field.Store.YES));
        writer.addDocument(doc);
      }
      writer.commit();
    }
    double indexSeconds = (System.nanoTime() - t0) / 1e9;
    long indexBytes = 0;
    for (String file : dir.listAll()) indexBytes += dir.fileLength(file);
    System.err.printf("lucene: indexed %d docs in %.2f s%n", rows.size(), indexSeconds);

    DirectoryReader reader = DirectoryReader.open(dir);
    IndexSearcher searcher = new IndexSearcher(reader);  // BM25Similarity by default.
    QueryBuilder qb = new QueryBuilder(analyzer);
    Set<String> idField = new HashSet<>(Arrays.asList("id"));
    List<LeafReaderContext> leaves = reader.leaves();

    Map<String, List<Double>> latencies = new TreeMap<>();
    Map<String, Integer> nonempty = new TreeMap<>();
    Map<String, Integer> count = new TreeMap<>();
    long sink = 0;
    for (int round = -warmup; round < rounds; ++round) {  // Negative rounds warm up.
      for (String[] q : queries) {
        long start = System.nanoTime();
        TopScoreDocCollector collector = TopScoreDocCollector.create(10, totalHitsThreshold);
        searcher.search(makeQuery(qb, q), collector);
        TopDocs top = collector.topDocs();
        if (fetch.equals("stored")) {
          for (ScoreDoc hit : top.scoreDocs) sink += searcher.doc(hit.doc, idField).get("id").length();
        } else if (fetch.equals("docvalues")) {
          for (ScoreDoc hit : top.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            SortedDocValues ids = leaf.reader().getSortedDocValues("id");
            if (ids.advanceExact(hit.doc - leaf.docBase)) sink += ids.lookupOrd(ids.ordValue()).length;
          }
        }
        double us = (System.nanoTime() - start) / 1e3;
        if (round == -warmup) {
          count.merge(q[0], 1, Integer::sum);
          nonempty.merge(q[0], top.scoreDocs.length > 0 ? 1 : 0, Integer::sum);
        } else if (round >= 0) {
          latencies.computeIfAbsent(q[0], k -> new ArrayList<>()).add(us);
        }
      }
    }
    if (sink == 42) System.err.println();

    StringBuilder json = new StringBuilder();
    json.append("{\"engine\":\"lucene\",\"total_hits_threshold\":").append(totalHitsThreshold)
        .append(",\"docs\":").append(rows.size())
        .append(",\"raw_bytes\":").append(rawBytes)
        .append(",\"index_seconds\":").append(indexSeconds)
        .append(",\"docs_per_s\":").append(rows.size() / indexSeconds)
        .append(",\"mb_per_s\":").append(rawBytes / 1e6 / indexSeconds)
        .append(",\"memory_bytes\":").append(indexBytes)
        .append(",\"segments\":").append(reader.leaves().size())
        .append(",\"memory_note\":\"ByteBuffersDirectory file bytes after commit (compressed "
            + "index incl. stored fields)\",\"queries\":{");
    boolean first = true;
    for (Map.Entry<String, List<Double>> e : latencies.entrySet()) {
      if (!first) json.append(",");
      first = false;
      json.append("\"").append(e.getKey()).append("\":{\"n\":").append(e.getValue().size())
          .append(",\"queries\":").append(count.get(e.getKey()))
          .append(",\"nonempty\":").append(nonempty.get(e.getKey()))
          .append(",\"p50_us\":").append(percentile(e.getValue(), 0.50))
          .append(",\"p99_us\":").append(percentile(e.getValue(), 0.99)).append("}");
    }
    json.append("}}");
    System.out.println(json);
    reader.close();
  }
}

// The Lucene peer of docsearch's FindSimilar (bench/compare_bench.cc):
// MoreLikeThis top 10 from a stored document, in process, on the same
// docs-N-s42.tsv, indexed as bench/peers/lucene/LuceneBench.java does
// (ByteBuffersDirectory, EnglishAnalyzer with no stop words, body stored,
// no term vectors, so MoreLikeThis re-analyzes the stored body as docsearch
// does from its stored document).
//
// MoreLikeThis: field body, at most 25 query terms (docsearch's default
// max_query_terms), Lucene's other defaults (min term freq 2, min doc freq 5).
// Each call timed from the id string to the top-10 hit ids: id lookup
// (TermQuery), mlt.like(docId), search, ids read from SortedDocValues.
// --samples random ids (java.util.Random, seed 7: a sample of the same
// corpus, not the same ids as compare_bench), one warm-up pass, one timed pass.
//
// Usage: java -cp lucene-core:lucene-analyzers-common:lucene-queries:. LuceneMltBench
//          --docs=docs.tsv [--samples=200]
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
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
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

public class LuceneMltBench {
  public static void main(String[] args) throws Exception {
    String docsPath = null;
    int samples = 200;
    for (String a : args) {
      if (a.startsWith("--docs=")) docsPath = a.substring(7);
      else if (a.startsWith("--samples=")) samples = Integer.parseInt(a.substring(10));
    }
    if (docsPath == null) {
      System.err.println("usage: LuceneMltBench --docs=PATH [--samples=N]");
      System.exit(2);
    }
    EnglishAnalyzer analyzer = new EnglishAnalyzer(CharArraySet.EMPTY_SET);
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setRAMBufferSizeMB(256);
    List<String> ids = new ArrayList<>();
    try (IndexWriter writer = new IndexWriter(dir, config);
         BufferedReader in = Files.newBufferedReader(Paths.get(docsPath), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split("\t", -1);
        if (f.length != 5) continue;
        Document doc = new Document();
        doc.add(new StringField("id", f[0], Field.Store.YES));
        doc.add(new SortedDocValuesField("id", new BytesRef(f[0])));
        doc.add(new TextField("title", f[1], Field.Store.YES));
        doc.add(new TextField("body", f[4], Field.Store.YES));
        writer.addDocument(doc);
        ids.add(f[0]);
      }
      writer.commit();
    }
    DirectoryReader reader = DirectoryReader.open(dir);
    IndexSearcher searcher = new IndexSearcher(reader);
    List<LeafReaderContext> leaves = reader.leaves();
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {"body"});
    mlt.setMaxQueryTerms(25);

    Random rng = new Random(7);
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < samples; ++i) sample.add(ids.get(rng.nextInt(ids.size())));
    List<Double> us = new ArrayList<>();
    long sink = 0, hits = 0;
    for (int round = -1; round < 1; ++round) {
      for (String id : sample) {
        long start = System.nanoTime();
        TopDocs one = searcher.search(new TermQuery(new Term("id", id)), 1);
        Query q = mlt.like(one.scoreDocs[0].doc);
        TopDocs top = searcher.search(q, 10);
        for (ScoreDoc hit : top.scoreDocs) {
          LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
          SortedDocValues dv = leaf.reader().getSortedDocValues("id");
          if (dv.advanceExact(hit.doc - leaf.docBase)) sink += dv.lookupOrd(dv.ordValue()).length;
        }
        if (round == 0) {
          us.add((System.nanoTime() - start) / 1e3);
          hits += top.scoreDocs.length;
        }
      }
    }
    if (sink == 42) System.err.println();
    Collections.sort(us);
    double p50 = us.get((int) Math.round(0.50 * (us.size() - 1)));
    double p99 = us.get((int) Math.round(0.99 * (us.size() - 1)));
    System.out.println("{\"engine\":\"lucene\",\"docs\":" + ids.size() + ",\"ops\":{\"find_similar\":"
        + "{\"n\":" + us.size() + ",\"p50_us\":" + p50 + ",\"p99_us\":" + p99
        + ",\"mean_hits\":" + ((double) hits / us.size()) + "}}}");
  }
}

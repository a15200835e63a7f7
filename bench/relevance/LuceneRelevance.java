// Lucene 8 peer for the relevance benchmark (bench/relevance/run.sh).
//
// Indexes every corpus document with the analyzer of its language (English,
// French or German from the labels; the seeds are English) into a field named
// after the language, then runs each query, analysed with the analyzer of the
// query's language, against that language's field with the classic query
// parser (default operator OR). This is how a Lucene user keeps languages
// apart: one field per language, the query in its own language.
//
// Input on stdin, tab-separated:  D <path> <language>  then  Q <need> <language> <query>
// (documents are read from <corpus>/<path>). Output: <need> <rank> <path>, top 10.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

public class LuceneRelevance {
  static Analyzer analyzerFor(String language) {
    switch (language) {
      case "en": return new EnglishAnalyzer();
      case "fr": return new FrenchAnalyzer();
      case "de": return new GermanAnalyzer();
      default: return new StandardAnalyzer();
    }
  }

  public static void main(String[] args) throws Exception {
    String corpus = args[0];
    Map<String, Analyzer> perField = new HashMap<>();
    for (String language : new String[] {"en", "fr", "de", "xx"}) {
      perField.put("text_" + language, analyzerFor(language));
    }
    Analyzer analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
    List<String[]> queries = new ArrayList<>();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      String[] parts = line.split("\t", 4);
      if (parts[0].equals("D")) {
        String language = perField.containsKey("text_" + parts[2]) ? parts[2] : "xx";
        String text = new String(Files.readAllBytes(Paths.get(corpus, parts[1])), StandardCharsets.UTF_8);
        Document document = new Document();
        document.add(new StringField("path", parts[1], Field.Store.YES));
        document.add(new TextField("text_" + language, text, Field.Store.NO));
        writer.addDocument(document);
      } else if (parts[0].equals("Q")) {
        queries.add(parts);
      }
    }
    writer.close();
    IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
    for (String[] q : queries) {
      String language = perField.containsKey("text_" + q[2]) ? q[2] : "xx";
      QueryParser parser = new QueryParser("text_" + language, analyzerFor(language));
      Query query = parser.parse(QueryParser.escape(q[3]));
      ScoreDoc[] hits = searcher.search(query, 10).scoreDocs;
      for (int rank = 0; rank < hits.length; rank++) {
        System.out.println(q[1] + "\t" + (rank + 1) + "\t" + searcher.doc(hits[rank].doc).get("path"));
      }
    }
  }
}

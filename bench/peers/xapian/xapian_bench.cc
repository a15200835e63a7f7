// Xapian peer of bench/engine_bench.cc: same corpus, queries and protocol.
//
// Index: a glass database on tmpfs (/dev/shm, so memory-backed like the
// others; Xapian's InMemory backend is deprecated and not its fast path),
// one thread, TermGenerator with the English Snowball stemmer and
// STEM_ALL (every term stemmed and positional, stop words kept, as in
// docsearch). Title is indexed with prefix "S", body unprefixed;
// doc_type is a boolean term "XT<type>", published a value (yyyymmdd).
// Indexing time includes building Xapian documents and the final commit;
// the flush threshold is Xapian's default.
//
// Queries: the raw words lower-cased and stemmed like the index, OP_OR /
// OP_AND / OP_PHRASE (window 2) on the body terms, filters through
// OP_FILTER with the boolean term or OP_VALUE_RANGE. BM25Weight with
// k1 1.2, b 0.75 (Xapian's defaults are k1 1, b 0.5). Top-10; the id of
// each hit is read from value slot 1 (the document data holds id, title and
// body, stored like the others store them, but is not read per hit).
//
// Usage: xapian_bench --docs=PATH --queries=PATH [--rounds=2] [--warmup=2]
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    std::exit(2);
  }
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) rows.push_back(Split(line, '\t'));
  return rows;
}

std::string Yyyymmdd(const std::string& iso) {
  std::string out;
  for (char c : iso)
    if (c != '-') out += c;
  return out;
}

Xapian::Query MakeQuery(const std::vector<std::string>& q, const Xapian::Stem& stem) {
  std::vector<std::string> terms;
  std::istringstream words(q[1]);
  for (std::string w; words >> w;) terms.push_back(stem(Xapian::Unicode::tolower(w)));
  const std::string& type = q[0];
  Xapian::Query text;
  if (type == "phrase") {
    text = Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
  } else {
    text = Xapian::Query(type == "and" ? Xapian::Query::OP_AND : Xapian::Query::OP_OR,
                         terms.begin(), terms.end());
  }
  if (type != "filtered") return text;
  Xapian::Query filter;
  if (q[2] == "doc_type") {
    filter = Xapian::Query("XT" + q[3]);
  } else {
    size_t dots = q[3].find("..");
    filter = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, Yyyymmdd(q[3].substr(0, dots)),
                           Yyyymmdd(q[3].substr(dots + 2)));
  }
  return Xapian::Query(Xapian::Query::OP_FILTER, text, filter);
}

double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * (v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  std::string docs_path, queries_path;
  int rounds = 2;
  int warmup = 2;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--docs=", 0) == 0)
      docs_path = arg.substr(7);
    else if (arg.rfind("--queries=", 0) == 0)
      queries_path = arg.substr(10);
    else if (arg.rfind("--rounds=", 0) == 0)
      rounds = std::stoi(arg.substr(9));
    else if (arg.rfind("--warmup=", 0) == 0)
      warmup = std::stoi(arg.substr(9));
  }
  if (docs_path.empty() || queries_path.empty()) {
    std::cerr << "usage: xapian_bench --docs=PATH --queries=PATH [--rounds=N] [--warmup=N]\n";
    return 2;
  }
  std::vector<std::vector<std::string>> rows;
  for (auto& f : ReadTsv(docs_path))
    if (f.size() == 5) rows.push_back(std::move(f));
  std::vector<std::vector<std::string>> queries = ReadTsv(queries_path);
  for (auto& q : queries) q.resize(4);
  int64_t raw_bytes = 0;
  for (const auto& r : rows) raw_bytes += r[1].size() + r[4].size();

  const std::string base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : "/tmp";
  const std::string db_path = base + "/docsearch-bench-xapian-" + std::to_string(getpid());
  std::filesystem::remove_all(db_path);

  Xapian::Stem stem("english");
  double index_seconds = 0;
  {
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(stem);
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
    const auto t0 = Clock::now();
    for (const auto& r : rows) {
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(r[1], 1, "S");
      generator.index_text(r[4]);
      doc.add_boolean_term("Q" + r[0]);
      doc.add_boolean_term("XT" + r[3]);
      doc.add_value(0, Yyyymmdd(r[2]));
      doc.add_value(1, r[0]);  // The id, read back per hit without the data.
      doc.set_data(r[0] + "\t" + r[1] + "\t" + r[4]);  // Stored, like the others.
      db.add_document(doc);
    }
    db.commit();
    index_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  }
  int64_t index_bytes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(db_path))
    if (entry.is_regular_file()) index_bytes += entry.file_size();
  std::cerr << "xapian: indexed " << rows.size() << " docs in " << index_seconds << " s\n";

  Xapian::Database db(db_path);
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
  std::map<std::string, std::vector<double>> latencies;
  std::map<std::string, int> nonempty, count;
  size_t sink = 0;
  for (int round = -warmup; round < rounds; ++round) {  // Negative rounds warm up.
    for (const auto& q : queries) {
      const auto start = Clock::now();
      enquire.set_query(MakeQuery(q, stem));
      Xapian::MSet top = enquire.get_mset(0, 10);
      for (auto it = top.begin(); it != top.end(); ++it)
        sink += it.get_document().get_value(1).size();
      const double us = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
      if (round == -warmup) {
        count[q[0]]++;
        nonempty[q[0]] += top.size() > 0;
      } else if (round >= 0) {
        latencies[q[0]].push_back(us);
      }
    }
  }
  db.close();
  std::filesystem::remove_all(db_path);
  if (sink == 42) std::cerr << "\n";

  std::ostringstream json;
  json
      << "{\"engine\":\"xapian\",\"docs\":" << rows.size() << ",\"raw_bytes\":" << raw_bytes
      << ",\"index_seconds\":" << index_seconds << ",\"docs_per_s\":" << rows.size() / index_seconds
      << ",\"mb_per_s\":" << raw_bytes / 1e6 / index_seconds << ",\"memory_bytes\":" << index_bytes
      << ",\"memory_note\":\"glass database bytes on tmpfs after commit (compressed, id, title and "
         "body stored as document data)\",\"queries\":{";
  bool first = true;
  for (auto& [type, v] : latencies) {
    json << (first ? "" : ",") << "\"" << type << "\":{\"n\":" << v.size()
         << ",\"queries\":" << count[type] << ",\"nonempty\":" << nonempty[type]
         << ",\"p50_us\":" << Percentile(v, 0.50) << ",\"p99_us\":" << Percentile(v, 0.99) << "}";
    first = false;
  }
  json << "}}";
  std::cout << json.str() << std::endl;
  return 0;
}

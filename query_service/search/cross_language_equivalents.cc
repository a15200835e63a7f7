#include "query_service/search/cross_language_equivalents.h"

#include <algorithm>
#include <array>
#include <utility>

#include "absl/strings/ascii.h"

namespace docsearch::query {
namespace {

// English and French words of the domain's key notions, written from the
// vocabulary of security and foreign-policy texts (institutions, their
// business, the regions they deal with), not from any set of queries.
// Singular forms: lookup is by stem. A word with several translations has
// a row each.
struct Row {
  std::string_view en;
  std::string_view fr;
};
constexpr std::array kRows = {
    // Institutions and their parts.
    Row{"NATO", "OTAN"},
    Row{"alliance", "Alliance"},
    Row{"council", "conseil"},
    Row{"committee", "comité"},
    Row{"commission", "commission"},
    Row{"assembly", "assemblée"},
    Row{"parliament", "parlement"},
    Row{"government", "gouvernement"},
    Row{"minister", "ministre"},
    Row{"ministerial", "ministérielle"},
    Row{"secretary", "secrétaire"},
    Row{"member", "membre"},
    Row{"partner", "partenaire"},
    Row{"partnership", "partenariat"},
    Row{"ally", "allié"},
    Row{"summit", "sommet"},
    Row{"meeting", "réunion"},
    Row{"joint", "conjoint"},
    Row{"united", "unies"},
    Row{"nations", "nations"},
    Row{"european", "européenne"},
    Row{"union", "union"},
    Row{"atlantic", "atlantique"},
    Row{"north", "nord"},
    // What they do and say.
    Row{"statement", "déclaration"},
    Row{"declaration", "déclaration"},
    Row{"communique", "communiqué"},
    Row{"press", "presse"},
    Row{"speech", "discours"},
    Row{"resolution", "résolution"},
    Row{"decision", "décision"},
    Row{"agreement", "accord"},
    Row{"treaty", "traité"},
    Row{"charter", "charte"},
    Row{"enlargement", "élargissement"},
    Row{"accession", "adhésion"},
    Row{"invitation", "invitation"},
    Row{"cooperation", "coopération"},
    Row{"dialogue", "dialogue"},
    Row{"consultation", "consultation"},
    Row{"reform", "réforme"},
    Row{"support", "soutien"},
    Row{"aid", "aide"},
    Row{"assistance", "assistance"},
    Row{"humanitarian", "humanitaire"},
    Row{"relief", "secours"},
    Row{"refugee", "réfugié"},
    Row{"reconstruction", "reconstruction"},
    Row{"verification", "vérification"},
    Row{"monitoring", "surveillance"},
    Row{"mission", "mission"},
    Row{"operation", "opération"},
    Row{"deployment", "déploiement"},
    Row{"withdrawal", "retrait"},
    Row{"negotiation", "négociation"},
    Row{"sanction", "sanction"},
    Row{"election", "élection"},
    // Security and defence.
    Row{"security", "sécurité"},
    Row{"defence", "défense"},
    Row{"collective", "collective"},
    Row{"identity", "identité"},
    Row{"peace", "paix"},
    Row{"stability", "stabilité"},
    Row{"stabilisation", "stabilisation"},
    Row{"crisis", "crise"},
    Row{"conflict", "conflit"},
    Row{"war", "guerre"},
    Row{"threat", "menace"},
    Row{"attack", "attaque"},
    Row{"strike", "frappe"},
    Row{"terrorism", "terrorisme"},
    Row{"terrorist", "terroriste"},
    Row{"force", "force"},
    Row{"troop", "troupe"},
    Row{"military", "militaire"},
    Row{"armed", "armées"},
    Row{"weapon", "arme"},
    Row{"arms", "armements"},
    Row{"missile", "missile"},
    Row{"nuclear", "nucléaire"},
    Row{"disarmament", "désarmement"},
    Row{"proliferation", "prolifération"},
    Row{"control", "maîtrise"},
    Row{"air", "aérienne"},
    Row{"rights", "droits"},
    Row{"democracy", "démocratie"},
    Row{"freedom", "liberté"},
    Row{"violence", "violence"},
    Row{"ethnic", "ethnique"},
    Row{"border", "frontière"},
    Row{"region", "région"},
    Row{"regional", "régional"},
    Row{"international", "international"},
    Row{"community", "communauté"},
    Row{"country", "pays"},
    Row{"state", "État"},
    // Places and peoples whose names differ.
    Row{"Europe", "Europe"},
    Row{"Russia", "Russie"},
    Row{"Ukraine", "Ukraine"},
    Row{"Yugoslavia", "Yougoslavie"},
    Row{"Bosnia", "Bosnie"},
    Row{"Herzegovina", "Herzégovine"},
    Row{"Serbia", "Serbie"},
    Row{"Croatia", "Croatie"},
    Row{"Albania", "Albanie"},
    Row{"Macedonia", "Macédoine"},
    Row{"Montenegro", "Monténégro"},
    Row{"Slovenia", "Slovénie"},
    Row{"Romania", "Roumanie"},
    Row{"Bulgaria", "Bulgarie"},
    Row{"Hungary", "Hongrie"},
    Row{"Poland", "Pologne"},
    Row{"Czech", "tchèque"},
    Row{"Slovakia", "Slovaquie"},
    Row{"Lithuania", "Lituanie"},
    Row{"Latvia", "Lettonie"},
    Row{"Estonia", "Estonie"},
    Row{"Georgia", "Géorgie"},
    Row{"Turkey", "Turquie"},
    Row{"Greece", "Grèce"},
    Row{"Germany", "Allemagne"},
    Row{"Spain", "Espagne"},
    Row{"Italy", "Italie"},
    Row{"Britain", "Bretagne"},
    Row{"Mediterranean", "Méditerranée"},
    Row{"Afghanistan", "Afghanistan"},
    Row{"Iraq", "Irak"},
    Row{"Darfur", "Darfour"},
    Row{"Africa", "Afrique"},
    Row{"African", "africaine"},
    Row{"Washington", "Washington"},
};

// The stem of a one-word `text` in `language`, or "" when it is not one word.
std::string StemOf(std::string_view text, std::string_view language, TextAnalyzer& analyzer) {
  std::vector<Token> tokens = analyzer.Analyze(text, language);
  if (tokens.empty() || tokens.back().position != 0) return "";
  return tokens.front().term;
}

}  // namespace

std::vector<Equivalent> CrossLanguageEquivalents(std::string_view text, std::string_view language,
                                                 TextAnalyzer& analyzer) {
  const std::string primary = absl::AsciiStrToLower(
      std::string(language.substr(0, std::min(language.find('-'), language.size()))));
  if (primary != "en" && primary != "fr") return {};
  const bool from_english = primary == "en";
  const std::string other = from_english ? "fr" : "en";
  // A compound's closed form shares its first part's position: one more
  // form of that word, looked up like the others.
  const std::vector<Token> tokens = analyzer.Analyze(text, primary);
  if (tokens.empty()) return {};
  // The rows' stems in the query's language, for the rows whose two words
  // differ once folded (words spelled alike already meet).
  std::vector<std::pair<std::string, const Row*>> stems;
  for (const Row& row : kRows) {
    const std::string_view own = from_english ? row.en : row.fr;
    const std::string_view theirs = from_english ? row.fr : row.en;
    if (analyzer.FoldWord(own) == analyzer.FoldWord(theirs)) continue;
    std::string stem = StemOf(own, primary, analyzer);
    if (!stem.empty()) stems.emplace_back(std::move(stem), &row);
  }
  std::vector<Equivalent> out;
  for (const Token& token : tokens) {
    for (const auto& [stem, row] : stems) {
      if (stem != token.term) continue;
      const std::string_view theirs = from_english ? row->fr : row->en;
      const bool seen = std::any_of(out.begin(), out.end(),
                                    [theirs](const Equivalent& e) { return e.text == theirs; });
      if (!seen) out.push_back({std::string(theirs), other});
    }
  }
  return out;
}

}  // namespace docsearch::query

// faq-index: creates or updates a faqsearch index from JSONL files.
//
//   faq-index --db DIR [--skip-invalid] FILE...
//   faq-index --db DIR --delete ID...
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli.h"
#include "faqsearch/ingest.h"

int main(int argc, char** argv) {
  constexpr std::string_view kProgram = "faq-index";
  CLI::App app{"Create or update a faqsearch index from JSONL articles (one JSON object per line).", "faq-index"};
  std::string db;
  std::vector<std::string> files;
  std::vector<std::string> delete_ids;
  bool skip_invalid = false;
  app.add_option("--db", db, "Index directory (created if missing)")->required();
  app.add_option("files", files, "JSONL files to index; '-' reads standard input");
  app.add_option("--delete", delete_ids, "Ids of articles to delete")->expected(1, -1);
  app.add_flag("--skip-invalid", skip_invalid,
               "Index the valid records and report each invalid one (default: stop at the first, change nothing)");
  try {
    app.parse(argc, argv);
    if (files.empty() && delete_ids.empty())
      throw CLI::ValidationError("nothing to do: give FILE... or --delete ID...");
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return faqsearch::cli::kExitOk;
  } catch (const CLI::ParseError& e) {
    faqsearch::cli::print_error(kProgram, e.what());
    std::cerr << "usage: faq-index --db DIR [--skip-invalid] FILE... | --db DIR --delete ID...\n";
    return faqsearch::cli::kExitUsage;
  }

  faqsearch::IngestOptions options;
  options.skip_invalid = skip_invalid;
  auto summary = faqsearch::ingest_jsonl(db, files, delete_ids, options);
  if (!summary) return faqsearch::cli::fail(kProgram, summary.error());
  for (const auto& d : summary->diagnostics) std::cerr << kProgram << ": skipped: " << d.to_string() << '\n';
  for (const auto& id : summary->missing_ids)
    std::cerr << kProgram << ": warning: --delete " << id << ": no such article\n";
  std::cout << fmt::format("added {}, updated {}, deleted {}, skipped {}, {:.2f} seconds\n", summary->added,
                           summary->updated, summary->deleted, summary->skipped, summary->seconds);
  return faqsearch::cli::kExitOk;
}

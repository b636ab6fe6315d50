// index_minimal: index two articles written in code.
//
//   index_minimal DB_DIR
#include <faqsearch/faqsearch.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: index_minimal DB_DIR\n";
    return 2;
  }

  // 1. Open (or create) the index. Errors come back as values, never exceptions.
  auto writer = faqsearch::IndexWriter::open(argv[1]);
  if (!writer) {
    std::cerr << writer.error().to_string() << '\n';
    return 1;
  }

  // 2. Describe the articles. id, title and body are required.
  faqsearch::Article backup;
  backup.id = "kb-1";
  backup.title = "How do I back up my wallet to iCloud?";
  backup.body = "Open Wallet, choose Backup, and sign in to iCloud.";
  backup.category = "wallet";
  backup.lang = "en";
  backup.updated = faqsearch::parse_iso8601("2026-05-01").value();
  backup.views = 1200;

  faqsearch::Article uid;
  uid.id = "kb-2";
  uid.title = "如何找到我的用户ID（UID）？";
  uid.body = "在个人资料页面可以看到您的UID。";
  uid.lang = "zh";

  // 3. Add them. Re-adding the same id replaces the article.
  for (const auto& article : {backup, uid}) {
    if (auto added = writer->upsert(article); !added) {
      std::cerr << added.error().to_string() << '\n';
      return 1;
    }
  }

  // 4. Commit: nothing is visible (or durable) before this returns.
  if (auto status = writer->commit(); !status.ok()) {
    std::cerr << status.to_string() << '\n';
    return 1;
  }
  if (auto count = writer->article_count()) std::cout << "indexed " << count.value() << " articles\n";
  return 0;
}

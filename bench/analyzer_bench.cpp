// analyzer_bench: throughput of text analysis (bytes/s), ours against Xapian's
// own TermGenerator on the same English text, in one run.
//
//   BM_Tokenize/script:<0..3>     Analyzer::tokenize on ~8 KiB of English,
//                                 Chinese, Japanese or Thai text (ICU word
//                                 break + NFKC case folding)
//   BM_AnalyzeEnglish             what indexing does with the English text:
//                                 tokenize, stem every word with Analyzer::stem
//                                 and add the word (with position) and its stem
//                                 to a fresh Xapian::Document
//   BM_XapianTermGenerator        baseline: Xapian::TermGenerator (English
//                                 stemmer, STEM_SOME) index_text() of the same
//                                 English text into a fresh Xapian::Document;
//                                 it too adds each word with its position and
//                                 a "Z"-prefixed stem
//
// Read BM_Tokenize/script:0 / BM_XapianTermGenerator (bytes/s) for the cost of
// ICU segmentation alone against Xapian's whole pipeline, and
// BM_AnalyzeEnglish / BM_XapianTermGenerator for like against like. Xapian's
// tokenizer only splits on Unicode character classes (no dictionaries for
// Chinese, Japanese or Thai), so only English has a baseline.
#include <benchmark/benchmark.h>
#include <xapian.h>

#include <cstdint>
#include <string>

#include "faqsearch/analyzer.h"

namespace {

const char* kSamples[] = {
    "How do I back up my wallet to iCloud or Google Drive? Open the app, choose Settings, then Backup. "
    "Withdrawals sent to the wrong address cannot be reversed, so check the network (ERC-20 or TRC20) first. ",
    "如何将钱包备份到iCloud？打开应用，进入设置，选择备份。提现到错误地址后无法撤回，请先确认网络。",
    "出金が届かない場合はどうすればいいですか？ネットワークの混雑により、反映まで時間がかかることがあります。",
    "วิธีสำรองข้อมูลกระเป๋าเงินไปยังไอคลาวด์ เปิดแอปแล้วไปที่การตั้งค่า เลือกสำรองข้อมูล",
};
const char* kNames[] = {"english", "chinese", "japanese", "thai"};
constexpr int kEnglish = 0;

// The sample of `script` repeated to at least 8 KiB.
std::string sample_text(std::int64_t script) {
  std::string text;
  while (text.size() < 8192) text += kSamples[script];
  return text;
}

void set_bytes(benchmark::State& state, const std::string& text) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}

void BM_Tokenize(benchmark::State& state) {
  std::string text = sample_text(state.range(0));
  faqsearch::Analyzer analyzer;
  for (auto _ : state) {
    auto tokens = analyzer.tokenize(text);
    benchmark::DoNotOptimize(tokens.data());
  }
  set_bytes(state, text);
  state.SetLabel(kNames[state.range(0)]);
}
BENCHMARK(BM_Tokenize)->ArgName("script")->DenseRange(0, 3);

void BM_AnalyzeEnglish(benchmark::State& state) {
  std::string text = sample_text(kEnglish);
  faqsearch::Analyzer analyzer;
  for (auto _ : state) {
    Xapian::Document doc;
    for (const faqsearch::Token& token : analyzer.tokenize(text)) {
      doc.add_posting(token.term, token.position);
      if (token.kind != faqsearch::TokenKind::word) continue;
      std::string stem_term(1, 'Z');
      stem_term += analyzer.stem(token.term, "en");
      doc.add_term(stem_term);
    }
    benchmark::DoNotOptimize(doc.termlist_count());
  }
  set_bytes(state, text);
  state.SetLabel("english, tokenize+stem+document");
}
BENCHMARK(BM_AnalyzeEnglish);

void BM_XapianTermGenerator(benchmark::State& state) {
  std::string text = sample_text(kEnglish);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  for (auto _ : state) {
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(text);
    benchmark::DoNotOptimize(doc.termlist_count());
  }
  set_bytes(state, text);
  state.SetLabel("english, baseline");
}
BENCHMARK(BM_XapianTermGenerator);

}  // namespace

BENCHMARK_MAIN();

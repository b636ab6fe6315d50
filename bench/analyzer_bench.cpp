// analyzer_bench: throughput of Analyzer::tokenize per script (bytes/s).
//
//   BM_Tokenize/<script>  tokenizes a paragraph of that script repeatedly
#include <string>

#include <benchmark/benchmark.h>

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

void BM_Tokenize(benchmark::State& state) {
  std::string text;
  while (text.size() < 8192) text += kSamples[state.range(0)];
  faqsearch::Analyzer analyzer;
  for (auto _ : state) {
    auto tokens = analyzer.tokenize(text);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.SetLabel(kNames[state.range(0)]);
}
BENCHMARK(BM_Tokenize)->ArgName("script")->DenseRange(0, 3);

}  // namespace

BENCHMARK_MAIN();

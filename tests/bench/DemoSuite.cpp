// demo: how long `radpath-cli make-demo` takes to write the full demo set (target 180 s on
// 2 cores). No anchor: the target is on the value itself.

#include "Bench.h"

#include <QDir>
#include <QTemporaryDir>

namespace radpath::bench {

std::vector<Figure> demoSuite()
{
    constexpr int kRuns = 5;
    std::vector<double> seconds, memory;
    const QString cli = binDir() + "/radpath-cli";
    for (int i = 0; i < kRuns; ++i) {
        QTemporaryDir dir; // removed after each run: the slide alone is ~200 MB
        const ProcessCost cost = runProcess(cli, {"make-demo", dir.filePath("demo")});
        seconds.push_back(cost.exitCode == 0 ? cost.seconds : 1e9);
        memory.push_back(cost.peakRssMB);
    }
    Figure time;
    time.name = "make-demo wall time";
    time.value = median(seconds);
    time.unit = "s";
    time.max = 180.0;
    Figure rss;
    rss.name = "make-demo peak resident memory";
    rss.value = median(memory);
    rss.unit = "MB";
    rss.max = 2048.0;
    return {time, rss};
}

} // namespace radpath::bench

// startup: how fast and small both programs start now that LibTorch loads on demand.
// Anchor: the same program made to load the AI module at start (--load-ai), i.e. what
// every start cost when LibTorch was linked.

#include "Bench.h"

#include <QTemporaryDir>

#include <cstdio>

namespace radpath::bench {

std::vector<Figure> startupSuite()
{
    QTemporaryDir state;
    const QString cli = binDir() + "/radpath-cli";
    const QString gui = binDir() + "/radpath";
    const QStringList env{"QT_QPA_PLATFORM=offscreen", "RADPATH_DATA_DIR=" + state.path()};
    const QStringList cliArgs{"--help"};
    const QStringList guiArgs{"--no-restore", "--quit-after-start"};

    std::vector<double> cliT, cliAiT, cliM, cliAiM, guiT, guiAiT, guiM, guiAiM;
    constexpr int kRuns = 7;
    // Warm the page cache once for each, then interleave A B A B.
    runProcess(cli, cliArgs, env);
    runProcess(cli, QStringList{"--load-ai"} + cliArgs, env);
    runProcess(gui, guiArgs, env);
    runProcess(gui, QStringList{"--load-ai"} + guiArgs, env);
    for (int i = 0; i < kRuns; ++i) {
        const ProcessCost a = runProcess(cli, cliArgs, env);
        const ProcessCost b = runProcess(cli, QStringList{"--load-ai"} + cliArgs, env);
        const ProcessCost c = runProcess(gui, guiArgs, env);
        const ProcessCost d = runProcess(gui, QStringList{"--load-ai"} + guiArgs, env);
        if (a.exitCode || b.exitCode || c.exitCode || d.exitCode)
            std::fprintf(stderr, "startup: a program failed (%d %d %d %d)\n", a.exitCode, b.exitCode, c.exitCode,
                         d.exitCode);
        cliT.push_back(a.seconds), cliAiT.push_back(b.seconds), guiT.push_back(c.seconds), guiAiT.push_back(d.seconds);
        cliM.push_back(a.peakRssMB), cliAiM.push_back(b.peakRssMB), guiM.push_back(c.peakRssMB),
            guiAiM.push_back(d.peakRssMB);
    }
    auto figure = [](const char* name, double value, const char* unit, const char* anchor, double anchorValue,
                     double max) {
        Figure f;
        f.name = name;
        f.value = value;
        f.unit = unit;
        f.anchorName = anchor;
        f.anchorValue = anchorValue;
        f.max = max;
        return f;
    };
    return {
        figure("radpath-cli start time", median(cliT), "s", "radpath-cli --load-ai", median(cliAiT), 0.2),
        figure("radpath-cli peak resident memory", median(cliM), "MB", "radpath-cli --load-ai", median(cliAiM), 0.3),
        figure("radpath start time", median(guiT), "s", "radpath --load-ai", median(guiAiT), 0.5),
        figure("radpath peak resident memory", median(guiM), "MB", "radpath --load-ai", median(guiAiM), 0.5),
    };
}

} // namespace radpath::bench

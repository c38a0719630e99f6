#include "app/cli/CliReport.h"

#include <cstdio>
#include <unistd.h>

namespace radpath::app::cli {

std::function<void(double)> stderrProgress(const char* stage)
{
    const bool terminal = isatty(STDERR_FILENO);
    return [stage, terminal, last = -1](double fraction) mutable {
        const int percent = int(fraction * 100.0);
        if (terminal) {
            if (percent != last)
                std::fprintf(stderr, "\r  %-24s %3d %%%s", stage, percent, fraction >= 1.0 ? "\n" : "");
            std::fflush(stderr);
        } else if (percent / 25 != last / 25 || last < 0) {
            std::fprintf(stderr, "  %-24s %3d %%\n", stage, percent);
        }
        last = percent;
    };
}

void reportFiles(const char* what, const std::vector<SkippedFile>& files, int limit)
{
    int shown = 0;
    for (const SkippedFile& file : files) {
        if (shown++ == limit) {
            std::fprintf(stderr, "  ... and %d more\n", int(files.size()) - limit);
            break;
        }
        std::fprintf(stderr, "%s %s: %s\n", what, file.path.toLocal8Bit().constData(),
                     file.reason.toLocal8Bit().constData());
    }
}

} // namespace radpath::app::cli

// radpath-cli: RadPath without a window.

#include "app/cli/CliCommands.h"
#include "app/core/AiModule.h"
#include "app/core/BuildInfo.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <algorithm>
#include <cstring>
#include <memory>

#include <cstdio>
#include <cstdlib>

using namespace radpath::app;

namespace {

void printHelp()
{
    std::printf("Usage: radpath-cli [--data-dir DIR] COMMAND [ARGS...]\n\nCommands:\n");
    for (const auto& command : cli::commands())
        std::printf("  %-10s %s\n             %s\n", command.name, command.synopsis, command.summary);
    std::printf("\nOptions:\n  --data-dir DIR  keep state in DIR (or set RADPATH_DATA_DIR)\n"
                "  --load-ai       load the AI engine at start instead of on first use\n"
                "  --help          this text\n  --version       same as the version command\n");
}

} // namespace

int main(int argc, char** argv)
{
    // report draws a PDF and so needs fonts: a QGuiApplication, offscreen unless a platform is set.
    const bool gui = std::any_of(argv + 1, argv + argc, [](const char* a) { return std::strcmp(a, "report") == 0; });
    if (gui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app(gui ? new QGuiApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("RadPath"));
    QCoreApplication::setOrganizationName(QStringLiteral("RadPath"));
    QCoreApplication::setApplicationVersion(radpathVersion());

    QStringList args = QCoreApplication::arguments().mid(1);
    // Global options come before the command.
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString option = args.takeFirst();
        if (option == QLatin1String("--help")) {
            printHelp();
            return 0;
        }
        if (option == QLatin1String("--version"))
            return cli::version({});
        if (option == QLatin1String("--load-ai")) {
            // Load the AI engine now rather than on first use (start-up comparisons).
            QString error;
            if (!AiModule::instance().load(&error)) {
                std::fprintf(stderr, "radpath-cli: %s\n", error.toLocal8Bit().constData());
                return 1;
            }
            continue;
        }
        if (option == QLatin1String("--data-dir") && !args.isEmpty()) {
            qputenv("RADPATH_DATA_DIR", args.takeFirst().toLocal8Bit());
            continue;
        }
        std::fprintf(stderr, "radpath-cli: unknown option '%s' (see radpath-cli --help)\n", option.toLocal8Bit().constData());
        return 2;
    }
    if (args.isEmpty()) {
        printHelp();
        return 2;
    }
    const QString name = args.takeFirst();
    if (name == QLatin1String("help")) {
        printHelp();
        return 0;
    }
    for (const auto& command : cli::commands())
        if (name == QLatin1String(command.name)) {
            const int code = command.run(args);
            if (name == QLatin1String("pacs")) {
                // Its files are complete and renamed and its threads joined: leave without
                // tearing down DCMTK's data dictionary and every library's statics, which
                // is a tenth of a small retrieve's time.
                std::fflush(nullptr);
                std::_Exit(code);
            }
            return code;
        }
    std::fprintf(stderr, "radpath-cli: unknown command '%s' (see radpath-cli --help)\n", name.toLocal8Bit().constData());
    return 2;
}

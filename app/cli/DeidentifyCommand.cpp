// radpath-cli deidentify: DICOM files de-identified by PS3.15's Basic Application Level
// Confidentiality Profile into a new folder.

#include "app/cli/CliCommands.h"

#include "viewer/io/DicomDeidentifier.h"
#include "viewer/io/IoError.h"

#include <cstdio>

namespace radpath::app::cli {
namespace {

constexpr const char* kUsage =
    "usage: radpath-cli deidentify INPUT OUTDIR [--keep-dates | --shift-dates DAYS] [--keep-patient-characteristics]\n";

int usageError(const char* problem)
{
    std::fprintf(stderr, "radpath-cli deidentify: %s\n%s", problem, kUsage);
    return 2;
}

} // namespace

int deidentify(const QStringList& args)
{
    QStringList positional;
    viewer::DeidentifyOptions options;
    bool datesGiven = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == QLatin1String("--keep-dates") || arg == QLatin1String("--shift-dates")) {
            if (datesGiven)
                return usageError("give one of --keep-dates and --shift-dates");
            datesGiven = true;
            if (arg == QLatin1String("--keep-dates")) {
                options.dates = viewer::DeidentifyOptions::Dates::Keep;
                continue;
            }
            bool ok = false;
            options.shiftDays = i + 1 < args.size() ? args[++i].toInt(&ok) : 0;
            if (!ok)
                return usageError("--shift-dates takes a whole number of days, e.g. --shift-dates -30");
            if (options.shiftDays == 0)
                return usageError("--shift-dates 0 would keep the dates as they are; use --keep-dates");
            options.dates = viewer::DeidentifyOptions::Dates::Shift;
        } else if (arg == QLatin1String("--keep-patient-characteristics")) {
            options.keepPatientCharacteristics = true;
        } else if (arg.startsWith(QLatin1String("--"))) {
            std::fprintf(stderr, "radpath-cli deidentify: unknown option '%s'\n%s", arg.toLocal8Bit().constData(),
                         kUsage);
            return 2;
        } else {
            positional << arg;
        }
    }
    if (positional.size() != 2)
        return usageError("give INPUT and OUTDIR");

    try {
        viewer::DicomDeidentifier deidentifier(options);
        const std::string outDir = positional[1].toStdString();
        const viewer::DeidentifyReport report = deidentifier.run(positional[0].toStdString(), outDir);
        std::printf("deidentify: %zu file(s) read, %d written, %d failed, %d warning(s); output in %s\n",
                    report.files.size(), report.written(), report.failed(), report.warningCount(), outDir.c_str());
        for (const auto& file : report.files) {
            for (const auto& warning : file.warnings)
                std::printf("warning: %s\n", warning.c_str());
            if (!file.ok())
                std::fprintf(stderr, "radpath-cli: %s\n", file.error.c_str());
        }
        return report.failed() > 0 ? 1 : 0;
    } catch (const viewer::IoError& e) {
        std::fprintf(stderr, "radpath-cli: %s\n", e.what());
        return 1;
    }
}

} // namespace radpath::app::cli

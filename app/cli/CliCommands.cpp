#include "app/cli/CliCommands.h"

#include "app/core/AiModule.h"
#include "app/core/AppSettings.h"
#include "app/core/BuildInfo.h"
#include "viewer/db/StudyDatabase.h"
#include "viewer/io/IoError.h"
#include "radpath/ai/Engine.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace radpath::app::cli {

const QList<Command>& commands()
{
    static const QList<Command> list{
        {"make-demo", "DIR [--seed N] [--force] [--small]",
         "write demo data (CT phantom series with ground truth) into DIR", makeDemo},
        {"info", "PATH [--series UID]", "describe the image at PATH as JSON: kind, size, spacing, LPS geometry, type, series",
         info},
        {"convert", "INPUT OUTPUT [--series UID] [--reference SERIES_DIR]",
         "write an image or volume as .nii, .nii.gz, .nrrd, .mha or .png; with --reference a label map as DICOM SEG "
         "(.dcm) or a DICOM SEG as a label map, on that series' grid",
         convert},
        {"import", "DIR", "add the DICOM files under DIR to the study database in the data directory", importStudies},
        {"ai-info", "[--device cpu|cuda] [--threads N]", "load the AI engine, report LibTorch and CUDA, test the device",
         aiInfo},
        {"infer", "--model PKG --input PATH --out OUT [--probabilities P] [--saliency S] [--device cpu|cuda]",
         "run a model on a volume, image, slide, folder or .txt list (batch: OUT is a folder with summary.csv)", infer},
        {"train-demo", "DEMO_DIR OUT_DIR [--only dx|ct|slide] [--epochs N] [--threads N]",
         "train the demonstration models (resources/models) from make-demo data", trainDemo},
        {"train", "--config train.json [--resume]",
         "train a model on a dataset folder as train.json says; one JSON line per epoch on stdout", train},
        {"evaluate", "--model PKG --data DIR [--predictions OUT.csv] [--bootstrap N] [--seed S]",
         "evaluate a model on labelled images (class folders): confusion matrix, AUC, ECE as JSON", evaluate},
        {"version", "", "print RadPath and library versions (loads the AI engine to report LibTorch)", version},
        {"slide-info", "SLIDE", "describe a whole-slide image as JSON: vendor, levels, mpp, bounds, properties", slideInfo},
        {"slide-region", "SLIDE --level L --x X --y Y --width W --height H --out OUT.png", "write a slide region as RGBA PNG", slideRegion},
        {"annotations", "INPUT OUTPUT [--slide SLIDE]", "convert annotations between QuPath GeoJSON and ASAP XML", convertAnnotations},
        {"pacs", "echo|find|get|move|send --host H --port P --aet AE [...]",
         "talk to a PACS over DICOM: C-ECHO, C-FIND (JSON), C-GET / C-MOVE into a folder, C-STORE files", pacs},
        {"deidentify", "INPUT OUTDIR [--keep-dates | --shift-dates DAYS] [--keep-patient-characteristics]",
         "de-identify DICOM files (PS3.15 Basic Profile) into OUTDIR/<study>/<series>/<instance>.dcm", deidentify},
        {"report", "--input PATH [--model PKG] [--annotations FILE] [--measurements FILE] --out REPORT.pdf [--deidentify]",
         "write a PDF report of a series, volume or slide; a model's results become AI findings pending review", report},
    };
    return list;
}

int version(const QStringList&)
{
    std::fputs(versionReport(true).toLocal8Bit().constData(), stdout);
    return 0;
}

int importStudies(const QStringList& args)
{
    if (args.size() != 1 || args[0].startsWith(QLatin1String("--"))) {
        std::fputs("usage: radpath-cli [--data-dir DIR] import FOLDER\n", stderr);
        return 2;
    }
    try {
        const AppSettings settings(AppSettings::resolveDataDir());
        viewer::StudyDatabase db(settings.studyDatabaseFile());
        const viewer::ImportResult r = db.import(args[0]);
        std::printf("{\"filesSeen\": %d, \"filesRead\": %d, \"instancesAdded\": %d, \"series\": %d}\n", r.filesSeen,
                    r.filesRead, r.instancesAdded, r.seriesTouched);
        return 0;
    } catch (const viewer::IoError& e) {
        std::fprintf(stderr, "radpath-cli: %s\n", e.what());
        return 1;
    }
}

ai::Engine* loadEngineOrReport()
{
    QString error;
    ai::Engine* engine = AiModule::instance().engine(&error);
    if (!engine)
        std::fprintf(stderr, "radpath-cli: %s\n", error.toLocal8Bit().constData());
    return engine;
}

int aiInfo(const QStringList& args)
{
    QString device = QStringLiteral("cpu");
    int threads = 0;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--device") && i + 1 < args.size())
            device = args[++i];
        else if (args[i] == QLatin1String("--threads") && i + 1 < args.size())
            threads = args[++i].toInt();
        else {
            std::fprintf(stderr, "radpath-cli ai-info: unknown argument '%s'\n", args[i].toLocal8Bit().constData());
            return 2;
        }
    }
    ai::Engine* engine = loadEngineOrReport();
    if (!engine)
        return 1;
    if (threads > 0)
        engine->setThreads(threads);
    const ai::RuntimeInfo runtime = engine->runtimeInfo();
    std::printf("module:     %s\n", AiModule::instance().modulePath().toLocal8Bit().constData());
    std::printf("libtorch:   %s\n", runtime.torchVersion.c_str());
    std::printf("cuda:       %s (%d device(s))\n", runtime.cudaAvailable ? "available" : "not available",
                runtime.cudaDeviceCount);
    std::printf("threads:    %d\n", runtime.intraOpThreads);
    const ai::DeviceCheck check = engine->checkDevice(device == QLatin1String("cuda") ? ai::Device::Cuda : ai::Device::Cpu);
    std::printf("check:      %s: %s\n", check.ok ? "ok" : "FAILED", check.message.c_str());
    return check.ok ? 0 : 1;
}

} // namespace radpath::app::cli

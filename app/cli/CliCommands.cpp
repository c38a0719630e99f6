#include "app/cli/CliCommands.h"

#include "app/core/AiModule.h"
#include "app/core/BuildInfo.h"
#include "radpath/ai/Engine.h"
#include "viewer/io/IoError.h"
#include "viewer/io/VolumeReader.h"

#include <QFileInfo>

#include <cstdio>

namespace radpath::app::cli {

const QList<Command>& commands()
{
    static const QList<Command> list{
        {"make-demo", "DIR [--seed N] [--force] [--small]",
         "write demo data (CT phantom series with ground truth) into DIR", makeDemo},
        {"info", "PATH", "describe the image at PATH: reader, size, spacing, geometry, value range", info},
        {"ai-info", "[--device cpu|cuda] [--threads N]", "load the AI engine, report LibTorch and CUDA, test the device",
         aiInfo},
        {"version", "", "print RadPath and library versions (loads the AI engine to report LibTorch)", version},
    };
    return list;
}

int version(const QStringList&)
{
    std::fputs(versionReport(true).toLocal8Bit().constData(), stdout);
    return 0;
}

int info(const QStringList& args)
{
    if (args.size() != 1) {
        std::fputs("usage: radpath-cli info PATH\n", stderr);
        return 2;
    }
    const std::string path = args.first().toStdString();
    try {
        const auto registry = viewer::ReaderRegistry::withBuiltinReaders();
        const auto reader = registry.find(path);
        const viewer::Volume volume = registry.read(path, {});
        const auto& g = volume.geometry();
        const auto [lo, hi] = volume.range();
        std::printf("reader:     %s\n", reader ? reader->name().c_str() : "?");
        std::printf("modality:   %s\n", volume.info().modality.c_str());
        std::printf("size:       %d x %d x %d voxels (%s)\n", g.size[0], g.size[1], g.size[2], viewer::toString(volume.pixelType()));
        std::printf("spacing:    %.4f x %.4f x %.4f mm\n", g.spacing[0], g.spacing[1], g.spacing[2]);
        std::printf("origin:     %.3f %.3f %.3f mm (LPS)\n", g.origin[0], g.origin[1], g.origin[2]);
        std::printf("direction:  %.4f %.4f %.4f | %.4f %.4f %.4f | %.4f %.4f %.4f\n", g.direction[0], g.direction[1],
                    g.direction[2], g.direction[3], g.direction[4], g.direction[5], g.direction[6], g.direction[7],
                    g.direction[8]);
        std::printf("values:     %g .. %g %s\n", lo, hi, volume.info().units.c_str());
        for (const auto& w : volume.info().windowPresets)
            std::printf("window:     %s C %g W %g\n", w.name.c_str(), w.center, w.width);
        for (const auto& warning : volume.info().warnings)
            std::printf("warning:    %s\n", warning.c_str());
        return 0;
    } catch (const viewer::IoError& e) {
        std::fprintf(stderr, "radpath-cli: %s\n", e.what());
        return 1;
    }
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
    QString error;
    ai::Engine* engine = AiModule::instance().engine(&error);
    if (!engine) {
        std::fprintf(stderr, "radpath-cli: %s\n", error.toLocal8Bit().constData());
        return 1;
    }
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

// slide: the demo slide made by `radpath-cli make-demo --small` (12000 x 9000 Aperio SVS).
//  - TileEngine throughput on every level-0 tile with a cold cache, against a plain loop of
//    openslide_read_region over the same tiles with the same number of threads;
//  - resident memory growth while those tiles stream through a tile cache, against its budget.

#include "Bench.h"

#include "pathology/slide/SlideSource.h"
#include "pathology/slide/TileEngine.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <openslide.h>
#include <sys/resource.h>

#include <atomic>
#include <cstdio>
#include <thread>

namespace radpath::bench {
namespace {

using pathology::TileEngine;
constexpr int kTile = TileEngine::kTileSize;

// CPU seconds (user + system) this process has used so far.
double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Every level-0 tile through a fresh source and engine; seconds until the last arrived.
double engineSeconds(const QString& path, const std::shared_ptr<pathology::TileCache>& cache, int threads)
{
    const auto slide = pathology::SlideSource::open(path.toStdString());
    const pathology::SlideLevel level0 = slide->info().levels.front();
    const std::int64_t tiles = ((level0.width + kTile - 1) / kTile) * ((level0.height + kTile - 1) / kTile);
    TileEngine engine(slide, cache, threads);
    QEventLoop loop;
    std::int64_t arrived = 0;
    QObject::connect(&engine, &TileEngine::tileReady, &loop, [&](pathology::TileKey key) {
        if (key.level == 0 && ++arrived == tiles)
            loop.quit();
    });
    QObject::connect(&engine, &TileEngine::tileFailed, &loop, [&] { loop.exit(1); });
    QTimer::singleShot(600000, &loop, [&] { loop.exit(1); });
    QElapsedTimer t;
    t.start();
    engine.request(0, QRectF(0, 0, double(level0.width), double(level0.height)));
    const bool ok = loop.exec() == 0;
    return ok ? t.elapsed() / 1000.0 : 1e9;
}

// The same tiles read by `threads` threads calling openslide_read_region on one handle.
double openslideSeconds(const QString& path, int threads)
{
    openslide_t* osr = openslide_open(path.toLocal8Bit().constData());
    if (!osr || openslide_get_error(osr))
        return 1e9;
    std::int64_t w = 0, h = 0;
    openslide_get_level0_dimensions(osr, &w, &h);
    const std::int64_t columns = (w + kTile - 1) / kTile, tiles = columns * ((h + kTile - 1) / kTile);
    std::atomic<std::int64_t> next{0};
    QElapsedTimer t;
    t.start();
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i)
        pool.emplace_back([&] {
            std::vector<std::uint32_t> buffer(kTile * kTile);
            for (std::int64_t n = next++; n < tiles; n = next++) {
                const std::int64_t x = n % columns * kTile, y = n / columns * kTile;
                openslide_read_region(osr, buffer.data(), x, y, 0, std::min<std::int64_t>(kTile, w - x),
                                      std::min<std::int64_t>(kTile, h - y));
            }
        });
    for (std::thread& worker : pool)
        worker.join();
    const double seconds = t.elapsed() / 1000.0;
    const bool ok = !openslide_get_error(osr);
    openslide_close(osr);
    return ok ? seconds : 1e9;
}

} // namespace

std::vector<Figure> slideSuite()
{
    // RADPATH_BENCH_WORKDIR keeps the generated slide (and reuses it).
    QTemporaryDir temporary;
    const QString keep = qEnvironmentVariable("RADPATH_BENCH_WORKDIR");
    const QDir work(keep.isEmpty() ? temporary.path() : keep);
    const QString path = smallDemoSlide(work);
    const int threads = std::max(1, QThread::idealThreadCount());
    std::int64_t tiles = 0;
    try {
        const auto info = pathology::SlideSource::open(path.toStdString())->info();
        tiles = ((info.levels[0].width + kTile - 1) / kTile) * ((info.levels[0].height + kTile - 1) / kTile);
    } catch (const pathology::SlideError& e) {
        std::fprintf(stderr, "radpath-bench: %s\n", e.what());
        return {};
    }

    // Memory first, before other runs raise the peak: ~420 MB of tiles through a 256 MB cache.
    const std::size_t budget = std::size_t(256) << 20;
    const double before = residentMB("VmRSS:");
    engineSeconds(path, std::make_shared<pathology::TileCache>(budget), threads);
    const double growth = (residentMB("VmHWM:") - before) / (double(budget) / (1024.0 * 1024.0));

    std::vector<double> engine, plain;
    // Seven pairs, the order alternating, so drift in the machine's load falls on both sides.
    for (int i = 0; i < 7; ++i) {
        double engineCpu = 0.0, plainCpu = 0.0;
        const auto runEngine = [&] {
            const double cpu = cpuSeconds();
            engine.push_back(double(tiles) /
                             engineSeconds(path, std::make_shared<pathology::TileCache>(budget), threads));
            engineCpu = cpuSeconds() - cpu;
        };
        const auto runPlain = [&] {
            const double cpu = cpuSeconds();
            plain.push_back(double(tiles) / openslideSeconds(path, threads));
            plainCpu = cpuSeconds() - cpu;
        };
        if (i % 2)
            runPlain(), runEngine();
        else
            runEngine(), runPlain();
        std::fprintf(
            stderr,
            "run %d: TileEngine %.0f tiles/s (%.0f us CPU a tile), openslide_read_region %.0f tiles/s (%.0f us)\n",
            i + 1, engine.back(), engineCpu / double(tiles) * 1e6, plain.back(), plainCpu / double(tiles) * 1e6);
    }
    const QString what = QStringLiteral("level-0 tiles of the --small demo slide (12000x9000 SVS, %1 tiles), cold "
                                        "256 MB cache, %2 threads")
                             .arg(tiles)
                             .arg(threads);
    Figure f1{"TileEngine throughput, " + what,
              median(engine),
              "tiles/s",
              QStringLiteral("openslide_read_region loop, same tiles and threads"),
              median(plain),
              {},
              0.95};
    Figure f2{"peak resident memory growth streaming those tiles through a 256 MB tile cache",
              growth,
              "x budget",
              {},
              {},
              1.15, // the issue: growth at most the cache budget + 15 %
              {}};
    return {f1, f2};
}

} // namespace radpath::bench

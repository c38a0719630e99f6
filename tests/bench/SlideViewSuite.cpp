// slide-view: a scripted pan/zoom session in a 1600 x 1000 slide view over the full demo
// slide (50,000 x 50,000, `radpath-cli make-demo`) with 100,000 annotation objects loaded:
//  - frame time (one synchronous repaint) p50 and p95, cold (fresh tile cache) and warm;
//  - time from a jump to a sharp viewport (every visible tile of the level drawn);
//  - resident memory growth over the session (after the slide and objects are loaded)
//    against the tile cache budget.
// Runs with the offscreen platform unless a display is set.

#include "Bench.h"

#include "pathology/slide/SlideSource.h"
#include "pathology/slide/TileEngine.h"
#include "pathology/view/SlideView.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <sys/resource.h>

namespace radpath::bench {
namespace {

using namespace radpath::pathology;

constexpr std::size_t kBudget = 512u << 20; // the default tile cache

QString fullDemoSlide(const QDir& work)
{
    const QString dir = work.filePath("demo-full");
    const QString slide = QDir(dir).filePath("slide/demo.svs");
    if (!QFile::exists(slide)) {
        std::fprintf(stderr, "writing the demo data (50000 x 50000 slide)...\n");
        runProcess(binDir() + "/radpath-cli", {"make-demo", dir, "--force"});
    }
    return slide;
}

// 100,000 cell-sized octagons (radius 6-20 px) spread over the slide.
AnnotationSet cells(double width, double height)
{
    std::mt19937 random(7);
    std::uniform_real_distribution<double> x(0, width), y(0, height), r(6, 20);
    std::vector<Annotation> list;
    list.reserve(100000);
    for (int i = 0; i < 100000; ++i) {
        const double cx = x(random), cy = y(random), radius = r(random);
        Ring ring;
        for (int k = 0; k < 8; ++k)
            ring.push_back({cx + radius * std::cos(k * 0.785398), cy + radius * std::sin(k * 0.785398)});
        Annotation a;
        a.id = std::to_string(i);
        a.objectType = "detection";
        a.classification = PathClass{i % 3 ? "Tumor" : "Immune cells", i % 3 ? 0xC80000u : 0xA05AA0u};
        a.geometry = Polygon{ring, {}};
        list.push_back(std::move(a));
    }
    return AnnotationSet(std::move(list));
}

// Pan and zoom the way a reader does: overview, then into regions and across them.
std::vector<double> session(SlideView& view)
{
    std::vector<double> ms;
    auto frame = [&] {
        QCoreApplication::processEvents();
        QElapsedTimer t;
        t.start();
        view.repaint();
        ms.push_back(t.nsecsElapsed() / 1e6);
        if (qEnvironmentVariableIsSet("RADPATH_BENCH_TRACE"))
            std::fprintf(stderr, "frame %.1f ms at %.2fx\n", ms.back(), view.magnification());
    };
    view.fit();
    frame();
    for (double magnification : {1.25, 2.5, 5.0, 10.0, 20.0, 40.0}) {
        view.setMagnification(magnification);
        view.setCenter(QPointF(25000, 25000));
        frame();
        for (int step = 0; step < 20; ++step) { // a steady pan, 80 px a frame
            view.setCenter(view.toSlide(QPointF(view.width() / 2.0 + 80, view.height() / 2.0 + 30)));
            frame();
        }
    }
    for (int step = 0; step < 30; ++step) { // wheel zoom out and in at the cursor
        view.zoomAt(step < 15 ? 1 / 1.25 : 1.25, QPointF(500, 400));
        frame();
    }
    return ms;
}

// The tiles of the sharp level that the view shows.
std::vector<TileKey> visibleTiles(SlideView& view)
{
    const SlideInfo& info = view.slide()->info();
    const int level = view.sharpLevel();
    const double span = TileEngine::kTileSize * info.levels[size_t(level)].downsample;
    const QRectF visible = view.visibleRect().intersected(QRectF(0, 0, double(info.levels[0].width), double(info.levels[0].height)));
    std::vector<TileKey> keys;
    for (qint64 r = qint64(visible.top() / span); r <= qint64(visible.bottom() / span); ++r)
        for (qint64 c = qint64(visible.left() / span); c <= qint64(visible.right() / span); ++c)
            keys.push_back({level, c, r});
    return keys;
}

// Whether every tile the view shows has arrived: `missing` is narrowed to those not there yet.
bool sharp(SlideView& view, std::vector<TileKey>& missing)
{
    missing.erase(std::remove_if(missing.begin(), missing.end(), [&](const TileKey& k) { return !view.engine()->tile(k).isNull(); }),
                  missing.end());
    return missing.empty();
}

} // namespace

std::vector<Figure> slideViewSuite()
{
    QTemporaryDir temporary;
    const QString keep = qEnvironmentVariable("RADPATH_BENCH_WORKDIR");
    const QDir work(keep.isEmpty() ? temporary.path() : keep);
    const QString path = fullDemoSlide(work);

    auto slide = SlideSource::open(path.toStdString());
    auto cache = std::make_shared<TileCache>(kBudget);
    SlideView view;
    view.resize(1600, 1000);
    view.setSlide(slide, cache, QThread::idealThreadCount());
    const SlideLevel& base = slide->info().levels.front();
    view.annotations().reset(cells(double(base.width), double(base.height)));
    view.show();
    QCoreApplication::processEvents();
    const double before = residentMB(); // slide open, objects loaded: the session's growth from here

    const std::vector<double> cold = session(view);
    // Let the tiles of the whole session arrive, then the same session warm.
    QElapsedTimer settle;
    settle.start();
    while (view.engine()->queued() > 0 && settle.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const std::vector<double> warm = session(view);

    // Jumps at 20x to places not seen yet: until every visible tile is there and drawn. The
    // wait is the event loop's, as in the app: woken by each arriving tile (and the view's
    // own repaints), not a polling loop that would take a core from the tile readers.
    std::vector<double> jumps;
    for (const QPointF& to : {QPointF(8000, 40000), QPointF(42000, 9000), QPointF(30000, 33000), QPointF(12000, 15000),
                              QPointF(38000, 44000)}) {
        view.setMagnification(20);
        QCoreApplication::processEvents();
        QEventLoop loop;
        int tilesArrived = 0;
        std::vector<TileKey> missing;
        const QMetaObject::Connection arrived = QObject::connect(view.engine(), &TileEngine::tileReady, &loop, [&] {
            ++tilesArrived;
            if (sharp(view, missing))
                loop.quit();
        });
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        QElapsedTimer t;
        t.start();
        view.setCenter(to);
        missing = visibleTiles(view);
        if (!sharp(view, missing))
            loop.exec();
        QObject::disconnect(arrived);
        view.repaint();
        jumps.push_back(t.nsecsElapsed() / 1e6);
        if (qEnvironmentVariableIsSet("RADPATH_BENCH_TRACE")) {
            rusage u{};
            getrusage(RUSAGE_SELF, &u);
            std::fprintf(stderr, "jump %.1f ms, cpu total %.3f s, tiles %d\n", jumps.back(), u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6, tilesArrived);
        }
    }
    const double growth = residentMB() - before;

    return {
        {"frame time p50, cold cache, 100k objects", percentile(cold, 0.5), "ms", {}, {}, {}, {}},
        {"frame time p95, cold cache, 100k objects", percentile(cold, 0.95), "ms", {}, {}, 33.0, {}},
        {"frame time p50, warm cache, 100k objects", percentile(warm, 0.5), "ms", {}, {}, {}, {}},
        {"frame time p95, warm cache, 100k objects", percentile(warm, 0.95), "ms", {}, {}, 16.0, {}},
        {"jump to a sharp viewport at 20x (median of 5)", median(jumps), "ms", {}, {}, 150.0, {}},
        {"resident memory growth of the session", growth, "MB", QStringLiteral("tile cache budget"), kBudget / 1048576.0,
         1.15, {}},
    };
}

} // namespace radpath::bench

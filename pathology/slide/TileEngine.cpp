#include "pathology/slide/TileEngine.h"

#include "pathology/slide/Overview.h"
#include "pathology/slide/PixelConvert.h"
#include "pathology/slide/TileOrder.h"

#include <QThread>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_set>

namespace radpath::pathology {
namespace {

struct TileKeyHash {
    std::size_t operator()(const TileKey& k) const
    {
        return std::hash<std::int64_t>()(k.column * 1000003 + k.row) ^ std::hash<int>()(k.level) << 1;
    }
};

using TileSet = std::unordered_set<TileKey, TileKeyHash>;

} // namespace

struct TileEngine::Private {
    TileEngine* q = nullptr;
    std::shared_ptr<SlideSource> slide;
    std::shared_ptr<TileCache> cache;
    std::string slideKey;
    QImage overview;
    int overviewLevel = 0;

    // Guarded by `mutex`: the queue in priority order, tiles being read, tiles that failed.
    mutable std::mutex mutex;
    std::condition_variable wake;
    std::deque<TileKey> queue;
    TileSet inFlight;
    TileSet failed;
    bool stopping = false;

    std::size_t reserved = 0; ///< of the cache's budget, for the source's own cache
    std::atomic<bool> failureReported{false};
    std::vector<std::thread> workers;

    void work();
    void reportFailure(const TileKey& key, const std::string& message);
};

void TileEngine::Private::reportFailure(const TileKey& key, const std::string& message)
{
    if (failureReported.exchange(true))
        return;
    const QString text = QString::fromStdString(message);
    TileEngine* engine = q;
    // Posted to the engine: delivered on its (GUI) thread, dropped if it is destroyed first.
    QMetaObject::invokeMethod(
        engine, [engine, key, text] { emit engine->tileFailed(key, text); }, Qt::QueuedConnection);
}

void TileEngine::Private::work()
{
    QImage spare; // a tile the cache let go: the next read fills its memory
    for (;;) {
        TileKey key;
        {
            std::unique_lock<std::mutex> lock(mutex);
            wake.wait(lock, [this] { return stopping || !queue.empty(); });
            if (stopping)
                return;
            key = queue.front();
            queue.pop_front();
            inFlight.insert(key);
        }
        QImage image;
        std::string error;
        try {
            const TileArea area = tileArea(slide->info(), key);
            if (area.width <= 0 || area.height <= 0)
                throw SlideError(slide->info().path, "no tile there");
            // Premultiplied, as the view draws it without converting. A tile without
            // transparent pixels (most of them) is the same bytes as Format_RGB32, which
            // QPainter copies instead of blending: tagged so, it draws several times faster.
            if (!spare.isNull())
                spare.reinterpretAsFormat(QImage::Format_ARGB32_Premultiplied);
            image = slide->readTile(key.level, area.x0, area.y0, area.width, area.height, std::move(spare));
            spare = QImage();
            if (image.format() == QImage::Format_ARGB32_Premultiplied && image.bytesPerLine() == image.width() * 4 &&
                detail::allOpaque(reinterpret_cast<const std::uint32_t*>(image.constBits()),
                                  std::size_t(image.width()) * std::size_t(image.height())))
                image.reinterpretAsFormat(QImage::Format_RGB32);
            cache->insert(slideKey, key, image, &spare);
        } catch (const std::exception& e) {
            error = e.what();
        }
        {
            const std::lock_guard<std::mutex> lock(mutex);
            inFlight.erase(key);
            if (!error.empty())
                failed.insert(key);
        }
        if (!error.empty()) {
            reportFailure(key, error);
            continue;
        }
        TileEngine* engine = q;
        QMetaObject::invokeMethod(
            engine, [engine, key] { emit engine->tileReady(key); }, Qt::QueuedConnection);
    }
}

QImage TileEngine::overviewOf(const SlideSource& slide)
{
    return readOverview(slide, int(slide.info().levels.size()) - 1);
}

TileEngine::TileEngine(std::shared_ptr<SlideSource> slide, std::shared_ptr<TileCache> cache, int threads,
                       QObject* parent, QImage overview)
    : QObject(parent), d(std::make_unique<Private>())
{
    qRegisterMetaType<radpath::pathology::TileKey>("radpath::pathology::TileKey");
    d->q = this;
    d->slide = std::move(slide);
    d->cache = cache ? std::move(cache) : std::make_shared<TileCache>(std::size_t(256) << 20);
    d->slideKey = d->slide->info().path;
    d->overviewLevel = int(d->slide->info().levels.size()) - 1;
    try {
        d->overview = overview.isNull() ? readOverview(*d->slide, d->overviewLevel) : std::move(overview);
    } catch (const std::exception& e) {
        d->reportFailure(TileKey{d->overviewLevel, 0, 0}, e.what());
    }
    // The source's own cache is tile memory too: it comes out of the budget.
    d->reserved = d->slide->internalCacheBytes();
    d->cache->reserve(d->reserved);
    const int count = threads > 0 ? threads : std::max(1, QThread::idealThreadCount());
    for (int i = 0; i < count; ++i)
        d->workers.emplace_back([p = d.get()] { p->work(); });
}

TileEngine::~TileEngine()
{
    {
        const std::lock_guard<std::mutex> lock(d->mutex);
        d->stopping = true;
        d->queue.clear();
    }
    d->wake.notify_all();
    for (std::thread& worker : d->workers)
        worker.join();
    d->cache->release(d->reserved);
}

const SlideSource& TileEngine::slide() const
{
    return *d->slide;
}

QImage TileEngine::tile(const TileKey& key) const
{
    return d->cache->find(d->slideKey, key);
}

QImage TileEngine::overview() const
{
    return d->overview;
}

int TileEngine::overviewLevel() const
{
    return d->overviewLevel;
}

void TileEngine::request(int level, const QRectF& level0Rect)
{
    const std::vector<TileKey> order = tileOrder(d->slide->info(), level, level0Rect);
    // Cache look-ups outside the lock; they also mark the visible tiles as recently used.
    std::vector<TileKey> wanted;
    wanted.reserve(order.size());
    for (const TileKey& key : order)
        if (d->cache->find(d->slideKey, key).isNull())
            wanted.push_back(key);
    {
        const std::lock_guard<std::mutex> lock(d->mutex);
        d->queue.clear();
        for (const TileKey& key : wanted)
            if (!d->inFlight.count(key) && !d->failed.count(key))
                d->queue.push_back(key);
    }
    d->wake.notify_all();
}

int TileEngine::queued() const
{
    const std::lock_guard<std::mutex> lock(d->mutex);
    return int(d->queue.size());
}

} // namespace radpath::pathology

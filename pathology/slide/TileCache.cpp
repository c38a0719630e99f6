#include "pathology/slide/TileEngine.h"

#include <algorithm>
#include <list>
#include <mutex>
#include <unordered_map>

namespace radpath::pathology {
namespace {

struct CacheKey {
    std::string slide;
    TileKey tile;
    bool operator==(const CacheKey& o) const { return tile == o.tile && slide == o.slide; }
};

struct CacheKeyHash {
    std::size_t operator()(const CacheKey& k) const
    {
        std::size_t h = std::hash<std::string>()(k.slide);
        for (const std::int64_t v : {std::int64_t(k.tile.level), k.tile.column, k.tile.row})
            h ^= std::hash<std::int64_t>()(v) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
        return h;
    }
};

struct Entry {
    CacheKey key;
    QImage image;
    std::size_t bytes = 0;
};

} // namespace

// Most recently used at the front of `order`; `index` finds an entry's place in it.
struct TileCache::Private {
    mutable std::mutex mutex;
    std::size_t budget = 0;
    std::size_t reserved = 0;
    std::size_t bytes = 0;
    std::list<Entry> order;
    std::unordered_map<CacheKey, std::list<Entry>::iterator, CacheKeyHash> index;

    void evictToBudget(QImage* letGo = nullptr)
    {
        const std::size_t room = budget - std::min(reserved, budget / 4);
        while (bytes > room && !order.empty()) {
            bytes -= order.back().bytes;
            if (letGo && letGo->isNull() && order.back().image.isDetached())
                *letGo = std::move(order.back().image);
            index.erase(order.back().key);
            order.pop_back();
        }
    }
};

TileCache::TileCache(std::size_t budgetBytes) : d(std::make_unique<Private>())
{
    d->budget = budgetBytes;
}

TileCache::~TileCache() = default;

void TileCache::setBudget(std::size_t bytes)
{
    const std::lock_guard<std::mutex> lock(d->mutex);
    d->budget = bytes;
    d->evictToBudget();
}

std::size_t TileCache::budget() const
{
    const std::lock_guard<std::mutex> lock(d->mutex);
    return d->budget;
}

std::size_t TileCache::bytes() const
{
    const std::lock_guard<std::mutex> lock(d->mutex);
    return d->bytes;
}

QImage TileCache::find(const std::string& slide, const TileKey& key) const
{
    const std::lock_guard<std::mutex> lock(d->mutex);
    const auto it = d->index.find(CacheKey{slide, key});
    if (it == d->index.end())
        return {};
    d->order.splice(d->order.begin(), d->order, it->second);
    return it->second->image;
}

void TileCache::reserve(std::size_t bytes)
{
    const std::lock_guard<std::mutex> lock(d->mutex);
    d->reserved += bytes;
    d->evictToBudget();
}

void TileCache::release(std::size_t bytes)
{
    const std::lock_guard<std::mutex> lock(d->mutex);
    d->reserved -= std::min(bytes, d->reserved);
}

void TileCache::insert(const std::string& slide, const TileKey& key, const QImage& tile, QImage* letGo)
{
    const std::size_t size = std::size_t(tile.sizeInBytes());
    const std::lock_guard<std::mutex> lock(d->mutex);
    CacheKey cacheKey{slide, key};
    const auto it = d->index.find(cacheKey);
    if (it != d->index.end()) {
        d->bytes -= it->second->bytes;
        d->order.erase(it->second);
        d->index.erase(it);
    }
    if (tile.isNull() || size + std::min(d->reserved, d->budget / 4) > d->budget)
        return;
    d->order.push_front(Entry{std::move(cacheKey), tile, size});
    d->index.emplace(d->order.front().key, d->order.begin());
    d->bytes += size;
    d->evictToBudget(letGo);
}

} // namespace radpath::pathology

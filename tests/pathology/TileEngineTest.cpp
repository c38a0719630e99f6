// TileCache's byte budget and TileEngine's queue: visible tiles delivered on the GUI thread
// with the pixels of readRegion, stale requests dropped, failures reported once.

#include "SlideTestSupport.h"

#include "pathology/slide/SlideSource.h"
#include "pathology/slide/TileEngine.h"
#include "pathology/slide/TileOrder.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <condition_variable>
#include <mutex>

using namespace radpath::pathology;

namespace {

QImage tileImage(int side, int shade)
{
    QImage image(side, side, QImage::Format_RGBA8888);
    image.fill(QColor(shade, shade, shade));
    return image;
}

// A slide whose reads wait while the gate is closed.
class GatedSource : public SlideSource {
public:
    explicit GatedSource(std::shared_ptr<SlideSource> inner) : m_inner(std::move(inner)) {}
    const SlideInfo& info() const override { return m_inner->info(); }
    QImage readRegion(int level, std::int64_t x, std::int64_t y, int width, int height) const override
    {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            ++m_waiting;
            m_changed.wait(lock, [this] { return m_open; });
            --m_waiting;
        }
        return m_inner->readRegion(level, x, y, width, height);
    }
    QImage associatedImage(const std::string& name) const override { return m_inner->associatedImage(name); }
    void close() { setOpen(false); }
    void open() { setOpen(true); }
    int waiting() const
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_waiting;
    }

private:
    void setOpen(bool open)
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_open = open;
        }
        m_changed.notify_all();
    }

    std::shared_ptr<SlideSource> m_inner;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    mutable int m_waiting = 0;
    bool m_open = true;
};

QList<TileKey> keysOf(const QSignalSpy& spy)
{
    QList<TileKey> keys;
    for (const QList<QVariant>& call : spy)
        keys << call.at(0).value<TileKey>();
    return keys;
}

} // namespace

class TileEngineTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_path = test::writeSmallSlide(QDir(m_dir.path()));
        m_slide = SlideSource::open(m_path.toStdString());
    }

    void cacheEvictsLeastRecentlyUsedOverBudget()
    {
        const std::size_t tileBytes = 256 * 256 * 4;
        TileCache cache(3 * tileBytes);
        for (int i = 0; i < 3; ++i)
            cache.insert("a", TileKey{0, i, 0}, tileImage(256, i));
        QCOMPARE(cache.bytes(), 3 * tileBytes);
        QVERIFY(!cache.find("a", TileKey{0, 0, 0}).isNull());   // now the most recent
        cache.insert("b", TileKey{0, 0, 0}, tileImage(256, 9)); // another slide, same key
        QCOMPARE(cache.bytes(), 3 * tileBytes);
        QVERIFY(cache.find("a", TileKey{0, 1, 0}).isNull()); // the least recent went
        QVERIFY(!cache.find("a", TileKey{0, 0, 0}).isNull());
        QCOMPARE(cache.find("b", TileKey{0, 0, 0}).pixelColor(0, 0).red(), 9);
        cache.setBudget(tileBytes);
        QVERIFY(cache.bytes() <= tileBytes);
        cache.insert("a", TileKey{0, 5, 5}, tileImage(512, 1)); // larger than the budget: not kept
        QVERIFY(cache.find("a", TileKey{0, 5, 5}).isNull());
        QVERIFY(cache.bytes() <= cache.budget());
    }

    void reservedBytesAndLetGoTiles()
    {
        const std::size_t tileBytes = 256 * 256 * 4;
        TileCache cache(8 * tileBytes);
        // A source's own cache takes 2 tiles' worth: 6 tiles fit.
        cache.reserve(2 * tileBytes);
        for (int i = 0; i < 8; ++i)
            cache.insert("a", TileKey{0, i, 0}, tileImage(256, i));
        QCOMPARE(cache.bytes(), 6 * tileBytes);
        QVERIFY(cache.find("a", TileKey{0, 1, 0}).isNull());
        QVERIFY(!cache.find("a", TileKey{0, 2, 0}).isNull());
        // Never more than a quarter of the budget.
        cache.reserve(100 * tileBytes);
        QCOMPARE(cache.bytes(), 6 * tileBytes);
        cache.release(100 * tileBytes);
        cache.release(2 * tileBytes);
        cache.insert("a", TileKey{0, 8, 0}, tileImage(256, 8));
        cache.insert("a", TileKey{0, 9, 0}, tileImage(256, 9));
        QCOMPARE(cache.bytes(), 8 * tileBytes);

        // The tile an insert evicts comes back for reuse when nobody else holds it...
        QImage letGo;
        cache.insert("a", TileKey{0, 10, 0}, tileImage(256, 10), &letGo);
        QCOMPARE(letGo.size(), QSize(256, 256));
        QCOMPARE(letGo.pixelColor(0, 0).red(), 3); // the least recently used (2 was looked up)
        QVERIFY(cache.find("a", TileKey{0, 3, 0}).isNull());
        // ...and not while a view still holds it.
        const QImage held = cache.find("a", TileKey{0, 4, 0});
        for (int i : {5, 6, 7, 2, 8, 9, 10}) // tile 4 is the most recent now: make it the least
            cache.find("a", TileKey{0, i, 0});
        QImage none;
        cache.insert("a", TileKey{0, 11, 0}, tileImage(256, 11), &none);
        QVERIFY(cache.find("a", TileKey{0, 4, 0}).isNull());
        QVERIFY(none.isNull());
        QCOMPARE(held.pixelColor(0, 0).red(), 4);
    }

    void orderIsVisibleRingFinerCoarser()
    {
        const SlideInfo& info = m_slide->info();
        // Level 1 (4x): level-0 rect 2048..4096 x 1024..3072 is level tiles 2..3 x 1..2.
        const std::vector<TileKey> order = tileOrder(info, 1, QRectF(2048, 1024, 2048, 2048));
        QVERIFY(order.size() > 4);
        QList<TileKey> visible;
        for (int i = 0; i < 4; ++i)
            visible << order[size_t(i)];
        for (const TileKey& k : visible)
            QVERIFY(k.level == 1 && k.column >= 2 && k.column <= 3 && k.row >= 1 && k.row <= 2);
        // Ring of one tile (columns 1..4, rows 0..3).
        int i = 4;
        for (; i < int(order.size()) && order[size_t(i)].level == 1; ++i)
            QVERIFY(!visible.contains(order[size_t(i)]));
        QCOMPARE(i - 4, 4 * 4 - 4);
        // Then level 0 (8 x 8 tiles of the same area), then level 2.
        const int firstFiner = i;
        for (; i < int(order.size()) && order[size_t(i)].level == 0; ++i) {
        }
        QCOMPARE(i - firstFiner, 8 * 8);
        QVERIFY(i < int(order.size()));
        for (; i < int(order.size()); ++i)
            QCOMPARE(order[size_t(i)].level, 2);
    }

    void visibleTilesArriveOnGuiThreadWithRegionPixels()
    {
        auto cache = std::make_shared<TileCache>(std::size_t(64) << 20);
        TileEngine engine(m_slide, cache, 2);
        const int coarsest = int(m_slide->info().levels.size()) - 1;
        QCOMPARE(engine.overviewLevel(), coarsest);
        const SlideLevel& top = m_slide->info().levels.back();
        QCOMPARE(test::differingPixels(engine.overview(),
                                       m_slide->readRegion(coarsest, 0, 0, int(top.width), int(top.height))),
                 qint64(0));
        QSignalSpy spy(&engine, &TileEngine::tileReady);
        bool offGuiThread = false;
        connect(&engine, &TileEngine::tileReady, this,
                [&] { offGuiThread |= QThread::currentThread() != qApp->thread(); });
        // The bottom-right corner at level 1, so edge tiles are included.
        const QRectF rect(6000, 4500, 2300, 1600);
        const std::vector<TileKey> order = tileOrder(m_slide->info(), 1, rect);
        QList<TileKey> visible;
        for (const TileKey& k : order)
            if (k.level == 1 && k.column >= 5 && k.row >= 4)
                visible << k;
        QCOMPARE(visible.size(), 4 * 2);
        engine.request(1, rect);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<TileKey> got = keysOf(spy);
                return std::all_of(visible.begin(), visible.end(), [&](const TileKey& k) { return got.contains(k); });
            }(),
            20000);
        QVERIFY(!offGuiThread);
        for (const TileKey& k : visible) {
            const TileArea a = tileArea(m_slide->info(), k);
            const QImage expected = m_slide->readRegion(1, a.x0, a.y0, a.width, a.height);
            QCOMPARE(test::differingPixels(engine.tile(k), expected), qint64(0));
        }
        // Edge tile: 2075 x 1525 level pixels leave 27 x 245 in the last tile.
        QCOMPARE(engine.tile(TileKey{1, 8, 5}).size(), QSize(2075 - 8 * 256, 1525 - 5 * 256));
        // Cached tiles are not fetched again.
        QTRY_COMPARE_WITH_TIMEOUT(engine.queued(), 0, 20000);
        QTest::qWait(100);
        spy.clear();
        engine.request(1, QRectF(8200, 6000, 50, 50));
        QTest::qWait(200);
        QVERIFY(!keysOf(spy).contains(TileKey{1, 8, 5}));
    }

    void overviewOfLargeLevelIsAveraged()
    {
        // A 10050 x 30 image: its only level is too large, so 5 x 5 blocks are averaged,
        // weighted by alpha. Column 4 of every block row is transparent; x >= 5000 is empty.
        QImage wide(10050, 30, QImage::Format_RGBA8888);
        wide.fill(Qt::transparent);
        for (int y = 0; y < 30; ++y)
            for (int x = 0; x < 5000; ++x)
                if (x != 4)
                    wide.setPixelColor(x, y, QColor(200, 100, 50, 255));
        const QString png = QDir(m_dir.path()).filePath("wide.png");
        QVERIFY(wide.save(png));
        TileEngine engine(SlideSource::open(png.toStdString()), std::make_shared<TileCache>(8u << 20), 1);
        QCOMPARE(engine.overviewLevel(), 0);
        const QImage overview = engine.overview();
        QCOMPARE(overview.size(), QSize(2010, 6));
        QCOMPARE(overview.pixelColor(0, 3), QColor(200, 100, 50, 204));
        QCOMPARE(overview.pixelColor(999, 5), QColor(200, 100, 50, 255));
        QCOMPARE(overview.pixelColor(1000, 0), QColor(0, 0, 0, 0));
    }

    void staleRequestsAreDropped()
    {
        // One worker, held inside its first read while the view moves on.
        auto gated = std::make_shared<GatedSource>(m_slide);
        TileEngine engine(gated, std::make_shared<TileCache>(std::size_t(64) << 20), 1);
        QSignalSpy spy(&engine, &TileEngine::tileReady);
        gated->close();
        engine.request(0, QRectF(0, 0, 8300, 6100)); // every level-0 tile and more
        QTRY_COMPARE_WITH_TIMEOUT(gated->waiting(), 1, 10000);
        QVERIFY(engine.queued() > 100);
        const QRectF corner(0, 0, 300, 300);
        engine.request(0, corner);
        const std::vector<TileKey> now = tileOrder(m_slide->info(), 0, corner);
        QVERIFY(engine.queued() <= int(now.size()));
        gated->open();
        QTRY_COMPARE_WITH_TIMEOUT(engine.queued(), 0, 20000);
        QTest::qWait(300);
        int stale = 0;
        for (const TileKey& k : keysOf(spy))
            stale += std::find(now.begin(), now.end(), k) == now.end();
        QVERIFY2(stale <= 1, qPrintable(QString::number(stale))); // only the one being read
        QVERIFY(spy.size() >= int(now.size()) - 1);
    }

    void destroyedWhileBusy()
    {
        for (int i = 0; i < 3; ++i) {
            auto engine = std::make_unique<TileEngine>(m_slide, std::make_shared<TileCache>(8u << 20), 2);
            engine->request(0, QRectF(0, 0, 8300, 6100));
            QTest::qWait(i * 20);
            engine.reset();
            QCoreApplication::processEvents(); // nothing posted by the workers may reach it
        }
    }

    void brokenTilesReportedOnce()
    {
        // Zero the middle of the file, where level 0's compressed tiles lie.
        const QString broken = QDir(m_dir.path()).filePath("broken.svs");
        QVERIFY(QFile::copy(m_path, broken));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        f.seek(size / 4);
        f.write(QByteArray(int(size / 3), '\0'));
        f.close();
        std::shared_ptr<SlideSource> slide;
        try {
            slide = SlideSource::open(broken.toStdString());
        } catch (const SlideError& e) {
            QSKIP(qPrintable(QStringLiteral("OpenSlide refuses the damaged file at once: ") + e.what()));
        }
        TileEngine engine(slide, std::make_shared<TileCache>(8u << 20), 2);
        QSignalSpy failed(&engine, &TileEngine::tileFailed);
        engine.request(0, QRectF(0, 0, 8300, 6100));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(engine.queued(), 0, 20000);
        QTest::qWait(200);
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed[0][1].toString().startsWith(broken), qPrintable(failed[0][1].toString()));
        QVERIFY_THROWS_EXCEPTION(SlideError, slide->readRegion(0, 3000, 2000, 256, 256));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::shared_ptr<SlideSource> m_slide;
};

QTEST_GUILESS_MAIN(TileEngineTest)
#include "TileEngineTest.moc"

// Label map editing: volumes in mL against geometry, every tool against a hand-made case,
// undo that keeps only changed bricks within its budget on a 512^3 volume, and region
// growing from a click in a demo CT lesion against the phantom's own lesion mask.

#include "viewer/model/LabelEditor.h"
#include "viewer/demo/CtPhantom.h"

#include <QFile>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>

using namespace radpath::viewer;

namespace {

constexpr double kPi = 3.14159265358979323846;

ImageGeometry grid(int nx, int ny, int nz, Vec3 spacing = {1, 1, 1})
{
    ImageGeometry g;
    g.size = {nx, ny, nz};
    g.spacing = spacing;
    g.origin = {-10, 20, 5};
    return g;
}

// The LPS point of voxel (i, j, k).
Vec3 at(const ImageGeometry& g, double i, double j, double k)
{
    return g.indexToPhysical({i, j, k});
}

std::size_t countOf(const Volume& labels, int value)
{
    std::size_t n = 0;
    const auto* p = labels.voxels<std::uint8_t>();
    for (std::size_t v = 0; v < labels.voxelCount(); ++v)
        n += p[v] == value;
    return n;
}

// Label 1: a sphere of `radiusMm` at voxel `big`, and one of 2 mm (33 voxels) at `small`.
void paintTwoIslands(LabelEditor& editor, const Vec3& big, double radiusMm, const Vec3& small)
{
    const ImageGeometry& g = editor.labels().geometry();
    Brush brush;
    brush.sphere = true;
    brush.radiusMm = radiusMm;
    brush.label = 1;
    editor.paint(at(g, big[0], big[1], big[2]), brush);
    brush.radiusMm = 2;
    editor.paint(at(g, small[0], small[1], small[2]), brush);
}

double residentMB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0.0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    return 0.0;
}

} // namespace

class LabelEditorTest : public QObject {
    Q_OBJECT
private slots:
    void paintedSphereHasItsVolume_data()
    {
        QTest::addColumn<Vec3>("spacing");
        QTest::addColumn<double>("radius");
        QTest::newRow("1 mm, r 12 mm") << Vec3{1, 1, 1} << 12.0;
        QTest::newRow("0.7 x 0.7 x 1.2 mm, r 14 mm") << Vec3{0.7, 0.7, 1.2} << 14.0; // >= 11.6 voxels every way
    }
    void paintedSphereHasItsVolume()
    {
        QFETCH(Vec3, spacing);
        QFETCH(double, radius);
        const ImageGeometry g = grid(64, 64, 40, spacing);
        LabelEditor editor(Volume(PixelType::UInt8, g));
        Brush brush;
        brush.sphere = true;
        brush.radiusMm = radius;
        brush.label = 3;
        const std::size_t changed = editor.paint(at(g, 31.3, 30.6, 19.8), brush);
        const double truth = 4.0 / 3.0 * kPi * radius * radius * radius / 1000.0; // mL
        QVERIFY2(std::abs(editor.volumeMl(3) - truth) / truth < 0.02, qPrintable(QString::number(editor.volumeMl(3))));
        qInfo("sphere r %.1f mm: %.4f mL painted, %.4f mL true", radius, editor.volumeMl(3), truth);
        QCOMPARE(changed, editor.voxelCount(3));
        QCOMPARE(countOf(editor.labels(), 3), editor.voxelCount(3));
        QVERIFY(editor.undo());
        QCOMPARE(editor.voxelCount(3), std::size_t(0));
        QCOMPARE(countOf(editor.labels(), 3), std::size_t(0));
        QVERIFY(editor.redo());
        QCOMPARE(countOf(editor.labels(), 3), changed);
    }

    void diskStrokeRangeAndErase()
    {
        // Image: 100 HU left of i = 20, -100 right of it.
        const ImageGeometry g = grid(40, 40, 10);
        Volume image(PixelType::Int16, g);
        auto* hu = image.voxels<std::int16_t>();
        for (int k = 0; k < 10; ++k)
            for (int j = 0; j < 40; ++j)
                for (int i = 0; i < 40; ++i)
                    hu[image.linearIndex(i, j, k)] = i < 20 ? 100 : -100;
        LabelEditor editor(Volume(PixelType::UInt8, g), image);
        Brush brush;
        brush.radiusMm = 5;
        brush.label = 1;
        brush.range = ValueRange{0, 200};
        editor.beginStroke();
        for (int step = 0; step < 5; ++step)
            editor.dab(at(g, 12 + 3 * step, 20, 4), brush); // across the boundary
        QVERIFY(editor.inStroke());
        const std::size_t changed = editor.endStroke();
        QVERIFY(changed > 0);
        QCOMPARE(editor.undoSteps(), 1); // one stroke, one step
        // Only slice 4, only where the image is in range.
        for (int k = 0; k < 10; ++k)
            for (int j = 0; j < 40; ++j)
                for (int i = 0; i < 40; ++i) {
                    const bool set = editor.labels().voxels<std::uint8_t>()[editor.labels().linearIndex(i, j, k)] == 1;
                    if (set)
                        QVERIFY(k == 4 && i < 20);
                }
        QVERIFY(editor.labels().voxels<std::uint8_t>()[editor.labels().linearIndex(12, 20, 4)] == 1);
        // Statistics: all painted voxels are 100 HU.
        const LabelStatistics s = editor.statistics(1);
        QCOMPARE(s.mean, 100.0);
        QCOMPARE(s.sd, 0.0);
        QCOMPARE(s.min, 100.0);
        QCOMPARE(s.max, 100.0);
        // Erase a disk: only label 1 voxels go.
        Brush eraser = brush;
        eraser.erase = true;
        eraser.range.reset();
        eraser.radiusMm = 2;
        const std::size_t erased = editor.paint(at(g, 12, 20, 4), eraser);
        QCOMPARE(erased, std::size_t(13)); // a disk of radius 2 voxels: 13 voxels
        QCOMPARE(editor.voxelCount(1), changed - erased);
        QVERIFY(editor.undo());
        QCOMPARE(editor.voxelCount(1), changed);
        QVERIFY(editor.undo());
        QCOMPARE(editor.voxelCount(1), std::size_t(0));
        QVERIFY(!editor.undo());
    }

    void undoKeepsChangedBricksWithinItsBudgetOn512Cubed()
    {
        const ImageGeometry g = grid(512, 512, 512);
        Volume labels(PixelType::UInt8, g); // 128 MiB
        LabelEditor editor(labels, {}, LabelEditor::kDefaultUndoBudget);
        const double before = residentMB();
        std::mt19937 random(11);
        std::uniform_real_distribution<double> where(40, 472);
        Brush brush;
        brush.sphere = true;
        brush.radiusMm = 18;
        std::size_t most = 0;
        std::uint64_t checksumBeforeLast = 0;
        for (int stroke = 0; stroke < 50; ++stroke) {
            brush.label = 1 + stroke % 5;
            if (stroke == 49)
                for (std::size_t v = 0; v < labels.voxelCount(); v += 4093)
                    checksumBeforeLast += labels.voxels<std::uint8_t>()[v] * (v + 1);
            editor.beginStroke();
            Vec3 p = at(g, where(random), where(random), where(random));
            for (int dab = 0; dab < 6; ++dab, p[0] += 6)
                editor.dab(p, brush);
            QVERIFY(editor.endStroke() > 0);
            QVERIFY(editor.historyBytes() <= editor.undoBudget());
            most = std::max(most, editor.historyBytes());
        }
        QCOMPARE(editor.undoSteps(), 50);
        qInfo("50 strokes on 512^3: history at most %.1f MB (budget %.0f MB), resident growth %.1f MB",
              most / 1048576.0, editor.undoBudget() / 1048576.0, residentMB() - before);
        // Bricks, not volumes (50 copies of the volume would be 12.5 GiB): a stroke spans
        // 66 x 36 x 36 voxels, at most 4 x 3 x 3 bricks of 32 KiB, kept before and after.
        QVERIFY2(most <= std::size_t(50) * 36 * 2 * 32768, qPrintable(QString::number(most)));
        QVERIFY2(residentMB() - before <= 256 * 1.15, qPrintable(QString::number(residentMB() - before)));
        // Undoing the last stroke gives back the voxels before it.
        QVERIFY(editor.undo());
        std::uint64_t checksum = 0;
        for (std::size_t v = 0; v < labels.voxelCount(); v += 4093)
            checksum += labels.voxels<std::uint8_t>()[v] * (v + 1);
        QCOMPARE(checksum, checksumBeforeLast);
        QVERIFY(editor.redo());
        // A small budget drops the oldest steps and never holds more than it allows.
        editor.setUndoBudget(std::size_t(8) << 20);
        QVERIFY(editor.historyBytes() <= std::size_t(8) << 20);
        QVERIFY(editor.undoSteps() < 50 && editor.undoSteps() > 0);
        const int left = editor.undoSteps();
        for (int i = 0; i < left; ++i)
            QVERIFY(editor.undo());
        QVERIFY(!editor.undo());
    }

    void floodFillFillsTheRingsInside()
    {
        const ImageGeometry g = grid(30, 30, 3);
        Volume labels(PixelType::UInt8, g);
        auto* p = labels.voxels<std::uint8_t>();
        for (int j = 0; j < 30; ++j) // a square ring 5..20 on slice 1
            for (int i = 0; i < 30; ++i)
                if ((i == 5 || i == 20) && j >= 5 && j <= 20)
                    p[labels.linearIndex(i, j, 1)] = 2;
                else if ((j == 5 || j == 20) && i >= 5 && i <= 20)
                    p[labels.linearIndex(i, j, 1)] = 2;
        LabelEditor editor(labels);
        QCOMPARE(editor.floodFill2D({12, 12, 1}, 2, 1), std::size_t(14 * 14));
        QCOMPARE(editor.voxelCount(1), std::size_t(14 * 14));
        QCOMPARE(int(p[labels.linearIndex(12, 12, 0)]), 0); // other slices untouched
        QCOMPARE(int(p[labels.linearIndex(2, 2, 1)]), 0);   // outside the ring
        // Fill holes: a ring of label 3 with a hole; a ring cut by the edge has none.
        QVERIFY(editor.undo());
        QCOMPARE(editor.unite(3, 2), std::size_t(15 * 4)); // the ring becomes label 3
        QCOMPARE(editor.fillHoles(3), std::size_t(14 * 14));
        QCOMPARE(editor.voxelCount(3), std::size_t(16 * 16));
    }

    void islandsHolesAndSmoothing()
    {
        const ImageGeometry g = grid(40, 40, 20);
        LabelEditor editor(Volume(PixelType::UInt8, g));
        paintTwoIslands(editor, {12, 12, 10}, 6, {30, 30, 10});
        const std::size_t largest = editor.voxelCount(1) - 33;      // r 2 sphere: 33 voxels
        QCOMPARE(editor.removeSmallIslands(1, 10), std::size_t(0)); // both islands have >= 10
        QCOMPARE(editor.removeSmallIslands(1, 40), std::size_t(33));
        QVERIFY(editor.undo());
        QCOMPARE(editor.keepLargestIsland(1), std::size_t(33));
        QCOMPARE(editor.voxelCount(1), largest);
        // A one-voxel spike off the sphere and a one-voxel hole in it: a median removes both.
        Volume shared = editor.labels(); // the same voxels
        auto* p = shared.voxels<std::uint8_t>();
        p[editor.labels().linearIndex(12, 12, 17)] = 1; // spike (the sphere ends at k = 16)
        p[editor.labels().linearIndex(12, 12, 10)] = 0; // hole at the centre
        LabelEditor fresh(editor.labels());             // counts from the voxels as they are now
        QVERIFY(fresh.smooth(1, Smoothing::Median, 1) >= 2);
        QCOMPARE(int(p[editor.labels().linearIndex(12, 12, 17)]), 0);
        QCOMPARE(int(p[editor.labels().linearIndex(12, 12, 10)]), 1);
        // Closing fills the hole and keeps the rest.
        QVERIFY(fresh.undo());
        QVERIFY(fresh.smooth(1, Smoothing::Closing, 1) >= 1);
        QCOMPARE(int(p[editor.labels().linearIndex(12, 12, 10)]), 1);
    }

    void interpolationMorphsBetweenEditedSlices()
    {
        const ImageGeometry g = grid(70, 70, 11);
        LabelEditor editor(Volume(PixelType::UInt8, g));
        Brush disk;
        disk.label = 1;
        disk.radiusMm = 10;
        editor.paint(at(g, 35, 35, 0), disk);
        disk.radiusMm = 20;
        editor.paint(at(g, 35, 35, 10), disk);
        QVERIFY(editor.interpolateSlices(1) > 0);
        // Slice 5 is half way: a disk of radius ~15 (area pi * 15^2 = 707 voxels).
        std::size_t area = 0;
        for (int j = 0; j < 70; ++j)
            for (int i = 0; i < 70; ++i)
                area += editor.labels().voxels<std::uint8_t>()[editor.labels().linearIndex(i, j, 5)] == 1;
        QVERIFY2(std::abs(double(area) - kPi * 225) / (kPi * 225) < 0.05, qPrintable(QString::number(area)));
        QVERIFY(editor.undo());
        QCOMPARE(editor.undoSteps(), 2);
    }

    void logicalOperationsWithAMask()
    {
        const ImageGeometry g = grid(20, 20, 4);
        Volume labels(PixelType::UInt8, g), mask(PixelType::UInt8, g);
        for (std::size_t v = 0; v < labels.voxelCount(); ++v) {
            labels.voxels<std::uint8_t>()[v] = v % 2 ? 1 : 2;
            mask.voxels<std::uint8_t>()[v] = v < labels.voxelCount() / 2 ? 7 : 0;
        }
        LabelEditor editor(labels);
        const std::size_t ones = editor.voxelCount(1);
        QCOMPARE(editor.intersect(1, mask), ones / 2); // label 1 outside the mask goes
        QCOMPARE(editor.voxelCount(1), ones / 2);
        QVERIFY(editor.undo());
        QCOMPARE(editor.subtract(1, mask, 7), ones / 2); // label 1 inside the mask goes
        QVERIFY(editor.undo());
        QCOMPARE(editor.subtract(1, mask, 3), std::size_t(0)); // no voxel of mask label 3
        QCOMPARE(editor.unite(1, 2), labels.voxelCount() - ones);
        QCOMPARE(editor.voxelCount(1), labels.voxelCount());
        QCOMPARE(editor.voxelCount(2), std::size_t(0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, editor.intersect(1, Volume(PixelType::UInt8, grid(5, 5, 5))));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LabelEditor(Volume(PixelType::Float32, g)));
    }

    void uniteWithAMaskKeepsOtherLabels()
    {
        // Two boxes on two maps: 10^3 of label 1 here, 10^3 of label 5 there shifted by 5
        // along i (overlap 5 x 10 x 10); a voxel of label 2 here inside the mask stays.
        const ImageGeometry g = grid(30, 20, 20);
        Volume labels(PixelType::UInt8, g), other(PixelType::UInt8, g);
        for (int k = 5; k < 15; ++k)
            for (int j = 5; j < 15; ++j)
                for (int i = 5; i < 15; ++i) {
                    labels.voxels<std::uint8_t>()[labels.linearIndex(i, j, k)] = 1;
                    other.voxels<std::uint8_t>()[other.linearIndex(i + 5, j, k)] = 5;
                }
        labels.voxels<std::uint8_t>()[labels.linearIndex(17, 8, 8)] = 2;
        LabelEditor editor(labels);
        QCOMPARE(editor.unite(1, other, 5), std::size_t(5 * 10 * 10 - 1));
        QCOMPARE(editor.voxelCount(1), std::size_t(15 * 10 * 10 - 1));
        QCOMPARE(editor.voxelCount(2), std::size_t(1));
        QVERIFY(editor.undo());
        QCOMPARE(editor.intersect(1, other, 5), std::size_t(5 * 10 * 10));
        QCOMPARE(editor.voxelCount(1), std::size_t(5 * 10 * 10));
        QCOMPARE(editor.unite(1, other, 3), std::size_t(0)); // no voxel of mask label 3
    }

    void detachedCopyAppliesBackAsOneStep()
    {
        // Label 1: a big and a small sphere; keep the largest island on a copy.
        const ImageGeometry g = grid(80, 40, 40);
        Volume image(PixelType::Int16, g);
        for (std::size_t v = 0; v < image.voxelCount(); ++v)
            image.voxels<std::int16_t>()[v] = std::int16_t(v % 7);
        LabelEditor editor(Volume(PixelType::UInt8, g), image);
        paintTwoIslands(editor, {15, 20, 20}, 8, {70, 20, 20}); // the small one in bricks of its own
        const std::size_t all = editor.voxelCount(1);
        const std::size_t historyBefore = editor.historyBytes();

        std::unique_ptr<LabelEditor> copy = LabelEditor::detachedCopy(editor.labels(), editor.image());
        QVERIFY(copy->labels().data() != editor.labels().data());
        QCOMPARE(copy->image().data(), editor.image().data()); // shared, not copied
        std::vector<double> fractions;
        copy->setProgressCallback([&](double f) { fractions.push_back(f); });
        QCOMPARE(copy->keepLargestIsland(1), std::size_t(33));
        QVERIFY(!fractions.empty());
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QVERIFY(fractions.front() >= 0.0 && fractions.back() <= 1.0);
        QCOMPARE(countOf(editor.labels(), 1), all); // the map is untouched until applyFrom

        QCOMPARE(editor.applyFrom(*copy), std::size_t(33));
        QCOMPARE(editor.voxelCount(1), all - 33);
        QCOMPARE(countOf(editor.labels(), 1), all - 33);
        QCOMPARE(editor.undoSteps(), 3);
        // Only the changed bricks are kept: the small sphere's, before and after.
        QVERIFY(editor.historyBytes() - historyBefore <= std::size_t(8) * 2 * 32768);
        const LabelStatistics s = editor.statistics(1);
        QCOMPARE(s.voxels, all - 33);
        QVERIFY(editor.undo());
        QCOMPARE(editor.voxelCount(1), all);
        QCOMPARE(countOf(editor.labels(), 1), all);
        QVERIFY(editor.redo());
        QCOMPARE(countOf(editor.labels(), 1), all - 33);

        // A copy with nothing changed applies nothing.
        QCOMPARE(editor.applyFrom(*LabelEditor::detachedCopy(editor.labels())), std::size_t(0));
        QCOMPARE(editor.undoSteps(), 3);
    }

    void applyFromRefusesAMapWrittenSinceTheCopy()
    {
        const ImageGeometry g = grid(40, 40, 40);
        LabelEditor editor(Volume(PixelType::UInt8, g));
        Brush brush;
        brush.sphere = true;
        brush.radiusMm = 5;
        std::unique_ptr<LabelEditor> copy = LabelEditor::detachedCopy(editor.labels());
        QVERIFY(copy->paint(at(g, 20, 20, 20), brush) > 0);
        brush.label = 2;
        brush.radiusMm = 2;
        editor.paint(at(g, 20, 20, 20), brush); // the same bricks, written here meanwhile
        const std::size_t twos = editor.voxelCount(2);
        QVERIFY_THROWS_EXCEPTION(std::logic_error, editor.applyFrom(*copy));
        QCOMPARE(editor.voxelCount(1), std::size_t(0));
        QCOMPARE(countOf(editor.labels(), 2), twos);
        QCOMPARE(editor.undoSteps(), 1);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 editor.applyFrom(*LabelEditor::detachedCopy(Volume(PixelType::UInt8, grid(5, 5, 5)))));
        // A progress callback that throws abandons the copy's operation; the map is as it was.
        std::unique_ptr<LabelEditor> abandoned = LabelEditor::detachedCopy(editor.labels());
        abandoned->setProgressCallback([](double f) {
            if (f > 0.3)
                throw std::runtime_error("cancelled");
        });
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, abandoned->unite(1, 2));
        QCOMPARE(countOf(editor.labels(), 2), twos);
    }

    void regionGrowingFromAClickInADemoLesion()
    {
        // The demo CT (make-demo's full size): three liver lesions at 100 HU, liver 60 HU,
        // noise SD 8. A click at a lesion's centre grows to its volume within 10 %.
        const CtPhantom ct = makeCtPhantom(CtPhantomSpec{});
        QVERIFY(!ct.lesions.empty());
        const ImageGeometry& g = ct.volume.geometry();
        for (const bool confident : {false, true}) {
            LabelEditor editor(Volume(PixelType::UInt8, g), ct.volume);
            const SphereLesion& lesion = ct.lesions.front();
            const Vec3 c = g.physicalToIndex(lesion.centerMm);
            const VoxelIndex seed{int(std::lround(c[0])), int(std::lround(c[1])), int(std::lround(c[2]))};
            const std::size_t grown =
                confident ? editor.regionGrowConfident(seed, 1) : editor.regionGrow(seed, 1, 80, 200);
            QVERIFY(grown > 0);
            // The phantom's own mask of that lesion: its voxels within the radius of the centre.
            std::size_t truth = 0;
            const auto* mask = ct.lesionLabels.voxels<std::uint8_t>();
            for (int k = 0; k < g.size[2]; ++k)
                for (int j = 0; j < g.size[1]; ++j)
                    for (int i = 0; i < g.size[0]; ++i)
                        if (mask[ct.lesionLabels.linearIndex(i, j, k)]) {
                            const Vec3 d = sub(g.indexToPhysical({double(i), double(j), double(k)}), lesion.centerMm);
                            truth += norm(d) <= lesion.radiusMm * 1.5;
                        }
            const double trueMl = double(truth) * g.spacing[0] * g.spacing[1] * g.spacing[2] / 1000.0;
            QVERIFY2(std::abs(editor.volumeMl(1) - trueMl) / trueMl < 0.10,
                     qPrintable(QStringLiteral("%1: %2 mL grown, %3 mL true")
                                    .arg(confident ? "confidence" : "threshold")
                                    .arg(editor.volumeMl(1))
                                    .arg(trueMl)));
            const LabelStatistics s = editor.statistics(1);
            qInfo("%s: %.2f mL grown, %.2f mL in the phantom's lesion, mean %.1f HU",
                  confident ? "confidence connected" : "connected threshold", editor.volumeMl(1), trueMl, s.mean);
            QVERIFY(std::abs(s.mean - lesion.hu) < 5);
        }
    }
};

QTEST_GUILESS_MAIN(LabelEditorTest)
#include "LabelEditorTest.moc"

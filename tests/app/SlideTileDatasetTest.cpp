// Training tiles cut from the annotated demo slide (make-demo --small): classes from the
// QuPath classifications, tumour tiles covering the tumours' area, splits by folder or
// stratified, slides without annotations reported.

#include "app/core/SlideTileDataset.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using radpath::app::cutSlideTiles;
using radpath::app::SlideTileDataset;
using radpath::app::SlideTileOptions;

class SlideTileDatasetTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath("demo");
        QProcess cli;
        cli.start(QStringLiteral(RADPATH_BIN_DIR "/radpath-cli"), {"make-demo", m_demo, "--small"});
        QVERIFY(cli.waitForFinished(300000) && cli.exitCode() == 0);
        QFile truth(QDir(m_demo).filePath("ground-truth.json"));
        QVERIFY(truth.open(QIODevice::ReadOnly));
        m_tumourAreaUm2 = QJsonDocument::fromJson(truth.readAll()).object()["slide"].toObject()["tumour_area_um2"].toDouble();
        QVERIFY(m_tumourAreaUm2 > 0.0);
    }

    // One slide in the folder: tiles split per class, 20 % of each for validation.
    void tilesOfTheDemoSlide()
    {
        SlideTileOptions options;
        options.mpp = 1.0;
        options.tileSize = 32;
        const SlideTileDataset d = cutSlideTiles(QDir(m_demo).filePath("slide"), options);
        QVERIFY2(d.errors.isEmpty(), qPrintable(d.errors.join("; ")));
        QCOMPARE(d.classes, (QStringList{"Other", "Tumor"}));
        QCOMPARE(d.slides.size(), 1);
        const int tumour = d.counts[1][0] + d.counts[1][1], other = d.counts[0][0] + d.counts[0][1];
        // A tile counts when its centre is inside a tumour: tiles × tile area estimates the area.
        const double tileAreaUm2 = std::pow(options.mpp * options.tileSize, 2);
        qInfo("%d tumour tiles (%.0f µm² of %.0f µm² of tumour), %d other tissue tiles", tumour, tumour * tileAreaUm2,
              m_tumourAreaUm2, other);
        QVERIFY(std::abs(tumour * tileAreaUm2 - m_tumourAreaUm2) / m_tumourAreaUm2 < 0.05);
        QVERIFY(other > tumour);
        QCOMPARE(d.counts[1][1], int(std::lround(0.2 * tumour)));
        QCOMPARE(int(d.train.size() + d.validation.size()), tumour + other);
        QVERIFY(d.test.empty());
        QCOMPARE(d.warnings.filter("not in train/ and val/ folders").size(), 1); // tiles of one slide on both sides
        const auto& sample = d.train.front();
        QCOMPARE(sample.image.channels, 3);
        QCOMPARE(sample.image.voxels.size(), size_t(3 * 32 * 32));
        float low = 255.0f, high = 0.0f;
        for (float v : sample.image.voxels) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
        QVERIFY(low >= 0.0f && high <= 255.0f && high > low);
        // Tumour tiles are stained darker than the other tissue on the demo slide.
        const auto meanOf = [&](int label) {
            double sum = 0.0;
            size_t n = 0;
            for (const auto& s : d.train)
                if (s.label == label)
                    for (float v : s.image.voxels) {
                        sum += v;
                        ++n;
                    }
            return sum / double(n);
        };
        qInfo("mean RGB: tumour %.1f, other %.1f", meanOf(1), meanOf(0));
        QVERIFY(meanOf(1) < meanOf(0) - 10.0);
    }

    // train/ and val/ folders keep slides apart; a slide without annotations is reported.
    void splitByFolders()
    {
        const QDir root(m_dir.filePath("folders"));
        for (const char* split : {"train", "val"}) {
            QVERIFY(root.mkpath(split));
            for (const char* file : {"demo.svs", "demo.geojson"})
                QVERIFY(QFile::link(QDir(m_demo).filePath(QStringLiteral("slide/") + file),
                                    root.filePath(QStringLiteral("%1/%2").arg(split, file))));
        }
        QVERIFY(QFile::link(QDir(m_demo).filePath("slide/demo.svs"), root.filePath("train/unannotated.svs")));
        SlideTileOptions options;
        options.mpp = 8.0;
        options.tileSize = 32;
        const SlideTileDataset d = cutSlideTiles(root.path(), options);
        QVERIFY2(d.errors.isEmpty(), qPrintable(d.errors.join("; ")));
        QCOMPARE(d.counts[0][0], d.counts[0][1]); // the same slide on both sides
        QCOMPARE(d.counts[1][0], d.counts[1][1]);
        QCOMPARE(d.slides.size(), 2);
        QCOMPARE(int(d.skipped.size()), 1);
        QVERIFY(d.skipped.front().path.endsWith("unannotated.svs"));
        QVERIFY(d.skipped.front().reason.contains("no annotations"));
        QVERIFY(d.warnings.filter("not in train/ and val/ folders").isEmpty());
    }

    // A cap per class and split: a random subset of the tiles cut, said in a warning.
    void tilesBeyondTheCapAreSampled()
    {
        SlideTileOptions options;
        options.mpp = 1.0;
        options.tileSize = 32;
        options.maxTilesPerClass = 40;
        const SlideTileDataset d = cutSlideTiles(QDir(m_demo).filePath("slide"), options);
        QVERIFY2(d.errors.isEmpty(), qPrintable(d.errors.join("; ")));
        for (int c = 0; c < 2; ++c) {
            QVERIFY(d.counts[size_t(c)][0] <= 40 && d.counts[size_t(c)][1] <= 40);
            QVERIFY(d.counts[size_t(c)][0] >= 30);
        }
        QCOMPARE(d.warnings.filter("tiles found, a random").size(), 2);
        SlideTileOptions again = options; // the same seed draws the same tiles
        const SlideTileDataset e = cutSlideTiles(QDir(m_demo).filePath("slide"), again);
        QCOMPARE(e.train.size(), d.train.size());
        QVERIFY(e.train.front().image.voxels == d.train.front().image.voxels);
    }

    void emptyFolderRefused()
    {
        const SlideTileDataset d = cutSlideTiles(m_dir.filePath("nothing-here"), {});
        QCOMPARE(d.errors.size(), 1);
        QVERIFY(d.errors.front().contains("no slides"));
    }

private:
    QTemporaryDir m_dir;
    QString m_demo;
    double m_tumourAreaUm2 = 0.0;
};

QTEST_GUILESS_MAIN(SlideTileDatasetTest)
#include "SlideTileDatasetTest.moc"

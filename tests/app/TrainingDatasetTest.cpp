// Training datasets on disk: class folders scanned as torchvision's ImageFolder does, the
// seeded stratified split, the warnings and errors a researcher needs before training, files
// that cannot be read, segmentation pairs with their geometry, and decoding to the model's
// input with the pixel values checked after resizing.

#include "app/core/TrainingDataset.h"
#include "app/core/DatasetDecoder.h"
#include "app/core/TrainingImages.h"
#include "viewer/io/DicomDxWriter.h"
#include "viewer/io/ItkVolumeWriter.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace radpath::app;

namespace {

void writeImage(const QString& path, const QImage& image)
{
    QDir().mkpath(QFileInfo(path).path());
    QVERIFY2(image.save(path), qPrintable(path));
}

QImage grey(int width, int height, int value)
{
    QImage image(width, height, QImage::Format_Grayscale8);
    image.fill(QColor(value, value, value));
    return image;
}

/// `count` small grey PNGs in `dir`.
void writeClass(const QString& dir, int count, int value = 100)
{
    QDir().mkpath(dir);
    for (int i = 0; i < count; ++i)
        writeImage(QStringLiteral("%1/img-%2.png").arg(dir).arg(i, 3, 10, QLatin1Char('0')), grey(8, 8, value + i));
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

const SkippedFile* skippedNamed(const DatasetScan& scan, const QString& fileName)
{
    for (const SkippedFile& s : scan.skipped)
        if (QFileInfo(s.path).fileName() == fileName)
            return &s;
    return nullptr;
}

QStringList validationPaths(const DatasetScan& scan)
{
    QStringList paths;
    for (const DatasetEntry& e : scan.entriesOf(DatasetSplit::Validation))
        paths << e.path;
    return paths;
}

radpath::viewer::Volume floatVolume(std::array<int, 3> size, std::array<double, 3> spacing, float value)
{
    radpath::viewer::ImageGeometry g;
    g.size = size;
    g.spacing = spacing;
    radpath::viewer::Volume volume(radpath::viewer::PixelType::Float32, g);
    std::fill_n(volume.voxels<float>(), volume.voxelCount(), value);
    return volume;
}

} // namespace

class TrainingDatasetTest : public QObject {
    Q_OBJECT
private slots:
    void splitFoldersCountedPerClassWithTorchvisionOrder()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath("data");
        writeClass(root + "/train/normal", 7);
        writeClass(root + "/train/Pneumonia", 2);
        writeClass(root + "/val/normal", 2);
        writeClass(root + "/val/Pneumonia", 1);
        writeClass(root + "/test/normal", 1);
        writeClass(root + "/test/Pneumonia", 1);
        writeBytes(root + "/train/normal/corrupt.png", "this is not a PNG file at all");
        writeBytes(root + "/train/normal/notes.txt", "labelled by Dr. X");
        writeBytes(root + "/train/stray.png", "x");

        const DatasetScan scan = scanClassificationFolder(root);
        QVERIFY2(scan.ok(), qPrintable(scan.errors.join('\n')));
        QVERIFY(scan.presplit);
        // Code-point order, as torchvision's sorted(): upper case first.
        QCOMPARE(scan.classes, QStringList({"Pneumonia", "normal"}));
        QCOMPARE(scan.counts.size(), size_t(2));
        QCOMPARE(scan.counts[0], (std::array<int, 3>{2, 1, 1}));
        QCOMPARE(scan.counts[1], (std::array<int, 3>{7, 2, 1}));
        QCOMPARE(scan.count(DatasetSplit::Train), 9);
        QCOMPARE(int(scan.entries.size()), 14);
        QCOMPARE(scan.entries.front().classIndex, 0);
        QVERIFY(scan.entries.front().split == DatasetSplit::Train);

        // 7 against 2 in train: more than 3:1, said with both classes.
        QCOMPARE(scan.warnings.size(), 1);
        QVERIFY(scan.warnings[0].contains("imbalance"));
        QVERIFY(scan.warnings[0].contains("'normal' has 7"));
        QVERIFY(scan.warnings[0].contains("'Pneumonia' only 2"));

        const SkippedFile* corrupt = skippedNamed(scan, "corrupt.png");
        QVERIFY(corrupt);
        QVERIFY2(corrupt->reason.contains("PNG"), qPrintable(corrupt->reason));
        QVERIFY(skippedNamed(scan, "notes.txt"));
        QVERIFY(skippedNamed(scan, "stray.png"));
        QCOMPARE(skippedNamed(scan, "stray.png")->reason, QStringLiteral("not inside a class folder"));

        const QJsonObject summary = datasetSummaryJson(scan, {});
        QCOMPARE(summary["classes"].toArray().size(), 2);
        QCOMPARE(summary["counts"].toObject()["train"].toObject()["normal"].toInt(), 7);
        QCOMPARE(summary["counts"].toObject()["test"].toObject()["Pneumonia"].toInt(), 1);
        QCOMPARE(summary["split"].toString(), QStringLiteral("folders"));
        QCOMPARE(summary["root"].toString(), QStringLiteral("data"));
        QVERIFY(datasetSummaryText(scan).contains("normal"));
    }

    void pooledClassesSplitStratifiedAndReproducibly()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath("pool");
        writeClass(root + "/x", 10);
        writeClass(root + "/y", 5);
        DatasetScanOptions options;
        options.valFraction = 0.2;
        options.seed = 7;
        const DatasetScan a = scanClassificationFolder(root, options);
        QVERIFY2(a.ok(), qPrintable(a.errors.join('\n')));
        QVERIFY(!a.presplit);
        QCOMPARE(a.counts[0], (std::array<int, 3>{8, 2, 0}));
        QCOMPARE(a.counts[1], (std::array<int, 3>{4, 1, 0}));
        QVERIFY(a.warnings.isEmpty()); // 8:4 is not an imbalance worth a warning

        const DatasetScan again = scanClassificationFolder(root, options);
        QCOMPARE(validationPaths(again), validationPaths(a));
        options.seed = 8;
        const DatasetScan other = scanClassificationFolder(root, options);
        QCOMPARE(other.counts[0], a.counts[0]);
        QVERIFY(validationPaths(other) != validationPaths(a));
        QCOMPARE(datasetSummaryJson(a, options)["split"].toString(), QStringLiteral("stratified"));

        // For evaluation a pool is kept whole.
        DatasetScanOptions evaluation;
        evaluation.purpose = DatasetPurpose::Evaluation;
        const DatasetScan whole = scanClassificationFolder(root, evaluation);
        QCOMPARE(whole.count(DatasetSplit::Test), 15);
    }

    void unusableDatasetsRefusedWithTheReason()
    {
        QTemporaryDir dir;
        writeClass(dir.filePath("one/only"), 3);
        const DatasetScan single = scanClassificationFolder(dir.filePath("one"));
        QVERIFY(!single.ok());
        QVERIFY2(single.errors.join('\n').contains("only one class ('only')"), qPrintable(single.errors.join('\n')));

        writeClass(dir.filePath("empty/train/a"), 2);
        QDir().mkpath(dir.filePath("empty/train/b"));
        writeClass(dir.filePath("empty/val/b"), 2);
        const DatasetScan empty = scanClassificationFolder(dir.filePath("empty"));
        QVERIFY(empty.errors.join('\n').contains("class 'b' has no training images"));

        QDir().mkpath(dir.filePath("none"));
        QVERIFY(scanClassificationFolder(dir.filePath("none")).errors.join('\n').contains("no class folders"));
        QDir().mkpath(dir.filePath("blank/a"));
        QDir().mkpath(dir.filePath("blank/b"));
        QVERIFY(scanClassificationFolder(dir.filePath("blank")).errors.join('\n').contains("no images"));
        QVERIFY(scanClassificationFolder(dir.filePath("missing")).errors.join('\n').contains("no such folder"));

        // One image per class leaves none for validation, which training needs.
        writeClass(dir.filePath("tiny/a"), 1);
        writeClass(dir.filePath("tiny/b"), 1);
        const DatasetScan tiny = scanClassificationFolder(dir.filePath("tiny"));
        QVERIFY2(tiny.errors.join('\n').contains("no validation images"), qPrintable(tiny.errors.join('\n')));
    }

    void constantImageKeepsItsValueAfterResize()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("constant.png");
        writeImage(path, grey(40, 30, 77));
        DecodeOptions options;
        options.size = {8, 10}; // [h, w]
        const DecodedImage d = decodeEntry({path, {}, 0, DatasetSplit::Train}, options);
        QCOMPARE(d.image.grid.size, (std::array<int, 3>{10, 8, 1}));
        QCOMPARE(d.image.channels, 1);
        QCOMPARE(d.image.dims, 2);
        QCOMPARE(d.bitsStored, 8);
        QCOMPARE(d.image.voxels.size(), size_t(80));
        for (float v : d.image.voxels)
            QVERIFY(std::abs(v - 77.0f) < 1e-3f);
        // The field of view is kept: 40 px of 1 mm become 10 of 4 mm.
        QCOMPARE(d.image.grid.spacing[0], 4.0);
    }

    void tileImagesTakeTheirPixelSpacing()
    {
        // Tiles in PNG files carry no spacing: a tile classifier's µm per pixel is theirs, so
        // that the engine does not resample them from 1 mm (a 500-fold enlargement at 2 µm).
        QTemporaryDir dir;
        const QString path = dir.filePath("tile.png");
        writeImage(path, grey(32, 32, 120));
        DecodeOptions options;
        options.size = {32, 32};
        options.channels = 3;
        options.pixelSpacingMm = 0.002;
        const DecodedImage same = decodeEntry({path, {}, 0, DatasetSplit::Train}, options);
        QCOMPARE(same.image.grid.spacing[0], 0.002);
        QCOMPARE(same.image.grid.spacing[1], 0.002);
        options.size = {16, 16}; // halved: the field of view is kept
        const DecodedImage half = decodeEntry({path, {}, 0, DatasetSplit::Train}, options);
        QCOMPARE(half.image.grid.spacing[0], 0.004);
        // The spacing is part of the cache key.
        clearDecodeCache();
        const DatasetEntry entry{path, {}, 0, DatasetSplit::Train};
        options.size = {32, 32};
        const DecodeOutcome tiles = decodeEntries({entry}, options);
        options.pixelSpacingMm = 0.0;
        const DecodeOutcome plain = decodeEntries({entry}, options);
        QCOMPARE(plain.fromCache, 0);
        QCOMPARE(tiles.images[0]->image.grid.spacing[0], 0.002);
        QCOMPARE(plain.images[0]->image.grid.spacing[0], 1.0);
    }

    void classesMatchedToOutputPositions()
    {
        // Output labels whose values are not 0..K-1: evaluation takes positions.
        QTemporaryDir dir;
        writeClass(dir.filePath("data/Alpha"), 2);
        writeClass(dir.filePath("data/beta"), 2);
        writeClass(dir.filePath("data/gamma"), 2);
        DatasetScanOptions evaluation;
        evaluation.purpose = DatasetPurpose::Evaluation;
        const DatasetScan scan = scanClassificationFolder(dir.filePath("data"), evaluation);
        QCOMPARE(scan.classes, (QStringList{"Alpha", "beta", "gamma"}));
        radpath::ai::Manifest manifest;
        manifest.output.labels = {{7, "beta", {}}, {3, "alpha", {}}};
        QStringList missing;
        const std::vector<int> positions = classOutputPositions(scan, DatasetSplit::Test, manifest, &missing);
        QCOMPARE(positions, (std::vector<int>{1, 0, -1})); // "Alpha" by case, "beta" exactly
        QCOMPARE(missing, QStringList{"'gamma'"});
    }

    void sixteenBitGradientAveragedOverEachOutputPixel()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("gradient16.png");
        QImage image(64, 4, QImage::Format_Grayscale16);
        for (int y = 0; y < 4; ++y) {
            auto* line = reinterpret_cast<quint16*>(image.scanLine(y));
            for (int x = 0; x < 64; ++x)
                line[x] = quint16(1000 * x);
        }
        writeImage(path, image);
        DecodeOptions options;
        options.size = {4, 32};
        const DecodedImage d = decodeEntry({path, {}, 0, DatasetSplit::Train}, options);
        QCOMPARE(d.bitsStored, 16);
        QCOMPARE(d.maximum, 63000.0);
        QCOMPARE(d.image.grid.size, (std::array<int, 3>{32, 4, 1}));
        // Halving averages pixels 2x' and 2x'+1 (with the filter's tails), which on a ramp is
        // the ramp at their middle; away from the edges where the filter is cut off.
        for (int y = 0; y < 4; ++y)
            for (int x = 1; x < 31; ++x) {
                const float v = d.image.voxels[size_t(y * 32 + x)];
                QVERIFY2(std::abs(v - 1000.0f * (2 * x + 0.5f)) < 0.05f, qPrintable(QString::number(v)));
            }
        QVERIFY(d.image.voxels[31] > 60000.0f); // 16-bit values kept, not squeezed to 8 bits
    }

    void colourTurnedGreyOrKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("red.png");
        QImage red(6, 6, QImage::Format_RGB32);
        red.fill(QColor(200, 0, 0));
        writeImage(path, red);
        DecodeOptions options;
        options.size = {6, 6};
        const DecodedImage greyed = decodeEntry({path, {}, 0, DatasetSplit::Train}, options);
        QVERIFY(greyed.colour);
        QCOMPARE(greyed.image.channels, 1);
        QVERIFY(std::abs(greyed.image.voxels[0] - 0.299f * 200.0f) < 1e-3f);
        options.channels = 3;
        const DecodedImage colour = decodeEntry({path, {}, 0, DatasetSplit::Train}, options);
        QCOMPARE(colour.image.channels, 3);
        QCOMPARE(colour.image.voxels[0], 200.0f);
        QCOMPARE(colour.image.voxels[36], 0.0f);
        // Grey to colour repeats the plane.
        const QString greyPath = dir.filePath("grey.png");
        writeImage(greyPath, grey(6, 6, 50));
        const DecodedImage repeated = decodeEntry({greyPath, {}, 0, DatasetSplit::Train}, options);
        QCOMPARE(repeated.image.channels, 3);
        QCOMPARE(repeated.image.voxels[72], 50.0f);
    }

    void brokenFilesListedAndTheRestDecodedInParallelThenCached()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath("data");
        writeClass(root + "/a", 6, 10);
        writeClass(root + "/b", 6, 200);
        // A truncated PNG: its header passes the scan, its pixels fail to decode.
        QImage big(64, 64, QImage::Format_Grayscale8);
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 64; ++x)
                big.scanLine(y)[x] = uchar((x * 7 + y * 13) % 251);
        writeImage(root + "/b/big.png", big);
        QFile bigFile(root + "/b/big.png");
        QVERIFY(bigFile.open(QIODevice::ReadOnly));
        const QByteArray bytes = bigFile.readAll();
        bigFile.close();
        writeBytes(root + "/b/truncated.png", bytes.left(bytes.size() / 2));

        DatasetScanOptions scanOptions;
        scanOptions.purpose = DatasetPurpose::Evaluation;
        const DatasetScan scan = scanClassificationFolder(root, scanOptions);
        QVERIFY(scan.ok());
        QCOMPARE(int(scan.entries.size()), 14);

        clearDecodeCache();
        DecodeOptions options;
        options.size = {4, 4};
        options.threads = 2;
        std::vector<double> fractions;
        const DecodeOutcome first = decodeEntries(scan.entries, options, [&](double f) { fractions.push_back(f); });
        QCOMPARE(int(first.failures.size()), 1);
        QCOMPARE(QFileInfo(first.failures[0].path).fileName(), QStringLiteral("truncated.png"));
        QCOMPARE(first.decoded(), 13);
        QVERIFY(!fractions.empty());
        QCOMPARE(fractions.back(), 1.0);
        QCOMPARE(first.fromCache, 0);
        QVERIFY(decodeCacheBytes() > 0);

        const std::vector<radpath::ai::TrainingSample> samples =
            trainingSamples(scan.entries, first, DatasetSplit::Test);
        QCOMPARE(int(samples.size()), 13);
        const std::vector<radpath::ai::LabelledImage> labelled =
            labelledImages(scan.entries, first, DatasetSplit::Test, {1, 0});
        QCOMPARE(labelled.front().label, 1); // class 0 ("a") is the model's output 1
        QVERIFY(QString::fromStdString(labelled.front().name).endsWith("a/img-000.png"));

        const DecodeOutcome second = decodeEntries(scan.entries, options);
        QCOMPARE(second.fromCache, 13);
        QCOMPARE(second.images[1].get(), first.images[1].get());

        // Cancelled before it starts: nothing decoded, Cancelled thrown.
        radpath::ai::CancelToken cancel;
        cancel.cancel();
        options.size = {5, 5};
        QVERIFY_THROWS_EXCEPTION(radpath::ai::Cancelled, decodeEntries(scan.entries, options, {}, &cancel));
    }

    void segmentationPairsMatchedByNameAndGeometryChecked()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath("seg");
        QDir().mkpath(root + "/images");
        QDir().mkpath(root + "/labels");
        using radpath::viewer::writeVolumeWithItk;
        for (const char* name : {"case1", "case2", "case3", "case4"})
            writeVolumeWithItk(floatVolume({12, 10, 8}, {1.0, 1.0, 2.0}, 5.0f),
                               QStringLiteral("%1/images/%2_0000.nii.gz").arg(root, name).toStdString());
        writeVolumeWithItk(floatVolume({12, 10, 8}, {1.0, 1.0, 2.0}, 1.0f),
                           (root + "/labels/case1.nii.gz").toStdString());
        writeVolumeWithItk(floatVolume({12, 10, 8}, {1.0, 1.0, 2.0}, 0.0f),
                           (root + "/labels/case2.nii.gz").toStdString());
        writeVolumeWithItk(floatVolume({12, 10, 7}, {1.0, 1.0, 2.0}, 1.0f),
                           (root + "/labels/case3.nii.gz").toStdString());
        writeVolumeWithItk(floatVolume({12, 10, 8}, {1.0, 1.0, 2.0}, 1.0f),
                           (root + "/labels/orphan.nii.gz").toStdString());

        DatasetScanOptions options;
        options.valFraction = 0.34;
        const DatasetScan scan = scanSegmentationFolder(root, options);
        QVERIFY2(scan.ok(), qPrintable(scan.errors.join('\n')));
        QVERIFY(scan.task == DatasetTask::Segmentation);
        QCOMPARE(int(scan.entries.size()), 3);
        QCOMPARE(scan.count(DatasetSplit::Validation), 1);
        QVERIFY(skippedNamed(scan, "case4_0000.nii.gz"));
        QVERIFY(skippedNamed(scan, "orphan.nii.gz"));
        // A relative root pairs the same files.
        const QString cwd = QDir::currentPath();
        QDir::setCurrent(dir.path());
        const DatasetScan relative = scanSegmentationFolder("seg", options);
        QDir::setCurrent(cwd);
        QCOMPARE(int(relative.entries.size()), 3);
        QCOMPARE(relative.root, root);

        DecodeOptions decode;
        decode.minimumSize = {8, 8, 8};
        const DecodeOutcome outcome = decodeEntries(scan.entries, decode);
        QCOMPARE(int(outcome.failures.size()), 1);
        const SkippedFile& mismatch = outcome.failures[0];
        QVERIFY(mismatch.path.endsWith("case3_0000.nii.gz"));
        QVERIFY2(mismatch.reason.contains("labels/case3.nii.gz") && mismatch.reason.contains("differ in size"),
                 qPrintable(mismatch.reason));
        for (size_t i = 0; i < scan.entries.size(); ++i)
            if (outcome.images[i] && scan.entries[i].path.contains("case1")) {
                QCOMPARE(outcome.images[i]->mask.size(), size_t(12 * 10 * 8));
                QCOMPARE(int(outcome.images[i]->mask[0]), 1);
                QCOMPARE(outcome.images[i]->image.voxels[0], 5.0f);
            }

        // A single pair leaves none for validation, which training needs.
        const QString single = dir.filePath("single");
        QDir().mkpath(single + "/images");
        QDir().mkpath(single + "/labels");
        writeVolumeWithItk(floatVolume({12, 10, 8}, {1.0, 1.0, 2.0}, 5.0f), (single + "/images/a.nii.gz").toStdString());
        writeVolumeWithItk(floatVolume({12, 10, 8}, {1.0, 1.0, 2.0}, 1.0f), (single + "/labels/a.nii.gz").toStdString());
        const DatasetScan alone = scanSegmentationFolder(single, options);
        QVERIFY(!alone.ok());
        QVERIFY2(alone.errors.join('\n').contains("no validation pairs"), qPrintable(alone.errors.join('\n')));

        // Larger patches than the images are refused, naming the file.
        decode.minimumSize = {16, 16, 16};
        const DecodeOutcome small = decodeEntries(scan.entries, decode);
        QCOMPARE(int(small.failures.size()), 3);
        QVERIFY(std::any_of(small.failures.begin(), small.failures.end(), [](const SkippedFile& f) {
            return f.path.endsWith("case1_0000.nii.gz") && f.reason.contains("(8×10×12) is smaller than the patch");
        }));
    }

    void dicomRadiographDecodedFromItsOwnFileOnly()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath("dx");
        QDir().mkpath(root + "/train/a");
        QDir().mkpath(root + "/train/b");
        radpath::viewer::ChestSpec spec;
        spec.width = 64;
        spec.height = 48;
        const radpath::viewer::ChestImage chest = radpath::viewer::makeChestImage(spec);
        radpath::viewer::DicomSeriesMeta meta;
        // Two images of one series, one per class: each decodes its own file, not the series.
        meta = radpath::viewer::writeDxImage(chest, 0.2, {}, (root + "/train/a/image").toStdString(), meta);
        radpath::viewer::writeDxImage(chest, 0.2, {}, (root + "/train/b/image.dcm").toStdString(), meta);
        const DatasetScan scan = scanClassificationFolder(root);
        QCOMPARE(int(scan.entries.size()), 2);
        QVERIFY(scan.skipped.empty());

        DecodeOptions options;
        options.size = {24, 32};
        const DecodedImage d = decodeEntry(scan.entries[0], options);
        QCOMPARE(d.image.grid.size, (std::array<int, 3>{32, 24, 1}));
        QCOMPARE(d.image.modality, std::string("DX"));
        QVERIFY(d.bitsStored != 8); // 12-bit values: the default window comes from the data
        const auto [lo, hi] = std::minmax_element(chest.pixels.begin(), chest.pixels.end());
        QCOMPARE(d.minimum, double(*lo));
        QCOMPARE(d.maximum, double(*hi));
        QVERIFY(d.maximum > 255.0);
    }

    void thumbnailsAreSmall()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("wide.png");
        writeImage(path, grey(300, 150, 128));
        const QImage thumbnail = trainingThumbnail(path);
        QCOMPARE(thumbnail.size(), QSize(96, 48));
        QCOMPARE(qGray(thumbnail.pixel(10, 10)), 128);
        QVERIFY(trainingThumbnail(dir.filePath("missing.png")).isNull());
    }
};

QTEST_GUILESS_MAIN(TrainingDatasetTest)
#include "TrainingDatasetTest.moc"

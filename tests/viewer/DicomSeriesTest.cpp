// DICOM series reading through DCMTK: a written phantom read back voxel for voxel,
// slice order from positions, a real scanner file, compressed transfer syntaxes, bad input.

#include "viewer/demo/CtPhantom.h"
#include "viewer/demo/DxPhantom.h"
#include "viewer/io/DicomDxWriter.h"
#include "viewer/io/DicomSeriesReader.h"
#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/io/IoError.h"
#include "viewer/model/Resample.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace radpath::viewer;

namespace {

// LPS centroid of the voxels above `threshold`.
Vec3 brightCentroid(const Volume& v, double threshold)
{
    Vec3 sum{0, 0, 0};
    double count = 0;
    const auto& size = v.geometry().size;
    for (int k = 0; k < size[2]; ++k)
        for (int j = 0; j < size[1]; ++j)
            for (int i = 0; i < size[0]; ++i)
                if (v.valueAt(i, j, k) > threshold) {
                    const Vec3 p = v.geometry().indexToPhysical({double(i), double(j), double(k)});
                    for (size_t a = 0; a < 3; ++a)
                        sum[a] += p[a];
                    ++count;
                }
    return count > 0 ? Vec3{sum[0] / count, sum[1] / count, sum[2] / count} : sum;
}

const QString kPydicomFiles = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files");

CtPhantom smallPhantom()
{
    CtPhantomSpec spec;
    spec.size = 64;
    spec.slices = 36;
    spec.pixelMm = 1.5;
    spec.sliceMm = 2.5;
    spec.seed = 7;
    return makeCtPhantom(spec);
}

} // namespace

class DicomSeriesTest : public QObject {
    Q_OBJECT
private slots:
    void phantomRoundTripsVoxelForVoxel()
    {
        QTemporaryDir dir;
        const CtPhantom phantom = smallPhantom();
        const DicomSeriesMeta meta = writeCtSeries(phantom.volume, dir.path().toStdString(), {});
        QCOMPARE(QDir(dir.path()).entryList({"*.dcm"}).size(), 36);
        QVERIFY(QDir(dir.path()).entryList({"*.part"}).isEmpty());

        DicomSeriesReader reader;
        QCOMPARE(reader.confidence(dir.path().toStdString()), 0.9);
        const auto series = reader.scan(dir.path().toStdString(), {});
        QCOMPARE(series.size(), size_t(1));
        QCOMPARE(series[0].seriesInstanceUid, meta.seriesInstanceUid);
        QCOMPARE(series[0].slices.size(), size_t(36));
        QVERIFY(std::abs(series[0].sliceSpacing() - 2.5) < 1e-6);
        QVERIFY(series[0].warnings.empty());

        const Volume volume = reader.readSeries(series[0], {});
        QCOMPARE(volume.pixelType(), PixelType::Int16);
        QCOMPARE(volume.info().units, std::string("HU"));
        QCOMPARE(volume.info().windowPresets.size(), size_t(3));
        QCOMPARE(volume.info().windowPresets[1].name, std::string("LUNG"));
        const ImageGeometry& g = volume.geometry();
        const ImageGeometry& expected = phantom.volume.geometry();
        QCOMPARE(g.size, expected.size);
        for (int a = 0; a < 3; ++a) {
            QVERIFY(std::abs(g.spacing[size_t(a)] - expected.spacing[size_t(a)]) < 1e-6);
            QVERIFY(std::abs(g.origin[size_t(a)] - expected.origin[size_t(a)]) < 1e-4);
        }
        QVERIFY(std::memcmp(volume.data(), phantom.volume.data(), volume.byteSize()) == 0);

        // Lesion centres read back near 100 HU (noise SD 8), found through LPS mm.
        for (const auto& lesion : phantom.lesions) {
            const Vec3 idx = g.physicalToIndex(lesion.centerMm);
            const double hu = volume.valueAt(int(std::lround(idx[0])), int(std::lround(idx[1])), int(std::lround(idx[2])));
            QVERIFY2(std::abs(hu - 100.0) < 40.0, qPrintable(QString::number(hu)));
        }
    }

    void slicesAreOrderedByPositionNotName()
    {
        QTemporaryDir dir;
        const CtPhantom phantom = smallPhantom();
        writeCtSeries(phantom.volume, dir.path().toStdString(), {});
        // Reverse the file names: name order now runs head to feet.
        QDir d(dir.path());
        const QStringList names = d.entryList({"*.dcm"}, QDir::Files, QDir::Name);
        for (int i = 0; i < names.size(); ++i)
            QVERIFY(d.rename(names[i], QStringLiteral("tmp%1.dcm").arg(names.size() - 1 - i, 4, 10, QChar('0'))));
        const Volume volume = DicomSeriesReader().read(dir.path().toStdString(), {});
        QVERIFY(std::memcmp(volume.data(), phantom.volume.data(), volume.byteSize()) == 0);
        // Origin is the most inferior slice (smallest z along the normal).
        QVERIFY(std::abs(volume.geometry().origin[2] - phantom.volume.geometry().origin[2]) < 1e-4);
    }

    void radiographTakesItsPatientOrientation()
    {
        // A chest PA radiograph has no ImageOrientationPatient; PatientOrientation "L\F" says
        // rows run to the patient's left and columns to the feet.
        QTemporaryDir dir;
        ChestSpec chest;
        chest.width = 64;
        chest.height = 48;
        const std::string path = dir.filePath("dx.dcm").toStdString();
        writeDxImage(makeChestImage(chest), 0.5, {}, path, {});
        const Volume volume = DicomSeriesReader().read(path, {});
        const ImageGeometry& g = volume.geometry();
        QCOMPARE(g.axisDirection(0), (Vec3{1, 0, 0}));
        QCOMPARE(g.axisDirection(1), (Vec3{0, 0, -1}));
    }

    void realScannerSlice()
    {
        const QString file = kPydicomFiles + QStringLiteral("/CT_small.dcm");
        if (!QFile::exists(file))
            QSKIP("python3-pydicom's test files are not installed");
        DicomSeriesReader reader;
        DicomSeries only;
        for (auto& s : reader.scan(file.toStdString(), {}))
            only = s;
        QCOMPARE(only.slices.size(), size_t(1));
        const Volume v = reader.readSeries(only, {});
        QCOMPARE(v.geometry().size, (std::array<int, 3>{128, 128, 1}));
        QVERIFY(std::abs(v.geometry().spacing[0] - 0.661468) < 1e-6);
        QVERIFY(std::abs(v.geometry().origin[0] - -158.135803) < 1e-6);
        QVERIFY(std::abs(v.geometry().origin[1] - -179.035797) < 1e-6);
        QVERIFY(std::abs(v.geometry().origin[2] - -75.699997) < 1e-6);
        // HU = stored * 1 - 1024, values as pydicom decodes them (row, column) = (0,0), (64,64), (10,100).
        QCOMPARE(v.valueAt(0, 0, 0), -849.0);
        QCOMPARE(v.valueAt(64, 64, 0), 904.0);
        QCOMPARE(v.valueAt(100, 10, 0), 203.0);
    }

    void compressedSyntaxesDecodeLosslessly_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("RLE") << "MR_small_RLE.dcm";
        QTest::newRow("JPEG-LS lossless") << "MR_small_jpeg_ls_lossless.dcm";
        QTest::newRow("explicit big endian") << "MR_small_bigendian.dcm";
        QTest::newRow("implicit little endian") << "MR_small_implicit.dcm";
    }
    void compressedSyntaxesDecodeLosslessly()
    {
        QFETCH(QString, name);
        const QString reference = kPydicomFiles + QStringLiteral("/MR_small.dcm");
        const QString other = kPydicomFiles + QLatin1Char('/') + name;
        if (!QFile::exists(reference) || !QFile::exists(other))
            QSKIP("python3-pydicom's test files are not installed");
        // Each file alone in a folder, so each is its own series.
        QTemporaryDir a, b;
        QVERIFY(QFile::copy(reference, a.filePath("ref.dcm")));
        QVERIFY(QFile::copy(other, b.filePath("other.dcm")));
        const Volume ref = DicomSeriesReader().read(a.path().toStdString(), {});
        const Volume got = DicomSeriesReader().read(b.path().toStdString(), {});
        QCOMPARE(got.geometry().size, ref.geometry().size);
        QCOMPARE(got.geometry().size, (std::array<int, 3>{64, 64, 1}));
        QVERIFY(std::memcmp(got.data(), ref.data(), ref.byteSize()) == 0);
        QVERIFY(ref.range().second > ref.range().first);
    }

    void truncatedFileNamesTheFile()
    {
        QTemporaryDir dir;
        const CtPhantom phantom = smallPhantom();
        writeCtSeries(phantom.volume, dir.filePath("series").toStdString(), {});
        QFile source(dir.filePath("series/CT000001.dcm"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray head = source.read(source.size() / 2);
        QFile broken(dir.filePath("broken.dcm"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(head);
        broken.close();
        try {
            DicomSeriesReader().read(broken.fileName().toStdString(), {});
            QFAIL("a truncated file must not read");
        } catch (const IoError& e) {
            QCOMPARE(QString::fromStdString(e.path()), broken.fileName());
            QVERIFY(QString::fromUtf8(e.what()).contains(broken.fileName()));
        }
    }

    void notAnImageIsRefusedByTheRegistry()
    {
        QTemporaryDir dir;
        QFile text(dir.filePath("notes.txt"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not an image\n");
        text.close();
        const auto registry = ReaderRegistry::withBuiltinReaders();
        QVERIFY(registry.find(text.fileName().toStdString()) == nullptr);
        QVERIFY_THROWS_EXCEPTION(IoError, registry.read(text.fileName().toStdString(), {}));
        QVERIFY_THROWS_EXCEPTION(IoError, registry.read(dir.filePath("missing.dcm").toStdString(), {}));
    }

    void dicomDirOpensItsSeries()
    {
        // A file set as on a CD: 8-character names without extension and a DICOMDIR made
        // by DCMTK's dcmmkdir.
        QTemporaryDir dir;
        const CtPhantom phantom = smallPhantom();
        writeCtSeries(phantom.volume, dir.filePath("src").toStdString(), {});
        QDir().mkpath(dir.filePath("set/DICOM/S1"));
        const QStringList names = QDir(dir.filePath("src")).entryList({"*.dcm"}, QDir::Files, QDir::Name);
        // Reverse order: the DICOMDIR's record order must not decide the slice order.
        for (int i = 0; i < names.size(); ++i)
            QVERIFY(QFile::copy(dir.filePath("src/" + names[i]),
                                dir.filePath(QStringLiteral("set/DICOM/S1/IM%1").arg(names.size() - i, 6, 10, QChar('0')))));
        QProcess mkdir;
        mkdir.setWorkingDirectory(dir.filePath("set"));
        mkdir.start("dcmmkdir", {"+r", "+I", "DICOM/S1"});
        if (!mkdir.waitForStarted(5000))
            QSKIP("dcmmkdir (dcmtk) is not installed");
        QVERIFY(mkdir.waitForFinished(30000));
        QCOMPARE(mkdir.exitCode(), 0);
        const Volume volume = DicomSeriesReader().read(dir.filePath("set/DICOMDIR").toStdString(), {});
        QCOMPARE(volume.geometry().size, phantom.volume.geometry().size);
        QVERIFY(std::memcmp(volume.data(), phantom.volume.data(), volume.byteSize()) == 0);
    }

    void middleSliceComesFirst()
    {
        QTemporaryDir dir;
        const CtPhantom phantom = smallPhantom();
        writeCtSeries(phantom.volume, dir.path().toStdString(), {});
        DicomSeriesReader reader;
        const auto series = reader.scan(dir.path().toStdString(), {});
        const size_t sliceBytes = size_t(64) * 64 * 2;
        int calls = 0;
        const Volume done = reader.readSeries(series.front(), {}, [&](const Volume& partial) {
            ++calls;
            // The middle slice (18 of 36) is there; slice 0 is still blank.
            const auto* p = static_cast<const std::byte*>(partial.data());
            const auto* ref = static_cast<const std::byte*>(phantom.volume.data());
            QVERIFY(std::memcmp(p + 18 * sliceBytes, ref + 18 * sliceBytes, sliceBytes) == 0);
            QVERIFY(std::all_of(p, p + sliceBytes, [](std::byte b) { return b == std::byte{0}; }));
            QCOMPARE(partial.info().units, std::string("HU"));
            QCOMPARE(partial.info().windowPresets.size(), size_t(3));
        });
        QCOMPARE(calls, 1);
        QVERIFY(std::memcmp(done.data(), phantom.volume.data(), done.byteSize()) == 0);
    }

    void frameTimingAndFrameOfReference()
    {
        // CT_small's FrameOfReferenceUID, as pydicom reads it.
        const Volume ct = DicomSeriesReader().read((kPydicomFiles + "/CT_small.dcm").toStdString(), {});
        QCOMPARE(ct.info().frameOfReferenceUid, std::string("1.3.6.1.4.1.5962.1.4.1.1.20040119072730.12322"));
        QCOMPARE(ct.info().frameTimeMs, 0.0);
        if (QStandardPaths::findExecutable("dcmodify").isEmpty())
            QSKIP("dcmodify (dcmtk) is not installed");
        // A two-frame file given FrameTime 40 ms, and one given CineRate 25 per second.
        QTemporaryDir dir;
        for (const auto& [name, tag] : {std::pair<QString, QString>{"frametime", "(0018,1063)=40"},
                                        std::pair<QString, QString>{"cinerate", "(0018,0040)=25"}}) {
            QDir().mkpath(dir.filePath(name));
            const QString file = dir.filePath(name + "/frames.dcm");
            QVERIFY(QFile::copy(kPydicomFiles + "/SC_rgb_rle_2frame.dcm", file));
            QFile(file).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
            QCOMPARE(QProcess::execute("dcmodify", {"-nb", "-i", tag, file}), 0);
            const Volume frames = DicomSeriesReader().read(file.toStdString(), {});
            QCOMPARE(frames.geometry().size[2], 2);
            QCOMPARE(frames.info().frameTimeMs, 40.0);
        }
    }

    void repeatedAcquisitionsAreSeparateStacks()
    {
        // One series scanned twice over the same positions (before and after contrast): the
        // second acquisition is 100 HU brighter and numbered 2.
        QTemporaryDir dir;
        const CtPhantom phantom = smallPhantom();
        const DicomSeriesMeta meta = writeCtSeries(phantom.volume, dir.filePath("first").toStdString(), {});
        Volume brighter(PixelType::Int16, phantom.volume.geometry());
        for (size_t n = 0; n < brighter.voxelCount(); ++n)
            brighter.voxels<std::int16_t>()[n] = std::int16_t(phantom.volume.voxels<std::int16_t>()[n] + 100);
        DicomSeriesMeta same;
        same.seriesInstanceUid = meta.seriesInstanceUid;
        same.studyInstanceUid = meta.studyInstanceUid;
        same.frameOfReferenceUid = meta.frameOfReferenceUid;
        writeCtSeries(brighter, dir.filePath("second").toStdString(), same);
        if (QStandardPaths::findExecutable("dcmodify").isEmpty())
            QSKIP("dcmodify (dcmtk) is not installed");
        for (const QString& f : QDir(dir.filePath("second")).entryList({"*.dcm"}))
            QCOMPARE(QProcess::execute("dcmodify", {"-nb", "-i", "(0020,0012)=2", dir.filePath("second/" + f)}), 0);

        const auto series = DicomSeriesReader().scan(dir.path().toStdString(), {});
        QCOMPARE(series.size(), size_t(2));
        for (const auto& s : series) {
            QCOMPARE(s.slices.size(), size_t(36));
            QCOMPARE(s.seriesInstanceUid, meta.seriesInstanceUid);
        }
        // Each stack reads back as its own acquisition, voxel for voxel.
        const Volume a = DicomSeriesReader().readSeries(series[0], {});
        const Volume b = DicomSeriesReader().readSeries(series[1], {});
        const bool aFirst = a.info().seriesDescription.find("acquisition 2") == std::string::npos;
        const Volume& before = aFirst ? a : b;
        const Volume& after = aFirst ? b : a;
        QVERIFY(after.info().seriesDescription.find("acquisition 2") != std::string::npos);
        QCOMPARE(after.info().acquisitionNumber, 2);
        QCOMPARE(before.info().acquisitionNumber, 1); // as the writer numbers it
        QVERIFY(std::memcmp(before.data(), phantom.volume.data(), before.byteSize()) == 0);
        QVERIFY(std::memcmp(after.data(), brighter.data(), after.byteSize()) == 0);
    }

    void cancellationStopsReading()
    {
        QTemporaryDir dir;
        writeCtSeries(smallPhantom().volume, dir.path().toStdString(), {});
        int steps = 0;
        TaskControl control;
        control.isCancelled = [&steps] { return ++steps > 40; };
        QVERIFY_THROWS_EXCEPTION(OperationCancelled, DicomSeriesReader().read(dir.path().toStdString(), control));
    }
    void gantryTiltIsRecordedAndResampled()
    {
        // A CT series tilted 20 degrees about the patient's left-right axis: slices 2.5 mm
        // apart along the normal, each shifted 2.5 * tan(20 deg) = 0.910 mm further posterior.
        // A 1000 HU sphere of radius 8 mm sits at LPS (10, 20, 30) in true patient space.
        const double tilt = 20.0 * M_PI / 180.0, gap = 2.5, shift = gap * std::tan(tilt);
        const double stepLength = std::hypot(gap, shift);
        ImageGeometry written;
        written.size = {64, 64, 30};
        written.spacing = {1.0, 1.0, stepLength};
        written.origin = {-22.0, -20.0, 0.0};
        written.direction = {1, 0, 0, 0, 1, shift / stepLength, 0, 0, gap / stepLength};
        Volume tilted(PixelType::Int16, written);
        const Vec3 centre{10.0, 20.0, 30.0};
        std::int16_t* hu = tilted.voxels<std::int16_t>();
        for (int k = 0; k < 30; ++k)
            for (int j = 0; j < 64; ++j)
                for (int i = 0; i < 64; ++i) {
                    const Vec3 p = written.indexToPhysical({double(i), double(j), double(k)});
                    const Vec3 d{p[0] - centre[0], p[1] - centre[1], p[2] - centre[2]};
                    hu[tilted.linearIndex(i, j, k)] = dot(d, d) <= 64.0 ? 1000 : 0;
                }
        QTemporaryDir dir;
        writeCtSeries(tilted, dir.path().toStdString(), {});

        const Volume loaded = DicomSeriesReader().read(dir.path().toStdString(), {});
        const VolumeInfo& info = loaded.info();
        QVERIFY(std::abs(info.sliceShear[0]) < 1e-4);
        QVERIFY2(std::abs(info.sliceShear[1] - shift) < 1e-4, qPrintable(QString::number(info.sliceShear[1])));
        QVERIFY(std::abs(info.sliceShear[2]) < 1e-4);
        QVERIFY(std::abs(loaded.geometry().spacing[2] - gap) < 1e-4);
        bool warned = false;
        for (const auto& w : info.warnings)
            warned = warned || (w.rfind("gantry tilt of 20", 0) == 0 &&
                                w.find("resampling them to their true positions is available") != std::string::npos);
        QVERIFY(warned);

        // On the orthogonal grid the sphere appears 12 slices * 0.910 mm = 10.9 mm anterior.
        const Vec3 sheared = brightCentroid(loaded, 500.0);
        QVERIFY2(std::abs(sheared[1] - (centre[1] - 12 * shift)) < 0.5, qPrintable(QString::number(sheared[1])));

        const Volume resampled = resampleTilted(loaded);
        QCOMPARE(resampled.geometry().size, loaded.geometry().size);
        QCOMPARE(int(resampled.pixelType()), int(PixelType::Int16));
        QCOMPARE(resampled.info().sliceShear, (Vec3{0.0, 0.0, 0.0}));
        const Vec3 fixed = brightCentroid(resampled, 500.0);
        for (size_t a = 0; a < 3; ++a)
            QVERIFY2(std::abs(fixed[a] - centre[a]) < 0.3, qPrintable(QString("axis %1: %2").arg(a).arg(fixed[a])));
        const Vec3 idx = resampled.geometry().physicalToIndex(centre);
        QCOMPARE(resampled.valueAt(int(std::lround(idx[0])), int(std::lround(idx[1])), int(std::lround(idx[2]))), 1000.0);
        // Rows shifted in from outside the slice take the minimum (0 HU here), or the padding
        // value where there is one; slice 0 is not shifted.
        QCOMPARE(resampled.valueAt(0, 0, 29), 0.0);
        Volume padded = loaded;
        padded.info().hasPaddingValue = true;
        padded.info().paddingValue = -2000.0;
        const Volume paddedResampled = resampleTilted(padded);
        QCOMPARE(paddedResampled.valueAt(0, 0, 29), -2000.0); // row 0 - 29 * 0.91 is outside
        QCOMPARE(paddedResampled.valueAt(0, 63, 29), 0.0);    // row 63 - 26.4 is inside
        QCOMPARE(paddedResampled.valueAt(0, 0, 0), 0.0);

        // An untilted series has no shear and resamples to itself.
        QTemporaryDir straightDir;
        writeCtSeries(smallPhantom().volume, straightDir.path().toStdString(), {});
        const Volume straight = DicomSeriesReader().read(straightDir.path().toStdString(), {});
        QCOMPARE(straight.info().sliceShear, (Vec3{0.0, 0.0, 0.0}));
        QCOMPARE(resampleTilted(straight).data(), straight.data());
    }
};

QTEST_APPLESS_MAIN(DicomSeriesTest)
#include "DicomSeriesTest.moc"

// make-demo end to end: every file it writes checked against ground-truth.json through
// the libraries that read them (DCMTK, ITK, OpenSlide, Qt).

#include "viewer/io/DicomSeriesReader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <itkImage.h>
#include <itkImageFileReader.h>
#include <itkNiftiImageIO.h>
#include <openslide.h>

using namespace radpath::viewer;

namespace {

int runCli(const QStringList& args, QString* err = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(RADPATH_BIN_DIR "/radpath-cli"), args);
    if (!p.waitForFinished(300000))
        return -1;
    if (err)
        *err = QString::fromLocal8Bit(p.readAllStandardError());
    return p.exitCode();
}

double meanBlock(const Volume& v, double cx, double cy, int half)
{
    double sum = 0;
    int n = 0;
    for (int y = int(cy) - half; y <= int(cy) + half; ++y)
        for (int x = int(cx) - half; x <= int(cx) + half; ++x, ++n)
            sum += v.valueAt(x, y, 0);
    return sum / n;
}

} // namespace

class MakeDemoTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_demo = m_dir.filePath("demo");
        QString err;
        QCOMPARE(runCli({"make-demo", m_demo, "--small", "--seed", "11"}, &err), 0);
        QFile file(m_demo + "/ground-truth.json");
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_truth = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(m_truth["seed"].toInt(), 11);
        // Nothing half-written is left behind.
        QDirIterator it(m_demo, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            QVERIFY2(!it.next().contains(".part"), qPrintable(it.filePath()));
    }

    void ctLesionsWhereGroundTruthSays()
    {
        const Volume ct = DicomSeriesReader().read((m_demo + "/ct").toStdString(), {});
        const QJsonObject truth = m_truth["ct"].toObject();
        QCOMPARE(QString::fromStdString(ct.info().seriesInstanceUid), truth["series"].toString());
        QCOMPARE(ct.info().units, std::string("HU"));
        const QJsonArray lesions = truth["lesions"].toArray();
        QVERIFY(lesions.size() >= 3);
        for (const auto& value : lesions) {
            const QJsonObject lesion = value.toObject();
            const QJsonArray c = lesion["center_mm"].toArray();
            QVERIFY(lesion["radius_mm"].toDouble() >= 10.0);
            const Vec3 idx = ct.geometry().physicalToIndex({c[0].toDouble(), c[1].toDouble(), c[2].toDouble()});
            double sum = 0; // 3x3x3 mean at the centre: noise averages out
            for (int dk = -1; dk <= 1; ++dk)
                for (int dj = -1; dj <= 1; ++dj)
                    for (int di = -1; di <= 1; ++di)
                        sum += ct.valueAt(int(std::lround(idx[0])) + di, int(std::lround(idx[1])) + dj,
                                          int(std::lround(idx[2])) + dk);
            QVERIFY2(std::abs(sum / 27 - lesion["hu"].toDouble()) < 8.0, qPrintable(QString::number(sum / 27)));
        }
        // Same seed, same voxels.
        const QString again = m_dir.filePath("again");
        QCOMPARE(runCli({"make-demo", again, "--small", "--seed", "11"}), 0);
        const Volume second = DicomSeriesReader().read((again + "/ct").toStdString(), {});
        QVERIFY(std::memcmp(second.data(), ct.data(), ct.byteSize()) == 0);
    }

    void infoDescribesTheSeries()
    {
        QProcess p;
        p.start(QStringLiteral(RADPATH_BIN_DIR "/radpath-cli"), {"info", m_demo + "/ct"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject info = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(info["kind"].toString(), QStringLiteral("volume"));
        QCOMPARE(info["size"].toArray(), QJsonArray({96, 96, 64}));
        QCOMPARE(info["spacing"].toArray(), QJsonArray({2.0, 2.0, 2.0}));
        QCOMPARE(info["pixelType"].toString(), QStringLiteral("int16"));
        QCOMPARE(info["modality"].toString(), QStringLiteral("CT"));
        QCOMPARE(info["components"].toInt(), 1);
        QCOMPARE(info["direction"].toArray(), QJsonArray({1, 0, 0, 0, 1, 0, 0, 0, 1}));
        const QJsonArray series = info["series"].toArray();
        QCOMPARE(series.size(), 1);
        QCOMPARE(series[0].toObject()["uid"].toString(), m_truth["ct"].toObject()["series"].toString());
        QCOMPARE(series[0].toObject()["images"].toInt(), 64);
        QCOMPARE(info["windows"].toArray()[0].toObject()["name"].toString(), QStringLiteral("SOFT TISSUE"));
    }

    void lesionLabelMapSharesTheCtGrid()
    {
        const Volume ct = DicomSeriesReader().read((m_demo + "/ct").toStdString(), {});
        using Image = itk::Image<unsigned char, 3>;
        auto reader = itk::ImageFileReader<Image>::New();
        reader->SetImageIO(itk::NiftiImageIO::New());
        reader->SetFileName((m_demo + "/ct-lesions.nii.gz").toStdString());
        reader->Update();
        Image::Pointer labels = reader->GetOutput();
        const auto size = labels->GetLargestPossibleRegion().GetSize();
        for (unsigned a = 0; a < 3; ++a) {
            QCOMPARE(int(size[a]), ct.geometry().size[a]);
            QVERIFY(std::abs(labels->GetOrigin()[a] - ct.geometry().origin[a]) < 1e-3); // LPS, as ITK reports it
            QVERIFY(std::abs(labels->GetSpacing()[a] - ct.geometry().spacing[a]) < 1e-4);
        }
        // Voxel count matches the spheres' volume; centres labelled 1, the corner 0.
        double expected = 0;
        const double voxel = ct.geometry().spacing[0] * ct.geometry().spacing[1] * ct.geometry().spacing[2];
        for (const auto& value : m_truth["ct"].toObject()["lesions"].toArray()) {
            const QJsonObject lesion = value.toObject();
            const double r = lesion["radius_mm"].toDouble();
            expected += 4.0 / 3.0 * M_PI * r * r * r / voxel;
            const QJsonArray c = lesion["center_mm"].toArray();
            Image::PointType p;
            for (unsigned a = 0; a < 3; ++a)
                p[a] = c[int(a)].toDouble();
            Image::IndexType index;
            QVERIFY(labels->TransformPhysicalPointToIndex(p, index));
            QCOMPARE(int(labels->GetPixel(index)), 1);
        }
        long count = 0;
        const unsigned char* buf = labels->GetBufferPointer();
        for (size_t i = 0; i < labels->GetLargestPossibleRegion().GetNumberOfPixels(); ++i)
            count += buf[i];
        QVERIFY2(std::abs(count - expected) < 0.1 * expected, qPrintable(QString("%1 vs %2").arg(count).arg(expected)));
        QCOMPARE(int(buf[0]), 0);
    }

    void dxPairDiffersOnlyAtTheOpacity()
    {
        const QString normalPath = m_demo + "/dx/dx-normal.dcm", opacityPath = m_demo + "/dx/dx-opacity.dcm";
        DcmFileFormat file;
        QVERIFY(file.loadFile(opacityPath.toLocal8Bit().constData()).good());
        DcmDataset& ds = *file.getDataset();
        OFString sopClass, photometric, intent;
        Uint16 bitsStored = 0, rows = 0, cols = 0;
        ds.findAndGetOFString(DCM_SOPClassUID, sopClass);
        ds.findAndGetOFString(DCM_PhotometricInterpretation, photometric);
        ds.findAndGetOFString(DCM_PresentationIntentType, intent);
        ds.findAndGetUint16(DCM_BitsStored, bitsStored);
        ds.findAndGetUint16(DCM_Rows, rows);
        ds.findAndGetUint16(DCM_Columns, cols);
        QCOMPARE(QString(sopClass.c_str()), QString(UID_DigitalXRayImageStorageForPresentation));
        QVERIFY(photometric == "MONOCHROME2" || photometric == "MONOCHROME1");
        QCOMPARE(int(bitsStored), 12);
        QVERIFY(rows >= 1500 && cols >= 1500);
        QVERIFY(ds.tagExists(DCM_WindowCenter) && ds.tagExists(DCM_WindowWidth));

        const Volume normal = DicomSeriesReader().read(normalPath.toStdString(), {});
        const Volume opacity = DicomSeriesReader().read(opacityPath.toStdString(), {});
        QCOMPARE(normal.geometry().size, opacity.geometry().size);
        QVERIFY(opacity.range().second <= 4095);
        const QJsonObject truth = m_truth["dx"].toObject()["dx-opacity.dcm"].toObject();
        QVERIFY(truth["opacity"].toBool());
        QVERIFY(!m_truth["dx"].toObject()["dx-normal.dcm"].toObject()["opacity"].toBool());
        const double cx = truth["center_px"].toArray()[0].toDouble(), cy = truth["center_px"].toArray()[1].toDouble();
        const double r = truth["radius_px"].toDouble();
        QVERIFY(r > 20);
        // Brighter at the recorded centre; identical far from it (same anatomy and noise).
        QVERIFY(meanBlock(opacity, cx, cy, 3) - meanBlock(normal, cx, cy, 3) > 500);
        const double fx = cx < cols / 2 ? cols - 60 : 60;
        QCOMPARE(meanBlock(opacity, fx, 60, 3), meanBlock(normal, fx, 60, 3));
    }

    void slideAndAnnotationsAgree()
    {
        const QByteArray path = (m_demo + "/slide/demo.svs").toLocal8Bit();
        QCOMPARE(QString(openslide_detect_vendor(path.constData())), QStringLiteral("aperio"));
        openslide_t* slide = openslide_open(path.constData());
        QVERIFY(slide && !openslide_get_error(slide));
        QCOMPARE(QString(openslide_get_property_value(slide, OPENSLIDE_PROPERTY_NAME_MPP_X)).toDouble(), 0.25);
        QCOMPARE(QString(openslide_get_property_value(slide, OPENSLIDE_PROPERTY_NAME_OBJECTIVE_POWER)), QStringLiteral("40"));
        QStringList associated;
        for (const char* const* name = openslide_get_associated_image_names(slide); *name; ++name)
            associated << *name;
        QVERIFY(associated.contains("label") && associated.contains("macro") && associated.contains("thumbnail"));
        int64_t w = 0, h = 0;
        openslide_get_level0_dimensions(slide, &w, &h);
        const QJsonObject truth = m_truth["slide"].toObject();
        QCOMPARE(w, int64_t(truth["width"].toInt()));
        openslide_close(slide);

        QFile geojson(m_demo + "/slide/demo.geojson");
        QVERIFY(geojson.open(QIODevice::ReadOnly));
        const QJsonArray features = QJsonDocument::fromJson(geojson.readAll()).object()["features"].toArray();
        QCOMPARE(features.size(), truth["tumour_regions"].toInt());
        double area = 0;
        for (const auto& f : features) {
            const QJsonObject feature = f.toObject();
            QCOMPARE(feature["properties"].toObject()["classification"].toObject()["name"].toString(), QStringLiteral("Tumor"));
            const QJsonArray ring = feature["geometry"].toObject()["coordinates"].toArray()[0].toArray();
            QCOMPARE(ring.first(), ring.last()); // closed
            double a = 0;
            for (int i = 0; i + 1 < ring.size(); ++i) {
                const QJsonArray p = ring[i].toArray(), q = ring[i + 1].toArray();
                QVERIFY(p[0].toDouble() >= 0 && p[0].toDouble() < w && p[1].toDouble() >= 0 && p[1].toDouble() < h);
                a += p[0].toDouble() * q[1].toDouble() - q[0].toDouble() * p[1].toDouble();
            }
            area += std::abs(a) / 2;
        }
        QVERIFY(std::abs(area * 0.0625 - truth["tumour_area_um2"].toDouble()) < 1e-6 * area);
    }

    void datasetHasEnoughImagesPerClass()
    {
        const QJsonObject counts = m_truth["dataset"].toObject()["counts"].toObject();
        for (const char* split : {"train", "val"})
            for (const char* label : {"clear", "opacity"}) {
                const QString key = QStringLiteral("%1/%2").arg(split, label);
                const QStringList files = QDir(m_demo + "/dataset/" + key).entryList({"*.png"});
                QCOMPARE(files.size(), counts[key].toInt());
                QVERIFY(files.size() >= (QString(split) == "train" ? 100 : 40));
                const QImage image(m_demo + "/dataset/" + key + "/" + files.first());
                QVERIFY(image.width() >= 64 && image.width() <= 128 && image.height() == image.width());
            }
    }

private:
    QTemporaryDir m_dir;
    QString m_demo;
    QJsonObject m_truth;
};

QTEST_GUILESS_MAIN(MakeDemoTest)
#include "MakeDemoTest.moc"

// radpath-cli infer with the shipped demonstration models on make-demo --small data: the
// label map on the CT's grid against the true lesions, the probabilities as a 4-D image, the
// chest radiographs told apart with the saliency peak on the opacity, the slide heat map
// against the tumour annotations, batches with summary.csv, and the messages for inputs a
// model cannot take.

#include "pathology/annotation/AnnotationFile.h"
#include "pathology/annotation/Geometry.h"
#include "viewer/io/VolumeReader.h"
#include "viewer/model/Volume.h"

#include <itkImage.h>
#include <itkImageFileReader.h>
#include <itkNiftiImageIO.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kModels = QStringLiteral(RADPATH_BIN_DIR "/../share/radpath/models");

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList& args, int timeoutMs = 300000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(RADPATH_BIN_DIR "/radpath-cli"), args);
    if (!p.waitForFinished(timeoutMs))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromLocal8Bit(p.readAllStandardOutput()), QString::fromLocal8Bit(p.readAllStandardError())};
}

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

QString model(const char* name)
{
    return QDir(kModels).filePath(QLatin1String(name));
}

} // namespace

class InferCliTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (!QFile::exists(QStringLiteral(RADPATH_BIN_DIR "/../lib/radpath/libradpath_ai.so")))
            QSKIP("built without the AI module");
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath("demo");
        const Run r = cli({"make-demo", m_demo, "--small"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        m_truth = readJson(QDir(m_demo).filePath("ground-truth.json"));
    }

    void ctLesionsSegmentedOnTheSeriesGrid()
    {
        const QString labels = m_dir.filePath("ct-labels.nii.gz"), probabilities = m_dir.filePath("ct-p.nii.gz");
        const QString saliency = m_dir.filePath("ct-gradient.nii.gz");
        const Run r = cli({"infer", "--model", model("ct-lesion-segmenter.pt"), "--input", QDir(m_demo).filePath("ct"),
                           "--out", labels, "--probabilities", probabilities, "--saliency", saliency,
                           "--saliency-method", "gradient"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.err.contains("CT liver lesion segmenter"));

        const auto registry = radpath::viewer::ReaderRegistry::withBuiltinReaders();
        const radpath::viewer::Volume got = registry.read(labels.toStdString(), {});
        const radpath::viewer::Volume truth = registry.read(QDir(m_demo).filePath("ct-lesions.nii.gz").toStdString(), {});
        QCOMPARE(got.geometry().size, truth.geometry().size);
        for (int a = 0; a < 3; ++a)
            QVERIFY(std::abs(got.geometry().origin[a] - truth.geometry().origin[a]) < 1e-3);
        size_t both = 0, inGot = 0, inTruth = 0;
        for (int k = 0; k < truth.geometry().size[2]; ++k)
            for (int j = 0; j < truth.geometry().size[1]; ++j)
                for (int i = 0; i < truth.geometry().size[0]; ++i) {
                    const bool a = got.valueAt(i, j, k) == 1.0, b = truth.valueAt(i, j, k) == 1.0;
                    both += a && b;
                    inGot += a;
                    inTruth += b;
                }
        const double dice = 2.0 * double(both) / double(inGot + inTruth);
        qInfo("Dice of the demo segmenter on the small demo CT: %.3f", dice);
        QVERIFY(dice > 0.6);

        // Probabilities: a 4-D image, one volume per label, channel last.
        using Image4 = itk::Image<float, 4>;
        auto reader = itk::ImageFileReader<Image4>::New();
        reader->SetImageIO(itk::NiftiImageIO::New());
        reader->SetFileName(probabilities.toStdString());
        reader->Update();
        const auto size = reader->GetOutput()->GetLargestPossibleRegion().GetSize();
        QCOMPARE(int(size[0]), truth.geometry().size[0]);
        QCOMPARE(int(size[2]), truth.geometry().size[2]);
        QCOMPARE(int(size[3]), 2);
        const float* p = reader->GetOutput()->GetBufferPointer();
        const size_t voxels = truth.voxelCount();
        for (size_t v = 0; v < voxels; v += 97)
            QVERIFY(std::abs(p[v] + p[voxels + v] - 1.0f) < 1e-4f);

        // The gradient of the lesion score peaks on a lesion.
        const radpath::viewer::Volume map = registry.read(saliency.toStdString(), {});
        QCOMPARE(map.geometry().size, truth.geometry().size);
        std::array<double, 3> peak{};
        double best = -1.0;
        for (int k = 0; k < truth.geometry().size[2]; ++k)
            for (int j = 0; j < truth.geometry().size[1]; ++j)
                for (int i = 0; i < truth.geometry().size[0]; ++i)
                    if (map.valueAt(i, j, k) > best)
                        best = map.valueAt(i, j, k), peak = {double(i), double(j), double(k)};
        const auto at = map.geometry().indexToPhysical(peak);
        double nearest = 1e9;
        for (const auto& l : m_truth["ct"].toObject()["lesions"].toArray()) {
            const QJsonArray c = l.toObject()["center_mm"].toArray();
            nearest = std::min(nearest, std::hypot(at[0] - c[0].toDouble(), at[1] - c[1].toDouble(), at[2] - c[2].toDouble()) -
                                            l.toObject()["radius_mm"].toDouble());
        }
        qInfo("gradient peak %.1f mm from the nearest lesion's surface (negative: inside)", nearest);
        QVERIFY(nearest < 4.0);
    }

    void chestRadiographsToldApartWithSaliencyOnTheOpacity()
    {
        const QString dx = QDir(m_demo).filePath("dx");
        const Run normal = cli({"infer", "--model", model("dx-opacity-classifier.pt"), "--input",
                                QDir(dx).filePath("dx-normal.dcm"), "--out", "-"});
        QVERIFY2(normal.code == 0, qPrintable(normal.err));
        const QJsonObject n = QJsonDocument::fromJson(normal.out.toUtf8()).object();
        QCOMPARE(n["prediction"].toString(), QStringLiteral("clear"));
        QVERIFY(n["model"].toObject()["weights_sha256"].toString().size() == 64);

        const QString result = m_dir.filePath("dx.json"), saliency = m_dir.filePath("dx-gradcam.png");
        const Run opacity = cli({"infer", "--model", model("dx-opacity-classifier.pt"), "--input",
                                 QDir(dx).filePath("dx-opacity.dcm"), "--out", result, "--saliency", saliency});
        QVERIFY2(opacity.code == 0, qPrintable(opacity.err));
        const QJsonObject o = readJson(result);
        QCOMPARE(o["prediction"].toString(), QStringLiteral("opacity"));
        QVERIFY(o["probabilities"].toObject()["opacity"].toDouble() > 0.5);

        // Grad-CAM aligned with the radiograph, its peak on the opacity.
        const QImage map(saliency);
        QCOMPARE(map.size(), QSize(1600, 1800));
        QPoint peak;
        int best = -1;
        for (int y = 0; y < map.height(); ++y)
            for (int x = 0; x < map.width(); ++x)
                if (qGray(map.pixel(x, y)) > best)
                    best = qGray(map.pixel(x, y)), peak = QPoint(x, y);
        const QJsonObject truth = m_truth["dx"].toObject()["dx-opacity.dcm"].toObject();
        const QJsonArray centre = truth["center_px"].toArray();
        const double distance = std::hypot(peak.x() - centre[0].toDouble(), peak.y() - centre[1].toDouble());
        qInfo("Grad-CAM peak %.0f px from the opacity's centre (radius %.0f px)", distance, truth["radius_px"].toDouble());
        QVERIFY(distance < 1.5 * truth["radius_px"].toDouble());
    }

    void slideHeatmapFindsTheTumours()
    {
        const QString heatmap = m_dir.filePath("slide-heatmap.png");
        const Run r = cli({"infer", "--model", model("slide-tumour-classifier.pt"), "--input",
                           QDir(m_demo).filePath("slide/demo.svs"), "--out", heatmap});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject json = readJson(m_dir.filePath("slide-heatmap.json"));
        const QJsonObject grid = json["grid"].toObject();
        QCOMPARE(grid["mpp"].toDouble(), 2.0);
        const int columns = grid["columns"].toInt(), rows = grid["rows"].toInt();
        const double tile = grid["tile_size"].toDouble();
        QCOMPARE(QImage(heatmap).size(), QSize(columns, rows));
        QVERIFY(json["tiles_classified"].toInt() > 20);

        const auto tumours = radpath::pathology::readAnnotations(QDir(m_demo).filePath("slide/demo.geojson").toStdString());
        double inSum = 0.0, outSum = 0.0;
        int inCount = 0, outCount = 0;
        const QJsonArray scores = json["scores"].toArray();
        for (int t = 0; t < scores.size(); ++t) {
            const double tumour = scores[t].toArray()[1].toDouble();
            if (tumour < 0.0)
                continue; // not tissue
            const double x = (t % columns + 0.5) * tile, y = (t / columns + 0.5) * tile;
            bool in = false;
            for (const auto& a : tumours)
                in = in || radpath::pathology::contains(a.geometry, x, y);
            (in ? inSum : outSum) += tumour;
            ++(in ? inCount : outCount);
        }
        QVERIFY(inCount > 0 && outCount > 0);
        qInfo("tumour score: %.3f in %d tumour tiles, %.3f in %d others", inSum / inCount, inCount, outSum / outCount,
              outCount);
        QVERIFY(inSum / inCount > outSum / outCount + 0.3);
    }

    void batchWritesOneResultPerInputAndASummary()
    {
        const QString out = m_dir.filePath("batch");
        const QString list = m_dir.filePath("list.txt");
        QFile f(list);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QDir(m_demo).filePath("dx/dx-normal.dcm").toUtf8() + "\n# a comment\n" +
                QDir(m_demo).filePath("dx/missing.dcm").toUtf8() + "\n" +
                QDir(m_demo).filePath("dx/dx-opacity.dcm").toUtf8() + "\n");
        f.close();
        const Run r = cli({"infer", "--model", model("dx-opacity-classifier.pt"), "--input", list, "--out", out});
        QCOMPARE(r.code, 1); // one input failed, the others were done
        QVERIFY(r.err.contains("missing.dcm"));
        QFile summary(QDir(out).filePath("summary.csv"));
        QVERIFY(summary.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(summary.readAll()).trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines[1].contains("dx-normal.json") && lines[1].contains(",clear,") && lines[1].endsWith(",ok"));
        QVERIFY(lines[2].contains("missing.dcm") && !lines[2].endsWith(",ok"));
        QVERIFY(lines[3].contains("dx-opacity.json") && lines[3].contains(",opacity,"));
        QVERIFY(QFile::exists(QDir(out).filePath("dx-opacity.json")));

        // A folder of radiographs is a batch for a 2-D model.
        const Run folder = cli({"infer", "--model", model("dx-opacity-classifier.pt"), "--input",
                                QDir(m_demo).filePath("dx"), "--out", m_dir.filePath("batch2")});
        QVERIFY2(folder.code == 0, qPrintable(folder.err));
        QVERIFY(QFile::exists(m_dir.filePath("batch2/dx-normal.json")));
    }

    void badInputsGiveMessagesAndNoOutput()
    {
        const QString out = m_dir.filePath("never.nii.gz");
        // A 2-D model on a volume.
        Run r = cli({"infer", "--model", model("dx-opacity-classifier.pt"), "--input",
                     QDir(m_demo).filePath("ct-lesions.nii.gz"), "--out", out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("a 2-D model cannot take a volume"), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
        // A file that is not a model.
        const QString bogus = m_dir.filePath("bogus.pt");
        QFile b(bogus);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("not a TorchScript archive");
        b.close();
        r = cli({"infer", "--model", bogus, "--input", QDir(m_demo).filePath("ct"), "--out", out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(bogus), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
        // An input that is not an image.
        r = cli({"infer", "--model", model("ct-lesion-segmenter.pt"), "--input", bogus, "--out", out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("bogus.pt"), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
        // Usage.
        QCOMPARE(cli({"infer", "--model", bogus}).code, 2);
        QCOMPARE(cli({"infer", "--model", bogus, "--input", bogus, "--out", out, "--device", "tpu"}).code, 2);
    }

private:
    QTemporaryDir m_dir;
    QString m_demo;
    QJsonObject m_truth;
};

QTEST_GUILESS_MAIN(InferCliTest)
#include "InferCliTest.moc"

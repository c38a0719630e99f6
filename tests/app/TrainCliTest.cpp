// radpath-cli train and evaluate on make-demo --small's classification dataset: a tiny
// SimpleCNN for two epochs prints two JSON epoch lines and writes a package that infer takes;
// evaluate on the val folder accounts for every image and writes the predictions CSV; bad
// configs and datasets end with the exit codes and messages a script can act on.

#include "viewer/io/ItkVolumeWriter.h"
#include "viewer/io/VolumeReader.h"
#include "viewer/model/Volume.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList& args, const QProcessEnvironment& extra = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    for (const QString& key : extra.keys())
        env.insert(key, extra.value(key));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(RADPATH_BIN_DIR "/radpath-cli"), args);
    if (!p.waitForFinished(120000))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromLocal8Bit(p.readAllStandardOutput()), QString::fromLocal8Bit(p.readAllStandardError())};
}

void writeJson(const QString& path, const QJsonObject& json)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
}

QList<QJsonObject> jsonLines(const QString& text)
{
    QList<QJsonObject> lines;
    for (const QString& line : text.split('\n', Qt::SkipEmptyParts))
        lines << QJsonDocument::fromJson(line.toUtf8()).object();
    return lines;
}

} // namespace

class TrainCliTest : public QObject {
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
        m_dataset = QDir(m_demo).filePath("dataset");
    }

    void trainsTwoEpochsIntoAPackageThatInferTakes()
    {
        const QString config = m_dir.filePath("train.json");
        writeJson(config, {{"data", "demo/dataset"}, // relative to the config's folder
                           {"output", "models/tiny.pt"},
                           {"architecture", "simple-cnn"},
                           {"baseFilters", 4},
                           {"inputSize", QJsonArray{32, 32}},
                           {"epochs", 2},
                           {"batchSize", 32},
                           {"threads", 2},
                           {"modality", "DX"},
                           {"name", "Tiny opacity"}});
        QDir().mkpath(m_dir.filePath("models"));
        const Run r = cli({"train", "--config", config});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("opacity") && r.err.contains("120"), qPrintable(r.err)); // the dataset summary
        const QList<QJsonObject> epochs = jsonLines(r.out);
        QCOMPARE(epochs.size(), 2);
        for (int e = 0; e < 2; ++e) {
            const QJsonObject& line = epochs[e];
            QCOMPARE(line["epoch"].toInt(), e + 1);
            QCOMPARE(line["epochs"].toInt(), 2);
            for (const char* key :
                 {"trainLoss", "valLoss", "valAccuracy", "valAuc", "learningRate", "seconds", "dataWaitSeconds"})
                QVERIFY2(line[key].isDouble(), key);
            QVERIFY(!line.contains("valDice"));
        }
        m_model = m_dir.filePath("models/tiny.pt");
        QVERIFY(QFile::exists(m_model));
        QVERIFY(QFile::exists(m_model + ".checkpoint"));

        const Run infer = cli({"infer", "--model", m_model, "--input",
                               QDir(m_dataset).filePath("val/opacity/opacity-0000.png"), "--out", "-"});
        QVERIFY2(infer.code == 0, qPrintable(infer.err));
        const QJsonObject result = QJsonDocument::fromJson(infer.out.toUtf8()).object();
        QCOMPARE(result["model"].toObject()["name"].toString(), QStringLiteral("Tiny opacity"));
        const QJsonObject p = result["probabilities"].toObject();
        QVERIFY(p.contains("clear") && p.contains("opacity"));
        QVERIFY(std::abs(p["clear"].toDouble() + p["opacity"].toDouble() - 1.0) < 1e-4);
    }

    // A generated dataset with a clear signal (a bright blob somewhere in noise, or none) and
    // a test split never seen in training: the trained model separates the unseen images
    // (AUC ≥ 0.95), and its package explains itself through infer with Grad-CAM.
    void learnsAClearSignalAndExplainsItself()
    {
        const QDir root(m_dir.filePath("held-out"));
        std::mt19937 random(11);
        std::uniform_real_distribution<double> noise(20.0, 70.0), centre(8.0, 24.0);
        const std::vector<std::pair<const char*, int>> splits{{"train", 60}, {"val", 20}, {"test", 40}};
        for (const auto& [split, count] : splits)
            for (const char* label : {"none", "blob"}) {
                QVERIFY(root.mkpath(QStringLiteral("%1/%2").arg(split, label)));
                for (int i = 0; i < count; ++i) {
                    QImage image(32, 32, QImage::Format_Grayscale8);
                    const double cx = centre(random), cy = centre(random);
                    const bool blob = QLatin1String(label) == QLatin1String("blob");
                    for (int y = 0; y < 32; ++y)
                        for (int x = 0; x < 32; ++x) {
                            const double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                            image.scanLine(y)[x] = uchar(noise(random) + (blob ? 150.0 * std::exp(-r2 / 18.0) : 0.0));
                        }
                    QVERIFY(image.save(root.filePath(QStringLiteral("%1/%2/%3.png").arg(split, label).arg(i))));
                }
            }
        const QString config = m_dir.filePath("held-out.json");
        writeJson(config, {{"data", root.path()},
                           {"output", m_dir.filePath("held-out.pt")},
                           {"architecture", "simplecnn"},
                           {"baseFilters", 8},
                           {"inputSize", QJsonArray{32, 32}},
                           {"epochs", 8},
                           {"batchSize", 8},
                           {"learningRate", 0.002},
                           {"augment", QJsonObject{{"flips", true}, {"rotate90", true}}},
                           {"threads", 2},
                           {"modality", "DX"}});
        const Run r = cli({"train", "--config", config});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QList<QJsonObject> lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 9); // 8 epochs, then the test evaluation
        const QJsonObject test = lines.back()["test"].toObject();
        const QJsonArray matrix = test["confusionMatrix"].toArray();
        int total = 0;
        for (const QJsonValue& row : matrix)
            for (const QJsonValue& n : row.toArray())
                total += n.toInt();
        QCOMPARE(total, 80); // 40 unseen images per class
        const double auc = test["auc"].toObject()["blob"].toDouble();
        qInfo("held-out test: accuracy %.3f, AUC %.3f", test["accuracy"].toDouble(), auc);
        QVERIFY(auc >= 0.95);

        const QString saliency = m_dir.filePath("opacity-grad-cam.png");
        const Run infer = cli({"infer", "--model", m_dir.filePath("held-out.pt"), "--input",
                               root.filePath("test/blob/0.png"), "--out", "-", "--saliency",
                               saliency, "--saliency-method", "grad-cam"});
        QVERIFY2(infer.code == 0, qPrintable(infer.err));
        QImage map(saliency);
        QVERIFY(!map.isNull());
        QCOMPARE(map.size(), QSize(32, 32)); // on the input's grid
        int low = 255, high = 0;
        for (int y = 0; y < map.height(); ++y)
            for (int x = 0; x < map.width(); ++x) {
                low = std::min(low, qGray(map.pixel(x, y)));
                high = std::max(high, qGray(map.pixel(x, y)));
            }
        QVERIFY(high > low);
    }

    // Tile classification straight from the annotated demo slide: tiles cut at 2 µm/px, and
    // the package classifies the slide's tiles through infer.
    void tilesCutFromAnnotatedSlides()
    {
        const QString config = m_dir.filePath("tiles.json");
        writeJson(config, {{"task", "tile-classification"},
                           {"data", QDir(m_demo).filePath("slide")},
                           {"output", m_dir.filePath("tiles.pt")},
                           {"architecture", "simplecnn"},
                           {"baseFilters", 8},
                           {"inputSize", QJsonArray{32, 32}},
                           {"mpp", 2.0},
                           {"epochs", 3},
                           {"batchSize", 32},
                           {"classWeights", "balanced"},
                           {"threads", 2}});
        const Run r = cli({"train", "--config", config});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("Tumor") && r.err.contains("Other"), qPrintable(r.err));
        QCOMPARE(jsonLines(r.out).size(), 3);
        const Run infer = cli({"infer", "--model", m_dir.filePath("tiles.pt"), "--input",
                               QDir(m_demo).filePath("slide/demo.svs"), "--out", m_dir.filePath("tiles-heat.png")});
        QVERIFY2(infer.code == 0, qPrintable(infer.err));
        QFile scores(m_dir.filePath("tiles-heat.json"));
        QVERIFY(scores.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(scores.readAll()).object();
        QCOMPARE(json["classes"].toArray().size(), 2);
        QVERIFY(json["tiles_classified"].toInt() > 100);
    }

    // The same command under a torchrun-style environment: two processes on loopback, rank 0
    // reports and writes, rank 1 only trains.
    void twoProcessesFromTheEnvironment()
    {
        const QString config = m_dir.filePath("ranks.json");
        writeJson(config, {{"data", m_dataset},
                           {"output", m_dir.filePath("ranks.pt")},
                           {"architecture", "simplecnn"},
                           {"baseFilters", 4},
                           {"inputSize", QJsonArray{32, 32}},
                           {"epochs", 2},
                           {"batchSize", 16},
                           {"threads", 1}});
        // A rendezvous port of this test process's own, away from torchrun's default.
        const QString port = QString::number(30000 + QCoreApplication::applicationPid() % 20000);
        QList<QProcess*> ranks;
        for (int rank = 0; rank < 2; ++rank) {
            auto* p = new QProcess(this);
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert("QT_QPA_PLATFORM", "offscreen");
            env.insert("WORLD_SIZE", "2");
            env.insert("RANK", QString::number(rank));
            env.insert("LOCAL_RANK", QString::number(rank));
            env.insert("MASTER_ADDR", "127.0.0.1");
            env.insert("MASTER_PORT", port);
            p->setProcessEnvironment(env);
            p->start(QStringLiteral(RADPATH_BIN_DIR "/radpath-cli"), {"train", "--config", config});
            ranks << p;
        }
        for (QProcess* p : ranks)
            QVERIFY(p->waitForFinished(180000));
        const QString out0 = ranks[0]->readAllStandardOutput(), out1 = ranks[1]->readAllStandardOutput();
        QVERIFY2(ranks[0]->exitCode() == 0, ranks[0]->readAllStandardError().constData());
        QVERIFY2(ranks[1]->exitCode() == 0, ranks[1]->readAllStandardError().constData());
        QCOMPARE(jsonLines(out0).size(), 2);
        QVERIFY(out1.trimmed().isEmpty());
        QVERIFY(QFile::exists(m_dir.filePath("ranks.pt")));
    }

    // 3-D segmentation from NIfTI image/label pairs: a bright box in noise at 1.5 × 1.5 × 2 mm;
    // a 3-D U-Net trained on patches outlines the unseen test boxes, and infer writes its
    // label map on the input's grid.
    void segmentsVolumesFromImageLabelPairs()
    {
        using radpath::viewer::ImageGeometry;
        using radpath::viewer::PixelType;
        using radpath::viewer::Volume;
        const QDir root(m_dir.filePath("boxes"));
        std::mt19937 random(5);
        std::uniform_real_distribution<float> noise(0.0f, 40.0f);
        std::uniform_int_distribution<int> corner(4, 12);
        ImageGeometry g;
        g.size = {32, 32, 24};
        g.spacing = {1.5, 1.5, 2.0};
        g.origin = {-20.0, 10.0, 5.0};
        const std::vector<std::pair<const char*, int>> splits{{"train", 8}, {"val", 2}, {"test", 2}};
        for (const auto& [split, count] : splits) {
            QVERIFY(root.mkpath(QStringLiteral("%1/images").arg(split)) && root.mkpath(QStringLiteral("%1/labels").arg(split)));
            for (int n = 0; n < count; ++n) {
                Volume image(PixelType::Float32, g), label(PixelType::UInt8, g);
                const int x0 = corner(random), y0 = corner(random), z0 = corner(random) / 2;
                for (int k = 0; k < g.size[2]; ++k)
                    for (int j = 0; j < g.size[1]; ++j)
                        for (int i = 0; i < g.size[0]; ++i) {
                            const bool inside = i >= x0 && i < x0 + 12 && j >= y0 && j < y0 + 12 && k >= z0 && k < z0 + 8;
                            const size_t at = (size_t(k) * size_t(g.size[1]) + size_t(j)) * size_t(g.size[0]) + size_t(i);
                            image.voxels<float>()[at] = (inside ? 150.0f : 30.0f) + noise(random);
                            label.voxels<std::uint8_t>()[at] = inside ? 1 : 0;
                        }
                const QString name = QStringLiteral("case-%1.nii.gz").arg(n);
                radpath::viewer::writeVolumeWithItk(image, root.filePath(QStringLiteral("%1/images/%2").arg(split, name)).toStdString());
                radpath::viewer::writeVolumeWithItk(label, root.filePath(QStringLiteral("%1/labels/%2").arg(split, name)).toStdString());
            }
        }
        const QString config = m_dir.filePath("boxes.json");
        writeJson(config, {{"task", "segmentation"},
                           {"data", root.path()},
                           {"output", m_dir.filePath("boxes.pt")},
                           {"architecture", "unet3d"},
                           {"baseFilters", 4},
                           {"inputSize", QJsonArray{16, 16, 16}},
                           {"epochs", 6},
                           {"batchSize", 4},
                           {"learningRate", 0.01},
                           {"labels", QJsonArray{"background", "box"}},
                           {"threads", 2},
                           {"modality", "CT"}});
        const Run r = cli({"train", "--config", config});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QList<QJsonObject> lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 7); // 6 epochs, then the test evaluation
        QVERIFY(lines.front()["valDice"].isDouble() && !lines.front().contains("valAccuracy"));
        const QJsonObject test = lines.back()["test"].toObject();
        QCOMPARE(test["images"].toInt(), 2);
        const double dice = test["dice"].toObject()["box"].toDouble(), hd95 = test["hd95"].toObject()["box"].toDouble();
        qInfo("unseen boxes: Dice %.3f, HD95 %.2f mm", dice, hd95);
        QVERIFY(dice > 0.7);
        QVERIFY(hd95 >= 0.0 && hd95 < 10.0);

        const QString labels = m_dir.filePath("boxes-labels.nii.gz");
        const Run infer = cli({"infer", "--model", m_dir.filePath("boxes.pt"), "--input",
                               root.filePath("test/images/case-0.nii.gz"), "--out", labels});
        QVERIFY2(infer.code == 0, qPrintable(infer.err));
        const Volume result = radpath::viewer::ReaderRegistry::withBuiltinReaders().read(labels.toStdString(), {});
        QCOMPARE(result.geometry().size, g.size);
        for (int a = 0; a < 3; ++a) {
            QVERIFY(std::abs(result.geometry().spacing[size_t(a)] - g.spacing[size_t(a)]) < 1e-4);
            QVERIFY(std::abs(result.geometry().origin[size_t(a)] - g.origin[size_t(a)]) < 1e-3);
        }
    }

    // Tile classification from a folder of tile images by class (not slides): the PNG tiles
    // are taken at the configured µm per pixel, so neither the test evaluation nor evaluate
    // resamples them from 1 mm (at 2 µm/px a 32-pixel tile would grow to 16,000 pixels a side).
    void tileImagesByClassEvaluatedAtTheirResolution()
    {
        const QDir root(m_dir.filePath("tile-images"));
        std::mt19937 random(3);
        std::uniform_int_distribution<int> noise(-20, 20);
        const std::vector<std::pair<const char*, int>> splits{{"train", 16}, {"val", 6}, {"test", 6}};
        for (const auto& [split, count] : splits)
            for (const char* label : {"stroma", "tumor"}) {
                QVERIFY(root.mkpath(QStringLiteral("%1/%2").arg(split, label)));
                const bool tumor = QLatin1String(label) == QLatin1String("tumor");
                for (int i = 0; i < count; ++i) {
                    QImage tile(32, 32, QImage::Format_RGB888);
                    for (int y = 0; y < 32; ++y)
                        for (int x = 0; x < 32; ++x)
                            tile.setPixelColor(x, y, tumor ? QColor(90 + noise(random), 40, 140 + noise(random))
                                                           : QColor(230 + noise(random) / 2, 150 + noise(random), 190));
                    QVERIFY(tile.save(root.filePath(QStringLiteral("%1/%2/%3.png").arg(split, label).arg(i))));
                }
            }
        const QString config = m_dir.filePath("tile-images.json");
        writeJson(config, {{"task", "tile-classification"},
                           {"data", root.path()},
                           {"output", m_dir.filePath("tile-images.pt")},
                           {"architecture", "simplecnn"},
                           {"baseFilters", 4},
                           {"inputSize", QJsonArray{32, 32}},
                           {"mpp", 2.0},
                           {"epochs", 2},
                           {"batchSize", 16},
                           {"threads", 2}});
        QElapsedTimer clock;
        clock.start();
        const Run r = cli({"train", "--config", config});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QList<QJsonObject> lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 3); // 2 epochs, then the test evaluation
        const QJsonObject test = lines.back()["test"].toObject();
        QCOMPARE(test["images"].toInt(), 12);
        qInfo("tile images: trained and tested in %lld ms", static_cast<long long>(clock.elapsed()));
        QVERIFY2(clock.elapsed() < 60000, "the test tiles were resampled");

        clock.restart();
        const Run evaluate = cli({"evaluate", "--model", m_dir.filePath("tile-images.pt"), "--data", root.path(),
                                  "--bootstrap", "0", "--threads", "2"});
        QVERIFY2(evaluate.code == 0, qPrintable(evaluate.err));
        QCOMPARE(QJsonDocument::fromJson(evaluate.out.toUtf8()).object()["images"].toInt(), 12);
        QVERIFY2(clock.elapsed() < 30000, "evaluate resampled the tiles");
    }

    void evaluatesTheValFolderWithPredictions()
    {
        if (m_model.isEmpty())
            QSKIP("needs the model trained above");
        const QString csv = m_dir.filePath("predictions.csv");
        const Run r = cli({"evaluate", "--model", m_model, "--data", QDir(m_dataset).filePath("val"), "--predictions",
                           csv, "--bootstrap", "50", "--seed", "3"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json["classes"].toArray(), QJsonArray({"clear", "opacity"}));
        qint64 total = 0;
        for (const QJsonValue& row : json["confusionMatrix"].toArray())
            for (const QJsonValue& cell : row.toArray())
                total += cell.toInteger();
        QCOMPARE(total, 80);
        QVERIFY(json["accuracy"].isDouble());
        QVERIFY(json["ece"].isDouble());
        for (const char* map : {"sensitivity", "specificity", "precision", "f1", "auc", "aucCi"})
            QVERIFY2(json[map].toObject().contains("opacity"), map);
        QCOMPARE(json["aucCi"].toObject()["opacity"].toArray().size(), 2);

        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("path,label,prediction,clear,opacity"));
        QCOMPARE(lines.size(), 81);
        QVERIFY(lines[1].contains("clear-0000.png,clear,"));

        // The whole split layout: val is evaluated when there is no test folder.
        const Run split = cli({"evaluate", "--model", m_model, "--data", m_dataset, "--bootstrap", "0"});
        QVERIFY2(split.code == 0, qPrintable(split.err));
        QCOMPARE(QJsonDocument::fromJson(split.out.toUtf8()).object()["images"].toInt(), 80);
    }

    void classesTheModelLacksAreNamed()
    {
        if (m_model.isEmpty())
            QSKIP("needs the model trained above");
        const QString data = m_dir.filePath("other");
        for (const char* name : {"clear", "nodule"}) {
            QDir().mkpath(data + '/' + name);
            QFile::copy(QDir(m_dataset).filePath("val/clear/clear-0000.png"),
                        QStringLiteral("%1/%2/a.png").arg(data, name));
        }
        const Run r = cli({"evaluate", "--model", m_model, "--data", data});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("'nodule'") && r.err.contains("clear, opacity"), qPrintable(r.err));
    }

    void badInputsEndWithTheirExitCodes()
    {
        QCOMPARE(cli({"train"}).code, 2);
        QCOMPARE(cli({"train", "--config"}).code, 2);
        QCOMPARE(cli({"evaluate", "--model", "x.pt"}).code, 2);

        const QString unknown = m_dir.filePath("unknown.json");
        writeJson(unknown, {{"data", "demo/dataset"}, {"output", "x.pt"}, {"epoch", 2}});
        Run r = cli({"train", "--config", unknown});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("\"epoch\""), qPrintable(r.err));

        const QString single = m_dir.filePath("single");
        QDir().mkpath(single + "/only");
        QFile::copy(QDir(m_dataset).filePath("val/clear/clear-0000.png"), single + "/only/a.png");
        const QString config = m_dir.filePath("single.json");
        writeJson(config,
                  {{"data", single}, {"output", m_dir.filePath("single.pt")}, {"inputSize", QJsonArray{32, 32}}});
        r = cli({"train", "--config", config});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("only one class"), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir.filePath("single.pt")));

        r = cli({"train", "--config", config}, [] {
            QProcessEnvironment env;
            env.insert("WORLD_SIZE", "2");
            return env;
        }());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("RANK"), qPrintable(r.err));
    }

private:
    QTemporaryDir m_dir;
    QString m_demo, m_dataset, m_model;
};

QTEST_GUILESS_MAIN(TrainCliTest)
#include "TrainCliTest.moc"

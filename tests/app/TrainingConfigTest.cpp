// train.json: defaults, every key read into the engine's settings, a written config read back
// to the same settings, relative paths, and errors that name the key.

#include "app/core/TrainingConfig.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace radpath::app;
namespace ai = radpath::ai;

namespace {

QJsonObject minimal()
{
    return {{"data", "dataset"}, {"output", "out/model.pt"}};
}

QString errorOf(const QJsonObject& json)
{
    try {
        trainingConfigFromJson(json, "/base", "train.json");
    } catch (const TrainingConfigError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace

class TrainingConfigTest : public QObject {
    Q_OBJECT
private slots:
    void defaultsForEverythingButDataAndOutput()
    {
        const TrainingConfig c = trainingConfigFromJson(minimal(), "/base", "train.json");
        QVERIFY(c.task == ai::ModelTask::Classification);
        QCOMPARE(c.dataRoot, QStringLiteral("/base/dataset"));
        QCOMPARE(c.settings.outputPath, std::string("/base/out/model.pt"));
        QCOMPARE(c.settings.checkpointPath, std::string("/base/out/model.pt.checkpoint"));
        QCOMPARE(c.settings.architecture, std::string("simple-cnn"));
        QCOMPARE(c.inputSize(), (std::vector<int>{224, 224}));
        QCOMPARE(c.settings.manifest.input.channels, 1);
        QCOMPARE(c.settings.manifest.dims, 2);
        QCOMPARE(c.settings.manifest.name, std::string("model"));
        QVERIFY(c.intensity == IntensityMode::Auto);
        QCOMPARE(c.valFraction, 0.2);
        QCOMPARE(c.settings.epochs, ai::TrainingSettings().epochs);
        QVERIFY(c.settings.device == ai::Device::Cpu);

        QJsonObject segmentation = minimal();
        segmentation["task"] = "segmentation";
        const TrainingConfig s = trainingConfigFromJson(segmentation, "/base", "train.json");
        QCOMPARE(s.settings.architecture, std::string("unet3d"));
        QCOMPARE(s.settings.manifest.input.patchSize, (std::vector<int>{96, 96, 96}));
        QVERIFY(s.settings.manifest.slidingWindow);
        QCOMPARE(s.settings.manifest.slidingWindow->roi, (std::vector<int>{96, 96, 96}));

        QJsonObject tiles = minimal();
        tiles["task"] = "tile-classification";
        tiles["mpp"] = 2.0;
        const TrainingConfig t = trainingConfigFromJson(tiles, "/base", "train.json");
        QCOMPARE(t.settings.manifest.input.channels, 3);
        QCOMPARE(t.settings.manifest.input.patchSize, (std::vector<int>{224, 224}));
        QCOMPARE((*t.settings.manifest.input.spacingMm)[0], 0.002);
    }

    void everyKeyRead()
    {
        const QJsonObject json{
            {"task", "classification"},
            {"data", "/data/chest"},
            {"output", "/models/chest.pt"},
            {"architecture", "ResNet18"},
            {"epochs", 30},
            {"batchSize", 32},
            {"learningRate", 0.0003},
            {"optimizer", "AdamW"},
            {"weightDecay", 0.01},
            {"schedule", "step"},
            {"stepEpochs", 5},
            {"inputSize", QJsonArray{256, 192}},
            {"channels", 3},
            {"augment", QJsonObject{{"flips", false}, {"rotate90", true}, {"rotationDegrees", 10}, {"noiseStd", 0.02}}},
            {"earlyStopping", QJsonObject{{"patience", 4}, {"monitor", "val_auc"}}},
            {"classWeights", "balanced"},
            {"freezeFeatures", true},
            {"freeze", QJsonArray{"conv1", "layer1"}},
            {"device", "cuda"},
            {"threads", 6},
            {"seed", 1234},
            {"valFraction", 0.25},
            {"checkpoint", "/tmp/chest.ckpt"},
            {"name", "Chest opacity"},
            {"modality", "dx"},
            {"intensity", QJsonObject{{"aMin", 0}, {"aMax", 4095}}},
            {"baseFilters", 32},
            {"dropout", 0.5},
            {"batchNorm", false},
        };
        const TrainingConfig c = trainingConfigFromJson(json, "/base", "train.json");
        const ai::TrainingSettings& s = c.settings;
        QCOMPARE(s.architecture, std::string("resnet18"));
        QCOMPARE(s.epochs, 30);
        QCOMPARE(s.batchSize, 32);
        QCOMPARE(s.learningRate, 0.0003);
        QVERIFY(s.optimizer == ai::Optimizer::AdamW);
        QCOMPARE(s.weightDecay, 0.01);
        QVERIFY(s.schedule == ai::Schedule::Step);
        QCOMPARE(s.stepEpochs, 5);
        QCOMPARE(s.manifest.input.size, (std::vector<int>{256, 192}));
        QCOMPARE(s.manifest.input.channels, 3);
        QCOMPARE(s.augmentation.flips, false);
        QCOMPARE(s.augmentation.rotate90, true);
        QCOMPARE(s.augmentation.rotationDegrees, 10.0);
        QCOMPARE(s.augmentation.noiseStd, 0.02);
        QCOMPARE(s.earlyStopping.patience, 4);
        QCOMPARE(s.earlyStopping.monitor, std::string("val_auc"));
        QVERIFY(s.balanceClasses);
        QVERIFY(s.freezeFeatures);
        QCOMPARE(s.freeze, (std::vector<std::string>{"conv1", "layer1"}));
        QVERIFY(s.device == ai::Device::Cuda);
        QCOMPARE(s.threads, 6);
        QCOMPARE(s.seed, 1234ULL);
        QCOMPARE(c.valFraction, 0.25);
        QCOMPARE(s.checkpointPath, std::string("/tmp/chest.ckpt"));
        QCOMPARE(s.manifest.name, std::string("Chest opacity"));
        QCOMPARE(s.manifest.modality, std::string("DX"));
        QVERIFY(c.intensity == IntensityMode::Window);
        QVERIFY(s.manifest.input.intensity.kind == ai::IntensityTransform::Kind::Window);
        QCOMPARE(s.manifest.input.intensity.aMax, 4095.0);
        QCOMPARE(s.baseFilters, 32);
        QCOMPARE(s.dropout, 0.5);
        QCOMPARE(s.batchNorm, false);

        QJsonObject weights = minimal();
        weights["classWeights"] = QJsonArray{1.0, 3.5};
        QCOMPARE(trainingConfigFromJson(weights, "/", "t").settings.classWeights, (std::vector<double>{1.0, 3.5}));
        QJsonObject off = minimal();
        off["augment"] = false;
        QCOMPARE(trainingConfigFromJson(off, "/", "t").settings.augmentation.flips, false);
    }

    void writtenConfigReadsBackTheSame()
    {
        QTemporaryDir dir;
        QJsonObject json = minimal();
        json["task"] = "segmentation";
        json["architecture"] = "unet2d";
        json["inputSize"] = QJsonArray{128, 128};
        json["classWeights"] = QJsonArray{0.5, 2.0};
        json["labels"] = QJsonArray{"background", "liver"};
        json["intensity"] = QJsonObject{{"aMin", -200}, {"aMax", 300}};
        json["augment"] = QJsonObject{{"elastic", 2.0}, {"contrast", 0.2}, {"scale", 0.1}};
        json["earlyStopping"] = QJsonObject{{"patience", 3}, {"monitor", "val_dice"}, {"minDelta", 0.001}};
        json["freeze"] = QJsonArray{"enc1"};
        json["seed"] = 99;
        const TrainingConfig original = trainingConfigFromJson(json, dir.path(), "train.json");
        const QString path = dir.filePath("saved/train.json");
        QDir().mkpath(dir.filePath("saved"));
        writeTrainingConfig(original, path);
        const TrainingConfig copy = readTrainingConfig(path);
        // Paths near the file are written relative to its folder: the file moves with the data.
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QJsonObject raw = QJsonDocument::fromJson(written.readAll()).object();
        QCOMPARE(raw["data"].toString(), QStringLiteral("../dataset"));
        QCOMPARE(raw["output"].toString(), QStringLiteral("../out/model.pt"));
        QCOMPARE(raw["checkpoint"].toString(), QStringLiteral("../out/model.pt.checkpoint"));

        QCOMPARE(toJson(copy), toJson(original));
        QVERIFY(copy.task == original.task);
        QCOMPARE(copy.dataRoot, original.dataRoot);
        QCOMPARE(copy.labels, original.labels);
        QVERIFY(copy.intensity == original.intensity);
        const ai::TrainingSettings &a = original.settings, &b = copy.settings;
        QCOMPARE(b.architecture, a.architecture);
        QCOMPARE(b.outputPath, a.outputPath);
        QCOMPARE(b.checkpointPath, a.checkpointPath);
        QCOMPARE(b.manifest.input.patchSize, a.manifest.input.patchSize);
        QCOMPARE(b.manifest.slidingWindow->roi, a.manifest.slidingWindow->roi);
        QCOMPARE(b.manifest.input.intensity.aMin, -200.0);
        QCOMPARE(b.classWeights, a.classWeights);
        QCOMPARE(b.augmentation.elastic, 2.0);
        QCOMPARE(b.augmentation.flips, a.augmentation.flips);
        QCOMPARE(b.earlyStopping.minDelta, 0.001);
        QCOMPARE(b.earlyStopping.monitor, std::string("val_dice"));
        QCOMPARE(b.freeze, a.freeze);
        QCOMPARE(b.seed, 99ULL);
        QCOMPARE(b.epochs, a.epochs);
        QCOMPARE(b.learningRate, a.learningRate);
        QCOMPARE(b.manifest.name, a.manifest.name);
        QCOMPARE(b.manifest.intendedUse, a.manifest.intendedUse);
    }

    void savedConfigMovesWithItsData()
    {
        // Saved beside the data, the config and the data move to a server together; a path that
        // would climb to the filesystem root stays absolute.
        QTemporaryDir dir;
        QFile package(dir.filePath("models/base.pt"));
        QVERIFY(QDir().mkpath(dir.filePath("models")));
        QVERIFY(package.open(QIODevice::WriteOnly));
        package.write("zip");
        package.close();
        const QString far = QStringLiteral("/radpath-elsewhere/out/m.pt");
        QJsonObject json{{"data", dir.filePath("project/data")},
                         {"output", far},
                         {"checkpoint", dir.filePath("project/runs/m.pt.checkpoint")},
                         {"architecture", dir.filePath("models/base.pt")}};
        const TrainingConfig original = trainingConfigFromJson(json, "/unused", "train.json");
        QVERIFY(QDir().mkpath(dir.filePath("project")));
        const QString path = dir.filePath("project/train.json");
        writeTrainingConfig(original, path);
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QJsonObject raw = QJsonDocument::fromJson(written.readAll()).object();
        QCOMPARE(raw["data"].toString(), QStringLiteral("data"));
        QCOMPARE(raw["checkpoint"].toString(), QStringLiteral("runs/m.pt.checkpoint"));
        QCOMPARE(raw["architecture"].toString(), QStringLiteral("../models/base.pt"));
        QCOMPARE(raw["output"].toString(), far);

        // Moved elsewhere with its neighbours, it reads the moved files.
        QTemporaryDir other;
        QVERIFY(QDir().mkpath(other.filePath("server/project")) && QDir().mkpath(other.filePath("server/models")));
        QVERIFY(QFile::copy(path, other.filePath("server/project/train.json")));
        QVERIFY(QFile::copy(dir.filePath("models/base.pt"), other.filePath("server/models/base.pt")));
        const TrainingConfig moved = readTrainingConfig(other.filePath("server/project/train.json"));
        QCOMPARE(moved.dataRoot, other.filePath("server/project/data"));
        QCOMPARE(QString::fromStdString(moved.settings.checkpointPath),
                 other.filePath("server/project/runs/m.pt.checkpoint"));
        QCOMPARE(QString::fromStdString(moved.settings.initialModel), other.filePath("server/models/base.pt"));
        QCOMPARE(QString::fromStdString(moved.settings.outputPath), far);
    }

    void packageToFineTuneAndRelativePaths()
    {
        QTemporaryDir dir;
        QFile package(dir.filePath("base.pt"));
        QVERIFY(package.open(QIODevice::WriteOnly));
        package.write("zip");
        package.close();
        QFile file(dir.filePath("train.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"data": "d", "output": "m.pt", "architecture": "base.pt", "freezeFeatures": true})");
        file.close();
        TrainingConfig c = readTrainingConfig(file.fileName());
        QCOMPARE(QString::fromStdString(c.settings.initialModel), QDir(dir.path()).filePath("base.pt"));
        QCOMPARE(c.dataRoot, QDir(dir.path()).filePath("d"));
        QVERIFY(c.inputSize().empty()); // the package's
        QCOMPARE(c.settings.manifest.input.channels, 0);

        ai::Manifest initial;
        initial.input.size = {96, 96};
        initial.input.channels = 1;
        initial.input.intensity.kind = ai::IntensityTransform::Kind::Window;
        initial.input.intensity.aMax = 4095;
        initial.modality = "DX";
        adoptInitialModel(c, initial);
        QCOMPARE(c.inputSize(), (std::vector<int>{96, 96}));
        QCOMPARE(c.settings.manifest.input.channels, 1);
        QCOMPARE(c.settings.manifest.input.intensity.aMax, 4095.0);
        QVERIFY(c.intensity == IntensityMode::Package);
        QCOMPARE(c.settings.manifest.modality, std::string("DX"));
    }

    void errorsNameTheKey()
    {
        QJsonObject unknown = minimal();
        unknown["epochz"] = 3;
        unknown["lr"] = 0.1;
        const QString message = errorOf(unknown);
        QVERIFY2(message.startsWith("train.json: unknown keys") && message.contains("\"epochz\"") &&
                     message.contains("\"lr\""),
                 qPrintable(message));

        QJsonObject nested = minimal();
        nested["augment"] = QJsonObject{{"flip", true}};
        QVERIFY2(errorOf(nested).contains("\"augment.flip\""), qPrintable(errorOf(nested)));

        const QList<QPair<QString, QJsonValue>> wrong{{"epochs", "ten"},
                                                      {"epochs", 2.5},
                                                      {"batchSize", 0},
                                                      {"learningRate", "fast"},
                                                      {"optimizer", "lbfgs"},
                                                      {"inputSize", 224},
                                                      {"inputSize", QJsonArray{224}},
                                                      {"augment", "yes"},
                                                      {"classWeights", "equal"},
                                                      {"freezeFeatures", 1},
                                                      {"device", "tpu"},
                                                      {"intensity", "window"},
                                                      {"channels", 2},
                                                      {"freeze", "conv1"},
                                                      {"architecture", "vgg16"},
                                                      {"earlyStopping", QJsonObject{{"monitor", "loss"}}},
                                                      {"valFraction", 1.5},
                                                      {"data", 3}};
        for (const auto& [key, value] : wrong) {
            QJsonObject json = minimal();
            json[key] = value;
            const QString error = errorOf(json);
            QVERIFY2(error.contains(QLatin1Char('"') + key), qPrintable(key + " -> " + error));
        }
        QVERIFY(errorOf({{"output", "m.pt"}}).contains("\"data\" is missing"));
        QVERIFY(errorOf({{"data", "d"}}).contains("\"output\" is missing"));
        QJsonObject mismatch = minimal();
        mismatch["architecture"] = "unet3d";
        QVERIFY(errorOf(mismatch).contains("is a segmenter; the task is classification"));
        QJsonObject dims = minimal();
        dims["architecture"] = "resnet18";
        dims["inputSize"] = QJsonArray{64, 64, 64};
        QVERIFY(errorOf(dims).contains("\"inputSize\""));

        QTemporaryDir dir;
        QFile broken(dir.filePath("broken.json"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"data\": ");
        broken.close();
        QVERIFY_THROWS_EXCEPTION(TrainingConfigError, readTrainingConfig(broken.fileName()));
        QVERIFY_THROWS_EXCEPTION(TrainingConfigError, readTrainingConfig(dir.filePath("missing.json")));
    }
};

QTEST_GUILESS_MAIN(TrainingConfigTest)
#include "TrainingConfigTest.moc"

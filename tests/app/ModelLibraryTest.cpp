// The model library without LibTorch: manifests read from the shipped packages' ZIP archives
// and from MONAI bundle folders, problems named, and which models fit which image.

#include "app/core/ModelLibrary.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace radpath;
using namespace radpath::app;

namespace {

const QString kShipped = QStringLiteral(RADPATH_SOURCE_DIR "/resources/models");

void write(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class ModelLibraryTest : public QObject {
    Q_OBJECT
private slots:
    void shippedPackagesAreReadWithoutLibTorch()
    {
        const QStringList models = findModels({kShipped});
        QCOMPARE(models.size(), 3);
        QString problem;
        const auto dx = readModelSummary(QDir(kShipped).filePath("dx-opacity-classifier.pt"), &problem);
        QVERIFY2(dx, qPrintable(problem));
        QCOMPARE(dx->format, QStringLiteral("radpath"));
        QCOMPARE(dx->manifest.name, std::string("DX opacity classifier"));
        QVERIFY(dx->manifest.task == ai::ModelTask::Classification);
        QCOMPARE(dx->manifest.dims, 2);
        QCOMPARE(dx->manifest.modality, std::string("DX"));
        QVERIFY(isDemonstration(dx->manifest));
        const auto ct = readModelSummary(QDir(kShipped).filePath("ct-lesion-segmenter.pt"), &problem);
        QVERIFY(ct && ct->manifest.task == ai::ModelTask::Segmentation && ct->manifest.dims == 3);
        const auto slide = readModelSummary(QDir(kShipped).filePath("slide-tumour-classifier.pt"), &problem);
        QVERIFY(slide && slide->manifest.task == ai::ModelTask::TileClassification);

        // Which image each one is offered for.
        QVERIFY(modelFits(dx->manifest, AiTarget::Image2d, "CR")); // CR and DX are both radiographs
        QVERIFY(!modelFits(dx->manifest, AiTarget::Image2d, "MR"));
        QVERIFY(!modelFits(dx->manifest, AiTarget::Volume, "DX"));
        QVERIFY(modelFits(ct->manifest, AiTarget::Volume, "CT"));
        QVERIFY(!modelFits(ct->manifest, AiTarget::Volume, "MR"));
        QVERIFY(!modelFits(ct->manifest, AiTarget::Slide, ""));
        QVERIFY(modelFits(slide->manifest, AiTarget::Slide, ""));
        QVERIFY(!modelFits(slide->manifest, AiTarget::Image2d, "SM"));
    }

    void bundleFolderAndProblems()
    {
        QTemporaryDir dir;
        const QString bundle = dir.filePath("spleen_ct_segmentation");
        write(bundle + "/configs/metadata.json", R"({"version": "0.2.0", "task": "Decathlon spleen segmentation",
            "intended_use": "This is an example, not to be used for diagnostic purposes",
            "network_data_format": {"inputs": {"image": {"modality": "CT", "spatial_shape": [96, 96, 96]}}}})");
        write(bundle + "/configs/inference.json", R"({"inferer": {"_target_": "SlidingWindowInferer"}})");
        write(bundle + "/models/model.ts", "weights");
        write(dir.filePath("notes.pt"), "not a model");
        const QStringList models = findModels({dir.path()});
        QCOMPARE(models, QStringList({QDir(dir.path()).filePath("notes.pt"), bundle}));

        QString problem;
        const auto summary = readModelSummary(bundle, &problem);
        QVERIFY2(summary, qPrintable(problem));
        QCOMPARE(summary->format, QStringLiteral("monai-bundle"));
        QCOMPARE(summary->manifest.name, std::string("spleen_ct_segmentation"));
        QCOMPARE(summary->manifest.version, std::string("0.2.0"));
        QVERIFY(summary->manifest.task == ai::ModelTask::Segmentation);
        QCOMPARE(summary->manifest.dims, 3);
        QVERIFY(modelFits(summary->manifest, AiTarget::Volume, "CT"));
        QVERIFY(!isDemonstration(summary->manifest));

        QVERIFY(!readModelSummary(dir.filePath("notes.pt"), &problem));
        QVERIFY(problem.contains(dir.filePath("notes.pt")));
        QVERIFY(!readStoredZipEntry(dir.filePath("notes.pt"), "radpath.json"));
    }
};

QTEST_GUILESS_MAIN(ModelLibraryTest)
#include "ModelLibraryTest.moc"

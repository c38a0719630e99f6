// radpath-cli report on make-demo --small data: the CT with the demo segmentation model (AI
// findings with model provenance, segmentation statistics), the slide with its GeoJSON
// annotations and the tile classifier (class area table), a de-identified report, and the
// exit codes: 1 naming a missing input, 2 for a wrong command line.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kModels = QStringLiteral(RADPATH_BIN_DIR "/../share/radpath/models");

struct Run {
    int code = -1;
    QString err;
};

Run cli(const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(RADPATH_BIN_DIR "/radpath-cli"), args);
    if (!p.waitForFinished(300000))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromLocal8Bit(p.readAllStandardError())};
}

QString pdfText(const QString& pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput())
        .replace(QChar(0xFB01), QLatin1String("fi"))
        .replace(QChar(0xFB00), QLatin1String("ff"))
        .replace(QChar(0xFB02), QLatin1String("fl"));
}

} // namespace

class ReportCliTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        m_ai = QFile::exists(QStringLiteral(RADPATH_BIN_DIR "/../lib/radpath/libradpath_ai.so"));
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath("demo");
        const Run r = cli({"make-demo", m_demo, "--small"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void ctWithTheSegmenter()
    {
        if (!m_ai)
            QSKIP("built without the AI module");
        const QString pdf = m_dir.filePath("ct.pdf");
        const Run r = cli({"report", "--input", QDir(m_demo).filePath("ct"), "--model",
                           QDir(kModels).filePath("ct-lesion-segmenter.pt"), "--out", pdf});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString text = pdfText(pdf);
        for (const char* expected : {"RADPATH, DEMO", "RP-DEMO-0001", "lesion", "CT liver lesion segmenter 1.0.0",
                                     "SHA-256", "pending", "mL", "Segmentation statistics", "Mean ± SD (HU)",
                                     "Key images", "largest segmented area", "Draft: not signed",
                                     "AI results are decision support"})
            QVERIFY2(text.contains(QString::fromUtf8(expected)), expected);
    }

    void slideWithAnnotationsAndTileClassifier()
    {
        const QString slide = QDir(m_demo).filePath("slide/demo.svs");
        const QString annotations = QDir(m_demo).filePath("slide/demo.geojson");
        const QString pdf = m_dir.filePath("slide.pdf");
        QStringList args{"report", "--input", slide, "--annotations", annotations, "--out", pdf};
        if (m_ai)
            args << "--model" << QDir(kModels).filePath("slide-tumour-classifier.pt");
        const Run r = cli(args);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString text = pdfText(pdf);
        QVERIFY(text.contains("Slide overview"));
        QVERIFY(text.contains("Area (mm²)"));
        QVERIFY(QRegularExpression(QStringLiteral("Tumor\\s+4\\s+0\\.\\d{3}")).match(text).hasMatch());
        if (m_ai) {
            QVERIFY(text.contains("Slide tumour tile classifier 1.0.0"));
            QVERIFY(QRegularExpression(QStringLiteral("tumour: \\d+ of \\d+ tiles\\s+\\d+\\.\\d{3} mm²")).match(text).hasMatch());
        }
    }

    void deidentifiedCt()
    {
        const QString pdf = m_dir.filePath("ct-deid.pdf");
        const Run r = cli({"report", "--input", QDir(m_demo).filePath("ct"), "--out", pdf, "--deidentify"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString text = pdfText(pdf);
        QVERIFY(text.contains("Pseudonym"));
        QVERIFY(QRegularExpression(QStringLiteral("RP-[0-9A-F]{8}")).match(text).hasMatch());
        QVERIFY(!text.contains("RADPATH, DEMO"));
        QVERIFY(!text.contains("RP-DEMO-0001"));
        QVERIFY(text.contains("(middle)"));
    }

    void exitCodes()
    {
        const QString missing = m_dir.filePath("no-such-series");
        Run r = cli({"report", "--input", missing, "--out", m_dir.filePath("x.pdf")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(missing), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir.filePath("x.pdf")));
        r = cli({"report", "--input", QDir(m_demo).filePath("ct")}); // no --out
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("usage"));
        r = cli({"report", "--input", QDir(m_demo).filePath("ct"), "--out", m_dir.filePath("x.pdf"), "--bogus", "1"});
        QCOMPARE(r.code, 2);
    }

private:
    QTemporaryDir m_dir;
    QString m_demo;
    bool m_ai = false;
};

QTEST_MAIN(ReportCliTest)
#include "ReportCliTest.moc"

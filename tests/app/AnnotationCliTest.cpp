// radpath-cli annotations as a program: GeoJSON -> ASAP XML -> GeoJSON, warnings for what ASAP
// cannot hold, --slide, and the errors for bad input.

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

const QString kSample = QStringLiteral(RADPATH_SOURCE_DIR "/tests/data/annotations/qupath-export.geojson");

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(RADPATH_BIN_DIR "/radpath-cli"), QStringList{"annotations"} + args);
    if (!p.waitForFinished(60000))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromLocal8Bit(p.readAllStandardOutput()), QString::fromLocal8Bit(p.readAllStandardError())};
}

QByteArray contents(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The outer ring of the first feature, as written (NaN measurements kept out of the way).
QJsonArray firstOuterRing(const QString& geojson)
{
    QByteArray text = contents(geojson);
    text.replace(": NaN", ": null");
    const QJsonObject feature = QJsonDocument::fromJson(text).object()["features"].toArray().first().toObject();
    return feature["geometry"].toObject()["coordinates"].toArray().first().toArray();
}

} // namespace

class AnnotationCliTest : public QObject {
    Q_OBJECT
private slots:
    void convertsBothWaysAndWarns()
    {
        QTemporaryDir dir;
        const QString xml = dir.filePath("case.xml");
        const Run toXml = cli({kSample, xml});
        QVERIFY2(toXml.code == 0, qPrintable(toXml.err));
        QVERIFY(toXml.out.contains("5 objects"));
        QVERIFY2(
            toXml.err.contains("warning: annotation 'Invasive front' (2f4c3f57-8d3a-4b8e-9a59-0a5c3c1d2e61): 1 hole "
                               "dropped"),
            qPrintable(toXml.err));
        const QByteArray xmlText = contents(xml);
        QVERIFY(xmlText.contains("<Annotation Name=\"Invasive front\" Type=\"Polygon\" PartOfGroup=\"Tumor\""));
        QVERIFY(xmlText.contains("<Coordinate Order=\"1\" X=\"2400.5\" Y=\"800\"/>"));
        QVERIFY(xmlText.contains("<Group Name=\"Stroma\" PartOfGroup=\"None\" Color=\"#96C896\">"));

        const QString back = dir.filePath("back.geojson");
        const Run toJson = cli({xml, back});
        QVERIFY2(toJson.code == 0, qPrintable(toJson.err));
        QVERIFY(toJson.out.contains("6 objects")); // the two-part Stroma object comes back as two
        QCOMPARE(firstOuterRing(back), firstOuterRing(kSample));
    }

    void slideWithoutBoundsKeepsCoordinates()
    {
        QTemporaryDir dir;
        const QString slide = dir.filePath("slide.png");
        QImage image(64, 64, QImage::Format_RGB32);
        image.fill(Qt::white);
        QVERIFY(image.save(slide));
        const QString xml = dir.filePath("case.xml");
        const Run r = cli({kSample, xml, "--slide", slide});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("bounds origin 0, 0"));
        QVERIFY(contents(xml).contains("X=\"1200\" Y=\"800\""));
    }

    void badInputNamesTheFile()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath("broken.geojson");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"type\": \"FeatureCollection\", \"features\": [");
        f.close();
        const Run r = cli({bad, dir.filePath("out.xml")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(bad + ": malformed JSON"), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath("out.xml")));

        const Run missing = cli({dir.filePath("none.xml"), dir.filePath("out.geojson")});
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains(dir.filePath("none.xml") + ": no such file"));

        const Run noSlide = cli({kSample, dir.filePath("out.xml"), "--slide", dir.filePath("nope.svs")});
        QCOMPARE(noSlide.code, 1);
        QVERIFY2(noSlide.err.contains(dir.filePath("nope.svs")), qPrintable(noSlide.err));

        const Run format = cli({kSample, dir.filePath("out.csv")});
        QCOMPARE(format.code, 2);
        QVERIFY(format.err.contains("out.csv: not an annotation file"));
        QCOMPARE(cli({kSample}).code, 2);
        QCOMPARE(cli({kSample, dir.filePath("o.xml"), "--frobnicate"}).code, 2);
    }
};

QTEST_GUILESS_MAIN(AnnotationCliTest)
#include "AnnotationCliTest.moc"

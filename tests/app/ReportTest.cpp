// Clinical reports: review status with time and user, AI findings that stay AI-assisted when
// edited, the lock of a signed report and addenda after it, the JSON round trip keeping the
// lock, and the PDF read back with pdftotext (findings with model provenance, measurements,
// segmentation volume, header or pseudonym, the AI statement on every page, the signer) and
// drawn with pdftoppm. The review store: runs add pending findings, reviews are recorded and
// survive a restart, a re-run replaces only what nobody reviewed, a corrected mask makes its
// findings "AI-assisted, edited", and a damaged record is reported by name.

#include "app/core/AiReviewStore.h"
#include "app/core/ReportModel.h"
#include "app/core/ReportPdf.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace radpath::app;

namespace {

const QDateTime kTime = QDateTime(QDate(2024, 3, 5), QTime(10, 30), Qt::UTC);
const QString kHash = QStringLiteral("0e9c2bcd5fa2aa00112233445566778899aabbccddeeff00112233445566778");

Finding aiFinding(const QString& label, std::optional<double> probability, std::optional<double> volume)
{
    Finding f;
    f.source = FindingSource::Ai;
    f.label = label;
    f.text = QStringLiteral("model result");
    f.model = {QStringLiteral("Demo lesion segmenter"), QStringLiteral("1.2.3"), kHash};
    f.probability = probability;
    f.volumeMl = volume;
    return f;
}

QImage keyImage()
{
    QImage image(200, 150, QImage::Format_RGB32);
    image.fill(Qt::black);
    QPainter p(&image);
    p.setBrush(Qt::yellow);
    p.drawEllipse(60, 40, 80, 60);
    return image;
}

Report sampleReport()
{
    Report r;
    r.setCreatedAt(kTime);
    r.setPseudonym(QStringLiteral("RP-TEST0001"));
    r.setHeader({QStringLiteral("MUSTERMANN, ERIKA"), QStringLiteral("PID-4711"), QDate(1960, 7, 1), QStringLiteral("F"),
                 QDate(2024, 3, 1), QStringLiteral("ACC-99"), QStringLiteral("CT abdomen")});
    r.setClinicianText(QStringLiteral("Two hypodense liver lesions."));
    r.addFinding(aiFinding(QStringLiteral("opacity"), 0.8734, std::nullopt));
    r.addFinding(aiFinding(QStringLiteral("lesion"), std::nullopt, 18.14));
    Finding own;
    own.label = QStringLiteral("cyst");
    own.text = QStringLiteral("simple cyst segment VI");
    r.addFinding(own);
    r.addKeyImage({keyImage(), QStringLiteral("Slice 21 with lesion labels")});
    r.setMeasurements({{QStringLiteral("Length 1"), QStringLiteral("23.4 mm")}});
    r.setSegmentationRows({{QStringLiteral("lesion"), 18.14, 93.7, 17.2, FindingSource::Ai, true}});
    return r;
}

QString pdfText(const QString& pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}); // reading order: a wrapped cell stays together
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    // Undo ligatures the PDF's font made ("ﬁ", "ﬀ").
    return QString::fromUtf8(p.readAllStandardOutput())
        .replace(QChar(0xFB01), QLatin1String("fi"))
        .replace(QChar(0xFB00), QLatin1String("ff"))
        .replace(QChar(0xFB02), QLatin1String("fl"))
        .replace(QRegularExpression(QStringLiteral("[ \\n]+")), QStringLiteral(" ")); // page breaks (\f) kept
}

} // namespace

class ReportTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
    }

    void statusChangesRecordTimeAndUser()
    {
        Report r = sampleReport();
        QCOMPARE(r.pendingAiFindings(), 2);
        QVERIFY(!r.setFindingStatus(0, ReviewStatus::Accepted, QString(), kTime)); // a user is needed
        QVERIFY(!r.setFindingStatus(7, ReviewStatus::Accepted, QStringLiteral("dr.a"), kTime));
        QVERIFY(r.setFindingStatus(0, ReviewStatus::Accepted, QStringLiteral("dr.a"), kTime));
        const Finding& f = r.findings()[0];
        QVERIFY(f.status == ReviewStatus::Accepted);
        QCOMPARE(f.changedBy, QStringLiteral("dr.a"));
        QCOMPARE(f.changedAt, kTime);
        QCOMPARE(f.sourceDisplayName(), QStringLiteral("AI"));

        QVERIFY(r.setFindingStatus(1, ReviewStatus::Edited, QStringLiteral("dr.b"), kTime.addSecs(60),
                                   QStringLiteral("one lesion, 17 mL")));
        const Finding& e = r.findings()[1];
        QVERIFY(e.isAi());
        QVERIFY(e.isAiAssistedEdited());
        QCOMPARE(e.text, QStringLiteral("one lesion, 17 mL"));
        QCOMPARE(e.sourceDisplayName(), QStringLiteral("AI-assisted, edited"));
        QCOMPARE(e.model.weightsSha256, kHash); // provenance kept in full
        QCOMPARE(r.pendingAiFindings(), 0);

        // Accepted after the edit: still AI-assisted and edited, also once stored and read back.
        QVERIFY(r.setFindingStatus(1, ReviewStatus::Accepted, QStringLiteral("dr.c"), kTime.addSecs(90)));
        QVERIFY(r.findings()[1].status == ReviewStatus::Accepted);
        QVERIFY(r.findings()[1].isAiAssistedEdited());
        QCOMPARE(r.findings()[1].text, QStringLiteral("one lesion, 17 mL"));
        QVERIFY(findingFromJson(findingToJson(r.findings()[1])).isAiAssistedEdited());
        QVERIFY(!findingFromJson(findingToJson(r.findings()[0])).isAiAssistedEdited());
    }

    void reviewStoreRecordsAndKeepsReviews()
    {
        const QString dataDir = m_dir.filePath("review-state");
        const QString subject = QStringLiteral("/data/ct-series");
        {
            AiReviewStore store(dataDir);
            QSignalSpy changed(&store, &AiReviewStore::changed);
            QVERIFY(store.findings(subject).empty());
            Finding seeded = aiFinding(QStringLiteral("lesion"), std::nullopt, 18.14);
            seeded.status = ReviewStatus::Accepted; // a run's findings always start pending
            store.addRun(subject, {seeded, aiFinding(QStringLiteral("opacity"), 0.61, std::nullopt)}, "run-1");
            QCOMPARE(changed.count(), 1);
            QCOMPARE(changed.last().first().toString(), subject);
            QCOMPARE(int(store.findings(subject).size()), 2);
            QVERIFY(store.findings(subject)[0].status == ReviewStatus::Pending);
            QVERIFY(store.findings(subject)[0].isAi());
            QCOMPARE(store.findings(subject)[0].run, QStringLiteral("run-1"));
            QVERIFY(!store.findings(subject)[0].id.isEmpty());
            QVERIFY(store.findings(subject)[0].id != store.findings(subject)[1].id);
            QVERIFY(!store.setStatus(subject, 0, ReviewStatus::Accepted, QString(), kTime)); // no user
            QVERIFY(!store.setStatus(subject, 2, ReviewStatus::Accepted, QStringLiteral("dr.a"), kTime));
            QVERIFY(store.setStatus(subject, 1, ReviewStatus::Rejected, QStringLiteral("dr.a"), kTime));
            QCOMPARE(changed.count(), 2);
            QVERIFY(QFile::exists(store.pathFor(subject)));
            QVERIFY(!store.pathFor(subject).contains(QStringLiteral("ct-series"))); // no names in file names
        }
        // A new session reads the record back.
        AiReviewStore store(dataDir);
        const std::vector<Finding>& read = store.findings(subject);
        QCOMPARE(int(read.size()), 2);
        QVERIFY(read[0].status == ReviewStatus::Pending);
        QVERIFY(read[1].status == ReviewStatus::Rejected);
        QCOMPARE(read[1].changedBy, QStringLiteral("dr.a"));
        QCOMPARE(read[1].changedAt, kTime);
        QCOMPARE(read[0].model.weightsSha256, kHash);
        QVERIFY(store.findings(QStringLiteral("/data/other")).empty());

        // The model runs again: its pending finding is replaced, the rejected one stays.
        store.addRun(subject, {aiFinding(QStringLiteral("lesion"), std::nullopt, 20.5)}, "run-2");
        const std::vector<Finding>& rerun = store.findings(subject);
        QCOMPARE(int(rerun.size()), 2);
        QVERIFY(rerun[0].status == ReviewStatus::Rejected);
        QCOMPARE(*rerun[1].volumeMl, 20.5);

        // The first run's mask is gone with its pending finding: editing it changes nothing.
        QCOMPARE(store.markMaskEdited(subject, QStringLiteral("run-1"), QStringLiteral("dr.b"), kTime), 0);
        // The second run's mask is corrected by hand: its finding becomes AI-assisted, edited, once.
        QCOMPARE(store.markMaskEdited(subject, QStringLiteral("run-2"), QStringLiteral("dr.b"), kTime.addSecs(120)), 1);
        QVERIFY(store.findings(subject)[1].isAiAssistedEdited());
        QCOMPARE(store.findings(subject)[1].changedBy, QStringLiteral("dr.b"));
        QCOMPARE(store.findings(subject)[1].text, QStringLiteral("model result, corrected by hand"));
        QVERIFY(store.findings(subject)[0].status == ReviewStatus::Rejected); // no volume: untouched
        QCOMPARE(store.markMaskEdited(subject, QStringLiteral("run-2"), QStringLiteral("dr.b"), kTime), 0);
        QCOMPARE(store.markMaskEdited(subject, QString(), QStringLiteral("dr.b"), kTime), 0);
        // Reviews by id: the finding, wherever it now stands in the list.
        const QString id = store.findings(subject)[1].id;
        QVERIFY(store.setStatusOf(subject, id, ReviewStatus::Accepted, QStringLiteral("dr.c"), kTime.addSecs(180)));
        QVERIFY(store.findings(subject)[1].status == ReviewStatus::Accepted);
        QVERIFY(store.findings(subject)[1].isAiAssistedEdited());
        QVERIFY(!store.setStatusOf(subject, QStringLiteral("no-such-id"), ReviewStatus::Accepted, QStringLiteral("dr.c"), kTime));
        QVERIFY(!store.setStatusOf(subject, QString(), ReviewStatus::Accepted, QStringLiteral("dr.c"), kTime));
    }

    void damagedReviewRecordIsNamed()
    {
        const QString dataDir = m_dir.filePath("review-damaged");
        const QString subject = QStringLiteral("/data/slide.svs");
        AiReviewStore writer(dataDir);
        const QString path = writer.pathFor(subject);
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format_version\": 1, \"subject\": \"/data/slide.svs\", \"findings\": [{\"source\": \"robot\"}]}");
        file.close();
        AiReviewStore store(dataDir);
        QSignalSpy failed(&store, &AiReviewStore::failed);
        QVERIFY(store.findings(subject).empty());
        QCOMPARE(failed.count(), 1);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QDir::toNativeSeparators(path)) && message.contains(QStringLiteral("robot")),
                 qPrintable(message));
        // The damaged record is kept aside, and a new review does not overwrite it.
        QVERIFY(QFile::exists(path + QStringLiteral(".unreadable")));
        store.addRun(subject, {aiFinding(QStringLiteral("tumour"), 0.9, std::nullopt)});
        QFile aside(path + QStringLiteral(".unreadable"));
        QVERIFY(aside.open(QIODevice::ReadOnly));
        QVERIFY(aside.readAll().contains("robot"));
        QVERIFY(QFile::exists(path)); // the new record
    }

    void defaultPathsNeverCollide()
    {
        Report a, b;
        QVERIFY(a.defaultPath("/data") != b.defaultPath("/data")); // no study: by pseudonym
        QVERIFY(a.defaultPath("/data").startsWith(QStringLiteral("/data/reports/")));
        QVERIFY(a.setStudyInstanceUid(QStringLiteral("1.2.826.0.1.3680043.2.1125.1")));
        QVERIFY(b.setStudyInstanceUid(QStringLiteral("1.2.826.0.1.3680043.2.1125.1")));
        QCOMPARE(a.defaultPath("/data"), QStringLiteral("/data/reports/1.2.826.0.1.3680043.2.1125.1.report.json"));
        QCOMPARE(a.defaultPath("/data"), b.defaultPath("/data")); // one report per study
    }

    void signLocksAndAddendaFollow()
    {
        Report r = sampleReport();
        QVERIFY(!r.addAddendum(QStringLiteral("too early"), QStringLiteral("dr.a"), kTime));
        QVERIFY(!r.sign(QStringLiteral("dr.a"), kTime)); // AI findings still pending
        r.setFindingStatus(0, ReviewStatus::Accepted, QStringLiteral("dr.a"), kTime);
        r.setFindingStatus(1, ReviewStatus::Rejected, QStringLiteral("dr.a"), kTime);
        QVERIFY(!r.sign(QStringLiteral("  "), kTime));
        QVERIFY(r.sign(QStringLiteral("dr.a"), kTime));
        QVERIFY(r.isSigned());
        QVERIFY(!r.sign(QStringLiteral("dr.b"), kTime));

        QVERIFY(!r.setClinicianText(QStringLiteral("changed")));
        QVERIFY(!r.addFinding(Finding{}));
        QVERIFY(!r.setFindingStatus(0, ReviewStatus::Rejected, QStringLiteral("dr.a"), kTime));
        QVERIFY(!r.addKeyImage({keyImage(), QString()}));
        QVERIFY(!r.setHeader({}));
        QCOMPARE(r.clinicianText(), QStringLiteral("Two hypodense liver lesions."));
        QVERIFY(r.findings()[0].status == ReviewStatus::Accepted);

        QVERIFY(r.addAddendum(QStringLiteral("Lesion 2 confirmed by MRI."), QStringLiteral("dr.b"), kTime.addDays(1)));
        QCOMPARE(int(r.addenda().size()), 1);
        QCOMPARE(r.addenda()[0].user, QStringLiteral("dr.b"));
        QCOMPARE(r.addenda()[0].time, kTime.addDays(1));
    }

    void jsonRoundTripKeepsTheLock()
    {
        Report r = sampleReport();
        r.setFindingStatus(0, ReviewStatus::Accepted, QStringLiteral("dr.a"), kTime);
        r.setFindingStatus(1, ReviewStatus::Edited, QStringLiteral("dr.a"), kTime, QStringLiteral("edited text"));
        QVERIFY(r.sign(QStringLiteral("dr.a"), kTime));
        QVERIFY(r.addAddendum(QStringLiteral("later"), QStringLiteral("dr.a"), kTime.addDays(2)));
        const QString path = m_dir.filePath(QStringLiteral("data/reports/study.report.json"));
        QString error;
        QVERIFY2(r.save(path, &error), qPrintable(error));

        const std::optional<Report> back = Report::load(path, &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(back->isSigned());
        QCOMPARE(back->signedBy(), QStringLiteral("dr.a"));
        QCOMPARE(back->signedAt(), kTime);
        QVERIFY(!back->findings()[1].text.isEmpty());
        QVERIFY(back->findings()[1].isAiAssistedEdited());
        QCOMPARE(back->findings()[1].model.weightsSha256, kHash);
        QCOMPARE(*back->findings()[0].probability, 0.8734);
        QCOMPARE(back->findings()[0].changedAt, kTime);
        QCOMPARE(back->header().birthDate, QDate(1960, 7, 1));
        QCOMPARE(back->keyImages()[0].image.size(), QSize(200, 150));
        QVERIFY(back->segmentationRows()[0].edited);
        QCOMPARE(int(back->addenda().size()), 1);
        Report reopened = *back;
        QVERIFY(!reopened.setClinicianText(QStringLiteral("sneaky")));
        QVERIFY(reopened.addAddendum(QStringLiteral("second"), QStringLiteral("dr.c"), kTime.addDays(3)));

        QFile bad(m_dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"format\": \"something else\"}");
        bad.close();
        QVERIFY(!Report::load(bad.fileName(), &error));
        QVERIFY(error.contains(QStringLiteral("bad.json")));
    }

    void pdfHoldsFindingsProvenanceAndSignOff()
    {
        Report r = sampleReport();
        r.setFindingStatus(0, ReviewStatus::Accepted, QStringLiteral("dr.a"), kTime);
        r.setFindingStatus(1, ReviewStatus::Edited, QStringLiteral("dr.a"), kTime, QStringLiteral("one lesion"));
        QVERIFY(r.sign(QStringLiteral("Dr. Signing"), kTime));
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        QString error;
        QVERIFY2(writeReportPdf(r, pdf, {}, &error), qPrintable(error));
        const QString text = pdfText(pdf);
        QVERIFY2(!text.isEmpty(), "pdftotext gave nothing");
        for (const QString& expected :
             {QStringLiteral("MUSTERMANN, ERIKA"), QStringLiteral("PID-4711"), QStringLiteral("1960-07-01"),
              QStringLiteral("ACC-99"), QStringLiteral("Demo lesion segmenter 1.2.3"), kHash.left(12),
              QStringLiteral("p = 0.873"), QStringLiteral("18.14 mL"), QStringLiteral("AI-assisted, edited"),
              QStringLiteral("Length 1"), QStringLiteral("23.4 mm"), QStringLiteral("93.7 ± 17.2"),
              QStringLiteral("Signed by Dr. Signing"), QStringLiteral("simple cyst segment VI")})
            QVERIFY2(text.contains(expected), qPrintable(expected));
        QVERIFY(!text.contains(kHash)); // a prefix in the PDF, the whole hash in the data

        // The statement in every page's footer (+1 in the body).
        const int pages = text.count(QChar('\f'));
        QVERIFY(pages >= 1);
        const QString statement = aiDecisionSupportStatement().left(40);
        QCOMPARE(text.count(statement), pages + 1);

        // Page 1 drawn: a PNG that is not blank.
        const QString prefix = m_dir.filePath(QStringLiteral("page"));
        QProcess ppm;
        ppm.start(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"),
                                               QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                               QStringLiteral("1"), pdf, prefix});
        QVERIFY(ppm.waitForFinished(60000) && ppm.exitCode() == 0);
        const QStringList pngs = QDir(m_dir.path()).entryList({QStringLiteral("page*.png")});
        QCOMPARE(pngs.size(), 1);
        const QString png = m_dir.filePath(pngs.first());
        const QImage page(png);
        QVERIFY(page.width() > 400 && page.height() > 600); // A4 at 60 dpi: 496 x 702
        int dark = 0, yellow = 0;
        for (int y = 0; y < page.height(); y += 2)
            for (int x = 0; x < page.width(); x += 2) {
                const QColor c = page.pixelColor(x, y);
                dark += c.lightness() < 100;
                yellow += c.red() > 200 && c.green() > 200 && c.blue() < 80;
            }
        QVERIFY2(dark > 500, "page 1 is blank");
        QVERIFY2(yellow > 20, "the key image is missing");
        if (const QByteArray dir = qgetenv("RADPATH_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QDir().mkpath(QString::fromLocal8Bit(dir));
            const QString copy = QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("report-page1.png"));
            QFile::remove(copy);
            QFile::copy(png, copy);
        }
    }

    void deidentifiedPdfShowsOnlyThePseudonym()
    {
        Report r = sampleReport();
        const QString pdf = m_dir.filePath(QStringLiteral("deid.pdf"));
        ReportRenderOptions options;
        options.deidentified = true;
        QString error;
        QVERIFY2(writeReportPdf(r, pdf, options, &error), qPrintable(error));
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("RP-TEST0001")));
        QVERIFY(text.contains(QStringLiteral("Draft: not signed")));
        for (const QString& hidden : {QStringLiteral("MUSTERMANN"), QStringLiteral("PID-4711"), QStringLiteral("1960"),
                                      QStringLiteral("2024"), QStringLiteral("ACC-99")})
            QVERIFY2(!text.contains(hidden), qPrintable(hidden));
        QVERIFY(text.contains(QStringLiteral("p = 0.873")));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(ReportTest)
#include "ReportTest.moc"

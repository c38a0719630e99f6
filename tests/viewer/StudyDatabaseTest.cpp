// The local study database: import, incremental re-import, search, series files in order.

#include "viewer/db/StudyDatabase.h"
#include "viewer/demo/CtPhantom.h"
#include "viewer/demo/DxPhantom.h"
#include "viewer/io/DicomDxWriter.h"
#include "viewer/io/DicomSeriesWriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace radpath::viewer;

class StudyDatabaseTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        CtPhantomSpec spec;
        spec.size = 32;
        spec.slices = 12;
        spec.pixelMm = 6;
        spec.sliceMm = 5;
        spec.lesionRadiusMm = 10;
        DicomSeriesMeta ct;
        ct.patientName = "M\xc3\xbcller^Anna"; // UTF-8 in, ISO_IR 192 in the files
        ct.patientId = "P-1";
        ct.studyDate = "20240105";
        ct.studyDescription = "CT abdomen";
        m_ctSeries = QString::fromStdString(
            writeCtSeries(makeCtPhantom(spec).volume, m_dir.filePath("in/ct").toStdString(), ct).seriesInstanceUid);
        ChestSpec chest;
        chest.width = 64;
        chest.height = 64;
        DicomSeriesMeta dx;
        dx.patientName = "Smith^Bob";
        dx.patientId = "P-2";
        dx.studyDate = "20230711";
        dx.studyDescription = "Chest";
        QDir().mkpath(m_dir.filePath("in/dx"));
        writeDxImage(makeChestImage(chest), 0.5, {}, m_dir.filePath("in/dx/chest.dcm").toStdString(), dx);
        QFile junk(m_dir.filePath("in/readme.txt"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not DICOM");
    }

    void importsStudiesSeriesAndInstances()
    {
        StudyDatabase db(m_dir.filePath("studies.sqlite"));
        const ImportResult r = db.import(m_dir.filePath("in"));
        QCOMPARE(r.filesSeen, 14);
        QCOMPARE(r.filesRead, 14);
        QCOMPARE(r.instancesAdded, 13);
        QCOMPARE(db.instanceCount(), 13);
        const auto all = db.studies();
        QCOMPARE(all.size(), size_t(2));
        QCOMPARE(all[0].date, QStringLiteral("20240105")); // newest first
        QCOMPARE(all[0].patientName, QString::fromUtf8("Müller^Anna"));
        QCOMPARE(all[0].series.size(), size_t(1));
        QCOMPARE(all[0].series[0].images, 12);
        QCOMPARE(all[0].series[0].seriesUid, m_ctSeries);
        QCOMPARE(all[1].modalities, QStringList({"DX"}));
    }

    void reimportReadsOnlyWhatChanged()
    {
        StudyDatabase db(m_dir.filePath("studies.sqlite"));
        ImportResult again = db.import(m_dir.filePath("in"));
        QCOMPARE(again.filesRead, 0); // nothing changed, the text file included
        QCOMPARE(again.instancesAdded, 0);
        QCOMPARE(db.instanceCount(), 13);
        // A changed file is read again, and stays one instance.
        QFile dx(m_dir.filePath("in/dx/chest.dcm"));
        QVERIFY(dx.open(QIODevice::ReadWrite));
        QVERIFY(dx.setFileTime(QDateTime::currentDateTime().addSecs(5), QFileDevice::FileModificationTime));
        dx.close();
        again = db.import(m_dir.filePath("in"));
        QCOMPARE(again.filesRead, 1);
        QCOMPARE(again.instancesAdded, 1);
        QCOMPARE(db.instanceCount(), 13);
    }

    void searchFindsByNameIdDateAndModality()
    {
        StudyDatabase db(m_dir.filePath("studies.sqlite"));
        QCOMPARE(db.studies(QString::fromUtf8("müller")).size(), size_t(1));
        QCOMPARE(db.studies("P-2").size(), size_t(1));
        QCOMPARE(db.studies("2023").size(), size_t(1));
        QCOMPARE(db.studies("DX").front().patientId, QStringLiteral("P-2"));
        QCOMPARE(db.studies("abdomen").front().patientId, QStringLiteral("P-1"));
        QCOMPARE(db.studies("nobody").size(), size_t(0));
    }

    void seriesFilesAreInSliceOrder()
    {
        StudyDatabase db(m_dir.filePath("studies.sqlite"));
        const QStringList files = db.seriesFiles(m_ctSeries);
        QCOMPARE(files.size(), 12);
        QVERIFY(files.first().endsWith("CT000001.dcm"));
        QVERIFY(files.last().endsWith("CT000012.dcm"));
    }

private:
    QTemporaryDir m_dir;
    QString m_ctSeries;
};

QTEST_GUILESS_MAIN(StudyDatabaseTest)
#include "StudyDatabaseTest.moc"

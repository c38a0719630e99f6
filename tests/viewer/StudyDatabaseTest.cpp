// The local study database: import, incremental re-import, search, series files in order,
// series thumbnails, measurements, and upgrading files written by older versions.

#include "viewer/db/SeriesThumbnail.h"
#include "viewer/db/StudyDatabase.h"
#include "viewer/demo/CtPhantom.h"
#include "viewer/demo/DxPhantom.h"
#include "viewer/io/DicomDxWriter.h"
#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/io/IoError.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cstdint>

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
        m_ct = makeCtPhantom(spec).volume;
        m_ctSeries = QString::fromStdString(writeCtSeries(m_ct, m_dir.filePath("in/ct").toStdString(), ct).seriesInstanceUid);
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
        QCOMPARE(db.schemaVersion(), StudyDatabase::kSchemaVersion);
        const ImportResult r = db.import(m_dir.filePath("in"));
        m_madeAtImport = madeTimes();
        QCOMPARE(m_madeAtImport.size(), 2);
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
        // Both series got a thumbnail, and the records carry it.
        QCOMPARE(r.thumbnailsMade, 2);
        QCOMPARE(r.thumbnailErrors, QStringList());
        QCOMPARE(all[0].series[0].thumbnail.size(), QSize(kThumbnailSize, kThumbnailSize));
        QVERIFY(!all[1].series[0].thumbnail.isNull());
    }

    void thumbnailShowsTheMiddleSliceWindowed()
    {
        StudyDatabase db(m_dir.filePath("studies.sqlite"));
        const QImage thumb = db.thumbnail(m_ctSeries);
        QCOMPARE(thumb.size(), QSize(64, 64));
        QCOMPARE(thumb.format(), QImage::Format_Grayscale8);
        QVERIFY(db.thumbnail("1.2.3.not.imported").isNull());
        // The middle of 12 slices along the normal is slice 6; the spine is the brightest
        // structure there: find the 2x2 voxels that are brightest at their darkest.
        const int k = 6, n = m_ct.geometry().size[0];
        int bestI = 0, bestJ = 0;
        double best = -1e9;
        for (int j = 0; j + 1 < n; ++j)
            for (int i = 0; i + 1 < n; ++i) {
                double lowest = 1e9;
                for (int dj = 0; dj <= 1; ++dj)
                    for (int di = 0; di <= 1; ++di)
                        lowest = std::min(lowest, m_ct.valueAt(i + di, j + dj, k));
                if (lowest > best) {
                    best = lowest;
                    bestI = i;
                    bestJ = j;
                }
            }
        QVERIFY2(best > 600, "the phantom's spine should be bone");
        // 32 square pixels fill 64: voxel (i, j) covers thumbnail pixels 2i..2i+1, so pixel
        // (2i+2, 2j+2) lies between the four bone voxels and is made of them alone.
        const int bone = qGray(thumb.pixel(2 * bestI + 2, 2 * bestJ + 2));
        const int air = qGray(thumb.pixel(1, 1)); // corner voxel: air, -1000 HU
        QVERIFY2(bone > 220, qPrintable(QString::number(bone))); // above the soft-tissue window (40/400)
        QVERIFY2(air < 10, qPrintable(QString::number(air)));
        // Soft tissue at 40 HU sits mid-window: somewhere in the body is mid-grey.
        bool midGrey = false;
        for (int y = 0; y < 64 && !midGrey; ++y)
            for (int x = 0; x < 64 && !midGrey; ++x)
                midGrey = std::abs(qGray(thumb.pixel(x, y)) - 128) < 25;
        QVERIFY(midGrey);
    }

    void reimportReadsOnlyWhatChanged()
    {
        StudyDatabase db(m_dir.filePath("studies.sqlite"));
        const QImage ctBefore = db.thumbnail(m_ctSeries);
        ImportResult again = db.import(m_dir.filePath("in"));
        QCOMPARE(again.filesRead, 0); // nothing changed, the text file included
        QCOMPARE(again.instancesAdded, 0);
        QCOMPARE(again.thumbnailsMade, 0); // unchanged series keep their thumbnails
        QCOMPARE(madeTimes(), m_madeAtImport);
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
        // Only the changed series gets a new thumbnail.
        QCOMPARE(again.thumbnailsMade, 1);
        const QList<qint64> made = madeTimes();
        QCOMPARE(made.size(), 2);
        // Rows are in series order: at most the DX row was remade (its new time may fall in
        // the same millisecond as the old one), never the CT row.
        int remade = 0;
        for (int i = 0; i < made.size(); ++i)
            remade += made[i] != m_madeAtImport[i] ? 1 : 0;
        QVERIFY(remade <= 1);
        QCOMPARE(db.thumbnail(m_ctSeries), ctBefore);
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

    void rendersGreyInvertedAndLetterboxed()
    {
        // 40 x 20 pixels, left half 0 and right half 1000: a 64 x 32 band in the middle.
        ImageGeometry g;
        g.size = {40, 20, 1};
        Volume v(PixelType::UInt16, g);
        for (int j = 0; j < 20; ++j)
            for (int i = 20; i < 40; ++i)
                v.voxels<std::uint16_t>()[v.linearIndex(i, j, 0)] = 1000;
        QImage t = renderThumbnail(v, 0);
        QCOMPARE(t.size(), QSize(64, 64));
        QCOMPARE(qGray(t.pixel(8, 32)), 0);
        QCOMPARE(qGray(t.pixel(56, 32)), 255);
        QCOMPARE(qGray(t.pixel(56, 8)), 0); // letterbox above the band
        QCOMPARE(qGray(t.pixel(56, 20)), 255); // band starts at row 16
        // MONOCHROME1: higher values darker; the letterbox stays black.
        v.info().invertedGrey = true;
        t = renderThumbnail(v, 0);
        QCOMPARE(qGray(t.pixel(8, 32)), 255);
        QCOMPARE(qGray(t.pixel(56, 32)), 0);
        QCOMPARE(qGray(t.pixel(8, 8)), 0);
        // The first window preset wins over the range: 450..550 puts 500 mid-grey.
        v.info().invertedGrey = false;
        v.info().windowPresets = {{"narrow", 500, 100}, {"wide", 500, 4000}};
        for (int j = 5; j < 15; ++j)
            for (int i = 0; i < 10; ++i)
                v.voxels<std::uint16_t>()[v.linearIndex(i, j, 0)] = 500;
        t = renderThumbnail(v, 0);
        QVERIFY2(std::abs(qGray(t.pixel(8, 32)) - 128) <= 2, qPrintable(QString::number(qGray(t.pixel(8, 32)))));
        QCOMPARE(qGray(t.pixel(56, 20)), 255);
        // Pixel spacing counts: 20 x 40 pixels of 2 x 1 mm are square and fill the thumbnail.
        g.size = {20, 40, 1};
        g.spacing = {2.0, 1.0, 1.0};
        Volume tall(PixelType::Int16, g);
        std::fill_n(tall.voxels<std::int16_t>(), 800, std::int16_t(100));
        tall.voxels<std::int16_t>()[0] = 0;
        t = renderThumbnail(tall, 0);
        QCOMPARE(qGray(t.pixel(32, 1)), 255);
        QCOMPARE(qGray(t.pixel(1, 62)), 255);
        QVERIFY(renderThumbnail(tall, 1).isNull()); // no such slice
    }

    void rendersColourAsColour()
    {
        ImageGeometry g;
        g.size = {10, 10, 1};
        Volume rgb(PixelType::UInt8, g, 3);
        for (int i = 0; i < 100; ++i) {
            rgb.voxels<std::uint8_t>()[3 * i] = 200;
            rgb.voxels<std::uint8_t>()[3 * i + 1] = 30;
            rgb.voxels<std::uint8_t>()[3 * i + 2] = 90;
        }
        const QImage t = renderThumbnail(rgb, 0);
        QCOMPARE(t.format(), QImage::Format_RGB32);
        QCOMPARE(QColor(t.pixel(32, 32)), QColor(200, 30, 90));
    }

    void measurementsRoundTripAndReplace()
    {
        const QString file = m_dir.filePath("studies.sqlite");
        const QByteArray first = QByteArrayLiteral(R"({"measurements":[{"type":"line","label":"L\u00e4nge 1"}]})");
        const QByteArray second = QString::fromUtf8(R"({"measurements":[{"type":"angle","label":"Winkel ü"}]})").toUtf8();
        const QString neverImported = QStringLiteral("1.2.826.0.1.3680043.2.1125.99");
        {
            StudyDatabase db(file);
            QVERIFY(db.measurements(m_ctSeries).isEmpty());
            db.saveMeasurements(m_ctSeries, first);
            QCOMPARE(db.measurements(m_ctSeries), first);
            db.saveMeasurements(m_ctSeries, second); // replaces, does not append
            QCOMPARE(db.measurements(m_ctSeries), second);
            db.saveMeasurements(neverImported, first); // no series row needed
            QCOMPARE(db.measurements(neverImported), first);
            QCOMPARE(db.studies().size(), size_t(2)); // and none is made up
            QVERIFY_THROWS_EXCEPTION(IoError, db.saveMeasurements(QString(), first));
        }
        {
            StudyDatabase reopened(file);
            QCOMPARE(reopened.measurements(m_ctSeries), second);
            QCOMPARE(reopened.measurements(neverImported), first);
            reopened.saveMeasurements(neverImported, {}); // empty removes
            QVERIFY(reopened.measurements(neverImported).isEmpty());
        }
        QCOMPARE(StudyDatabase(file).measurements(m_ctSeries), second);
    }

    void upgradesOlderDatabasesAndRefusesNewer()
    {
        // A file as version 1 wrote it: no thumbnail or measurement tables, user_version 0.
        const QString file = m_dir.filePath("old.sqlite");
        StudyDatabase(file).import(m_dir.filePath("in/ct"));
        rawExec(file, {"DROP TABLE thumbnails", "DROP TABLE measurements", "PRAGMA user_version = 0"});
        {
            StudyDatabase db(file);
            QCOMPARE(db.schemaVersion(), 2);
            QVERIFY(db.thumbnail(m_ctSeries).isNull());
            db.saveMeasurements(m_ctSeries, "{}");
            // Re-importing reads nothing, but makes the missing thumbnail once.
            ImportResult r = db.import(m_dir.filePath("in/ct"));
            QCOMPARE(r.filesRead, 0);
            QCOMPARE(r.thumbnailsMade, 1);
            QCOMPARE(db.thumbnail(m_ctSeries).size(), QSize(64, 64));
            r = db.import(m_dir.filePath("in/ct"));
            QCOMPARE(r.thumbnailsMade, 0);
        }
        rawExec(file, {"PRAGMA user_version = 99"});
        try {
            StudyDatabase newer(file);
            QFAIL("a newer schema must be refused");
        } catch (const IoError& e) {
            QCOMPARE(QString::fromStdString(e.path()), file);
            QVERIFY(QString::fromUtf8(e.what()).contains("newer RadPath"));
        }
    }

private:
    // When each stored thumbnail was made, in series order.
    QList<qint64> madeTimes() const
    {
        QList<qint64> times;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "inspect");
            db.setDatabaseName(m_dir.filePath("studies.sqlite"));
            if (db.open()) {
                QSqlQuery q("SELECT made FROM thumbnails ORDER BY series", db);
                while (q.next())
                    times << q.value(0).toLongLong();
            }
        }
        QSqlDatabase::removeDatabase("inspect");
        return times;
    }
    static void rawExec(const QString& file, const QStringList& statements)
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "raw");
            db.setDatabaseName(file);
            QVERIFY(db.open());
            for (const QString& sql : statements) {
                QSqlQuery q(db);
                QVERIFY2(q.exec(sql), qPrintable(sql));
            }
        }
        QSqlDatabase::removeDatabase("raw");
    }

    QTemporaryDir m_dir;
    QString m_ctSeries;
    Volume m_ct;
    QList<qint64> m_madeAtImport;
};

QTEST_GUILESS_MAIN(StudyDatabaseTest)
#include "StudyDatabaseTest.moc"

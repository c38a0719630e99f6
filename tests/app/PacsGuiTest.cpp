// The PACS in the GUI against a real Orthanc: the settings page's Test connection, the
// Query/Retrieve dialog (search, series, C-GET and C-MOVE into the study database, the open
// request for the first series), Send from the Studies dock, de-identified export, and the
// keyring-unavailable path (no secret in the settings file without the explicit checkbox).
// RADPATH_SCREENSHOT_DIR set: the query dialog with its results and the PACS settings page
// are saved there.

#include "GuiTestSupport.h"
#include "OrthancFixture.h"

#include "app/core/AppSettings.h"
#include "app/core/JobRunner.h"
#include "app/core/PacsNodeStore.h"
#include "app/core/PacsSecretStore.h"
#include "app/gui/DeidentifyExportDialog.h"
#include "app/gui/JobsDock.h"
#include "app/gui/PacsController.h"
#include "app/gui/PacsNodeEditor.h"
#include "app/gui/PacsQueryDialog.h"
#include "app/gui/PacsSendDialog.h"
#include "app/gui/PacsSettingsPage.h"
#include "app/gui/SettingsDialog.h"
#include "app/gui/StudyBrowserDock.h"
#include "viewer/db/StudyDatabase.h"
#include "viewer/demo/CtPhantom.h"
#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/net/DimseClient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <memory>

using namespace radpath;
using radpath::test::OrthancFixture;

using radpath::test::saveScreenshot;

namespace {

constexpr int kSlices = 12;
constexpr int kWaitMs = 60000;
const char* const kPatientId = "RP-GUI-0001";

template <class T> T* child(QObject& parent, const char* name)
{
    T* found = parent.findChild<T*>(QLatin1String(name));
    if (!found)
        qWarning("no %s", name);
    return found;
}

void click(QWidget* widget)
{
    QVERIFY(widget);
    QVERIFY2(widget->isEnabled(), qPrintable(widget->objectName()));
    QTest::mouseClick(widget, Qt::LeftButton);
}

QString dicomText(DcmDataset* ds, const DcmTagKey& tag)
{
    OFString value;
    ds->findAndGetOFStringArray(tag, value);
    return QString::fromLatin1(value.c_str());
}

} // namespace

class PacsGuiTest : public QObject {
    Q_OBJECT

    QString settingsFileText() const
    {
        QFile file(m_settings->settingsFile());
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    // Closes the message boxes a step left open.
    void closeMessages()
    {
        for (QMessageBox* box : m_window->findChildren<QMessageBox*>())
            box->close();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

private slots:
    void initTestCase()
    {
        // No keyring service whatever this machine has: the session-only path is what is tested.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/radpath-test-bus");
        QVERIFY(m_dir.isValid());
        m_orthanc = std::make_unique<OrthancFixture>();
        QString error;
        QVERIFY2(m_orthanc->start(&error), qPrintable(error));

        // A small CT, stored into Orthanc with C-STORE.
        viewer::CtPhantomSpec spec;
        spec.size = 48;
        spec.slices = kSlices;
        spec.pixelMm = 4;
        spec.sliceMm = 5;
        viewer::DicomSeriesMeta meta;
        meta.patientName = "RADPATH^GUI";
        meta.patientId = kPatientId;
        meta.studyDate = "20260115";
        meta.studyDescription = "RadPath GUI test";
        meta.seriesDescription = "CT phantom";
        const QString ct = m_dir.filePath("ct");
        meta = viewer::writeCtSeries(viewer::makeCtPhantom(spec).volume, ct.toStdString(), meta);
        m_studyUid = QString::fromStdString(meta.studyInstanceUid);
        m_seriesUid = QString::fromStdString(meta.seriesInstanceUid);
        std::vector<std::string> files;
        for (const QString& name : QDir(ct).entryList(QDir::Files, QDir::Name))
            files.push_back(QDir(ct).filePath(name).toStdString());
        viewer::net::PacsNode node;
        node.aeTitle = "ORTHANC";
        node.host = "127.0.0.1";
        node.port = m_orthanc->dicomPort();
        try {
            QCOMPARE(viewer::net::DimseClient(node).store(files).completed, kSlices);
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }

        // RadPath as Orthanc knows it, and Orthanc as a node.
        m_settings = std::make_unique<app::AppSettings>(m_dir.filePath("data"));
        app::PacsNodeStore store(m_settings->store());
        app::PacsLocalIdentity identity;
        identity.aeTitle = QStringLiteral("RADPATH");
        identity.storagePort = m_orthanc->radpathPort();
        store.setLocalIdentity(identity);
        app::PacsNodeConfig orthanc = app::PacsNodeStore::newNode();
        orthanc.name = QStringLiteral("Orthanc");
        orthanc.aeTitle = QStringLiteral("ORTHANC");
        orthanc.host = QStringLiteral("127.0.0.1");
        orthanc.port = m_orthanc->dicomPort();
        store.setNodes({orthanc});
        store.setLastNodeId(orthanc.id);
        m_nodeId = orthanc.id;

        m_jobs = std::make_unique<app::JobRunner>(2);
        m_window = std::make_unique<QWidget>();
        m_window->resize(400, 300);
        m_studies = new app::StudyBrowserDock(*m_jobs, *m_settings, m_window.get());
        m_jobsDock = new app::JobsDock(*m_jobs, m_window.get());
        m_pacs =
            new app::PacsController(*m_jobs, *m_settings, *m_studies, m_window.get(), QStringLiteral("RadPathTest"));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        closeMessages();
        m_jobs->cancelAll();
        m_jobs->waitForDone(30000);
        m_window.reset();
        m_jobs.reset();
        m_orthanc.reset();
    }

    void testConnectionShowsTheResult()
    {
        app::SettingsDialog dialog(*m_settings, m_window.get());
        app::PacsSettingsPage* page = m_pacs->addSettingsPage(dialog);
        dialog.showPage(page);
        dialog.resize(820, 640);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(page->nodeList()->count(), 1);
        QCOMPARE(page->nodeList()->currentRow(), 0);
        QCOMPARE(child<QLineEdit>(dialog, "pacsAeTitle")->text(), QStringLiteral("ORTHANC"));
        QCOMPARE(child<QLineEdit>(dialog, "pacsLocalAeTitle")->text(), QStringLiteral("RADPATH"));
        // TLS: the certificate fields show only while it is ticked.
        auto* tls = child<QCheckBox>(dialog, "pacsTls");
        QVERIFY(tls->isEnabled());
        QVERIFY(!tls->isChecked());
        QVERIFY(!child<QLineEdit>(dialog, "pacsTlsCa")->isVisible());
        tls->setChecked(true);
        QVERIFY(child<QLineEdit>(dialog, "pacsTlsCa")->isVisible());
        QVERIFY(child<QLineEdit>(dialog, "pacsTlsKey")->isVisible());
        QVERIFY(page->editor()->node().tls);
        tls->setChecked(false);
        QVERIFY(!page->editor()->node().tls);

        QSignalSpy tested(page->editor(), &app::PacsNodeEditor::testFinished);
        click(child<QPushButton>(dialog, "pacsTestConnection"));
        QVERIFY(tested.wait(kWaitMs));
        QCOMPARE(tested.last().at(0).toBool(), true);
        auto* result = child<QLabel>(dialog, "pacsTestResult");
        QVERIFY2(result->text().startsWith(QLatin1String("Connection works: ORTHANC at 127.0.0.1:")),
                 qPrintable(result->text()));
        saveScreenshot(dialog, "pacs-settings");

        // A port nobody listens on: a clear failure, inline.
        child<QSpinBox>(dialog, "pacsPort")->setValue(OrthancFixture::freeLoopbackPort());
        click(child<QPushButton>(dialog, "pacsTestConnection"));
        QVERIFY(tested.wait(kWaitMs));
        QCOMPARE(tested.last().at(0).toBool(), false);
        QVERIFY2(result->text().startsWith(QLatin1String("Connection failed: cannot connect to 127.0.0.1:")) &&
                     result->text().endsWith(QLatin1String("connection refused")),
                 qPrintable(result->text()));
        dialog.reject(); // the wrong port is not saved
        QCOMPARE(app::PacsNodeStore(m_settings->store()).node(m_nodeId)->port, m_orthanc->dicomPort());
    }

    void searchAndRetrieve()
    {
        app::PacsQueryDialog* dialog = m_pacs->queryDialog();
        m_pacs->showQueryDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(child<QComboBox>(*dialog, "pacsNode")->currentData().toString(), m_nodeId);

        QTest::keyClicks(child<QLineEdit>(*dialog, "pacsPatientId"), QLatin1String(kPatientId));
        QSignalSpy searched(dialog, &app::PacsQueryDialog::searchFinished);
        click(child<QPushButton>(*dialog, "pacsSearch"));
        QVERIFY(searched.wait(kWaitMs));
        QVERIFY2(searched.first().at(0).toBool(), qPrintable(searched.first().at(1).toString()));

        QTableWidget* studies = dialog->studyTable();
        QCOMPARE(studies->rowCount(), 1);
        QCOMPARE(studies->item(0, 0)->text(), QStringLiteral("RADPATH, GUI"));
        QCOMPARE(studies->item(0, 1)->text(), QLatin1String(kPatientId));
        QCOMPARE(studies->item(0, 2)->text(), QStringLiteral("2026-01-15"));
        QCOMPARE(studies->item(0, 3)->text(), QStringLiteral("RadPath GUI test"));
        QCOMPARE(studies->item(0, 4)->text(), QStringLiteral("CT"));
        QCOMPARE(studies->item(0, 6)->text(), QString::number(kSlices));

        // Selecting the study lists its series.
        QTest::mouseClick(studies->viewport(), Qt::LeftButton, {},
                          studies->visualItemRect(studies->item(0, 0)).center());
        QTableWidget* series = dialog->seriesTable();
        QVERIFY(QTest::qWaitFor([&] { return series->rowCount() == 1; }, kWaitMs));
        QCOMPARE(series->item(0, 2)->text(), QStringLiteral("CT phantom"));
        QCOMPARE(series->item(0, 3)->text(), QString::number(kSlices));
        auto* retrieve = child<QPushButton>(*dialog, "pacsRetrieve");
        QVERIFY(QTest::qWaitFor([&] { return retrieve->isEnabled(); }, kWaitMs));
        saveScreenshot(*dialog, "pacs-query");

        // Retrieve (C-GET): into DATA/pacs/<study>/, the database, and an open request.
        QSignalSpy opened(m_pacs, &app::PacsController::openRequested);
        QSignalSpy retrieved(dialog, &app::PacsQueryDialog::retrieveFinished);
        click(retrieve);
        QVERIFY(retrieved.wait(kWaitMs));
        QVERIFY2(retrieved.first().at(0).toBool(), qPrintable(retrieved.first().at(1).toString()));
        QCOMPARE(series->item(0, 4)->text(), QStringLiteral("Done: %1 instance(s)").arg(kSlices));
        QCOMPARE(opened.size(), 1);

        viewer::StudyDatabase db(m_settings->studyDatabaseFile());
        const auto local = db.studies();
        QCOMPARE(int(local.size()), 1);
        QCOMPARE(local[0].studyUid, m_studyUid);
        QCOMPARE(int(local[0].series.size()), 1);
        QCOMPARE(local[0].series[0].seriesUid, m_seriesUid);
        QCOMPARE(local[0].series[0].images, kSlices);
        const QStringList files = db.seriesFiles(m_seriesUid);
        QCOMPARE(files.size(), kSlices);
        const QString studyFolder = QDir(m_settings->dataDir()).filePath(QStringLiteral("pacs/") + m_studyUid);
        for (const QString& f : files)
            QVERIFY2(f.startsWith(studyFolder + QLatin1Char('/')), qPrintable(f));
        QVERIFY(files.contains(opened.first().first().toString()));
        // Only the complete series is left: no incoming folder.
        QCOMPARE(QDir(studyFolder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{m_seriesUid});
        // Each series is a job of its own in the Jobs dock.
        auto* jobs = child<QTreeWidget>(*m_jobsDock, "jobsList");
        QVERIFY(jobs);
        const auto rows = jobs->findItems(QStringLiteral("Retrieving series 1 of 1 (CT phantom)"), Qt::MatchExactly);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first()->text(1), QStringLiteral("100 %"));
        // The Studies dock shows it.
        QVERIFY(QTest::qWaitFor([&] { return m_studies->tree()->topLevelItemCount() == 1; }, 5000));
        QCOMPARE(m_studies->tree()->topLevelItem(0)->child(0)->text(4), QString::number(kSlices));
    }

    void retrieveWithMove()
    {
        app::PacsQueryDialog* dialog = m_pacs->queryDialog();
        QVERIFY(dialog->isVisible());
        child<QRadioButton>(*dialog, "pacsUseMove")->setChecked(true);
        dialog->seriesTable()->selectRow(0);
        auto* retrieve = child<QPushButton>(*dialog, "pacsRetrieve");
        QCOMPARE(retrieve->text(), QStringLiteral("Retrieve 1 series"));
        QSignalSpy retrieved(dialog, &app::PacsQueryDialog::retrieveFinished);
        click(retrieve);
        QVERIFY(retrieved.wait(kWaitMs));
        QVERIFY2(retrieved.first().at(0).toBool(), qPrintable(retrieved.first().at(1).toString()));
        // The same instances again: still one series of kSlices images.
        viewer::StudyDatabase db(m_settings->studyDatabaseFile());
        QCOMPARE(db.seriesFiles(m_seriesUid).size(), kSlices);
        QCOMPARE(db.instanceCount(), kSlices);
        child<QRadioButton>(*dialog, "pacsUseGet")->setChecked(true);
        dialog->hide();
    }

    void searchFailureIsShown()
    {
        // A node nobody answers for: the dialog says so, with the network's own words.
        app::PacsNodeStore store(m_settings->store());
        QList<app::PacsNodeConfig> nodes = store.nodes();
        app::PacsNodeConfig closed = app::PacsNodeStore::newNode();
        closed.name = QStringLiteral("Closed");
        closed.aeTitle = QStringLiteral("NOBODY");
        closed.host = QStringLiteral("127.0.0.1");
        closed.port = OrthancFixture::freeLoopbackPort();
        // TLS settings survive the settings file; a refused connection fails before any TLS.
        app::PacsNodeConfig tls = closed;
        tls.tls = true;
        tls.tlsCaFile = QStringLiteral("/etc/radpath/ca.pem");
        tls.tlsCertificateFile = QStringLiteral("/etc/radpath/client.pem");
        tls.tlsKeyFile = QStringLiteral("/etc/radpath/client.key");
        store.setNodes({tls});
        const std::optional<app::PacsNodeConfig> back = store.node(tls.id);
        QVERIFY(back && back->tls);
        QCOMPARE(back->tlsCaFile, tls.tlsCaFile);
        QCOMPARE(back->tlsCertificateFile, tls.tlsCertificateFile);
        QCOMPARE(back->tlsKeyFile, tls.tlsKeyFile);
        closed.tls = true; // the system's trusted certificates
        store.setNodes(nodes << closed);
        app::PacsQueryDialog* dialog = m_pacs->queryDialog();
        m_pacs->showQueryDialog();
        auto* node = child<QComboBox>(*dialog, "pacsNode");
        node->setCurrentIndex(node->findData(closed.id));
        QSignalSpy searched(dialog, &app::PacsQueryDialog::searchFinished);
        click(child<QPushButton>(*dialog, "pacsSearch"));
        QVERIFY(searched.wait(kWaitMs));
        QCOMPARE(searched.first().at(0).toBool(), false);
        QCOMPARE(child<QLabel>(*dialog, "pacsStatus")->text(),
                 QStringLiteral("Search failed: cannot connect to 127.0.0.1:%1: connection refused").arg(closed.port));
        QCOMPARE(dialog->studyTable()->rowCount(), 0);
        nodes.removeLast();
        store.setNodes(nodes);
        dialog->reloadNodes();
        dialog->hide();
    }

    void sendStoresTheStudyBack()
    {
        // Orthanc forgets the study; Send from the Studies dock gives it back.
        const QJsonArray before = m_orthanc->rest("GET", "/studies").json().array();
        QCOMPARE(before.size(), 1);
        QCOMPARE(m_orthanc->rest("DELETE", "/studies/" + before[0].toString()).status, 200);
        QCOMPARE(m_orthanc->rest("GET", "/studies").json().array().size(), 0);

        QTreeWidgetItem* study = m_studies->tree()->topLevelItem(0);
        QVERIFY(study);
        std::unique_ptr<QMenu> menu(m_studies->contextMenu(study));
        QVERIFY(menu);
        auto* send = menu->findChild<QAction*>(QStringLiteral("sendToPacsAction"));
        QVERIFY(send);
        send->trigger();
        auto* dialog = m_window->findChild<app::PacsSendDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->nodeId(), m_nodeId);
        QSignalSpy sent(m_pacs, &app::PacsController::sendFinished);
        click(child<QPushButton>(*dialog, "pacsSendButton"));
        QVERIFY(sent.wait(kWaitMs));
        QVERIFY2(sent.first().at(0).toBool(), qPrintable(sent.first().at(1).toString()));
        QVERIFY2(
            sent.first().at(1).toString().startsWith(QStringLiteral("Sent %1 instance(s) to ORTHANC").arg(kSlices)),
            qPrintable(sent.first().at(1).toString()));

        const QJsonArray after = m_orthanc->rest("GET", "/studies").json().array();
        QCOMPARE(after.size(), 1);
        const QJsonObject stored = m_orthanc->rest("GET", "/studies/" + after[0].toString()).json().object();
        QCOMPARE(stored.value("MainDicomTags").toObject().value("StudyInstanceUID").toString(), m_studyUid);
        QCOMPARE(m_orthanc->rest("GET", "/statistics").json().object().value("CountInstances").toInt(), kSlices);
        closeMessages();
    }

    void deidentifiedExport()
    {
        QTreeWidgetItem* series = m_studies->tree()->topLevelItem(0)->child(0);
        QVERIFY(series);
        std::unique_ptr<QMenu> menu(m_studies->contextMenu(series));
        auto* action = menu->findChild<QAction*>(QStringLiteral("exportDeidentifiedAction"));
        QVERIFY(action);
        action->trigger();
        auto* dialog = m_window->findChild<app::DeidentifyExportDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto* exportButton = child<QPushButton>(*dialog, "deidExportButton");
        QVERIFY(!exportButton->isEnabled()); // no folder yet
        const QString out = m_dir.filePath("deidentified");
        QTest::keyClicks(child<QLineEdit>(*dialog, "deidOutputFolder"), out);
        child<QRadioButton>(*dialog, "deidShiftDates")->setChecked(true);
        child<QSpinBox>(*dialog, "deidShiftDays")->setValue(-10);
        QSignalSpy exported(m_pacs, &app::PacsController::exportFinished);
        click(exportButton);
        QVERIFY(exported.wait(kWaitMs));
        QVERIFY2(exported.first().at(0).toBool(), qPrintable(exported.first().at(1).toString()));
        QVERIFY(exported.first().at(1).toString().startsWith(
            QStringLiteral("%1 de-identified file(s) written").arg(kSlices)));
        QVERIFY(m_window->findChild<QMessageBox*>(QStringLiteral("deidentifySummary")));

        int count = 0;
        for (QDirIterator it(out, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();) {
            const QString path = it.next();
            DcmFileFormat file;
            QVERIFY2(file.loadFile(path.toLocal8Bit().constData()).good(), qPrintable(path));
            DcmDataset* ds = file.getDataset();
            QCOMPARE(dicomText(ds, DCM_PatientIdentityRemoved), QStringLiteral("YES"));
            QVERIFY(dicomText(ds, DCM_PatientID) != QLatin1String(kPatientId));
            QCOMPARE(dicomText(ds, DCM_StudyDate), QStringLiteral("20260105"));
            ++count;
        }
        QCOMPARE(count, kSlices);
        closeMessages();
    }

    void noKeyringKeepsTheSecretOutOfTheSettingsFile()
    {
        const QString password = QStringLiteral("s3cret-Pa55");
        app::SettingsDialog dialog(*m_settings, m_window.get());
        app::PacsSettingsPage* page = m_pacs->addSettingsPage(dialog);
        dialog.showPage(page);
        dialog.resize(820, 640);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        click(child<QPushButton>(dialog, "pacsAddNode"));
        QCOMPARE(page->nodeList()->count(), 2);
        auto* name = child<QLineEdit>(dialog, "pacsNodeName");
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Orthanc web"));
        auto* protocol = child<QComboBox>(dialog, "pacsProtocol");
        protocol->setCurrentIndex(protocol->findData(int(app::PacsNodeConfig::Protocol::DicomWeb)));
        QTest::keyClicks(child<QLineEdit>(dialog, "pacsBaseUrl"), m_orthanc->dicomWebUrl());
        auto* auth = child<QComboBox>(dialog, "pacsAuth");
        auth->setCurrentIndex(auth->findData(int(app::PacsNodeConfig::Auth::Basic)));
        QTest::keyClicks(child<QLineEdit>(dialog, "pacsUser"), QStringLiteral("radpath"));
        QTest::keyClicks(child<QLineEdit>(dialog, "pacsSecret"), password);

        // Said plainly, before anything is saved.
        auto* keyring = child<QLabel>(dialog, "pacsKeyringStatus");
        QVERIFY(
            QTest::qWaitFor([&] { return keyring->text().startsWith(QLatin1String("No keyring service")); }, 10000));
        QVERIFY(keyring->isVisible());
        saveScreenshot(dialog, "pacs-settings-keyring");

        // OK: the node is saved, its secret is not (kept for the session only).
        dialog.apply();
        const QString id = page->nodes().at(1).id;
        QVERIFY(QTest::qWaitFor([&] { return keyring->text().startsWith(QLatin1String("Not saved")); }, 10000));
        QVERIFY(settingsFileText().contains(QLatin1String("Orthanc web")));
        QVERIFY(!settingsFileText().contains(password));
        QCOMPARE(m_pacs->secrets().sessionSecret(id), password);
        const auto saved = app::PacsNodeStore(m_settings->store()).node(id);
        QVERIFY(saved && saved->needsSecret() && !saved->secretInSettings && saved->plainSecret.isEmpty());

        // Only the explicit checkbox writes it to the file.
        QCOMPARE(child<QLineEdit>(dialog, "pacsSecret")->text(), password);
        child<QCheckBox>(dialog, "pacsPlainTextSecret")->setChecked(true);
        dialog.apply();
        QVERIFY(settingsFileText().contains(password));
        QCOMPARE(app::PacsNodeStore(m_settings->store()).node(id)->plainSecret, password);
        // And unticking it takes it out again.
        child<QCheckBox>(dialog, "pacsPlainTextSecret")->setChecked(false);
        dialog.apply();
        QVERIFY(!settingsFileText().contains(password));

        // The DICOMweb node answers its test (Orthanc here asks for no authentication).
        QSignalSpy tested(page->editor(), &app::PacsNodeEditor::testFinished);
        click(child<QPushButton>(dialog, "pacsTestConnection"));
        QVERIFY(tested.wait(kWaitMs));
        QVERIFY2(tested.last().at(0).toBool(), qPrintable(tested.last().at(1).toString()));
        QVERIFY(
            tested.last().at(1).toString().startsWith(QStringLiteral("Connection works: ") + m_orthanc->dicomWebUrl()));
        dialog.reject();
        m_webNodeId = id;
    }

    void dicomWebNodeSearchesAndRetrieves()
    {
        QVERIFY(!m_webNodeId.isEmpty());
        app::PacsQueryDialog* dialog = m_pacs->queryDialog();
        m_pacs->showQueryDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto* node = child<QComboBox>(*dialog, "pacsNode");
        node->setCurrentIndex(node->findData(m_webNodeId));
        QVERIFY(node->currentIndex() >= 0);
        QSignalSpy searched(dialog, &app::PacsQueryDialog::searchFinished);
        click(child<QPushButton>(*dialog, "pacsSearch"));
        QVERIFY(searched.wait(kWaitMs));
        QVERIFY2(searched.first().at(0).toBool(), qPrintable(searched.first().at(1).toString()));
        QTableWidget* studies = dialog->studyTable();
        QCOMPARE(studies->rowCount(), 1);
        QCOMPARE(studies->item(0, 2)->text(), QStringLiteral("2026-01-15"));
        QTest::mouseClick(studies->viewport(), Qt::LeftButton, {},
                          studies->visualItemRect(studies->item(0, 0)).center());
        auto* retrieve = child<QPushButton>(*dialog, "pacsRetrieve");
        QVERIFY(QTest::qWaitFor([&] { return retrieve->isEnabled(); }, kWaitMs));
        QSignalSpy retrieved(dialog, &app::PacsQueryDialog::retrieveFinished);
        click(retrieve);
        QVERIFY(retrieved.wait(kWaitMs));
        QVERIFY2(retrieved.first().at(0).toBool(), qPrintable(retrieved.first().at(1).toString()));
        QCOMPARE(viewer::StudyDatabase(m_settings->studyDatabaseFile()).seriesFiles(m_seriesUid).size(), kSlices);
        dialog->hide();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<OrthancFixture> m_orthanc;
    std::unique_ptr<app::AppSettings> m_settings;
    std::unique_ptr<app::JobRunner> m_jobs;
    std::unique_ptr<QWidget> m_window;
    app::StudyBrowserDock* m_studies = nullptr;
    app::JobsDock* m_jobsDock = nullptr;
    app::PacsController* m_pacs = nullptr;
    QString m_studyUid;
    QString m_seriesUid;
    QString m_nodeId;
    QString m_webNodeId;
};

QTEST_MAIN(PacsGuiTest)
#include "PacsGuiTest.moc"

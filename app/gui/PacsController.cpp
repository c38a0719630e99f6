#include "app/gui/PacsController.h"

#include "app/core/AppSettings.h"
#include "app/core/JobTaskControl.h"
#include "app/core/PacsConnection.h"
#include "app/core/PacsRetrieval.h"
#include "app/core/PacsSecretStore.h"
#include "app/gui/DeidentifyExportDialog.h"
#include "app/gui/PacsQueryDialog.h"
#include "app/gui/PacsSendDialog.h"
#include "app/gui/PacsSettingsPage.h"
#include "app/gui/SettingsDialog.h"
#include "app/gui/StudyBrowserDock.h"
#include "viewer/io/DicomDeidentifier.h"

#include <QDir>
#include <QMessageBox>

namespace radpath::app {
namespace {

struct ExportSummary {
    int written = 0;
    int failed = 0;
    QStringList warnings;
    QStringList errors;
};

constexpr int kMaxDetailLines = 200; ///< a message box, not a log

} // namespace

PacsController::PacsController(JobRunner& jobs, AppSettings& settings, StudyBrowserDock& studies, QWidget* window,
                               const QString& keyringService)
    : QObject(window), m_jobs(jobs), m_settings(settings), m_studies(studies), m_window(window),
      m_secrets(new PacsSecretStore(keyringService, this))
{
    connect(&studies, &StudyBrowserDock::sendRequested, this, &PacsController::send);
    connect(&studies, &StudyBrowserDock::exportRequested, this, &PacsController::exportDeidentified);
    // Cancelled jobs call neither of their callbacks: say so here.
    connect(&jobs, &JobRunner::jobFinished, this, [this](JobId id, JobStatus status) {
        const bool sending = m_sendJobs.remove(id), exporting = m_exportJobs.remove(id);
        if (status != JobStatus::Cancelled)
            return;
        if (sending)
            emit sendFinished(false, tr("Sending was cancelled."));
        if (exporting)
            emit exportFinished(false, tr("De-identification was cancelled; the files written so far are complete."));
    });
}

PacsController::~PacsController() = default;

PacsQueryDialog* PacsController::queryDialog()
{
    if (!m_query) {
        m_query = new PacsQueryDialog(m_jobs, m_settings, *m_secrets, m_window);
        connect(m_query, &PacsQueryDialog::openRequested, this, &PacsController::openRequested);
        connect(m_query, &PacsQueryDialog::imported, &m_studies, &StudyBrowserDock::refresh);
        connect(m_query, &PacsQueryDialog::editNodesRequested, this, [this] { editNodes(m_query); });
    }
    return m_query;
}

void PacsController::showQueryDialog()
{
    PacsQueryDialog* dialog = queryDialog();
    dialog->reloadNodes();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

PacsSettingsPage* PacsController::addSettingsPage(SettingsDialog& dialog)
{
    auto* page = new PacsSettingsPage(m_jobs, m_settings, *m_secrets, &dialog);
    dialog.addPage(page, tr("PACS"));
    connect(&dialog, &SettingsDialog::applied, page, &PacsSettingsPage::apply);
    connect(page, &PacsSettingsPage::applied, this, [this] {
        if (m_query)
            m_query->reloadNodes();
    });
    return page;
}

void PacsController::editNodes(QWidget* parent)
{
    SettingsDialog dialog(m_settings, parent);
    dialog.showPage(addSettingsPage(dialog));
    dialog.exec();
}

void PacsController::send(const QStringList& files, const QString& what)
{
    auto* dialog = new PacsSendDialog(m_settings, what, int(files.size()), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, files, what] { sendTo(dialog->nodeId(), files, what); });
    dialog->open();
}

void PacsController::sendTo(const QString& nodeId, const QStringList& files, const QString& what)
{
    PacsNodeStore store(m_settings.store());
    const std::optional<PacsNodeConfig> node = store.node(nodeId);
    if (!node) {
        showMessage("pacsSendResult", false, tr("Send to PACS"), tr("Choose a PACS node: none is set up yet."));
        emit sendFinished(false, tr("Choose a PACS node: none is set up yet."));
        return;
    }
    store.setLastNodeId(nodeId);
    const PacsLocalIdentity identity = store.localIdentity();
    m_secrets->read(*node, this, [this, node = *node, identity, files, what](const QString& secret, bool) {
        std::shared_ptr<const PacsConnection> connection;
        try {
            connection = makePacsConnection(node, identity, secret);
        } catch (const std::exception& e) {
            showMessage("pacsSendResult", false, tr("Send to PACS"), QString::fromUtf8(e.what()));
            emit sendFinished(false, QString::fromUtf8(e.what()));
            return;
        }
        std::vector<std::string> paths;
        for (const QString& f : files)
            paths.push_back(QDir::toNativeSeparators(f).toStdString());
        const QString peer = connection->describe();
        m_sendJobs << m_jobs.run<int>(
            tr("Sending %1 to %2").arg(what, node.name), this,
            [connection, paths](JobContext& ctx) {
                const TransferControl transfer = transferControl(taskControlFor(ctx));
                return connection->store(paths, transfer.control, transfer.progress).completed;
            },
            [this, peer](int sent) {
                const QString text = tr("Sent %n instance(s) to %1.", nullptr, sent).arg(peer);
                showMessage("pacsSendResult", true, tr("Send to PACS"), text);
                emit sendFinished(true, text);
            },
            [this, peer](const QString& message) {
                const QString text = tr("Sending to %1 failed: %2").arg(peer, message);
                showMessage("pacsSendResult", false, tr("Send to PACS"), text);
                emit sendFinished(false, text);
            });
    });
}

void PacsController::exportDeidentified(const QStringList& files, const QString& what)
{
    auto* dialog = new DeidentifyExportDialog(what, int(files.size()), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, files] { exportTo(files, dialog->options(), dialog->outputFolder()); });
    dialog->open();
}

void PacsController::exportTo(const QStringList& files, const viewer::DeidentifyOptions& options, const QString& folder)
{
    std::vector<std::string> paths;
    for (const QString& f : files)
        paths.push_back(f.toStdString());
    const QString out = QDir(folder).absolutePath();
    m_exportJobs << m_jobs.run<ExportSummary>(
        tr("De-identifying into %1").arg(QDir(out).dirName()), this,
        [paths, options, out](JobContext& ctx) {
            viewer::DicomDeidentifier deidentifier(options);
            const viewer::DeidentifyReport report = deidentifier.run(paths, out.toStdString(), taskControlFor(ctx));
            ExportSummary summary;
            summary.written = report.written();
            summary.failed = report.failed();
            for (const viewer::DeidentifiedFile& f : report.files) {
                for (const std::string& w : f.warnings)
                    summary.warnings << QString::fromStdString(w);
                if (!f.ok())
                    summary.errors << QString::fromStdString(f.error);
            }
            return summary;
        },
        [this, out](ExportSummary s) {
            QStringList text{
                tr("%n de-identified file(s) written to %1.", nullptr, s.written).arg(QDir::toNativeSeparators(out))};
            if (s.failed > 0)
                text << tr("%n file(s) could not be de-identified.", nullptr, s.failed);
            if (!s.warnings.isEmpty())
                text << tr("%n warning(s): some images may show patient data burned into their pixels, which "
                           "de-identification does not remove. Check them before sharing.",
                           nullptr, int(s.warnings.size()));
            QStringList details = s.errors + s.warnings;
            if (details.size() > kMaxDetailLines)
                details = details.mid(0, kMaxDetailLines) << QStringLiteral("…");
            showMessage("deidentifySummary", s.failed == 0 && s.warnings.isEmpty(), tr("Export de-identified"),
                        text.join(QLatin1Char('\n')), details.join(QLatin1Char('\n')));
            emit exportFinished(s.failed == 0, text.join(QLatin1Char('\n')));
        },
        [this](const QString& message) {
            const QString text = tr("De-identification failed: %1").arg(message);
            showMessage("deidentifySummary", false, tr("Export de-identified"), text);
            emit exportFinished(false, text);
        });
}

void PacsController::showMessage(const char* name, bool ok, const QString& title, const QString& text,
                                 const QString& details)
{
    // Non-modal: the window keeps working while the message is up.
    auto* box =
        new QMessageBox(ok ? QMessageBox::Information : QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(QLatin1String(name));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!details.isEmpty())
        box->setDetailedText(details);
    box->open();
}

} // namespace radpath::app

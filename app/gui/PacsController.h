#pragma once
// The PACS in the window: the Query/Retrieve dialog, the PACS page of the settings, and the
// Studies dock's "Send to PACS…" and "Export de-identified…" (C-STORE and PS3.15
// de-identification as jobs, with a summary when they end). Owns the session's secrets.

#include "app/core/JobRunner.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

class QWidget;

namespace radpath::viewer {
struct DeidentifyOptions;
}

namespace radpath::app {

class AppSettings;
class PacsQueryDialog;
class PacsSecretStore;
class PacsSettingsPage;
class SettingsDialog;
class StudyBrowserDock;

class PacsController : public QObject {
    Q_OBJECT
public:
    /// `window` parents the dialogs and messages; `keyringService` names RadPath's keyring entries.
    PacsController(JobRunner& jobs, AppSettings& settings, StudyBrowserDock& studies, QWidget* window,
                   const QString& keyringService = QStringLiteral("RadPath"));
    ~PacsController() override;

    PacsSecretStore& secrets() const { return *m_secrets; }
    /// The Query/Retrieve dialog (made on first use; kept while the window lives).
    PacsQueryDialog* queryDialog();
    void showQueryDialog();
    /// Adds the PACS page to `dialog`; it saves with the dialog's OK.
    PacsSettingsPage* addSettingsPage(SettingsDialog& dialog);
    /// The settings at their PACS page, modal over `parent`.
    void editNodes(QWidget* parent);

    /// Asks for a node, then sends `files` (C-STORE) in a job.
    void send(const QStringList& files, const QString& what);
    void sendTo(const QString& nodeId, const QStringList& files, const QString& what);
    /// Asks for the options and folder, then de-identifies `files` into it in a job.
    void exportDeidentified(const QStringList& files, const QString& what);
    void exportTo(const QStringList& files, const viewer::DeidentifyOptions& options, const QString& folder);

signals:
    /// Open a file of a retrieved series.
    void openRequested(const QString& path);
    void sendFinished(bool ok, const QString& message);
    void exportFinished(bool ok, const QString& message);

private:
    void showMessage(const char* name, bool ok, const QString& title, const QString& text, const QString& details = {});

    JobRunner& m_jobs;
    AppSettings& m_settings;
    StudyBrowserDock& m_studies;
    QPointer<QWidget> m_window;
    PacsSecretStore* m_secrets = nullptr;
    QPointer<PacsQueryDialog> m_query;
    QSet<JobId> m_sendJobs;
    QSet<JobId> m_exportJobs;
};

} // namespace radpath::app

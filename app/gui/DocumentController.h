#pragma once
// Opens paths as documents: finds a reader, reads in a background job, and hands the
// result to the window as a tab. Errors name the file and the problem.

#include "app/core/JobRunner.h"

#include <QHash>
#include <QObject>
#include <QStringList>

namespace radpath {
namespace app {

class AppSettings;

class DocumentController : public QObject {
    Q_OBJECT
public:
    DocumentController(JobRunner& jobs, AppSettings& settings, QObject* parent = nullptr);

    /// Starts opening each path; returns at once. Results arrive as signals.
    void open(const QStringList& paths);
    /// Paths being read right now.
    QStringList pending() const { return m_pending; }

signals:
    /// `view` is a new widget for the document; the receiver takes ownership.
    void documentOpened(const QString& path, const QString& title, QWidget* view);
    void openFailed(const QString& path, const QString& message);

private:
    void openOne(const QString& path);

    JobRunner& m_jobs;
    AppSettings& m_settings;
    QStringList m_pending;
    QHash<JobId, QString> m_jobPaths;
};

} // namespace app
} // namespace radpath

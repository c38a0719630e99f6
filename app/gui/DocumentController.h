#pragma once
// Opens paths as documents: finds a reader, reads in a background job, and hands the
// result to the window as a tab. Errors name the file and the problem.

#include "app/core/JobRunner.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

namespace radpath {
namespace viewer {
class Volume;
class VolumeView;
}
namespace pathology {
class TileCache;
}
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
    /// Where new views come from (a view made ahead of time, say); `new VolumeView` by default.
    void setViewFactory(std::function<viewer::VolumeView*()> factory) { m_viewFactory = std::move(factory); }

signals:
    /// `view` is a new widget for the document; the receiver takes ownership.
    void documentOpened(const QString& path, const QString& title, QWidget* view);
    void openFailed(const QString& path, const QString& message);
    /// All of the document is read (after documentOpened; at once for one-piece formats).
    void documentLoaded(const QString& path, viewer::VolumeView* view);

private:
    void openOne(const QString& path);
    void openSlide(const QString& path);
    void showFirstSlice(const QString& path, const QString& title, const viewer::Volume& partial);

    JobRunner& m_jobs;
    AppSettings& m_settings;
    QStringList m_pending;
    QHash<JobId, QString> m_jobPaths;
    QHash<QString, QPointer<viewer::VolumeView>> m_loading; ///< shown, still filling up
    std::function<viewer::VolumeView*()> m_viewFactory;
    std::shared_ptr<pathology::TileCache> m_tileCache; ///< shared by all slides
};

} // namespace app
} // namespace radpath

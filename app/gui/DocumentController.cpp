#include "app/gui/DocumentController.h"

#include "app/core/AppSettings.h"
#include "app/core/JobRunner.h"
#include "app/core/JobTaskControl.h"
#include "viewer/io/IoError.h"
#include "viewer/io/VolumeReader.h"
#include "pathology/slide/SlideSource.h"
#include "pathology/slide/TileEngine.h"
#include "pathology/view/SlideDocumentView.h"
#include "viewer/view/VolumeView.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>

#include <memory>

namespace radpath {
namespace app {

namespace {

// Reader messages start with the path; the window shows the path separately.
QString problemOf(const QString& message, const QString& path)
{
    return message.startsWith(path + QStringLiteral(": ")) ? message.mid(path.size() + 2) : message;
}

} // namespace

DocumentController::DocumentController(JobRunner& jobs, AppSettings& settings, QObject* parent)
    : QObject(parent), m_jobs(jobs), m_settings(settings)
{
    // A cancelled read delivers nothing: forget it so that it can be opened again.
    connect(&m_jobs, &JobRunner::jobFinished, this, [this](JobId id, JobStatus status, const QString&) {
        const QString path = m_jobPaths.take(id);
        if (status == JobStatus::Cancelled) {
            m_pending.removeAll(path);
            delete m_loading.take(path).data();
        }
    });
}

void DocumentController::open(const QStringList& paths)
{
    for (const QString& path : paths)
        openOne(QFileInfo(path).absoluteFilePath());
}

void DocumentController::showFirstSlice(const QString& path, const QString& title, const viewer::Volume& partial)
{
    if (!m_pending.contains(path) || m_loading.contains(path))
        return;
    auto* view = m_viewFactory ? m_viewFactory() : new viewer::VolumeView;
    view->setVolume(partial, false);
    m_loading.insert(path, view);
    emit documentOpened(path, title, view);
}

void DocumentController::openOne(const QString& path)
{
    const QFileInfo file(path);
    if (!file.exists()) {
        emit openFailed(path, tr("The file or folder does not exist."));
        return;
    }
    if (!file.isReadable()) {
        emit openFailed(path, tr("RadPath has no permission to read it."));
        return;
    }
    if (!file.isDir() && pathology::SlideSource::isSlide(path.toStdString())) {
        openSlide(path);
        return;
    }
    // Reader choice is cheap (names and magic bytes): done here so the message is immediate.
    auto registry = std::make_shared<viewer::ReaderRegistry>(viewer::ReaderRegistry::withBuiltinReaders());
    const auto reader = registry->find(path.toStdString());
    if (!reader) {
        emit openFailed(path, file.isDir() ? tr("The folder holds no image RadPath can read.")
                                           : tr("This is not an image format RadPath can read."));
        return;
    }

    m_pending.append(path);
    const QString title = file.fileName().isEmpty() ? path : file.fileName();
    QPointer<DocumentController> self(this);
    const JobId id = m_jobs.run<viewer::Volume>(
        tr("Opening %1").arg(title), this,
        [reader, path, title, self](JobContext& ctx) {
            const viewer::TaskControl control = taskControlFor(ctx);
            // The middle slice goes to the screen while the rest of the series is read.
            return reader->readProgressive(path.toStdString(), control, [&](const viewer::Volume& partial) {
                QMetaObject::invokeMethod(
                    self.data(), [self, path, title, partial] {
                        if (self)
                            self->showFirstSlice(path, title, partial);
                    },
                    Qt::QueuedConnection);
            });
        },
        [this, path, title](viewer::Volume volume) {
            m_pending.removeAll(path);
            m_settings.addRecentFile(path);
            if (QPointer<viewer::VolumeView> view = m_loading.take(path)) {
                view->finishLoading(volume);
                emit documentLoaded(path, view);
                return;
            }
            auto* view = m_viewFactory ? m_viewFactory() : new viewer::VolumeView;
            view->setVolume(volume);
            emit documentOpened(path, title, view);
            emit documentLoaded(path, view);
        },
        [this, path](const QString& message) {
            m_pending.removeAll(path);
            delete m_loading.take(path).data(); // a half-shown series goes away with its tab
            emit openFailed(path, problemOf(message, path));
        });
    m_jobPaths.insert(id, path);
}

void DocumentController::openSlide(const QString& path)
{
    // One tile cache for every slide, its budget from the settings.
    const std::size_t budget = std::size_t(m_settings.tileCacheMB()) * 1024 * 1024;
    if (!m_tileCache)
        m_tileCache = std::make_shared<pathology::TileCache>(budget);
    m_tileCache->setBudget(budget);
    m_pending.append(path);
    const QString title = QFileInfo(path).fileName();
    // The slide, its overview and its saved annotations are all read in the job.
    using Opened = std::pair<std::shared_ptr<pathology::SlideSource>, pathology::SlideDocumentView::Prepared>;
    const JobId id = m_jobs.run<std::shared_ptr<Opened>>(
        tr("Opening %1").arg(title), this,
        [path](JobContext&) {
            auto opened = std::make_shared<Opened>();
            opened->first = pathology::SlideSource::open(path.toStdString());
            opened->second = pathology::SlideDocumentView::prepare(*opened->first);
            return opened;
        },
        [this, path, title](std::shared_ptr<Opened> opened) {
            m_pending.removeAll(path);
            m_settings.addRecentFile(path);
            auto* view = new pathology::SlideDocumentView;
            view->setClassFile(QDir(m_settings.dataDir()).filePath(QStringLiteral("annotation-classes.json")));
            view->setSlide(opened->first, m_tileCache, m_settings.workerThreads(), std::move(opened->second));
            emit documentOpened(path, title, view);
        },
        [this, path](const QString& message) {
            m_pending.removeAll(path);
            emit openFailed(path, problemOf(message, path));
        });
    m_jobPaths.insert(id, path);
}

} // namespace app
} // namespace radpath

#include "app/gui/MeasurementStore.h"

#include "viewer/db/StudyDatabase.h"
#include "viewer/io/IoError.h"
#include "viewer/model/Measurement.h"
#include "viewer/view/SliceView.h"

#include <QTimer>

namespace radpath {
namespace app {

MeasurementStore::MeasurementStore(const QString& databaseFile, QObject* parent) : QObject(parent), m_file(databaseFile)
{
    m_writer.setMaxThreadCount(1);
}

MeasurementStore::~MeasurementStore()
{
    m_writer.waitForDone();
}

QString MeasurementStore::keyFor(const viewer::SliceView* view, const QString& documentPath)
{
    const viewer::VolumeInfo& info = view->volume().info();
    if (info.seriesInstanceUid.empty())
        return QStringLiteral("file:") + documentPath;
    QString key = QString::fromStdString(info.seriesInstanceUid);
    if (info.acquisitionNumber >= 0)
        key += QStringLiteral("#acquisition-%1").arg(info.acquisitionNumber);
    return key;
}

void MeasurementStore::attach(viewer::SliceView* view, const QString& documentPath)
{
    detach(view);
    const QString key = keyFor(view, documentPath);
    m_writer.waitForDone(); // read what was written last
    try {
        const QByteArray json = viewer::StudyDatabase(m_file).measurements(key);
        if (!json.isEmpty())
            view->setMeasurements(
                viewer::movedWithSlices(viewer::measurementsFromJson(json.toStdString()), viewer::scale(view->volume().info().sliceShear, -1.0)));
    } catch (const std::exception& e) {
        emit failed(tr("The saved measurements of %1 cannot be read: %2").arg(documentPath, QString::fromUtf8(e.what())));
    }
    // Edits come in bursts (a drag is many moves, but one edit): write once they settle.
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setInterval(400);
    m_views.insert(view, {key, documentPath, timer});
    connect(timer, &QTimer::timeout, this, [this, view] { save(view); });
    connect(view, &viewer::SliceView::measurementsChanged, this, [this, view, timer] {
        if (m_sharing)
            return; // a list another view of the series made: saved there
        timer->start();
        share(view);
    });
    connect(view, &QObject::destroyed, this, [this, view] {
        if (m_views.contains(view))
            delete m_views.take(view).timer;
    });
}

void MeasurementStore::detach(viewer::SliceView* view)
{
    if (!m_views.contains(view))
        return;
    const Attachment a = m_views.value(view);
    if (a.timer->isActive())
        save(view);
    delete a.timer;
    m_views.remove(view);
    disconnect(view, nullptr, this, nullptr);
}

void MeasurementStore::share(viewer::SliceView* from)
{
    const Attachment a = m_views.value(from);
    const auto truth = viewer::movedWithSlices(from->measurements(), from->volume().info().sliceShear);
    m_sharing = true;
    for (auto it = m_views.begin(); it != m_views.end(); ++it)
        if (it.key() != from && it.value().key == a.key) {
            it.value().timer->stop(); // its list is now this one
            it.key()->setMeasurements(viewer::movedWithSlices(truth, viewer::scale(it.key()->volume().info().sliceShear, -1.0)));
        }
    m_sharing = false;
}

void MeasurementStore::save(viewer::SliceView* view)
{
    if (!m_views.contains(view))
        return;
    const Attachment a = m_views.value(view);
    a.timer->stop();
    if (keyFor(view, a.path) != a.key)
        return; // the view shows another series now: its list is not this key's
    // The database holds points where the anatomy really is. On a gantry-tilted series that
    // is not resampled, slice k is drawn sheared by k * sliceShear from there.
    const auto& list = view->measurements();
    const QByteArray json =
        list.empty() ? QByteArray()
                     : QByteArray::fromStdString(viewer::measurementsToJson(viewer::movedWithSlices(list, view->volume().info().sliceShear)));
    // Off the GUI thread: an import may hold the database for a moment.
    const QString file = m_file, key = a.key, path = a.path;
    m_writer.start([this, file, key, path, json] {
        try {
            viewer::StudyDatabase(file).saveMeasurements(key, json);
        } catch (const std::exception& e) {
            const QString message = tr("The measurements of %1 cannot be saved: %2").arg(path, QString::fromUtf8(e.what()));
            QMetaObject::invokeMethod(this, [this, message] { emit failed(message); }, Qt::QueuedConnection);
        }
    });
}

void MeasurementStore::flush()
{
    for (auto it = m_views.begin(); it != m_views.end(); ++it)
        if (it.value().timer->isActive())
            save(it.key());
    m_writer.waitForDone();
}

} // namespace app
} // namespace radpath

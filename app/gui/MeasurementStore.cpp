#include "app/gui/MeasurementStore.h"

#include "viewer/db/StudyDatabase.h"
#include "viewer/io/IoError.h"
#include "viewer/model/Measurement.h"
#include "viewer/view/SliceView.h"

#include <QTimer>

namespace radpath {
namespace app {

MeasurementStore::MeasurementStore(const QString& databaseFile, QObject* parent) : QObject(parent), m_file(databaseFile) {}

QString MeasurementStore::keyFor(const viewer::SliceView* view, const QString& documentPath)
{
    const std::string& uid = view->volume().info().seriesInstanceUid;
    return uid.empty() ? QStringLiteral("file:") + documentPath : QString::fromStdString(uid);
}

void MeasurementStore::attach(viewer::SliceView* view, const QString& documentPath)
{
    const QString key = keyFor(view, documentPath);
    try {
        const QByteArray json = viewer::StudyDatabase(m_file).measurements(key);
        if (!json.isEmpty())
            view->setMeasurements(viewer::measurementsFromJson(json.toStdString()));
    } catch (const std::exception& e) {
        emit failed(tr("The saved measurements of %1 cannot be read: %2").arg(documentPath, QString::fromUtf8(e.what())));
    }
    m_keys.insert(view, key);
    // Edits come in bursts (a drag is many moves, but one edit): write once they settle.
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setInterval(400);
    m_timers.insert(view, timer);
    QPointer<viewer::SliceView> guard(view);
    connect(timer, &QTimer::timeout, this, [this, guard] {
        if (guard)
            save(guard);
    });
    connect(view, &viewer::SliceView::measurementsChanged, timer, qOverload<>(&QTimer::start));
    connect(view, &QObject::destroyed, this, [this, view] {
        m_keys.remove(view);
        delete m_timers.take(view);
    });
}

void MeasurementStore::save(viewer::SliceView* view)
{
    if (!m_keys.contains(view))
        return;
    try {
        const auto& list = view->measurements();
        viewer::StudyDatabase(m_file).saveMeasurements(
            m_keys.value(view), list.empty() ? QByteArray() : QByteArray::fromStdString(viewer::measurementsToJson(list)));
    } catch (const std::exception& e) {
        emit failed(tr("The measurements cannot be saved: %1").arg(QString::fromUtf8(e.what())));
    }
}

void MeasurementStore::detach(viewer::SliceView* view)
{
    if (QTimer* timer = m_timers.take(view)) {
        if (timer->isActive())
            save(view);
        delete timer;
    }
    m_keys.remove(view);
    disconnect(view, nullptr, this, nullptr);
}

void MeasurementStore::flush()
{
    for (auto it = m_timers.begin(); it != m_timers.end(); ++it)
        if (it.value()->isActive()) {
            it.value()->stop();
            save(it.key());
        }
}

} // namespace app
} // namespace radpath

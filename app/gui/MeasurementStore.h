#pragma once
// Keeps the measurements of each open series in the study database: loads them when the
// series opens, saves them shortly after every edit and when the view goes away.

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

class QTimer;

namespace radpath {
namespace viewer {
class SliceView;
}
namespace app {

class MeasurementStore : public QObject {
    Q_OBJECT
public:
    /// `databaseFile`: the SQLite study database (created when first written).
    explicit MeasurementStore(const QString& databaseFile, QObject* parent = nullptr);

    /// Loads what was saved for the view's series and saves the view's edits from now on.
    /// `documentPath` names series without a SeriesInstanceUID (NIfTI, NRRD...).
    void attach(viewer::SliceView* view, const QString& documentPath);
    /// Saves what is pending for the view and stops following it (before it is closed).
    void detach(viewer::SliceView* view);
    /// Saves every edit not yet written.
    void flush();

    /// The database key of a series: its UID, or the file for images without one.
    static QString keyFor(const viewer::SliceView* view, const QString& documentPath);

signals:
    /// Reading or writing the database failed; the message names the file.
    void failed(const QString& message);

private:
    void save(viewer::SliceView* view);

    QString m_file;
    QHash<viewer::SliceView*, QString> m_keys;
    QHash<viewer::SliceView*, QTimer*> m_timers;
};

} // namespace app
} // namespace radpath

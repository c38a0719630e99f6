#pragma once
// Keeps the measurements of each open series in the study database: loads them when the
// series opens, saves them shortly after every edit and when the view goes away. Views of
// the same series (a tab and a side-by-side cell) share one list: an edit in one shows in
// the others.

#include <QHash>
#include <QObject>
#include <QString>
#include <QThreadPool>

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
    ~MeasurementStore() override;

    /// Loads what was saved for the view's series and saves the view's edits from now on.
    /// `documentPath` names series without a SeriesInstanceUID (NIfTI, NRRD...).
    void attach(viewer::SliceView* view, const QString& documentPath);
    /// Saves what is pending for the view and stops following it (before it is closed, or
    /// before it shows another series).
    void detach(viewer::SliceView* view);
    /// Saves every edit not yet written and waits until all are.
    void flush();

    /// The database key of what a view shows: the series UID (with the acquisition when a
    /// series was split by acquisition), or the file for images without a UID.
    static QString keyFor(const viewer::SliceView* view, const QString& documentPath);

signals:
    /// Reading or writing the database failed; the message names the document and file.
    void failed(const QString& message);

private:
    struct Attachment {
        QString key;
        QString path;
        QTimer* timer = nullptr;
    };
    void save(viewer::SliceView* view);
    void share(viewer::SliceView* from);

    QString m_file;
    QHash<viewer::SliceView*, Attachment> m_views;
    QThreadPool m_writer; ///< one thread: saves reach the database in the order they were made
    bool m_sharing = false;
};

} // namespace app
} // namespace radpath

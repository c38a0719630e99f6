#pragma once
// The local study database as a tree: studies (patient, date, description, modalities)
// with their series, each shown with its thumbnail; search by name, ID, date or modality;
// double-click opens a series.

#include <QDockWidget>

class QLineEdit;
class QMenu;
class QTreeWidget;
class QTreeWidgetItem;

namespace radpath {
namespace app {

class AppSettings;
class JobRunner;

class StudyBrowserDock : public QDockWidget {
    Q_OBJECT
public:
    StudyBrowserDock(JobRunner& jobs, AppSettings& settings, QWidget* parent = nullptr);

    /// Imports DICOM files under `folder` in a background job, then refreshes.
    void importFolder(const QString& folder);
    void refresh();
    QString databaseFile() const;
    QTreeWidget* tree() const { return m_tree; }
    /// The files of a study or series row, as the database lists them.
    QStringList filesOf(const QTreeWidgetItem* item) const;
    /// The context menu of a row (the caller owns it); nullptr for none.
    QMenu* contextMenu(QTreeWidgetItem* item);

signals:
    /// A series was chosen: open one of its files (the reader gathers the series).
    void openRequested(const QString& path);
    void imported(int instancesAdded);
    /// "Send to PACS…" on a study or series: its files, and words naming it.
    void sendRequested(const QStringList& files, const QString& what);
    /// "Export de-identified…" on a study or series.
    void exportRequested(const QStringList& files, const QString& what);

private:
    QStringList seriesFiles(const QStringList& seriesUids) const;

    JobRunner& m_jobs;
    AppSettings& m_settings;
    QLineEdit* m_search = nullptr;
    QTreeWidget* m_tree = nullptr;
};

} // namespace app
} // namespace radpath

#pragma once
// The local study database as a tree: studies (patient, date, description, modalities)
// with their series, each shown with its thumbnail; search by name, ID, date or modality;
// double-click opens a series.

#include <QDockWidget>

class QLineEdit;
class QTreeWidget;

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

signals:
    /// A series was chosen: open one of its files (the reader gathers the series).
    void openRequested(const QString& path);
    void imported(int instancesAdded);

private:
    JobRunner& m_jobs;
    AppSettings& m_settings;
    QLineEdit* m_search = nullptr;
    QTreeWidget* m_tree = nullptr;
};

} // namespace app
} // namespace radpath

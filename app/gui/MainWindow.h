#pragma once
// The RadPath window: one tab per open study or slide, docks around it, menus, status bar.
// Docks and controllers are their own classes; this class only composes them.

#include <QMainWindow>
#include <QStringList>

class QMenu;
class QTabWidget;

namespace radpath {
namespace app {

class AppSettings;
class DataBrowserDock;
class DocumentController;
class JobRunner;
class MeasurementsDock;
class StudyBrowserDock;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(AppSettings& settings, JobRunner& jobs, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens files or folders (as from the command line or a drop).
    void openPaths(const QStringList& paths);
    /// Reopens the documents and layout saved at the last exit; false if there were none.
    bool restoreSession();
    /// Paths of the open tabs, in tab order.
    QStringList openDocuments() const;
    QTabWidget* tabs() const { return m_tabs; }
    DocumentController* documents() const { return m_documents; }
    StudyBrowserDock* studies() const { return m_studies; }
    MeasurementsDock* measurements() const { return m_measurements; }

signals:
    /// A document failed to open; the message names the file (also shown to the user).
    void errorShown(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createDocks();
    void createActions();
    void addDocument(const QString& path, const QString& title, QWidget* view);
    void closeTab(int index);
    void showError(const QString& path, const QString& problem);
    void refreshRecentMenu();
    void saveSession();

    AppSettings& m_settings;
    JobRunner& m_jobs;
    DocumentController* m_documents = nullptr;
    QTabWidget* m_tabs = nullptr;
    DataBrowserDock* m_dataBrowser = nullptr;
    StudyBrowserDock* m_studies = nullptr;
    MeasurementsDock* m_measurements = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    int m_restoreTab = -1;
};

} // namespace app
} // namespace radpath

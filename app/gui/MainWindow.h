#pragma once
// The RadPath window: one tab per open study or slide, docks around it, menus, status bar.
// Docks and controllers are their own classes; this class only composes them.

#include <QMainWindow>
#include <QStringList>

class QMenu;
class QTabWidget;

namespace radpath {
namespace viewer {
class SliceGrid;
class VolumeView;
}
namespace app {

class AppSettings;
class DataBrowserDock;
class DocumentController;
class JobRunner;
class LayerLoader;
class AiDock;
class AiReviewStore;
class LayersDock;
class MeasurementsDock;
class MeasurementStore;
class PacsController;
class SegmentEditorDock;
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
    AiDock* aiDock() const { return m_ai; }
    /// The review of AI results, shared by the AI dock and reports.
    AiReviewStore* reviews() const { return m_reviews; }
    /// File > Report…: prepares the report of the tab in front and opens the editor on it.
    void openReport();
    StudyBrowserDock* studies() const { return m_studies; }
    PacsController* pacs() const { return m_pacs; }
    MeasurementsDock* measurements() const { return m_measurements; }
    MeasurementStore* measurementStore() const { return m_store; }
    /// Series side by side: 1×1 is one series per tab; 1×2 and 2×2 show the open series in
    /// a "Side by side" tab, scrolling together where they share a frame of reference.
    void setGridLayout(int rows, int columns);
    /// Opens a label map or an overlay onto the volume in front (or `view`).
    void openLayer(const QString& path, bool labelMap, viewer::VolumeView* view = nullptr);
    LayersDock* layersDock() const { return m_layers; }
    /// The side-by-side tab's grid, or nullptr in 1×1.
    viewer::SliceGrid* grid() const { return m_grid; }

signals:
    /// A document failed to open; the message names the file (also shown to the user).
    void errorShown(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
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
    void refreshGrid();
    /// A view made and drawn once while the window is idle, so that opening a series does
    /// not wait for OpenGL to start; nullptr when none is ready.
    viewer::VolumeView* takeSpareView();
    void prepareSpareView();

    AppSettings& m_settings;
    JobRunner& m_jobs;
    DocumentController* m_documents = nullptr;
    QTabWidget* m_tabs = nullptr;
    DataBrowserDock* m_dataBrowser = nullptr;
    StudyBrowserDock* m_studies = nullptr;
    PacsController* m_pacs = nullptr;
    MeasurementsDock* m_measurements = nullptr;
    SegmentEditorDock* m_segments = nullptr;
    LayersDock* m_layers = nullptr;
    AiDock* m_ai = nullptr;
    AiReviewStore* m_reviews = nullptr;
    LayerLoader* m_layerLoader = nullptr;
    MeasurementStore* m_store = nullptr;
    viewer::SliceGrid* m_grid = nullptr;
    viewer::VolumeView* m_spare = nullptr;
    QStringList m_gridPaths; ///< document of each source the grid offers
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    int m_restoreTab = -1;
    bool m_docksSized = false;
};

} // namespace app
} // namespace radpath

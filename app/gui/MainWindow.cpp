#include "app/gui/MainWindow.h"

#include "app/core/AppSettings.h"
#include "app/core/JobRunner.h"
#include "app/gui/AboutDialog.h"
#include "app/gui/AiDock.h"
#include "app/gui/DataBrowserDock.h"
#include "app/gui/DicomExportController.h"
#include "app/gui/DocumentController.h"
#include "app/gui/LayerLoader.h"
#include "app/gui/LayersDock.h"
#include "app/gui/JobStatusWidget.h"
#include "app/gui/JobsDock.h"
#include "app/gui/MeasurementStore.h"
#include "app/gui/MeasurementsDock.h"
#include "app/gui/PacsController.h"
#include "app/gui/SegmentEditorDock.h"
#include "viewer/render/VtkWidget.h"
#include "viewer/view/SliceGrid.h"
#include "viewer/view/SliceView.h"
#include "viewer/view/VolumeView.h"
#include "app/gui/SettingsDialog.h"
#include "app/gui/StudyBrowserDock.h"
#include "app/gui/TagBrowserDialog.h"
#include "app/gui/TrainingWizard.h"
#include "app/gui/ReportBuilder.h"
#include "app/gui/ReportEditorDialog.h"
#include "app/core/AiReviewStore.h"
#include "viewer/io/DicomSeriesReader.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDir>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

namespace radpath {
namespace app {

MainWindow::MainWindow(AppSettings& settings, JobRunner& jobs, QWidget* parent)
    : QMainWindow(parent), m_settings(settings), m_jobs(jobs)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("RadPath"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/radpath.svg")));
    setAcceptDrops(true);
    resize(1280, 800);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("documentTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);

    m_documents = new DocumentController(jobs, settings, this);
    m_documents->setViewFactory([this] {
        viewer::VolumeView* spare = takeSpareView();
        return spare ? spare : new viewer::VolumeView;
    });
    connect(m_documents, &DocumentController::documentOpened, this, &MainWindow::addDocument);
    connect(m_documents, &DocumentController::openFailed, this, &MainWindow::showError);
    m_store = new MeasurementStore(settings.studyDatabaseFile(), this);
    connect(m_store, &MeasurementStore::failed, this, [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    // Saved measurements come back once the whole series is there; the grid offers it then.
    connect(m_documents, &DocumentController::documentLoaded, this, [this](const QString& path, viewer::VolumeView* view) {
        m_store->attach(view->sliceView(), path);
        refreshGrid();
        QTimer::singleShot(1500, this, &MainWindow::prepareSpareView);
    });

    createDocks();
    createActions();
    statusBar()->addPermanentWidget(new JobStatusWidget(jobs, this));
    statusBar()->showMessage(tr("Open a DICOM folder, a file, or drop one here."));
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    m_dataBrowser = new DataBrowserDock(this);
    m_dataBrowser->setRecentFiles(m_settings.recentFiles());
    connect(m_dataBrowser, &DataBrowserDock::openRequested, this, [this](const QString& path) { openPaths({path}); });
    addDockWidget(Qt::LeftDockWidgetArea, m_dataBrowser);
    m_studies = new StudyBrowserDock(m_jobs, m_settings, this);
    connect(m_studies, &StudyBrowserDock::openRequested, this, [this](const QString& path) { openPaths({path}); });
    addDockWidget(Qt::LeftDockWidgetArea, m_studies);
    m_pacs = new PacsController(m_jobs, m_settings, *m_studies, this);
    connect(m_pacs, &PacsController::openRequested, this, [this](const QString& path) { openPaths({path}); });
    tabifyDockWidget(m_dataBrowser, m_studies);
    m_studies->raise(); // the study list first, as PACS viewers open

    m_layers = new LayersDock(this);
    addDockWidget(Qt::RightDockWidgetArea, m_layers);
    m_layerLoader = new LayerLoader(m_jobs, this);
    connect(m_layerLoader, &LayerLoader::failed, this, &MainWindow::showError);
    m_reviews = new AiReviewStore(m_settings.dataDir(), this);
    connect(m_reviews, &AiReviewStore::failed, this, [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    m_ai = new AiDock(m_jobs, m_settings, *m_reviews, this);
    addDockWidget(Qt::RightDockWidgetArea, m_ai);
    m_measurements = new MeasurementsDock(this);
    addDockWidget(Qt::RightDockWidgetArea, m_measurements);
    m_segments = new SegmentEditorDock(m_settings, m_jobs, this);
    addDockWidget(Qt::RightDockWidgetArea, m_segments);
    tabifyDockWidget(m_layers, m_segments);
    m_layers->raise();
    // The dock follows the slice view of the tab in front.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        QWidget* page = m_tabs->widget(index);
        auto* volumeView = qobject_cast<viewer::VolumeView*>(page);
        m_layers->setStack(volumeView ? volumeView->layers() : nullptr);
        m_segments->setView(volumeView);
        m_ai->setTarget(page);
        if (volumeView)
            m_measurements->setView(volumeView->sliceView());
        else if (page && page == m_grid)
            m_measurements->setView(m_grid->cell(0));
        else
            m_measurements->setView(nullptr);
    });
    auto* jobsDock = new JobsDock(m_jobs, this);
    addDockWidget(Qt::BottomDockWidgetArea, jobsDock);
    jobsDock->hide();
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction* openFile = file->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open File…"), this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open file"));
        openPaths(paths);
    });
    openFile->setShortcut(QKeySequence::Open);
    QAction* openFolder = file->addAction(QIcon::fromTheme(QStringLiteral("folder-open")), tr("Open &Folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open folder"));
        if (!dir.isEmpty())
            openPaths({dir});
    });
    openFolder->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    file->addAction(tr("&Import DICOM Folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Import DICOM folder"));
        if (!dir.isEmpty()) {
            m_studies->importFolder(dir);
            m_studies->raise();
        }
    });
    file->addAction(tr("&Query/Retrieve…"), m_pacs, &PacsController::showQueryDialog)
        ->setObjectName(QStringLiteral("queryRetrieveAction"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    refreshRecentMenu();
    file->addSeparator();
    file->addSeparator();
    file->addAction(tr("Open &Label Map…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open label map"), QString(),
                                                          tr("Label maps (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd)"));
        if (!path.isEmpty())
            openLayer(path, true);
    });
    file->addAction(tr("Open O&verlay…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open overlay or second volume"), QString(),
                                                          tr("Volumes (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd)"));
        if (!path.isEmpty())
            openLayer(path, false);
    });
    // Import DICOM SEG… and the Export submenu (label maps, SEG, SR, parametric map, key image).
    (new DicomExportController(m_jobs, *m_tabs, m_layers, *this))->addActions(file);
    file->addSeparator();
    file->addAction(tr("&Report…"), this, &MainWindow::openReport)->setObjectName(QStringLiteral("reportAction"));
    file->addAction(tr("&Close Tab"), QKeySequence::Close, this, [this] { closeTab(m_tabs->currentIndex()); });
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    QMenu* layoutMenu = m_viewMenu->addMenu(tr("&Layout"));
    auto* layouts = new QActionGroup(this);
    struct LayoutChoice {
        const char* name;
        QString text;
        int rows, columns;
    };
    for (const LayoutChoice& choice : {LayoutChoice{"layout1x1", tr("1 × 1 (one series per tab)"), 1, 1},
                                       LayoutChoice{"layout1x2", tr("1 × 2 side by side"), 1, 2},
                                       LayoutChoice{"layout2x2", tr("2 × 2 side by side"), 2, 2}}) {
        QAction* action = layoutMenu->addAction(choice.text);
        action->setObjectName(QLatin1String(choice.name));
        action->setCheckable(true);
        action->setChecked(choice.rows * choice.columns == 1);
        layouts->addAction(action);
        const int rows = choice.rows, columns = choice.columns;
        connect(action, &QAction::triggered, this, [this, rows, columns] { setGridLayout(rows, columns); });
    }
    m_viewMenu->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        m_viewMenu->addAction(dock->toggleViewAction());

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(QStringLiteral("toolsMenu"));
    tools->addAction(tr("DICOM &Tags…"), this, [this] {
        // The tab in front: its file, or the first DICOM file of its folder; else ask.
        QString path = m_tabs->currentWidget() ? m_tabs->currentWidget()->property("documentPath").toString() : QString();
        if (QFileInfo(path).isDir()) {
            const QString folder = path;
            path.clear();
            for (const auto& f : viewer::DicomSeriesReader::listFilesUnder(folder.toStdString(), {}))
                if (viewer::DicomSeriesReader::hasDicomMagic(f)) {
                    path = QString::fromStdString(f);
                    break;
                }
        }
        if (path.isEmpty())
            path = QFileDialog::getOpenFileName(this, tr("DICOM file"));
        if (path.isEmpty())
            return;
        auto* dialog = new TagBrowserDialog(path, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    tools->addSeparator();
    QAction* train = tools->addAction(tr("Train a &Model…"), this, [this] {
        // One wizard at a time, not modal: the viewer stays usable while a model trains.
        if (auto* open = findChild<TrainingWizard*>()) {
            open->show();
            open->raise();
            open->activateWindow();
            return;
        }
        auto* wizard = new TrainingWizard(m_jobs, m_settings, this);
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        connect(wizard, &TrainingWizard::modelInstalled, m_ai, &AiDock::refreshModels);
        wizard->show();
    });
    train->setObjectName(QStringLiteral("trainModelAction"));
    tools->addSeparator();
    tools->addAction(tr("&Settings…"), QKeySequence::Preferences, this, [this] {
        SettingsDialog dialog(m_settings, this);
        m_pacs->addSettingsPage(dialog);
        connect(&dialog, &SettingsDialog::applied, m_segments, &SegmentEditorDock::applySettings);
        dialog.exec();
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(tr("&About RadPath"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(openFile);
    bar->addAction(openFolder);
}

void MainWindow::refreshRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_settings.recentFiles();
    for (const QString& path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openPaths({path}); })->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
    m_dataBrowser->setRecentFiles(recent);
}

void MainWindow::openPaths(const QStringList& paths)
{
    QStringList toOpen;
    for (const QString& path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        // Already open: show it instead of reading it twice.
        const int existing = openDocuments().indexOf(absolute);
        if (existing >= 0)
            m_tabs->setCurrentIndex(existing);
        else if (!m_documents->pending().contains(absolute))
            toOpen << absolute;
    }
    m_documents->open(toOpen);
}

void MainWindow::addDocument(const QString& path, const QString& title, QWidget* view)
{
    view->setProperty("documentPath", path);
    if (auto* volumeView = qobject_cast<viewer::VolumeView*>(view))
        connect(volumeView, &viewer::VolumeView::volumeReplaced, this, &MainWindow::refreshGrid);
    const int index = m_tabs->addTab(view, title);
    m_tabs->setTabToolTip(index, path);
    if (m_restoreTab < 0 || index == m_restoreTab)
        m_tabs->setCurrentIndex(index);
    m_dataBrowser->setOpenDocuments(openDocuments());
    refreshRecentMenu();
    statusBar()->showMessage(tr("Opened %1").arg(title), 5000);
}

void MainWindow::openReport()
{
    // Key images are snapshotted from whichever tab is in front when the user asks.
    auto snapshot = [tabs = QPointer<QTabWidget>(m_tabs)] { return viewSnapshot(tabs ? tabs->currentWidget() : nullptr); };
    QWidget* page = m_tabs->currentWidget();
    if (auto* view = qobject_cast<viewer::VolumeView*>(page); view && view->isLoading()) {
        statusBar()->showMessage(tr("The series is still loading: open the report once it is in."), 6000);
        return;
    }
    const QString subject = page ? AiDock::subjectOf(page) : QString();
    const QString draftPath = reportDraftPath(m_settings.dataDir(), page);
    auto show = [this, snapshot, subject, draftPath](Report report) {
        auto* editor = new ReportEditorDialog(std::move(report), snapshot, m_settings.dataDir(), this);
        editor->setDraftPath(draftPath);
        // A review in the report is the image's review: the AI dock shows it too.
        if (!subject.isEmpty() && !editor->report().isSigned()) {
            editor->setReviewSink([reviews = QPointer<AiReviewStore>(m_reviews), subject](int, const Finding& f) {
                if (reviews)
                    reviews->setStatusOf(subject, f.id, f.status, f.changedBy, f.changedAt, f.text);
            });
            // And back: a review in the AI dock, or a corrected mask, reaches the open report.
            connect(m_reviews, &AiReviewStore::changed, editor, [this, editor, subject](const QString& changed) {
                if (changed == subject)
                    for (const Finding& f : m_reviews->findings(subject))
                        editor->updateFindingReview(f);
            });
        }
        connect(editor, &ReportEditorDialog::sendRequested, m_pacs,
                [this](const QString& path) { m_pacs->send({path}, tr("the report")); });
        editor->show();
    };
    const JobId job = prepareReport(m_jobs, page, *m_reviews, m_settings.dataDir(), this, show,
                                    [this, path = page ? page->property("documentPath").toString() : QString()](const QString& message) {
                                        auto* box = new QMessageBox(QMessageBox::Warning, tr("Report"),
                                                                    tr("No report can be prepared for %1:\n%2")
                                                                        .arg(QDir::toNativeSeparators(path), message),
                                                                    QMessageBox::Ok, this);
                                        box->setAttribute(Qt::WA_DeleteOnClose);
                                        box->open();
                                    });
    if (job == 0)
        show(Report()); // nothing open: a blank report
    else
        statusBar()->showMessage(tr("Preparing the report…"), 4000);
}

void MainWindow::closeTab(int index)
{
    if (index < 0)
        return;
    QWidget* view = m_tabs->widget(index);
    if (auto* volumeView = qobject_cast<viewer::VolumeView*>(view))
        m_store->detach(volumeView->sliceView());
    if (view == m_grid) {
        for (int i = 0; i < m_grid->cellCapacity(); ++i)
            m_store->detach(m_grid->cell(i));
        m_grid = nullptr;
        if (auto* single = findChild<QAction*>(QStringLiteral("layout1x1")))
            single->setChecked(true);
    }
    m_tabs->removeTab(index);
    delete view;
    m_dataBrowser->setOpenDocuments(openDocuments());
    refreshGrid();
}

QStringList MainWindow::openDocuments() const
{
    QStringList paths;
    for (int i = 0; i < m_tabs->count(); ++i) {
        const QString path = m_tabs->widget(i)->property("documentPath").toString();
        if (!path.isEmpty()) // the side-by-side tab is not a document
            paths << path;
    }
    return paths;
}

void MainWindow::setGridLayout(int rows, int columns)
{
    if (auto* action = findChild<QAction*>(QStringLiteral("layout%1x%2").arg(rows).arg(columns)))
        action->setChecked(true);
    if (rows * columns <= 1) {
        if (m_grid)
            closeTab(m_tabs->indexOf(m_grid));
        return;
    }
    if (!m_grid) {
        m_store->flush(); // the grid's views read the measurements saved so far
        m_grid = new viewer::SliceGrid;
        m_grid->setObjectName(QStringLiteral("sliceGrid"));
        // Measurements made side by side are saved with their series like any others.
        connect(m_grid, &viewer::SliceGrid::cellSourceChanged, this, [this](int cell) {
            const int source = m_grid->cellSource(cell);
            if (source >= 0 && source < m_gridPaths.size())
                m_store->attach(m_grid->cell(cell), m_gridPaths[source]);
            else
                m_store->detach(m_grid->cell(cell));
        });
        m_tabs->addTab(m_grid, tr("Side by side"));
    }
    m_grid->setGridSize(rows, columns);
    refreshGrid();
    m_tabs->setCurrentWidget(m_grid);
}

void MainWindow::refreshGrid()
{
    if (!m_grid)
        return;
    // Every loaded series, the tab in front first.
    std::vector<viewer::SliceGrid::Source> sources;
    m_gridPaths.clear();
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto* view = qobject_cast<viewer::VolumeView*>(m_tabs->widget(i));
        if (view && !view->isLoading()) {
            sources.push_back({m_tabs->tabText(i), view->volume()});
            m_gridPaths << view->property("documentPath").toString();
        }
    }
    m_grid->setSources(std::move(sources));
}

viewer::VolumeView* MainWindow::takeSpareView()
{
    viewer::VolumeView* spare = m_spare;
    m_spare = nullptr;
    return spare;
}

void MainWindow::prepareSpareView()
{
    if (m_spare || !isVisible())
        return;
    // Drawn once, small and behind the document area, then hidden: its OpenGL context and
    // shaders are ready when the next series opens into it.
    m_spare = new viewer::VolumeView(this);
    m_spare->setObjectName(QStringLiteral("spareView"));
    viewer::ImageGeometry g;
    g.size = {2, 2, 2};
    m_spare->setVolume(viewer::Volume(viewer::PixelType::Int16, g));
    m_spare->setGeometry(QRect(m_tabs->geometry().topLeft(), QSize(64, 48)));
    m_spare->lower();
    m_spare->show();
    QPointer<viewer::VolumeView> spare(m_spare);
    connect(m_spare->sliceWidget(), &viewer::VtkWidget::frameRendered, m_spare, [spare] {
        if (spare && spare->parent() && !spare->parent()->inherits("QStackedWidget"))
            spare->hide();
    }, Qt::SingleShotConnection);
}

void MainWindow::openLayer(const QString& path, bool labelMap, viewer::VolumeView* view)
{
    if (!view)
        view = qobject_cast<viewer::VolumeView*>(m_tabs->currentWidget());
    if (!view) {
        showError(path, tr("Open an image first: label maps and overlays are drawn over it."));
        return;
    }
    m_layerLoader->open(view, path, labelMap ? LayerLoader::Kind::LabelMap : LayerLoader::Kind::Overlay);
}

void MainWindow::showError(const QString& path, const QString& problem)
{
    const QString message = tr("Cannot open %1\n%2").arg(QDir::toNativeSeparators(path), problem);
    statusBar()->showMessage(tr("Cannot open %1").arg(QFileInfo(path).fileName()), 8000);
    // Non-modal: the window keeps working while the message is up.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot open"), message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    emit errorShown(message);
}

bool MainWindow::restoreSession()
{
    restoreGeometry(m_settings.windowGeometry());
    restoreState(m_settings.windowState());
    QStringList existing;
    for (const QString& path : m_settings.sessionDocuments())
        if (QFileInfo::exists(path))
            existing << path;
    m_restoreTab = m_settings.sessionCurrentTab();
    openPaths(existing);
    return !existing.isEmpty();
}

void MainWindow::saveSession()
{
    m_settings.setSessionDocuments(openDocuments());
    m_settings.setSessionCurrentTab(m_tabs->currentIndex());
    m_settings.setWindowLayout(saveGeometry(), saveState());
    m_settings.sync();
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    // First start (no saved layout): the right docks wide enough for the label table.
    if (!m_docksSized && m_settings.windowState().isEmpty())
        resizeDocks({m_layers}, {320}, Qt::Horizontal);
    m_docksSized = true;
    QTimer::singleShot(300, this, &MainWindow::prepareSpareView);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_store->flush();
    saveSession();
    m_jobs.cancelAll();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    openPaths(paths);
    event->acceptProposedAction();
}

} // namespace app
} // namespace radpath

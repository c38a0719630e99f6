#include "app/gui/MainWindow.h"

#include "app/core/AppSettings.h"
#include "app/core/JobRunner.h"
#include "app/gui/AboutDialog.h"
#include "app/gui/AiDock.h"
#include "app/gui/DataBrowserDock.h"
#include "app/gui/DocumentController.h"
#include "app/gui/InfoDock.h"
#include "app/gui/JobStatusWidget.h"
#include "app/gui/JobsDock.h"
#include "app/gui/MeasurementsDock.h"
#include "viewer/view/SliceView.h"
#include "viewer/view/VolumeView.h"
#include "app/gui/SettingsDialog.h"
#include "app/gui/StudyBrowserDock.h"
#include "app/gui/TagBrowserDialog.h"
#include "viewer/io/DicomSeriesReader.h"

#include <QAction>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDir>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTabWidget>
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
    connect(m_documents, &DocumentController::documentOpened, this, &MainWindow::addDocument);
    connect(m_documents, &DocumentController::openFailed, this, &MainWindow::showError);

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
    tabifyDockWidget(m_dataBrowser, m_studies);
    m_studies->raise(); // the study list first, as PACS viewers open

    addDockWidget(Qt::RightDockWidgetArea,
                  new InfoDock(tr("Layers"), QStringLiteral("layersDock"),
                               tr("Layers of the current study (label maps, overlays, AI results) appear here."), this));
    addDockWidget(Qt::RightDockWidgetArea, new AiDock(m_jobs, m_settings, this));
    m_measurements = new MeasurementsDock(this);
    addDockWidget(Qt::RightDockWidgetArea, m_measurements);
    // The dock follows the slice view of the tab in front.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        auto* volumeView = qobject_cast<viewer::VolumeView*>(m_tabs->widget(index));
        m_measurements->setView(volumeView ? volumeView->sliceView() : nullptr);
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
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    refreshRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Close Tab"), QKeySequence::Close, this, [this] { closeTab(m_tabs->currentIndex()); });
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
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
    tools->addAction(tr("&Settings…"), QKeySequence::Preferences, this, [this] {
        SettingsDialog dialog(m_settings, this);
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
    const int index = m_tabs->addTab(view, title);
    m_tabs->setTabToolTip(index, path);
    if (m_restoreTab < 0 || index == m_restoreTab)
        m_tabs->setCurrentIndex(index);
    m_dataBrowser->setOpenDocuments(openDocuments());
    refreshRecentMenu();
    statusBar()->showMessage(tr("Opened %1").arg(title), 5000);
}

void MainWindow::closeTab(int index)
{
    if (index < 0)
        return;
    QWidget* view = m_tabs->widget(index);
    m_tabs->removeTab(index);
    delete view;
    m_dataBrowser->setOpenDocuments(openDocuments());
}

QStringList MainWindow::openDocuments() const
{
    QStringList paths;
    for (int i = 0; i < m_tabs->count(); ++i)
        paths << m_tabs->widget(i)->property("documentPath").toString();
    return paths;
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

void MainWindow::closeEvent(QCloseEvent* event)
{
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

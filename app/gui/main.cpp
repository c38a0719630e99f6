// radpath: the desktop viewer.

#include "app/core/AiModule.h"
#include "app/core/AppSettings.h"
#include "app/core/BuildInfo.h"
#include "app/core/JobRunner.h"
#include "app/gui/AiDock.h"
#include "app/gui/Appearance.h"
#include "app/gui/DocumentController.h"
#include "app/gui/MainWindow.h"
#include "viewer/render/VtkWidget.h"
#include "viewer/view/VolumeView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QTimer>

#include <functional>
#include <memory>

#include <cstdio>
#include <cstring>

using namespace radpath::app;

namespace {

// --version and --help work without a display: answer them before QApplication exists.
int answerWithoutDisplay(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            QCoreApplication app(argc, argv);
            std::fputs(versionReport(true).toLocal8Bit().constData(), stdout);
            return 0;
        }
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::fputs("Usage: radpath [options] [PATH...]\n"
                       "Opens DICOM folders or files (and later slides) in the RadPath viewer.\n\n"
                       "Options:\n"
                       "  --data-dir DIR        keep settings and state in DIR (or set RADPATH_DATA_DIR)\n"
                       "  --no-restore          do not reopen the documents of the last session\n"
                       "  --load-ai             load the AI engine at start instead of on first use\n"
                       "  --screenshot FILE     when the documents are open, save the window as PNG and quit\n"
                       "  --run-model NAME      run the model file NAME of the library on the image in front\n"
                       "  --explain METHOD      then add its saliency map (grad-cam, gradient, smoothgrad, occlusion)\n"
                       "  --quit-after-start    quit as soon as the window is shown (start-up timing)\n"
                       "  --version             print RadPath and library versions, CUDA availability\n"
                       "  --help                this text\n",
                       stdout);
            return 0;
        }
    }
    return -1;
}

// Saves the window once nothing is loading any more, then quits.
void screenshotWhenReady(MainWindow& window, JobRunner& jobs, const QString& file)
{
    auto* timer = new QTimer(&window);
    timer->setInterval(200);
    QObject::connect(timer, &QTimer::timeout, &window, [&window, &jobs, file, timer, polls = 0]() mutable {
        ++polls;
        const bool busy = jobs.activeCount() > 0 || !window.documents()->pending().isEmpty();
        if (busy && polls < 600)
            return;
        timer->stop();
        // One more moment for the views to draw their first frames.
        QTimer::singleShot(700, &window, [&window, file] {
            const bool saved = window.grab().save(file, "PNG");
            std::fprintf(saved ? stdout : stderr, saved ? "screenshot saved to %s\n" : "cannot save screenshot to %s\n",
                         QDir::toNativeSeparators(file).toLocal8Bit().constData());
            QCoreApplication::exit(saved ? 0 : 1);
        });
    });
    timer->start();
}

/// Once the documents are read and the model library is known: selects `model` (a file name
/// in the library) in the AI dock, runs it on the tab in front, adds saliency by `explain`
/// when set, then calls `done` (with or without success: the outcome shows in the dock).
void runModelWhenReady(MainWindow& window, JobRunner& jobs, const QString& model, const QString& explain,
                       std::function<void()> done)
{
    AiDock* dock = window.aiDock();
    dock->show();
    dock->raise();
    auto* timer = new QTimer(&window);
    timer->setInterval(200);
    QObject::connect(timer, &QTimer::timeout, &window, [&window, &jobs, dock, model, explain, done, timer] {
        if (jobs.activeCount() > 0 || !window.documents()->pending().isEmpty() || !dock->libraryRead())
            return;
        timer->stop();
        if (!dock->selectModel(model)) {
            std::fprintf(stderr, "radpath: no model named %s fits the image in front\n", model.toLocal8Bit().constData());
            return done();
        }
        QObject::connect(dock, &AiDock::runFailed, &window, [done](const QString&) { done(); });
        auto explained = std::make_shared<bool>(explain.isEmpty());
        QObject::connect(dock, &AiDock::runFinished, &window, [dock, explain, done, explained] {
            if (*explained)
                return done();
            *explained = true;
            if (!dock->setSaliencyMethod(explain)) {
                std::fprintf(stderr, "radpath: unknown saliency method %s\n", explain.toLocal8Bit().constData());
                return done();
            }
            dock->explain();
        });
        dock->runModel();
    });
    timer->start();
}

} // namespace

int main(int argc, char** argv)
{
    if (const int rc = answerWithoutDisplay(argc, argv); rc >= 0)
        return rc;

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("RadPath"));
    QApplication::setOrganizationName(QStringLiteral("RadPath"));
    QApplication::setApplicationVersion(radpathVersion());
    QApplication::setDesktopFileName(QStringLiteral("radpath"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("RadPath viewer"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Data directory."), QStringLiteral("DIR"));
    const QCommandLineOption noRestore(QStringLiteral("no-restore"), QStringLiteral("Do not restore the last session."));
    const QCommandLineOption loadAi(QStringLiteral("load-ai"), QStringLiteral("Load the AI engine at start."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Save a PNG and quit."), QStringLiteral("FILE"));
    const QCommandLineOption quitAfterStart(QStringLiteral("quit-after-start"), QStringLiteral("Quit once shown."));
    const QCommandLineOption firstFrame(QStringLiteral("report-first-frame"),
                                        QStringLiteral("Print the ms from opening to the first slice frame, then quit."));
    const QCommandLineOption labels(QStringLiteral("labels"), QStringLiteral("Label map to show over the first image."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption overlay(QStringLiteral("overlay"), QStringLiteral("Overlay (second volume) to show over the first image."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption runModel(QStringLiteral("run-model"), QStringLiteral("Run a library model on the image in front."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption explain(QStringLiteral("explain"), QStringLiteral("Add the model's saliency map."),
                                     QStringLiteral("METHOD"));
    parser.addOptions({dataDir, noRestore, loadAi, screenshot, quitAfterStart, firstFrame, labels, overlay, runModel, explain});
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Files or folders to open."), QStringLiteral("[PATH...]"));
    parser.process(app);

    AppSettings settings(AppSettings::resolveDataDir(parser.value(dataDir)));
    applyTheme(app, settings.theme());
    installTranslations(app, settings.language());

    JobRunner jobs(settings.workerThreads());
    MainWindow window(settings, jobs);
    const QStringList paths = parser.positionalArguments();
    QElapsedTimer sinceOpen;
    if (parser.isSet(firstFrame)) {
        // Benchmark: from the call that opens the series to its middle slice on screen.
        window.show();
        QObject::connect(window.documents(), &DocumentController::documentOpened, &window,
                         [&sinceOpen](const QString&, const QString&, QWidget* view) {
                             auto* volumeView = qobject_cast<radpath::viewer::VolumeView*>(view);
                             if (!volumeView)
                                 return;
                             QObject::connect(volumeView->sliceWidget(), &radpath::viewer::VtkWidget::frameRendered, volumeView,
                                              [&sinceOpen] {
                                                  static bool reported = false;
                                                  if (reported)
                                                      return;
                                                  reported = true;
                                                  std::printf("first-frame-ms %.1f\n", sinceOpen.nsecsElapsed() / 1e6);
                                                  std::fflush(stdout);
                                                  QTimer::singleShot(0, qApp, &QCoreApplication::quit);
                                              });
                         });
        // As a user does: the window is up and idle when the series is opened.
        QTimer::singleShot(800, &window, [&window, &sinceOpen, paths] {
            sinceOpen.start();
            window.openPaths(paths);
        });
    } else if (!paths.isEmpty()) {
        // Layers from the command line go over the first image once it is read.
        if (parser.isSet(labels) || parser.isSet(overlay)) {
            auto once = std::make_shared<QMetaObject::Connection>();
            *once = QObject::connect(window.documents(), &DocumentController::documentLoaded, &window,
                                     [&window, once, labelPath = parser.value(labels), overlayPath = parser.value(overlay)](
                                         const QString&, radpath::viewer::VolumeView* view) {
                                         QObject::disconnect(*once);
                                         if (!labelPath.isEmpty())
                                             window.openLayer(labelPath, true, view);
                                         if (!overlayPath.isEmpty())
                                             window.openLayer(overlayPath, false, view);
                                     });
        }
        window.openPaths(paths);
    }
    else if (!parser.isSet(noRestore))
        window.restoreSession();
    window.show();

    if (parser.isSet(loadAi)) {
        QString error;
        if (!AiModule::instance().load(&error))
            std::fprintf(stderr, "radpath: %s\n", error.toLocal8Bit().constData());
    }
    if (parser.isSet(quitAfterStart))
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
    if (parser.isSet(runModel)) {
        // The screenshot, if any, shows the run's outcome.
        const QString file = parser.value(screenshot);
        runModelWhenReady(window, jobs, parser.value(runModel), parser.value(explain), [&window, &jobs, file] {
            if (!file.isEmpty())
                screenshotWhenReady(window, jobs, file);
        });
    } else if (parser.isSet(screenshot)) {
        screenshotWhenReady(window, jobs, parser.value(screenshot));
    }
    return app.exec();
}

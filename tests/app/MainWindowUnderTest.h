#pragma once
// A RadPath main window as the GUI tests drive it: its own settings folder, two job
// threads, 1500 × 950 and shown.

#include "app/core/AppSettings.h"
#include "app/core/JobRunner.h"
#include "app/gui/MainWindow.h"

#include <QString>

namespace radpath::test {

struct MainWindowUnderTest {
    explicit MainWindowUnderTest(const QString& stateDir) : settings(stateDir), jobs(2), window(settings, jobs)
    {
        window.resize(1500, 950);
        window.show();
    }

    app::AppSettings settings;
    app::JobRunner jobs;
    app::MainWindow window;
};

} // namespace radpath::test

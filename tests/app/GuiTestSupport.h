#pragma once
// What the GUI tests share: screenshots for people to look at, and the make-demo data.

#include <QDir>
#include <QProcess>
#include <QString>
#include <QWidget>
#include <QtTest>

namespace radpath::test {

/// Saves `widget` as <RADPATH_SCREENSHOT_DIR>/<name>.png after it settled; nothing when the
/// variable is unset.
inline void saveScreenshot(QWidget& widget, const char* name)
{
    const QString dir = qEnvironmentVariable("RADPATH_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(300);
    widget.grab().save(QDir(dir).filePath(QLatin1String(name) + QStringLiteral(".png")));
}

/// `radpath-cli make-demo DIR --small`; false when it fails.
inline bool makeSmallDemo(const QString& dir)
{
    QProcess make;
    make.start(QStringLiteral(RADPATH_BIN_DIR "/radpath-cli"), {QStringLiteral("make-demo"), dir, QStringLiteral("--small")});
    return make.waitForFinished(300000) && make.exitStatus() == QProcess::NormalExit && make.exitCode() == 0;
}

} // namespace radpath::test

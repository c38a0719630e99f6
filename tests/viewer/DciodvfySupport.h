#pragma once
// dciodvfy (dicom3tools) as the DICOM output tests run it: its warnings go to the test log,
// its error lines come back to fail the test.

#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QtTest>

#include <string>

namespace radpath::viewer::test {

/// dciodvfy on the PATH, or "" when dicom3tools is not installed.
inline QString dciodvfyProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("dciodvfy"));
}

/// Runs dciodvfy on `path`: its warnings go to the test log, its errors are returned (one
/// saying so when it cannot run).
inline QStringList dciodvfyErrors(const std::string& path)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(dciodvfyProgram(), {QString::fromStdString(path)});
    if (!process.waitForFinished(60000))
        return {QStringLiteral("dciodvfy did not run: ") + process.errorString()};
    QStringList errors;
    const QStringList lines = QString::fromLocal8Bit(process.readAll()).split('\n', Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        if (line.contains(QLatin1String("Error")))
            errors << line;
        else
            qInfo().noquote() << "dciodvfy" << QString::fromStdString(path).section('/', -1) << ":" << line;
    }
    return errors;
}

} // namespace radpath::viewer::test

#define VERIFY_DCIODVFY(path)                                                                                          \
    do {                                                                                                               \
        const QStringList errors = radpath::viewer::test::dciodvfyErrors(path);                                        \
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));                                                     \
    } while (false)

/// VERIFY_DCIODVFY where dicom3tools is installed; skips the test function where it is not.
#define VERIFY_DCIODVFY_OR_SKIP(path)                                                                                  \
    do {                                                                                                               \
        if (radpath::viewer::test::dciodvfyProgram().isEmpty())                                                        \
            QSKIP("dciodvfy (dicom3tools) is not installed");                                                          \
        VERIFY_DCIODVFY(path);                                                                                         \
    } while (false)

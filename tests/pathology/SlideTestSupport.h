#pragma once
// Helpers for the slide tests: a small Aperio slide, openslide-python as the reference.

#include "pathology/demo/SlidePhantom.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QString>

namespace radpath::pathology::test {

/// An 8300 x 6100 Aperio SVS (three levels: downsamples 1, 4, ~16) written to `dir`.
inline QString writeSmallSlide(const QDir& dir)
{
    SlidePhantomSpec spec;
    spec.width = 8300;
    spec.height = 6100;
    spec.seed = 7;
    spec.tumourRegions = 2;
    const QString path = dir.filePath("small.svs");
    writeSlidePhantom(path.toStdString(), spec);
    return path;
}

/// Debian's Python (python3 on PATH may be a shim without Debian's packages).
inline QString systemPython()
{
    return QStringLiteral("/usr/bin/python3");
}

/// Whether openslide-python is importable; the reason when not.
inline bool haveOpenSlidePython(QString* why)
{
    QProcess p;
    p.start(systemPython(), {"-c", "import openslide, openslide._convert"});
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *why = QStringLiteral("python3-openslide is not installed (apt-get install python3-openslide): ") +
               QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
        return false;
    }
    return true;
}

/// Runs `script` with `args`; returns stderr on failure, an empty string on success.
inline QString runPython(const QString& script, const QStringList& args)
{
    QProcess p;
    p.start(systemPython(), QStringList{"-c", script} + args);
    if (!p.waitForFinished(120000))
        return QStringLiteral("python did not finish");
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QString::fromLocal8Bit(p.readAllStandardError());
    return {};
}

/// Pixels that differ between two RGBA8888 images of one size (-1 when sizes differ).
inline qint64 differingPixels(const QImage& a, const QImage& b)
{
    if (a.size() != b.size())
        return -1;
    const QImage x = a.convertToFormat(QImage::Format_RGBA8888), y = b.convertToFormat(QImage::Format_RGBA8888);
    qint64 n = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto* p = reinterpret_cast<const quint32*>(x.constScanLine(row));
        const auto* q = reinterpret_cast<const quint32*>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col)
            n += p[col] != q[col];
    }
    return n;
}

// Pixels of `a` that no pixel of `b` within one pixel matches (within 4 levels). An edge
// lying on a half pixel may round either way, so the same picture can differ by one-pixel
// seams; a misplaced or missing strip does not pass.
inline qint64 unmatchedWithinOnePixel(const QImage& a, const QImage& b)
{
    if (a.size() != b.size())
        return -1;
    qint64 n = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            bool matched = false;
            for (int dy = -1; dy <= 1 && !matched; ++dy)
                for (int dx = -1; dx <= 1 && !matched; ++dx) {
                    if (!b.valid(x + dx, y + dy))
                        continue;
                    const QRgb q = b.pixel(x + dx, y + dy);
                    matched = std::abs(qRed(p) - qRed(q)) <= 4 && std::abs(qGreen(p) - qGreen(q)) <= 4 && std::abs(qBlue(p) - qBlue(q)) <= 4;
                }
            n += !matched;
        }
    return n;
}

} // namespace radpath::pathology::test

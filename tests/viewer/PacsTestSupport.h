#pragma once
// Helpers shared by the PACS tests (DIMSE, DICOMweb, TLS): the series they send, what a
// retrieved copy must keep from its original, radpath-cli runs, and test bodies that fail
// on an exception.

#include "viewer/demo/CtPhantom.h"
#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/io/TaskControl.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtTest>

#include <QDir>

#include <exception>
#include <map>
#include <string>
#include <vector>

namespace radpath::test {

/// What the retrieved copies must keep from the originals.
struct Instance {
    QString sopUid;
    QString patientId;
    QString seriesUid;
    QString position; ///< ImagePositionPatient as stored
    QByteArray pixels;
    bool loaded = false;
};

inline Instance readInstance(const QString& path)
{
    Instance out;
    DcmFileFormat file;
    if (file.loadFile(path.toLocal8Bit().constData()).bad())
        return out;
    DcmDataset* ds = file.getDataset();
    const auto text = [ds](const DcmTagKey& tag) {
        OFString v;
        ds->findAndGetOFStringArray(tag, v);
        return QString::fromLatin1(v.c_str());
    };
    out.sopUid = text(DCM_SOPInstanceUID);
    out.patientId = text(DCM_PatientID);
    out.seriesUid = text(DCM_SeriesInstanceUID);
    out.position = text(DCM_ImagePositionPatient);
    const Uint8* data = nullptr;
    unsigned long count = 0;
    if (ds->findAndGetUint8Array(DCM_PixelData, data, &count).good() && data)
        out.pixels = QByteArray(reinterpret_cast<const char*>(data), int(count));
    out.loaded = true;
    return out;
}

/// A series written for a PACS test: its files in name order and each one as read back.
struct WrittenSeries {
    viewer::DicomSeriesMeta meta;
    std::vector<std::string> files;
    std::map<QString, Instance> originals; ///< by SOP instance UID
};

/// The --small demo CT (the phantom as make-demo --small sets it, `slices` of them) written
/// into `dir` with `meta`.
inline WrittenSeries writeSmallDemoCt(const QString& dir, const viewer::DicomSeriesMeta& meta, int slices)
{
    viewer::CtPhantomSpec spec;
    spec.size = 96;
    spec.slices = slices;
    spec.pixelMm = 2.0;
    spec.sliceMm = 2.0;
    spec.lesionRadiusMm = 10.0;
    spec.seed = 7;
    WrittenSeries written;
    written.meta = viewer::writeCtSeries(viewer::makeCtPhantom(spec).volume, dir.toStdString(), meta);
    for (const QString& name : QDir(dir).entryList(QDir::Files, QDir::Name)) {
        const QString path = QDir(dir).filePath(name);
        written.files.push_back(path.toStdString());
        const Instance instance = readInstance(path);
        written.originals[instance.sopUid] = instance;
    }
    return written;
}

struct Run {
    int code = -1; ///< -1: crashed or killed; -2: did not start
    QByteArray out;
    QString err;
};

/// radpath-cli with `args`; `environment` ("NAME=value") on top of this process's, without
/// the PACS credential variables unless given.
inline Run runCli(const QStringList& args, const QStringList& environment = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("RADPATH_PACS_PASSWORD"));
    env.remove(QStringLiteral("RADPATH_PACS_TOKEN"));
    for (const QString& pair : environment)
        env.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(RADPATH_BIN_DIR "/radpath-cli"), args);
    if (!p.waitForStarted(30000))
        return {-2, {}, QStringLiteral("radpath-cli did not start: ") + p.errorString()};
    if (!p.waitForFinished(120000))
        p.kill(), p.waitForFinished(5000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromLocal8Bit(p.readAllStandardError())};
}

/// Runs `body`; an exception fails the test with its message.
template <typename Body> void guarded(Body body)
{
    try {
        body();
    } catch (const std::exception& e) {
        QFAIL(e.what());
    } catch (const viewer::OperationCancelled&) {
        QFAIL("the operation was cancelled");
    }
}

} // namespace radpath::test

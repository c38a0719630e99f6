#include "app/core/ModelLibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <algorithm>

namespace radpath::app {
namespace {

QString projectionKind(const QString& modality)
{
    const QString m = modality.toUpper();
    return m == QLatin1String("CR") || m == QLatin1String("DX") ? QStringLiteral("DX") : m;
}

bool isBundleFolder(const QDir& dir)
{
    return dir.exists(QStringLiteral("configs")) && QFileInfo::exists(dir.filePath(QStringLiteral("models/model.ts")));
}

constexpr quint32 kEndOfDirectory = 0x06054b50, kDirectoryEntry = 0x02014b50, kLocalHeader = 0x04034b50;

quint16 u16(const QByteArray& b, qsizetype at) { return qFromLittleEndian<quint16>(b.constData() + at); }
quint32 u32(const QByteArray& b, qsizetype at) { return qFromLittleEndian<quint32>(b.constData() + at); }

ai::ModelTask taskFromText(const QString& task)
{
    if (task == QLatin1String("segmentation"))
        return ai::ModelTask::Segmentation;
    if (task == QLatin1String("tile-classification"))
        return ai::ModelTask::TileClassification;
    return ai::ModelTask::Classification;
}

ai::Manifest radpathManifest(const QJsonObject& json)
{
    ai::Manifest m;
    m.name = json["name"].toString().toStdString();
    m.version = json["version"].toString().toStdString();
    m.task = taskFromText(json["task"].toString());
    m.modality = json["modality"].toString().toStdString();
    m.dims = m.input.dims = json["dims"].toInt(2);
    m.intendedUse = json["intended_use"].toString().toStdString();
    return m;
}

/// The fields the library shows, as MONAI's metadata.json and inference.json state them.
ai::Manifest bundleManifest(const QJsonObject& metadata, const QByteArray& inference, const QString& fallbackName)
{
    ai::Manifest m;
    m.name = metadata["name"].toString(fallbackName).toStdString();
    m.version = metadata["version"].toString().toStdString();
    const QJsonObject formats = metadata["network_data_format"].toObject();
    const QJsonObject image = formats["inputs"].toObject()["image"].toObject();
    const QJsonObject pred = formats["outputs"].toObject()["pred"].toObject();
    m.modality = image["modality"].toString().toStdString();
    m.dims = m.input.dims = image["spatial_shape"].toArray().size() == 2 ? 2 : 3;
    const bool segmentation = inference.contains("SlidingWindowInferer") ||
                              pred["format"].toString() == QLatin1String("segmentation") ||
                              metadata["task"].toString().contains(QLatin1String("segmentation"), Qt::CaseInsensitive);
    m.task = segmentation ? ai::ModelTask::Segmentation : ai::ModelTask::Classification;
    m.intendedUse = metadata["intended_use"].toString(metadata["description"].toString()).toStdString();
    return m;
}

std::optional<QJsonObject> jsonObject(const std::optional<QByteArray>& bytes)
{
    if (!bytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

std::optional<QByteArray> fileBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

} // namespace

std::optional<QByteArray> readStoredZipEntry(const QString& archive, const QString& suffix)
{
    QFile file(archive);
    if (!file.open(QIODevice::ReadOnly) || file.size() < 22)
        return std::nullopt;
    // The end-of-directory record lies in the last 64 KiB + 22 bytes (its comment is shorter).
    const qint64 tailSize = std::min<qint64>(file.size(), 65557);
    file.seek(file.size() - tailSize);
    const QByteArray tail = file.read(tailSize);
    qsizetype end = tail.size() - 22;
    while (end >= 0 && u32(tail, end) != kEndOfDirectory)
        --end;
    if (end < 0)
        return std::nullopt;
    const quint32 directorySize = u32(tail, end + 12), directoryOffset = u32(tail, end + 16);
    file.seek(directoryOffset);
    const QByteArray directory = file.read(directorySize);
    const QByteArray wanted = suffix.toUtf8();
    for (qsizetype at = 0; at + 46 <= directory.size() && u32(directory, at) == kDirectoryEntry;) {
        const quint16 method = u16(directory, at + 10), nameLength = u16(directory, at + 28);
        const quint32 size = u32(directory, at + 20), local = u32(directory, at + 42);
        const QByteArray name = directory.mid(at + 46, nameLength);
        at += 46 + nameLength + u16(directory, at + 30) + u16(directory, at + 32);
        if (!name.endsWith(wanted))
            continue;
        if (method != 0)
            return std::nullopt; // compressed: left to the engine
        file.seek(local);
        const QByteArray header = file.read(30);
        if (header.size() < 30 || u32(header, 0) != kLocalHeader)
            return std::nullopt;
        file.seek(qint64(local) + 30 + u16(header, 26) + u16(header, 28));
        QByteArray data = file.read(size);
        return data.size() == qsizetype(size) ? std::optional<QByteArray>(data) : std::nullopt;
    }
    return std::nullopt;
}

std::optional<ModelSummary> readModelSummary(const QString& path, QString* problem)
{
    const QFileInfo info(path);
    ModelSummary summary{path, QStringLiteral("radpath"), {}};
    if (info.isDir()) {
        const QDir configs(QDir(path).filePath(QStringLiteral("configs")));
        if (const auto metadata = jsonObject(fileBytes(configs.filePath(QStringLiteral("metadata.json"))))) {
            summary.format = QStringLiteral("monai-bundle");
            summary.manifest = bundleManifest(*metadata, fileBytes(configs.filePath(QStringLiteral("inference.json"))).value_or(QByteArray()),
                                              info.fileName());
            return summary;
        }
    } else if (const auto embedded = jsonObject(readStoredZipEntry(path, QStringLiteral("/extra/radpath.json")))) {
        summary.manifest = radpathManifest(*embedded);
        return summary;
    } else if (const auto metadata = jsonObject(readStoredZipEntry(path, QStringLiteral("metadata.json")))) {
        summary.format = QStringLiteral("monai-bundle");
        summary.manifest = bundleManifest(*metadata, readStoredZipEntry(path, QStringLiteral("inference.json")).value_or(QByteArray()),
                                          info.completeBaseName());
        return summary;
    } else if (const auto sidecar = jsonObject(fileBytes(info.dir().filePath(info.completeBaseName() + QStringLiteral(".json"))))) {
        summary.manifest = radpathManifest(*sidecar);
        return summary;
    }
    if (problem)
        *problem = QStringLiteral("%1: neither a RadPath model package with its manifest nor a MONAI bundle").arg(path);
    return std::nullopt;
}

QStringList modelLibraryFolders(const QString& userDir)
{
    QStringList folders;
    const QString fromEnvironment = qEnvironmentVariable("RADPATH_MODEL_DIR");
    folders << (fromEnvironment.isEmpty()
                    ? QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/radpath/models"))
                    : fromEnvironment);
    if (!userDir.isEmpty())
        folders << userDir;
    return folders;
}

QStringList findModels(const QStringList& folders)
{
    QStringList models;
    for (const QString& folder : folders) {
        const QDir dir(folder);
        for (const QFileInfo& entry : dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString suffix = entry.suffix().toLower();
            if (entry.isFile() && (suffix == QLatin1String("pt") || suffix == QLatin1String("ts")))
                models << entry.absoluteFilePath();
            else if (entry.isDir() && isBundleFolder(QDir(entry.absoluteFilePath())))
                models << entry.absoluteFilePath();
        }
    }
    return models;
}

bool modelFits(const ai::Manifest& manifest, AiTarget target, const QString& modality)
{
    switch (target) {
    case AiTarget::Slide:
        return manifest.task == ai::ModelTask::TileClassification;
    case AiTarget::Image2d:
        if (manifest.dims != 2 || manifest.task != ai::ModelTask::Classification)
            return false;
        break;
    case AiTarget::Volume:
        if (manifest.dims != 3)
            return false;
        break;
    }
    const QString wanted = projectionKind(QString::fromStdString(manifest.modality));
    return wanted.isEmpty() || modality.isEmpty() || wanted == projectionKind(modality);
}

bool isDemonstration(const ai::Manifest& manifest)
{
    return QString::fromStdString(manifest.intendedUse).contains(QLatin1String("demonstration"), Qt::CaseInsensitive);
}

} // namespace radpath::app

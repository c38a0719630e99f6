#include "app/core/ModelLibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

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

} // namespace

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

#include "app/core/BuildInfo.h"

#include "app/core/AiModule.h"
#include "pathology/slide/SlideLibrary.h"
#include "radpath/ai/Engine.h"
#include "viewer/LibraryVersions.h"

#include <QCoreApplication>

namespace radpath::app {

QString radpathVersion()
{
    return QStringLiteral(RADPATH_VERSION);
}

QList<QPair<QString, QString>> libraryVersions(bool loadAi)
{
    QList<QPair<QString, QString>> list;
    list.append({QStringLiteral("Qt"), QString::fromLatin1(qVersion())});
    for (const auto& [name, version] : viewer::libraryVersions())
        list.append({QString::fromStdString(name), QString::fromStdString(version)});
    list.append({QStringLiteral("OpenSlide"), QString::fromStdString(pathology::openslideVersion())});

    AiModule& ai = AiModule::instance();
    if (loadAi || ai.isLoaded()) {
        QString error;
        if (ai::Engine* engine = ai.engine(&error)) {
            const ai::RuntimeInfo info = engine->runtimeInfo();
            list.append({QStringLiteral("LibTorch"), QString::fromStdString(info.torchVersion)});
            list.append({QStringLiteral("CUDA"),
                         info.cudaAvailable
                             ? QCoreApplication::translate("BuildInfo", "available (%n device(s))", nullptr,
                                                           info.cudaDeviceCount)
                             : QCoreApplication::translate("BuildInfo", "not available")});
        } else {
            list.append({QStringLiteral("LibTorch"), QCoreApplication::translate("BuildInfo", "unavailable: %1").arg(error)});
        }
    } else {
        list.append({QStringLiteral("LibTorch"),
                     QCoreApplication::translate("BuildInfo", "not loaded (loads when AI is first used)")});
    }
    return list;
}

QString versionReport(bool loadAi)
{
    QString text = QStringLiteral("RadPath %1\n").arg(radpathVersion());
    for (const auto& [name, version] : libraryVersions(loadAi))
        text += QStringLiteral("  %1: %2\n").arg(name, -10).arg(version);
    return text;
}

} // namespace radpath::app

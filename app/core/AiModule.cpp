#include "app/core/AiModule.h"

#include "radpath/ai/ModuleAbi.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QMutex>
#include <QMutexLocker>

namespace radpath::app {

struct AiModule::Private {
    mutable QMutex mutex;
    QLibrary library;
    ai::Engine* engine = nullptr;
    RadpathAiDestroyEngineFn destroy = nullptr;
    QString lastError;
};

AiModule::AiModule() : d(std::make_unique<Private>()) {}

AiModule::~AiModule()
{
    // The library stays mapped until exit: unloading LibTorch at exit is not worth its risks.
    if (d->engine && d->destroy)
        d->destroy(d->engine);
}

AiModule& AiModule::instance()
{
    static AiModule module;
    return module;
}

QStringList AiModule::searchPaths()
{
    QStringList paths;
    const QString fromEnv = qEnvironmentVariable("RADPATH_AI_MODULE_DIR");
    if (!fromEnv.isEmpty())
        paths << fromEnv;
    if (QCoreApplication::instance())
        paths << QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../lib/radpath"));
    return paths;
}

bool AiModule::isLoaded() const
{
    QMutexLocker lock(&d->mutex);
    return d->engine != nullptr;
}

QString AiModule::modulePath() const
{
    QMutexLocker lock(&d->mutex);
    return d->library.fileName();
}

bool AiModule::load(QString* error)
{
    QMutexLocker lock(&d->mutex);
    if (d->engine)
        return true;
    QString found;
    for (const QString& dir : searchPaths()) {
        const QString candidate = QDir(dir).filePath(QString::fromLatin1(ai::kModuleFileName));
        if (QFileInfo::exists(candidate)) {
            found = QFileInfo(candidate).canonicalFilePath();
            break;
        }
    }
    auto fail = [&](const QString& message) {
        d->lastError = message;
        if (error)
            *error = message;
        return false;
    };
    if (found.isEmpty())
        return fail(QCoreApplication::translate("AiModule", "The AI module (%1) was not found in: %2")
                        .arg(QString::fromLatin1(ai::kModuleFileName), searchPaths().join(QStringLiteral(", "))));
    d->library.setFileName(found);
    if (!d->library.load())
        return fail(QCoreApplication::translate("AiModule", "The AI module could not be loaded: %1")
                        .arg(d->library.errorString()));
    auto abi = reinterpret_cast<RadpathAiAbiVersionFn>(d->library.resolve("radpath_ai_abi_version"));
    auto create = reinterpret_cast<RadpathAiCreateEngineFn>(d->library.resolve("radpath_ai_create_engine"));
    d->destroy = reinterpret_cast<RadpathAiDestroyEngineFn>(d->library.resolve("radpath_ai_destroy_engine"));
    if (!abi || !create || !d->destroy)
        return fail(QCoreApplication::translate("AiModule", "%1 is not a RadPath AI module").arg(found));
    if (abi() != ai::kAbiVersion)
        return fail(QCoreApplication::translate("AiModule", "%1 has interface version %2, this RadPath needs %3")
                        .arg(found).arg(abi()).arg(ai::kAbiVersion));
    d->engine = create();
    if (!d->engine)
        return fail(QCoreApplication::translate("AiModule", "The AI engine failed to start"));
    return true;
}

ai::Engine* AiModule::engine(QString* error)
{
    if (!load(error))
        return nullptr;
    QMutexLocker lock(&d->mutex);
    return d->engine;
}

} // namespace radpath::app

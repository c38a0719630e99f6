#include "app/core/ModelInstall.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace radpath::app {
namespace {

/// Translated in the "ModelInstall" context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ModelInstall)
};

QString freeName(const QDir& dir, const QFileInfo& source)
{
    QString name = source.fileName();
    const QString suffix = source.suffix().isEmpty() ? QString() : QLatin1Char('.') + source.suffix();
    for (int n = 2; QFileInfo::exists(dir.filePath(name)); ++n)
        name = source.completeBaseName() + QStringLiteral("-%1").arg(n) + suffix;
    return dir.filePath(name);
}

} // namespace

QString installModelPackage(const QString& package, const QString& libraryDir, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return QString();
    };
    QFile in(package);
    if (!in.open(QIODevice::ReadOnly))
        return fail(Text::tr("%1: cannot be read (%2)").arg(package, in.errorString()));
    if (!QDir().mkpath(libraryDir))
        return fail(Text::tr("%1: the model folder cannot be created").arg(libraryDir));
    const QString target = freeName(QDir(libraryDir), QFileInfo(package));
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly))
        return fail(Text::tr("%1: cannot be written (%2)").arg(target, out.errorString()));
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(1 << 20);
        if (chunk.isEmpty() && in.error() != QFileDevice::NoError)
            return fail(Text::tr("%1: reading failed (%2)").arg(package, in.errorString()));
        if (out.write(chunk) != chunk.size())
            return fail(Text::tr("%1: writing failed (%2)").arg(target, out.errorString()));
    }
    if (!out.commit())
        return fail(Text::tr("%1: cannot be written (%2)").arg(target, out.errorString()));
    return target;
}

} // namespace radpath::app

// slide-info and slide-region: whole-slide images through pathology::SlideSource.

#include "app/cli/CliCommands.h"

#include "pathology/slide/SlideSource.h"

#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>
#include <limits>

namespace radpath::app::cli {
namespace {

QJsonObject slideJson(const pathology::SlideInfo& info)
{
    QJsonArray levels;
    for (const pathology::SlideLevel& l : info.levels)
        levels.append(
            QJsonObject{{"width", double(l.width)}, {"height", double(l.height)}, {"downsample", l.downsample}});
    QJsonArray associated;
    for (const std::string& name : info.associatedImages)
        associated.append(QString::fromStdString(name));
    QJsonObject properties;
    for (const auto& [name, value] : info.properties)
        properties.insert(QString::fromStdString(name), QString::fromStdString(value));
    QJsonObject out{
        {"vendor", QString::fromStdString(info.vendor)},
        {"width", double(info.levels.front().width)},
        {"height", double(info.levels.front().height)},
        {"levels", levels},
        {"mpp", info.mpp ? QJsonValue(QJsonArray{(*info.mpp)[0], (*info.mpp)[1]}) : QJsonValue(QJsonValue::Null)},
        {"objectivePower", info.objectivePower ? QJsonValue(*info.objectivePower) : QJsonValue(QJsonValue::Null)},
        {"associatedImages", associated},
        {"properties", properties},
    };
    if (info.bounds)
        out.insert("bounds", QJsonArray{double(info.bounds->x), double(info.bounds->y), double(info.bounds->width),
                                        double(info.bounds->height)});
    else
        out.insert("bounds", QJsonValue(QJsonValue::Null));
    return out;
}

struct RegionArgs {
    QString slide, out;
    int level = -1, width = -1, height = -1;
    std::int64_t x = std::numeric_limits<std::int64_t>::min(), y = std::numeric_limits<std::int64_t>::min();
};

// Fills `r` from the command line; prints what is wrong and returns false otherwise.
bool parseRegionArgs(const QStringList& args, RegionArgs& r)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        const bool hasValue = i + 1 < args.size();
        bool ok = true;
        if (a == QLatin1String("--level") && hasValue)
            r.level = args[++i].toInt(&ok);
        else if (a == QLatin1String("--x") && hasValue)
            r.x = args[++i].toLongLong(&ok);
        else if (a == QLatin1String("--y") && hasValue)
            r.y = args[++i].toLongLong(&ok);
        else if (a == QLatin1String("--width") && hasValue)
            r.width = args[++i].toInt(&ok);
        else if (a == QLatin1String("--height") && hasValue)
            r.height = args[++i].toInt(&ok);
        else if (a == QLatin1String("--out") && hasValue)
            r.out = args[++i];
        else if (!a.startsWith(QLatin1String("--")) && r.slide.isEmpty())
            r.slide = a;
        else {
            std::fprintf(stderr, "radpath-cli slide-region: unexpected argument '%s'\n", a.toLocal8Bit().constData());
            return false;
        }
        if (!ok) {
            std::fprintf(stderr, "radpath-cli slide-region: %s needs a whole number, not '%s'\n",
                         a.toLocal8Bit().constData(), args[i].toLocal8Bit().constData());
            return false;
        }
    }
    const bool complete = !r.slide.isEmpty() && !r.out.isEmpty() && r.level >= 0 && r.width > 0 && r.height > 0 &&
                          r.x != std::numeric_limits<std::int64_t>::min() &&
                          r.y != std::numeric_limits<std::int64_t>::min();
    if (!complete)
        std::fputs("usage: radpath-cli slide-region SLIDE --level L --x X --y Y --width W --height H --out OUT.png\n"
                   "  (level >= 0; width and height > 0; x and y in level-0 pixels)\n",
                   stderr);
    return complete;
}

} // namespace

int slideInfo(const QStringList& args)
{
    if (args.size() != 1 || args[0].startsWith(QLatin1String("--"))) {
        std::fputs("usage: radpath-cli slide-info SLIDE\n", stderr);
        return 2;
    }
    try {
        const auto slide = pathology::SlideSource::open(args[0].toStdString());
        std::fputs(QJsonDocument(slideJson(slide->info())).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    } catch (const pathology::SlideError& e) {
        std::fprintf(stderr, "radpath-cli: %s\n", e.what());
        return 1;
    }
}

int slideRegion(const QStringList& args)
{
    RegionArgs r;
    if (!parseRegionArgs(args, r))
        return 2;
    QImage region;
    try {
        region = pathology::SlideSource::open(r.slide.toStdString())->readRegion(r.level, r.x, r.y, r.width, r.height);
    } catch (const pathology::SlideError& e) {
        std::fprintf(stderr, "radpath-cli: %s\n", e.what());
        return 1;
    }
    QSaveFile file(r.out); // written to a temporary, renamed on commit
    QImageWriter writer(&file, "png");
    if (!file.open(QIODevice::WriteOnly) || !writer.write(region) || !file.commit()) {
        const QString why = writer.error() != QImageWriter::UnknownError ? writer.errorString() : file.errorString();
        std::fprintf(stderr, "radpath-cli: %s: cannot write the PNG: %s\n", r.out.toLocal8Bit().constData(),
                     why.toLocal8Bit().constData());
        return 1;
    }
    return 0;
}

} // namespace radpath::app::cli

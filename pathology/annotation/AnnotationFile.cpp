#include "pathology/annotation/AnnotationFile.h"

#include "pathology/annotation/AsapXml.h"
#include "pathology/annotation/GeoJson.h"

#include <QFile>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <functional>

namespace radpath::pathology {
namespace {

struct Format {
    std::vector<const char*> suffixes;
    std::function<std::vector<Annotation>(const std::string&, Vertex)> read;
    std::function<std::vector<std::string>(const std::string&, const std::vector<Annotation>&, Vertex)> write;
};

const std::vector<Format>& formats()
{
    static const std::vector<Format> list = {
        {{"geojson", "json"},
         [](const std::string& path, Vertex origin) { return readGeoJson(path, origin); },
         [](const std::string& path, const std::vector<Annotation>& a, Vertex origin) {
             writeGeoJson(path, a, origin);
             return std::vector<std::string>{};
         }},
        // ASAP coordinates are full level-0 pixels: the bounds origin does not apply.
        {{"xml"},
         [](const std::string& path, Vertex) { return readAsapXml(path); },
         [](const std::string& path, const std::vector<Annotation>& a, Vertex) { return writeAsapXml(path, a); }},
    };
    return list;
}

const Format& formatFor(const std::string& path)
{
    const QString suffix = QFileInfo(QString::fromStdString(path)).suffix().toLower();
    for (const Format& f : formats())
        for (const char* s : f.suffixes)
            if (suffix == QLatin1String(s))
                return f;
    throw AnnotationError(path, "not an annotation file RadPath knows (.geojson, .json or .xml)");
}

} // namespace

std::string readWholeFile(const std::string& path)
{
    QFile file(QString::fromStdString(path));
    if (!QFileInfo(file).exists())
        throw AnnotationError(path, "no such file");
    if (!file.open(QIODevice::ReadOnly))
        throw AnnotationError(path, "cannot be read: " + file.errorString().toStdString());
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        throw AnnotationError(path, "cannot be read: " + file.errorString().toStdString());
    return bytes.toStdString();
}

void writeFileAtomically(const std::string& path, const std::string& bytes)
{
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        throw AnnotationError(path, "cannot be written: " + file.errorString().toStdString());
    if (file.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size())) {
        const std::string why = file.errorString().toStdString();
        file.cancelWriting();
        throw AnnotationError(path, "cannot be written: " + why);
    }
    if (!file.commit())
        throw AnnotationError(path, "cannot be written: " + file.errorString().toStdString());
}

bool isAnnotationFile(const std::string& path)
{
    try {
        formatFor(path);
        return true;
    } catch (const AnnotationError&) {
        return false;
    }
}

std::vector<Annotation> readAnnotations(const std::string& path, Vertex boundsOrigin)
{
    return formatFor(path).read(path, boundsOrigin);
}

std::vector<std::string> writeAnnotations(const std::string& path, const std::vector<Annotation>& annotations,
                                          Vertex boundsOrigin)
{
    return formatFor(path).write(path, annotations, boundsOrigin);
}

std::string sidecarPath(const std::string& slidePath)
{
    return slidePath + ".radpath-annotations.geojson";
}

std::optional<AnnotationSet> loadSidecar(const std::string& slidePath, Vertex boundsOrigin)
{
    std::string path = sidecarPath(slidePath);
    if (!QFileInfo::exists(QString::fromStdString(path))) {
        // A QuPath export named after the slide.
        const QFileInfo slide(QString::fromStdString(slidePath));
        const QString exported = slide.dir().filePath(slide.completeBaseName() + QStringLiteral(".geojson"));
        if (!QFileInfo::exists(exported))
            return std::nullopt;
        path = exported.toStdString();
    }
    std::vector<Annotation> annotations = readGeoJson(path, boundsOrigin);
    try {
        return AnnotationSet(std::move(annotations));
    } catch (const std::invalid_argument& e) {
        throw AnnotationError(path, e.what());
    }
}

void saveSidecar(const std::string& slidePath, const AnnotationSet& annotations, Vertex boundsOrigin)
{
    writeGeoJson(sidecarPath(slidePath), annotations.toVector(), boundsOrigin);
}

} // namespace radpath::pathology

// radpath-cli annotations: QuPath GeoJSON <-> ASAP XML, with the slide's bounds offset between
// GeoJSON's bounds-relative coordinates and ASAP's full level-0 ones.

#include "app/cli/CliCommands.h"

#include "pathology/annotation/AnnotationFile.h"
#include "pathology/slide/SlideSource.h"

#include <cstdio>

namespace radpath::app::cli {
namespace {

constexpr const char* kUsage = "usage: radpath-cli annotations INPUT OUTPUT [--slide SLIDE]\n"
                               "  INPUT, OUTPUT: .geojson or .json (QuPath GeoJSON), .xml (ASAP XML)\n";

struct Arguments {
    QString input, output, slide;
};

bool parse(const QStringList& args, Arguments& out)
{
    QStringList positional;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--slide") && i + 1 < args.size()) {
            out.slide = args[++i];
        } else if (args[i].startsWith(QLatin1String("--"))) {
            std::fprintf(stderr, "radpath-cli annotations: unexpected argument '%s'\n",
                         args[i].toLocal8Bit().constData());
            return false;
        } else {
            positional << args[i];
        }
    }
    if (positional.size() != 2)
        return false;
    out.input = positional[0];
    out.output = positional[1];
    return true;
}

// The slide's openslide.bounds-x/y: where GeoJSON's origin lies in level-0 pixels.
pathology::Vertex boundsOrigin(const QString& slide)
{
    if (slide.isEmpty())
        return {};
    const auto origin = pathology::SlideSource::open(slide.toStdString())->info().boundsOrigin();
    return {origin[0], origin[1]};
}

} // namespace

int convertAnnotations(const QStringList& args)
{
    Arguments a;
    if (!parse(args, a)) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    for (const QString& path : {a.input, a.output})
        if (!pathology::isAnnotationFile(path.toStdString())) {
            std::fprintf(stderr, "radpath-cli annotations: %s: not an annotation file (.geojson, .json or .xml)\n",
                         path.toLocal8Bit().constData());
            return 2;
        }
    try {
        const pathology::Vertex origin = boundsOrigin(a.slide);
        const auto annotations = pathology::readAnnotations(a.input.toStdString(), origin);
        const auto warnings = pathology::writeAnnotations(a.output.toStdString(), annotations, origin);
        for (const std::string& w : warnings)
            std::fprintf(stderr, "radpath-cli annotations: warning: %s\n", w.c_str());
        std::printf("%zu objects: %s -> %s (bounds origin %g, %g)\n", annotations.size(),
                    a.input.toLocal8Bit().constData(), a.output.toLocal8Bit().constData(), origin.x, origin.y);
        return 0;
    } catch (const pathology::AnnotationError& e) {
        std::fprintf(stderr, "radpath-cli: %s\n", e.what());
    } catch (const pathology::SlideError& e) {
        std::fprintf(stderr, "radpath-cli: %s\n", e.what());
    }
    return 1;
}

} // namespace radpath::app::cli

#include "pathology/slide/SlideSource.h"

#include "pathology/slide/ImageSlideSource.h"
#include "pathology/slide/OpenSlideSource.h"

#include <QFileInfo>

#include <openslide.h>

namespace radpath::pathology {
namespace {

constexpr std::int64_t kLargestPlainImageSide = 10000;

} // namespace

std::shared_ptr<SlideSource> SlideSource::open(const std::string& path)
{
    const QFileInfo file(QString::fromStdString(path));
    if (!file.exists())
        throw SlideError(path, "no such file");
    if (!file.isFile())
        throw SlideError(path, "not a file");
    if (!file.isReadable())
        throw SlideError(path, "the file cannot be read (permissions)");
    // OpenSlide first: it knows every vendor format, tiled TIFF included.
    if (openslide_detect_vendor(path.c_str()))
        return std::make_shared<OpenSlideSource>(path);
    // Any image RadPath decodes opens as a one-level slide; isSlide() decides which ones
    // are routed here rather than to the 2-D viewer.
    if (const std::optional<ImageFacts> facts = probeImage(path))
        return std::make_shared<ImageSlideSource>(path, *facts);
    throw SlideError(path, "not a slide: neither OpenSlide nor the image readers recognise the file");
}

bool SlideSource::isSlide(const std::string& path)
{
    if (openslide_detect_vendor(path.c_str()))
        return true;
    const std::optional<ImageFacts> facts = probeImage(path);
    return facts &&
           (facts->pyramidal || facts->width > kLargestPlainImageSide || facts->height > kLargestPlainImageSide);
}

int SlideSource::bestLevelForDownsample(double downsample) const
{
    // As openslide_get_best_level_for_downsample: the last level not finer than asked.
    const std::vector<SlideLevel>& levels = info().levels;
    int best = 0;
    for (int i = 1; i < int(levels.size()); ++i) {
        if (downsample < levels[size_t(i)].downsample)
            break;
        best = i;
    }
    return best;
}

} // namespace radpath::pathology

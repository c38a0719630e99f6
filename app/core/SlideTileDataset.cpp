#include "app/core/SlideTileDataset.h"

#include "app/core/AiBridge.h"
#include "pathology/annotation/AnnotationFile.h"
#include "pathology/annotation/Geometry.h"
#include "pathology/slide/SlideSource.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace radpath::app {
namespace {

struct SlideFile {
    QString path;
    DatasetSplit split;
};

/// Slides under `dir` (recursively), sorted by path.
QStringList slidesIn(const QString& dir)
{
    QStringList slides;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (pathology::SlideSource::isSlide(path.toStdString()))
            slides << path;
    }
    slides.sort();
    return slides;
}

/// The split folders when there are any, else every slide in ROOT as one pool (Train).
std::vector<SlideFile> findSlides(const QString& root, bool& split)
{
    const QDir dir(root);
    const std::vector<std::pair<QStringList, DatasetSplit>> folders{
        {{"train"}, DatasetSplit::Train},
        {{"val", "valid", "validation"}, DatasetSplit::Validation},
        {{"test"}, DatasetSplit::Test}};
    std::vector<SlideFile> slides;
    split = false;
    for (const auto& [names, which] : folders)
        for (const QString& name : names)
            if (dir.exists(name)) {
                split = true;
                for (const QString& path : slidesIn(dir.filePath(name)))
                    slides.push_back({path, which});
            }
    if (!split)
        for (const QString& path : slidesIn(root))
            slides.push_back({path, DatasetSplit::Train});
    return slides;
}

/// SLIDE.geojson, SLIDE.json or SLIDE.xml beside the slide, else RadPath's sidecar.
QString annotationFileOf(const QString& slide)
{
    const QFileInfo info(slide);
    for (const char* suffix : {".geojson", ".json", ".xml"}) {
        const QString candidate = info.dir().filePath(info.completeBaseName() + suffix);
        if (QFileInfo::exists(candidate))
            return candidate;
    }
    const QString sidecar = QString::fromStdString(pathology::sidecarPath(slide.toStdString()));
    return QFileInfo::exists(sidecar) ? sidecar : QString();
}

QString classOf(const pathology::Annotation& a)
{
    if (a.classification && !a.classification->name.empty())
        return QString::fromStdString(a.classification->name);
    return QString::fromStdString(a.name);
}

struct Tile {
    ai::TrainingSample sample;
    QString className;
    DatasetSplit split;
};

/// The tissue tiles of one slide with their class names.
std::vector<Tile> cutSlide(const SlideFile& file, const SlideTileOptions& o, const ai::CancelToken* cancel,
                           QStringList& problems)
{
    std::vector<Tile> tiles;
    const std::shared_ptr<pathology::SlideSource> slide = pathology::SlideSource::open(file.path.toStdString());
    const QString annotationPath = annotationFileOf(file.path);
    if (annotationPath.isEmpty()) {
        problems << QStringLiteral("no annotations beside it (SLIDE.geojson, .json or .xml)");
        return tiles;
    }
    const auto origin = slide->info().boundsOrigin();
    const std::vector<pathology::Annotation> annotations =
        pathology::readAnnotations(annotationPath.toStdString(), {origin[0], origin[1]});
    if (!slide->info().mpp)
        problems << QStringLiteral("the slide states no pixel size: 0.25 µm per pixel assumed");
    const double slideMpp = slide->info().mpp ? (*slide->info().mpp)[0] : 0.25;
    const int64_t size0 = std::max<int64_t>(1, std::llround(o.tileSize * o.mpp / slideMpp));
    const int64_t width = slide->info().levels[0].width, height = slide->info().levels[0].height;
    const auto reader = slideRegionReader(slide);
    std::vector<uint8_t> rgb;
    for (int64_t y = 0; y + size0 <= height; y += size0)
        for (int64_t x = 0; x + size0 <= width; x += size0) {
            if (cancel && cancel->isCancelled())
                throw ai::Cancelled{};
            const double cx = double(x) + double(size0) / 2.0, cy = double(y) + double(size0) / 2.0;
            QString className = o.unannotatedClass;
            for (const pathology::Annotation& a : annotations)
                if (pathology::contains(a.geometry, cx, cy)) {
                    className = classOf(a);
                    break;
                }
            if (className.isEmpty() || !reader(x, y, size0, o.tileSize, rgb))
                continue;
            double mean = 0.0;
            for (uint8_t v : rgb)
                mean += v;
            if (mean / double(rgb.size()) > o.glassBrightness)
                continue;
            tiles.push_back({slideTileSample(rgb, o.tileSize, o.mpp), className, file.split});
        }
    return tiles;
}

} // namespace

SlideTileDataset cutSlideTiles(const QString& root, const SlideTileOptions& options,
                               const std::function<void(double)>& progress, const ai::CancelToken* cancel)
{
    SlideTileDataset result;
    bool presplit = false;
    const std::vector<SlideFile> slides = findSlides(root, presplit);
    if (slides.empty()) {
        result.errors << QStringLiteral("%1: no slides found").arg(root);
        return result;
    }
    std::vector<Tile> tiles;
    for (size_t i = 0; i < slides.size(); ++i) {
        QStringList problems;
        try {
            std::vector<Tile> more = cutSlide(slides[i], options, cancel, problems);
            if (!more.empty())
                result.slides << slides[i].path;
            std::move(more.begin(), more.end(), std::back_inserter(tiles));
        } catch (const ai::Cancelled&) {
            throw;
        } catch (const std::exception& e) {
            problems << QString::fromUtf8(e.what());
        }
        for (const QString& problem : problems)
            result.skipped.push_back({slides[i].path, problem});
        if (progress)
            progress(double(i + 1) / double(slides.size()));
    }

    std::map<QString, int> classIndex;
    for (const Tile& t : tiles)
        classIndex.emplace(t.className, 0);
    for (auto& [name, index] : classIndex) {
        index = int(result.classes.size());
        result.classes << name;
    }
    // Slides in one pool: a stratified split of each class's tiles.
    std::mt19937 random(options.seed);
    std::shuffle(tiles.begin(), tiles.end(), random);
    if (!presplit) {
        std::map<QString, std::vector<Tile*>> byClass;
        for (Tile& t : tiles)
            byClass[t.className].push_back(&t);
        for (auto& [name, group] : byClass) {
            const size_t validation = size_t(std::llround(options.valFraction * double(group.size())));
            for (size_t k = 0; k < validation && group.size() > 1; ++k)
                group[k]->split = DatasetSplit::Validation;
        }
        if (slides.size() > 1)
            result.warnings << QStringLiteral("the slides are not split into train/ and val/ folders: tiles of one "
                                              "slide are in both splits, so validation figures are optimistic");
    }
    result.counts.assign(size_t(result.classes.size()), {0, 0, 0});
    for (Tile& t : tiles) {
        std::array<int, 3>& count = result.counts[size_t(classIndex[t.className])];
        int& n = count[size_t(t.split)];
        if (n >= options.maxTilesPerClass)
            continue;
        ++n;
        t.sample.label = classIndex[t.className];
        std::vector<ai::TrainingSample>& into = t.split == DatasetSplit::Train        ? result.train
                                                : t.split == DatasetSplit::Validation ? result.validation
                                                                                      : result.test;
        into.push_back(std::move(t.sample));
    }

    if (result.classes.size() < 2)
        result.errors << QStringLiteral("%1: tiles of at least two classes are needed, found %2")
                             .arg(root, result.classes.isEmpty() ? QStringLiteral("none") : result.classes.join(", "));
    for (int c = 0; c < result.classes.size(); ++c) {
        if (result.counts[size_t(c)][0] == 0)
            result.errors << QStringLiteral("class %1 has no training tiles").arg(result.classes[c]);
        else if (result.counts[size_t(c)][1] == 0)
            result.warnings << QStringLiteral("class %1 has no validation tiles").arg(result.classes[c]);
    }
    if (result.validation.empty() && result.errors.isEmpty())
        result.errors << QStringLiteral("no validation tiles");
    int largest = 0, smallest = INT32_MAX;
    for (const auto& count : result.counts) {
        largest = std::max(largest, count[0]);
        smallest = std::min(smallest, count[0]);
    }
    if (smallest > 0 && double(largest) / double(smallest) > 3.0)
        result.warnings << QStringLiteral("the classes are imbalanced (%1 to %2 training tiles): consider balanced "
                                          "class weights")
                               .arg(largest)
                               .arg(smallest);
    return result;
}

ai::TrainingSample slideTileSample(const std::vector<uint8_t>& rgb, int side, double mpp)
{
    ai::TrainingSample sample;
    sample.image.dims = 2;
    sample.image.channels = 3;
    sample.image.modality = "SM";
    sample.image.grid.size = {side, side, 1};
    sample.image.grid.spacing = {mpp / 1000.0, mpp / 1000.0, 1.0};
    sample.image.voxels.resize(rgb.size());
    const size_t plane = size_t(side) * size_t(side);
    for (size_t p = 0; p < plane; ++p)
        for (size_t c = 0; c < 3; ++c)
            sample.image.voxels[c * plane + p] = float(rgb[p * 3 + c]);
    return sample;
}

bool holdsSlides(const QString& root)
{
    bool split = false;
    return !findSlides(root, split).empty();
}

void completeSlideTileManifest(ai::Manifest& m, const SlideTileDataset& tiles, const SlideTileOptions& options,
                               const QString& root)
{
    // QuPath's colours for its standard classes, else a fixed palette.
    static const std::map<QString, std::array<int, 3>> known{{"Tumor", {200, 0, 0}},
                                                              {"Stroma", {150, 200, 150}},
                                                              {"Immune cells", {160, 90, 160}},
                                                              {"Necrosis", {50, 50, 50}},
                                                              {"Other", {255, 200, 0}}};
    static const std::array<std::array<int, 3>, 6> palette{
        {{0, 114, 178}, {230, 159, 0}, {0, 158, 115}, {204, 121, 167}, {86, 180, 233}, {213, 94, 0}}};
    m.task = ai::ModelTask::TileClassification;
    m.dims = m.input.dims = 2;
    m.input.channels = 3;
    m.input.size.clear();
    m.input.patchSize = {options.tileSize, options.tileSize};
    m.input.spacingMm = std::vector<double>(2, options.mpp / 1000.0);
    m.input.intensity = {};
    m.input.intensity.kind = ai::IntensityTransform::Kind::Window;
    m.input.intensity.aMin = 0.0;
    m.input.intensity.aMax = 255.0;
    m.input.intensity.clip = true;
    m.output.activation = ai::ManifestOutput::Activation::Softmax;
    m.output.labels.clear();
    for (int c = 0; c < tiles.classes.size(); ++c) {
        const auto found = known.find(tiles.classes[c]);
        m.output.labels.push_back({c, tiles.classes[c].toStdString(),
                                   found != known.end() ? found->second : palette[size_t(c) % palette.size()]});
    }
    if (m.modality.empty() || m.modality == "OT")
        m.modality = "SM";
    QJsonObject counts;
    const char* splits[] = {"train", "val", "test"};
    for (int split = 0; split < 3; ++split) {
        QJsonObject perClass;
        for (int c = 0; c < tiles.classes.size(); ++c)
            perClass[tiles.classes[c]] = tiles.counts[size_t(c)][size_t(split)];
        counts[splits[split]] = perClass;
    }
    QJsonArray slides;
    for (const QString& slide : tiles.slides)
        slides.append(QFileInfo(slide).fileName());
    const QJsonObject dataset{{"root", QFileInfo(root).fileName()},
                              {"task", "tile-classification"},
                              {"classes", QJsonArray::fromStringList(tiles.classes)},
                              {"slides", slides},
                              {"mpp", options.mpp},
                              {"tile_size", options.tileSize},
                              {"unannotated_class", options.unannotatedClass},
                              {"counts", counts}};
    m.trainingJson = QJsonDocument(QJsonObject{{"dataset", dataset}}).toJson(QJsonDocument::Compact).toStdString();
}

std::vector<ai::LabelledImage> labelledTiles(const std::vector<ai::TrainingSample>& tiles, const QStringList& classes)
{
    std::vector<ai::LabelledImage> images;
    std::vector<int> numbers(size_t(classes.size()), 0);
    for (const ai::TrainingSample& tile : tiles) {
        ai::LabelledImage image;
        image.image = tile.image;
        image.label = tile.label;
        image.name = QStringLiteral("%1 tile %2").arg(classes.value(tile.label)).arg(++numbers[size_t(tile.label)]).toStdString();
        images.push_back(std::move(image));
    }
    return images;
}

} // namespace radpath::app

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
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext()) {
        const QString path = it.next();
        if (pathology::SlideSource::isSlide(path.toStdString()))
            slides << path;
    }
    slides.sort();
    return slides;
}

/// The split folders' slides when there are split folders, else every slide in ROOT as one
/// pool (Train).
std::vector<SlideFile> findSlides(const QString& root, bool& split)
{
    const std::array<QString, 3> folders = splitFolderPaths(root);
    std::vector<SlideFile> slides;
    split = std::any_of(folders.begin(), folders.end(), [](const QString& f) { return !f.isEmpty(); });
    for (size_t which = 0; which < folders.size(); ++which)
        if (!folders[which].isEmpty())
            for (const QString& path : slidesIn(folders[which]))
                slides.push_back({path, DatasetSplit(which)});
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

/// A region's class with its area, smallest first: where regions nest (a tumour inside
/// tissue), the innermost one names the tile.
struct Region {
    const pathology::Annotation* annotation;
    double area;
    QString className;
};

std::vector<Region> classRegions(const std::vector<pathology::Annotation>& annotations)
{
    std::vector<Region> regions;
    for (const pathology::Annotation& a : annotations)
        if (pathology::isPolygonal(a.geometry) && !classOf(a).isEmpty())
            regions.push_back({&a, pathology::area(a.geometry), classOf(a)});
    std::stable_sort(regions.begin(), regions.end(), [](const Region& a, const Region& b) { return a.area < b.area; });
    return regions;
}

struct Tile {
    std::vector<uint8_t> rgb; ///< interleaved, tileSize² × 3
    QString className;
    DatasetSplit split;
};

/// At most `capacity` tiles per class and slide split, a uniform random subset of all cut
/// (reservoir sampling), kept as 8-bit RGB: memory stays bounded however large the slides.
class TileReservoirs {
public:
    TileReservoirs(size_t capacity, unsigned seed) : m_capacity(capacity), m_random(seed) {}

    void offer(Tile tile)
    {
        Reservoir& r = m_reservoirs[{tile.className, int(tile.split)}];
        ++r.seen;
        if (r.tiles.size() < m_capacity) {
            r.tiles.push_back(std::move(tile));
            return;
        }
        const size_t slot = std::uniform_int_distribution<size_t>(0, r.seen - 1)(m_random);
        if (slot < m_capacity)
            r.tiles[slot] = std::move(tile);
    }

    struct Reservoir {
        std::vector<Tile> tiles;
        size_t seen = 0;
    };
    std::map<std::pair<QString, int>, Reservoir>& reservoirs() { return m_reservoirs; }
    std::mt19937& random() { return m_random; }

private:
    size_t m_capacity;
    std::mt19937 m_random;
    std::map<std::pair<QString, int>, Reservoir> m_reservoirs;
};

/// Cuts one slide's tissue tiles into `reservoirs`; returns how many were offered.
size_t cutSlide(const SlideFile& file, const SlideTileOptions& o, const ai::CancelToken* cancel,
                TileReservoirs& reservoirs, QStringList& problems)
{
    const std::shared_ptr<pathology::SlideSource> slide = pathology::SlideSource::open(file.path.toStdString());
    const QString annotationPath = annotationFileOf(file.path);
    if (annotationPath.isEmpty()) {
        problems << QStringLiteral("no annotations beside it (SLIDE.geojson, .json or .xml)");
        return 0;
    }
    const auto origin = slide->info().boundsOrigin();
    const std::vector<pathology::Annotation> annotations =
        pathology::readAnnotations(annotationPath.toStdString(), {origin[0], origin[1]});
    const std::vector<Region> regions = classRegions(annotations);
    if (!slide->info().mpp)
        problems << QStringLiteral("the slide states no pixel size: 0.25 µm per pixel assumed");
    const double slideMpp = slide->info().mpp ? (*slide->info().mpp)[0] : 0.25;
    const int64_t size0 = std::max<int64_t>(1, std::llround(o.tileSize * o.mpp / slideMpp));
    const int64_t width = slide->info().levels[0].width, height = slide->info().levels[0].height;
    const auto reader = slideRegionReader(slide);
    size_t offered = 0;
    for (int64_t y = 0; y + size0 <= height; y += size0)
        for (int64_t x = 0; x + size0 <= width; x += size0) {
            if (cancel && cancel->isCancelled())
                throw ai::Cancelled{};
            const double cx = double(x) + double(size0) / 2.0, cy = double(y) + double(size0) / 2.0;
            const auto inside = std::find_if(regions.begin(), regions.end(), [&](const Region& r) {
                return pathology::contains(r.annotation->geometry, cx, cy);
            });
            Tile tile{{}, inside != regions.end() ? inside->className : o.unannotatedClass, file.split};
            if (tile.className.isEmpty() || !reader(x, y, size0, o.tileSize, tile.rgb))
                continue;
            double mean = 0.0;
            for (uint8_t v : tile.rgb)
                mean += v;
            if (mean / double(tile.rgb.size()) > o.glassBrightness)
                continue;
            reservoirs.offer(std::move(tile));
            ++offered;
        }
    return offered;
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
    // One pool is split afterwards: keep enough for both of its parts.
    const double kept = presplit ? 1.0 : 1.0 / std::max(0.05, 1.0 - options.valFraction);
    TileReservoirs reservoirs(size_t(std::ceil(std::max(1, options.maxTilesPerClass) * kept)), options.seed);
    for (size_t i = 0; i < slides.size(); ++i) {
        QStringList problems;
        try {
            if (cutSlide(slides[i], options, cancel, reservoirs, problems) > 0)
                result.slides << slides[i].path;
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
    for (const auto& [key, reservoir] : reservoirs.reservoirs())
        classIndex.emplace(key.first, 0);
    for (auto& [name, index] : classIndex) {
        index = int(result.classes.size());
        result.classes << name;
    }
    result.counts.assign(size_t(result.classes.size()), {0, 0, 0});
    for (auto& [key, reservoir] : reservoirs.reservoirs()) {
        std::vector<Tile>& tiles = reservoir.tiles;
        if (reservoir.seen > tiles.size())
            result.warnings << QStringLiteral("%1: %2 tiles found, a random %3 kept").arg(key.first).arg(reservoir.seen).arg(tiles.size());
        // One pool: a stratified split of each class's tiles.
        std::shuffle(tiles.begin(), tiles.end(), reservoirs.random());
        if (!presplit && tiles.size() > 1) {
            const size_t validation = std::min(tiles.size() - 1, size_t(std::llround(options.valFraction * double(tiles.size()))));
            for (size_t k = 0; k < validation; ++k)
                tiles[k].split = DatasetSplit::Validation;
        }
        const int label = classIndex[key.first];
        for (const Tile& t : tiles) {
            int& n = result.counts[size_t(label)][size_t(t.split)];
            if (n >= options.maxTilesPerClass)
                continue;
            ++n;
            ai::TrainingSample sample = slideTileSample(t.rgb, options.tileSize, options.mpp);
            sample.label = label;
            (t.split == DatasetSplit::Train        ? result.train
             : t.split == DatasetSplit::Validation ? result.validation
                                                   : result.test)
                .push_back(std::move(sample));
        }
        tiles.clear();
        tiles.shrink_to_fit();
    }
    if (!presplit)
        result.warnings << QStringLiteral("the slides are not in train/ and val/ folders: tiles of one slide are in both "
                                          "splits, so validation figures are optimistic");

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

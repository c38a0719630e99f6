#include "app/core/AiBridge.h"

#include "pathology/slide/SlideSource.h"
#include "viewer/model/Colormap.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>

#include <algorithm>
#include <cstring>

namespace radpath::app {
namespace {

constexpr int kLargestThumbnail = 4096;

viewer::Volume floatVolume(const ai::ImageGrid& grid, const float* values)
{
    viewer::Volume volume(viewer::PixelType::Float32, fromAiGrid(grid));
    std::memcpy(volume.data(), values, volume.byteSize());
    return volume;
}

QImage thumbnailOf(const pathology::SlideSource& slide)
{
    const auto& info = slide.info();
    const auto& names = info.associatedImages;
    if (std::find(names.begin(), names.end(), "thumbnail") != names.end())
        return slide.associatedImage("thumbnail");
    const int last = int(info.levels.size()) - 1;
    const auto& level = info.levels[size_t(last)];
    if (level.width > kLargestThumbnail || level.height > kLargestThumbnail)
        return {};
    return slide.readRegion(last, 0, 0, int(level.width), int(level.height));
}

/// RGBA (straight alpha) over the background colour, as 8-bit RGB bytes.
std::vector<uint8_t> rgbOver(const QImage& rgba, uint32_t background)
{
    QImage flat(rgba.size(), QImage::Format_RGB888);
    flat.fill(QColor::fromRgb(background));
    QPainter painter(&flat);
    painter.drawImage(0, 0, rgba);
    painter.end();
    std::vector<uint8_t> bytes(size_t(flat.width()) * size_t(flat.height()) * 3);
    for (int y = 0; y < flat.height(); ++y)
        std::memcpy(&bytes[size_t(y) * size_t(flat.width()) * 3], flat.constScanLine(y), size_t(flat.width()) * 3);
    return bytes;
}

} // namespace

ai::ImageGrid toAiGrid(const viewer::ImageGeometry& geometry)
{
    ai::ImageGrid grid;
    grid.size = geometry.size;
    grid.spacing = geometry.spacing;
    grid.origin = geometry.origin;
    grid.direction = geometry.direction;
    return grid;
}

viewer::ImageGeometry fromAiGrid(const ai::ImageGrid& grid)
{
    viewer::ImageGeometry geometry;
    geometry.size = grid.size;
    geometry.spacing = grid.spacing;
    geometry.origin = grid.origin;
    geometry.direction = grid.direction;
    return geometry;
}

ai::ImageBuffer toImageBuffer(const viewer::Volume& volume)
{
    ai::ImageBuffer image;
    image.grid = toAiGrid(volume.geometry());
    image.channels = volume.components();
    image.dims = volume.geometry().size[2] == 1 ? 2 : 3;
    image.modality = volume.info().modality;
    const size_t voxels = volume.voxelCount();
    const size_t channels = size_t(image.channels);
    image.voxels.resize(voxels * channels);
    // One pass per channel over the typed buffer: interleaved components become planes.
    viewer::visitPixelType(volume.pixelType(), [&](auto tag) {
        const auto* in = volume.voxels<decltype(tag)>();
        for (size_t c = 0; c < channels; ++c) {
            float* out = &image.voxels[c * voxels];
            for (size_t v = 0; v < voxels; ++v)
                out[v] = float(in[v * channels + c]);
        }
    });
    return image;
}

viewer::LabelMapLayer labelLayer(const ai::Segmentation& segmentation, const std::string& name)
{
    viewer::Volume labels(viewer::PixelType::UInt16, fromAiGrid(segmentation.grid));
    std::memcpy(labels.data(), segmentation.labels.data(), labels.byteSize());
    viewer::LabelMapLayer layer;
    layer.name = name;
    layer.labels = std::move(labels);
    layer.ai = {segmentation.run.modelName, segmentation.run.modelVersion, segmentation.run.weightsSha256, false, {}};
    for (const auto& label : segmentation.channels)
        if (label.index != 0)
            layer.table.push_back({label.index, label.name,
                                   {uint8_t(label.color[0]), uint8_t(label.color[1]), uint8_t(label.color[2])}});
    return layer;
}

viewer::ScalarOverlayLayer probabilityLayer(const ai::Segmentation& segmentation, int channel, const std::string& name)
{
    const size_t voxels = size_t(segmentation.grid.voxelCount());
    if (segmentation.probabilities.size() < voxels * size_t(channel + 1))
        return {};
    viewer::ScalarOverlayLayer layer;
    layer.name = name;
    layer.volume = floatVolume(segmentation.grid, &segmentation.probabilities[voxels * size_t(channel)]);
    layer.colormap = viewer::Colormap::Viridis;
    layer.windowCenter = 0.5;
    layer.windowWidth = 1.0;
    layer.threshold = 0.25; // the model's uncertain fringe, not the whole body
    layer.visible = false; // the label map says the same; probabilities on demand
    return layer;
}

viewer::ScalarOverlayLayer saliencyLayer(const ai::SaliencyMap& map, const std::string& name)
{
    viewer::ScalarOverlayLayer layer;
    layer.name = name;
    layer.volume = floatVolume(map.grid, map.values.data());
    layer.colormap = viewer::Colormap::Hot;
    layer.windowCenter = 0.5;
    layer.windowWidth = 1.0;
    layer.threshold = 0.3;
    layer.opacity = 0.5;
    return layer;
}

ai::SlideDescription describeSlide(const pathology::SlideSource& slide)
{
    const auto& info = slide.info();
    ai::SlideDescription d;
    d.width = info.levels.front().width;
    d.height = info.levels.front().height;
    if (info.mpp) {
        d.mppX = (*info.mpp)[0];
        d.mppY = (*info.mpp)[1];
    }
    const QImage thumbnail = thumbnailOf(slide);
    if (!thumbnail.isNull()) {
        d.thumbnailWidth = thumbnail.width();
        d.thumbnailHeight = thumbnail.height();
        d.thumbnailRgb = rgbOver(thumbnail.convertToFormat(QImage::Format_RGBA8888), info.backgroundRgb);
    }
    return d;
}

ai::SlideRegionReader slideRegionReader(std::shared_ptr<const pathology::SlideSource> slide)
{
    return [slide](int64_t x, int64_t y, int64_t size0, int outSize, std::vector<uint8_t>& rgb) {
        try {
            const double downsample = double(size0) / double(outSize);
            const int level = slide->bestLevelForDownsample(downsample);
            const double levelDownsample = slide->info().levels[size_t(level)].downsample;
            const int side = int(std::max<int64_t>(1, std::llround(double(size0) / levelDownsample)));
            QImage region = slide->readRegion(level, x, y, side, side);
            if (side != outSize)
                region = region.scaled(outSize, outSize, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            rgb = rgbOver(region, slide->info().backgroundRgb);
            return true;
        } catch (const std::exception&) {
            return false; // counted by the engine and reported once with the run
        }
    };
}

QImage tileHeatmap(const ai::SlideClassification& result, int classIndex)
{
    const auto& grid = result.grid;
    QImage image(grid.columns, grid.rows, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    const size_t classes = result.classes.size();
    for (int row = 0; row < grid.rows; ++row) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(row));
        for (int col = 0; col < grid.columns; ++col) {
            const float score = result.scores[(size_t(row) * size_t(grid.columns) + size_t(col)) * classes + size_t(classIndex)];
            if (score < 0.0f)
                continue;
            const auto rgb = viewer::colormapColour(viewer::Colormap::Hot, double(score));
            // Opacity follows the score: low-scoring tissue stays readable under the map.
            line[col] = qRgba(rgb[0], rgb[1], rgb[2], int(255.0f * std::clamp(score, 0.0f, 1.0f)));
        }
    }
    return image;
}

void appendRunLog(const QString& dataDir, const ai::RunRecord& run, const QString& subject, const QString& task)
{
    QFile log(QDir(dataDir).filePath(QStringLiteral("ai-runs.jsonl")));
    if (!log.open(QIODevice::Append | QIODevice::Text))
        return;
    const QJsonObject line{{"time", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                           {"subject", subject},
                           {"task", task},
                           {"model", QString::fromStdString(run.modelName)},
                           {"version", QString::fromStdString(run.modelVersion)},
                           {"weights_sha256", QString::fromStdString(run.weightsSha256)},
                           {"device", QString::fromStdString(run.device)},
                           {"seconds", run.seconds},
                           {"notice", QString::fromStdString(run.notice)}};
    log.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
}

} // namespace radpath::app

// Tile classification of whole-slide images: the tissue tiles at the model's resolution,
// those in view first, read on one thread while the model runs on the previous batch.

#include "ModelRunner.h"

#include "Preprocess.h"
#include "radpath/ai/ModelError.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <future>
#include <memory>
#include <numeric>

namespace radpath::ai {
namespace {

/// A tile counts as tissue when this share of the thumbnail pixels it covers is tissue.
constexpr double kTissueShare = 0.1;

struct TileBatch {
    std::vector<int> tiles;                 ///< tile indices read
    std::vector<std::vector<uint8_t>> rgb;  ///< one buffer per tile read
    int failed = 0;
};

std::vector<uint8_t> greyLevels(const SlideDescription& slide)
{
    std::vector<uint8_t> grey(size_t(slide.thumbnailWidth) * size_t(slide.thumbnailHeight));
    for (size_t i = 0; i < grey.size(); ++i) {
        const uint8_t* p = &slide.thumbnailRgb[3 * i];
        grey[i] = uint8_t(std::lround(0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2]));
    }
    return grey;
}

/// Per tile: 1 when enough of the thumbnail under it is darker than Otsu's threshold.
std::vector<uint8_t> tissueTiles(const SlideDescription& slide, const TileGrid& grid)
{
    std::vector<uint8_t> tissue(size_t(grid.columns) * size_t(grid.rows), 1);
    if (slide.thumbnailRgb.size() != size_t(slide.thumbnailWidth) * size_t(slide.thumbnailHeight) * 3 ||
        slide.thumbnailRgb.empty())
        return tissue; // no thumbnail: every tile is looked at
    const std::vector<uint8_t> grey = greyLevels(slide);
    const int threshold = otsuThreshold(grey);
    const double sx = double(slide.thumbnailWidth) / double(slide.width);
    const double sy = double(slide.thumbnailHeight) / double(slide.height);
    for (int row = 0; row < grid.rows; ++row)
        for (int col = 0; col < grid.columns; ++col) {
            const double x0 = double(grid.originX + col * grid.tileSize0) * sx;
            const double y0 = double(grid.originY + row * grid.tileSize0) * sy;
            const double side = double(grid.tileSize0);
            const int ax = std::clamp(int(x0), 0, slide.thumbnailWidth - 1);
            const int ay = std::clamp(int(y0), 0, slide.thumbnailHeight - 1);
            const int bx = std::clamp(int(std::ceil(x0 + side * sx)), ax + 1, slide.thumbnailWidth);
            const int by = std::clamp(int(std::ceil(y0 + side * sy)), ay + 1, slide.thumbnailHeight);
            int dark = 0;
            for (int y = ay; y < by; ++y)
                for (int x = ax; x < bx; ++x)
                    dark += grey[size_t(y) * size_t(slide.thumbnailWidth) + size_t(x)] <= threshold;
            tissue[size_t(row * grid.columns + col)] = dark >= kTissueShare * double((bx - ax) * (by - ay));
        }
    return tissue;
}

/// Tissue tiles, those meeting the visible rectangle first, each group nearest its centre first.
std::vector<int> tileOrder(const TileGrid& grid, const std::array<int64_t, 4>& visible)
{
    const bool hasView = visible[2] > 0 && visible[3] > 0;
    const double cx = hasView ? double(visible[0]) + visible[2] / 2.0 : 0.0;
    const double cy = hasView ? double(visible[1]) + visible[3] / 2.0 : 0.0;
    std::vector<std::pair<double, int>> keyed;
    for (int row = 0; row < grid.rows; ++row)
        for (int col = 0; col < grid.columns; ++col) {
            const int index = row * grid.columns + col;
            if (!grid.tissue[size_t(index)])
                continue;
            const int64_t x = grid.originX + col * grid.tileSize0, y = grid.originY + row * grid.tileSize0;
            const bool inView = hasView && x < visible[0] + visible[2] && x + grid.tileSize0 > visible[0] &&
                                y < visible[1] + visible[3] && y + grid.tileSize0 > visible[1];
            const double distance = hasView ? std::hypot(double(x) + grid.tileSize0 / 2.0 - cx,
                                                         double(y) + grid.tileSize0 / 2.0 - cy)
                                            : double(index);
            keyed.push_back({(inView ? 0.0 : 1e18) + distance, index});
        }
    std::stable_sort(keyed.begin(), keyed.end());
    std::vector<int> order;
    for (const auto& [key, index] : keyed)
        order.push_back(index);
    return order;
}

TileBatch readBatch(const TileGrid& grid, const std::vector<int>& order, size_t from, size_t count, int side,
                    const SlideRegionReader& reader)
{
    TileBatch batch;
    for (size_t n = from; n < std::min(order.size(), from + count); ++n) {
        const int index = order[n];
        const int64_t x = grid.originX + (index % grid.columns) * grid.tileSize0;
        const int64_t y = grid.originY + (index / grid.columns) * grid.tileSize0;
        std::vector<uint8_t> rgb;
        if (reader(x, y, grid.tileSize0, side, rgb) && rgb.size() == size_t(side) * size_t(side) * 3) {
            batch.tiles.push_back(index);
            batch.rgb.push_back(std::move(rgb));
        } else {
            ++batch.failed;
        }
    }
    return batch;
}

/// RGB bytes -> [B, 3, side, side] float, intensity-transformed as the manifest says.
torch::Tensor batchTensor(const TileBatch& batch, int side, const Manifest& m)
{
    torch::Tensor bytes = torch::empty({int64_t(batch.rgb.size()), side, side, 3}, torch::kUInt8);
    for (size_t b = 0; b < batch.rgb.size(); ++b)
        std::memcpy(bytes[int64_t(b)].data_ptr(), batch.rgb[b].data(), batch.rgb[b].size());
    torch::Tensor x = bytes.permute({0, 3, 1, 2}).to(torch::kFloat32);
    if (m.input.intensity.kind == IntensityTransform::Kind::ZScore) {
        std::vector<torch::Tensor> samples;
        for (int64_t b = 0; b < x.size(0); ++b)
            samples.push_back(applyIntensityTransform(x[b], m.input.intensity));
        return torch::stack(samples);
    }
    // Window and scale255 act per channel and voxel: the whole batch at once, channel first.
    return applyIntensityTransform(x.transpose(0, 1), m.input.intensity).transpose(0, 1).contiguous();
}

} // namespace

int otsuThreshold(const std::vector<uint8_t>& values)
{
    std::array<double, 256> histogram{};
    for (uint8_t v : values)
        histogram[v] += 1.0;
    const double total = double(values.size());
    double sumAll = 0.0;
    for (int v = 0; v < 256; ++v)
        sumAll += v * histogram[size_t(v)];
    double below = 0.0, sumBelow = 0.0, best = -1.0;
    int threshold = 0;
    for (int t = 0; t < 256; ++t) {
        below += histogram[size_t(t)];
        sumBelow += t * histogram[size_t(t)];
        const double above = total - below;
        if (below == 0.0 || above == 0.0)
            continue;
        const double meanBelow = sumBelow / below, meanAbove = (sumAll - sumBelow) / above;
        const double between = below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
        if (between > best) {
            best = between;
            threshold = t;
        }
    }
    return threshold;
}

TileGrid slideTileGrid(const Manifest& m, const SlideDescription& slide)
{
    const std::vector<int>& patch = m.input.patchSize.empty() ? m.input.size : m.input.patchSize;
    if (m.dims != 2 || patch.size() != 2 || patch[0] != patch[1])
        throw ModelError(m.name + ": a slide tile classifier takes square 2-D tiles");
    if (!m.input.spacingMm)
        throw ModelError(m.name + " states no input spacing_mm, so the slide level to read is unknown");
    const double slideMpp = slide.mppX > 0.0 ? slide.mppX : slide.mppY;
    if (slideMpp <= 0.0)
        throw ModelError("the slide states no resolution (mpp); a tile classifier needs it");
    TileGrid grid;
    grid.mpp = (*m.input.spacingMm)[0] * 1000.0;
    grid.tileSize0 = std::max<int64_t>(1, std::llround(patch[0] * grid.mpp / slideMpp));
    grid.columns = int(slide.width / grid.tileSize0);
    grid.rows = int(slide.height / grid.tileSize0);
    grid.tissue = tissueTiles(slide, grid);
    return grid;
}

SlideClassification classifySlideTiles(ModelPackage& package, const torch::Device& device,
                                       const SlideDescription& slide, const SlideRegionReader& reader,
                                       const std::array<int64_t, 4>& visibleRect, const TileScoresCallback& onScores,
                                       const RunOptions& options, const ProgressCallback& progress,
                                       const CancelToken* cancel)
{
    const Manifest& m = package.manifest;
    if (m.task == ModelTask::Segmentation)
        throw ModelError(package.path + " is a segmentation model, not a tile classifier");
    SlideClassification result;
    result.grid = slideTileGrid(m, slide);
    result.classes = m.output.labels;
    const size_t classes = m.output.labels.size();
    result.scores.assign(size_t(result.grid.columns) * size_t(result.grid.rows) * classes, -1.0f);
    const std::vector<int> order = tileOrder(result.grid, visibleRect);
    const int side = (m.input.patchSize.empty() ? m.input.size : m.input.patchSize)[0];
    const size_t batchSize = size_t(options.batch > 0 ? options.batch : device.is_cuda() ? 64 : 16);

    torch::NoGradGuard noGrad;
    // The next batch is read while the model runs on this one: that reading thread gets a
    // core of its own, or OpenMP's spinning workers starve it and both slow down.
    const int threads = torch::get_num_threads();
    const std::shared_ptr<void> restoreThreads(nullptr, [threads](void*) { torch::set_num_threads(threads); });
    if (threads > 1)
        torch::set_num_threads(threads - 1);
    std::future<TileBatch> next = std::async(std::launch::async, readBatch, std::cref(result.grid), std::cref(order),
                                             size_t(0), batchSize, side, std::cref(reader));
    for (size_t from = 0; from < order.size(); from += batchSize) {
        TileBatch batch = next.get();
        if (cancel && cancel->isCancelled())
            throw Cancelled{};
        if (from + batchSize < order.size())
            next = std::async(std::launch::async, readBatch, std::cref(result.grid), std::cref(order),
                              from + batchSize, batchSize, side, std::cref(reader));
        result.tilesFailed += batch.failed;
        if (batch.tiles.empty())
            continue;
        const torch::Tensor x = batchTensor(batch, side, m).to(device);
        const torch::Tensor p = activate(forwardLogits(package.module, x), m).to(torch::kCPU).contiguous();
        if (p.dim() != 2 || p.size(1) != int64_t(classes))
            throw ModelError(package.path + " returned scores shaped " + std::to_string(p.dim()) +
                             "-D; a tile classifier returns one score per label");
        TileScores scores;
        scores.tiles = batch.tiles;
        scores.scores.assign(p.data_ptr<float>(), p.data_ptr<float>() + p.numel());
        for (size_t t = 0; t < batch.tiles.size(); ++t)
            std::copy_n(&scores.scores[t * classes], classes, &result.scores[size_t(batch.tiles[t]) * classes]);
        result.tilesClassified += int(batch.tiles.size());
        if (onScores)
            onScores(result.grid, scores);
        if (progress)
            progress(double(std::min(order.size(), from + batchSize)) / double(order.size()), "tiles");
    }
    return result;
}

} // namespace radpath::ai

#include "viewer/model/LayerCompositor.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace radpath::viewer {
namespace {

// x * a / 255 for the four bytes of a premultiplied ARGB pixel, two channels at a time.
inline std::uint32_t byteMul(std::uint32_t x, std::uint32_t a)
{
    std::uint32_t t = (x & 0xff00ffu) * a;
    t = ((t + ((t >> 8) & 0xff00ffu) + 0x800080u) >> 8) & 0xff00ffu;
    x = ((x >> 8) & 0xff00ffu) * a;
    x = (x + ((x >> 8) & 0xff00ffu) + 0x800080u) & 0xff00ff00u;
    return x | t;
}

// Premultiplied source over destination.
inline void over(std::uint32_t& dst, std::uint32_t src)
{
    const std::uint32_t alpha = src >> 24;
    dst = (alpha == 255 || dst == 0) ? src : src + byteMul(dst, 255 - alpha);
}

std::uint32_t premultiplied(const Rgb& c, double opacity)
{
    const std::uint32_t a = std::uint32_t(std::lround(std::clamp(opacity, 0.0, 1.0) * 255.0));
    const std::uint32_t rgb = (std::uint32_t(c[0]) << 16) | (std::uint32_t(c[1]) << 8) | c[2];
    return (a << 24) | (byteMul(rgb, a) & 0xffffffu);
}

// Label value -> premultiplied fill and outline colours (0 where not drawn).
class LabelColours {
public:
    explicit LabelColours(const LabelMapLayer& layer)
    {
        for (const LabelEntry& e : layer.table) {
            if (!e.visible || e.value == 0)
                continue;
            const Colours c{layer.fill ? premultiplied(e.colour, layer.opacity * e.opacity) : 0u,
                            layer.outline ? premultiplied(e.colour, 1.0) : 0u};
            if (e.value > 0 && e.value < kDense) {
                if (m_dense.size() <= std::size_t(e.value))
                    m_dense.resize(std::size_t(e.value) + 1);
                m_dense[std::size_t(e.value)] = c;
            } else {
                m_sparse[e.value] = c;
            }
        }
    }
    struct Colours {
        std::uint32_t fill = 0, outline = 0;
    };
    Colours at(int value) const
    {
        if (value >= 0 && std::size_t(value) < m_dense.size())
            return m_dense[std::size_t(value)];
        if (m_sparse.empty())
            return {};
        const auto it = m_sparse.find(value);
        return it == m_sparse.end() ? Colours{} : it->second;
    }

private:
    static constexpr int kDense = 1 << 16;
    std::vector<Colours> m_dense;
    std::unordered_map<int, Colours> m_sparse;
};

// One sample buffer per thread, reused from frame to frame (no page faults per frame).
std::vector<float>& samples()
{
    thread_local std::vector<float> buffer;
    return buffer;
}

void drawLabelMap(const LabelMapLayer& layer, const PlaneGrid& grid, QImage& image)
{
    if (layer.labels.isNull() || (!layer.fill && !layer.outline) || layer.table.empty())
        return;
    std::vector<float>& labels = samples();
    samplePlane(layer.labels, grid, Interpolation::Nearest, labels);
    const LabelColours colours(layer);
    const int w = grid.width, h = grid.height;
    // Labels are whole numbers, exact in float; the outside marker (NaN) differs from all.
    float lastValue = 0.0f;
    LabelColours::Colours last;
    for (int y = 0; y < h; ++y) {
        const float* row = labels.data() + std::size_t(y) * std::size_t(w);
        const float* above = y > 0 ? row - w : row;
        const float* below = y + 1 < h ? row + w : row;
        auto* dst = reinterpret_cast<std::uint32_t*>(image.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const float v = row[x];
            if (v == 0.0f || isOutside(v))
                continue;
            if (v != lastValue) {
                lastValue = v;
                last = std::abs(v) < 2e9f ? colours.at(int(v)) : LabelColours::Colours{};
            }
            if (!last.fill && !last.outline)
                continue;
            const bool boundary =
                (x > 0 && row[x - 1] != v) || (x + 1 < w && row[x + 1] != v) || above[x] != v || below[x] != v;
            const std::uint32_t src = boundary && last.outline ? last.outline : last.fill;
            if (src)
                over(dst[x], src);
        }
    }
}

void drawScalarOverlay(const ScalarOverlayLayer& layer, const PlaneGrid& grid, QImage& image)
{
    if (layer.volume.isNull() || layer.opacity <= 0.0)
        return;
    std::vector<float>& sampled = samples();
    samplePlane(layer.volume, grid, Interpolation::Linear, sampled);
    // 256 premultiplied colours at the layer's opacity.
    const auto table = colormapTable(layer.colormap);
    std::array<std::uint32_t, 256> colours{};
    for (std::size_t n = 0; n < 256; ++n)
        colours[n] = premultiplied({std::uint8_t(table[n] >> 16), std::uint8_t(table[n] >> 8), std::uint8_t(table[n])},
                                   layer.opacity);
    const double width = std::max(layer.windowWidth, 1e-12);
    const float lower = float(layer.windowCenter - width / 2.0);
    const float scale = float(255.0 / width);
    const double threshold = layer.threshold;
    for (int y = 0; y < grid.height; ++y) {
        const float* row = sampled.data() + std::size_t(y) * std::size_t(grid.width);
        auto* dst = reinterpret_cast<std::uint32_t*>(image.scanLine(y));
        for (int x = 0; x < grid.width; ++x) {
            const float v = row[x];
            if (!(double(v) >= threshold)) // also skips the outside marker
                continue;
            const float t = std::clamp((v - lower) * scale, 0.0f, 255.0f);
            over(dst[x], colours[std::size_t(t + 0.5f)]);
        }
    }
}

QImage blankImage(const PlaneGrid& grid)
{
    QImage image(std::max(grid.width, 0), std::max(grid.height, 0), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    return image;
}

void drawLayer(const Layer& layer, const PlaneGrid& grid, QImage& image)
{
    if (image.isNull() || !layerVisible(layer))
        return;
    if (const auto* labels = std::get_if<LabelMapLayer>(&layer))
        drawLabelMap(*labels, grid, image);
    else if (const auto* scalars = std::get_if<ScalarOverlayLayer>(&layer))
        drawScalarOverlay(*scalars, grid, image);
}

} // namespace

QImage composeLayers(const std::vector<Layer>& layers, const PlaneGrid& grid)
{
    QImage image = blankImage(grid);
    for (const Layer& layer : layers)
        drawLayer(layer, grid, image);
    return image;
}

QImage composeLayers(const LayerStack& stack, const PlaneGrid& grid)
{
    QImage image = blankImage(grid);
    for (int i = 0; i < stack.count(); ++i)
        drawLayer(stack.at(i), grid, image);
    return image;
}

} // namespace radpath::viewer

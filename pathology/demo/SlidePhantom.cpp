#include "pathology/demo/SlidePhantom.h"

#include "pathology/io/AperioTiffWriter.h"
#include "pathology/io/JpegCodec.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <future>
#include <random>
#include <sstream>
#include <thread>

namespace radpath::pathology {
namespace {

constexpr int kTile = 256;
constexpr int kVariants = 16;
constexpr double kPi = 3.14159265358979323846;
enum Tissue { Background = 0, Stroma = 1, Tumour = 2 };

// A blob whose radius varies smoothly with angle; sx/sy stretch it into an ellipse.
struct Blob {
    double cx = 0, cy = 0, r0 = 1, sx = 1, sy = 1;
    std::array<double, 4> amp{}, phase{};
    std::array<int, 4> freq{};

    double radius(double theta) const
    {
        double r = r0;
        for (size_t k = 0; k < amp.size(); ++k)
            r += r0 * amp[k] * std::sin(freq[k] * theta + phase[k]);
        return r;
    }
    double rMin() const { return r0 * (1.0 - amp[0] - amp[1] - amp[2] - amp[3]); }
    double rMax() const { return r0 * (1.0 + amp[0] + amp[1] + amp[2] + amp[3]); }
    bool contains(double x, double y) const
    {
        const double dx = (x - cx) / sx, dy = (y - cy) / sy;
        const double d2 = dx * dx + dy * dy;
        if (d2 <= rMin() * rMin())
            return true;
        if (d2 >= rMax() * rMax())
            return false;
        return std::sqrt(d2) <= radius(std::atan2(dy, dx));
    }
    // -1 outside, +1 inside, 0 mixed, for the rectangle [x0, x1] x [y0, y1].
    int classify(double x0, double y0, double x1, double y1) const
    {
        const double ax0 = (x0 - cx) / sx, ax1 = (x1 - cx) / sx, ay0 = (y0 - cy) / sy, ay1 = (y1 - cy) / sy;
        const double nx = std::clamp(0.0, ax0, ax1), ny = std::clamp(0.0, ay0, ay1);
        const double near2 = nx * nx + ny * ny;
        const double fx = std::max(std::abs(ax0), std::abs(ax1)), fy = std::max(std::abs(ay0), std::abs(ay1));
        const double far2 = fx * fx + fy * fy;
        if (near2 >= rMax() * rMax())
            return -1;
        if (far2 <= rMin() * rMin())
            return 1;
        return 0;
    }
};

struct Layout {
    Blob tissue;
    std::vector<Blob> tumours;

    int at(double x, double y) const
    {
        if (!tissue.contains(x, y))
            return Background;
        for (const Blob& t : tumours)
            if (t.contains(x, y))
                return Tumour;
        return Stroma;
    }
    // Background/Stroma/Tumour when the whole rectangle is one tissue, else -1.
    int pure(double x0, double y0, double x1, double y1) const
    {
        const int inTissue = tissue.classify(x0, y0, x1, y1);
        if (inTissue < 0)
            return Background;
        if (inTissue == 0)
            return -1;
        int result = Stroma;
        for (const Blob& t : tumours) {
            const int c = t.classify(x0, y0, x1, y1);
            if (c == 0)
                return -1;
            if (c > 0)
                result = Tumour;
        }
        return result;
    }
};

Blob randomBlob(std::mt19937& rng, double cx, double cy, double r0, double wobble)
{
    std::uniform_real_distribution<double> u(0.0, 1.0);
    Blob b;
    b.cx = cx;
    b.cy = cy;
    b.r0 = r0;
    const std::array<int, 4> freqs{2, 3, 5, 7};
    for (size_t k = 0; k < 4; ++k) {
        b.freq[k] = freqs[k];
        b.amp[k] = wobble * (0.4 + 0.6 * u(rng)) / double(k + 1);
        b.phase[k] = 2 * kPi * u(rng);
    }
    return b;
}

Layout makeLayout(const SlidePhantomSpec& spec)
{
    std::mt19937 rng(spec.seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    Layout layout;
    const double w = spec.width, h = spec.height;
    layout.tissue = randomBlob(rng, w * 0.5, h * 0.5, 1.0, 0.06);
    layout.tissue.sx = 0.38 * w;
    layout.tissue.sy = 0.30 * h;
    // Tumours well inside the tissue, not overlapping one another.
    const double scale = std::min(w, h);
    int attempts = 0;
    while (int(layout.tumours.size()) < spec.tumourRegions && attempts++ < 1000) {
        const double r0 = scale * (0.035 + 0.035 * u(rng));
        const double angle = 2 * kPi * u(rng), dist = 0.55 * u(rng);
        const double cx = w * 0.5 + std::cos(angle) * dist * layout.tissue.sx;
        const double cy = h * 0.5 + std::sin(angle) * dist * layout.tissue.sy;
        Blob t = randomBlob(rng, cx, cy, r0, 0.12);
        bool clear = true;
        for (const Blob& other : layout.tumours)
            clear = clear && std::hypot(other.cx - t.cx, other.cy - t.cy) > other.rMax() + t.rMax() + 0.01 * scale;
        // Entirely inside the tissue: its bounding box is.
        clear = clear && layout.tissue.classify(cx - t.rMax(), cy - t.rMax(), cx + t.rMax(), cy + t.rMax()) > 0;
        if (clear)
            layout.tumours.push_back(t);
    }
    return layout;
}

using Rgb = std::array<std::uint8_t, 3>;
using Texture = std::vector<std::uint8_t>; // kTile * kTile * 3

std::uint8_t clampByte(double v)
{
    return std::uint8_t(std::clamp(v, 0.0, 255.0));
}

// H&E-like texture: a fibrous pink field with purple nuclei; tumour is denser and bluer.
Texture makeTexture(int tissue, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    Texture t(size_t(kTile) * kTile * 3);
    const Rgb base = tissue == Background ? Rgb{243, 242, 246} : tissue == Stroma ? Rgb{232, 170, 200} : Rgb{205, 150, 205};
    for (int y = 0; y < kTile; ++y)
        for (int x = 0; x < kTile; ++x) {
            double shade = 0.0;
            if (tissue != Background) {
                // Fibres: periodic over one tile and the same in every variant, so that
                // neighbouring tiles join without seams.
                const double warp = 1.7 * std::sin(2 * kPi * 4 * y / kTile);
                shade = 10.0 * std::sin(2 * kPi * (9.0 * x + 4.0 * y) / kTile + warp) + 3.0 * noise(rng);
            } else {
                shade = 1.2 * noise(rng);
            }
            for (int c = 0; c < 3; ++c)
                t[size_t((y * kTile + x) * 3 + c)] = clampByte(base[size_t(c)] + shade);
        }
    if (tissue == Background)
        return t;
    // Nuclei: dark purple ellipses kept off the tile edges, so that no nucleus is cut
    // where tiles of different variants meet.
    const int count = tissue == Tumour ? 230 : 45;
    const double rMean = tissue == Tumour ? 6.0 : 3.5;
    for (int n = 0; n < count; ++n) {
        const double rx = rMean * (0.7 + 0.6 * u(rng)), ry = rx * (0.6 + 0.5 * u(rng));
        const double margin = rx + 2.0;
        const double cx = margin + (kTile - 2 * margin) * u(rng), cy = margin + (kTile - 2 * margin) * u(rng);
        const double darkness = 0.55 + 0.3 * u(rng);
        const Rgb nucleus{clampByte(95 * darkness + 30), clampByte(55 * darkness + 20), clampByte(140 * darkness + 40)};
        for (int dy = int(-ry - 1); dy <= int(ry + 1); ++dy)
            for (int dx = int(-rx - 1); dx <= int(rx + 1); ++dx) {
                const double e = (dx * dx) / (rx * rx) + (dy * dy) / (ry * ry);
                if (e > 1.0)
                    continue;
                const int px = std::clamp(int(cx) + dx, 0, kTile - 1), py = std::clamp(int(cy) + dy, 0, kTile - 1);
                const double edge = e > 0.7 ? 0.85 : 1.0; // darker rim
                for (int c = 0; c < 3; ++c)
                    t[size_t((py * kTile + px) * 3 + c)] = clampByte(nucleus[size_t(c)] * edge);
            }
    }
    return t;
}

// Texture for a level `factor` times coarser: tile it factor x factor and box-filter.
Texture downsample(const Texture& fine, int factor)
{
    Texture out(fine.size());
    for (int y = 0; y < kTile; ++y)
        for (int x = 0; x < kTile; ++x)
            for (int c = 0; c < 3; ++c) {
                int sum = 0;
                for (int j = 0; j < factor; ++j)
                    for (int i = 0; i < factor; ++i) {
                        const int sx = (x * factor + i) % kTile, sy = (y * factor + j) % kTile;
                        sum += fine[size_t((sy * kTile + sx) * 3 + c)];
                    }
                out[size_t((y * kTile + x) * 3 + c)] = std::uint8_t(sum / (factor * factor));
            }
    return out;
}

int variantOf(int col, int row, int level)
{
    std::uint32_t h = std::uint32_t(col) * 73856093u ^ std::uint32_t(row) * 19349663u ^ std::uint32_t(level) * 83492791u;
    h ^= h >> 13;
    h *= 0x5bd1e995u;
    h ^= h >> 15;
    return int(h % kVariants);
}

std::string aperioHeader()
{
    return "Aperio Image Library v12.0.15";
}

// Average colour of a texture, for the low-resolution images.
Rgb meanColour(const Texture& t)
{
    std::array<double, 3> sum{};
    for (size_t i = 0; i < t.size(); i += 3)
        for (int c = 0; c < 3; ++c)
            sum[size_t(c)] += t[i + size_t(c)];
    const double n = double(t.size() / 3);
    return {clampByte(sum[0] / n), clampByte(sum[1] / n), clampByte(sum[2] / n)};
}

} // namespace

SlidePhantom writeSlidePhantom(const std::string& path, const SlidePhantomSpec& spec,
                               const std::function<void(double)>& progress)
{
    const Layout layout = makeLayout(spec);

    // Textures per tissue and variant, and per level (downsample 1, 4, 16, 64, ...).
    std::vector<int> downsamples{1};
    while (std::max(spec.width, spec.height) / (downsamples.back() * 4) >= kTile * 2)
        downsamples.push_back(downsamples.back() * 4);
    std::vector<std::array<std::vector<Texture>, 3>> textures(downsamples.size());
    for (int tissue = 0; tissue < 3; ++tissue)
        for (int v = 0; v < kVariants; ++v) {
            textures[0][size_t(tissue)].push_back(makeTexture(tissue, spec.seed * 977u + std::uint32_t(tissue * 131 + v)));
            for (size_t l = 1; l < downsamples.size(); ++l)
                textures[l][size_t(tissue)].push_back(downsample(textures[l - 1][size_t(tissue)][size_t(v)], 4));
        }
    // Whole tiles of one tissue are encoded once per variant and level.
    std::vector<std::array<std::vector<std::vector<std::uint8_t>>, 3>> pureTiles(downsamples.size());
    for (size_t l = 0; l < downsamples.size(); ++l)
        for (int tissue = 0; tissue < 3; ++tissue)
            for (int v = 0; v < kVariants; ++v)
                pureTiles[l][size_t(tissue)].push_back(
                    encodeJpeg(textures[l][size_t(tissue)][size_t(v)].data(), kTile, kTile, spec.quality));

    SlidePhantom result;
    result.levels = int(downsamples.size());
    AperioTiffWriter writer(path);
    const unsigned threads = std::max(2u, std::thread::hardware_concurrency());

    double doneWeight = 0.0, totalWeight = 0.0;
    for (int d : downsamples)
        totalWeight += 1.0 / (double(d) * d);

    auto writeLevel = [&](size_t level) {
        const int d = downsamples[level];
        const int lw = (spec.width + d - 1) / d, lh = (spec.height + d - 1) / d;
        const int cols = (lw + kTile - 1) / kTile;
        std::vector<std::vector<std::uint8_t>> rowTiles;
        int cachedRow = -1;
        auto renderTile = [&](int col, int row) {
            const double x0 = double(col) * kTile * d, y0 = double(row) * kTile * d;
            const int v = variantOf(col, row, int(level));
            const int pure = layout.pure(x0, y0, x0 + kTile * d, y0 + kTile * d);
            if (pure >= 0)
                return pureTiles[level][size_t(pure)][size_t(v)];
            Texture mixed(size_t(kTile) * kTile * 3);
            for (int y = 0; y < kTile; ++y)
                for (int x = 0; x < kTile; ++x) {
                    const int tissue = layout.at(x0 + (x + 0.5) * d, y0 + (y + 0.5) * d);
                    const auto& src = textures[level][size_t(tissue)][size_t(v)];
                    const size_t i = size_t((y * kTile + x) * 3);
                    mixed[i] = src[i], mixed[i + 1] = src[i + 1], mixed[i + 2] = src[i + 2];
                }
            return encodeJpeg(mixed.data(), kTile, kTile, spec.quality);
        };
        std::ostringstream description;
        description << aperioHeader() << " \r\n" << spec.width << 'x' << spec.height << " [0,0 " << spec.width << 'x'
                    << spec.height << "] (" << kTile << 'x' << kTile << ")";
        if (level > 0)
            description << " -> " << lw << 'x' << lh;
        description << " JPEG/RGB Q=" << spec.quality;
        if (level == 0)
            description << "|AppMag = " << spec.objectivePower << "|MPP = " << spec.mpp
                        << "|Filename = demo|Title = RadPath demonstration slide, not for clinical use";
        writer.writeTiledLevel(
            lw, lh, kTile, description.str(),
            [&](int col, int row) {
                if (row != cachedRow) {
                    // Render a whole row of tiles on all cores, then hand them out in order.
                    rowTiles.assign(size_t(cols), {});
                    std::vector<std::future<void>> jobs;
                    for (unsigned t = 0; t < threads; ++t)
                        jobs.push_back(std::async(std::launch::async, [&, t] {
                            for (int c = int(t); c < cols; c += int(threads))
                                rowTiles[size_t(c)] = renderTile(c, row);
                        }));
                    for (auto& job : jobs)
                        job.get();
                    cachedRow = row;
                }
                return std::move(rowTiles[size_t(col)]);
            },
            [&](double f) {
                if (progress)
                    progress(std::min(0.97, (doneWeight + f / (double(d) * d)) / totalWeight * 0.97));
            });
        doneWeight += 1.0 / (double(d) * d);
    };

    // Low-resolution RGB rendering of the whole slide (class colours), width `w`.
    std::array<Rgb, 3> colours{};
    for (int tissue = 0; tissue < 3; ++tissue)
        colours[size_t(tissue)] = meanColour(textures[0][size_t(tissue)][0]);
    auto overview = [&](int w, int h) {
        std::vector<std::uint8_t> rgb(size_t(w) * size_t(h) * 3);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const Rgb& c = colours[size_t(layout.at((x + 0.5) * spec.width / w, (y + 0.5) * spec.height / h))];
                std::copy(c.begin(), c.end(), rgb.begin() + (size_t(y) * w + x) * 3);
            }
        return rgb;
    };

    // Aperio order: level 0, thumbnail, smaller levels, label, macro.
    writeLevel(0);
    const int thumbW = 1024, thumbH = std::max(1, int(std::lround(1024.0 * spec.height / spec.width)));
    {
        std::ostringstream d;
        d << aperioHeader() << " \r\n" << spec.width << 'x' << spec.height << " -> " << thumbW << 'x' << thumbH
          << " - |AppMag = " << spec.objectivePower << "|MPP = " << spec.mpp;
        writer.writeStrippedImage(thumbW, thumbH, overview(thumbW, thumbH), d.str());
    }
    for (size_t level = 1; level < downsamples.size(); ++level)
        writeLevel(level);

    // Label: white with a barcode and a coloured stripe.
    const int labelSize = 400;
    std::vector<std::uint8_t> label(size_t(labelSize) * labelSize * 3, 250);
    std::mt19937 rng(spec.seed + 7);
    for (int x = 40; x < 360;) {
        const int bar = 2 + int(rng() % 6), gap = 2 + int(rng() % 5);
        for (int y = 220; y < 360; ++y)
            for (int i = x; i < std::min(360, x + bar); ++i)
                for (int c = 0; c < 3; ++c)
                    label[(size_t(y) * labelSize + i) * 3 + c] = 20;
        x += bar + gap;
    }
    for (int y = 40; y < 120; ++y)
        for (int x = 40; x < 360; ++x) {
            const size_t i = (size_t(y) * labelSize + x) * 3;
            label[i] = 40, label[i + 1] = 90, label[i + 2] = 200;
        }
    writer.writeStrippedImage(labelSize, labelSize, label,
                              aperioHeader() + "\nlabel " + std::to_string(labelSize) + "x" + std::to_string(labelSize));

    // Macro: the whole glass slide, label area on the left, tissue on the right.
    const int macroW = 1280, macroH = 431, labelW = 360;
    std::vector<std::uint8_t> macro(size_t(macroW) * macroH * 3, 236);
    const int tissueW = macroW - labelW - 40, tissueH = macroH - 40;
    const int side = std::min(tissueW, tissueH);
    const std::vector<std::uint8_t> small = overview(side, side);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x)
            for (int c = 0; c < 3; ++c)
                macro[(size_t(y + 20) * macroW + size_t(labelW + 20 + (tissueW - side) / 2 + x)) * 3 + c] =
                    small[(size_t(y) * side + x) * 3 + c];
    for (int y = 10; y < macroH - 10; ++y)
        for (int x = 10; x < labelW; ++x) {
            const int lx = (x - 10) * labelSize / (labelW - 10), ly = (y - 10) * labelSize / (macroH - 20);
            for (int c = 0; c < 3; ++c)
                macro[(size_t(y) * macroW + x) * 3 + c] = label[(size_t(ly) * labelSize + lx) * 3 + c];
        }
    writer.writeStrippedImage(macroW, macroH, macro,
                              aperioHeader() + "\nmacro " + std::to_string(macroW) + "x" + std::to_string(macroH));
    writer.finish();

    // Ground truth: each tumour outline sampled at 256 angles, level-0 pixels.
    for (const Blob& t : layout.tumours) {
        TumourRegion region;
        constexpr int kPoints = 256;
        for (int i = 0; i < kPoints; ++i) {
            const double theta = 2 * kPi * i / kPoints;
            const double r = t.radius(theta);
            region.outline.emplace_back(t.cx + r * std::cos(theta), t.cy + r * std::sin(theta));
        }
        double area = 0.0;
        for (size_t i = 0; i < region.outline.size(); ++i) {
            const auto& a = region.outline[i];
            const auto& b = region.outline[(i + 1) % region.outline.size()];
            area += a.first * b.second - b.first * a.second;
        }
        region.areaPx = std::abs(area) / 2.0;
        result.tumourAreaUm2 += region.areaPx * spec.mpp * spec.mpp;
        result.tumours.push_back(std::move(region));
    }
    if (progress)
        progress(1.0);
    return result;
}

} // namespace radpath::pathology

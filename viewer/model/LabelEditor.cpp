#include "viewer/model/LabelEditor.h"

#include "viewer/model/LabelFilters.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <limits>
#include <stdexcept>
#include <unordered_map>

namespace radpath::viewer {
namespace {

using Int = std::int64_t;

// Reads and writes one voxel of an integer buffer of the label map's type.
struct LabelAccess {
    Int (*read)(const std::byte* base, std::size_t index) = nullptr;
    void (*write)(std::byte* base, std::size_t index, Int value) = nullptr;
    Int lowest = 0, highest = 0;
};

template <class T> LabelAccess accessFor()
{
    LabelAccess a;
    a.read = [](const std::byte* base, std::size_t index) {
        T v;
        std::memcpy(&v, base + index * sizeof(T), sizeof(T));
        return Int(v);
    };
    a.write = [](std::byte* base, std::size_t index, Int value) {
        const T v = T(value);
        std::memcpy(base + index * sizeof(T), &v, sizeof(T));
    };
    a.lowest = Int(std::numeric_limits<T>::lowest());
    a.highest = Int(std::numeric_limits<T>::max());
    return a;
}

struct Sums {
    std::size_t count = 0;
    double sum = 0.0, squares = 0.0;
};

} // namespace

struct LabelEditor::Impl {
    Volume labels, image;
    ImageGeometry geometry;
    LabelAccess access;
    std::size_t bytesPerVoxel = 1;
    std::array<int, 3> bricks{0, 0, 0}; // bricks along i, j, k
    std::size_t budget = kDefaultUndoBudget;

    // One brick's voxels before and after a step, row by row.
    struct BrickCopy {
        std::size_t brick = 0;
        std::vector<std::byte> before, after;
    };
    struct Step {
        std::vector<BrickCopy> bricks;
        std::size_t bytes = 0;
    };
    std::deque<Step> undoSteps, redoSteps;
    std::size_t historyBytes = 0;
    bool open = false; // a step is being made
    Step current;
    std::unordered_map<std::size_t, std::size_t> touched; // brick -> its copy in `current`
    std::size_t changedInStep = 0;

    std::unordered_map<Int, Sums> sums; // by label, 0 included

    std::byte* base() { return static_cast<std::byte*>(labels.data()); }
    const std::byte* base() const { return static_cast<const std::byte*>(labels.data()); }
    std::size_t index(int i, int j, int k) const
    {
        return (std::size_t(k) * std::size_t(geometry.size[1]) + std::size_t(j)) * std::size_t(geometry.size[0]) + std::size_t(i);
    }
    Int at(std::size_t n) const { return access.read(base(), n); }
    double imageAt(int i, int j, int k) const { return image.isNull() ? 0.0 : image.valueAt(i, j, k); }
    bool inside(int i, int j, int k) const
    {
        return i >= 0 && j >= 0 && k >= 0 && i < geometry.size[0] && j < geometry.size[1] && k < geometry.size[2];
    }

    // The voxel box of brick b: start and extent along each axis.
    void brickBox(std::size_t b, std::array<int, 3>& start, std::array<int, 3>& extent) const
    {
        const int bi = int(b % std::size_t(bricks[0])), bj = int(b / std::size_t(bricks[0]) % std::size_t(bricks[1]));
        const int bk = int(b / (std::size_t(bricks[0]) * std::size_t(bricks[1])));
        start = {bi * kBrick, bj * kBrick, bk * kBrick};
        for (int a = 0; a < 3; ++a)
            extent[a] = std::min(kBrick, geometry.size[a] - start[a]);
    }
    std::size_t brickOf(int i, int j, int k) const
    {
        return (std::size_t(k / kBrick) * std::size_t(bricks[1]) + std::size_t(j / kBrick)) * std::size_t(bricks[0]) +
               std::size_t(i / kBrick);
    }
    void copyBrick(std::size_t b, std::vector<std::byte>& out) const
    {
        std::array<int, 3> s{}, e{};
        brickBox(b, s, e);
        const std::size_t row = std::size_t(e[0]) * bytesPerVoxel;
        out.resize(row * std::size_t(e[1]) * std::size_t(e[2]));
        std::byte* to = out.data();
        for (int k = 0; k < e[2]; ++k)
            for (int j = 0; j < e[1]; ++j, to += row)
                std::memcpy(to, base() + index(s[0], s[1] + j, s[2] + k) * bytesPerVoxel, row);
    }
    void restoreBrick(std::size_t b, const std::vector<std::byte>& from)
    {
        std::array<int, 3> s{}, e{};
        brickBox(b, s, e);
        const std::size_t row = std::size_t(e[0]) * bytesPerVoxel;
        const std::byte* p = from.data();
        for (int k = 0; k < e[2]; ++k)
            for (int j = 0; j < e[1]; ++j, p += row)
                std::memcpy(base() + index(s[0], s[1] + j, s[2] + k) * bytesPerVoxel, p, row);
    }
    // The running sums move from the labels in `from` to those in `to` (one brick's copies).
    void account(std::size_t b, const std::vector<std::byte>& from, const std::vector<std::byte>& to)
    {
        std::array<int, 3> s{}, e{};
        brickBox(b, s, e);
        std::size_t n = 0;
        for (int k = 0; k < e[2]; ++k)
            for (int j = 0; j < e[1]; ++j)
                for (int i = 0; i < e[0]; ++i, ++n) {
                    const Int was = access.read(from.data(), n), now = access.read(to.data(), n);
                    if (was == now)
                        continue;
                    const double v = imageAt(s[0] + i, s[1] + j, s[2] + k);
                    Sums& a = sums[was];
                    --a.count, a.sum -= v, a.squares -= v * v;
                    Sums& c = sums[now];
                    ++c.count, c.sum += v, c.squares += v * v;
                }
    }

    void begin()
    {
        if (open)
            throw std::logic_error("LabelEditor: a step is already open");
        open = true;
        current = Step{};
        touched.clear();
        changedInStep = 0;
    }
    // Sets voxel (i, j, k) to `value`, keeping its brick's old voxels first.
    void set(int i, int j, int k, Int value)
    {
        const std::size_t n = index(i, j, k);
        if (at(n) == value)
            return;
        const std::size_t b = brickOf(i, j, k);
        if (!touched.count(b)) {
            touched.emplace(b, current.bricks.size());
            BrickCopy copy;
            copy.brick = b;
            copyBrick(b, copy.before);
            current.bricks.push_back(std::move(copy));
        }
        access.write(base(), n, value);
        ++changedInStep;
    }
    std::size_t end()
    {
        open = false;
        if (changedInStep == 0)
            return 0;
        for (BrickCopy& copy : current.bricks) {
            copyBrick(copy.brick, copy.after);
            account(copy.brick, copy.before, copy.after);
            current.bytes += copy.before.size() + copy.after.size();
        }
        for (const Step& s : redoSteps)
            historyBytes -= s.bytes;
        redoSteps.clear();
        historyBytes += current.bytes;
        undoSteps.push_back(std::move(current));
        trim();
        return changedInStep;
    }
    void trim()
    {
        while (historyBytes > budget && !redoSteps.empty()) {
            historyBytes -= redoSteps.front().bytes; // the step furthest from now
            redoSteps.pop_front();
        }
        while (historyBytes > budget && !undoSteps.empty()) {
            historyBytes -= undoSteps.front().bytes;
            undoSteps.pop_front();
        }
    }
    // Applies `next(i, j, k, current label)` to every voxel, brick by brick (a brick is kept
    // only when one of its voxels changes).
    template <class F> std::size_t applyEverywhere(F&& next)
    {
        begin();
        for (int k = 0; k < geometry.size[2]; ++k)
            for (int j = 0; j < geometry.size[1]; ++j)
                for (int i = 0; i < geometry.size[0]; ++i) {
                    const Int was = at(index(i, j, k));
                    const Int now = next(i, j, k, was);
                    if (now != was)
                        set(i, j, k, now);
                }
        return end();
    }
    // Voxels of `mask` (one byte a voxel) become `label` where they are background or `label`.
    std::size_t applyMask(const detail::Mask& mask, Int label)
    {
        return applyEverywhere([&](int i, int j, int k, Int was) {
            return mask[index(i, j, k)] && (was == 0 || was == label) ? label : was;
        });
    }
    detail::Mask maskOf(Int label) const
    {
        detail::Mask m(labels.voxelCount());
        for (std::size_t n = 0; n < m.size(); ++n)
            m[n] = at(n) == label;
        return m;
    }
    void checkLabel(Int label) const
    {
        if (label < access.lowest || label > access.highest)
            throw std::invalid_argument("label " + std::to_string(label) + " does not fit the label map's voxel type");
    }
    void checkImage(const char* what) const
    {
        if (image.isNull())
            throw std::invalid_argument(std::string(what) + " needs the image under the label map");
    }
    void dab(const Vec3& lps, const Brush& brush);
    // Islands (6-connected) of `label`: calls `keep(size)` per island; islands it rejects become 0.
    template <class Keep> std::size_t filterIslands(Int label, Keep&& keep);
};

void LabelEditor::Impl::dab(const Vec3& lps, const Brush& brush)
{
    checkLabel(brush.label);
    const Vec3 c = geometry.physicalToIndex(lps);
    const double r2 = brush.radiusMm * brush.radiusMm;
    std::array<int, 3> lo{}, hi{};
    for (int a = 0; a < 3; ++a) {
        const double reach = brush.radiusMm / geometry.spacing[size_t(a)];
        lo[size_t(a)] = std::max(0, int(std::floor(c[size_t(a)] - reach)));
        hi[size_t(a)] = std::min(geometry.size[size_t(a)] - 1, int(std::ceil(c[size_t(a)] + reach)));
    }
    if (!brush.sphere) { // the slice through the centre
        const int axis = std::clamp(brush.sliceAxis, 0, 2);
        const int slice = int(std::lround(c[size_t(axis)]));
        if (slice < 0 || slice >= geometry.size[size_t(axis)])
            return;
        lo[size_t(axis)] = hi[size_t(axis)] = slice;
    }
    for (int k = lo[2]; k <= hi[2]; ++k)
        for (int j = lo[1]; j <= hi[1]; ++j)
            for (int i = lo[0]; i <= hi[0]; ++i) {
                double d2 = 0.0;
                const int idx[3] = {i, j, k};
                for (int a = 0; a < 3; ++a) {
                    if (!brush.sphere && a == brush.sliceAxis)
                        continue;
                    const double mm = (idx[a] - c[size_t(a)]) * geometry.spacing[size_t(a)];
                    d2 += mm * mm;
                }
                if (d2 > r2)
                    continue;
                if (brush.range && !brush.range->contains(imageAt(i, j, k)))
                    continue;
                const Int was = at(index(i, j, k));
                if (brush.erase) {
                    if (was != 0 && (brush.label == 0 || was == brush.label))
                        set(i, j, k, 0);
                } else {
                    set(i, j, k, brush.label);
                }
            }
}

template <class Keep> std::size_t LabelEditor::Impl::filterIslands(Int label, Keep&& keep)
{
    const auto& s = geometry.size;
    std::vector<bool> seen(labels.voxelCount(), false);
    std::vector<std::size_t> stack, rejected; // seeds of islands to clear
    std::vector<std::pair<std::size_t, std::size_t>> islands; // seed, size
    for (std::size_t n = 0; n < seen.size(); ++n) {
        if (seen[n] || at(n) != label)
            continue;
        std::size_t size = 0;
        stack.assign(1, n);
        seen[n] = true;
        while (!stack.empty()) {
            const std::size_t m = stack.back();
            stack.pop_back();
            ++size;
            const int i = int(m % std::size_t(s[0])), j = int(m / std::size_t(s[0]) % std::size_t(s[1])),
                      k = int(m / (std::size_t(s[0]) * std::size_t(s[1])));
            const int step[6][3] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
            for (const auto& d : step) {
                const int a = i + d[0], b = j + d[1], c = k + d[2];
                if (!inside(a, b, c))
                    continue;
                const std::size_t q = index(a, b, c);
                if (!seen[q] && at(q) == label) {
                    seen[q] = true;
                    stack.push_back(q);
                }
            }
        }
        islands.push_back({n, size});
    }
    std::vector<std::size_t> sizes;
    for (const auto& island : islands)
        sizes.push_back(island.second);
    for (const auto& [seed, size] : islands)
        if (!keep(size, sizes))
            rejected.push_back(seed);
    if (rejected.empty())
        return 0;
    // Clear the rejected islands: flood each from its seed again.
    begin();
    for (const std::size_t seed : rejected) {
        stack.assign(1, seed);
        while (!stack.empty()) {
            const std::size_t m = stack.back();
            stack.pop_back();
            const int i = int(m % std::size_t(s[0])), j = int(m / std::size_t(s[0]) % std::size_t(s[1])),
                      k = int(m / (std::size_t(s[0]) * std::size_t(s[1])));
            if (at(m) != label)
                continue;
            set(i, j, k, 0);
            const int step[6][3] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
            for (const auto& d : step)
                if (inside(i + d[0], j + d[1], k + d[2]) && at(index(i + d[0], j + d[1], k + d[2])) == label)
                    stack.push_back(index(i + d[0], j + d[1], k + d[2]));
        }
    }
    return end();
}

LabelEditor::LabelEditor(Volume labels, Volume image, std::size_t undoBudgetBytes) : d(std::make_unique<Impl>())
{
    if (labels.isNull() || labels.components() != 1)
        throw std::invalid_argument("LabelEditor: no label map");
    switch (labels.pixelType()) {
    case PixelType::UInt8: d->access = accessFor<std::uint8_t>(); break;
    case PixelType::Int8: d->access = accessFor<std::int8_t>(); break;
    case PixelType::UInt16: d->access = accessFor<std::uint16_t>(); break;
    case PixelType::Int16: d->access = accessFor<std::int16_t>(); break;
    case PixelType::UInt32: d->access = accessFor<std::uint32_t>(); break;
    case PixelType::Int32: d->access = accessFor<std::int32_t>(); break;
    default: throw std::invalid_argument("LabelEditor: label maps hold integers, not " + std::string(toString(labels.pixelType())));
    }
    if (!image.isNull() && image.geometry().size != labels.geometry().size)
        throw std::invalid_argument("LabelEditor: the image and the label map are not on one grid");
    d->labels = std::move(labels);
    d->image = std::move(image);
    d->geometry = d->labels.geometry();
    d->bytesPerVoxel = radpath::viewer::bytesPerVoxel(d->labels.pixelType());
    for (int a = 0; a < 3; ++a)
        d->bricks[size_t(a)] = (d->geometry.size[size_t(a)] + kBrick - 1) / kBrick;
    d->budget = undoBudgetBytes;
    // Counts and sums from one pass; runs of one label (mostly 0) look their sums up once.
    const auto& s = d->geometry.size;
    Int last = 0;
    Sums* sum = &d->sums[0];
    std::size_t n = 0;
    for (int k = 0; k < s[2]; ++k)
        for (int j = 0; j < s[1]; ++j)
            for (int i = 0; i < s[0]; ++i, ++n) {
                const Int label = d->at(n);
                if (label != last) {
                    last = label;
                    sum = &d->sums[label];
                }
                ++sum->count;
                if (!d->image.isNull()) {
                    const double v = d->image.valueAt(i, j, k);
                    sum->sum += v, sum->squares += v * v;
                }
            }
}

LabelEditor::~LabelEditor() = default;

const Volume& LabelEditor::labels() const { return d->labels; }
const Volume& LabelEditor::image() const { return d->image; }

std::size_t LabelEditor::paint(const Vec3& lps, const Brush& brush)
{
    d->begin();
    d->dab(lps, brush);
    return d->end();
}

void LabelEditor::beginStroke() { d->begin(); }
void LabelEditor::dab(const Vec3& lps, const Brush& brush)
{
    if (!d->open)
        throw std::logic_error("LabelEditor::dab outside a stroke");
    d->dab(lps, brush);
}
std::size_t LabelEditor::endStroke() { return d->open ? d->end() : 0; }
bool LabelEditor::inStroke() const { return d->open; }

std::size_t LabelEditor::floodFill2D(const VoxelIndex& seed, int sliceAxis, int label, std::optional<ValueRange> range)
{
    d->checkLabel(label);
    if (!d->inside(seed[0], seed[1], seed[2]))
        return 0;
    const Int from = d->at(d->index(seed[0], seed[1], seed[2]));
    if (from == label)
        return 0;
    const int axis = std::clamp(sliceAxis, 0, 2);
    const int u = axis == 0 ? 1 : 0, v = axis == 2 ? 1 : 2; // the slice's two axes
    auto member = [&](const VoxelIndex& p) {
        return d->inside(p[0], p[1], p[2]) && d->at(d->index(p[0], p[1], p[2])) == from &&
               (!range || range->contains(d->imageAt(p[0], p[1], p[2])));
    };
    if (!member(seed))
        return 0;
    d->begin();
    std::vector<VoxelIndex> stack{seed};
    while (!stack.empty()) {
        const VoxelIndex p = stack.back();
        stack.pop_back();
        if (!member(p))
            continue;
        d->set(p[0], p[1], p[2], label);
        for (const int step : {-1, 1}) {
            VoxelIndex q = p;
            q[size_t(u)] += step;
            if (member(q))
                stack.push_back(q);
            q = p;
            q[size_t(v)] += step;
            if (member(q))
                stack.push_back(q);
        }
    }
    return d->end();
}

std::size_t LabelEditor::regionGrow(const VoxelIndex& seed, int label, double lower, double upper)
{
    d->checkLabel(label);
    d->checkImage("region growing");
    if (!d->inside(seed[0], seed[1], seed[2]))
        return 0;
    return d->applyMask(detail::connectedThreshold(d->image, seed, lower, upper), label);
}

std::size_t LabelEditor::regionGrowConfident(const VoxelIndex& seed, int label, double multiplier, int iterations, int radius)
{
    d->checkLabel(label);
    d->checkImage("region growing");
    if (!d->inside(seed[0], seed[1], seed[2]))
        return 0;
    return d->applyMask(detail::confidenceConnected(d->image, seed, multiplier, iterations, radius), label);
}

std::size_t LabelEditor::keepLargestIsland(int label)
{
    return d->filterIslands(label, [](std::size_t size, const std::vector<std::size_t>& all) {
        return size == *std::max_element(all.begin(), all.end());
    });
}

std::size_t LabelEditor::removeSmallIslands(int label, std::size_t minVoxels)
{
    return d->filterIslands(label, [minVoxels](std::size_t size, const std::vector<std::size_t>&) { return size >= minVoxels; });
}

std::size_t LabelEditor::fillHoles(int label, int sliceAxis)
{
    d->checkLabel(label);
    const int axis = std::clamp(sliceAxis, 0, 2);
    const int u = axis == 0 ? 1 : 0, v = axis == 2 ? 1 : 2;
    const auto& s = d->geometry.size;
    d->begin();
    std::vector<std::uint8_t> seen;
    std::vector<VoxelIndex> stack, region;
    for (int w = 0; w < s[size_t(axis)]; ++w) {
        seen.assign(std::size_t(s[size_t(u)]) * std::size_t(s[size_t(v)]), 0);
        for (int b = 0; b < s[size_t(v)]; ++b)
            for (int a = 0; a < s[size_t(u)]; ++a) {
                VoxelIndex start{};
                start[size_t(axis)] = w, start[size_t(u)] = a, start[size_t(v)] = b;
                const std::size_t at2 = std::size_t(b) * std::size_t(s[size_t(u)]) + std::size_t(a);
                if (seen[at2] || d->at(d->index(start[0], start[1], start[2])) != 0)
                    continue;
                // One background region of this slice: a hole when it meets neither the
                // slice's edge nor another label.
                bool hole = true;
                region.clear();
                stack.assign(1, start);
                seen[at2] = 1;
                while (!stack.empty()) {
                    const VoxelIndex p = stack.back();
                    stack.pop_back();
                    region.push_back(p);
                    for (const auto& [du, dv] : {std::pair{1, 0}, std::pair{-1, 0}, std::pair{0, 1}, std::pair{0, -1}}) {
                        VoxelIndex q = p;
                        q[size_t(u)] += du, q[size_t(v)] += dv;
                        if (!d->inside(q[0], q[1], q[2])) {
                            hole = false;
                            continue;
                        }
                        const Int value = d->at(d->index(q[0], q[1], q[2]));
                        const std::size_t q2 = std::size_t(q[size_t(v)]) * std::size_t(s[size_t(u)]) + std::size_t(q[size_t(u)]);
                        if (value == 0 && !seen[q2]) {
                            seen[q2] = 1;
                            stack.push_back(q);
                        } else if (value != 0 && value != label) {
                            hole = false;
                        }
                    }
                }
                if (hole)
                    for (const VoxelIndex& p : region)
                        d->set(p[0], p[1], p[2], label);
            }
    }
    return d->end();
}

std::size_t LabelEditor::smooth(int label, Smoothing method, int radius)
{
    d->checkLabel(label);
    const detail::Mask smoothed = detail::smoothMask(d->maskOf(label), d->geometry.size, method, radius);
    return d->applyEverywhere([&](int i, int j, int k, Int was) -> Int {
        const bool in = smoothed[d->index(i, j, k)] != 0;
        if (in && was == 0)
            return label;
        if (!in && was == label)
            return 0;
        return was;
    });
}

std::size_t LabelEditor::interpolateSlices(int label, int sliceAxis)
{
    d->checkLabel(label);
    const int axis = std::clamp(sliceAxis, 0, 2);
    const int u = axis == 0 ? 1 : 0, v = axis == 2 ? 1 : 2;
    const auto& s = d->geometry.size;
    const int width = s[size_t(u)], height = s[size_t(v)];
    auto voxel = [&](int w, int a, int b) {
        VoxelIndex p{};
        p[size_t(axis)] = w, p[size_t(u)] = a, p[size_t(v)] = b;
        return p;
    };
    auto sliceMask = [&](int w) {
        detail::Mask m(std::size_t(width) * std::size_t(height));
        for (int b = 0; b < height; ++b)
            for (int a = 0; a < width; ++a) {
                const VoxelIndex p = voxel(w, a, b);
                m[std::size_t(b) * std::size_t(width) + std::size_t(a)] = d->at(d->index(p[0], p[1], p[2])) == label;
            }
        return m;
    };
    std::vector<int> edited;
    for (int w = 0; w < s[size_t(axis)]; ++w) {
        const detail::Mask m = sliceMask(w);
        if (std::any_of(m.begin(), m.end(), [](std::uint8_t x) { return x != 0; }))
            edited.push_back(w);
    }
    d->begin();
    const double su = d->geometry.spacing[size_t(u)], sv = d->geometry.spacing[size_t(v)];
    // The maps measure to the outermost inside pixels (0 there), not to the boundary half a
    // pixel beyond them: inside is at most half a pixel out.
    const double half = 0.25 * (su + sv);
    for (std::size_t e = 0; e + 1 < edited.size(); ++e) {
        const int w0 = edited[e], w1 = edited[e + 1];
        if (w1 - w0 < 2)
            continue;
        const std::vector<float> d0 = detail::signedDistance2D(sliceMask(w0), width, height, su, sv);
        const std::vector<float> d1 = detail::signedDistance2D(sliceMask(w1), width, height, su, sv);
        for (int w = w0 + 1; w < w1; ++w) {
            const double t = double(w - w0) / double(w1 - w0);
            for (int b = 0; b < height; ++b)
                for (int a = 0; a < width; ++a) {
                    const std::size_t n = std::size_t(b) * std::size_t(width) + std::size_t(a);
                    if ((1.0 - t) * d0[n] + t * d1[n] > half)
                        continue;
                    const VoxelIndex p = voxel(w, a, b);
                    if (d->at(d->index(p[0], p[1], p[2])) == 0)
                        d->set(p[0], p[1], p[2], label);
                }
        }
    }
    return d->end();
}

std::size_t LabelEditor::unite(int target, int other)
{
    d->checkLabel(target);
    if (target == other || other == 0)
        return 0;
    return d->applyEverywhere([&](int, int, int, Int was) { return was == other ? Int(target) : was; });
}

namespace {
void checkMask(const Volume& mask, const ImageGeometry& g)
{
    if (mask.isNull() || mask.geometry().size != g.size)
        throw std::invalid_argument("the mask is not on the label map's grid");
}
} // namespace

std::size_t LabelEditor::intersect(int target, const Volume& mask, int maskLabel)
{
    checkMask(mask, d->geometry);
    return d->applyEverywhere([&](int i, int j, int k, Int was) -> Int {
        const double m = mask.valueAt(i, j, k);
        const bool in = maskLabel == 0 ? m != 0.0 : m == maskLabel;
        return was == target && !in ? 0 : was;
    });
}

std::size_t LabelEditor::subtract(int target, const Volume& mask, int maskLabel)
{
    checkMask(mask, d->geometry);
    return d->applyEverywhere([&](int i, int j, int k, Int was) -> Int {
        const double m = mask.valueAt(i, j, k);
        const bool in = maskLabel == 0 ? m != 0.0 : m == maskLabel;
        return was == target && in ? 0 : was;
    });
}

bool LabelEditor::undo()
{
    if (d->open || d->undoSteps.empty())
        return false;
    Impl::Step step = std::move(d->undoSteps.back());
    d->undoSteps.pop_back();
    for (const Impl::BrickCopy& copy : step.bricks) {
        d->restoreBrick(copy.brick, copy.before);
        d->account(copy.brick, copy.after, copy.before);
    }
    d->redoSteps.push_back(std::move(step));
    return true;
}

bool LabelEditor::redo()
{
    if (d->open || d->redoSteps.empty())
        return false;
    Impl::Step step = std::move(d->redoSteps.back());
    d->redoSteps.pop_back();
    for (const Impl::BrickCopy& copy : step.bricks) {
        d->restoreBrick(copy.brick, copy.after);
        d->account(copy.brick, copy.before, copy.after);
    }
    d->undoSteps.push_back(std::move(step));
    return true;
}

bool LabelEditor::canUndo() const { return !d->open && !d->undoSteps.empty(); }
bool LabelEditor::canRedo() const { return !d->open && !d->redoSteps.empty(); }
std::size_t LabelEditor::historyBytes() const { return d->historyBytes; }
std::size_t LabelEditor::undoBudget() const { return d->budget; }
int LabelEditor::undoSteps() const { return int(d->undoSteps.size()); }

void LabelEditor::setUndoBudget(std::size_t bytes)
{
    d->budget = bytes;
    d->trim();
}

std::size_t LabelEditor::voxelCount(int label) const
{
    const auto it = d->sums.find(label);
    return it == d->sums.end() ? 0 : it->second.count;
}

double LabelEditor::volumeMl(int label) const
{
    const Vec3& s = d->geometry.spacing;
    return double(voxelCount(label)) * s[0] * s[1] * s[2] / 1000.0;
}

LabelStatistics LabelEditor::statistics(int label, bool withRange) const
{
    LabelStatistics out;
    out.voxels = voxelCount(label);
    out.volumeMl = volumeMl(label);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (d->image.isNull() || out.voxels == 0) {
        out.mean = out.sd = out.min = out.max = nan;
        return out;
    }
    const Sums& s = d->sums.at(label);
    out.mean = s.sum / double(s.count);
    out.sd = s.count > 1 ? std::sqrt(std::max(0.0, (s.squares - s.sum * out.mean) / double(s.count - 1))) : 0.0;
    if (!withRange) {
        out.min = out.max = nan;
        return out;
    }
    out.min = std::numeric_limits<double>::infinity();
    out.max = -out.min;
    const auto& g = d->geometry.size;
    for (int k = 0; k < g[2]; ++k)
        for (int j = 0; j < g[1]; ++j)
            for (int i = 0; i < g[0]; ++i)
                if (d->at(d->index(i, j, k)) == label) {
                    const double v = d->imageAt(i, j, k);
                    out.min = std::min(out.min, v);
                    out.max = std::max(out.max, v);
                }
    return out;
}

std::map<int, std::size_t> LabelEditor::counts() const
{
    std::map<int, std::size_t> out;
    for (const auto& [label, s] : d->sums)
        if (label != 0 && s.count > 0)
            out[int(label)] = s.count;
    return out;
}

} // namespace radpath::viewer

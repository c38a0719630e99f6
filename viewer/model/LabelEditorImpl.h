#pragma once
// LabelEditor's state, shared by LabelEditor.cpp (painting, history, statistics) and
// LabelEditorTools.cpp (fills, region growing, islands, smoothing, interpolation, logical
// operations). Not for other files.

#include "viewer/model/LabelEditor.h"
#include "viewer/model/LabelFilters.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <functional>
#include <limits>
#include <stdexcept>
#include <unordered_map>

namespace radpath::viewer {
namespace detail {

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

} // namespace detail

using detail::accessFor;
using detail::Int;
using detail::LabelAccess;
using detail::Sums;

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
    bool statistics = true;             // counts and sums kept (not in detached copies)
    std::function<void(double)> progress;

    void report(double fraction) const
    {
        if (progress)
            progress(fraction);
    }

    std::byte* base() { return static_cast<std::byte*>(labels.data()); }
    const std::byte* base() const { return static_cast<const std::byte*>(labels.data()); }
    std::size_t index(int i, int j, int k) const
    {
        return (std::size_t(k) * std::size_t(geometry.size[1]) + std::size_t(j)) * std::size_t(geometry.size[0]) +
               std::size_t(i);
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
    // The running sums move from the labels in `from` to those in `to` (one brick's copies);
    // returns the voxels that differ.
    std::size_t account(std::size_t b, const std::vector<std::byte>& from, const std::vector<std::byte>& to)
    {
        std::array<int, 3> s{}, e{};
        brickBox(b, s, e);
        std::size_t n = 0, changed = 0;
        for (int k = 0; k < e[2]; ++k)
            for (int j = 0; j < e[1]; ++j)
                for (int i = 0; i < e[0]; ++i, ++n) {
                    const Int was = access.read(from.data(), n), now = access.read(to.data(), n);
                    if (was == now)
                        continue;
                    ++changed;
                    if (!statistics)
                        continue;
                    const double v = imageAt(s[0] + i, s[1] + j, s[2] + k);
                    Sums& a = sums[was];
                    --a.count, a.sum -= v, a.squares -= v * v;
                    Sums& c = sums[now];
                    ++c.count, c.sum += v, c.squares += v * v;
                }
        return changed;
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
        push(std::move(current));
        return changedInStep;
    }
    // `step` becomes the newest undo step; the redo steps go, and old steps beyond the budget.
    void push(Step&& step)
    {
        for (const Step& s : redoSteps)
            historyBytes -= s.bytes;
        redoSteps.clear();
        historyBytes += step.bytes;
        undoSteps.push_back(std::move(step));
        trim();
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
        for (int k = 0; k < geometry.size[2]; ++k) {
            report(double(k) / geometry.size[2]);
            for (int j = 0; j < geometry.size[1]; ++j)
                for (int i = 0; i < geometry.size[0]; ++i) {
                    const Int was = at(index(i, j, k));
                    const Int now = next(i, j, k, was);
                    if (now != was)
                        set(i, j, k, now);
                }
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

template <class Keep> std::size_t LabelEditor::Impl::filterIslands(Int label, Keep&& keep)
{
    const auto& s = geometry.size;
    std::vector<bool> seen(labels.voxelCount(), false);
    std::vector<std::size_t> stack, rejected;                 // seeds of islands to clear
    std::vector<std::pair<std::size_t, std::size_t>> islands; // seed, size
    const std::size_t sliceVoxels = std::size_t(s[0]) * std::size_t(s[1]);
    for (std::size_t n = 0; n < seen.size(); ++n) {
        if (n % sliceVoxels == 0)
            report(0.9 * double(n) / double(seen.size())); // the search; clearing is quick
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

} // namespace radpath::viewer

// LabelEditor's tools beyond the brush: 2-D fill, region growing, islands, holes,
// smoothing, interpolation between slices and logical operations.

#include "viewer/model/LabelEditorImpl.h"

namespace radpath::viewer {

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

std::size_t LabelEditor::regionGrowConfident(const VoxelIndex& seed, int label, double multiplier, int iterations,
                                             int radius)
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
    return d->filterIslands(
        label, [minVoxels](std::size_t size, const std::vector<std::size_t>&) { return size >= minVoxels; });
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
        d->report(double(w) / s[size_t(axis)]);
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
                    for (const auto& [du, dv] :
                         {std::pair{1, 0}, std::pair{-1, 0}, std::pair{0, 1}, std::pair{0, -1}}) {
                        VoxelIndex q = p;
                        q[size_t(u)] += du, q[size_t(v)] += dv;
                        if (!d->inside(q[0], q[1], q[2])) {
                            hole = false;
                            continue;
                        }
                        const Int value = d->at(d->index(q[0], q[1], q[2]));
                        const std::size_t q2 =
                            std::size_t(q[size_t(v)]) * std::size_t(s[size_t(u)]) + std::size_t(q[size_t(u)]);
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
        d->report(double(e) / double(edited.size()));
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
// The voxels of `mask` (a label map on the grid `g`) that are non-zero, or equal to
// `maskLabel` when it is not 0.
detail::Mask maskOf(const Volume& mask, int maskLabel, const ImageGeometry& g)
{
    if (mask.isNull() || mask.geometry().size != g.size)
        throw std::invalid_argument("the mask is not on the label map's grid");
    detail::Mask in(mask.voxelCount());
    std::size_t n = 0;
    for (int k = 0; k < g.size[2]; ++k)
        for (int j = 0; j < g.size[1]; ++j)
            for (int i = 0; i < g.size[0]; ++i, ++n) {
                const double m = mask.valueAt(i, j, k);
                in[n] = maskLabel == 0 ? m != 0.0 : m == maskLabel;
            }
    return in;
}
} // namespace

std::size_t LabelEditor::unite(int target, const Volume& mask, int maskLabel)
{
    d->checkLabel(target);
    return d->applyMask(maskOf(mask, maskLabel, d->geometry), target);
}

std::size_t LabelEditor::intersect(int target, const Volume& mask, int maskLabel)
{
    const detail::Mask in = maskOf(mask, maskLabel, d->geometry);
    return d->applyEverywhere(
        [&](int i, int j, int k, Int was) -> Int { return was == target && !in[d->index(i, j, k)] ? 0 : was; });
}

std::size_t LabelEditor::subtract(int target, const Volume& mask, int maskLabel)
{
    const detail::Mask in = maskOf(mask, maskLabel, d->geometry);
    return d->applyEverywhere(
        [&](int i, int j, int k, Int was) -> Int { return was == target && in[d->index(i, j, k)] ? 0 : was; });
}

} // namespace radpath::viewer

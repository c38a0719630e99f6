#include "GridMapping.h"

#include "radpath/ai/ModelError.h"

#include <algorithm>
#include <cmath>

namespace radpath::ai {
namespace {

// The two letters of each patient axis, nibabel style; the first is where LPS points.
constexpr const char* kAxisLetters[3] = {"LR", "PA", "SI"};

int patientAxisOf(char code)
{
    for (int axis = 0; axis < 3; ++axis)
        if (code == kAxisLetters[axis][0] || code == kAxisLetters[axis][1])
            return axis;
    return -1;
}

std::vector<int64_t> sizes(const torch::Tensor& x)
{
    return std::vector<int64_t>(x.sizes().begin(), x.sizes().end());
}

torch::Tensor interpolateTo(const torch::Tensor& x, const std::vector<int64_t>& size, bool nearest)
{
    namespace F = torch::nn::functional;
    const bool threeD = size.size() == 3;
    auto options = F::InterpolateFuncOptions().size(size);
    if (nearest) {
        options.mode(torch::kNearest);
    } else {
        if (threeD)
            options.mode(torch::kTrilinear);
        else
            options.mode(torch::kBilinear);
        options.align_corners(false);
        // Downscaling an X-ray to a model's 224 px without a low-pass aliases its noise;
        // torchvision's Resize antialiases, so models trained with it expect that.
        const auto in = sizes(x);
        const bool shrinking = !threeD && (in[1] > size[0] || in[2] > size[1]); // in: [C, H, W]
        options.antialias(shrinking);
    }
    return F::interpolate(x.unsqueeze(0), options).squeeze(0);
}

} // namespace

std::string orientationCodes(const ImageGrid& grid)
{
    std::string codes(3, '?');
    for (int axis = 0; axis < 3; ++axis) {
        int best = 0;
        for (int p = 1; p < 3; ++p)
            if (std::abs(grid.direction[size_t(p * 3 + axis)]) > std::abs(grid.direction[size_t(best * 3 + axis)]))
                best = p;
        const double component = grid.direction[size_t(best * 3 + axis)];
        codes[size_t(axis)] = kAxisLetters[best][component >= 0.0 ? 0 : 1];
    }
    return codes;
}

torch::Tensor resampleAxis(const torch::Tensor& x, int64_t dim, const std::vector<double>& positions, bool nearest)
{
    const int64_t n = x.size(dim);
    std::vector<int64_t> lower(positions.size()), upper(positions.size());
    std::vector<float> weight(positions.size());
    for (size_t d = 0; d < positions.size(); ++d) {
        const double p = std::clamp(positions[d], 0.0, double(n - 1));
        if (nearest) {
            lower[d] = upper[d] = std::clamp<int64_t>(std::llround(p), 0, n - 1);
            continue;
        }
        lower[d] = std::min<int64_t>(int64_t(std::floor(p)), n - 1);
        upper[d] = std::min<int64_t>(lower[d] + 1, n - 1);
        weight[d] = float(p - double(lower[d]));
    }
    const auto index = [&](const std::vector<int64_t>& v) {
        return torch::tensor(v, torch::TensorOptions().dtype(torch::kLong).device(x.device()));
    };
    torch::Tensor low = x.index_select(dim, index(lower));
    if (nearest)
        return low;
    std::vector<int64_t> shape(size_t(x.dim()), 1);
    shape[size_t(dim)] = int64_t(positions.size());
    const torch::Tensor w = torch::tensor(weight, torch::TensorOptions().device(x.device())).view(shape);
    return low + (x.index_select(dim, index(upper)) - low) * w;
}

GridMapping::GridMapping(const ImageGrid& grid, int dims, const std::optional<std::string>& orientation,
                         const std::optional<std::vector<double>>& spacingIjk, bool spatialIjk,
                         std::vector<int64_t> resizeTo)
    : m_dims(dims), m_spatialIjk(spatialIjk), m_resizeTo(std::move(resizeTo))
{
    for (int a = 0; a < 3; ++a)
        m_sourceSize[size_t(a)] = grid.size[size_t(a)];
    if (dims == 3 && orientation) {
        const std::string codes = orientationCodes(grid);
        std::array<bool, 3> taken{false, false, false};
        for (int a = 0; a < 3; ++a) {
            const char want = (*orientation)[size_t(a)];
            const int patientAxis = patientAxisOf(want);
            int source = -1;
            for (int s = 0; s < 3; ++s)
                if (!taken[size_t(s)] && patientAxisOf(codes[size_t(s)]) == patientAxis)
                    source = s;
            if (source < 0)
                throw ModelError("the image's axes (" + codes + ") cannot be reoriented to " + *orientation +
                                 ": two of them point along the same patient axis");
            taken[size_t(source)] = true;
            m_axisOf[size_t(a)] = source;
            m_flip[size_t(a)] = codes[size_t(source)] != want;
        }
    }
    for (int a = 0; a < 3; ++a) {
        const int64_t n = m_sourceSize[size_t(m_axisOf[size_t(a)])];
        m_orientedSize[size_t(a)] = m_resampledSize[size_t(a)] = n;
        if (!spacingIjk || a >= dims || n <= 1)
            continue;
        const double from = grid.spacing[size_t(m_axisOf[size_t(a)])];
        const double to = (*spacingIjk)[size_t(a)];
        m_resampledSize[size_t(a)] = std::max<int64_t>(1, std::llround(double(n - 1) * from / to) + 1);
        m_step[size_t(a)] = to / from;
    }
}

std::vector<int64_t> GridMapping::modelSize() const
{
    const auto& r = m_resampledSize;
    if (m_dims == 2)
        return m_spatialIjk ? std::vector<int64_t>{r[0], r[1]} : std::vector<int64_t>{r[1], r[0]};
    return m_spatialIjk ? std::vector<int64_t>{r[0], r[1], r[2]} : std::vector<int64_t>{r[2], r[1], r[0]};
}

torch::Tensor GridMapping::ijkToModel(torch::Tensor ijk) const
{
    if (m_dims == 2) {
        ijk = ijk.select(3, 0); // [C, i, j]
        return m_spatialIjk ? ijk : ijk.permute({0, 2, 1});
    }
    return m_spatialIjk ? ijk : ijk.permute({0, 3, 2, 1});
}

torch::Tensor GridMapping::modelToIjk(torch::Tensor model) const
{
    if (m_dims == 2)
        return (m_spatialIjk ? model : model.permute({0, 2, 1})).unsqueeze(3);
    return m_spatialIjk ? model : model.permute({0, 3, 2, 1});
}

torch::Tensor GridMapping::toModel(const torch::Tensor& image, bool nearest) const
{
    torch::Tensor x = image.to(torch::kFloat32).permute({0, 3, 2, 1}); // [C, i, j, k]
    x = x.permute({0, 1 + m_axisOf[0], 1 + m_axisOf[1], 1 + m_axisOf[2]});
    for (int a = 0; a < 3; ++a)
        if (m_flip[size_t(a)])
            x = x.flip({1 + a});
    for (int a = 0; a < 3; ++a) {
        if (m_resampledSize[size_t(a)] == m_orientedSize[size_t(a)] && m_step[size_t(a)] == 1.0)
            continue;
        std::vector<double> positions(size_t(m_resampledSize[size_t(a)]));
        for (size_t d = 0; d < positions.size(); ++d)
            positions[d] = double(d) * m_step[size_t(a)];
        x = resampleAxis(x, 1 + a, positions, nearest);
    }
    x = ijkToModel(x);
    if (!m_resizeTo.empty() && sizes(x).size() == m_resizeTo.size() + 1 &&
        !std::equal(m_resizeTo.begin(), m_resizeTo.end(), x.sizes().begin() + 1))
        x = interpolateTo(x, m_resizeTo, nearest);
    return x.contiguous();
}

torch::Tensor GridMapping::fromModel(const torch::Tensor& result) const
{
    torch::Tensor x = result.to(torch::kFloat32);
    const std::vector<int64_t> before = modelSize();
    if (!m_resizeTo.empty() && !std::equal(before.begin(), before.end(), x.sizes().begin() + 1))
        x = interpolateTo(x, before, false);
    x = modelToIjk(x);
    for (int a = 0; a < 3; ++a) {
        if (m_resampledSize[size_t(a)] == m_orientedSize[size_t(a)] && m_step[size_t(a)] == 1.0)
            continue;
        std::vector<double> positions(size_t(m_orientedSize[size_t(a)]));
        for (size_t d = 0; d < positions.size(); ++d)
            positions[d] = double(d) / m_step[size_t(a)];
        x = resampleAxis(x, 1 + a, positions, false);
    }
    for (int a = 0; a < 3; ++a)
        if (m_flip[size_t(a)])
            x = x.flip({1 + a});
    std::array<int64_t, 3> orientedAxisOf{};
    for (int a = 0; a < 3; ++a)
        orientedAxisOf[size_t(m_axisOf[size_t(a)])] = a;
    x = x.permute({0, 1 + orientedAxisOf[0], 1 + orientedAxisOf[1], 1 + orientedAxisOf[2]}); // [K, i, j, k]
    return x.permute({0, 3, 2, 1}).contiguous();
}

} // namespace radpath::ai

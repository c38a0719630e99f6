#pragma once
// The way from an image's own grid to the grid a model takes, and back: reorientation
// (MONAI Orientationd: axes permuted and flipped to the nearest of the asked codes), then
// resampling to the model's spacing (MONAI Spacingd with its defaults: the new grid keeps
// the first voxel centre and spans the same centres, size round((n - 1) * s / s') + 1 per
// axis, linear or nearest interpolation), then, for whole-image models, resizing to the
// model's input size (align_corners false).
//
// Tensors here are channel first. The image side is [C, k, j, i] (ImageBuffer's order);
// the model side is [C, k, j, i] for RadPath models or [C, i, j, k] for MONAI bundles
// (ModelPackage::spatialIjk), without the k axis for 2-D models.

#include "radpath/ai/Inference.h"

#include <torch/torch.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace radpath::ai {

/// One letter per axis i, j, k: where increasing index points, L/R, P/A, S/I (nibabel codes),
/// taken from the direction's largest component.
std::string orientationCodes(const ImageGrid& grid);

class GridMapping {
public:
    /// `dims` 2 or 3; `orientation` three letters or none (ignored in 2-D); `spacingIjk` the
    /// model's spacing along its i, j (, k) axes or none; `spatialIjk` the model's axis order;
    /// `resizeTo` the model's input size in its own axis order, or empty (no resize).
    GridMapping(const ImageGrid& grid, int dims, const std::optional<std::string>& orientation,
                const std::optional<std::vector<double>>& spacingIjk, bool spatialIjk, std::vector<int64_t> resizeTo);

    /// [C, k, j, i] image -> [C, *model spatial] (float32). Linear for images, nearest for labels.
    torch::Tensor toModel(const torch::Tensor& image, bool nearest = false) const;

    /// [K, *model spatial] -> [K, k, j, i] on the source grid, linear.
    torch::Tensor fromModel(const torch::Tensor& result) const;

    /// The model-side spatial size before any resize (what a sliding window covers).
    std::vector<int64_t> modelSize() const;

private:
    torch::Tensor ijkToModel(torch::Tensor ijk) const;
    torch::Tensor modelToIjk(torch::Tensor model) const;

    int m_dims;
    bool m_spatialIjk;
    std::array<int, 3> m_axisOf{0, 1, 2};         ///< oriented axis a takes source axis m_axisOf[a]
    std::array<bool, 3> m_flip{false, false, false};
    std::array<int64_t, 3> m_sourceSize{1, 1, 1}; ///< i, j, k
    std::array<int64_t, 3> m_orientedSize{1, 1, 1};
    std::array<int64_t, 3> m_resampledSize{1, 1, 1};
    std::array<double, 3> m_step{1.0, 1.0, 1.0}; ///< oriented index per resampled index
    std::vector<int64_t> m_resizeTo;
};

/// Linear (or nearest) resampling of one axis at fractional positions, clamped to the edges.
torch::Tensor resampleAxis(const torch::Tensor& x, int64_t dim, const std::vector<double>& positions, bool nearest);

} // namespace radpath::ai

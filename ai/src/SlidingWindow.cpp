// Sliding-window inference following MONAI's sliding_window_inference
// (monai/inferers/utils.py) and its helpers dense_patch_slices and compute_importance_map
// (monai/data/utils.py). Comments quote the MONAI step each block reproduces.

#include "SlidingWindow.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace radpath::ai {
namespace {

using torch::indexing::Slice;

std::string shapeText(const torch::Tensor& t)
{
    std::string text = "[";
    for (int64_t i = 0; i < t.dim(); ++i)
        text += (i ? ", " : "") + std::to_string(t.size(i));
    return text + "]";
}

// Index of every window: its start on each spatial axis, last axis fastest
// (MONAI: np.meshgrid(*starts, indexing="ij") flattened).
std::vector<std::vector<int64_t>> allWindows(const std::vector<std::vector<int64_t>>& starts)
{
    std::vector<std::vector<int64_t>> windows{{}};
    for (const auto& axis : starts) {
        std::vector<std::vector<int64_t>> next;
        next.reserve(windows.size() * axis.size());
        for (const auto& prefix : windows)
            for (int64_t s : axis) {
                next.push_back(prefix);
                next.back().push_back(s);
            }
        windows = std::move(next);
    }
    return windows;
}

// Index tuple selecting one window (all batch items and channels unless `item` >= 0).
std::vector<torch::indexing::TensorIndex> windowIndex(int64_t item, const std::vector<int64_t>& start,
                                                      const std::vector<int64_t>& roi)
{
    std::vector<torch::indexing::TensorIndex> index;
    index.emplace_back(item >= 0 ? Slice(item, item + 1) : Slice());
    index.emplace_back(Slice());
    for (size_t a = 0; a < start.size(); ++a)
        index.emplace_back(Slice(start[a], start[a] + roi[a]));
    return index;
}

} // namespace

int64_t scanInterval(int64_t size, int64_t roi, double overlap)
{
    // MONAI _get_scan_interval:
    //   if roi_size[i] == image_size[i]: scan_interval.append(int(roi_size[i]))
    //   else: interval = int(roi_size[i] * (1 - overlap)); append(interval if interval > 0 else 1)
    if (roi == size)
        return roi;
    const auto interval = static_cast<int64_t>(double(roi) * (1.0 - overlap));
    return interval > 0 ? interval : 1;
}

std::vector<int64_t> axisWindowStarts(int64_t size, int64_t roi, double overlap)
{
    if (size <= 0 || roi <= 0 || roi > size)
        throw std::invalid_argument("axisWindowStarts: need 0 < roi <= size");
    // MONAI dense_patch_slices:
    //   num = int(math.ceil(float(image_size[i]) / scan_interval[i]))
    //   scan_dim = first(d for d in range(num) if d * scan_interval[i] + patch_size[i] >= image_size[i])
    //   scan_num.append(scan_dim + 1 if scan_dim is not None else 1)
    //   start_idx = idx * scan_interval[dim]; start_idx -= max(start_idx + patch_size[dim] - image_size[dim], 0)
    const int64_t interval = scanInterval(size, roi, overlap);
    const auto num = static_cast<int64_t>(std::ceil(double(size) / double(interval)));
    int64_t count = 1;
    for (int64_t d = 0; d < num; ++d)
        if (d * interval + roi >= size) {
            count = d + 1;
            break;
        }
    std::vector<int64_t> starts;
    starts.reserve(size_t(count));
    for (int64_t idx = 0; idx < count; ++idx) {
        const int64_t start = idx * interval;
        starts.push_back(start - std::max<int64_t>(start + roi - size, 0));
    }
    return starts;
}

std::vector<std::array<int, 3>> windowStarts(const std::array<int, 3>& imageSize, const std::array<int, 3>& roi,
                                             double overlap)
{
    std::vector<std::vector<int64_t>> starts;
    for (size_t a = 0; a < 3; ++a) {
        const int64_t r = roi[a] > 0 ? roi[a] : imageSize[a];
        starts.push_back(axisWindowStarts(std::max<int64_t>(imageSize[a], r), r, overlap));
    }
    std::vector<std::array<int, 3>> out;
    for (const auto& w : allWindows(starts))
        out.push_back({int(w[0]), int(w[1]), int(w[2])});
    return out;
}

torch::Tensor importanceMap(const std::vector<int64_t>& roi, BlendMode mode, double sigmaScale,
                            const torch::Device& device)
{
    const auto options = torch::TensorOptions().dtype(torch::kFloat32).device(device);
    torch::Tensor map;
    if (mode == BlendMode::Constant) {
        // MONAI: importance_map = torch.ones(patch_size, device=device, dtype=torch.float)
        map = torch::ones(roi, options);
    } else {
        // MONAI: sigmas = [i * sigma_s ...]; for each axis
        //   x = torch.arange(start=-(patch_size[i] - 1) / 2.0, end=(patch_size[i] - 1) / 2.0 + 1, dtype=torch.float)
        //   x = torch.exp(x**2 / (-2 * sigmas[i] ** 2))
        //   importance_map = importance_map.unsqueeze(-1) * x[(None,) * i] if i > 0 else x
        for (size_t i = 0; i < roi.size(); ++i) {
            const double sigma = double(roi[i]) * sigmaScale;
            const double half = double(roi[i] - 1) / 2.0;
            torch::Tensor x = torch::arange(-half, half + 1.0, options);
            x = torch::exp(x.pow(2) / (-2.0 * (sigma * sigma)));
            map = i == 0 ? x : map.unsqueeze(-1) * x;
        }
    }
    // MONAI: min_non_zero = max(torch.min(importance_map).item(), 1e-3)
    //        importance_map = torch.clamp_(importance_map.to(torch.float), min=min_non_zero)
    const double minimum = std::max(map.min().item<double>(), 1e-3);
    return map.clamp_min_(minimum);
}

torch::Tensor slidingWindowInference(const torch::Tensor& input, const std::vector<int64_t>& roiIn, double overlap,
                                     BlendMode mode, double sigmaScale, int swBatchSize, const Predictor& predictor,
                                     const ProgressCallback& progress, const CancelToken* cancel)
{
    if (!input.defined() || (input.dim() != 4 && input.dim() != 5))
        throw std::invalid_argument("slidingWindowInference: input must be [N, C, (D,) H, W]");
    const int64_t dims = input.dim() - 2;
    if (int64_t(roiIn.size()) != dims)
        throw std::invalid_argument("slidingWindowInference: roi needs one size per spatial axis");
    // MONAI: if overlap < 0 or overlap >= 1: raise ValueError
    if (!(overlap >= 0.0 && overlap < 1.0))
        throw std::invalid_argument("slidingWindowInference: overlap must be >= 0 and < 1");
    if (swBatchSize < 1)
        throw std::invalid_argument("slidingWindowInference: swBatchSize must be at least 1");
    if (!predictor)
        throw std::invalid_argument("slidingWindowInference: no predictor");

    torch::NoGradGuard noGrad;
    const int64_t batch = input.size(0);
    const auto computeType = input.scalar_type();
    const torch::Device device = input.device();

    // MONAI: roi_size = fall_back_tuple(roi_size, image_size_); non-positive takes the image's.
    // image_size = max(image_size_[i], roi_size[i])
    const auto axes = static_cast<size_t>(dims);
    std::vector<int64_t> original(axes), roi(axes), size(axes);
    for (int64_t a = 0; a < dims; ++a) {
        original[size_t(a)] = input.size(a + 2);
        roi[size_t(a)] = roiIn[size_t(a)] > 0 ? roiIn[size_t(a)] : original[size_t(a)];
        size[size_t(a)] = std::max(original[size_t(a)], roi[size_t(a)]);
    }

    // MONAI: for k in range(len(inputs.shape) - 1, 1, -1):
    //            diff = max(roi_size[k - 2] - inputs.shape[k], 0); half = diff // 2
    //            pad_size.extend([half, diff - half])
    //        F.pad(inputs, pad=pad_size, mode="constant", value=0)   (last axis first)
    std::vector<int64_t> padBefore(axes), pad;
    for (int64_t a = dims - 1; a >= 0; --a) {
        const int64_t diff = size[size_t(a)] - original[size_t(a)];
        padBefore[size_t(a)] = diff / 2;
        pad.push_back(diff / 2);
        pad.push_back(diff - diff / 2);
    }
    const bool padded = *std::max_element(pad.begin(), pad.end()) > 0;
    const torch::Tensor image = padded ? torch::constant_pad_nd(input, pad, 0) : input;

    std::vector<std::vector<int64_t>> starts;
    for (int64_t a = 0; a < dims; ++a)
        starts.push_back(axisWindowStarts(size[size_t(a)], roi[size_t(a)], overlap));
    const auto windows = allWindows(starts);
    const int64_t perImage = int64_t(windows.size());
    const int64_t total = perImage * batch;

    // MONAI: importance_map_ = compute_importance_map(valid_patch_size, ...) in compute_dtype,
    // clamped again at max(min, 1e-3) (a no-op after compute_importance_map's own clamp).
    const torch::Tensor importance = importanceMap(roi, mode, sigmaScale, device).to(computeType);

    torch::Tensor output; // [N, K, *size], allocated once the first output tells K
    std::vector<int64_t> countShape{1, 1};
    countShape.insert(countShape.end(), size.begin(), size.end());
    torch::Tensor count = torch::zeros(countShape, input.options().dtype(computeType));

    for (int64_t first = 0; first < total; first += swBatchSize) {
        if (cancel && cancel->isCancelled())
            throw Cancelled{};
        const int64_t last = std::min<int64_t>(first + swBatchSize, total);

        // MONAI: window_data = torch.cat([inputs[win_slice] for win_slice in unravel_slice])
        // where window idx belongs to batch item idx // num_win, window idx % num_win.
        std::vector<torch::Tensor> parts;
        for (int64_t idx = first; idx < last; ++idx)
            parts.push_back(image.index(windowIndex(idx / perImage, windows[size_t(idx % perImage)], roi)));
        const torch::Tensor windowData = torch::cat(parts);
        torch::Tensor prediction = predictor(windowData);

        if (!prediction.defined() || prediction.dim() != input.dim() || prediction.size(0) != last - first ||
            !std::equal(roi.begin(), roi.end(), prediction.sizes().begin() + 2))
            throw std::invalid_argument("slidingWindowInference: predictor returned " + shapeText(prediction) +
                                        " for windows " + shapeText(windowData));
        prediction = prediction.to(device, computeType);

        if (!output.defined()) {
            std::vector<int64_t> outShape{batch, prediction.size(1)};
            outShape.insert(outShape.end(), size.begin(), size.end());
            output = torch::zeros(outShape, input.options().dtype(computeType));
        }
        // MONAI: output_image_list[ss][original_idx_zoom] += importance_map_zoom * seg_prob[idx - slice_g]
        //        count_map_list[ss][original_idx_zoom] += importance_map_zoom (expanded)
        // The count map is the same for every batch item: MONAI's [1, 1, ...] map only takes
        // the additions of item 0 (the slice of any other item is empty there).
        // Constant weights are ones, so their product is skipped (x * 1 == x exactly).
        for (int64_t idx = first; idx < last; ++idx) {
            const auto& start = windows[size_t(idx % perImage)];
            torch::Tensor weighted = prediction.index({Slice(idx - first, idx - first + 1)});
            if (mode != BlendMode::Constant)
                weighted = weighted * importance;
            output.index(windowIndex(idx / perImage, start, roi)).add_(weighted);
            if (idx < perImage)
                count.index(windowIndex(0, start, roi)).add_(importance);
        }
        if (progress)
            progress(double(last) / double(total), "sliding window");
    }

    // MONAI: output_image_list[ss][:, _i : _i + 1, ...] /= _map  for every channel
    output.div_(count);

    // MONAI: remove padding: slice(pad_size[sp * 2], image_size_[...] + pad_size[sp * 2])
    if (padded) {
        for (int64_t a = 0; a < dims; ++a)
            output = output.narrow(a + 2, padBefore[size_t(a)], original[size_t(a)]);
        output = output.contiguous();
    }
    return output;
}

Predictor mirroredPredictor(Predictor predictor, std::vector<int64_t> spatialAxes)
{
    if (!predictor)
        throw std::invalid_argument("mirroredPredictor: no predictor");
    if (spatialAxes.size() > 3)
        throw std::invalid_argument("mirroredPredictor: at most 3 spatial axes");
    return [predictor = std::move(predictor), axes = std::move(spatialAxes)](const torch::Tensor& x) {
        const int64_t dims = x.dim() - 2;
        for (int64_t a : axes)
            if (a < 0 || a >= dims)
                throw std::invalid_argument("mirroredPredictor: spatial axis out of range");
        const uint32_t subsets = 1u << axes.size();
        torch::Tensor sum;
        for (uint32_t subset = 0; subset < subsets; ++subset) {
            std::vector<int64_t> flipDims;
            for (size_t i = 0; i < axes.size(); ++i)
                if (subset & (1u << i))
                    flipDims.push_back(axes[i] + 2);
            torch::Tensor y = flipDims.empty() ? predictor(x) : predictor(x.flip(flipDims)).flip(flipDims);
            sum = sum.defined() ? sum.add_(y) : y.clone();
        }
        return sum.div_(double(subsets));
    };
}

} // namespace radpath::ai

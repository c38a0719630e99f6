// Intensity transforms with MONAI's semantics (monai/transforms/intensity/array.py).

#include "Preprocess.h"

#include <stdexcept>
#include <string>

namespace radpath::ai {
namespace {

void requireChannelFirst(const torch::Tensor& x, const char* what)
{
    if (!x.defined() || x.dim() < 2)
        throw std::invalid_argument(std::string(what) + ": expected a [C, (D,) H, W] tensor");
}

// NormalizeIntensity._normalize on one image (a float32 copy, changed in place):
//   slices = img != 0 if nonzero else all; if not slices.any(): return img
//   _sub = mean(img[slices]); _div = std(img[slices], unbiased=False); _div 0 -> 1
//   img[slices] = (img[slices] - _sub) / _div
// MONAI takes both statistics with .item(), so they are float32 values used as scalars.
void normalizeInPlace(torch::Tensor img, bool nonzero)
{
    if (!nonzero) {
        const double mean = img.mean().item<double>();
        double std = img.std(/*unbiased=*/false).item<double>();
        if (std == 0.0)
            std = 1.0;
        img.sub_(mean).div_(std);
        return;
    }
    const torch::Tensor mask = img != 0;
    if (!mask.any().item<bool>())
        return;
    const torch::Tensor values = img.masked_select(mask);
    const double mean = values.mean().item<double>();
    double std = values.std(/*unbiased=*/false).item<double>();
    if (std == 0.0)
        std = 1.0;
    img.masked_scatter_(mask, (values - mean) / std);
}

} // namespace

torch::Tensor scaleIntensityRange(const torch::Tensor& x, double aMin, double aMax, double bMin, double bMax, bool clip)
{
    requireChannelFirst(x, "scaleIntensityRange");
    const torch::Tensor img = x.to(torch::kFloat32);
    // MONAI: if a_max - a_min == 0: return img - a_min + b_min (with a warning).
    if (aMax - aMin == 0.0)
        return img - aMin + bMin;
    // MONAI: img = (img - a_min) / (a_max - a_min); img = img * (b_max - b_min) + b_min;
    //        if clip: img = clip(img, b_min, b_max)   (torch.clamp for tensors)
    torch::Tensor out = (img - aMin) / (aMax - aMin);
    out = out * (bMax - bMin) + bMin;
    if (clip)
        out = torch::clamp(out, bMin, bMax);
    return out;
}

torch::Tensor normalizeIntensity(const torch::Tensor& x, bool nonzero, bool channelWise)
{
    requireChannelFirst(x, "normalizeIntensity");
    // MONAI converts to float32 first and writes the result into that copy.
    torch::Tensor img = x.to(torch::kFloat32, /*non_blocking=*/false, /*copy=*/true).contiguous();
    if (channelWise) {
        for (int64_t c = 0; c < img.size(0); ++c)
            normalizeInPlace(img.select(0, c), nonzero);
    } else {
        normalizeInPlace(img, nonzero);
    }
    return img;
}

torch::Tensor scale255(const torch::Tensor& x, const std::vector<double>& mean, const std::vector<double>& std)
{
    requireChannelFirst(x, "scale255");
    const int64_t channels = x.size(0);
    auto valid = [channels](const std::vector<double>& v) { return v.size() == 1 || int64_t(v.size()) == channels; };
    if (!valid(mean) || !valid(std))
        throw std::invalid_argument("scale255: mean and std need 1 or " + std::to_string(channels) + " values");
    for (double s : std)
        if (s == 0.0)
            throw std::invalid_argument("scale255: std must not be zero");

    // Per-channel constants shaped [C, 1, ..., 1] so that they broadcast over space.
    std::vector<int64_t> shape(size_t(x.dim()), 1);
    shape[0] = int64_t(mean.size());
    const auto options = torch::TensorOptions().dtype(torch::kFloat32).device(x.device());
    const torch::Tensor m = torch::tensor(std::vector<float>(mean.begin(), mean.end()), options).view(shape);
    shape[0] = int64_t(std.size());
    const torch::Tensor s = torch::tensor(std::vector<float>(std.begin(), std.end()), options).view(shape);
    return (x.to(torch::kFloat32) / 255.0 - m) / s;
}

torch::Tensor applyIntensityTransform(const torch::Tensor& x, const IntensityTransform& transform)
{
    switch (transform.kind) {
    case IntensityTransform::Kind::Window:
        return scaleIntensityRange(x, transform.aMin, transform.aMax, transform.bMin, transform.bMax, transform.clip);
    case IntensityTransform::Kind::ZScore:
        return normalizeIntensity(x, transform.nonzero, transform.channelWise);
    case IntensityTransform::Kind::Scale255:
        return scale255(x, transform.mean.empty() ? std::vector<double>{0.0} : transform.mean,
                        transform.stdDev.empty() ? std::vector<double>{1.0} : transform.stdDev);
    case IntensityTransform::Kind::None:
        break;
    }
    return x.to(torch::kFloat32).clone();
}

} // namespace radpath::ai

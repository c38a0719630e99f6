// Samples to tensors, checked against the manifest, and their random augmentation.

#include "TrainingSamples.h"

#include "Preprocess.h"

#include "radpath/ai/ModelError.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace radpath::ai {
namespace {

double uniform(at::Generator& generator)
{
    return torch::rand({1}, generator, torch::kFloat64).item<double>();
}

/// 0..count-1.
int64_t randomIndex(int64_t count, at::Generator& generator)
{
    return torch::randint(count, {1}, generator, torch::kInt64).item<int64_t>();
}

std::string sizeText(const std::vector<int64_t>& size)
{
    std::string text;
    for (size_t i = 0; i < size.size(); ++i)
        text += (i ? "×" : "") + std::to_string(size[i]);
    return text;
}

/// Spatial size in tensor order: [H, W] in 2-D, [D, H, W] in 3-D.
std::vector<int64_t> spatialSize(const ImageBuffer& image, int dims)
{
    const auto& s = image.grid.size;
    return dims == 2 ? std::vector<int64_t>{s[1], s[0]} : std::vector<int64_t>{s[2], s[1], s[0]};
}

/// The image as [C, *spatial] after the intensity transform; checks dims, channels and the
/// number of voxels.
torch::Tensor imageTensor(const ImageBuffer& image, const Manifest& manifest, const std::string& where)
{
    if (image.dims != manifest.dims || (image.dims == 2 && image.grid.size[2] != 1))
        throw ModelError(where + ": a " + std::to_string(image.dims) + "-D image for a " +
                         std::to_string(manifest.dims) + "-D model");
    if (image.channels != manifest.input.channels)
        throw ModelError(where + ": " + std::to_string(image.channels) + " channels, the model takes " +
                         std::to_string(manifest.input.channels));
    if (int64_t(image.voxels.size()) != image.channels * image.grid.voxelCount())
        throw ModelError(where + ": " + std::to_string(image.voxels.size()) + " values for " +
                         std::to_string(image.channels * image.grid.voxelCount()) + " voxels");
    std::vector<int64_t> shape{image.channels};
    const auto spatial = spatialSize(image, manifest.dims);
    shape.insert(shape.end(), spatial.begin(), spatial.end());
    // from_blob only reads here: the transform returns a new tensor.
    const torch::Tensor raw = torch::from_blob(const_cast<float*>(image.voxels.data()), shape, torch::kFloat32);
    return applyIntensityTransform(raw, manifest.input.intensity).contiguous();
}

/// Label value -> output channel; values without a label are absent.
std::map<int, int64_t> channelsOfLabels(const Manifest& manifest)
{
    std::map<int, int64_t> channels;
    for (size_t c = 0; c < manifest.output.labels.size(); ++c)
        channels[manifest.output.labels[c].index] = int64_t(c);
    return channels;
}

SegmentationVolume segmentationVolume(const TrainingSample& sample, const Manifest& manifest,
                                      const std::vector<int64_t>& patch, const std::string& where)
{
    SegmentationVolume volume;
    volume.image = imageTensor(sample.image, manifest, where);
    const auto spatial = spatialSize(sample.image, manifest.dims);
    for (size_t a = 0; a < spatial.size(); ++a)
        if (spatial[a] < patch[a])
            throw ModelError(where + ": the image (" + sizeText(spatial) + ") is smaller than the patch (" +
                             sizeText(patch) + ')');
    if (int64_t(sample.mask.size()) != sample.image.grid.voxelCount())
        throw ModelError(where + ": the mask has " + std::to_string(sample.mask.size()) + " values for " +
                         std::to_string(sample.image.grid.voxelCount()) + " voxels");

    const auto channels = channelsOfLabels(manifest);
    const bool sigmoid = manifest.output.activation == ManifestOutput::Activation::Sigmoid;
    std::vector<int64_t> targets(sample.mask.size());
    std::vector<uint8_t> foreground(sample.mask.size());
    volume.labels.resize(sample.mask.size());
    for (size_t i = 0; i < sample.mask.size(); ++i) {
        const long value = std::lround(sample.mask[i]);
        const auto found = channels.find(int(value));
        if (found == channels.end() && !(sigmoid && value == 0))
            throw ModelError(where + ": mask value " + std::to_string(value) + " is not among output.labels");
        targets[i] = found == channels.end() ? -1 : found->second;
        volume.labels[i] = uint16_t(value);
        foreground[i] = value != 0;
    }
    volume.targets = torch::tensor(targets, torch::kInt64).view(spatial);
    volume.foreground = torch::nonzero(torch::from_blob(foreground.data(), spatial, torch::kUInt8));
    return volume;
}

} // namespace

ClassificationSet classificationSet(const std::vector<TrainingSample>& samples, const Manifest& manifest,
                                    const std::vector<int64_t>& size, const std::string& what)
{
    const int64_t classes = int64_t(manifest.output.labels.size());
    std::vector<torch::Tensor> images;
    std::vector<int64_t> labels;
    for (size_t i = 0; i < samples.size(); ++i) {
        const std::string where = what + ' ' + std::to_string(i);
        const auto spatial = spatialSize(samples[i].image, manifest.dims);
        if (spatial != size)
            throw ModelError(where + ": the image is " + sizeText(spatial) + ", the model takes " + sizeText(size));
        if (samples[i].label < 0 || samples[i].label >= classes)
            throw ModelError(where + ": label " + std::to_string(samples[i].label) + " is not an output index (0.." +
                             std::to_string(classes - 1) + ')');
        images.push_back(imageTensor(samples[i].image, manifest, where));
        labels.push_back(samples[i].label);
    }
    return {torch::stack(images), torch::tensor(labels, torch::kInt64)};
}

std::vector<SegmentationVolume> segmentationVolumes(const std::vector<TrainingSample>& samples,
                                                    const Manifest& manifest, const std::vector<int64_t>& patch,
                                                    const std::string& what)
{
    std::vector<SegmentationVolume> volumes;
    for (size_t i = 0; i < samples.size(); ++i)
        volumes.push_back(segmentationVolume(samples[i], manifest, patch, what + ' ' + std::to_string(i)));
    return volumes;
}

Example randomPatch(const SegmentationVolume& volume, const std::vector<int64_t>& patch, double foregroundFraction,
                    at::Generator& generator)
{
    // Drawn whether or not there is foreground, so one volume's content leaves the random
    // sequence of the others alone.
    const bool centred = uniform(generator) < foregroundFraction && volume.foreground.size(0) > 0;
    const torch::Tensor centre =
        centred ? volume.foreground[randomIndex(volume.foreground.size(0), generator)] : torch::Tensor();
    Example example{volume.image, volume.targets};
    for (size_t a = 0; a < patch.size(); ++a) {
        const int64_t room = volume.targets.size(int64_t(a)) - patch[a];
        const int64_t start = centred ? std::clamp(centre[int64_t(a)].item<int64_t>() - patch[a] / 2, int64_t(0), room)
                                      : randomIndex(room + 1, generator);
        example.image = example.image.narrow(int64_t(a) + 1, start, patch[a]);
        example.targets = example.targets.narrow(int64_t(a), start, patch[a]);
    }
    return example;
}

namespace {

/// Where each output voxel of an image [C, *spatial] samples its input, for grid_sample
/// ([1, *spatial, dims], x first): a rotation in the H-W plane by U(-d, d) degrees and a zoom
/// by 1 + U(-s, s) about the centre, in voxel units so that non-square images turn without
/// shearing; for volumes, plus a smooth elastic displacement (a 4×4×4 field of U(-e, e)
/// voxels, upsampled trilinearly). Draws angle, zoom, field, each only when enabled.
torch::Tensor samplingGrid(const torch::Tensor& image, const Augmentation& augmentation, at::Generator& generator)
{
    const int64_t dims = image.dim() - 1;
    const double angle =
        augmentation.rotationDegrees > 0.0 ? augmentation.rotationDegrees * (2.0 * uniform(generator) - 1.0) * M_PI / 180.0 : 0.0;
    const double zoom = augmentation.scale > 0.0 ? 1.0 + augmentation.scale * (2.0 * uniform(generator) - 1.0) : 1.0;
    const double width = double(image.size(-1)), height = double(image.size(-2));
    // Output (x, y) in normalised units → voxels → rotated and zoomed → normalised input.
    const double c = std::cos(angle) / zoom, s = std::sin(angle) / zoom;
    torch::Tensor theta = torch::zeros({1, dims, dims + 1}, torch::kFloat64);
    theta[0][0][0] = c;
    theta[0][0][1] = -s * height / width;
    theta[0][1][0] = s * width / height;
    theta[0][1][1] = c;
    if (dims == 3)
        theta[0][2][2] = 1.0 / zoom;
    std::vector<int64_t> size{1, image.size(0)};
    for (int64_t axis = 1; axis < image.dim(); ++axis)
        size.push_back(image.size(axis));
    torch::Tensor grid = torch::nn::functional::affine_grid(theta.to(torch::kFloat32), size, false);
    if (dims == 3 && augmentation.elastic > 0.0) {
        // Displacements in voxels along x, y, z, made normalised: 2 / side per voxel.
        const torch::Tensor coarse = (torch::rand({1, 3, 4, 4, 4}, generator) * 2.0 - 1.0) * augmentation.elastic;
        torch::Tensor field = torch::nn::functional::interpolate(
            coarse, torch::nn::functional::InterpolateFuncOptions()
                        .size(std::vector<int64_t>{image.size(1), image.size(2), image.size(3)})
                        .mode(torch::kTrilinear)
                        .align_corners(true));
        const torch::Tensor perVoxel =
            torch::tensor({2.0f / float(image.size(3)), 2.0f / float(image.size(2)), 2.0f / float(image.size(1))});
        grid = grid + field.permute({0, 2, 3, 4, 1}) * perVoxel;
    }
    return grid;
}

/// `input` [C, *spatial] sampled at `grid`; outside the image, the nearest edge value.
torch::Tensor resample(const torch::Tensor& input, const torch::Tensor& grid, const char* mode)
{
    namespace F = torch::nn::functional;
    auto options = F::GridSampleFuncOptions().padding_mode(torch::kBorder).align_corners(false);
    if (std::string(mode) == "nearest")
        options.mode(torch::kNearest);
    else
        options.mode(torch::kBilinear);
    return F::grid_sample(input.unsqueeze(0).to(torch::kFloat32), grid, options).squeeze(0);
}

} // namespace

Example augment(Example example, const Augmentation& augmentation, at::Generator& generator)
{
    const bool hasTargets = example.targets.defined();
    const auto both = [&](const auto& change) {
        example.image = change(example.image, int64_t(1));
        if (hasTargets)
            example.targets = change(example.targets, int64_t(0));
    };
    const int64_t spatialAxes = example.image.dim() - 1;
    if (augmentation.flips)
        for (int64_t axis = 0; axis < spatialAxes; ++axis)
            if (uniform(generator) < 0.5)
                both([axis](const torch::Tensor& t, int64_t first) { return t.flip({first + axis}); });
    if (augmentation.rotate90) {
        const bool square = example.image.size(-1) == example.image.size(-2);
        const int64_t turns = square ? randomIndex(4, generator) : 2 * randomIndex(2, generator);
        if (turns != 0)
            both([turns](const torch::Tensor& t, int64_t) { return torch::rot90(t, turns, {-2, -1}); });
    }
    if (augmentation.rotationDegrees > 0.0 || augmentation.scale > 0.0 || (augmentation.elastic > 0.0 && spatialAxes == 3)) {
        const torch::Tensor grid = samplingGrid(example.image, augmentation, generator);
        example.image = resample(example.image, grid, "bilinear");
        if (hasTargets)
            example.targets = resample(example.targets.unsqueeze(0).to(torch::kFloat32), grid, "nearest")
                                  .squeeze(0)
                                  .round()
                                  .to(torch::kInt64);
    }
    if (augmentation.intensityScale > 0.0)
        example.image = example.image * (1.0 + augmentation.intensityScale * (2.0 * uniform(generator) - 1.0));
    if (augmentation.intensityShift > 0.0)
        example.image = example.image + augmentation.intensityShift * (2.0 * uniform(generator) - 1.0);
    if (augmentation.contrast > 0.0) {
        const torch::Tensor mean = example.image.mean();
        example.image = (example.image - mean) * (1.0 + augmentation.contrast * (2.0 * uniform(generator) - 1.0)) + mean;
    }
    if (augmentation.noiseStd > 0.0)
        example.image = example.image + torch::randn(example.image.sizes(), generator) * augmentation.noiseStd;
    return example;
}

} // namespace radpath::ai

#pragma once
// Loading and saving RadPath model packages: a TorchScript file with its manifest embedded
// as the extra file radpath.json, or beside it as NAME.json (format and weights-hash rule in
// radpath/ai/Manifest.h). Everything that goes wrong becomes a ModelError naming the file.

#include "radpath/ai/Manifest.h"

#include <torch/script.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace radpath::ai {

/// Name of the manifest inside a package's TorchScript archive (extra files).
inline constexpr const char* kManifestExtraFile = "radpath.json";

enum class PackageFormat { RadPath, MonaiBundle };

struct ModelPackage {
    std::string path;          ///< the TorchScript file (a MONAI bundle: its models/model.ts)
    PackageFormat format = PackageFormat::RadPath;
    /// Order of the spatial axes in the model's tensors. RadPath models take [C, D, H, W]
    /// (k, j, i); MONAI bundles take images as nibabel/ITK load them, [C, i, j, k], and
    /// their sizes (roi_size, spatial_size) and pixdim are in i, j, k order. The manifest
    /// built for a bundle keeps MONAI's order when this is true.
    bool spatialIjk = false;
    /// Sigmoid outputs: a voxel or class is positive above this (MONAI AsDiscrete threshold).
    double threshold = 0.5;
    torch::jit::Module module; ///< in eval mode, on the device asked for
    Manifest manifest;
    bool manifestEmbedded = false;   ///< radpath.json inside, or else NAME.json beside
    std::string manifestSource;      ///< "<path>: radpath.json" or the sidecar's path
    bool hasForwardFeatures = false; ///< forward_features(x) -> (logits, features) exists
};

/// NAME.json beside NAME.pt (the extension, whatever it is, replaced by .json).
std::string sidecarManifestPath(const std::string& modelPath);

// Building blocks shared by the package formats (RadPath's and MONAI bundles).

/// The whole file. Throws ModelError("<path>: ...") when it cannot be read.
std::string readTextFile(const std::string& path);

/// torch::jit::load onto `device`, filling in the entries of `extraFiles` that the archive
/// holds (keys it lacks keep their value). Throws ModelError naming `path` for a missing
/// or unreadable file.
torch::jit::Module loadTorchScript(const std::string& path, const torch::Device& device,
                                   torch::jit::ExtraFilesMap& extraFiles);

/// The module's parameters grouped by the first part of their names, in order of first
/// appearance: "layer1" for layer1_0_conv1_weight (RadPath's flat names), "features" for
/// features.0.weight (nested modules). See ModelInfo::layers.
std::vector<std::string> layerGroups(const torch::jit::Module& module);

/// Whether `parameter` belongs to the group `layer`: the same name, or `layer` followed by
/// '_' or '.' (so "conv1" takes conv1_weight but not conv10_weight).
bool inLayer(const std::string& parameter, const std::string& layer);

/// Whether the TorchScript module has a method `name` (forward, forward_features).
bool hasMethod(const torch::jit::Module& module, const std::string& name);

/// Loads a package. The embedded manifest wins over a sidecar. When the manifest states
/// weights_sha256, the weights must hash to it. A manifest that declares Grad-CAM needs
/// forward_features. Throws ModelError for a missing or corrupt file, a missing or invalid
/// manifest, a hash mismatch or a model without forward.
ModelPackage loadModelPackage(const std::string& path, const torch::Device& device = torch::Device(torch::kCPU));

/// Writes `module` to `path` with `manifest` embedded, its weights_sha256 set to the
/// module's weights. Writes a temporary file beside `path` and renames it, so `path` is
/// either the old file or the complete new one. Throws ModelError.
void saveModelPackage(const torch::jit::Module& module, Manifest manifest, const std::string& path);

/// Calls `write` with a temporary path beside `path`, then renames it to `path`: a reader sees
/// the old file or the whole new one, never half of it. Throws ModelError("<path>: cannot
/// write the <what> (...)"), leaving no temporary file behind.
void writeFileAtomically(const std::string& path, const char* what, const std::function<void(const std::string&)>& write);

/// The weights hash of Manifest.h: SHA-256 of the raw bytes of named_parameters() then
/// named_buffers(), each contiguous on the CPU in its own dtype.
std::string weightsSha256(const torch::jit::Module& module);

/// Throws ModelError unless `shape` is batch × channels × [depth ×] height × width with
/// batch >= 1 and the channels and spatial size the manifest states:
/// "model.pt expects 1×3×224×224 (batch × channels × height × width), got 1×1×224×224".
/// The spatial size is input.size, else input.patch_size, else sliding_window.roi.
void checkInputShape(const Manifest& manifest, const std::vector<std::int64_t>& shape, const std::string& modelName);
inline void checkInputShape(const ModelPackage& package, const std::vector<std::int64_t>& shape)
{
    checkInputShape(package.manifest, shape, package.path);
}

} // namespace radpath::ai

#pragma once
// Loading and saving RadPath model packages: a TorchScript file with its manifest embedded
// as the extra file radpath.json, or beside it as NAME.json (format and weights-hash rule in
// radpath/ai/Manifest.h). Everything that goes wrong becomes a ModelError naming the file.

#include "radpath/ai/Manifest.h"

#include <torch/script.h>

#include <cstdint>
#include <string>
#include <vector>

namespace radpath::ai {

/// Name of the manifest inside a package's TorchScript archive (extra files).
inline constexpr const char* kManifestExtraFile = "radpath.json";

struct ModelPackage {
    std::string path;          ///< the TorchScript file
    torch::jit::Module module; ///< in eval mode, on the device asked for
    Manifest manifest;
    bool manifestEmbedded = false;   ///< radpath.json inside, or else NAME.json beside
    std::string manifestSource;      ///< "<path>: radpath.json" or the sidecar's path
    bool hasForwardFeatures = false; ///< forward_features(x) -> (logits, features) exists
};

/// NAME.json beside NAME.pt (the extension, whatever it is, replaced by .json).
std::string sidecarManifestPath(const std::string& modelPath);

/// Loads a package. The embedded manifest wins over a sidecar. When the manifest states
/// weights_sha256, the weights must hash to it. A manifest that declares Grad-CAM needs
/// forward_features. Throws ModelError for a missing or corrupt file, a missing or invalid
/// manifest, a hash mismatch or a model without forward.
ModelPackage loadModelPackage(const std::string& path, const torch::Device& device = torch::Device(torch::kCPU));

/// Writes `module` to `path` with `manifest` embedded, its weights_sha256 set to the
/// module's weights. Writes a temporary file beside `path` and renames it, so `path` is
/// either the old file or the complete new one. Throws ModelError.
void saveModelPackage(const torch::jit::Module& module, Manifest manifest, const std::string& path);

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

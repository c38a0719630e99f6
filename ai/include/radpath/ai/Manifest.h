#pragma once
// The manifest of a RadPath model package: what a model expects, what it returns and where
// it came from. Plain C++ (no Torch, no JSON library) so that the application can show it.
//
// A package is one TorchScript file (NAME.pt) whose manifest is the extra file
// `radpath.json` inside it, or, for models exported elsewhere, NAME.json beside it.
// The embedded one wins when both exist.
//
// JSON form (keys snake_case; unknown keys are refused, except inside "training"):
//   {
//     "manifest_version": 1,                      optional; only 1 is understood
//     "name": "Chest X-ray pneumonia", "version": "1.2.0",
//     "task": "classification" | "segmentation" | "tile-classification",
//     "modality": "CR",                           DICOM modality (CT, MR, CR, DX, SM, ...)
//     "dims": 2 | 3,                              spatial dimensions of the model's input
//     "input": {
//       "channels": 3,
//       "size": [224, 224],                       whole-image models: the image is resized to it
//       "patch_size": [256, 256],                 patch models: the tile or window fed at a time
//       "spacing_mm": [0.5, 0.5],                 optional: resample to it first
//       "orientation": "RAS",                     optional: reorient to it first
//       "intensity": {"transform": "window", "a_min": -1000, "a_max": 400,
//                     "b_min": 0, "b_max": 1, "clip": true}
//                  | {"transform": "zscore", "nonzero": false, "channel_wise": false}
//                  | {"transform": "scale255", "mean": [..], "std": [..]}
//                  | {"transform": "none"}
//     },
//     "output": {"activation": "softmax" | "sigmoid",
//                "labels": [{"index": 0, "name": "normal", "color": [0, 160, 0]}, ...]},
//     "sliding_window": {"roi": [96, 96, 96], "overlap": 0.25, "mode": "gaussian",
//                        "sigma_scale": 0.125, "batch": 4},      segmentation only, optional
//     "saliency": {"grad_cam": true, "methods": ["grad-cam"]},  optional
//     "intended_use": "...", "training": {...any JSON object...}, "metrics": {"auc": 0.91},
//     "weights_sha256": "64 lower-case hex digits"               optional
//   }
// Sizes, patch sizes, spacings and ROIs are in tensor order: [height, width] in 2-D,
// [depth, height, width] in 3-D. Defaults follow MONAI where MONAI has the same setting.
//
// Weights hash (weights_sha256): SHA-256 over the raw bytes of every parameter tensor, then
// every buffer tensor, of the TorchScript module, in the order torch::jit::Module's
// named_parameters() and named_buffers() list them (recursively, as stored), each tensor
// contiguous on the CPU in its own dtype, little-endian. Names and shapes are not hashed.
// The same rule holds for embedded and sidecar manifests, so it identifies the weights
// rather than the file (a manifest inside a file cannot hold the hash of that file).
// In Python: h = hashlib.sha256(); for _, t in [*m.named_parameters(), *m.named_buffers()]:
// h.update(t.detach().cpu().contiguous().numpy().tobytes()).
//
// Grad-CAM: a model whose manifest says "grad_cam": true has a TorchScript method
// forward_features(x) -> (logits, features); loading refuses a model that lacks it.

#include "radpath/ai/Export.h"
#include "radpath/ai/ModelError.h"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace radpath::ai {

enum class ModelTask { Classification, Segmentation, TileClassification };

/// "classification", "segmentation" or "tile-classification".
RADPATH_AI_API std::string toString(ModelTask task);

/// Maps input intensities into the range the model was trained on.
struct IntensityTransform {
    enum class Kind { None, Window, ZScore, Scale255 };
    Kind kind = Kind::None;

    // Window: a_min..a_max maps linearly onto b_min..b_max; with clip, values outside
    // a_min..a_max end at b_min or b_max (MONAI ScaleIntensityRange; clip defaults to false).
    double aMin = 0.0, aMax = 1.0, bMin = 0.0, bMax = 1.0;
    bool clip = false;

    // ZScore: (x - mean) / std, over non-zero voxels only with `nonzero`, per channel with
    // `channelWise` (MONAI NormalizeIntensity; both default to false).
    bool nonzero = false;
    bool channelWise = false;

    // Scale255: 0..255 maps onto 0..1, then per channel (x - mean[c]) / std[c] when mean and
    // std are given (one value per input channel; both or neither).
    std::vector<double> mean;
    std::vector<double> stdDev; ///< JSON "std"
};

struct ManifestInput {
    int channels = 1;
    int dims = 2;                                 ///< always equal to Manifest::dims
    std::vector<int> size;                        ///< whole-image models; dims values, else empty
    std::vector<int> patchSize;                   ///< patch models; dims values, else empty
    std::optional<std::vector<double>> spacingMm; ///< dims values, each > 0
    std::optional<std::string> orientation;       ///< three letters, one of R/L, A/P, S/I each
    IntensityTransform intensity;
};

struct ManifestLabel {
    int index = 0; ///< output channel (or label value); unique, >= 0
    std::string name;
    std::array<int, 3> color{0, 0, 0}; ///< RGB, 0..255 each
};

struct ManifestOutput {
    enum class Activation { Softmax, Sigmoid };
    Activation activation = Activation::Softmax;
    std::vector<ManifestLabel> labels;
};

/// Sliding-window inference over a large image (MONAI sliding_window_inference).
struct SlidingWindow {
    std::vector<int> roi;  ///< window size, dims values
    double overlap = 0.25; ///< fraction in [0, 1)
    enum class Mode { Constant, Gaussian };
    Mode mode = Mode::Constant; ///< blending of overlapping windows
    double sigmaScale = 0.125;  ///< Gaussian sigma as a fraction of roi, > 0
    int batch = 1;              ///< windows per forward pass, >= 1
};

struct Saliency {
    bool gradCam = false;             ///< the model has forward_features (see above)
    std::vector<std::string> methods; ///< saliency methods offered, e.g. "grad-cam"
};

struct Manifest {
    int manifestVersion = 1;
    std::string name;
    std::string version;
    ModelTask task = ModelTask::Classification;
    std::string modality;
    int dims = 2; ///< 2 or 3; input.dims holds the same value
    ManifestInput input;
    ManifestOutput output;
    std::optional<SlidingWindow> slidingWindow;
    Saliency saliency;
    std::string intendedUse;
    std::string trainingJson; ///< the "training" object verbatim (compact JSON), or ""
    std::map<std::string, double> metrics;
    std::string weightsSha256; ///< lower-case hex, or "" when not stated
};

/// Parses and validates a manifest. `source` names where it came from and begins every
/// error message ("model.pt: radpath.json"). Throws ModelError.
RADPATH_AI_API Manifest parseManifest(const std::string& json, const std::string& source);

/// Checks a manifest built in code against the same rules parseManifest applies.
/// Throws ModelError("<source>: <problem>").
RADPATH_AI_API void validateManifest(const Manifest& manifest, const std::string& source);

/// Writes the JSON form above (pretty-printed, 2-space indent). Throws ModelError when
/// trainingJson is not a JSON object. parseManifest(toJson(m)) gives m back.
RADPATH_AI_API std::string toJson(const Manifest& manifest);

} // namespace radpath::ai

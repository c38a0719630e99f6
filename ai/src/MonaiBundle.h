#pragma once
// MONAI bundles (https://docs.monai.io/en/stable/mb_specification.html) as the MONAI model zoo
// writes them, read into a ModelPackage:
//   - a folder with configs/metadata.json, configs/inference.json (or .yaml is refused by
//     name) and models/model.ts;
//   - a TorchScript file alone whose extra files hold metadata.json and inference.json
//     (MONAI's `ckpt_export` writes them under "extra/" or at the top level; both are read).
//
// From inference.json the engine honours: preprocessing transforms LoadImaged,
// EnsureChannelFirstd, AddChanneld, Orientationd (axcodes), Spacingd (pixdim, mode),
// ScaleIntensityRanged (a_min, a_max, b_min, b_max, clip), NormalizeIntensityd (nonzero,
// channel_wise), EnsureTyped, CastToTyped; inferers SimpleInferer and SlidingWindowInferer
// (roi_size, overlap, mode default "constant", sigma_scale default 0.125, sw_batch_size
// default 1); postprocessing Activationsd (softmax or sigmoid), AsDiscreted (argmax or
// threshold), Invertd, SaveImaged, EnsureTyped, CopyItemsd (accepted: RadPath maps results
// back and saves them itself). Wrappers Compose and the "_target_" forms
// "monai.transforms.X" and "X" are both understood. "@name" refers to another top-level
// entry (recursively; "@a#b#0" indexes into it). Values written as Python ("$...") are
// refused only where RadPath needs the value; entries a viewer does not need (datalists,
// devices, handlers, evaluators, network_def, dataset, dataloader) are never resolved.
//
// metadata.json gives the name, version, task and description, network_data_format's
// inputs.image (num_channels, spatial_shape, modality) and outputs.pred (num_channels,
// channel_def {"0": "background", "1": "spleen"}), and intended use from "intended_use" or
// "description".

#include "ModelPackage.h"

#include <string>

namespace radpath::ai {

/// True when `path` is a bundle folder (configs/ and models/model.ts) or a TorchScript file
/// carrying metadata.json as an extra file.
bool isMonaiBundle(const std::string& path);

/// Builds the manifest a bundle's configuration states (format MonaiBundle, spatialIjk
/// true, threshold from AsDiscreted). `source` begins every error message. Throws
/// ModelError naming the unsupported transform, inferer or `$` expression, before anything
/// runs.
struct BundleConfig {
    Manifest manifest;
    double threshold = 0.5;
};
BundleConfig parseMonaiBundleConfig(const std::string& metadataJson, const std::string& inferenceJson,
                                    const std::string& source);

/// Loads a bundle into a package on `device`. Throws ModelError.
ModelPackage loadMonaiBundle(const std::string& path, const torch::Device& device);

} // namespace radpath::ai

// MONAI bundles: a configuration modelled on the model zoo's spleen_ct_segmentation read into
// a manifest, its references followed, what RadPath cannot honour refused by name, and both
// bundle forms (folder, single TorchScript file) made here and loaded.

#include "Check.h"

#include "MonaiBundle.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;

namespace radpath::ai::test {
namespace {

using Json = nlohmann::json;

// As the model zoo writes them (spleen_ct_segmentation 0.2.0), Python entries included.
const char* const kSpleenMetadata = R"({
    "version": "0.2.0",
    "task": "Decathlon spleen segmentation",
    "description": "A pre-trained model for volumetric (3D) segmentation of the spleen from CT image",
    "intended_use": "This is an example, not to be used for diagnostic purposes",
    "eval_metrics": {"mean_dice": 0.96},
    "network_data_format": {
        "inputs": {"image": {"type": "image", "format": "hounsfield", "modality": "CT", "num_channels": 1,
                             "spatial_shape": [96, 96, 96], "dtype": "float32", "value_range": [0, 1],
                             "is_patch_data": true, "channel_def": {"0": "image"}}},
        "outputs": {"pred": {"type": "image", "format": "segmentation", "num_channels": 2,
                             "spatial_shape": [96, 96, 96], "dtype": "float32", "value_range": [0, 1],
                             "is_patch_data": true, "channel_def": {"0": "background", "1": "spleen"}}}
    }
})";

const char* const kSpleenInference = R"json({
    "imports": ["$import glob", "$import os"],
    "bundle_root": ".",
    "output_dir": "$@bundle_root + '/eval'",
    "dataset_dir": "/workspace/data/Task09_Spleen",
    "datalist": "$list(sorted(glob.glob(@dataset_dir + '/imagesTs/*.nii.gz')))",
    "device": "$torch.device('cuda:0' if torch.cuda.is_available() else 'cpu')",
    "network_def": {"_target_": "UNet", "spatial_dims": 3, "in_channels": 1, "out_channels": 2,
                    "channels": [16, 32, 64, 128, 256], "strides": [2, 2, 2, 2], "num_res_units": 2,
                    "norm": "batch"},
    "network": "$@network_def.to(@device)",
    "preprocessing": {
        "_target_": "Compose",
        "transforms": [
            {"_target_": "LoadImaged", "keys": "image"},
            {"_target_": "EnsureChannelFirstd", "keys": "image"},
            {"_target_": "Orientationd", "keys": "image", "axcodes": "RAS"},
            {"_target_": "Spacingd", "keys": "image", "pixdim": [1.5, 1.5, 2.0], "mode": ["bilinear"]},
            {"_target_": "ScaleIntensityRanged", "keys": "image", "a_min": -57, "a_max": 164, "b_min": 0,
             "b_max": 1, "clip": true},
            {"_target_": "EnsureTyped", "keys": "image"}
        ]
    },
    "dataset": {"_target_": "Dataset", "data": "$[{'image': i} for i in @datalist]", "transform": "@preprocessing"},
    "dataloader": {"_target_": "DataLoader", "dataset": "@dataset", "batch_size": 1, "num_workers": 4},
    "inferer": {"_target_": "SlidingWindowInferer", "roi_size": [96, 96, 96], "sw_batch_size": 4, "overlap": 0.5},
    "postprocessing": {
        "_target_": "Compose",
        "transforms": [
            {"_target_": "Activationsd", "keys": "pred", "softmax": true},
            {"_target_": "Invertd", "keys": "pred", "transform": "@preprocessing", "orig_keys": "image",
             "nearest_interp": false, "to_tensor": true},
            {"_target_": "AsDiscreted", "keys": "pred", "argmax": true},
            {"_target_": "SaveImaged", "keys": "pred", "output_dir": "@output_dir", "output_postfix": "seg"}
        ]
    },
    "handlers": [{"_target_": "StatsHandler", "iteration_log": false}],
    "evaluator": {"_target_": "SupervisedEvaluator", "device": "@device", "val_data_loader": "@dataloader",
                  "network": "@network", "inferer": "@inferer", "postprocessing": "@postprocessing",
                  "val_handlers": "@handlers", "amp": true},
    "initialize": ["$monai.utils.set_determinism(seed=123)"],
    "run": ["$@evaluator.run()"]
})json";

const std::string kSource = "/bundles/spleen_ct_segmentation";
const std::string kInference = kSource + ": inference.json: ";

Json spleenMetadata()
{
    return Json::parse(kSpleenMetadata);
}

Json spleenInference()
{
    return Json::parse(kSpleenInference);
}

Json& preprocessing(Json& inference)
{
    return inference["preprocessing"]["transforms"];
}

BundleConfig parse(const Json& inference, const Json& metadata = spleenMetadata())
{
    return parseMonaiBundleConfig(metadata.dump(), inference.dump(), kSource);
}

std::string errorOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const ModelError& e) {
        return e.what();
    }
    return "(no error)";
}

bool checkMessage(const std::string& got, const std::string& want)
{
    if (got != want)
        std::fprintf(stderr, "  want: %s\n  got:  %s\n", want.c_str(), got.c_str());
    return got == want;
}

using Colour = std::array<int, 3>;
constexpr Colour kBlack{0, 0, 0};

void spleenManifest()
{
    const BundleConfig config = parse(spleenInference());
    const Manifest& m = config.manifest;
    RADPATH_CHECK(m.name == "spleen_ct_segmentation" && m.version == "0.2.0");
    RADPATH_CHECK(m.task == ModelTask::Segmentation && m.modality == "CT");
    RADPATH_CHECK(m.dims == 3 && m.input.dims == 3 && m.input.channels == 1);
    RADPATH_CHECK(m.input.size.empty() && (m.input.patchSize == std::vector<int>{96, 96, 96}));
    RADPATH_CHECK(m.input.spacingMm == std::vector<double>({1.5, 1.5, 2.0}));
    RADPATH_CHECK(m.input.orientation == std::string("RAS"));

    const IntensityTransform& window = m.input.intensity;
    RADPATH_CHECK(window.kind == IntensityTransform::Kind::Window);
    RADPATH_CHECK(window.aMin == -57 && window.aMax == 164 && window.bMin == 0 && window.bMax == 1 && window.clip);

    RADPATH_CHECK(m.slidingWindow.has_value());
    const SlidingWindow& sw = *m.slidingWindow;
    RADPATH_CHECK((sw.roi == std::vector<int>{96, 96, 96}) && sw.overlap == 0.5 && sw.batch == 4);
    RADPATH_CHECK(sw.mode == SlidingWindow::Mode::Constant && sw.sigmaScale == 0.125);

    RADPATH_CHECK(m.output.activation == ManifestOutput::Activation::Softmax && config.threshold == 0.5);
    RADPATH_CHECK(m.output.labels.size() == 2);
    RADPATH_CHECK(m.output.labels[0].index == 0 && m.output.labels[0].name == "background");
    RADPATH_CHECK(m.output.labels[0].color == kBlack);
    RADPATH_CHECK(m.output.labels[1].index == 1 && m.output.labels[1].name == "spleen");
    RADPATH_CHECK(m.output.labels[1].color != kBlack);

    RADPATH_CHECK(m.intendedUse == "This is an example, not to be used for diagnostic purposes");
    RADPATH_CHECK(m.metrics.at("mean_dice") == 0.96);
    RADPATH_CHECK(m.weightsSha256.empty() && !m.saliency.gradCam);

    // "name" and "version" come from the metadata when it has them.
    Json metadata = spleenMetadata();
    metadata["name"] = "Spleen CT segmentation";
    RADPATH_CHECK(parse(spleenInference(), metadata).manifest.name == "Spleen CT segmentation");
}

void slidingWindowSettings()
{
    Json inference = spleenInference();
    inference["inferer"] =
        Json::parse(R"({"_target_": "monai.inferers.SlidingWindowInferer", "roi_size": [64, 64, 32]})");
    const SlidingWindow defaults = *parse(inference).manifest.slidingWindow;
    RADPATH_CHECK((defaults.roi == std::vector<int>{64, 64, 32}) && defaults.overlap == 0.25);
    RADPATH_CHECK(defaults.mode == SlidingWindow::Mode::Constant && defaults.sigmaScale == 0.125 &&
                  defaults.batch == 1);
    RADPATH_CHECK((parse(inference).manifest.input.patchSize == std::vector<int>{64, 64, 32}));

    inference["inferer"]["mode"] = "gaussian";
    inference["inferer"]["sigma_scale"] = 0.25;
    const SlidingWindow gaussian = *parse(inference).manifest.slidingWindow;
    RADPATH_CHECK(gaussian.mode == SlidingWindow::Mode::Gaussian && gaussian.sigmaScale == 0.25);

    inference["inferer"]["mode"] = "triangle";
    RADPATH_CHECK(checkMessage(errorOf([&] { parse(inference); }),
                               kInference + "SlidingWindowInferer \"mode\" \"triangle\" is not supported (constant or "
                                            "gaussian)"));
    inference["inferer"] = Json::parse(R"({"_target_": "SliceInferer", "roi_size": [64, 64]})");
    RADPATH_CHECK(checkMessage(
        errorOf([&] { parse(inference); }),
        kInference +
            "inferer \"SliceInferer\" is not supported (RadPath runs SimpleInferer and SlidingWindowInferer)"));
}

// Every value RadPath reads goes through "@" references: chained, indexed with "#" (and
// MONAI's newer "::"), into "_meta_" (the metadata), in lists and in Compose wrappers.
void referencesResolved()
{
    Json inference = spleenInference();
    inference["patch"] = {{"size", "@roi"}};
    inference["roi"] = {64, 64, 32};
    inference["spacings"] = Json::array({Json::array({1.0, 1.0, 1.0}), "@fine"});
    inference["fine"] = {0.8, "@fine_z", 1.5};
    inference["fine_z"] = 0.9;
    inference["window"] = {{"low", -100}, {"high", 240}};
    inference["inferer"]["roi_size"] = "@patch#size";
    inference["inferer"]["overlap"] = "@overlap";
    inference["overlap"] = 0.625;
    inference["inferer"]["sw_batch_size"] = "@_meta_#network_data_format#outputs#pred#num_channels";
    inference["load"] = {{"_target_", "LoadImaged"}, {"keys", "image"}};
    inference["scale"] = {{"_target_", "monai.transforms.intensity.dictionary.ScaleIntensityRanged"},
                          {"a_min", "@window#low"},
                          {"a_max", "@window::high"},
                          {"b_min", 0.0},
                          {"b_max", 1.0}};
    inference["intensity"] = Json::array({"@scale"});
    inference["preprocessing"] = Json::parse(R"({"_target_": "monai.transforms.Compose", "transforms": [
        "@load",
        {"_target_": "RandFlipd", "_disabled_": true},
        {"_target_": "RandRotate90d", "_disabled_": "True"},
        {"_target_": "Compose", "transforms": [
            {"_target_": "SpacingD", "keys": ["image"], "pixdim": "@spacings#1"},
            {"_target_": "OrientationDict", "axcodes": "LPS"}]},
        {"_target_": "Compose", "transforms": "@intensity"}]})");

    const Manifest m = parse(inference).manifest;
    RADPATH_CHECK((m.slidingWindow->roi == std::vector<int>{64, 64, 32}) && m.slidingWindow->overlap == 0.625);
    RADPATH_CHECK(m.slidingWindow->batch == 2);
    RADPATH_CHECK(m.input.spacingMm == std::vector<double>({0.8, 0.9, 1.5}));
    RADPATH_CHECK(m.input.orientation == std::string("LPS"));
    RADPATH_CHECK(m.input.intensity.kind == IntensityTransform::Kind::Window);
    RADPATH_CHECK(m.input.intensity.aMin == -100 && m.input.intensity.aMax == 240 && !m.input.intensity.clip);

    inference["inferer"]["roi_size"] = "@patch#extent";
    RADPATH_CHECK(checkMessage(errorOf([&] { parse(inference); }),
                               kInference + "@patch#extent names nothing: there is no \"extent\""));
    inference["inferer"]["roi_size"] = "@spacings#2";
    RADPATH_CHECK(
        checkMessage(errorOf([&] { parse(inference); }), kInference + "@spacings#2 names nothing: there is no \"2\""));
}

void cycleRefused()
{
    Json inference = spleenInference();
    inference["inferer"]["roi_size"] = "@a";
    inference["a"] = "@b#x";
    inference["b"] = {{"x", "@a"}};
    RADPATH_CHECK(
        checkMessage(errorOf([&] { parse(inference); }), kInference + "the references @a → @b#x → @a form a cycle"));

    // A cycle where RadPath reads nothing does not matter.
    inference = spleenInference();
    inference["evaluator"]["network"] = "@loop";
    inference["loop"] = "@loop";
    parse(inference);
}

void unknownTransformRefused()
{
    Json inference = spleenInference();
    preprocessing(inference).push_back({{"_target_", "monai.transforms.CropForegroundd"}, {"keys", "image"}});
    RADPATH_CHECK(
        checkMessage(errorOf([&] { parse(inference); }),
                     kInference + "preprocessing transform \"CropForegroundd\" is not one RadPath can apply"));

    inference = spleenInference();
    inference["postprocessing"]["transforms"].push_back({{"_target_", "KeepLargestConnectedComponentd"}});
    RADPATH_CHECK(checkMessage(
        errorOf([&] { parse(inference); }),
        kInference + "postprocessing transform \"KeepLargestConnectedComponentd\" is not one RadPath can apply"));

    // Settings RadPath cannot reproduce are refused by name too.
    inference = spleenInference();
    preprocessing(inference)[3]["mode"] = "nearest";
    RADPATH_CHECK(checkMessage(errorOf([&] { parse(inference); }),
                               kInference + "Spacingd \"mode\" \"nearest\" is not supported (RadPath resamples images "
                                            "linearly)"));
    preprocessing(inference)[3]["keys"] = {"label", "image"};
    preprocessing(inference)[3]["mode"] = {"nearest", "bilinear"};
    parse(inference);
}

void expressionsRefusedWhereNeeded()
{
    Json inference = spleenInference();
    preprocessing(inference)[3]["pixdim"] = "$[1.5, 1.5, 2.0]";
    RADPATH_CHECK(checkMessage(errorOf([&] { parse(inference); }),
                               kInference + "Spacingd \"pixdim\" is a Python expression (\"$[1.5, 1.5, 2.0]\"); "
                                            "RadPath needs a plain value there"));

    // Also behind a reference, inside a list, and for flags.
    inference = spleenInference();
    inference["a_min"] = "$-57.0";
    preprocessing(inference)[4]["a_min"] = "@a_min";
    RADPATH_CHECK(checkMessage(errorOf([&] { parse(inference); }),
                               kInference + "ScaleIntensityRanged \"a_min\" is a Python expression (\"$-57.0\"); "
                                            "RadPath needs a plain value there"));
    inference = spleenInference();
    inference["inferer"]["roi_size"] = {96, "$@size", 96};
    RADPATH_CHECK(checkMessage(errorOf([&] { parse(inference); }),
                               kInference + "SlidingWindowInferer \"roi_size[1]\" is a Python expression (\"$@size\"); "
                                            "RadPath needs a plain value there"));
    inference = spleenInference();
    inference["postprocessing"]["transforms"][2]["argmax"] = "$True";
    RADPATH_CHECK(errorOf([&] { parse(inference); }).find("AsDiscreted \"argmax\" is a Python expression") !=
                  std::string::npos);
    inference = spleenInference();
    inference["preprocessing"]["transforms"] = "$@base_transforms + @extra_transforms";
    RADPATH_CHECK(checkMessage(errorOf([&] { parse(inference); }),
                               kInference + "preprocessing.transforms is a Python expression (\"$@base_transforms + "
                                            "@extra_transforms\"); RadPath needs the transforms written out"));
}

// The spleen configuration is full of Python (device, network, datalist, run); more here in
// handlers and in settings of transforms RadPath does not need to read.
void expressionsIgnoredElsewhere()
{
    Json inference = spleenInference();
    inference["handlers"].push_back("$@checkpointloader(@evaluator)");
    inference["handlers"].push_back({{"_target_", "CheckpointSaver"}, {"save_dir", "$@bundle_root + '/models'"}});
    inference["device"] = "$torch.device('cuda:0')";
    inference["postprocessing"]["transforms"][1]["transform"] = "$@preprocessing";
    inference["postprocessing"]["transforms"][3]["output_dir"] = "$@bundle_root + '/out'";
    preprocessing(inference)[0]["reader"] = "$monai.data.ITKReader()";
    preprocessing(inference)[5]["device"] = "@device";
    RADPATH_CHECK(parse(inference).manifest.slidingWindow->overlap == 0.5);
}

// Shaped on endoscopic_inbody_classification: whole 2-D images, sigmoid outputs.
void classificationBundle()
{
    Json metadata = spleenMetadata();
    metadata["task"] = "Endoscopic inbody classification";
    metadata["network_data_format"] = Json::parse(R"({
        "inputs": {"image": {"modality": "regular", "num_channels": 3, "spatial_shape": [256, 256]}},
        "outputs": {"pred": {"type": "probabilities", "format": "classes", "num_channels": 2,
                             "spatial_shape": [1, 2], "channel_def": {"0": "in body", "1": "out body"}}}})");
    const Json inference = Json::parse(R"({
        "inferer": {"_target_": "SimpleInferer"},
        "preprocessing": {"_target_": "Compose", "transforms": [
            {"_target_": "LoadImaged", "keys": "image"},
            {"_target_": "CastToTyped", "keys": "image", "dtype": "$torch.float32"},
            {"_target_": "NormalizeIntensityd", "keys": "image", "nonzero": true, "channel_wise": true}]},
        "postprocessing": {"_target_": "Compose", "transforms": [
            {"_target_": "Activationsd", "keys": "pred", "sigmoid": true},
            {"_target_": "AsDiscreted", "keys": "pred", "threshold": 0.3}]}})");
    const BundleConfig config = parse(inference, metadata);
    const Manifest& m = config.manifest;
    RADPATH_CHECK(m.task == ModelTask::Classification && m.modality == "OT" && m.dims == 2);
    RADPATH_CHECK(m.input.channels == 3 && (m.input.size == std::vector<int>{256, 256}) && m.input.patchSize.empty());
    RADPATH_CHECK(!m.slidingWindow && !m.input.spacingMm && !m.input.orientation);
    RADPATH_CHECK(m.input.intensity.kind == IntensityTransform::Kind::ZScore);
    RADPATH_CHECK(m.input.intensity.nonzero && m.input.intensity.channelWise);
    RADPATH_CHECK(m.output.activation == ManifestOutput::Activation::Sigmoid && config.threshold == 0.3);
    RADPATH_CHECK(m.output.labels.size() == 2 && m.output.labels[0].name == "in body");
    RADPATH_CHECK(m.output.labels[0].color != kBlack && m.output.labels[1].color != m.output.labels[0].color);

    metadata["network_data_format"]["inputs"]["image"]["modality"] = "MRI";
    RADPATH_CHECK(parse(inference, metadata).manifest.modality == "MR");
    metadata["network_data_format"]["inputs"]["image"]["spatial_shape"] = {"32*n", "32*n"};
    RADPATH_CHECK(checkMessage(errorOf([&] { parse(inference, metadata); }),
                               kSource +
                                   ": metadata.json: network_data_format.inputs.image.spatial_shape must give "
                                   "fixed sizes for a model run without a sliding window, got [\"32*n\",\"32*n\"]"));
}

void labelColours()
{
    Json metadata = spleenMetadata();
    Json& pred = metadata["network_data_format"]["outputs"]["pred"];
    pred["channel_def"] = Json::object();
    for (int c = 0; c < 120; ++c)
        pred["channel_def"][std::to_string(c)] = c == 0 ? "background" : "organ " + std::to_string(c);
    const std::vector<ManifestLabel> labels = parse(spleenInference(), metadata).manifest.output.labels;
    RADPATH_CHECK(labels.size() == 120 && labels[0].color == kBlack && labels[119].name == "organ 119");
    std::set<Colour> colours;
    for (const ManifestLabel& label : labels)
        colours.insert(label.color);
    RADPATH_CHECK(colours.size() == labels.size());

    // Without channel_def, one label per output channel.
    pred.erase("channel_def");
    const std::vector<ManifestLabel> unnamed = parse(spleenInference(), metadata).manifest.output.labels;
    RADPATH_CHECK(unnamed.size() == 2 && unnamed[0].color == kBlack && unnamed[1].name == "class 1");
}

// ---- bundles on disk ----

// Two output channels: background -x, foreground x.
torch::jit::Module tinySegmenter()
{
    torch::jit::Module module("TinySegmenter");
    module.register_parameter("scale", torch::ones({1}), false);
    module.define("def forward(self, x):\n    return torch.cat([-x * self.scale, x * self.scale], 1)\n");
    return module;
}

Json namedMetadata()
{
    Json metadata = spleenMetadata();
    metadata["name"] = "Spleen CT segmentation";
    return metadata;
}

void writeText(const fs::path& path, const std::string& text)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

std::string makeFolderBundle(const std::string& dir)
{
    writeText(fs::path(dir) / "configs" / "metadata.json", namedMetadata().dump(4));
    writeText(fs::path(dir) / "configs" / "inference.json", kSpleenInference);
    fs::create_directories(fs::path(dir) / "models");
    tinySegmenter().save(dir + "/models/model.ts");
    return dir;
}

void checkPackage(const ModelPackage& package, const std::string& path)
{
    RADPATH_CHECK(package.path == path && package.format == PackageFormat::MonaiBundle && package.spatialIjk);
    RADPATH_CHECK(package.threshold == 0.5 && !package.hasForwardFeatures);
    RADPATH_CHECK(package.manifest.name == "Spleen CT segmentation");
    torch::jit::Module module = package.module;
    const torch::Tensor out = module.forward({torch::ones({1, 1, 8, 8, 8})}).toTensor();
    RADPATH_CHECK((out.sizes().vec() == std::vector<int64_t>{1, 2, 8, 8, 8}));
}

void bothFormsLoad()
{
    const std::string folder = makeFolderBundle(temporaryDirectory("folder"));
    const std::string single = temporaryDirectory("single") + "/spleen.ts";
    tinySegmenter().save(single, {{"metadata.json", namedMetadata().dump()}, {"inference.json", kSpleenInference}});
    const std::string prefixed = temporaryDirectory("prefixed") + "/spleen.ts";
    tinySegmenter().save(prefixed,
                         {{"extra/metadata.json", namedMetadata().dump()}, {"extra/inference.json", kSpleenInference}});
    const std::string plain = (fs::path(single).parent_path() / "plain.pt").string();
    tinySegmenter().save(plain);

    for (const std::string& path : {folder, single, prefixed})
        RADPATH_CHECK(isMonaiBundle(path));
    for (const std::string& path : {plain, folder + "/configs", folder + "/configs/metadata.json", folder + "/none"})
        RADPATH_CHECK(!isMonaiBundle(path));

    const ModelPackage fromFolder = loadMonaiBundle(folder, torch::Device(torch::kCPU));
    checkPackage(fromFolder, folder + "/models/model.ts");
    RADPATH_CHECK(!fromFolder.manifestEmbedded && fromFolder.manifestSource == folder + "/configs/inference.json");
    const ModelPackage fromFile = loadMonaiBundle(single, torch::Device(torch::kCPU));
    checkPackage(fromFile, single);
    RADPATH_CHECK(fromFile.manifestEmbedded && fromFile.manifestSource == single + ": inference.json");
    checkPackage(loadMonaiBundle(prefixed, torch::Device(torch::kCPU)), prefixed);

    const std::string expected = toJson(parse(spleenInference(), namedMetadata()).manifest);
    RADPATH_CHECK(toJson(fromFolder.manifest) == expected && toJson(fromFile.manifest) == expected);
    RADPATH_CHECK(toJson(loadMonaiBundle(prefixed, torch::Device(torch::kCPU)).manifest) == expected);

    RADPATH_CHECK(checkMessage(errorOf([&] { loadMonaiBundle(plain, torch::Device(torch::kCPU)); }),
                               plain + ": no metadata.json inside, so not a MONAI bundle"));
    tinySegmenter().save(single, {{"metadata.json", namedMetadata().dump()}});
    RADPATH_CHECK(checkMessage(errorOf([&] { loadMonaiBundle(single, torch::Device(torch::kCPU)); }),
                               single + ": no inference.json inside (export the bundle with its inference "
                                        "configuration)"));
}

void brokenBundles()
{
    const std::string folder = makeFolderBundle(temporaryDirectory("broken"));
    const std::string model = folder + "/models/model.ts";
    fs::resize_file(model, fs::file_size(model) / 2);
    const std::string prefix = model + ": not a readable TorchScript model (";
    RADPATH_CHECK(checkMessage(
        errorOf([&] { loadMonaiBundle(folder, torch::Device(torch::kCPU)); }).substr(0, prefix.size()), prefix));
    fs::remove(model);
    RADPATH_CHECK(checkMessage(errorOf([&] { loadMonaiBundle(folder, torch::Device(torch::kCPU)); }),
                               model + ": no such model file"));

    // A configuration RadPath cannot read is refused before the model is looked at.
    writeText(folder + "/configs/inference.json", "{\"inferer\": ");
    RADPATH_CHECK(errorOf([&] {
                      loadMonaiBundle(folder, torch::Device(torch::kCPU));
                  }).rfind(folder + ": inference.json: not valid JSON: ", 0) == 0);
    fs::remove(folder + "/configs/inference.json");
    writeText(folder + "/configs/inference.yaml", "inferer: {}\n");
    RADPATH_CHECK(checkMessage(errorOf([&] { loadMonaiBundle(folder, torch::Device(torch::kCPU)); }),
                               folder + "/configs/inference.yaml: YAML bundle configurations are not supported; "
                                        "convert it to inference.json"));
    fs::remove(folder + "/configs/inference.yaml");
    RADPATH_CHECK(checkMessage(errorOf([&] { loadMonaiBundle(folder, torch::Device(torch::kCPU)); }),
                               folder + "/configs/inference.json: no such file"));

    Json metadata = spleenMetadata();
    metadata.erase("version");
    RADPATH_CHECK(checkMessage(errorOf([&] { parse(spleenInference(), metadata); }),
                               kSource + ": metadata.json: missing \"version\""));
}

} // namespace
} // namespace radpath::ai::test

int main()
{
    using namespace radpath::ai::test;
    return runCases({
        {"bundle.spleenManifest", spleenManifest},
        {"bundle.slidingWindowSettings", slidingWindowSettings},
        {"bundle.referencesResolved", referencesResolved},
        {"bundle.cycleRefused", cycleRefused},
        {"bundle.unknownTransformRefused", unknownTransformRefused},
        {"bundle.expressionsRefusedWhereNeeded", expressionsRefusedWhereNeeded},
        {"bundle.expressionsIgnoredElsewhere", expressionsIgnoredElsewhere},
        {"bundle.classificationBundle", classificationBundle},
        {"bundle.labelColours", labelColours},
        {"bundle.bothFormsLoad", bothFormsLoad},
        {"bundle.brokenBundles", brokenBundles},
    });
}

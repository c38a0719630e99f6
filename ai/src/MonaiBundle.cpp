// MONAI bundles read into model packages (see MonaiBundle.h). inference.json is read, never
// run: only the entries a viewer needs are looked at, and each value read there is taken
// literally, through its "@" references, or refused.

#include "MonaiBundle.h"

#include "BundleConfig.h"

#include <caffe2/serialize/inline_container.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace radpath::ai {
namespace {

using namespace bundle;

// "_target_" as "Name", "monai.transforms.Name" or any dotted path: its last component, with
// MONAI's aliases "NameD" and "NameDict" read as "Named".
std::string targetName(const References& refs, const Json& object, const std::string& where)
{
    const auto it = object.find("_target_");
    if (it == object.end())
        fail(refs.where(), where + " has no \"_target_\"");
    const Json& target = refs.resolve(*it);
    if (!target.is_string() || isExpression(target))
        fail(refs.where(), where + " \"_target_\" must name a MONAI class, got " + target.dump());
    std::string name = target.get<std::string>();
    name = name.substr(name.rfind('.') + 1);
    if (name.size() > 4 && name.compare(name.size() - 4, 4, "Dict") == 0)
        name.replace(name.size() - 4, 4, "d");
    else if (name.size() > 1 && name.back() == 'D')
        name.back() = 'd';
    return name;
}

// MONAI's "_disabled_" is true or the text "true".
bool isDisabled(const References& refs, const Json& object)
{
    const auto it = object.find("_disabled_");
    if (it == object.end())
        return false;
    const Json& value = refs.resolve(*it);
    return value.is_boolean() ? value.get<bool>() : value.is_string() && lowerCase(value.get<std::string>()) == "true";
}

// The transforms of a pipeline entry in order, Compose wrappers flattened, disabled ones left out.
void collectTransforms(const References& refs, const Json& value, const std::string& where, std::vector<Component>& out)
{
    const Json& resolved = refs.resolve(value);
    if (resolved.is_array()) {
        for (size_t i = 0; i < resolved.size(); ++i)
            collectTransforms(refs, resolved[i], where + '[' + std::to_string(i) + ']', out);
        return;
    }
    if (isExpression(resolved))
        fail(refs.where(), where + " is a Python expression (" + quoted(resolved.get<std::string>()) +
                               "); RadPath needs the transforms written out");
    if (!resolved.is_object())
        fail(refs.where(), where + " must be a transform or a list of transforms");
    if (isDisabled(refs, resolved))
        return;
    const std::string name = targetName(refs, resolved, where);
    if (name != "Compose") {
        out.emplace_back(refs, resolved, name);
        return;
    }
    const auto list = resolved.find("transforms");
    if (list != resolved.end())
        collectTransforms(refs, *list, where + ".transforms", out);
}

std::vector<Component> pipeline(const References& refs, const std::string& key)
{
    std::vector<Component> transforms;
    if (const Json* entry = refs.entry(key))
        collectTransforms(refs, *entry, key, transforms);
    return transforms;
}

// ---- inferer ----

std::optional<SlidingWindow> readInferer(const References& refs)
{
    // Without an "inferer" the model sees the whole image, as with SimpleInferer.
    const Json* entry = refs.entry("inferer");
    if (!entry || (entry->is_object() && isDisabled(refs, *entry)))
        return std::nullopt;
    if (!entry->is_object())
        fail(refs.where(), "inferer must be an object with \"_target_\"");
    const Component inferer(refs, *entry, targetName(refs, *entry, "inferer"));
    if (inferer.name() == "SimpleInferer")
        return std::nullopt;
    if (inferer.name() != "SlidingWindowInferer")
        fail(refs.where(), "inferer " + quoted(inferer.name()) +
                               " is not supported (RadPath runs SimpleInferer and SlidingWindowInferer)");
    SlidingWindow window;
    window.roi = inferer.sizes("roi_size");
    window.overlap = inferer.number("overlap", 0.25);
    const std::string mode = inferer.text("mode").value_or("constant");
    if (mode != "constant" && mode != "gaussian")
        inferer.refuse("mode", quoted(mode) + " is not supported (constant or gaussian)");
    window.mode = mode == "gaussian" ? SlidingWindow::Mode::Gaussian : SlidingWindow::Mode::Constant;
    window.sigmaScale = inferer.number("sigma_scale", 0.125);
    window.batch = inferer.count("sw_batch_size", 1);
    return window;
}

// ---- preprocessing ----

void ignoreTransform(const Component&, Manifest&) {}

void readOrientation(const Component& t, Manifest& m)
{
    m.input.orientation = t.text("axcodes");
    if (!m.input.orientation)
        t.refuse("axcodes", "is missing");
}

// A per-key setting's value for the key "image": MONAI repeats a single value for every key.
Json forImage(const Component& t, const std::string& key)
{
    const std::vector<Json> values = t.items(key);
    if (values.empty())
        t.refuse(key, "must not be empty");
    const std::vector<Json> keys = t.find("keys") ? t.items("keys") : std::vector<Json>{};
    const size_t index = size_t(std::find(keys.begin(), keys.end(), Json("image")) - keys.begin());
    return values.at(std::min(index, values.size() - 1));
}

// MONAI fits pixdim to the image's dimensions: a single value or a short list is padded with
// its last value, a long one cut.
void readSpacing(const Component& t, Manifest& m)
{
    std::vector<double> pixdim;
    for (const Json& item : t.items("pixdim")) {
        if (!item.is_number() || !(item.get<double>() > 0.0))
            t.refuse("pixdim", "must hold positive numbers");
        pixdim.push_back(item.get<double>());
    }
    if (pixdim.empty())
        t.refuse("pixdim", "must hold positive numbers");
    pixdim.resize(size_t(m.dims), pixdim.back());
    m.input.spacingMm = pixdim;

    // RadPath resamples images linearly; another interpolation would feed the model other values.
    if (!t.find("mode"))
        return;
    const Json mode = forImage(t, "mode");
    if (mode != "bilinear" && mode != "trilinear" && mode != "linear")
        t.refuse("mode", mode.dump() + " is not supported (RadPath resamples images linearly)");
}

void setIntensity(const Component& t, Manifest& m, const IntensityTransform& intensity)
{
    if (m.input.intensity.kind != IntensityTransform::Kind::None)
        fail(t.where(), t.name() + " is a second intensity transform; RadPath applies one");
    m.input.intensity = intensity;
}

void readScaleIntensityRange(const Component& t, Manifest& m)
{
    IntensityTransform window;
    window.kind = IntensityTransform::Kind::Window;
    window.aMin = t.requiredNumber("a_min");
    window.aMax = t.requiredNumber("a_max");
    // MONAI leaves the result in 0..1 when b_min or b_max is None.
    window.bMin = t.number("b_min", 0.0);
    window.bMax = t.number("b_max", 1.0);
    window.clip = t.flag("clip");
    setIntensity(t, m, window);
}

void readNormalizeIntensity(const Component& t, Manifest& m)
{
    for (const char* fixed : {"subtrahend", "divisor"})
        if (t.find(fixed))
            t.refuse(fixed, "is not supported (RadPath computes the mean and deviation of each image)");
    IntensityTransform zscore;
    zscore.kind = IntensityTransform::Kind::ZScore;
    zscore.nonzero = t.flag("nonzero");
    zscore.channelWise = t.flag("channel_wise");
    setIntensity(t, m, zscore);
}

void readPreprocessing(const References& refs, Manifest& m)
{
    using Reader = void (*)(const Component&, Manifest&);
    static const std::map<std::string, Reader> kReaders{
        {"LoadImaged", ignoreTransform},
        {"EnsureChannelFirstd", ignoreTransform},
        {"AddChanneld", ignoreTransform},
        {"EnsureTyped", ignoreTransform},
        {"CastToTyped", ignoreTransform},
        {"Orientationd", readOrientation},
        {"Spacingd", readSpacing},
        {"ScaleIntensityRanged", readScaleIntensityRange},
        {"NormalizeIntensityd", readNormalizeIntensity},
    };
    for (const Component& t : pipeline(refs, "preprocessing")) {
        const auto reader = kReaders.find(t.name());
        if (reader == kReaders.end())
            fail(refs.where(), "preprocessing transform " + quoted(t.name()) + " is not one RadPath can apply");
        reader->second(t, m);
    }
}

// ---- postprocessing ----

struct Postprocessing {
    std::optional<ManifestOutput::Activation> activation;
    std::optional<double> threshold;
};

void readActivations(const Component& t, Postprocessing& post)
{
    if (t.find("other"))
        t.refuse("other", "is not supported (RadPath applies softmax or sigmoid)");
    const bool softmax = t.flag("softmax"), sigmoid = t.flag("sigmoid");
    if (softmax && sigmoid)
        t.refuse("softmax", "and \"sigmoid\" cannot both be true");
    if (softmax || sigmoid)
        post.activation = softmax ? ManifestOutput::Activation::Softmax : ManifestOutput::Activation::Sigmoid;
}

void readAsDiscrete(const Component& t, Postprocessing& post)
{
    t.flag("argmax"); // RadPath takes the argmax of softmax outputs anyway; read to refuse "$".
    if (t.find("threshold"))
        post.threshold = t.number("threshold", 0.5);
}

void ignoreOutput(const Component&, Postprocessing&) {}

Postprocessing readPostprocessing(const References& refs)
{
    using Reader = void (*)(const Component&, Postprocessing&);
    // Invertd and SaveImaged are what RadPath does itself: results go back onto the image's
    // grid and are saved as RadPath saves them.
    static const std::map<std::string, Reader> kReaders{
        {"Activationsd", readActivations}, {"AsDiscreted", readAsDiscrete}, {"Invertd", ignoreOutput},
        {"SaveImaged", ignoreOutput},      {"EnsureTyped", ignoreOutput},   {"CopyItemsd", ignoreOutput},
    };
    Postprocessing post;
    for (const Component& t : pipeline(refs, "postprocessing")) {
        const auto reader = kReaders.find(t.name());
        if (reader == kReaders.end())
            fail(refs.where(), "postprocessing transform " + quoted(t.name()) + " is not one RadPath can apply");
        reader->second(t, post);
    }
    return post;
}

// ---- metadata.json ----

const Json* member(const Json& object, const std::string& key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string textOf(const Json& object, const std::string& key)
{
    const Json* value = member(object, key);
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

// network_data_format.<group>.<preferred>, else the group's first entry.
const Json& dataFormat(const Json& metadata, const std::string& group, const std::string& preferred,
                       const std::string& where)
{
    const Json* format = member(metadata, "network_data_format");
    const Json* entries = format ? member(*format, group) : nullptr;
    if (!entries || !entries->is_object() || entries->empty())
        fail(where, "missing \"network_data_format." + group + '"');
    const Json* entry = member(*entries, preferred);
    return entry ? *entry : entries->begin().value();
}

// MONAI writes modalities freely ("CT", "MRI", "image"); RadPath wants DICOM's codes.
std::string dicomModality(const std::string& stated)
{
    static const std::map<std::string, std::string> kCodes{
        {"ct", "CT"},        {"mr", "MR"},         {"mri", "MR"}, {"pet", "PT"},       {"pt", "PT"},
        {"us", "US"},        {"ultrasound", "US"}, {"cr", "CR"},  {"dx", "DX"},        {"x-ray", "DX"},
        {"xray", "DX"},      {"mg", "MG"},         {"nm", "NM"},  {"xa", "XA"},        {"sm", "SM"},
        {"pathology", "SM"}, {"wsi", "SM"},        {"es", "ES"},  {"endoscopy", "ES"}, {"histopathology", "SM"},
    };
    const auto it = kCodes.find(lowerCase(stated));
    return it == kCodes.end() ? "OT" : it->second;
}

// The bundle's folder or file name, for bundles whose metadata has no "name".
std::string sourceStem(const std::string& source)
{
    fs::path path(source);
    if (path.filename().empty())
        path = path.parent_path();
    return path.stem().string();
}

void readDescription(const Json& metadata, const std::string& where, const std::string& source, Manifest& m)
{
    m.name = textOf(metadata, "name");
    if (m.name.empty())
        m.name = sourceStem(source);
    m.version = textOf(metadata, "version");
    if (m.version.empty())
        fail(where, "missing \"version\"");
    m.intendedUse = textOf(metadata, "intended_use");
    if (m.intendedUse.empty())
        m.intendedUse = textOf(metadata, "description");
    if (const Json* metrics = member(metadata, "eval_metrics"))
        for (const auto& item : metrics->items())
            if (item.value().is_number())
                m.metrics[item.key()] = item.value().get<double>();
}

int positiveInteger(const Json& object, const std::string& key, const std::string& path, const std::string& where)
{
    const Json* value = member(object, key);
    if (!value || !isCount(*value))
        fail(where, path + '.' + key + " must be a positive integer");
    return int(value->get<long long>());
}

int readDims(const Json& image, const std::optional<SlidingWindow>& window, const std::string& where)
{
    const Json* shape = member(image, "spatial_shape");
    if (shape && shape->is_array() && (shape->size() == 2 || shape->size() == 3))
        return int(shape->size());
    if (window)
        return int(window->roi.size());
    fail(where, "network_data_format.inputs.image.spatial_shape must list 2 or 3 sizes");
}

// A model fed whole images takes them at spatial_shape, which must then be fixed numbers
// (MONAI also writes forms such as "16*n").
std::vector<int> fixedShape(const Json& image, const std::string& where)
{
    const Json* shape = member(image, "spatial_shape");
    if (!shape || !shape->is_array() || !std::all_of(shape->begin(), shape->end(), isCount))
        fail(where, "network_data_format.inputs.image.spatial_shape must give fixed sizes for a model run "
                    "without a sliding window, got " +
                        (shape ? shape->dump() : std::string("none")));
    return shape->get<std::vector<int>>();
}

// Classifiers also state a spatial_shape for their output ([1, 2]), so the shape alone does
// not make a segmenter.
bool isSegmentation(const Json& metadata, const Json& pred, const std::optional<SlidingWindow>& window)
{
    return window || textOf(pred, "format") == "segmentation" || textOf(pred, "type") == "image" ||
           lowerCase(textOf(metadata, "task")).find("segmentation") != std::string::npos;
}

// ---- labels ----

std::array<int, 3> hsvColour(double hue, double saturation, double value)
{
    const double h = std::fmod(hue, 360.0) / 60.0, c = value * saturation, x = c * (1 - std::fabs(std::fmod(h, 2) - 1));
    const int sector = int(h);
    const double r = sector == 0 || sector == 5 ? c : sector == 1 || sector == 4 ? x : 0;
    const double g = sector == 1 || sector == 2 ? c : sector == 0 || sector == 3 ? x : 0;
    const double b = sector == 3 || sector == 4 ? c : sector == 2 || sector == 5 ? x : 0;
    const double m = value - c;
    return {int(std::lround((r + m) * 255)), int(std::lround((g + m) * 255)), int(std::lround((b + m) * 255))};
}

// Background is black and no other label is. The others take hues a golden angle apart, so
// that neighbouring labels differ clearly; a colour already given is skipped, which keeps
// them distinct however many there are.
void colourLabels(std::vector<ManifestLabel>& labels, bool zeroIsBackground)
{
    std::set<std::array<int, 3>> used{{0, 0, 0}};
    int step = 0;
    for (ManifestLabel& label : labels) {
        if ((label.index == 0 && zeroIsBackground) || lowerCase(label.name) == "background")
            continue;
        do
            label.color = hsvColour(step++ * 137.508, 0.8, 0.95);
        while (!used.insert(label.color).second);
    }
}

std::vector<ManifestLabel> readLabels(const Json& pred, bool zeroIsBackground, const std::string& where)
{
    const std::string path = "network_data_format.outputs.pred";
    std::map<int, std::string> names;
    if (const Json* channels = member(pred, "channel_def")) {
        if (!channels->is_object())
            fail(where, path + ".channel_def must be an object");
        for (const auto& item : channels->items()) {
            const std::string& key = item.key();
            if (key.empty() || key.size() > 6 || key.find_first_not_of("0123456789") != std::string::npos ||
                !item.value().is_string())
                fail(where, path + ".channel_def must map channel numbers to names, got " + quoted(key));
            names[std::stoi(key)] = item.value().get<std::string>();
        }
    } else {
        for (int c = 0, n = positiveInteger(pred, "num_channels", path, where); c < n; ++c)
            names[c] = "class " + std::to_string(c);
    }
    std::vector<ManifestLabel> labels;
    for (const auto& [index, name] : names)
        labels.push_back({index, name, {0, 0, 0}});
    colourLabels(labels, zeroIsBackground);
    return labels;
}

} // namespace

BundleConfig parseMonaiBundleConfig(const std::string& metadataJson, const std::string& inferenceJson,
                                    const std::string& source)
{
    const std::string metadataWhere = source + ": metadata.json";
    const Json metadata = parseObject(metadataJson, metadataWhere);
    // MONAI gives the configuration the metadata as "_meta_", which "@_meta_#..." reads.
    Json inference = parseObject(inferenceJson, source + ": inference.json");
    inference["_meta_"] = metadata;
    const References refs(std::move(inference), source + ": inference.json");

    BundleConfig config;
    Manifest& m = config.manifest;
    readDescription(metadata, metadataWhere, source, m);
    const Json& image = dataFormat(metadata, "inputs", "image", metadataWhere);
    const Json& pred = dataFormat(metadata, "outputs", "pred", metadataWhere);
    m.modality = dicomModality(textOf(image, "modality"));
    m.input.channels = positiveInteger(image, "num_channels", "network_data_format.inputs.image", metadataWhere);

    m.slidingWindow = readInferer(refs);
    m.dims = m.input.dims = readDims(image, m.slidingWindow, metadataWhere);
    m.task = isSegmentation(metadata, pred, m.slidingWindow) ? ModelTask::Segmentation : ModelTask::Classification;
    if (m.slidingWindow)
        m.input.patchSize = m.slidingWindow->roi;
    else
        m.input.size = fixedShape(image, metadataWhere);
    readPreprocessing(refs, m);

    // Without Activationsd: a threshold implies per-channel (sigmoid) outputs, else softmax,
    // whose argmax is the logits' own.
    const Postprocessing post = readPostprocessing(refs);
    m.output.activation = post.activation.value_or(post.threshold ? ManifestOutput::Activation::Sigmoid
                                                                  : ManifestOutput::Activation::Softmax);
    config.threshold = post.threshold.value_or(0.5);
    const bool zeroIsBackground =
        m.task == ModelTask::Segmentation && m.output.activation == ManifestOutput::Activation::Softmax;
    m.output.labels = readLabels(pred, zeroIsBackground, metadataWhere);
    validateManifest(m, source);
    return config;
}

namespace {

// The names MONAI's ckpt_export gives the configuration inside model.ts; torch::jit::load
// returns only the extra files asked for by name.
using EmbeddedNames = std::array<const char*, 2>;
constexpr EmbeddedNames kEmbeddedMetadata{"metadata.json", "extra/metadata.json"};
constexpr EmbeddedNames kEmbeddedInference{"inference.json", "extra/inference.json"};

std::string embedded(const torch::jit::ExtraFilesMap& files, const EmbeddedNames& names)
{
    for (const char* name : names)
        if (!files.at(name).empty())
            return files.at(name);
    return {};
}

// configs/NAME.json; the YAML form would need a YAML reader, so it is refused by name.
std::string readConfig(const fs::path& folder, const std::string& name)
{
    const fs::path json = folder / "configs" / (name + ".json");
    std::error_code error;
    if (fs::is_regular_file(json, error))
        return readTextFile(json.string());
    for (const char* extension : {".yaml", ".yml"}) {
        const fs::path yaml = folder / "configs" / (name + extension);
        if (fs::is_regular_file(yaml, error))
            throw ModelError(yaml.string() + ": YAML bundle configurations are not supported; convert it to " + name +
                             ".json");
    }
    throw ModelError(json.string() + ": no such file");
}

ModelPackage makePackage(const std::string& modelPath, torch::jit::Module module, BundleConfig config)
{
    ModelPackage package;
    package.path = modelPath;
    package.format = PackageFormat::MonaiBundle;
    package.spatialIjk = true;
    package.threshold = config.threshold;
    package.manifest = std::move(config.manifest);
    package.module = std::move(module);
    package.module.eval();
    if (!hasMethod(package.module, "forward"))
        throw ModelError(modelPath + ": the model has no forward method");
    package.hasForwardFeatures = hasMethod(package.module, "forward_features");
    return package;
}

// The configuration is read before the weights, so a bundle RadPath cannot run is refused
// without loading them.
ModelPackage loadFolder(const fs::path& folder, const torch::Device& device)
{
    const BundleConfig config =
        parseMonaiBundleConfig(readConfig(folder, "metadata"), readConfig(folder, "inference"), folder.string());
    const std::string modelPath = (folder / "models" / "model.ts").string();
    torch::jit::ExtraFilesMap none;
    ModelPackage package = makePackage(modelPath, loadTorchScript(modelPath, device, none), config);
    package.manifestSource = (folder / "configs" / "inference.json").string();
    return package;
}

ModelPackage loadSingleFile(const std::string& path, const torch::Device& device)
{
    torch::jit::ExtraFilesMap files;
    for (const EmbeddedNames& names : {kEmbeddedMetadata, kEmbeddedInference})
        for (const char* name : names)
            files[name] = "";
    torch::jit::Module module = loadTorchScript(path, device, files);
    const std::string metadata = embedded(files, kEmbeddedMetadata);
    const std::string inference = embedded(files, kEmbeddedInference);
    if (metadata.empty())
        throw ModelError(path + ": no metadata.json inside, so not a MONAI bundle");
    if (inference.empty())
        throw ModelError(path + ": no inference.json inside (export the bundle with its inference configuration)");
    ModelPackage package = makePackage(path, std::move(module), parseMonaiBundleConfig(metadata, inference, path));
    package.manifestEmbedded = true;
    package.manifestSource = path + ": inference.json";
    return package;
}

} // namespace

bool isMonaiBundle(const std::string& path)
{
    std::error_code error;
    if (fs::is_directory(path, error))
        return fs::is_directory(fs::path(path) / "configs", error) &&
               fs::is_regular_file(fs::path(path) / "models" / "model.ts", error);
    if (!fs::is_regular_file(path, error))
        return false;
    // The archive's table of contents only: the weights are not read.
    try {
        caffe2::serialize::PyTorchStreamReader archive(path);
        return std::any_of(kEmbeddedMetadata.begin(), kEmbeddedMetadata.end(),
                           [&archive](const char* name) { return archive.hasRecord(std::string("extra/") + name); });
    } catch (const std::exception&) {
        return false;
    }
}

ModelPackage loadMonaiBundle(const std::string& path, const torch::Device& device)
{
    std::error_code error;
    return fs::is_directory(path, error) ? loadFolder(path, device) : loadSingleFile(path, device);
}

} // namespace radpath::ai

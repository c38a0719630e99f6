// Reading and writing the JSON form of a model manifest (see Manifest.h). Reading checks
// types and refuses unknown keys; validateManifest (ManifestValidation.cpp) checks meaning.

#include "radpath/ai/Manifest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <limits>
#include <set>

namespace radpath::ai {
namespace {

using Json = nlohmann::ordered_json;

[[noreturn]] void fail(const std::string& source, const std::string& problem)
{
    throw ModelError(source + ": " + problem);
}

std::string quoted(const std::string& text)
{
    return '"' + text + '"';
}

// One JSON object at a dotted path; every key read is remembered so that finish() can
// refuse the ones nobody asked for (usually typos).
class Fields {
public:
    Fields(const Json& value, std::string path, const std::string& source)
        : m_value(value), m_path(std::move(path)), m_source(source)
    {
        if (!m_value.is_object())
            fail(m_source, m_path.empty() ? "the manifest must be a JSON object" : m_path + " must be an object");
    }

    std::string path(const std::string& key) const { return m_path.empty() ? key : m_path + '.' + key; }
    const std::string& source() const { return m_source; }

    const Json* find(const std::string& key)
    {
        m_read.insert(key);
        const auto it = m_value.find(key);
        return it == m_value.end() ? nullptr : &*it;
    }

    const Json& require(const std::string& key)
    {
        const Json* value = find(key);
        if (!value)
            fail(m_source, "missing " + quoted(path(key)));
        return *value;
    }

    std::string string(const std::string& key, const Json& value) const
    {
        if (!value.is_string())
            fail(m_source, path(key) + " must be a string");
        return value.get<std::string>();
    }
    std::string requiredString(const std::string& key) { return string(key, require(key)); }
    std::optional<std::string> optionalString(const std::string& key)
    {
        const Json* value = find(key);
        return value ? std::optional<std::string>(string(key, *value)) : std::nullopt;
    }

    int integer(const std::string& key, const Json& value, int minimum, const char* what) const
    {
        if (!value.is_number_integer() || value.get<long long>() < minimum ||
            value.get<long long>() > std::numeric_limits<int>::max())
            fail(m_source, path(key) + " must be a " + what);
        return int(value.get<long long>());
    }
    int requiredPositive(const std::string& key) { return integer(key, require(key), 1, "positive integer"); }

    double number(const std::string& key, const Json& value) const
    {
        if (!value.is_number())
            fail(m_source, path(key) + " must be a number");
        return value.get<double>();
    }
    double requiredNumber(const std::string& key) { return number(key, require(key)); }
    double optionalNumber(const std::string& key, double fallback)
    {
        const Json* value = find(key);
        return value ? number(key, *value) : fallback;
    }

    bool optionalBool(const std::string& key, bool fallback)
    {
        const Json* value = find(key);
        if (!value)
            return fallback;
        if (!value->is_boolean())
            fail(m_source, path(key) + " must be true or false");
        return value->get<bool>();
    }

    std::vector<int> positiveInts(const std::string& key, const Json& value) const
    {
        const std::string problem = path(key) + " must be an array of positive integers";
        if (!value.is_array() || value.empty())
            fail(m_source, problem);
        std::vector<int> result;
        for (const Json& item : value) {
            if (!item.is_number_integer() || item.get<long long>() < 1 ||
                item.get<long long>() > std::numeric_limits<int>::max())
                fail(m_source, problem);
            result.push_back(int(item.get<long long>()));
        }
        return result;
    }

    std::vector<double> numbers(const std::string& key, const Json& value) const
    {
        if (!value.is_array() || !std::all_of(value.begin(), value.end(), [](const Json& v) { return v.is_number(); }))
            fail(m_source, path(key) + " must be an array of numbers");
        std::vector<double> result;
        for (const Json& item : value)
            result.push_back(item.get<double>());
        return result;
    }

    void finish() const
    {
        for (const auto& item : m_value.items())
            if (!m_read.count(item.key()))
                fail(m_source, "unknown key " + quoted(path(item.key())));
    }

private:
    const Json& m_value;
    std::string m_path;
    const std::string& m_source;
    std::set<std::string> m_read;
};

// "word" must be one of `names` (in enum order); the message lists them.
template <typename Enum, size_t N>
Enum choose(const Fields& fields, const std::string& key, const std::string& word,
            const std::array<const char*, N>& names, const char* expected)
{
    for (size_t i = 0; i < N; ++i)
        if (word == names[i])
            return Enum(i);
    fail(fields.source(), "unknown " + fields.path(key) + ' ' + quoted(word) + " (expected " + expected + ')');
}

constexpr std::array<const char*, 3> kTaskNames{"classification", "segmentation", "tile-classification"};
constexpr std::array<const char*, 4> kTransformNames{"none", "window", "zscore", "scale255"};
constexpr std::array<const char*, 2> kActivationNames{"softmax", "sigmoid"};
constexpr std::array<const char*, 2> kModeNames{"constant", "gaussian"};

IntensityTransform readIntensity(Fields& fields)
{
    IntensityTransform t;
    t.kind = choose<IntensityTransform::Kind>(fields, "transform", fields.requiredString("transform"), kTransformNames,
                                              "none, window, zscore or scale255");
    switch (t.kind) {
    case IntensityTransform::Kind::None:
        break;
    case IntensityTransform::Kind::Window:
        t.aMin = fields.requiredNumber("a_min");
        t.aMax = fields.requiredNumber("a_max");
        t.bMin = fields.requiredNumber("b_min");
        t.bMax = fields.requiredNumber("b_max");
        t.clip = fields.optionalBool("clip", false);
        break;
    case IntensityTransform::Kind::ZScore:
        t.nonzero = fields.optionalBool("nonzero", false);
        t.channelWise = fields.optionalBool("channel_wise", false);
        break;
    case IntensityTransform::Kind::Scale255:
        if (const Json* mean = fields.find("mean"))
            t.mean = fields.numbers("mean", *mean);
        if (const Json* sd = fields.find("std"))
            t.stdDev = fields.numbers("std", *sd);
        break;
    }
    fields.finish();
    return t;
}

ManifestInput readInput(Fields& fields)
{
    ManifestInput in;
    in.channels = fields.requiredPositive("channels");
    if (const Json* size = fields.find("size"))
        in.size = fields.positiveInts("size", *size);
    if (const Json* patch = fields.find("patch_size"))
        in.patchSize = fields.positiveInts("patch_size", *patch);
    if (const Json* spacing = fields.find("spacing_mm"))
        in.spacingMm = fields.numbers("spacing_mm", *spacing);
    in.orientation = fields.optionalString("orientation");
    Fields intensity(fields.require("intensity"), fields.path("intensity"), fields.source());
    in.intensity = readIntensity(intensity);
    fields.finish();
    return in;
}

ManifestOutput readOutput(Fields& fields)
{
    ManifestOutput out;
    out.activation = choose<ManifestOutput::Activation>(fields, "activation", fields.requiredString("activation"),
                                                        kActivationNames, "softmax or sigmoid");
    const Json& labels = fields.require("labels");
    if (!labels.is_array())
        fail(fields.source(), fields.path("labels") + " must be an array");
    for (size_t i = 0; i < labels.size(); ++i) {
        Fields item(labels[i], fields.path("labels") + '[' + std::to_string(i) + ']', fields.source());
        ManifestLabel label;
        label.index = item.integer("index", item.require("index"), 0, "non-negative integer");
        label.name = item.requiredString("name");
        const Json& color = item.require("color");
        const std::string problem = item.path("color") + " must be three integers 0..255";
        if (!color.is_array() || color.size() != 3)
            fail(fields.source(), problem);
        for (size_t c = 0; c < 3; ++c) {
            if (!color[c].is_number_integer() || color[c].get<long long>() < 0 || color[c].get<long long>() > 255)
                fail(fields.source(), problem);
            label.color[c] = int(color[c].get<long long>());
        }
        item.finish();
        out.labels.push_back(label);
    }
    fields.finish();
    return out;
}

SlidingWindow readSlidingWindow(Fields& fields)
{
    SlidingWindow sw;
    sw.roi = fields.positiveInts("roi", fields.require("roi"));
    sw.overlap = fields.optionalNumber("overlap", sw.overlap);
    if (const auto mode = fields.optionalString("mode"))
        sw.mode = choose<SlidingWindow::Mode>(fields, "mode", *mode, kModeNames, "constant or gaussian");
    sw.sigmaScale = fields.optionalNumber("sigma_scale", sw.sigmaScale);
    if (const Json* batch = fields.find("batch"))
        sw.batch = fields.integer("batch", *batch, 1, "positive integer");
    fields.finish();
    return sw;
}

Saliency readSaliency(Fields& fields)
{
    Saliency s;
    s.gradCam = fields.optionalBool("grad_cam", false);
    if (const Json* methods = fields.find("methods")) {
        if (!methods->is_array())
            fail(fields.source(), fields.path("methods") + " must be an array of strings");
        for (const Json& m : *methods) {
            if (!m.is_string())
                fail(fields.source(), fields.path("methods") + " must be an array of strings");
            s.methods.push_back(m.get<std::string>());
        }
    }
    fields.finish();
    return s;
}

Manifest readManifest(Fields& fields)
{
    Manifest m;
    if (const Json* version = fields.find("manifest_version"))
        m.manifestVersion = fields.integer("manifest_version", *version, 1, "positive integer");
    m.name = fields.requiredString("name");
    m.version = fields.requiredString("version");
    m.task = choose<ModelTask>(fields, "task", fields.requiredString("task"), kTaskNames,
                               "classification, segmentation or tile-classification");
    m.modality = fields.requiredString("modality");
    const Json& dims = fields.require("dims");
    if (!dims.is_number_integer() || (dims.get<long long>() != 2 && dims.get<long long>() != 3))
        fail(fields.source(), "dims must be 2 or 3");
    m.dims = int(dims.get<long long>());
    Fields input(fields.require("input"), "input", fields.source());
    m.input = readInput(input);
    m.input.dims = m.dims;
    Fields output(fields.require("output"), "output", fields.source());
    m.output = readOutput(output);
    if (const Json* sw = fields.find("sliding_window")) {
        Fields swFields(*sw, "sliding_window", fields.source());
        m.slidingWindow = readSlidingWindow(swFields);
    }
    if (const Json* saliency = fields.find("saliency")) {
        Fields saliencyFields(*saliency, "saliency", fields.source());
        m.saliency = readSaliency(saliencyFields);
    }
    m.intendedUse = fields.optionalString("intended_use").value_or("");
    if (const Json* training = fields.find("training")) {
        if (!training->is_object())
            fail(fields.source(), "training must be an object");
        m.trainingJson = training->dump();
    }
    if (const Json* metrics = fields.find("metrics")) {
        Fields metricFields(*metrics, "metrics", fields.source());
        for (const auto& item : metrics->items())
            m.metrics[item.key()] = metricFields.number(item.key(), item.value());
    }
    m.weightsSha256 = fields.optionalString("weights_sha256").value_or("");
    std::transform(m.weightsSha256.begin(), m.weightsSha256.end(), m.weightsSha256.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    fields.finish();
    return m;
}

Json intensityJson(const IntensityTransform& t)
{
    Json j;
    j["transform"] = kTransformNames[size_t(t.kind)];
    switch (t.kind) {
    case IntensityTransform::Kind::None:
        break;
    case IntensityTransform::Kind::Window:
        j["a_min"] = t.aMin;
        j["a_max"] = t.aMax;
        j["b_min"] = t.bMin;
        j["b_max"] = t.bMax;
        j["clip"] = t.clip;
        break;
    case IntensityTransform::Kind::ZScore:
        j["nonzero"] = t.nonzero;
        j["channel_wise"] = t.channelWise;
        break;
    case IntensityTransform::Kind::Scale255:
        if (!t.mean.empty())
            j["mean"] = t.mean;
        if (!t.stdDev.empty())
            j["std"] = t.stdDev;
        break;
    }
    return j;
}

} // namespace

std::string toString(ModelTask task)
{
    return kTaskNames[size_t(task)];
}

Manifest parseManifest(const std::string& json, const std::string& source)
{
    Json document;
    try {
        document = Json::parse(json);
    } catch (const Json::parse_error& e) {
        // Drop nlohmann's "[json.exception.parse_error.101] " prefix.
        std::string what = e.what();
        const size_t end = what.find("] ");
        fail(source, "not valid JSON: " + (end == std::string::npos ? what : what.substr(end + 2)));
    }
    Fields fields(document, "", source);
    Manifest manifest = readManifest(fields);
    validateManifest(manifest, source);
    return manifest;
}

std::string toJson(const Manifest& m)
{
    Json j;
    j["manifest_version"] = m.manifestVersion;
    j["name"] = m.name;
    j["version"] = m.version;
    j["task"] = toString(m.task);
    j["modality"] = m.modality;
    j["dims"] = m.dims;
    Json& in = j["input"];
    in["channels"] = m.input.channels;
    if (!m.input.size.empty())
        in["size"] = m.input.size;
    if (!m.input.patchSize.empty())
        in["patch_size"] = m.input.patchSize;
    if (m.input.spacingMm)
        in["spacing_mm"] = *m.input.spacingMm;
    if (m.input.orientation)
        in["orientation"] = *m.input.orientation;
    in["intensity"] = intensityJson(m.input.intensity);
    Json& out = j["output"];
    out["activation"] = kActivationNames[size_t(m.output.activation)];
    out["labels"] = Json::array();
    for (const ManifestLabel& label : m.output.labels)
        out["labels"].push_back(Json{{"index", label.index}, {"name", label.name}, {"color", label.color}});
    if (const auto& sw = m.slidingWindow)
        j["sliding_window"] = Json{{"roi", sw->roi},
                                   {"overlap", sw->overlap},
                                   {"mode", kModeNames[size_t(sw->mode)]},
                                   {"sigma_scale", sw->sigmaScale},
                                   {"batch", sw->batch}};
    j["saliency"] = Json{{"grad_cam", m.saliency.gradCam}, {"methods", m.saliency.methods}};
    j["intended_use"] = m.intendedUse;
    if (!m.trainingJson.empty()) {
        Json training = Json::parse(m.trainingJson, nullptr, false);
        if (training.is_discarded() || !training.is_object())
            throw ModelError(m.name + ": training must be a JSON object");
        j["training"] = training;
    }
    j["metrics"] = Json::object();
    for (const auto& [name, value] : m.metrics)
        j["metrics"][name] = value;
    if (!m.weightsSha256.empty())
        j["weights_sha256"] = m.weightsSha256;
    return j.dump(2);
}

} // namespace radpath::ai

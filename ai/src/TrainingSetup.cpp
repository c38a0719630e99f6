// What a training run is set up from: its checks, optimiser and schedule, the network to
// start from (new or a package to fine-tune), and copies of a network's state.

#include "TrainingSetup.h"

#include "Architectures.h"
#include "ModelPackage.h"

#include "radpath/ai/ModelError.h"

#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>

namespace radpath::ai {
namespace {

bool isClassifierArchitecture(const std::string& name)
{
    return name == "simple-cnn" || name == "resnet18" || name == "resnet34";
}

bool isSegmenterArchitecture(const std::string& name)
{
    return name == "unet2d" || name == "unet3d";
}

/// A fresh output layer for a fine-tuned network whose class count differs: the head's
/// weight [classes, features...] and bias [classes], initialised as torch.nn does.
void replaceHead(torch::jit::Module& module, const std::string& prefix, int64_t classes, uint64_t seed)
{
    const torch::Tensor oldWeight = module.attr(prefix + "_weight").toTensor();
    if (oldWeight.size(0) == classes)
        return;
    std::vector<int64_t> shape = oldWeight.sizes().vec();
    shape[0] = classes;
    const int64_t fanIn = oldWeight.numel() / oldWeight.size(0);
    const double bound = 1.0 / std::sqrt(double(fanIn));
    at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    module.setattr(prefix + "_weight", torch::empty(shape).uniform_(-bound, bound, generator).requires_grad_());
    module.setattr(prefix + "_bias", torch::empty({classes}).uniform_(-bound, bound, generator).requires_grad_());
}

} // namespace

const char* optimizerName(Optimizer optimizer)
{
    switch (optimizer) {
    case Optimizer::AdamW:
        return "adamw";
    case Optimizer::Sgd:
        return "sgd";
    case Optimizer::Adam:
        break;
    }
    return "adam";
}

double scheduledLearningRate(const TrainingSettings& s, int epoch)
{
    switch (s.schedule) {
    case Schedule::Cosine:
        return s.learningRate * 0.5 * (1.0 + std::cos(M_PI * double(epoch - 1) / double(std::max(1, s.epochs))));
    case Schedule::Step:
        return s.learningRate * std::pow(0.1, double((epoch - 1) / std::max(1, s.stepEpochs)));
    case Schedule::Constant:
        break;
    }
    return s.learningRate;
}

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const std::vector<torch::Tensor>& parameters,
                                                       const TrainingSettings& s)
{
    switch (s.optimizer) {
    case Optimizer::AdamW:
        return std::make_unique<torch::optim::AdamW>(
            parameters, torch::optim::AdamWOptions(s.learningRate).weight_decay(s.weightDecay));
    case Optimizer::Sgd:
        return std::make_unique<torch::optim::SGD>(
            parameters, torch::optim::SGDOptions(s.learningRate).momentum(s.momentum).weight_decay(s.weightDecay));
    case Optimizer::Adam:
        break;
    }
    return std::make_unique<torch::optim::Adam>(parameters,
                                                torch::optim::AdamOptions(s.learningRate).weight_decay(s.weightDecay));
}

std::string stateFilePath(const std::string& checkpointPath)
{
    return checkpointPath + ".state";
}

bool monitorMaximised(const std::string& monitor)
{
    return monitor != "val_loss";
}

void checkSettings(const TrainingData& data, const TrainingSettings& s)
{
    const auto fail = [](const std::string& problem) { throw ModelError("training: " + problem); };
    if (s.outputPath.empty())
        fail("no output path");
    if (data.train.empty() || data.validation.empty())
        fail("needs at least one training and one validation sample");
    if (s.epochs < 1 || s.batchSize < 1 || s.patchesPerSample < 1 || s.baseFilters < 1)
        fail("epochs, batch size, patches per sample and base filters must be positive");
    if (!(s.learningRate > 0.0) || !(s.weightDecay >= 0.0) || !(s.momentum >= 0.0))
        fail("the learning rate must be positive, weight decay and momentum not negative");
    if (!(s.foregroundFraction >= 0.0 && s.foregroundFraction <= 1.0))
        fail("the foreground fraction must be in [0, 1]");
    if (!(s.dropout >= 0.0 && s.dropout < 1.0))
        fail("dropout must be in [0, 1)");
    if (s.resume && s.checkpointPath.empty())
        fail("resuming needs a checkpoint path");
    const EarlyStopping& stop = s.earlyStopping;
    const bool segmentation = s.manifest.task == ModelTask::Segmentation;
    const std::string figure = segmentation ? "val_dice" : "val_accuracy";
    if (stop.patience < 0 || (stop.monitor != "val_loss" && stop.monitor != figure && (segmentation || stop.monitor != "val_auc")))
        fail("early stopping watches val_loss or " + figure + (segmentation ? "" : " or val_auc") + ", not \"" +
             stop.monitor + "\", with a patience of 0 or more epochs");
    validateManifest(s.manifest, "training: manifest");
    const size_t labels = s.manifest.output.labels.size();
    if (stop.monitor == "val_auc" && labels != 2)
        fail("early stopping on val_auc needs two classes (the AUC of the second); watch val_loss or val_accuracy");
    if (s.initialModel.empty()) {
        if (segmentation && !isSegmenterArchitecture(s.architecture))
            fail(s.architecture + " cannot be trained for segmentation (unet2d and unet3d segment)");
        if (!segmentation && !isClassifierArchitecture(s.architecture))
            fail(s.architecture + " cannot be trained for " + toString(s.manifest.task) +
                 " (simple-cnn, resnet18 and resnet34 classify)");
    }
    if (!segmentation && labels < 2)
        fail("a classifier needs at least two output labels");
    if (!s.classWeights.empty() && (s.classWeights.size() != labels || s.balanceClasses))
        fail("give one class weight per output label (" + std::to_string(labels) + "), or balance the classes, not both");
    for (double weight : s.classWeights)
        if (!(weight > 0.0))
            fail("class weights must be positive");
    if (s.distributed.worldSize < 1 || s.distributed.rank < 0 || s.distributed.rank >= s.distributed.worldSize)
        fail("the process rank must be in 0..WORLD_SIZE-1");
}

std::vector<int64_t> networkInputSize(const Manifest& manifest)
{
    std::vector<int> size = !manifest.input.patchSize.empty() ? manifest.input.patchSize : manifest.input.size;
    if (size.empty() && manifest.slidingWindow)
        size = manifest.slidingWindow->roi;
    for (int side : size)
        if (side < 4 || side % 4 != 0)
            throw ModelError("training: input sides must be multiples of 4, got " + std::to_string(side));
    return {size.begin(), size.end()};
}

torch::jit::Module initialNetwork(const TrainingSettings& s, int64_t classes, std::string& architecture)
{
    const Manifest& m = s.manifest;
    if (s.initialModel.empty()) {
        architecture = s.architecture;
        ArchitectureOptions options;
        options.dims = m.dims;
        options.inChannels = m.input.channels;
        options.classes = int(classes);
        options.baseFilters = s.baseFilters;
        options.batchNorm = s.batchNorm;
        options.dropout = s.dropout;
        options.seed = s.seed;
        return buildArchitecture(s.architecture, options);
    }
    ModelPackage package = loadModelPackage(s.initialModel);
    const Manifest& base = package.manifest;
    if (base.task != m.task || base.dims != m.dims || base.input.channels != m.input.channels)
        throw ModelError(s.initialModel + ": a " + std::to_string(base.dims) + "-D " + toString(base.task) +
                         " model of " + std::to_string(base.input.channels) + " channel(s) cannot be fine-tuned into a " +
                         std::to_string(m.dims) + "-D " + toString(m.task) + " model of " +
                         std::to_string(m.input.channels) + " channel(s)");
    architecture = "fine-tuned " + base.name;
    if (!base.trainingJson.empty()) {
        const nlohmann::json training = nlohmann::json::parse(base.trainingJson, nullptr, false);
        if (training.is_object() && training.contains("architecture") && training["architecture"].is_string())
            architecture = training["architecture"].get<std::string>();
    }
    try {
        replaceHead(package.module, headPrefix(package.module), classes, s.seed);
    } catch (const ModelError& e) {
        throw ModelError(s.initialModel + ": its output layer cannot be replaced (" + e.what() + ')');
    }
    return package.module;
}

std::vector<int64_t> counts(const torch::Tensor& bincount)
{
    const torch::Tensor values = bincount.to(torch::kCPU, torch::kInt64).contiguous();
    return {values.data_ptr<int64_t>(), values.data_ptr<int64_t>() + values.numel()};
}

NamedTensors copyState(const torch::jit::Module& module)
{
    NamedTensors state;
    for (const auto& p : module.named_parameters())
        state.emplace_back(p.name, p.value.detach().clone());
    for (const auto& b : module.named_buffers())
        state.emplace_back(b.name, b.value.detach().clone());
    return state;
}

void restoreState(torch::jit::Module& module, const NamedTensors& state)
{
    torch::NoGradGuard noGrad;
    std::map<std::string, torch::Tensor> byName(state.begin(), state.end());
    const auto restore = [&byName](const std::string& name, torch::Tensor target) {
        const auto found = byName.find(name);
        if (found == byName.end() || found->second.sizes() != target.sizes())
            throw ModelError("training: the checkpoint does not fit the network (" + name + ')');
        target.copy_(found->second);
    };
    for (const auto& p : module.named_parameters())
        restore(p.name, p.value);
    for (const auto& b : module.named_buffers())
        restore(b.name, b.value);
}

void writeTrainingState(const std::string& path, torch::optim::Optimizer& optimizer, const TrainingState& state)
{
    writeFileAtomically(path, "training state", [&](const std::string& file) {
        torch::serialize::OutputArchive archive;
        torch::serialize::OutputArchive optimizerArchive;
        optimizer.save(optimizerArchive);
        archive.write("optimizer", optimizerArchive);
        for (const auto& [name, value] : state.weights)
            archive.write("weights/" + name, value, true);
        for (const auto& [name, value] : state.best)
            archive.write("best/" + name, value, true);
        archive.write("history", c10::IValue(state.history));
        archive.save_to(file);
    });
}

TrainingState readTrainingState(const std::string& path, torch::optim::Optimizer& optimizer)
{
    TrainingState state;
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path);
        torch::serialize::InputArchive optimizerArchive;
        archive.read("optimizer", optimizerArchive);
        optimizer.load(optimizerArchive);
        const auto read = [&archive](const std::string& prefix, NamedTensors& into) {
            for (const std::string& key : archive.keys())
                if (key.rfind(prefix, 0) == 0) {
                    torch::Tensor value;
                    archive.read(key, value, true);
                    into.emplace_back(key.substr(prefix.size()), value);
                }
        };
        read("weights/", state.weights);
        read("best/", state.best);
        c10::IValue history;
        archive.read("history", history);
        state.history = history.toStringRef();
    } catch (const std::exception& e) {
        throw ModelError(path + ": cannot resume from this training state (" + std::string(e.what()).substr(0, 200) +
                         ')');
    }
    return state;
}

} // namespace radpath::ai

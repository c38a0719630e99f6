// The training loop shared by both tasks (epochs, optimiser, checkpoints, reports, export),
// with the task-specific parts (batches, loss, validation) in ClassificationRun and
// SegmentationRun.

#include "Trainer.h"

#include "Architectures.h"
#include "Metrics.h"
#include "ModelPackage.h"
#include "SlidingWindow.h"
#include "TrainingEvaluation.h"
#include "TrainingSamples.h"

#include "radpath/ai/ModelError.h"

#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <memory>

namespace fs = std::filesystem;

namespace radpath::ai {
namespace {

void checkCancelled(const CancelToken* cancel)
{
    if (cancel && cancel->isCancelled())
        throw Cancelled{};
}

std::string torchVersion()
{
    return std::to_string(TORCH_VERSION_MAJOR) + '.' + std::to_string(TORCH_VERSION_MINOR) + '.' +
           std::to_string(TORCH_VERSION_PATCH);
}

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

/// The learning rate of `epoch` (1-based): constant, cosine from the set rate down to 0 at
/// the end (SGDR without restarts), or step (× 0.1 every stepEpochs).
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

/// Beside the target and renamed, so a reader never sees half a checkpoint.
void saveCheckpoint(const torch::jit::Module& module, const std::string& path)
{
    const std::string temporary = path + ".partial";
    std::error_code error;
    try {
        module.save(temporary);
    } catch (const std::exception& e) {
        fs::remove(temporary, error);
        throw ModelError(path + ": cannot write the checkpoint (" + std::string(e.what()).substr(0, 200) + ')');
    }
    fs::rename(temporary, path, error);
    if (error) {
        fs::remove(temporary, error);
        throw ModelError(path + ": cannot write the checkpoint (" + error.message() + ')');
    }
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
    validateManifest(s.manifest, "training: manifest");
    const bool segmentation = s.manifest.task == ModelTask::Segmentation;
    if (segmentation != (s.architecture == "unet3d"))
        fail(s.architecture + " cannot be trained for " + toString(s.manifest.task) +
             " (simple-cnn classifies, unet3d segments)");
    if (!segmentation && s.manifest.output.labels.size() < 2)
        fail("a classifier needs at least two output labels");
}

/// The network's input: whole-image size, else patch, else sliding-window ROI; sides
/// divisible by 4 (two poolings by 2).
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

class TrainingRun {
public:
    TrainingRun(const TrainingData& data, const TrainingSettings& settings, const EpochCallback& onEpoch,
                const ProgressCallback& progress, const CancelToken* cancel)
        : m_data(data), m_settings(settings), m_manifest(settings.manifest), m_onEpoch(onEpoch), m_progress(progress),
          m_cancel(cancel),
          m_device(settings.device == Device::Cuda && torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0)
                                                                                  : torch::Device(torch::kCPU)),
          m_generator(at::make_generator<at::CPUGeneratorImpl>(settings.seed)),
          m_classes(int64_t(settings.manifest.output.labels.size())),
          m_sigmoid(settings.manifest.output.activation == ManifestOutput::Activation::Sigmoid),
          m_inputSize(networkInputSize(settings.manifest))
    {
        ArchitectureOptions options;
        options.dims = m_manifest.dims;
        options.inChannels = m_manifest.input.channels;
        options.classes = int(m_classes);
        options.baseFilters = settings.baseFilters;
        options.seed = settings.seed;
        m_module = buildArchitecture(settings.architecture, options);
        m_module.to(m_device);
    }
    virtual ~TrainingRun() = default;

    TrainingOutcome run()
    {
        std::vector<torch::Tensor> parameters;
        for (const torch::Tensor& p : m_module.parameters())
            parameters.push_back(p);
        const auto optimizer = makeOptimizer(parameters, m_settings);
        TrainingOutcome outcome;
        for (int epoch = 1; epoch <= m_settings.epochs; ++epoch) {
            for (auto& group : optimizer->param_groups())
                group.options().set_lr(scheduledLearningRate(m_settings, epoch));
            outcome.epochs.push_back(runEpoch(epoch, *optimizer));
            if (m_onEpoch)
                m_onEpoch(outcome.epochs.back());
        }
        m_module.eval();
        m_module.to(torch::kCPU);
        reportProgress(1.0, "saving");
        saveModelPackage(m_module, finalManifest(outcome), m_settings.outputPath);
        outcome.packagePath = m_settings.outputPath;
        outcome.metrics = m_metrics;
        return outcome;
    }

protected:
    /// Examples per epoch (samples, or samples × patches).
    virtual int64_t examplesPerEpoch() const = 0;
    /// The augmented batch of examples `ids`, on the CPU: inputs and targets.
    virtual std::pair<torch::Tensor, torch::Tensor> trainingBatch(const std::vector<int64_t>& ids) = 0;
    virtual torch::Tensor loss(const torch::Tensor& logits, const torch::Tensor& targets) const = 0;
    /// Evaluates the model (in eval mode, no autograd): the report's validation fields and
    /// m_metrics.
    virtual void validate(EpochReport& report) = 0;
    /// Task-specific provenance: of the run, and of one epoch.
    virtual void describe(nlohmann::json& training) const = 0;
    virtual void describe(const EpochReport& epoch, nlohmann::json& entry) const = 0;

    torch::Tensor forward(const torch::Tensor& input) { return m_module.forward({input.to(m_device)}).toTensor(); }
    void reportProgress(double fraction, const std::string& stage) const
    {
        if (m_progress)
            m_progress(fraction, stage);
    }
    std::string epochText(int epoch) const
    {
        return "epoch " + std::to_string(epoch) + '/' + std::to_string(m_settings.epochs);
    }

    const TrainingData& m_data;
    const TrainingSettings& m_settings;
    const Manifest& m_manifest;
    const EpochCallback& m_onEpoch;
    const ProgressCallback& m_progress;
    const CancelToken* m_cancel;
    torch::Device m_device;
    at::Generator m_generator; ///< shuffling, patches and augmentation
    torch::jit::Module m_module;
    int64_t m_classes;
    bool m_sigmoid;
    std::vector<int64_t> m_inputSize;
    std::map<std::string, double> m_metrics; ///< of the latest validation

private:
    EpochReport runEpoch(int epoch, torch::optim::Optimizer& optimizer)
    {
        const auto started = std::chrono::steady_clock::now();
        EpochReport result;
        result.epoch = epoch;
        result.epochs = m_settings.epochs;
        result.trainLoss = trainEpoch(epoch, optimizer);

        reportProgress(double(epoch) / m_settings.epochs, "validating, " + epochText(epoch));
        m_module.eval();
        {
            torch::NoGradGuard noGrad;
            validate(result);
        }
        if (!m_settings.checkpointPath.empty())
            saveCheckpoint(m_module, m_settings.checkpointPath);
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return result;
    }

    /// One pass over the shuffled examples; returns the mean loss per example.
    double trainEpoch(int epoch, torch::optim::Optimizer& optimizer)
    {
        m_module.train(true);
        const int64_t count = examplesPerEpoch();
        const torch::Tensor order = torch::randperm(count, m_generator, torch::kInt64);
        const int64_t batches = (count + m_settings.batchSize - 1) / m_settings.batchSize;
        double lossSum = 0.0;
        for (int64_t b = 0; b < batches; ++b) {
            checkCancelled(m_cancel);
            const int64_t first = b * m_settings.batchSize, last = std::min(count, first + m_settings.batchSize);
            const torch::Tensor slice = order.slice(0, first, last);
            const std::vector<int64_t> ids(slice.data_ptr<int64_t>(), slice.data_ptr<int64_t>() + slice.numel());
            const auto [inputs, targets] = trainingBatch(ids);

            optimizer.zero_grad();
            const torch::Tensor batchLoss = loss(forward(inputs), targets.to(m_device));
            batchLoss.backward();
            optimizer.step();
            lossSum += batchLoss.item<double>() * double(ids.size());
            reportProgress((epoch - 1 + double(b + 1) / double(batches)) / m_settings.epochs,
                           "training, " + epochText(epoch));
        }
        return lossSum / double(count);
    }

    Manifest finalManifest(const TrainingOutcome& outcome) const
    {
        Manifest manifest = m_manifest;
        manifest.saliency.gradCam = true;
        manifest.saliency.methods = {"grad-cam", "gradient", "smoothgrad", "occlusion"};
        manifest.metrics = m_metrics;
        manifest.trainingJson = provenance(outcome).dump();
        return manifest;
    }

    /// The manifest's "training" object: the caller's keys kept, these added.
    nlohmann::json provenance(const TrainingOutcome& outcome) const
    {
        nlohmann::json training = nlohmann::json::object();
        if (!m_manifest.trainingJson.empty())
            training = nlohmann::json::parse(m_manifest.trainingJson);
        const TrainingSettings& s = m_settings;
        training["architecture"] = s.architecture;
        training["base_filters"] = s.baseFilters;
        training["epochs"] = s.epochs;
        training["batch_size"] = s.batchSize;
        training["learning_rate"] = s.learningRate;
        training["optimizer"] = optimizerName(s.optimizer);
        training["schedule"] = s.schedule == Schedule::Cosine ? "cosine" : s.schedule == Schedule::Step ? "step" : "constant";
        training["weight_decay"] = s.weightDecay;
        if (s.optimizer == Optimizer::Sgd)
            training["momentum"] = s.momentum;
        training["seed"] = s.seed;
        training["train_samples"] = m_data.train.size();
        training["validation_samples"] = m_data.validation.size();
        training["augmentation"] = {{"flips", s.augmentation.flips},
                                    {"rotate90", s.augmentation.rotate90},
                                    {"intensity_scale", s.augmentation.intensityScale},
                                    {"intensity_shift", s.augmentation.intensityShift},
                                    {"noise_std", s.augmentation.noiseStd}};
        describe(training);
        training["device"] = m_device.str();
        training["torch_version"] = torchVersion();
        if (!s.command.empty())
            training["command"] = s.command;
        nlohmann::json history = nlohmann::json::array();
        for (const EpochReport& e : outcome.epochs) {
            nlohmann::json entry{
                {"epoch", e.epoch}, {"train_loss", e.trainLoss}, {"validation_loss", e.validationLoss}};
            describe(e, entry);
            history.push_back(entry);
        }
        training["history"] = history;
        return training;
    }
};

// --- Classification -------------------------------------------------------------------------

class ClassificationRun final : public TrainingRun {
public:
    using TrainingRun::TrainingRun;

    void prepare()
    {
        m_train = classificationSet(m_data.train, m_manifest, m_inputSize, "training sample");
        m_validation = classificationSet(m_data.validation, m_manifest, m_inputSize, "validation sample");
    }

protected:
    int64_t examplesPerEpoch() const override { return m_train.images.size(0); }

    std::pair<torch::Tensor, torch::Tensor> trainingBatch(const std::vector<int64_t>& ids) override
    {
        std::vector<torch::Tensor> images;
        std::vector<int64_t> labels;
        for (int64_t id : ids) {
            images.push_back(augment({m_train.images[id], {}}, m_settings.augmentation, m_generator).image);
            labels.push_back(m_train.labels[id].item<int64_t>());
        }
        return {torch::stack(images), torch::tensor(labels, torch::kInt64)};
    }

    torch::Tensor loss(const torch::Tensor& logits, const torch::Tensor& targets) const override
    {
        return classificationLoss(logits, targets, m_sigmoid);
    }

    void validate(EpochReport& report) override
    {
        const int64_t count = m_validation.images.size(0);
        std::vector<int> truth, predicted;
        std::vector<std::vector<double>> scores(static_cast<size_t>(m_classes)); // [class][sample]
        double lossSum = 0.0;
        for (int64_t first = 0; first < count; first += m_settings.batchSize) {
            checkCancelled(m_cancel);
            const int64_t n = std::min<int64_t>(m_settings.batchSize, count - first);
            const torch::Tensor labels = m_validation.labels.narrow(0, first, n);
            const torch::Tensor logits = forward(m_validation.images.narrow(0, first, n));
            lossSum += loss(logits, labels.to(m_device)).item<double>() * double(n);
            const torch::Tensor probabilities =
                (m_sigmoid ? torch::sigmoid(logits) : torch::softmax(logits, 1)).to(torch::kCPU, torch::kFloat64);
            const torch::Tensor best = logits.argmax(1).to(torch::kCPU);
            for (int64_t i = 0; i < n; ++i) {
                truth.push_back(int(labels[i].item<int64_t>()));
                predicted.push_back(int(best[i].item<int64_t>()));
                for (int64_t c = 0; c < m_classes; ++c)
                    scores[size_t(c)].push_back(probabilities[i][c].item<double>());
            }
        }
        report.validationLoss = lossSum / double(count);
        report.validationAccuracy = accuracy(truth, predicted);
        m_metrics = classificationMetrics(truth, predicted, scores);
        // Two classes: the last class is the positive one, as in the article's probs[:, 1].
        report.validationAuc = m_classes == 2 ? rocAuc(truth, scores[1], 1) : 0.0;
    }

    void describe(nlohmann::json&) const override {}
    void describe(const EpochReport& epoch, nlohmann::json& entry) const override
    {
        entry["validation_accuracy"] = epoch.validationAccuracy;
        if (m_classes == 2)
            entry["validation_auc"] = epoch.validationAuc;
    }

private:
    ClassificationSet m_train, m_validation;
};

// --- Segmentation ---------------------------------------------------------------------------

class SegmentationRun final : public TrainingRun {
public:
    using TrainingRun::TrainingRun;

    void prepare()
    {
        m_train = segmentationVolumes(m_data.train, m_manifest, m_inputSize, "training sample");
        m_validation = segmentationVolumes(m_data.validation, m_manifest, m_inputSize, "validation sample");
        for (const ManifestLabel& label : m_manifest.output.labels) {
            m_channelLabels.push_back(label.index);
            if (label.index != 0)
                m_foreground.push_back(uint16_t(label.index));
        }
    }

protected:
    int64_t examplesPerEpoch() const override { return int64_t(m_train.size()) * m_settings.patchesPerSample; }

    std::pair<torch::Tensor, torch::Tensor> trainingBatch(const std::vector<int64_t>& ids) override
    {
        std::vector<torch::Tensor> images, targets;
        for (int64_t id : ids) {
            const SegmentationVolume& volume = m_train[size_t(id / m_settings.patchesPerSample)];
            Example patch = randomPatch(volume, m_inputSize, m_settings.foregroundFraction, m_generator);
            patch = augment(std::move(patch), m_settings.augmentation, m_generator);
            images.push_back(patch.image);
            targets.push_back(patch.targets);
        }
        return {torch::stack(images), torch::stack(targets)};
    }

    torch::Tensor loss(const torch::Tensor& logits, const torch::Tensor& targets) const override
    {
        return segmentationLoss(logits, targets, m_sigmoid);
    }

    // Whole validation volumes by sliding windows, as the engine will segment them.
    void validate(EpochReport& report) override
    {
        const SlidingWindow window = slidingWindow();
        const std::vector<int64_t> roi(window.roi.begin(), window.roi.end());
        const BlendMode mode = window.mode == SlidingWindow::Mode::Gaussian ? BlendMode::Gaussian : BlendMode::Constant;
        const Predictor predictor = [this](const torch::Tensor& x) { return forward(x); };
        double lossSum = 0.0, diceSum = 0.0;
        for (const SegmentationVolume& volume : m_validation) {
            const torch::Tensor logits =
                slidingWindowInference(volume.image.unsqueeze(0).to(m_device), roi, window.overlap, mode,
                                       window.sigmaScale, window.batch, predictor, {}, m_cancel);
            lossSum += loss(logits, volume.targets.unsqueeze(0).to(m_device)).item<double>();
            diceSum += meanDice(volume.labels, predictedLabels(logits[0], m_channelLabels, m_sigmoid));
        }
        report.validationLoss = lossSum / double(m_validation.size());
        report.validationDice = diceSum / double(m_validation.size());
        m_metrics = {{"dice", report.validationDice}};
    }

    void describe(nlohmann::json& training) const override
    {
        training["patches_per_sample"] = m_settings.patchesPerSample;
        training["foreground_fraction"] = m_settings.foregroundFraction;
    }
    void describe(const EpochReport& epoch, nlohmann::json& entry) const override
    {
        entry["validation_dice"] = epoch.validationDice;
    }

private:
    /// The manifest's sliding window, else one of the patch size without overlap.
    SlidingWindow slidingWindow() const
    {
        if (m_manifest.slidingWindow)
            return *m_manifest.slidingWindow;
        SlidingWindow window;
        window.roi.assign(m_inputSize.begin(), m_inputSize.end());
        window.overlap = 0.0;
        return window;
    }

    /// Mean Dice over the foreground labels (1 when there are none).
    double meanDice(const std::vector<uint16_t>& truth, const std::vector<uint16_t>& predicted) const
    {
        if (m_foreground.empty())
            return 1.0;
        double sum = 0.0;
        for (uint16_t label : m_foreground)
            sum += dice(truth, predicted, label);
        return sum / double(m_foreground.size());
    }

    std::vector<SegmentationVolume> m_train, m_validation;
    std::vector<int> m_channelLabels; ///< label index of each output channel
    std::vector<uint16_t> m_foreground;
};

template <typename Run>
TrainingOutcome runTask(const TrainingData& data, const TrainingSettings& settings, const EpochCallback& onEpoch,
                        const ProgressCallback& progress, const CancelToken* cancel)
{
    Run run(data, settings, onEpoch, progress, cancel);
    run.prepare();
    return run.run();
}

} // namespace

TrainingOutcome trainModel(const TrainingData& data, const TrainingSettings& settings, const EpochCallback& onEpoch,
                           const ProgressCallback& progress, const CancelToken* cancel)
{
    checkSettings(data, settings);
    if (settings.threads > 0)
        torch::set_num_threads(settings.threads);
    // Dropout draws from the global generator; the rest from the run's own.
    torch::manual_seed(settings.seed);
    if (settings.manifest.task == ModelTask::Segmentation)
        return runTask<SegmentationRun>(data, settings, onEpoch, progress, cancel);
    return runTask<ClassificationRun>(data, settings, onEpoch, progress, cancel);
}

} // namespace radpath::ai

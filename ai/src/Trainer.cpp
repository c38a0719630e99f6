// The training loop shared by both tasks (epochs, optimiser, checkpoints, early stopping,
// process groups, reports, export), with the task-specific parts (batches, loss, validation)
// in ClassificationRun and SegmentationRun.

#include "Trainer.h"

#include "Architectures.h"
#include "Metrics.h"
#include "ModelPackage.h"
#include "ProcessGroup.h"
#include "SlidingWindow.h"
#include "TrainingEvaluation.h"
#include "TrainingSamples.h"
#include "TrainingSetup.h"

#include "radpath/ai/ModelError.h"

#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>
#include <torch/csrc/jit/runtime/graph_executor.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <future>
#include <memory>
#include <numeric>

namespace fs = std::filesystem;

namespace radpath::ai {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

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

class TrainingRun {
public:
    TrainingRun(const TrainingData& data, const TrainingSettings& settings, const EpochCallback& onEpoch,
                const ProgressCallback& progress, const CancelToken* cancel)
        : m_data(data), m_settings(settings), m_manifest(settings.manifest), m_onEpoch(onEpoch), m_progress(progress),
          m_cancel(cancel),
          m_device(settings.device == Device::Cuda && torch::cuda::is_available()
                       ? torch::Device(torch::kCUDA, int8_t(settings.distributed.localRank))
                       : torch::Device(torch::kCPU)),
          m_generator(at::make_generator<at::CPUGeneratorImpl>(settings.seed)),
          m_classes(int64_t(settings.manifest.output.labels.size())),
          m_sigmoid(settings.manifest.output.activation == ManifestOutput::Activation::Sigmoid),
          m_inputSize(networkInputSize(settings.manifest))
    {
        m_module = initialNetwork(settings, m_classes, m_architecture);
        m_module.to(m_device);
        freezeParameters();
        if (settings.distributed.worldSize > 1)
            m_group = std::make_unique<ProcessGroup>(settings.distributed, m_device);
    }
    virtual ~TrainingRun() = default;

    TrainingOutcome run()
    {
        // The TorchScript executor's graph optimisations pay off for inference; in training
        // its differentiable subgraphs ran ~10 % slower than the operators' own autograd
        // (radpath-bench train).
        const torch::jit::GraphOptimizerEnabledGuard plainAutograd(false);
        const auto optimizer = makeOptimizer(m_trainable, m_settings);
        TrainingOutcome outcome;
        if (m_settings.resume)
            resume(*optimizer, outcome);
        if (m_group) {
            checkRanksAgree(int64_t(outcome.epochs.size()));
            synchronise(true);
        }
        int sinceBest = outcome.epochs.empty() ? 0 : outcome.epochs.back().epoch - outcome.bestEpoch;
        for (int epoch = int(outcome.epochs.size()) + 1; epoch <= m_settings.epochs; ++epoch) {
            if (m_settings.earlyStopping.patience > 0 && sinceBest >= m_settings.earlyStopping.patience) {
                outcome.stoppedEarly = true;
                break;
            }
            startEpoch(epoch, *optimizer);
            EpochReport report = runEpoch(epoch, *optimizer);
            if (!std::isfinite(report.trainLoss))
                throw ModelError("training: the loss is no longer a number at epoch " + std::to_string(epoch) +
                                 " (the run diverged): try a smaller learning rate" +
                                 (m_settings.checkpointPath.empty() ? std::string()
                                                                    : "; the checkpoint holds the epoch before"));
            report.best = improves(report, outcome);
            if (report.best) {
                outcome.bestEpoch = epoch;
                if (m_settings.earlyStopping.patience > 0)
                    m_bestState = copyState(m_module);
                m_bestMetrics = m_metrics;
                sinceBest = 0;
            } else {
                ++sinceBest;
            }
            outcome.epochs.push_back(report);
            if (!m_settings.checkpointPath.empty() && isWriter())
                saveCheckpoint(*optimizer, outcome);
            if (m_onEpoch && isWriter())
                m_onEpoch(outcome.epochs.back());
        }
        // With early stopping the package gets the best epoch's weights, else the last's (also
        // when no epoch had a validation figure to compare).
        if (m_settings.earlyStopping.patience == 0 || outcome.bestEpoch == 0) {
            outcome.bestEpoch = outcome.epochs.back().epoch;
        } else if (outcome.bestEpoch != outcome.epochs.back().epoch) {
            restoreState(m_module, m_bestState);
            m_metrics = m_bestMetrics;
        }
        m_module.eval();
        m_module.to(torch::kCPU);
        outcome.metrics = m_metrics;
        if (isWriter()) {
            reportProgress(1.0, "saving");
            saveModelPackage(m_module, finalManifest(outcome), m_settings.outputPath);
            outcome.packagePath = m_settings.outputPath;
        }
        return outcome;
    }

protected:
    /// Examples per epoch (samples, or samples × patches).
    virtual int64_t examplesPerEpoch() const = 0;
    /// The augmented batch of examples `ids`, on the CPU: inputs and targets. Called from a
    /// worker thread while the previous batch trains (never two at once).
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
        if (m_progress && isWriter())
            m_progress(fraction, stage);
    }
    std::string epochText(int epoch) const
    {
        return "epoch " + std::to_string(epoch) + '/' + std::to_string(m_settings.epochs);
    }
    /// Loss weights per output channel from the settings, or balanced from `counts` (training
    /// examples per output index); undefined when all are 1.
    void setClassWeights(const std::vector<int64_t>& counts)
    {
        std::vector<double> weights = m_settings.classWeights;
        if (m_settings.balanceClasses) {
            const double total = double(std::accumulate(counts.begin(), counts.end(), int64_t(0)));
            for (int64_t count : counts)
                weights.push_back(count > 0 ? total / (double(counts.size()) * double(count)) : 0.0);
        }
        if (!weights.empty())
            m_classWeights = torch::tensor(weights, torch::kFloat32).to(m_device);
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
    torch::Tensor m_classWeights;            ///< [K] or undefined
    std::map<std::string, double> m_metrics; ///< of the latest validation

private:
    bool isWriter() const { return !m_group || m_group->rank() == 0; }

    /// Marks frozen parameters and collects the trainable ones for the optimiser.
    void freezeParameters()
    {
        const std::string head = m_settings.freezeFeatures ? headPrefix(m_module) : std::string();
        for (const auto& p : m_module.named_parameters()) {
            bool frozen = m_settings.freezeFeatures && !inLayer(p.name, head);
            for (const std::string& layer : m_settings.freeze)
                frozen = frozen || inLayer(p.name, layer);
            p.value.requires_grad_(!frozen);
            if (frozen)
                ++m_frozenCount;
            else
                m_trainable.push_back(p.value);
        }
        // Batch-norm statistics of frozen layers stay as the package had them too (the module
        // trains as a whole, so they are put back after every step).
        for (const auto& b : m_module.named_buffers()) {
            bool frozen = m_settings.freezeFeatures && !inLayer(b.name, head);
            for (const std::string& layer : m_settings.freeze)
                frozen = frozen || inLayer(b.name, layer);
            if (frozen)
                m_frozenBuffers.emplace_back(b.value, b.value.detach().clone());
        }
        if (m_trainable.empty())
            throw ModelError("training: every parameter is frozen; nothing would be trained");
    }

    /// Every epoch starts from its own seeds, so that a run resumed at any epoch goes on
    /// exactly as the uninterrupted one (dropout draws from the global generator).
    void startEpoch(int epoch, torch::optim::Optimizer& optimizer)
    {
        const uint64_t seed = m_settings.seed * 1000003ULL + uint64_t(epoch);
        m_generator.set_current_seed(seed);
        torch::manual_seed(seed + uint64_t(m_group ? m_group->rank() : 0) * 7919ULL);
        for (auto& group : optimizer.param_groups())
            group.options().set_lr(scheduledLearningRate(m_settings, epoch));
    }

    bool improves(const EpochReport& report, const TrainingOutcome& outcome) const
    {
        const auto value = [this](const EpochReport& r) {
            const std::string& monitor = m_settings.earlyStopping.monitor;
            return monitor == "val_accuracy" ? r.validationAccuracy
                   : monitor == "val_auc"    ? r.validationAuc
                   : monitor == "val_dice"   ? r.validationDice
                                             : r.validationLoss;
        };
        if (!std::isfinite(value(report)))
            return false; // e.g. no AUC: validation held one class
        if (outcome.bestEpoch == 0)
            return true;
        const double best = value(outcome.epochs[size_t(outcome.bestEpoch - 1)]);
        const double delta = m_settings.earlyStopping.minDelta;
        return monitorMaximised(m_settings.earlyStopping.monitor) ? value(report) > best + delta
                                                                  : value(report) < best - delta;
    }

    EpochReport runEpoch(int epoch, torch::optim::Optimizer& optimizer)
    {
        const auto started = Clock::now();
        EpochReport result;
        result.epoch = epoch;
        result.epochs = m_settings.epochs;
        result.learningRate = scheduledLearningRate(m_settings, epoch);
        trainEpoch(epoch, optimizer, result);
        result.trainSeconds = secondsSince(started);

        reportProgress(double(epoch) / m_settings.epochs, "validating, " + epochText(epoch));
        if (m_group)
            synchronise(false);
        m_module.eval();
        {
            torch::NoGradGuard noGrad;
            validate(result);
        }
        result.seconds = secondsSince(started);
        return result;
    }

    /// The examples of global batch `b` that this process trains on: the whole batch alone,
    /// its rank's share in a group (a process's `batchSize` of each global batch of
    /// batchSize × ranks).
    std::vector<int64_t> batchIds(const torch::Tensor& order, int64_t b, int64_t& globalCount) const
    {
        const int64_t ranks = m_group ? m_group->size() : 1, rank = m_group ? m_group->rank() : 0;
        const int64_t global = m_settings.batchSize * ranks, count = order.size(0);
        const int64_t first = b * global, last = std::min(count, first + global);
        globalCount = last - first;
        const int64_t share = (globalCount + ranks - 1) / ranks;
        const int64_t from = std::min(last, first + rank * share), to = std::min(last, from + share);
        const torch::Tensor slice = order.slice(0, from, to);
        return {slice.data_ptr<int64_t>(), slice.data_ptr<int64_t>() + slice.numel()};
    }

    /// One pass over the shuffled examples; the next batch is assembled and augmented on a
    /// worker thread while this one trains. Sets the report's mean loss per example and its
    /// time spent waiting for batches and in steps.
    void trainEpoch(int epoch, torch::optim::Optimizer& optimizer, EpochReport& report)
    {
        m_module.train(true);
        const int64_t count = examplesPerEpoch();
        const torch::Tensor order = torch::randperm(count, m_generator, torch::kInt64);
        const int64_t global = m_settings.batchSize * (m_group ? m_group->size() : 1);
        const int64_t batches = (count + global - 1) / global;
        std::vector<int64_t> globalCounts(static_cast<size_t>(batches));
        const auto prepare = [&](int64_t b) {
            std::vector<int64_t> ids = batchIds(order, b, globalCounts[size_t(b)]);
            return std::async(std::launch::async, [this, ids = std::move(ids)] {
                return ids.empty() ? std::pair<torch::Tensor, torch::Tensor>() : trainingBatch(ids);
            });
        };
        auto next = prepare(0);
        torch::Tensor lossSum = torch::zeros({1}, torch::kFloat64);
        for (int64_t b = 0; b < batches; ++b) {
            const auto waiting = Clock::now();
            const auto [inputs, targets] = next.get();
            report.dataWaitSeconds += secondsSince(waiting);
            checkCancelled(m_cancel);
            if (b + 1 < batches)
                next = prepare(b + 1);

            const auto stepping = Clock::now();
            optimizer.zero_grad();
            if (inputs.defined()) {
                // The mean over this process's examples, weighted by their share of the
                // global batch, so that summed gradients are the global batch's mean.
                const double share = double(inputs.size(0)) / double(globalCounts[size_t(b)]);
                const torch::Tensor batchLoss = loss(forward(inputs), targets.to(m_device));
                (batchLoss * share).backward();
                lossSum += batchLoss.detach().to(torch::kCPU, torch::kFloat64) * double(inputs.size(0));
            }
            if (m_group)
                averageGradients();
            optimizer.step();
            keepFrozenBuffers();
            report.stepSeconds += secondsSince(stepping);
            reportProgress((epoch - 1 + double(b + 1) / double(batches)) / m_settings.epochs,
                           "training, " + epochText(epoch));
        }
        if (m_group)
            m_group->allreduceSum(lossSum);
        report.trainLoss = lossSum.item<double>() / double(count);
    }

    void keepFrozenBuffers()
    {
        torch::NoGradGuard noGrad;
        for (auto& [live, kept] : m_frozenBuffers)
            live.copy_(kept);
    }

    /// Every rank must go on from the same epoch (resuming reads the checkpoint on each: it
    /// must lie where all can read it); else their collectives would never meet.
    void checkRanksAgree(int64_t epochsDone)
    {
        torch::Tensor done = torch::tensor({epochsDone, int64_t(1)}, torch::kInt64);
        m_group->allreduceSum(done);
        if (done[0].item<int64_t>() != epochsDone * m_group->size())
            throw ModelError("distributed training: the processes resumed from different epochs (this one from " +
                             std::to_string(epochsDone) +
                             "); the checkpoint must be the same file for all, on storage every rank reads");
    }

    /// Sums the gradients of all processes (each already weighted by its share of the
    /// global batch) in one collective.
    void averageGradients()
    {
        std::vector<torch::Tensor> gradients;
        for (torch::Tensor& p : m_trainable) {
            if (!p.grad().defined())
                p.mutable_grad() = torch::zeros_like(p);
            gradients.push_back(p.grad().flatten());
        }
        torch::Tensor flat = torch::cat(gradients).to(torch::kCPU);
        m_group->allreduceSum(flat);
        int64_t offset = 0;
        for (torch::Tensor& p : m_trainable) {
            p.mutable_grad().copy_(flat.narrow(0, offset, p.numel()).view_as(p));
            offset += p.numel();
        }
    }

    /// Rank 0's parameters (at the start) or buffers (batch-norm statistics, after each
    /// epoch) to every process, so all validate and stop on the same model.
    void synchronise(bool parameters)
    {
        torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> tensors;
        if (parameters)
            for (const auto& p : m_module.named_parameters())
                tensors.push_back(p.value);
        for (const auto& b : m_module.named_buffers())
            tensors.push_back(b.value);
        for (torch::Tensor& t : tensors) {
            torch::Tensor cpu = t.to(torch::kCPU).contiguous();
            m_group->broadcast(cpu, 0);
            t.copy_(cpu);
        }
    }

    // A checkpoint is two files: the model at checkpointPath (TorchScript, loadable as is)
    // and the training state beside it, which alone is enough to resume: weights, optimiser,
    // history, the best epoch and its weights.
    void saveCheckpoint(torch::optim::Optimizer& optimizer, const TrainingOutcome& outcome)
    {
        const std::string path = m_settings.checkpointPath;
        writeFileAtomically(path, "checkpoint", [this](const std::string& file) { m_module.save(file); });
        writeTrainingState(stateFilePath(path), optimizer, {copyState(m_module), m_bestState, historyJson(outcome).dump()});
    }

    void resume(torch::optim::Optimizer& optimizer, TrainingOutcome& outcome)
    {
        const std::string path = stateFilePath(m_settings.checkpointPath);
        if (!fs::exists(path))
            return; // nothing saved yet: a fresh start
        TrainingState state = readTrainingState(path, optimizer);
        restoreState(m_module, state.weights);
        m_bestState = std::move(state.best);
        try {
            readHistory(nlohmann::json::parse(state.history), outcome);
        } catch (const ModelError&) {
            throw;
        } catch (const std::exception& e) {
            throw ModelError(path + ": cannot resume from this training state (" + std::string(e.what()).substr(0, 200) +
                             ')');
        }
        if (int(outcome.epochs.size()) > m_settings.epochs)
            throw ModelError(path + ": the checkpoint is of epoch " + std::to_string(outcome.epochs.size()) +
                             ", past the " + std::to_string(m_settings.epochs) + " epochs asked for");
    }

    nlohmann::json historyJson(const TrainingOutcome& outcome) const
    {
        nlohmann::json epochs = nlohmann::json::array();
        for (const EpochReport& e : outcome.epochs)
            epochs.push_back({{"epoch", e.epoch},
                              {"train_loss", e.trainLoss},
                              {"validation_loss", e.validationLoss},
                              {"validation_accuracy", e.validationAccuracy},
                              {"validation_auc", e.validationAuc},
                              {"validation_dice", e.validationDice},
                              {"learning_rate", e.learningRate},
                              {"seconds", e.seconds},
                              {"best", e.best}});
        return {{"epochs", epochs},
                {"best_epoch", outcome.bestEpoch},
                {"best_metrics", m_bestMetrics},
                {"metrics", m_metrics},
                {"fingerprint", fingerprint()}};
    }

    /// What must not change between a run and its resumption: the data, the network and the
    /// batches (the epoch count and learning rate may).
    nlohmann::json fingerprint() const
    {
        return {{"train_samples", m_data.train.size()},
                {"validation_samples", m_data.validation.size()},
                {"outputs", m_classes},
                {"architecture", m_architecture},
                {"seed", m_settings.seed},
                {"batch_size", m_settings.batchSize},
                {"processes", m_group ? m_group->size() : 1}};
    }

    void readHistory(const nlohmann::json& history, TrainingOutcome& outcome)
    {
        const nlohmann::json now = fingerprint(), then = history.value("fingerprint", nlohmann::json::object());
        for (const auto& [key, value] : now.items())
            if (then.contains(key) && then[key] != value)
                throw ModelError(stateFilePath(m_settings.checkpointPath) +
                                 ": the checkpoint was made with other data or settings (" + key + ' ' +
                                 then[key].dump() + " then, " + value.dump() + " now); start a new run");
        for (const nlohmann::json& e : history.at("epochs")) {
            EpochReport report;
            report.epoch = e.at("epoch");
            report.epochs = m_settings.epochs;
            report.trainLoss = e.at("train_loss");
            report.validationLoss = e.at("validation_loss");
            report.validationAccuracy = e.at("validation_accuracy");
            report.validationAuc = e.at("validation_auc");
            report.validationDice = e.at("validation_dice");
            report.learningRate = e.at("learning_rate");
            report.seconds = e.at("seconds");
            report.best = e.at("best");
            outcome.epochs.push_back(report);
        }
        outcome.bestEpoch = history.at("best_epoch");
        m_bestMetrics = history.at("best_metrics").get<std::map<std::string, double>>();
        m_metrics = history.at("metrics").get<std::map<std::string, double>>();
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
        training["architecture"] = m_architecture;
        if (!s.initialModel.empty()) {
            training["fine_tuned_from"] = fs::path(s.initialModel).filename().string();
            training["frozen_parameters"] = m_frozenCount;
        } else {
            training["base_filters"] = s.baseFilters;
        }
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
        const Augmentation& a = s.augmentation;
        training["augmentation"] = {{"flips", a.flips},
                                    {"rotate90", a.rotate90},
                                    {"rotation_degrees", a.rotationDegrees},
                                    {"scale", a.scale},
                                    {"intensity_scale", a.intensityScale},
                                    {"intensity_shift", a.intensityShift},
                                    {"contrast", a.contrast},
                                    {"noise_std", a.noiseStd},
                                    {"elastic", a.elastic}};
        if (m_classWeights.defined()) {
            const torch::Tensor weights = m_classWeights.to(torch::kCPU, torch::kFloat64).contiguous();
            training["class_weights"] = std::vector<double>(weights.data_ptr<double>(), weights.data_ptr<double>() + weights.numel());
        }
        if (s.earlyStopping.patience > 0)
            training["early_stopping"] = {{"monitor", s.earlyStopping.monitor},
                                          {"patience", s.earlyStopping.patience},
                                          {"stopped_early", outcome.stoppedEarly}};
        training["best_epoch"] = outcome.bestEpoch;
        if (m_group)
            training["processes"] = m_group->size();
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

    std::string m_architecture;          ///< for the provenance
    std::vector<torch::Tensor> m_trainable;
    int m_frozenCount = 0;
    std::unique_ptr<ProcessGroup> m_group;
    std::vector<std::pair<torch::Tensor, torch::Tensor>> m_frozenBuffers; ///< live, as loaded
    NamedTensors m_bestState;
    std::map<std::string, double> m_bestMetrics;
};

// --- Classification -------------------------------------------------------------------------

class ClassificationRun final : public TrainingRun {
public:
    using TrainingRun::TrainingRun;

    void prepare()
    {
        m_train = classificationSet(m_data.train, m_manifest, m_inputSize, "training sample");
        m_validation = classificationSet(m_data.validation, m_manifest, m_inputSize, "validation sample");
        setClassWeights(counts(torch::bincount(m_train.labels, {}, m_classes)));
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
        return classificationLoss(logits, targets, m_sigmoid, m_classWeights);
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
        torch::Tensor voxels = torch::zeros({m_classes}, torch::kInt64);
        for (const SegmentationVolume& volume : m_train) {
            const torch::Tensor channels = volume.targets.flatten();
            voxels += torch::bincount(channels.masked_select(channels >= 0), {}, m_classes);
        }
        setClassWeights(counts(voxels));
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
        return segmentationLoss(logits, targets, m_sigmoid, m_classWeights);
    }

    // Whole validation volumes by sliding windows, as the engine will segment them.
    void validate(EpochReport& report) override
    {
        const SlidingWindow window = slidingWindow();
        const std::vector<int64_t> roi(window.roi.begin(), window.roi.end());
        const BlendMode mode = window.mode == SlidingWindow::Mode::Gaussian ? BlendMode::Gaussian : BlendMode::Constant;
        const Predictor predictor = [this](const torch::Tensor& x) { return forward(x); };
        double lossSum = 0.0;
        std::vector<double> diceSums(m_foreground.size(), 0.0);
        std::vector<int> diceCounts(m_foreground.size(), 0);
        for (const SegmentationVolume& volume : m_validation) {
            const torch::Tensor logits =
                slidingWindowInference(volume.image.unsqueeze(0).to(m_device), roi, window.overlap, mode,
                                       window.sigmaScale, window.batch, predictor, {}, m_cancel);
            lossSum += loss(logits, volume.targets.unsqueeze(0).to(m_device)).item<double>();
            const std::vector<uint16_t> predicted = predictedLabels(logits[0], m_channelLabels, m_sigmoid);
            for (size_t l = 0; l < m_foreground.size(); ++l)
                if (hasLabel(volume.labels, m_foreground[l]) || hasLabel(predicted, m_foreground[l])) {
                    diceSums[l] += dice(volume.labels, predicted, m_foreground[l]);
                    ++diceCounts[l];
                }
        }
        report.validationLoss = lossSum / double(m_validation.size());
        report.validationDice = meanDice(diceSums, diceCounts);
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

    static bool hasLabel(const std::vector<uint16_t>& labels, uint16_t label)
    {
        return std::find(labels.begin(), labels.end(), label) != labels.end();
    }

    /// Dice as the evaluation reports it: per label, the mean over the images where truth or
    /// prediction holds it; then the mean over the labels seen at all (1 when none was).
    static double meanDice(const std::vector<double>& sums, const std::vector<int>& counts)
    {
        double sum = 0.0;
        int labels = 0;
        for (size_t l = 0; l < sums.size(); ++l)
            if (counts[l] > 0) {
                sum += sums[l] / counts[l];
                ++labels;
            }
        return labels > 0 ? sum / labels : 1.0;
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

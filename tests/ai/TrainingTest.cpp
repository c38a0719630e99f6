// Training on real LibTorch with tiny synthetic data: a 2-D classifier that must find a
// bright blob, a 3-D segmenter that must outline a bright cube. Each trains in seconds on
// two slow cores, yet only learns if the data, losses, optimiser and evaluation are right.

#include "Check.h"
#include "TrainingCases.h"

#include "ModelPackage.h"
#include "Trainer.h"
#include "TrainingSamples.h"

#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace radpath::ai::test {
namespace {

// --- A 2-D classifier: a bright blob (label 1) or none (label 0) in noise, 0..255 ----------

TrainingSample blobImage(bool blob, std::mt19937& random)
{
    constexpr int side = 32;
    std::uniform_real_distribution<float> noise(20.0f, 70.0f), centre(8.0f, 24.0f);
    TrainingSample sample;
    sample.label = blob ? 1 : 0;
    sample.image.dims = 2;
    sample.image.grid.size = {side, side, 1};
    sample.image.voxels.resize(side * side);
    const float cx = centre(random), cy = centre(random);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const float r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
            sample.image.voxels[size_t(y * side + x)] = noise(random) + (blob ? 150.0f * std::exp(-r2 / 18.0f) : 0.0f);
        }
    return sample;
}

TrainingData blobData(int perClass, int validationPerClass)
{
    std::mt19937 random(2024);
    TrainingData data;
    for (int i = 0; i < 2 * perClass; ++i)
        data.train.push_back(blobImage(i % 2 == 1, random));
    for (int i = 0; i < 2 * validationPerClass; ++i)
        data.validation.push_back(blobImage(i % 2 == 1, random));
    return data;
}

TrainingSettings blobSettings(const fs::path& output, int epochs)
{
    TrainingSettings s;
    Manifest& m = s.manifest;
    m.name = "Blob finder";
    m.version = "0.1.0";
    m.task = ModelTask::Classification;
    m.modality = "CR";
    m.dims = m.input.dims = 2;
    m.input.channels = 1;
    m.input.size = {32, 32};
    m.input.intensity.kind = IntensityTransform::Kind::Window;
    m.input.intensity.aMax = 255.0;
    m.output.labels = {{0, "no blob", {0, 160, 0}}, {1, "blob", {220, 40, 40}}};
    m.trainingJson = R"({"dataset": "synthetic blobs"})";
    s.architecture = "simple-cnn";
    s.epochs = epochs;
    s.batchSize = 8;
    s.learningRate = 2e-3;
    s.baseFilters = 8;
    s.seed = 7;
    s.augmentation.rotate90 = true;
    s.outputPath = output.string();
    s.command = "radpath-train --synthetic";
    return s;
}

// Accuracy of the saved package on the validation samples, run as a user would run it.
double packageAccuracy(const std::string& path, const TrainingData& data)
{
    ModelPackage package = loadModelPackage(path);
    torch::NoGradGuard noGrad;
    int correct = 0;
    for (const TrainingSample& sample : data.validation) {
        const torch::Tensor x = torch::tensor(sample.image.voxels).view({1, 1, 32, 32}) / 255.0;
        correct += package.module.forward({x}).toTensor().argmax(1).item<int64_t>() == sample.label;
    }
    return double(correct) / double(data.validation.size());
}

void classifierLearnsBlobs()
{
    const fs::path dir = temporaryDirectory("classifier");
    const TrainingData data = blobData(40, 20);
    TrainingSettings settings = blobSettings(dir / "blobs.pt", 8);
    settings.checkpointPath = (dir / "checkpoint.pt").string();
    std::vector<EpochReport> reports;
    std::vector<double> fractions;
    const auto started = std::chrono::steady_clock::now();
    const TrainingOutcome outcome = trainModel(
        data, settings, [&](const EpochReport& r) { reports.push_back(r); },
        [&](double fraction, const std::string&) { fractions.push_back(fraction); }, nullptr);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    for (const EpochReport& r : reports)
        std::printf("  epoch %d/%d: train loss %.4f, validation loss %.4f, accuracy %.3f, AUC %.3f (%.2f s)\n", r.epoch,
                    r.epochs, r.trainLoss, r.validationLoss, r.validationAccuracy, r.validationAuc, r.seconds);
    std::printf("  %.2f s in all\n", seconds);
    RADPATH_CHECK(reports.size() == 8 && outcome.epochs.size() == 8 && reports.back().epoch == 8);
    RADPATH_CHECK(reports.back().trainLoss < reports.front().trainLoss);
    RADPATH_CHECK(reports.back().validationLoss < reports.front().validationLoss);
    RADPATH_CHECK(reports.back().validationAccuracy >= 0.9);
    RADPATH_CHECK(reports.back().validationAuc >= 0.95);
    RADPATH_CHECK(std::is_sorted(fractions.begin(), fractions.end()) && fractions.back() == 1.0);

    // The package: loads (its weights match its hash), explains itself, states its metrics.
    RADPATH_CHECK(outcome.packagePath == settings.outputPath);
    const ModelPackage package = loadModelPackage(outcome.packagePath);
    RADPATH_CHECK(package.hasForwardFeatures && package.manifest.saliency.gradCam);
    RADPATH_CHECK(package.manifest.saliency.methods.size() == 4);
    RADPATH_CHECK(package.manifest.weightsSha256 == weightsSha256(package.module));
    RADPATH_CHECK(package.manifest.metrics == outcome.metrics);
    for (const char* name : {"accuracy", "auc", "sensitivity", "specificity"})
        RADPATH_CHECK(outcome.metrics.count(name) == 1);
    RADPATH_CHECK(outcome.metrics.at("accuracy") == reports.back().validationAccuracy);
    RADPATH_CHECK(std::abs(packageAccuracy(outcome.packagePath, data) - outcome.metrics.at("accuracy")) < 1e-9);

    const auto training = nlohmann::json::parse(package.manifest.trainingJson);
    RADPATH_CHECK(training.at("dataset") == "synthetic blobs"); // the caller's keys stay
    RADPATH_CHECK(training.at("architecture") == "simple-cnn" && training.at("optimizer") == "adam");
    RADPATH_CHECK(training.at("train_samples") == 80 && training.at("validation_samples") == 40);
    RADPATH_CHECK(training.at("seed") == 7 && training.at("history").size() == 8);
    RADPATH_CHECK(training.at("command") == settings.command && training.contains("torch_version"));

    // The checkpoint of the last epoch holds the same weights.
    RADPATH_CHECK(weightsSha256(torch::jit::load(settings.checkpointPath)) == package.manifest.weightsSha256);
    fs::remove_all(dir);
}

// Sigmoid outputs (binary cross-entropy on one-hot targets) with AdamW, and SGD.
void otherLossesAndOptimisers()
{
    const fs::path dir = temporaryDirectory("optimisers");
    const TrainingData data = blobData(40, 20);
    TrainingSettings settings = blobSettings(dir / "sigmoid.pt", 8);
    settings.manifest.output.activation = ManifestOutput::Activation::Sigmoid;
    settings.optimizer = Optimizer::AdamW;
    settings.weightDecay = 1e-4;
    TrainingOutcome outcome = trainModel(data, settings, {}, {}, nullptr);
    std::printf("  sigmoid, AdamW: validation accuracy %.3f\n", outcome.epochs.back().validationAccuracy);
    RADPATH_CHECK(outcome.epochs.back().validationAccuracy >= 0.9);

    settings = blobSettings(dir / "sgd.pt", 8);
    settings.optimizer = Optimizer::Sgd;
    settings.learningRate = 0.05;
    outcome = trainModel(data, settings, {}, {}, nullptr);
    std::printf("  SGD: validation accuracy %.3f\n", outcome.epochs.back().validationAccuracy);
    RADPATH_CHECK(outcome.epochs.back().trainLoss < outcome.epochs.front().trainLoss);
    RADPATH_CHECK(nlohmann::json::parse(loadModelPackage(settings.outputPath).manifest.trainingJson).at("momentum") ==
                  0.9);
    fs::remove_all(dir);
}

void sameSeedSameWeights()
{
    const fs::path dir = temporaryDirectory("seed");
    const TrainingData data = blobData(8, 4);
    const auto hashOf = [&](const std::string& name, unsigned long long seed) {
        TrainingSettings settings = blobSettings(dir / name, 2);
        settings.seed = seed;
        settings.augmentation.noiseStd = 0.05; // every random draw takes part
        settings.augmentation.intensityScale = 0.1;
        trainModel(data, settings, {}, {}, nullptr);
        return loadModelPackage(settings.outputPath).manifest.weightsSha256;
    };
    const std::string first = hashOf("a.pt", 3);
    RADPATH_CHECK(first == hashOf("b.pt", 3));
    RADPATH_CHECK(first != hashOf("c.pt", 4));
    fs::remove_all(dir);
}

void cancellationWritesNothing()
{
    const fs::path dir = temporaryDirectory("cancel");
    TrainingSettings settings = blobSettings(dir / "never.pt", 3);
    settings.batchSize = 4;
    CancelToken cancel;
    int batches = 0;
    bool cancelled = false;
    try {
        trainModel(
            blobData(8, 4), settings, {},
            [&](double, const std::string&) {
                if (++batches == 2)
                    cancel.cancel();
            },
            &cancel);
    } catch (const Cancelled&) {
        cancelled = true;
    }
    RADPATH_CHECK(cancelled && batches == 2);
    RADPATH_CHECK(fs::is_empty(dir));
    fs::remove_all(dir);
}

void unusableInputIsRefused()
{
    const auto error = [](const TrainingData& data, const TrainingSettings& settings) -> std::string {
        try {
            trainModel(data, settings, {}, {}, nullptr);
        } catch (const ModelError& e) {
            return e.what();
        }
        return "(no error)";
    };
    const fs::path dir = temporaryDirectory("refused");
    TrainingData data = blobData(2, 1);
    data.train[1].image.grid.size = {16, 64, 1};
    RADPATH_CHECK(error(data, blobSettings(dir / "x.pt", 1)) ==
                  "training sample 1: the image is 64×16, the model takes 32×32");
    data = blobData(2, 1);
    data.validation[0].label = 2;
    RADPATH_CHECK(error(data, blobSettings(dir / "x.pt", 1)) ==
                  "validation sample 0: label 2 is not an output index (0..1)");
    TrainingSettings unet = blobSettings(dir / "x.pt", 1);
    unet.architecture = "unet3d";
    RADPATH_CHECK(error(blobData(2, 1), unet) ==
                  "training: unet3d cannot be trained for classification (simple-cnn, resnet18 and resnet34 classify)");
    RADPATH_CHECK(fs::is_empty(dir));
    fs::remove_all(dir);
}

// --- A 3-D segmenter: a bright box labelled 1 in a noisy 16³ volume -------------------------

TrainingSample boxVolume(std::mt19937& random)
{
    constexpr int side = 16;
    std::normal_distribution<float> noise(100.0f, 15.0f);
    std::uniform_int_distribution<int> extent(4, 7), start(0, side - 7);
    TrainingSample sample;
    sample.image.dims = 3;
    sample.image.grid.size = {side, side, side};
    sample.image.voxels.resize(side * side * side);
    sample.mask.resize(sample.image.voxels.size());
    int lo[3], hi[3];
    for (int a = 0; a < 3; ++a) {
        lo[a] = start(random);
        hi[a] = lo[a] + extent(random);
    }
    for (int k = 0; k < side; ++k)
        for (int j = 0; j < side; ++j)
            for (int i = 0; i < side; ++i) {
                const bool inside = i >= lo[0] && i < hi[0] && j >= lo[1] && j < hi[1] && k >= lo[2] && k < hi[2];
                const size_t index = size_t((k * side + j) * side + i);
                sample.image.voxels[index] = noise(random) + (inside ? 120.0f : 0.0f);
                sample.mask[index] = inside ? 1.0f : 0.0f;
            }
    return sample;
}

TrainingData boxData()
{
    std::mt19937 random(99);
    TrainingData data;
    for (int i = 0; i < 8; ++i)
        data.train.push_back(boxVolume(random));
    for (int i = 0; i < 3; ++i)
        data.validation.push_back(boxVolume(random));
    return data;
}

TrainingSettings boxSettings(const fs::path& output)
{
    TrainingSettings s;
    Manifest& m = s.manifest;
    m.name = "Box outliner";
    m.version = "0.1.0";
    m.task = ModelTask::Segmentation;
    m.modality = "CT";
    m.dims = m.input.dims = 3;
    m.input.patchSize = {8, 8, 8};
    m.input.intensity.kind = IntensityTransform::Kind::ZScore;
    m.output.labels = {{0, "background", {0, 0, 0}}, {1, "box", {255, 200, 0}}};
    m.slidingWindow = SlidingWindow{{8, 8, 8}, 0.25, SlidingWindow::Mode::Gaussian, 0.125, 4};
    s.architecture = "unet3d";
    s.epochs = 8;
    s.batchSize = 4;
    s.learningRate = 1e-2;
    s.baseFilters = 4;
    s.patchesPerSample = 4;
    s.seed = 5;
    s.outputPath = output.string();
    return s;
}

TrainingOutcome trainBoxes(const TrainingSettings& settings)
{
    const auto started = std::chrono::steady_clock::now();
    const TrainingOutcome outcome = trainModel(boxData(), settings, {}, {}, nullptr);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    for (const EpochReport& r : outcome.epochs)
        std::printf("  epoch %d/%d: train loss %.4f, validation loss %.4f, Dice %.3f (%.2f s)\n", r.epoch, r.epochs,
                    r.trainLoss, r.validationLoss, r.validationDice, r.seconds);
    std::printf("  %.2f s in all\n", seconds);
    return outcome;
}

// Softmax over background and box; 8³ patches, validated by Gaussian sliding windows.
void segmenterLearnsBoxes()
{
    const fs::path dir = temporaryDirectory("segmenter");
    const TrainingOutcome outcome = trainBoxes(boxSettings(dir / "boxes.pt"));
    RADPATH_CHECK(outcome.epochs.back().validationDice >= 0.8);
    RADPATH_CHECK(outcome.epochs.back().trainLoss < outcome.epochs.front().trainLoss);
    RADPATH_CHECK(outcome.metrics.size() == 1 && outcome.metrics.at("dice") == outcome.epochs.back().validationDice);
    const ModelPackage package = loadModelPackage(outcome.packagePath);
    RADPATH_CHECK(package.hasForwardFeatures && package.manifest.metrics == outcome.metrics);
    RADPATH_CHECK(nlohmann::json::parse(package.manifest.trainingJson).at("patches_per_sample") == 4);
    fs::remove_all(dir);
}

// One sigmoid channel for the box, none for the background (label 0 without a channel).
void sigmoidSegmenterLearnsBoxes()
{
    const fs::path dir = temporaryDirectory("sigmoid-segmenter");
    TrainingSettings settings = boxSettings(dir / "boxes.pt");
    settings.manifest.output.activation = ManifestOutput::Activation::Sigmoid;
    settings.manifest.output.labels = {{1, "box", {255, 200, 0}}};
    const TrainingOutcome outcome = trainBoxes(settings);
    RADPATH_CHECK(outcome.epochs.back().validationDice >= 0.8);
    RADPATH_CHECK(
        loadModelPackage(outcome.packagePath).module.forward({torch::zeros({1, 1, 8, 8, 8})}).toTensor().size(1) == 1);
    fs::remove_all(dir);
}



// Rotation, zoom and (3-D) elastic displacement: image and mask move together, labels stay
// labels; contrast keeps the mean.
void augmentationMovesImageAndMaskTogether()
{
    at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(11);
    const auto agreement = [](const Example& e) {
        // A box of label 1 drawn with intensity 100: after resampling, labelled voxels are
        // bright and unlabelled ones dark, except along the blurred edge.
        const torch::Tensor labelled = e.targets == 1, bright = e.image[0] > 50.0;
        return (labelled == bright).to(torch::kFloat64).mean().item<double>();
    };
    for (int dims : {2, 3}) {
        std::vector<int64_t> size(size_t(dims), 24);
        torch::Tensor targets = torch::zeros(size, torch::kInt64);
        if (dims == 2)
            targets.slice(0, 6, 14).slice(1, 8, 20).fill_(1);
        else
            targets.slice(0, 6, 18).slice(1, 6, 14).slice(2, 8, 20).fill_(1);
        const Example box{(targets.to(torch::kFloat32) * 100.0).unsqueeze(0), targets};
        Augmentation a;
        a.flips = false;
        a.rotationDegrees = 30.0;
        a.scale = 0.2;
        a.elastic = dims == 3 ? 2.0 : 0.0;
        int moved = 0;
        for (int draw = 0; draw < 5; ++draw) {
            const Example out = augment(box, a, generator);
            RADPATH_CHECK(out.image.sizes() == box.image.sizes() && out.targets.sizes() == box.targets.sizes());
            RADPATH_CHECK(((out.targets == 0) | (out.targets == 1)).all().item<bool>());
            RADPATH_CHECK(agreement(out) > 0.95);
            moved += !out.targets.equal(box.targets);
        }
        RADPATH_CHECK(moved == 5);
        Augmentation none;
        none.flips = false;
        RADPATH_CHECK(augment(box, none, generator).image.equal(box.image));
    }
    Augmentation contrast;
    contrast.flips = false;
    contrast.contrast = 0.5;
    const torch::Tensor image = torch::rand({1, 16, 16}, generator);
    const Example out = augment({image, {}}, contrast, generator);
    RADPATH_CHECK(std::abs(out.image.mean().item<double>() - image.mean().item<double>()) < 1e-5);
    RADPATH_CHECK(!out.image.equal(image));
}

// --- The training run: resume, early stopping, class weights, fine-tuning, processes --------

/// Weights of a package (or checkpoint) by name.
std::map<std::string, torch::Tensor> weightsOf(const std::string& path)
{
    std::map<std::string, torch::Tensor> weights;
    for (const auto& p : torch::jit::load(path).named_parameters())
        weights[p.name] = p.value.detach().clone();
    return weights;
}

double largestDifference(const std::map<std::string, torch::Tensor>& a, const std::map<std::string, torch::Tensor>& b)
{
    double largest = 0.0;
    for (const auto& [name, value] : a)
        largest = std::max(largest, (value - b.at(name)).abs().max().item<double>());
    return largest;
}

// Stopped after epoch 2 of 4 (as a crash or cancel would), then resumed: the same weights as
// the uninterrupted run, bit for bit, and the history of all four epochs.
void resumedRunMatchesUninterrupted()
{
    const fs::path dir = temporaryDirectory("resume");
    const TrainingData data = blobData(12, 6);
    TrainingSettings whole = blobSettings(dir / "whole.pt", 4);
    whole.augmentation.noiseStd = 0.05;
    trainModel(data, whole, {}, {}, nullptr);

    TrainingSettings parts = blobSettings(dir / "parts.pt", 4);
    parts.augmentation.noiseStd = 0.05;
    parts.checkpointPath = (dir / "parts.checkpoint").string();
    CancelToken cancel;
    bool cancelled = false;
    try {
        trainModel(
            data, parts, [&](const EpochReport& r) { if (r.epoch == 2) cancel.cancel(); }, {}, &cancel);
    } catch (const Cancelled&) {
        cancelled = true;
    }
    RADPATH_CHECK(cancelled && !fs::exists(parts.outputPath) && fs::exists(parts.checkpointPath + ".state"));
    parts.resume = true;
    std::vector<int> epochsRun;
    const TrainingOutcome outcome =
        trainModel(data, parts, [&](const EpochReport& r) { epochsRun.push_back(r.epoch); }, {}, nullptr);
    RADPATH_CHECK((epochsRun == std::vector<int>{3, 4}));
    RADPATH_CHECK(outcome.epochs.size() == 4 && outcome.epochs[1].epoch == 2);
    RADPATH_CHECK(loadModelPackage(parts.outputPath).manifest.weightsSha256 ==
                  loadModelPackage(whole.outputPath).manifest.weightsSha256);

    // The checkpoint belongs to its data: resuming on other images is refused.
    std::string refusal;
    try {
        trainModel(blobData(10, 6), parts, {}, {}, nullptr);
    } catch (const ModelError& e) {
        refusal = e.what();
    }
    RADPATH_CHECK(refusal.find("other data or settings (train_samples 24 then, 20 now)") != std::string::npos);
    fs::remove_all(dir);
}

// A learning rate too small to change anything: no epoch improves on the first, so with a
// patience of 2 the run stops after epoch 3 and exports epoch 1's weights and metrics.
void earlyStoppingKeepsTheBestEpoch()
{
    const fs::path dir = temporaryDirectory("early-stop");
    const TrainingData data = blobData(8, 4);
    TrainingSettings settings = blobSettings(dir / "stopped.pt", 10);
    settings.learningRate = 1e-12;
    settings.batchNorm = false; // running statistics would change the validation loss
    settings.dropout = 0.0;
    settings.earlyStopping.patience = 2;
    settings.earlyStopping.monitor = "val_loss";
    settings.earlyStopping.minDelta = 1e-6;
    settings.checkpointPath = (dir / "stopped.checkpoint").string();
    std::map<std::string, torch::Tensor> firstEpoch;
    const TrainingOutcome outcome = trainModel(
        data, settings,
        [&](const EpochReport& r) {
            if (r.epoch == 1)
                firstEpoch = weightsOf(settings.checkpointPath);
        },
        {}, nullptr);
    RADPATH_CHECK(outcome.stoppedEarly && outcome.epochs.size() == 3 && outcome.bestEpoch == 1);
    RADPATH_CHECK(outcome.epochs[0].best && !outcome.epochs[1].best && !outcome.epochs[2].best);
    RADPATH_CHECK(largestDifference(weightsOf(settings.outputPath), firstEpoch) == 0.0);
    RADPATH_CHECK(outcome.metrics.at("accuracy") == outcome.epochs[0].validationAccuracy);
    const auto training = nlohmann::json::parse(loadModelPackage(settings.outputPath).manifest.trainingJson);
    RADPATH_CHECK(training.at("early_stopping").at("stopped_early") == true && training.at("best_epoch") == 1);

    // A run whose loss overflows stops with a message; the checkpoint keeps the epoch before.
    TrainingSettings diverging = blobSettings(dir / "diverged.pt", 3);
    diverging.optimizer = Optimizer::Sgd;
    diverging.learningRate = 1e30;
    std::string divergence;
    try {
        trainModel(data, diverging, {}, {}, nullptr);
    } catch (const ModelError& e) {
        divergence = e.what();
    }
    RADPATH_CHECK(divergence.find("diverged") != std::string::npos);
    RADPATH_CHECK(!fs::exists(diverging.outputPath));

    settings.earlyStopping.monitor = "val_dice"; // a segmentation figure for a classifier
    bool refused = false;
    try {
        trainModel(data, settings, {}, {}, nullptr);
    } catch (const ModelError& e) {
        refused = std::string(e.what()).find("val_accuracy") != std::string::npos;
    }
    RADPATH_CHECK(refused);
    fs::remove_all(dir);
}

// Balanced class weights N / (K × n_k): 30 and 10 training images give 0.667 and 2.0.
void balancedClassWeights()
{
    const fs::path dir = temporaryDirectory("class-weights");
    TrainingData data = blobData(15, 4);
    std::vector<TrainingSample> train;
    int blobs = 0;
    for (const TrainingSample& sample : data.train)
        if (sample.label == 0 || ++blobs <= 5)
            train.push_back(sample);
    data.train = train; // 15 without, 5 with a blob
    TrainingSettings settings = blobSettings(dir / "weighted.pt", 1);
    settings.balanceClasses = true;
    trainModel(data, settings, {}, {}, nullptr);
    const auto training = nlohmann::json::parse(loadModelPackage(settings.outputPath).manifest.trainingJson);
    const std::vector<double> weights = training.at("class_weights");
    RADPATH_CHECK(weights.size() == 2 && std::abs(weights[0] - 20.0 / 30.0) < 1e-6 && std::abs(weights[1] - 2.0) < 1e-6);

    settings.classWeights = {1.0}; // one weight for two labels
    settings.balanceClasses = false;
    bool refused = false;
    try {
        trainModel(data, settings, {}, {}, nullptr);
    } catch (const ModelError& e) {
        refused = std::string(e.what()).find("class weight") != std::string::npos;
    }
    RADPATH_CHECK(refused);
    fs::remove_all(dir);
}

// A trained two-class package fine-tuned into three classes with its features frozen: the
// convolutions keep their weights, the head is new and three wide, and the package says so.
void fineTuningReplacesTheHead()
{
    const fs::path dir = temporaryDirectory("fine-tune");
    const TrainingData data = blobData(8, 4);
    TrainingSettings base = blobSettings(dir / "base.pt", 2);
    trainModel(data, base, {}, {}, nullptr);

    TrainingSettings tuned = blobSettings(dir / "tuned.pt", 2);
    tuned.initialModel = base.outputPath;
    tuned.architecture = "ignored";
    tuned.freezeFeatures = true;
    tuned.manifest.output.labels.push_back({2, "two blobs", {0, 0, 255}});
    trainModel(data, tuned, {}, {}, nullptr);
    const auto before = weightsOf(base.outputPath), after = weightsOf(tuned.outputPath);
    RADPATH_CHECK(after.at("fc_weight").size(0) == 3 && after.at("fc_bias").size(0) == 3);
    RADPATH_CHECK((after.at("conv1_weight") - before.at("conv1_weight")).abs().max().item<double>() == 0.0);
    // Frozen features keep their batch-norm statistics too.
    const auto runningMean = [](const std::string& path) {
        for (const auto& b : torch::jit::load(path).named_buffers())
            if (b.name == "bn1_running_mean")
                return b.value.clone();
        return torch::Tensor();
    };
    RADPATH_CHECK(runningMean(tuned.outputPath).equal(runningMean(base.outputPath)));
    RADPATH_CHECK((after.at("conv2_weight") - before.at("conv2_weight")).abs().max().item<double>() == 0.0);
    const ModelPackage package = loadModelPackage(tuned.outputPath);
    RADPATH_CHECK(package.hasForwardFeatures && package.manifest.output.labels.size() == 3);
    const auto training = nlohmann::json::parse(package.manifest.trainingJson);
    RADPATH_CHECK(training.at("fine_tuned_from") == "base.pt" && training.at("architecture") == "simple-cnn");
    RADPATH_CHECK(training.at("frozen_parameters") == 8); // conv1, bn1, conv2, bn2: weight and bias each

    // Freezing chosen layers: conv1 keeps its weights (conv10 would not be caught by it).
    RADPATH_CHECK((layerGroups(torch::jit::load(base.outputPath)) ==
                   std::vector<std::string>{"conv1", "bn1", "conv2", "bn2", "fc"}));
    RADPATH_CHECK(inLayer("conv1_weight", "conv1") && inLayer("features.0.weight", "features") &&
                  !inLayer("conv10_weight", "conv1") && !inLayer("conv1_weight", ""));
    TrainingSettings partly = blobSettings(dir / "partly.pt", 2);
    partly.initialModel = base.outputPath;
    partly.freeze = {"conv1"};
    trainModel(data, partly, {}, {}, nullptr);
    const auto partlyTuned = weightsOf(partly.outputPath);
    RADPATH_CHECK((partlyTuned.at("conv1_weight") - before.at("conv1_weight")).abs().max().item<double>() == 0.0);
    RADPATH_CHECK((partlyTuned.at("conv2_weight") - before.at("conv2_weight")).abs().max().item<double>() > 0.0);

    TrainingSettings volume = tuned; // a 2-D classifier cannot start a 3-D one
    volume.manifest.dims = volume.manifest.input.dims = 3;
    volume.manifest.input.size = {8, 32, 32};
    bool refused = false;
    try {
        trainModel(data, volume, {}, {}, nullptr);
    } catch (const ModelError& e) {
        refused = std::string(e.what()).find("base.pt") != std::string::npos;
    }
    RADPATH_CHECK(refused);
    fs::remove_all(dir);
}

// --- Two processes ---------------------------------------------------------------------------

TrainingSettings distributedSettings(const fs::path& output, int batchSize)
{
    TrainingSettings settings = blobSettings(output, 3);
    settings.batchNorm = false; // statistics would be per process
    settings.dropout = 0.0;
    settings.augmentation = Augmentation{};
    settings.augmentation.flips = false;
    settings.batchSize = batchSize;
    return settings;
}

int freePort()
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(s, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(s);
    return ntohs(address.sin_port);
}

/// Rank `rank` of a 2-process Gloo group on loopback, each with batch 4.
TrainingOutcome trainAsRank(int rank, int port, const fs::path& output)
{
    TrainingSettings settings = distributedSettings(output, 4);
    settings.distributed.rank = rank;
    settings.distributed.worldSize = 2;
    settings.distributed.masterAddress = "127.0.0.1";
    settings.distributed.masterPort = port;
    settings.distributed.timeoutSeconds = 120;
    return trainModel(blobData(10, 5), settings, {}, {}, nullptr);
}

// Two processes with batch 4 each train the same weights as one process with batch 8.
void twoProcessesTrainLikeOne()
{
    const fs::path dir = temporaryDirectory("distributed");
    TrainingSettings single = distributedSettings(dir / "single.pt", 8);
    trainModel(blobData(10, 5), single, {}, {}, nullptr);

    const int port = freePort();
    const std::string worker = fs::read_symlink("/proc/self/exe").string() + " --distributed-worker " +
                               std::to_string(port) + ' ' + (dir / "rank1.pt").string() + " &";
    RADPATH_CHECK(std::system(worker.c_str()) == 0);
    const TrainingOutcome outcome = trainAsRank(0, port, dir / "ranks.pt");
    const double difference = largestDifference(weightsOf(single.outputPath), weightsOf(dir / "ranks.pt"));
    std::printf("  largest weight difference, 2 processes vs 1: %.3g\n", difference);
    RADPATH_CHECK(difference < 1e-5);
    RADPATH_CHECK(!fs::exists(dir / "rank1.pt")); // only rank 0 writes
    RADPATH_CHECK(outcome.epochs.size() == 3);
    const auto training = nlohmann::json::parse(loadModelPackage((dir / "ranks.pt").string()).manifest.trainingJson);
    RADPATH_CHECK(training.at("processes") == 2);
    fs::remove_all(dir);
}

Cases trainingCases()
{
    return {{"training: a SimpleCNN learns to find blobs", classifierLearnsBlobs},
            {"training: sigmoid outputs, AdamW and SGD", otherLossesAndOptimisers},
            {"training: the same seed gives the same weights", sameSeedSameWeights},
            {"training: cancelled, nothing written", cancellationWritesNothing},
            {"training: unusable samples and settings are refused", unusableInputIsRefused},
            {"training: a 3-D U-Net learns to outline boxes", segmenterLearnsBoxes},
            {"training: a sigmoid 3-D U-Net learns to outline boxes", sigmoidSegmenterLearnsBoxes},
            {"training: augmentation moves image and mask together", augmentationMovesImageAndMaskTogether},
            {"training: a resumed run gives the uninterrupted run's weights", resumedRunMatchesUninterrupted},
            {"training: early stopping keeps the best epoch", earlyStoppingKeepsTheBestEpoch},
            {"training: balanced class weights", balancedClassWeights},
            {"training: fine-tuning a package replaces its head and freezes its features", fineTuningReplacesTheHead},
            {"training: two Gloo processes train the weights of one", twoProcessesTrainLikeOne}};
}

} // namespace

} // namespace radpath::ai::test

int main(int argc, char** argv)
{
    using namespace radpath::ai::test;
    // The second process of twoProcessesTrainLikeOne: rank 1, then exit.
    if (argc == 4 && std::string(argv[1]) == "--distributed-worker") {
        torch::set_num_threads(1);
        try {
            trainAsRank(1, std::stoi(argv[2]), argv[3]);
            return 0;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "rank 1: %s\n", e.what());
            return 1;
        }
    }
    // Tiny tensors: a second thread only waits for its share, the more so on shared cores.
    torch::set_num_threads(1);
    Cases cases = metricsCases();
    for (Cases more : {architectureCases(), trainingCases()})
        cases.insert(cases.end(), more.begin(), more.end());
    return runCases(cases);
}

#pragma once
// Training as the application asks for it: decoded samples in, a RadPath model package out.
// Plain C++ (no Torch, no Qt). The engine builds the network, trains it with progress and
// cancellation, evaluates it on the validation samples after every epoch and writes the
// package (TorchScript with forward and forward_features, manifest with metrics).

#include "radpath/ai/Inference.h"
#include "radpath/ai/Manifest.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace radpath::ai {

/// One training example. Classification: `image` and `label` (a manifest label index).
/// Segmentation: `image` and `mask` (one channel, label values, same size as image).
/// Images are already at the model's input size (classification) or at least its patch size
/// (segmentation: random patches are cut from them); intensities as the manifest's input
/// transform expects them before that transform (the engine applies it).
struct TrainingSample {
    ImageBuffer image;
    int label = 0;
    std::vector<float> mask;
};

struct TrainingData {
    std::vector<TrainingSample> train;
    std::vector<TrainingSample> validation;
};

struct Augmentation {
    bool flips = true;            ///< random flips along each spatial axis
    bool rotate90 = false;        ///< random quarter turns in the H-W plane
    double intensityScale = 0.0;  ///< x * (1 + U(-s, s)) after the input transform
    double intensityShift = 0.0;  ///< x + U(-s, s)
    double noiseStd = 0.0;        ///< + N(0, σ)
};

enum class Optimizer { Adam, AdamW, Sgd };

/// Learning rate over the epochs: constant; cosine from the set rate towards 0 (the last
/// epochs settle the weights, and batch-norm statistics with them); × 0.1 every stepEpochs.
enum class Schedule { Constant, Cosine, Step };

struct TrainingSettings {
    /// "simple-cnn" (2-D classifier of the reference article, any input size divisible by 4),
    /// "unet3d" (small 3-D U-Net; patch sides divisible by 4).
    std::string architecture = "simple-cnn";
    /// Name, version, task, modality, dims, input (channels, size or patch size, intensity
    /// transform), output labels and activation, sliding window, intended use. The engine
    /// fills saliency, training provenance, metrics and the weights hash.
    Manifest manifest;
    int epochs = 10;
    int batchSize = 16;
    double learningRate = 1e-3;
    Optimizer optimizer = Optimizer::Adam;
    double weightDecay = 0.0;
    double momentum = 0.9;            ///< SGD only
    Schedule schedule = Schedule::Cosine;
    int stepEpochs = 10;              ///< Schedule::Step only
    int patchesPerSample = 4;         ///< segmentation: random patches per sample per epoch
    double foregroundFraction = 0.5;  ///< segmentation: share of patches centred on foreground
    Augmentation augmentation;
    int baseFilters = 16;             ///< width of the first convolution layer
    unsigned long long seed = 42;
    Device device = Device::Cpu;
    int threads = 0;                  ///< 0: keep the engine's setting
    std::string outputPath;           ///< the package (.pt) to write
    std::string checkpointPath;       ///< written after every epoch when not empty
    std::string command;              ///< the command line that trained it, for the manifest
};

struct EpochReport {
    int epoch = 0; ///< 1-based
    int epochs = 0;
    double trainLoss = 0.0;
    double validationLoss = 0.0;
    double validationAccuracy = 0.0; ///< classification
    double validationAuc = 0.0;      ///< classification, two classes: the last class's AUC
    double validationDice = 0.0;     ///< segmentation: mean Dice over foreground labels
    double seconds = 0.0;
};

using EpochCallback = std::function<void(const EpochReport&)>;

struct TrainingOutcome {
    std::string packagePath;
    std::vector<EpochReport> epochs;
    std::map<std::string, double> metrics; ///< of the final model on the validation set
};

} // namespace radpath::ai

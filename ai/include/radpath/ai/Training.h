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
    double rotationDegrees = 0.0; ///< random rotation in the H-W plane by U(-d, d) degrees
    double scale = 0.0;           ///< random zoom by 1 + U(-s, s) about the centre
    double intensityScale = 0.0;  ///< x * (1 + U(-s, s)) after the input transform
    double intensityShift = 0.0;  ///< x + U(-s, s)
    double contrast = 0.0;        ///< (x - mean) * (1 + U(-c, c)) + mean
    double noiseStd = 0.0;        ///< + N(0, σ)
    double elastic = 0.0;         ///< 3-D only: smooth random displacement of up to this many voxels
};

/// Early stopping on a validation figure ("val_loss" is minimised; "val_accuracy",
/// "val_auc", "val_dice" maximised). The package keeps the weights of the best epoch.
struct EarlyStopping {
    int patience = 0;             ///< epochs without improvement before stopping; 0: never stop early
    std::string monitor = "val_loss";
    double minDelta = 0.0;        ///< smallest change that counts as an improvement
};

/// Data-parallel training across processes (torch.distributed's C++ process group, Gloo, on
/// the CPU; NCCL for CUDA is not in this build), as torchrun or Slurm set it up through
/// MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE and LOCAL_RANK. Each rank trains on its share of
/// every global batch (`batchSize` is per process); gradients are averaged; every rank
/// validates the same model (batch-norm statistics are rank 0's) and stops at the same epoch;
/// rank 0 reports and writes the checkpoint and the package. Resuming needs the checkpoint
/// where every rank can read it.
struct Distributed {
    int rank = 0;
    int worldSize = 1;            ///< 1: a single process, no process group
    int localRank = 0;            ///< the CUDA device of this process
    std::string masterAddress = "127.0.0.1";
    int masterPort = 29500;
    std::string backend;          ///< "gloo" (the only one here) or empty
    int timeoutSeconds = 300;
};

enum class Optimizer { Adam, AdamW, Sgd };

/// Learning rate over the epochs: constant; cosine from the set rate towards 0 (the last
/// epochs settle the weights, and batch-norm statistics with them); × 0.1 every stepEpochs.
enum class Schedule { Constant, Cosine, Step };

struct TrainingSettings {
    /// "simple-cnn" (2-D classifier of the reference article, any input size divisible by 4),
    /// "resnet18", "resnet34" (2-D classifiers, input sides divisible by 32), "unet2d",
    /// "unet3d" (segmenters; patch sides divisible by 4). Ignored when `initialModel` is set.
    std::string architecture = "simple-cnn";
    /// A RadPath package to fine-tune instead of a new network: its weights are the start;
    /// its head (fc_* for classifiers, out_* for segmenters) is replaced by a new one when the
    /// class count differs. The manifest's input must match the package's.
    std::string initialModel;
    /// Fine-tuning: train only the head; and/or freeze these layers (ModelInfo::layers, e.g.
    /// "conv1", "layer1": the parameters named so or starting with the name and '_' or '.').
    bool freezeFeatures = false;
    std::vector<std::string> freeze;
    bool batchNorm = true;            ///< simple-cnn: batch normalisation after each convolution
    double dropout = 0.25;            ///< simple-cnn: before the linear head
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
    EarlyStopping earlyStopping;
    /// Loss weight of each output label (by output index); empty: all 1. balanceClasses
    /// sets them to N / (K × count of the class) from the training labels.
    std::vector<double> classWeights;
    bool balanceClasses = false;
    int baseFilters = 16;             ///< width of the first convolution layer
    unsigned long long seed = 42;
    Device device = Device::Cpu;
    int threads = 0;                  ///< 0: keep the engine's setting
    std::string outputPath;           ///< the package (.pt) to write
    /// Written after every epoch when not empty: the model (TorchScript) and beside it
    /// `<path>.state` (optimiser, epoch, history, best weights' epoch), both atomically.
    std::string checkpointPath;
    /// Continue from the checkpoint at checkpointPath when one is there (after a crash or a
    /// cancel): the run goes on from the epoch after the last one saved, with the same
    /// results as an uninterrupted run.
    bool resume = false;
    Distributed distributed;
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
    double learningRate = 0.0;
    double seconds = 0.0;            ///< the training pass and the validation
    double trainSeconds = 0.0;       ///< of `seconds`, the training pass
    double dataWaitSeconds = 0.0;    ///< of trainSeconds, spent waiting for training batches
    double stepSeconds = 0.0;        ///< of trainSeconds, spent in forward, backward and step
    bool best = false;               ///< the best epoch so far by the early-stopping monitor
};

/// Called from the training thread after every epoch. Progress callbacks may block, which
/// pauses the run (the app's pause button).
using EpochCallback = std::function<void(const EpochReport&)>;

struct TrainingOutcome {
    std::string packagePath;
    std::vector<EpochReport> epochs;       ///< including those of a resumed run's earlier part
    std::map<std::string, double> metrics; ///< of the exported model on the validation set
    /// Whose weights were exported: the best by the early-stopping monitor when early
    /// stopping is on, else the last.
    int bestEpoch = 0;
    bool stoppedEarly = false;
};

} // namespace radpath::ai

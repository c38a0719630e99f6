#pragma once
// What a training run (Trainer.cpp) is set up from: the settings' checks, the optimiser and
// its schedule, the network to start from, and copies of a network's state for the best
// epoch and the checkpoint.

#include "radpath/ai/Training.h"

#include <torch/script.h>
#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace radpath::ai {

const char* optimizerName(Optimizer optimizer);

/// The learning rate of `epoch` (1-based): constant, cosine from the set rate down to 0 at
/// the end (SGDR without restarts), or step (× 0.1 every stepEpochs).
double scheduledLearningRate(const TrainingSettings& s, int epoch);

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const std::vector<torch::Tensor>& parameters,
                                                       const TrainingSettings& s);

/// The training state's file beside a checkpoint.
std::string stateFilePath(const std::string& checkpointPath);

/// Whether the early-stopping monitor is maximised (all but "val_loss").
bool monitorMaximised(const std::string& monitor);

/// Throws ModelError("training: ...") for data or settings that cannot be trained.
void checkSettings(const TrainingData& data, const TrainingSettings& s);

/// The network's input: whole-image size, else patch, else sliding-window ROI; sides
/// divisible by 4 (two poolings by 2).
std::vector<int64_t> networkInputSize(const Manifest& manifest);

/// The network to train: a new one by name, or a package's to fine-tune (its head replaced
/// when the class count differs). `architecture` gets its name for the provenance.
torch::jit::Module initialNetwork(const TrainingSettings& s, int64_t classes, std::string& architecture);

/// The values of a bincount, on the CPU.
std::vector<int64_t> counts(const torch::Tensor& bincount);

/// Parameters and buffers by name, copied (the best epoch's weights).
using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;
NamedTensors copyState(const torch::jit::Module& module);
/// Copies `state` into the module's tensors; throws ModelError when a name or shape differs.
void restoreState(torch::jit::Module& module, const NamedTensors& state);

/// What a checkpoint keeps beside its model so that a run can resume exactly: the weights,
/// the optimiser's state, the best epoch's weights and the history (JSON text).
struct TrainingState {
    NamedTensors weights;
    NamedTensors best;
    std::string history;
};
/// Writes `state` and `optimizer`'s state to `path`, atomically. Throws ModelError.
void writeTrainingState(const std::string& path, torch::optim::Optimizer& optimizer, const TrainingState& state);
/// Reads a training state and loads its optimiser state into `optimizer`. Throws ModelError
/// naming `path`.
TrainingState readTrainingState(const std::string& path, torch::optim::Optimizer& optimizer);

} // namespace radpath::ai

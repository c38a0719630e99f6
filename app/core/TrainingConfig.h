#pragma once
// train.json: what `radpath-cli train --config` reads and the GUI's training wizard saves.
//
//   {
//     "task": "classification",          classification | segmentation | tile-classification
//     "data": "dataset",                 the dataset folder (TrainingDataset.h)     required
//     "output": "models/chest.pt",       the package to write                       required
//     "architecture": "resnet18",        simple-cnn, resnet18, resnet34, unet2d, unet3d, or a
//                                        .pt package to fine-tune (its input and intensity are kept)
//     "inputSize": [224, 224],           [h, w] or [d, h, w]: classification input or patch size
//     "channels": 1,                     1 (colour turned grey) or 3
//     "epochs": 20, "batchSize": 16, "learningRate": 0.001,
//     "optimizer": "adam",               adam | adamw | sgd      ("momentum": 0.9 for sgd)
//     "weightDecay": 0, "schedule": "cosine",   cosine | step | constant  ("stepEpochs": 10)
//     "augment": true,                   or false, or {"flips", "rotate90", "rotationDegrees",
//                                        "scale", "intensityScale", "intensityShift", "contrast",
//                                        "noiseStd", "elastic"}
//     "earlyStopping": {"patience": 5, "monitor": "val_loss", "minDelta": 0},
//     "classWeights": "balanced",        or one weight per class
//     "freezeFeatures": false, "freeze": ["conv1", "layer1"],
//     "baseFilters": 16, "batchNorm": true, "dropout": 0.25,
//     "patchesPerSample": 4, "foregroundFraction": 0.5,   segmentation
//     "device": "cpu", "threads": 0, "seed": 42, "valFraction": 0.2,
//     "checkpoint": "models/chest.pt.checkpoint",
//     "name": "Chest opacity", "version": "1.0.0", "modality": "DX", "intendedUse": "...",
//     "intensity": "auto",               auto | min-max | zscore | none | {"aMin": 0, "aMax": 4095}
//                                        auto: 0..255 when every training image is 8-bit, else
//                                        min-max: the training images' range onto 0..1
//     "labels": ["background", "liver"], segmentation: names of label values 0, 1, ...
//     "mpp": 0.5                         tile-classification: µm per tile pixel
//   }
// Relative paths are relative to the folder of the file that names them. Unknown keys and
// values of the wrong type are errors that name the key.

#include "radpath/ai/Training.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <stdexcept>

namespace radpath::app {

/// A train.json that cannot be used; what() names the file and the key.
class TrainingConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Auto and MinMax are settled from the training images; Window, ZScore and None are set
/// here; Package is the fine-tuned package's own transform (adoptInitialModel), saved as auto.
enum class IntensityMode { Auto, MinMax, Window, ZScore, None, Package };

struct TrainingConfig {
    ai::ModelTask task = ai::ModelTask::Classification;
    QString dataRoot; ///< absolute
    double valFraction = 0.2;
    IntensityMode intensity = IntensityMode::Auto; ///< all but Auto, MinMax: settings.manifest.input.intensity holds it
    QStringList labels;                            ///< segmentation: label names by value; empty: from the masks
    double mpp = 0.5;                              ///< tile-classification
    /// Everything else: architecture or initialModel, hyper-parameters, augmentation, device,
    /// output and checkpoint paths (absolute), and the manifest's name, version, modality,
    /// intended use, dims, input channels (0: the fine-tuned package's) and input size or patch
    /// size (empty: the package's). Labels and the default intensity come from the data.
    ai::TrainingSettings settings;

    /// The spatial input size the config asks for (classification input, else patch), or empty.
    const std::vector<int>& inputSize() const;
};

/// Reads and checks a train.json. Throws TrainingConfigError.
TrainingConfig readTrainingConfig(const QString& path);

/// The same from an object; `baseDir` resolves relative paths, `source` starts messages.
TrainingConfig trainingConfigFromJson(const QJsonObject& json, const QString& baseDir, const QString& source);

/// Every key written out; trainingConfigFromJson(toJson(c)) gives c back.
QJsonObject toJson(const TrainingConfig& config);

/// Writes atomically (QSaveFile). The paths (data, output, checkpoint, a package to fine-tune)
/// are written relative to the file's folder when they share a folder with it below the
/// filesystem root, so that the file can move with the data; else absolute. Throws
/// TrainingConfigError.
void writeTrainingConfig(const TrainingConfig& config, const QString& path);

/// Fills what the config left to a package being fine-tuned (input size, channels, dims,
/// intensity transform unless a window was set, modality when empty) from its manifest.
void adoptInitialModel(TrainingConfig& config, const ai::Manifest& initial);

} // namespace radpath::app

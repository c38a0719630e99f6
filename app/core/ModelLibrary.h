#pragma once
// The models RadPath offers: those shipped in share/radpath/models (resources/models in the
// source tree) and those in the user's model folder (settings), as RadPath packages (.pt)
// or MONAI bundles (a folder with configs/ and models/model.ts, or a .ts file).

#include "radpath/ai/Manifest.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace radpath::app {

/// Shipped models first: $RADPATH_MODEL_DIR, else <program dir>/../share/radpath/models;
/// then `userDir` when set.
QStringList modelLibraryFolders(const QString& userDir);

/// Model files and bundle folders directly inside `folders`, sorted by name within each.
QStringList findModels(const QStringList& folders);

/// What the library shows of a model before LibTorch is loaded: the manifest's name,
/// version, task, modality, dimensionality and intended use, read from the package's
/// embedded radpath.json (or NAME.json beside it), or from a MONAI bundle's metadata.json
/// and inference.json. The engine checks the whole model when it runs it.
struct ModelSummary {
    QString path;
    QString format; ///< "radpath" or "monai-bundle"
    ai::Manifest manifest; ///< only the fields above are filled
};

/// Reads a model's summary without LibTorch; nullopt with `problem` naming the file when it
/// is neither a readable package nor a bundle.
std::optional<ModelSummary> readModelSummary(const QString& path, QString* problem);

/// A file stored in a ZIP archive (TorchScript files are ZIP archives whose entries are
/// stored uncompressed): the first entry whose name ends with `suffix`, or nullopt.
std::optional<QByteArray> readStoredZipEntry(const QString& archive, const QString& suffix);

/// What a model is asked to look at.
enum class AiTarget { Volume, Image2d, Slide };

/// Whether a model takes this kind of image: slides need a tile classifier; 2-D images a
/// 2-D classifier; volumes a 3-D model. Modalities must agree when both are stated (CR and
/// DX count as one: both are projection radiographs).
bool modelFits(const ai::Manifest& manifest, AiTarget target, const QString& modality);

/// Shipped models are demonstrations: their intended use says so.
bool isDemonstration(const ai::Manifest& manifest);

} // namespace radpath::app

#pragma once
// The models RadPath offers: those shipped in share/radpath/models (resources/models in the
// source tree) and those in the user's model folder (settings), as RadPath packages (.pt)
// or MONAI bundles (a folder with configs/ and models/model.ts, or a .ts file).

#include "radpath/ai/Manifest.h"

#include <QString>
#include <QStringList>

namespace radpath::app {

/// Shipped models first: $RADPATH_MODEL_DIR, else <program dir>/../share/radpath/models;
/// then `userDir` when set.
QStringList modelLibraryFolders(const QString& userDir);

/// Model files and bundle folders directly inside `folders`, sorted by name within each.
QStringList findModels(const QStringList& folders);

/// What a model is asked to look at.
enum class AiTarget { Volume, Image2d, Slide };

/// Whether a model takes this kind of image: slides need a tile classifier; 2-D images a
/// 2-D classifier; volumes a 3-D model. Modalities must agree when both are stated (CR and
/// DX count as one: both are projection radiographs).
bool modelFits(const ai::Manifest& manifest, AiTarget target, const QString& modality);

/// Shipped models are demonstrations: their intended use says so.
bool isDemonstration(const ai::Manifest& manifest);

} // namespace radpath::app

#pragma once
// An evaluation (radpath/ai/Evaluation.h) as JSON and as a predictions table: what
// `radpath-cli evaluate` and `train` print and what the wizard exports.

#include "radpath/ai/Evaluation.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace radpath::app {

/// {"images", "accuracy", "classes", "confusionMatrix" ([truth][predicted]), and maps keyed by
/// class name: "support", "sensitivity", "specificity", "precision", "f1", "auc", "aucCi"
/// ([low, high]); then "ece"}. Figures that do not exist (NaN: an AUC with one class present)
/// are null.
QJsonObject evaluationJson(const ai::ClassificationEvaluation& evaluation);

/// {"images", "labels": [...], "dice": {name: mean}, "hd95": {name: mean mm}, "imagesWithLabel": {name: n}}.
QJsonObject evaluationJson(const ai::SegmentationEvaluation& evaluation);

/// CSV (RFC 4180 quoting, newline line ends): path,label,prediction, then one column per
/// class with its probability.
QByteArray predictionsCsv(const ai::ClassificationEvaluation& evaluation);

/// CSV: path, then one column per label with the image's Dice.
QByteArray predictionsCsv(const ai::SegmentationEvaluation& evaluation);

/// Writes atomically (QSaveFile); false with `error` set when it cannot.
bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error);

} // namespace radpath::app

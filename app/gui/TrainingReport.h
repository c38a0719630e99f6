#pragma once
// The training wizard's PDF report: the dataset, the settings, every epoch, the learning
// curves, the evaluation tables and its ROC and reliability charts.

#include "app/gui/TrainingWizardState.h"

#include <QImage>
#include <QString>

namespace radpath {
namespace app {

struct TrainingReportContent {
    const TrainingWizardState* state = nullptr;
    QString packagePath; ///< where the model is (the library copy when installed)
    QImage lossChart;    ///< images of the wizard's charts; null ones are left out
    QImage metricChart;
    QImage rocChart;
    QImage calibrationChart;
};

/// What figures on the validation split are worth, said on the evaluation page and in the
/// report: images the run watched, which chose the exported epoch when early stopping was on.
QString validationSplitNote(bool earlyStopping);

/// The report as HTML for QTextDocument; images are named chart://loss, chart://metric,
/// chart://roc and chart://calibration.
QString trainingReportHtml(const TrainingReportContent& content);

/// Writes the report as a PDF, atomically (QSaveFile); false with `error` naming the file.
bool writeTrainingReport(const TrainingReportContent& content, const QString& path, QString* error);

} // namespace app
} // namespace radpath

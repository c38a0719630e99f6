#include "app/gui/TrainingReport.h"

#include "app/core/HtmlText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace radpath {
namespace app {
namespace {

/// Translated in the "TrainingReport" context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(TrainingReport)
};

using html::esc;
using html::row;

QString figure(double value, int decimals = 4)
{
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("–");
}

QString jsonText(const QJsonValue& value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 8);
    return value.toString();
}

QString image(const QImage& picture, const char* name)
{
    if (picture.isNull())
        return {};
    // Both sides: QTextDocument keeps an image's own height when given only its width.
    constexpr int kWidth = 600;
    const int height = picture.height() * kWidth / std::max(1, picture.width());
    return QStringLiteral("<p><img src=\"chart://%1\" width=\"%2\" height=\"%3\"></p>")
        .arg(QLatin1String(name))
        .arg(kWidth)
        .arg(height);
}

QString datasetSection(const TrainingWizardState& s)
{
    const DatasetScan& scan = s.scan;
    QString html =
        QStringLiteral("<h2>%1</h2><p>%2</p>").arg(esc(Text::tr("Dataset")), esc(QDir::toNativeSeparators(scan.root)));
    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">");
    html += row({QString(), Text::tr("Train"), Text::tr("Validation"), Text::tr("Test")}, true);
    for (size_t r = 0; r < scan.counts.size(); ++r)
        html += row({scan.task == DatasetTask::Segmentation ? Text::tr("image / label pairs") : scan.classes.value(int(r)),
                     QString::number(scan.counts[r][0]), QString::number(scan.counts[r][1]),
                     QString::number(scan.counts[r][2])});
    html += QStringLiteral("</table>");
    for (const QString& warning : scan.warnings)
        html += QStringLiteral("<p>%1</p>").arg(esc(Text::tr("Warning: ") + warning));
    if (!scan.skipped.empty())
        html += QStringLiteral("<p>%1</p>").arg(esc(Text::tr("%n file(s) left out as unusable.", nullptr, int(scan.skipped.size()))));
    return html;
}

QString settingsSection(const TrainingWizardState& s)
{
    QString html =
        QStringLiteral("<h2>%1</h2><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">").arg(esc(Text::tr("Settings")));
    const QJsonObject json = toJson(s.config);
    for (auto it = json.begin(); it != json.end(); ++it)
        html += row({it.key(), jsonText(it.value())});
    return html + QStringLiteral("</table>");
}

/// Two classes: the only runs with a validation AUC (as on the run page).
bool hasAuc(const TrainingWizardState& s)
{
    if (s.config.task == ai::ModelTask::Segmentation)
        return false;
    const size_t labels = s.config.settings.manifest.output.labels.size();
    return labels > 0 ? labels == 2 : s.scan.classes.size() == 2;
}

QString epochsSection(const TrainingWizardState& s, const TrainingReportContent& c)
{
    const bool segmentation = s.config.task == ai::ModelTask::Segmentation;
    const bool auc = hasAuc(s);
    QString html = QStringLiteral("<h2>%1</h2>").arg(esc(Text::tr("Training")));
    if (s.outcome)
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(Text::tr("The package holds the weights of epoch %1%2.")
                                 .arg(s.outcome->bestEpoch)
                                 .arg(s.outcome->stoppedEarly ? Text::tr(" (stopped early)") : QString())));
    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">");
    QStringList header{Text::tr("Epoch"), Text::tr("Train loss"), Text::tr("Val loss"),
                       segmentation ? Text::tr("Val Dice") : Text::tr("Val accuracy")};
    if (auc)
        header << Text::tr("Val AUC");
    header << Text::tr("Learning rate") << Text::tr("Seconds");
    html += row(header, true);
    for (const ai::EpochReport& e : s.epochs) {
        QStringList cells{QString::number(e.epoch) + (e.best ? QStringLiteral(" *") : QString()), figure(e.trainLoss),
                          figure(e.validationLoss), figure(segmentation ? e.validationDice : e.validationAccuracy)};
        if (auc)
            cells << figure(e.validationAuc);
        cells << QString::number(e.learningRate, 'g', 3) << figure(e.seconds, 2);
        html += row(cells);
    }
    html += QStringLiteral("</table>");
    html += image(c.lossChart, "loss") + image(c.metricChart, "metric");
    return html;
}

QString evaluationSection(const TrainingWizardState& s, const TrainingReportContent& c)
{
    QString html = QStringLiteral("<h2>%1</h2>").arg(esc(Text::tr("Evaluation")));
    if ((s.classification || s.segmentation) && s.evaluatedSplit != QLatin1String("test"))
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(esc(validationSplitNote(s.config.settings.earlyStopping.patience > 0)));
    if (s.classification) {
        const ai::ClassificationEvaluation& e = *s.classification;
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(Text::tr("%1 images of the %2 split; accuracy %3; expected calibration error %4.")
                                 .arg(e.truth.size())
                                 .arg(s.evaluatedSplit, figure(e.accuracy, 3), figure(e.ece, 3))));
        html += QStringLiteral("<p><b>%1</b></p><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">")
                    .arg(esc(Text::tr("Confusion matrix (rows: truth, columns: predicted)")));
        QStringList header{QString()};
        for (const std::string& name : e.classes)
            header << QString::fromStdString(name);
        html += row(header, true);
        for (size_t t = 0; t < e.confusion.size(); ++t) {
            QStringList cells{QString::fromStdString(e.classes[t])};
            for (int64_t n : e.confusion[t])
                cells << QString::number(n);
            html += row(cells);
        }
        html += QStringLiteral("</table><p><b>%1</b></p><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">")
                    .arg(esc(Text::tr("Per class")));
        html += row({Text::tr("Class"), Text::tr("Support"), Text::tr("Sensitivity"), Text::tr("Specificity"), Text::tr("Precision"), Text::tr("F1"),
                     Text::tr("AUC"), Text::tr("95 % CI")},
                    true);
        for (const ai::ClassReport& r : e.perClass)
            html += row({QString::fromStdString(r.name), QString::number(r.support), figure(r.sensitivity, 3),
                         figure(r.specificity, 3), figure(r.precision, 3), figure(r.f1, 3), figure(r.auc, 3),
                         QStringLiteral("%1–%2").arg(figure(r.aucLow, 3), figure(r.aucHigh, 3))});
        html += QStringLiteral("</table>");
        html += image(c.rocChart, "roc") + image(c.calibrationChart, "calibration");
    } else if (s.segmentation) {
        const ai::SegmentationEvaluation& e = *s.segmentation;
        html += QStringLiteral("<p>%1</p><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">")
                    .arg(esc(Text::tr("%1 images of the %2 split.").arg(e.names.size()).arg(s.evaluatedSplit)));
        html += row({Text::tr("Label"), Text::tr("Dice"), Text::tr("HD95 (mm)"), Text::tr("Images")}, true);
        for (const ai::LabelReport& l : e.labels)
            html +=
                row({QString::fromStdString(l.name), figure(l.dice, 3), figure(l.hd95, 2), QString::number(l.images)});
        html += QStringLiteral("</table>");
    } else {
        html += QStringLiteral("<p>%1</p>").arg(esc(Text::tr("Not evaluated.")));
    }
    return html;
}

} // namespace

QString validationSplitNote(bool earlyStopping)
{
    return earlyStopping ? Text::tr("These figures come from the validation split, not from a test split. Early "
                                    "stopping chose the exported epoch by these images, so the figures are "
                                    "optimistic. Keep a test/ folder of images for an unbiased figure.")
                         : Text::tr("These figures come from the validation split, not from a test split. The run "
                                    "did not train on these images but reported on them after every epoch. Keep a "
                                    "test/ folder of images for an unbiased figure.");
}

QString trainingReportHtml(const TrainingReportContent& c)
{
    const TrainingWizardState& s = *c.state;
    const QString name = QString::fromStdString(s.config.settings.manifest.name);
    QString html = QStringLiteral("<html><body style=\"font-family: sans-serif; font-size: 9pt\">");
    html += QStringLiteral("<h1>%1</h1>").arg(esc(Text::tr("Training report: %1").arg(name)));
    html += QStringLiteral("<p>%1<br>%2<br>%3</p>")
                .arg(esc(Text::tr("Written %1 by RadPath.").arg(QDateTime::currentDateTime().toString(Qt::ISODate))),
                     esc(Text::tr("Model package: %1").arg(QDir::toNativeSeparators(c.packagePath))),
                     esc(QString::fromStdString(s.config.settings.manifest.intendedUse)));
    html += datasetSection(s) + settingsSection(s) + epochsSection(s, c) + evaluationSection(s, c);
    return html + QStringLiteral("</body></html>");
}

bool writeTrainingReport(const TrainingReportContent& content, const QString& path, QString* error)
{
    QTextDocument document;
    const QList<QPair<const char*, const QImage*>> images{{"loss", &content.lossChart},
                                                          {"metric", &content.metricChart},
                                                          {"roc", &content.rocChart},
                                                          {"calibration", &content.calibrationChart}};
    for (const auto& [name, picture] : images)
        if (!picture->isNull())
            document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart://") + QLatin1String(name)),
                                 *picture);
    document.setHtml(trainingReportHtml(content));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = Text::tr("%1: cannot be written (%2)").arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(150);
        writer.setTitle(Text::tr("Training report"));
        writer.setCreator(QStringLiteral("RadPath"));
        document.print(&writer); // ends its painter: the PDF is complete when this returns
    }
    if (!file.commit()) {
        if (error)
            *error = Text::tr("%1: cannot be written (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace app
} // namespace radpath

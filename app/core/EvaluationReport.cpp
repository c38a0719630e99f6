#include "app/core/EvaluationReport.h"

#include <QJsonArray>
#include <QSaveFile>

#include <cmath>

namespace radpath::app {
namespace {

QJsonValue figure(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')) &&
        !text.contains(QLatin1Char('\r')))
        return text;
    QString escaped = text;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QByteArray csvLine(const QStringList& fields)
{
    QStringList quoted;
    for (const QString& field : fields)
        quoted << csvField(field);
    return quoted.join(QLatin1Char(',')).toUtf8() + '\n';
}

QString nameOf(const std::vector<std::string>& names, int index)
{
    return index >= 0 && size_t(index) < names.size() ? QString::fromStdString(names[size_t(index)])
                                                      : QString::number(index);
}

} // namespace

QJsonObject evaluationJson(const ai::ClassificationEvaluation& e)
{
    QJsonArray classes, confusion;
    for (const auto& name : e.classes)
        classes.append(QString::fromStdString(name));
    for (const auto& row : e.confusion) {
        QJsonArray cells;
        for (const auto count : row)
            cells.append(double(count));
        confusion.append(cells);
    }
    QJsonObject support, sensitivity, specificity, precision, f1, auc, aucCi;
    for (const ai::ClassReport& c : e.perClass) {
        const QString name = QString::fromStdString(c.name);
        support[name] = c.support;
        sensitivity[name] = figure(c.sensitivity);
        specificity[name] = figure(c.specificity);
        precision[name] = figure(c.precision);
        f1[name] = figure(c.f1);
        auc[name] = figure(c.auc);
        aucCi[name] = QJsonArray{figure(c.aucLow), figure(c.aucHigh)};
    }
    return {{"images", int(e.truth.size())},
            {"accuracy", figure(e.accuracy)},
            {"classes", classes},
            {"confusionMatrix", confusion},
            {"support", support},
            {"sensitivity", sensitivity},
            {"specificity", specificity},
            {"precision", precision},
            {"f1", f1},
            {"auc", auc},
            {"aucCi", aucCi},
            {"ece", figure(e.ece)}};
}

QJsonObject evaluationJson(const ai::SegmentationEvaluation& e)
{
    QJsonArray labels;
    QJsonObject dice, hd95, images;
    for (const ai::LabelReport& l : e.labels) {
        const QString name = QString::fromStdString(l.name);
        labels.append(name);
        dice[name] = figure(l.dice);
        hd95[name] = figure(l.hd95);
        images[name] = l.images;
    }
    return {{"images", int(e.names.size())},
            {"labels", labels},
            {"dice", dice},
            {"hd95", hd95},
            {"imagesWithLabel", images}};
}

QByteArray predictionsCsv(const ai::ClassificationEvaluation& e)
{
    QStringList header{QStringLiteral("path"), QStringLiteral("label"), QStringLiteral("prediction")};
    for (const auto& name : e.classes)
        header << QString::fromStdString(name);
    QByteArray csv = csvLine(header);
    for (size_t i = 0; i < e.truth.size(); ++i) {
        QStringList row{i < e.names.size() ? QString::fromStdString(e.names[i]) : QString(),
                        nameOf(e.classes, e.truth[i]),
                        i < e.predicted.size() ? nameOf(e.classes, e.predicted[i]) : QString()};
        if (i < e.probabilities.size())
            for (double p : e.probabilities[i])
                row << QString::number(p, 'g', 6);
        csv += csvLine(row);
    }
    return csv;
}

QByteArray predictionsCsv(const ai::SegmentationEvaluation& e)
{
    QStringList header{QStringLiteral("path")};
    for (const ai::LabelReport& l : e.labels)
        header << QStringLiteral("dice_%1").arg(QString::fromStdString(l.name));
    QByteArray csv = csvLine(header);
    for (size_t i = 0; i < e.names.size(); ++i) {
        QStringList row{QString::fromStdString(e.names[i])};
        if (i < e.dicePerImage.size())
            for (double d : e.dicePerImage[i])
                row << (std::isfinite(d) ? QString::number(d, 'g', 6) : QString());
        csv += csvLine(row);
    }
    return csv;
}

bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (error)
        *error = QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString());
    return false;
}

} // namespace radpath::app

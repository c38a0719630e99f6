#pragma once
// radpath-bench: suites of figures printed as one JSON object. Anchors are measured in the
// same run; timings are medians of interleaved runs (A B A B ...).

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

class QDir;

namespace radpath::bench {

struct Figure {
    QString name;
    double value = 0.0;
    QString unit;
    std::optional<QString> anchorName;
    std::optional<double> anchorValue;
    /// Target on the ratio (value / anchor) when there is an anchor, else on the value.
    std::optional<double> max;
    std::optional<double> min;

    QJsonObject toJson() const;
};

struct Suite {
    QString name;
    QString summary;
    std::function<std::vector<Figure>()> run;
};

const std::vector<Suite>& suites();

/// Wall time (s) and peak resident memory (MB) of one run of a program.
struct ProcessCost {
    double seconds = 0.0;
    double peakRssMB = 0.0;
    int exitCode = -1;
};
ProcessCost runProcess(const QString& program, const QStringList& args, const QStringList& extraEnv = {});

double median(std::vector<double> values);
/// The value at rank round(p × (n − 1)) of the sorted values; 0 for none.
double percentile(std::vector<double> values, double p);
/// This process's resident memory now ("VmRSS:") or at its peak ("VmHWM:"), MB.
double residentMB(const char* field = "VmRSS:");

/// Directory holding the RadPath programs (beside radpath-bench).
QString binDir();

/// The slide of `radpath-cli make-demo --small` (12000 x 9000 Aperio SVS) under `work`,
/// written when missing, then read once so that every run reads it from the page cache.
QString smallDemoSlide(const QDir& work);

} // namespace radpath::bench

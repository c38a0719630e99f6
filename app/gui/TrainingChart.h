#pragma once
// A small line chart for the training wizard (Qt Charts): learning curves that grow an epoch
// at a time, ROC curves and reliability diagrams. Axes follow the data unless fixed.

#include <QChartView>
#include <QList>
#include <QPointF>

#include <optional>
#include <utility>

class QValueAxis;
class QXYSeries;

namespace radpath {
namespace app {

class TrainingChart : public QChartView {
public:
    /// Line: points joined and marked (a value per epoch); Curve: joined only (ROC);
    /// DashedLine: a grey reference line; Points: markers only.
    enum class Style { Line, Curve, DashedLine, Points };

    TrainingChart(const QString& title, const QString& xTitle, const QString& yTitle, QWidget* parent = nullptr);

    /// Adds a series and returns its index.
    int addSeries(const QString& name, Style style = Style::Line);
    int seriesCount() const { return int(m_series.size()); }
    QXYSeries* series(int index) const { return m_series.value(index); }
    /// Appends a point; non-finite values are left out.
    void append(int series, double x, double y);
    void setPoints(int series, const QList<QPointF>& points);
    /// Removes every series.
    void removeAllSeries();
    /// Fixed axis ranges instead of ranges that follow the data.
    void setFixedRange(const QRectF& range);
    /// A fixed y range only (figures in 0..1); x follows the data.
    void setFixedYRange(double low, double high);
    /// The x axis counts (epochs): whole-number ticks.
    void setWholeNumberX(bool whole)
    {
        m_wholeX = whole;
        updateRanges();
    }

private:
    void updateRanges();

    QValueAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    QList<QXYSeries*> m_series;
    std::optional<QRectF> m_fixed;
    std::optional<std::pair<double, double>> m_fixedY;
    bool m_wholeX = false;
};

} // namespace app
} // namespace radpath

#include "app/gui/TrainingChart.h"

#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace radpath {
namespace app {

TrainingChart::TrainingChart(const QString& title, const QString& xTitle, const QString& yTitle, QWidget* parent)
    : QChartView(parent)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_x = new QValueAxis(chart);
    m_x->setTitleText(xTitle);
    m_y = new QValueAxis(chart);
    m_y->setTitleText(yTitle);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(280, 200);
    updateRanges();
}

int TrainingChart::addSeries(const QString& name, Style style)
{
    QXYSeries* series = nullptr;
    if (style == Style::Points) {
        auto* points = new QScatterSeries;
        points->setMarkerSize(9.0);
        series = points;
    } else {
        series = new QLineSeries;
        if (style == Style::DashedLine) {
            QPen pen(Qt::gray);
            pen.setStyle(Qt::DashLine);
            series->setPen(pen);
        }
    }
    series->setName(name);
    series->setPointsVisible(style == Style::Line);
    chart()->addSeries(series); // the theme gives it its colour
    if (style == Style::Curve) {
        QPen pen = series->pen();
        pen.setWidthF(2.0);
        series->setPen(pen);
    }
    series->attachAxis(m_x);
    series->attachAxis(m_y);
    m_series.append(series);
    return int(m_series.size()) - 1;
}

void TrainingChart::append(int index, double x, double y)
{
    if (!std::isfinite(x) || !std::isfinite(y) || index < 0 || index >= m_series.size())
        return;
    m_series[index]->append(x, y);
    updateRanges();
}

void TrainingChart::setPoints(int index, const QList<QPointF>& points)
{
    if (index < 0 || index >= m_series.size())
        return;
    QList<QPointF> finite;
    for (const QPointF& p : points)
        if (std::isfinite(p.x()) && std::isfinite(p.y()))
            finite.append(p);
    m_series[index]->replace(finite);
    updateRanges();
}

void TrainingChart::removeAllSeries()
{
    chart()->removeAllSeries();
    m_series.clear();
    updateRanges();
}

void TrainingChart::setFixedRange(const QRectF& range)
{
    m_fixed = range;
    updateRanges();
}

void TrainingChart::setFixedYRange(double low, double high)
{
    m_fixedY = std::make_pair(low, high);
    updateRanges();
}

void TrainingChart::updateRanges()
{
    if (m_fixed) {
        m_x->setRange(m_fixed->left(), m_fixed->right());
        m_y->setRange(m_fixed->top(), m_fixed->bottom());
        m_x->setTickCount(6);
        m_y->setTickCount(6);
        return;
    }
    double x0 = std::numeric_limits<double>::max(), x1 = std::numeric_limits<double>::lowest();
    double y0 = x0, y1 = x1;
    for (const QXYSeries* series : m_series)
        for (const QPointF& p : series->points()) {
            x0 = std::min(x0, p.x()), x1 = std::max(x1, p.x());
            y0 = std::min(y0, p.y()), y1 = std::max(y1, p.y());
        }
    if (x0 > x1) {
        x0 = m_wholeX ? 1.0 : 0.0, x1 = m_wholeX ? 2.0 : 1.0;
        y0 = 0.0, y1 = 1.0;
    }
    if (m_wholeX) {
        x0 = std::floor(x0), x1 = std::max(std::ceil(x1), x0 + 1.0);
        const int span = int(x1 - x0);
        // Whole-number ticks: one per epoch while they fit, else every few epochs.
        const int step = std::max(1, (span + 9) / 10);
        x1 = x0 + std::ceil(double(span) / step) * step;
        m_x->setTickCount(int((x1 - x0) / step) + 1);
        m_x->setLabelFormat(QStringLiteral("%d"));
    } else {
        m_x->setTickCount(6);
    }
    m_x->setRange(x0, x1);
    if (m_fixedY) {
        m_y->setRange(m_fixedY->first, m_fixedY->second);
        m_y->setTickCount(6);
        return;
    }
    if (y1 - y0 < 1e-9)
        y0 -= 0.5, y1 += 0.5;
    const double pad = 0.05 * (y1 - y0);
    m_y->setRange(y0 - pad, y1 + pad);
    m_y->setTickCount(6);
    m_y->applyNiceNumbers(); // round ticks: 0.4, 0.5, ... rather than 0.415, 0.466, ...
}

} // namespace app
} // namespace radpath

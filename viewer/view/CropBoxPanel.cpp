#include "viewer/view/CropBoxPanel.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace radpath {
namespace viewer {

QString axisDirectionName(const ImageGeometry& geometry, int axis)
{
    // LPS: +x is left, +y posterior, +z superior; the largest component names the axis.
    const Vec3 d = geometry.axisDirection(axis);
    int c = 0;
    for (int n = 1; n < 3; ++n)
        if (std::abs(d[n]) > std::abs(d[c]))
            c = n;
    const bool positive = d[c] >= 0;
    switch (c) {
    case 0:
        return positive ? CropBoxPanel::tr("Right → Left") : CropBoxPanel::tr("Left → Right");
    case 1:
        return positive ? CropBoxPanel::tr("Anterior → Posterior") : CropBoxPanel::tr("Posterior → Anterior");
    default:
        return positive ? CropBoxPanel::tr("Inferior → Superior") : CropBoxPanel::tr("Superior → Inferior");
    }
}

CropBoxPanel::CropBoxPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("cropPanel"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(4, 2, 4, 2);
    grid->setVerticalSpacing(2);
    for (int axis = 0; axis < 3; ++axis) {
        m_names[axis] = new QLabel(this);
        m_values[axis] = new QLabel(this);
        m_values[axis]->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0000 – 0000")));
        grid->addWidget(m_names[axis], axis, 0);
        for (int end = 0; end < 2; ++end) {
            auto* slider = new QSlider(Qt::Horizontal, this);
            slider->setObjectName(QStringLiteral("crop%1%2").arg(end ? "High" : "Low").arg(axis));
            slider->setToolTip(end ? tr("Last slice kept along this axis") : tr("First slice kept along this axis"));
            m_sliders[2 * axis + end] = slider;
            grid->addWidget(slider, axis, 1 + end);
            connect(slider, &QSlider::valueChanged, this, [this, axis, end] { sliderMoved(axis, end == 1); });
        }
        grid->addWidget(m_values[axis], axis, 3);
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
}

void CropBoxPanel::setImageGeometry(const ImageGeometry& geometry)
{
    for (int axis = 0; axis < 3; ++axis) {
        m_names[axis]->setText(axisDirectionName(geometry, axis));
        for (int end = 0; end < 2; ++end) {
            QSlider* slider = m_sliders[2 * axis + end];
            const QSignalBlocker block(slider);
            slider->setRange(0, std::max(0, geometry.size[axis] - 1));
            slider->setValue(end ? slider->maximum() : 0);
        }
    }
    showValues();
}

void CropBoxPanel::setBox(const IndexBox& box)
{
    for (int axis = 0; axis < 3; ++axis) {
        QSlider* low = m_sliders[2 * axis];
        QSlider* high = m_sliders[2 * axis + 1];
        const QSignalBlocker blockLow(low), blockHigh(high);
        const int lo = std::clamp(std::min(box[2 * axis], box[2 * axis + 1]), low->minimum(), low->maximum());
        const int hi = std::clamp(std::max(box[2 * axis], box[2 * axis + 1]), high->minimum(), high->maximum());
        low->setValue(lo);
        high->setValue(hi);
    }
    showValues();
}

IndexBox CropBoxPanel::box() const
{
    IndexBox box;
    for (int n = 0; n < 6; ++n)
        box[n] = m_sliders[n]->value();
    return box;
}

void CropBoxPanel::sliderMoved(int axis, bool high)
{
    // The other end gives way so that low <= high.
    QSlider* low = m_sliders[2 * axis];
    QSlider* up = m_sliders[2 * axis + 1];
    if (low->value() > up->value()) {
        QSlider* other = high ? low : up;
        const QSignalBlocker block(other);
        other->setValue(high ? up->value() : low->value());
    }
    showValues();
    emit boxChanged(box());
}

void CropBoxPanel::showValues()
{
    for (int axis = 0; axis < 3; ++axis)
        m_values[axis]->setText(
            QStringLiteral("%1 – %2").arg(m_sliders[2 * axis]->value()).arg(m_sliders[2 * axis + 1]->value()));
}

} // namespace viewer
} // namespace radpath

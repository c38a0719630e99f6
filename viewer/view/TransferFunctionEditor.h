#pragma once
// Edits a transfer function over the volume's histogram: the opacity curve's points are
// handles over the log histogram, the colour bar lies under it.
//
// Mouse: drag a point to move it (its neighbours keep their order); a click on empty space
// adds an opacity point there; right-click or double-click on a point removes it (two stay
// at least). Colour bar: drag a colour marker along the values, double-click one to choose
// its colour, double-click elsewhere on the bar to add one; right-click removes one. The
// wheel zooms the value axis around the cursor.

#include "viewer/model/TransferFunction.h"
#include "viewer/model/VolumeHistogram.h"

#include <QColor>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

namespace radpath {
namespace viewer {

/// GUI thread only.
class TransferFunctionEditor : public QWidget {
    Q_OBJECT
public:
    explicit TransferFunctionEditor(QWidget* parent = nullptr);
    ~TransferFunctionEditor() override;

    /// The histogram drawn under the curve; the value axis is reset to show all of it.
    void setHistogram(const VolumeHistogram& histogram);
    const VolumeHistogram& histogram() const;
    /// Shows `tf` without emitting transferFunctionChanged.
    void setTransferFunction(const TransferFunction& tf);
    const TransferFunction& transferFunction() const;

    /// Values shown from the left to the right edge of plotRect().
    void setValueRange(double low, double high);
    double valueLow() const;
    double valueHigh() const;

    /// Widget coordinates where the value axis (left = valueLow, right = valueHigh) and the
    /// opacity axis (bottom = 0, top = 1) of the curve lie.
    QRectF plotRect() const;
    /// Widget coordinates of the colour bar, on the same value axis.
    QRectF colourBarRect() const;

    /// Asks the user for a colour point's colour; nothing when cancelled. QColorDialog by default.
    void setColourChooser(std::function<std::optional<QColor>(const QColor& initial)> chooser);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void transferFunctionChanged(const TransferFunction& tf);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    double valueAt(double x) const;
    double xOf(double value) const;
    int opacityPointAt(const QPointF& pos) const;
    int colourPointAt(const QPointF& pos) const;
    void moveDragged(const QPointF& pos);
    void editColour(const QPointF& pos);
    void changed();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace viewer
} // namespace radpath

#pragma once
// Sliders for the voxel index ranges a volume rendering keeps: a low and a high slider per
// index axis, each row named by the patient direction the axis runs along.

#include "viewer/model/ImageGeometry.h"

#include <QWidget>

#include <array>

class QLabel;
class QSlider;

namespace radpath {
namespace viewer {

/// Inclusive voxel index ranges kept: {i0, i1, j0, j1, k0, k1}.
using IndexBox = std::array<int, 6>;

/// GUI thread only.
class CropBoxPanel : public QWidget {
    Q_OBJECT
public:
    explicit CropBoxPanel(QWidget* parent = nullptr);

    /// Sets the slider ranges to the grid's indices and the box to all of it.
    void setImageGeometry(const ImageGeometry& geometry);
    /// Shows `box`, clamped to the grid, without emitting boxChanged.
    void setBox(const IndexBox& box);
    IndexBox box() const;

signals:
    void boxChanged(const IndexBox& box);

private:
    void sliderMoved(int axis, bool high);
    void showValues();

    std::array<QSlider*, 6> m_sliders{};
    std::array<QLabel*, 3> m_names{};
    std::array<QLabel*, 3> m_values{};
};

/// The patient direction index axis `axis` runs along, e.g. "Right → Left" for +x.
QString axisDirectionName(const ImageGeometry& geometry, int axis);

} // namespace viewer
} // namespace radpath

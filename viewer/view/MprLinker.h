#pragma once
// Links slice views into one MPR set: a shared crosshair point that every plane passes
// through, one oblique rotation for all planes, the other planes drawn as crosshair lines in
// each view, one window, and one list of measurements shown on whichever plane holds them.

#include "viewer/view/SliceView.h"

#include <QObject>

#include <vector>

namespace radpath {
namespace viewer {

/// Colour of an orientation's crosshair lines and view frame (axial red, coronal green,
/// sagittal yellow, as in 3D Slicer).
QColor orientationColour(SliceOrientation orientation);

/// GUI thread only. The views must outlive the linker or be unset first.
class MprLinker : public QObject {
    Q_OBJECT
public:
    explicit MprLinker(QObject* parent = nullptr);

    /// Views showing the same Volume; the first one keeps the measurement list the others
    /// share. Views not in the list are left alone.
    void setViews(std::vector<SliceView*> views);
    const std::vector<SliceView*>& views() const;

    void setCrosshair(const Vec3& point);
    Vec3 crosshair() const;
    void setCrosshairVisible(bool visible);
    bool isCrosshairVisible() const;

    /// The rotation every plane has turned by (oblique MPR); identity: orthogonal planes.
    Rotation rotation() const;
    void setRotation(const Rotation& rotation);
    void resetRotation();

signals:
    void crosshairChanged(const Vec3& point);
    void rotationChanged();

private:
    void updateCrosshairPlanes();
    void rotateBy(const Vec3& axis, double radians);

    std::vector<SliceView*> m_views;
    std::vector<QMetaObject::Connection> m_connections;
    Rotation m_rotation = identityRotation();
    bool m_crosshairVisible = true;
    bool m_syncing = false; ///< a linked change in progress: do not echo it back
};

} // namespace viewer
} // namespace radpath

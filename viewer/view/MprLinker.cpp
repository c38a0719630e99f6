#include "viewer/view/MprLinker.h"

namespace radpath {
namespace viewer {

QColor orientationColour(SliceOrientation orientation)
{
    switch (orientation) {
    case SliceOrientation::Axial: return {232, 86, 86};
    case SliceOrientation::Coronal: return {96, 200, 96};
    case SliceOrientation::Sagittal: return {232, 208, 80};
    case SliceOrientation::Native: break;
    }
    return {90, 190, 230};
}

MprLinker::MprLinker(QObject* parent) : QObject(parent) {}

const std::vector<SliceView*>& MprLinker::views() const { return m_views; }

void MprLinker::setViews(std::vector<SliceView*> views)
{
    for (const auto& c : m_connections)
        disconnect(c);
    m_connections.clear();
    for (SliceView* view : m_views) {
        view->setCrosshairPlanes({});
        view->setCrosshairVisible(false);
    }
    m_views = std::move(views);
    if (m_views.empty())
        return;
    SliceView* first = m_views.front();
    for (SliceView* view : m_views) {
        if (view != first)
            view->shareMeasurementsWith(first);
        m_connections.push_back(connect(view, &SliceView::crosshairMoved, this, [this, view](const Vec3& point) {
            if (m_syncing)
                return;
            m_syncing = true;
            for (SliceView* other : m_views)
                if (other != view)
                    other->setCrosshair(point);
            m_syncing = false;
            emit crosshairChanged(point);
        }));
        m_connections.push_back(connect(view, &SliceView::rotationRequested, this, &MprLinker::rotateBy));
        m_connections.push_back(connect(view, &SliceView::windowChanged, this, [this, view](double center, double width) {
            if (m_syncing)
                return;
            m_syncing = true;
            for (SliceView* other : m_views)
                if (other != view)
                    other->setWindow(center, width);
            m_syncing = false;
        }));
    }
    const Vec3 point = first->crosshair();
    for (SliceView* view : m_views) {
        view->setPlaneRotation(m_rotation);
        view->setCrosshair(point);
        view->setCrosshairVisible(m_crosshairVisible);
    }
    updateCrosshairPlanes();
}

void MprLinker::setCrosshair(const Vec3& point)
{
    m_syncing = true;
    for (SliceView* view : m_views)
        view->setCrosshair(point);
    m_syncing = false;
    emit crosshairChanged(point);
}

Vec3 MprLinker::crosshair() const { return m_views.empty() ? Vec3{0, 0, 0} : m_views.front()->crosshair(); }

void MprLinker::setCrosshairVisible(bool visible)
{
    m_crosshairVisible = visible;
    for (SliceView* view : m_views)
        view->setCrosshairVisible(visible);
}

bool MprLinker::isCrosshairVisible() const { return m_crosshairVisible; }
Rotation MprLinker::rotation() const { return m_rotation; }

void MprLinker::setRotation(const Rotation& rotation)
{
    m_rotation = rotation;
    for (SliceView* view : m_views)
        view->setPlaneRotation(rotation);
    updateCrosshairPlanes();
    emit rotationChanged();
}

void MprLinker::resetRotation() { setRotation(identityRotation()); }

void MprLinker::rotateBy(const Vec3& axis, double radians)
{
    // Turning about one view's normal leaves that view's plane where it is and turns the
    // others with its crosshair lines.
    setRotation(multiply(axisRotation(axis, radians), m_rotation));
}

void MprLinker::updateCrosshairPlanes()
{
    for (SliceView* view : m_views) {
        std::vector<CrosshairPlane> planes;
        for (SliceView* other : m_views)
            if (other != view)
                planes.push_back({other->planeNormal(), orientationColour(other->orientation())});
        view->setCrosshairPlanes(std::move(planes));
    }
}

} // namespace viewer
} // namespace radpath

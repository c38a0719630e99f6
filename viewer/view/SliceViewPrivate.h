#pragma once
// SliceView's state, shared by SliceView.cpp (data, window, interaction) and
// SliceViewOverlay.cpp (corner text, letters, scale bar, probe). Not for other files.

#include "viewer/render/VtkWidget.h"
#include "viewer/model/Layers.h"
#include "viewer/model/PlaneSampler.h"
#include "viewer/view/MeasurementEditor.h"
#include "viewer/view/SliceInputTool.h"
#include "viewer/view/SliceView.h"

#include <QImage>
#include <QPointer>
#include <QTimer>

#include <vtkCamera.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkImageData.h>
#include <vtkImageProperty.h>
#include <vtkImageSlice.h>
#include <vtkImageResliceMapper.h>
#include <vtkLookupTable.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>

#include <algorithm>
#include <cmath>

namespace radpath {
namespace viewer {

struct SliceView::Private {
    Volume volume;
    vtkSmartPointer<vtkImageData> image;
    VtkWidget* vtk = nullptr;
    // Reslices the volume on the plane through the camera's focal point, facing the camera.
    vtkSmartPointer<vtkImageResliceMapper> mapper = vtkSmartPointer<vtkImageResliceMapper>::New();
    vtkSmartPointer<vtkImageSlice> actor = vtkSmartPointer<vtkImageSlice>::New();
    vtkSmartPointer<vtkLookupTable> lut = vtkSmartPointer<vtkLookupTable>::New();
    bool inverted = false;
    int voiLut = -1;
    double fitScale = 1.0;
    /// Shared by the views of one MPR set; `owner` (if any) announces its changes.
    std::shared_ptr<MeasurementEditor> editor = std::make_shared<MeasurementEditor>();
    QPointer<SliceView> owner;
    QMetaObject::Connection ownerConnection;
    QTimer* cine = nullptr;
    double cineRate = 15.0;
    Qt::MouseButton dragButton = Qt::NoButton;
    QPointF dragStart, lastMouse;
    double startCenter = 0, startWidth = 1;
    bool hasMouse = false;
    bool loading = false;
    SliceOrientation orientation = SliceOrientation::Native;
    Rotation rotation = identityRotation();
    Vec3 cursor{0, 0, 0};           ///< crosshair; the plane passes through it
    bool crosshairVisible = false;
    std::vector<CrosshairPlane> crosshairPlanes;
    enum class CrosshairDrag { None, Move, Rotate } crosshairDrag = CrosshairDrag::None;
    QPointer<LayerStack> layers;
    QMetaObject::Connection layersConnection;
    QImage layerImage;       ///< the layers composed on `layerGrid` at `layerRevision`
    PlaneGrid layerGrid;
    int layerRevision = -1;
    int layersRevision = 0;  ///< counts changes of the layers
    SliceInputTool* inputTool = nullptr;
    SlabMode slabMode = SlabMode::None;
    double slabThickness = 0;

    vtkRenderer* renderer() const { return vtk->renderer(); }
    vtkCamera* camera() const { return vtk->renderer()->GetActiveCamera(); }
    int heightPx() const { return vtk->renderWindow()->GetSize()[1]; }
    double dpr() const { return vtk->devicePixelRatioF(); }

    /// The orientation's plane before rotation: slice normal, direction of view, screen up.
    struct Frame {
        Vec3 normal, view, up;
    };
    Frame baseFrame() const
    {
        switch (orientation) {
        // Radiological conventions: axial from the feet with anterior up, coronal from the
        // front with superior up, sagittal from the patient's left with superior up.
        case SliceOrientation::Axial: return {{0, 0, 1}, {0, 0, 1}, {0, -1, 0}};
        case SliceOrientation::Coronal: return {{0, 1, 0}, {0, 1, 0}, {0, 0, 1}};
        case SliceOrientation::Sagittal: return {{1, 0, 0}, {-1, 0, 0}, {0, 0, 1}};
        case SliceOrientation::Native: break;
        }
        // The volume's slices, seen as the patient-space plane they are closest to.
        const Vec3 n = volume.geometry().axisDirection(2);
        const int dominant = int(std::max_element(n.begin(), n.end(), [](double a, double b) { return std::abs(a) < std::abs(b); }) -
                                 n.begin());
        // Looked at straight on, from the side the patient-space view would take.
        const Frame patient = dominant == 2 ? Frame{{0, 0, 1}, {0, 0, 1}, {0, -1, 0}}
                              : dominant == 1 ? Frame{{0, 1, 0}, {0, 1, 0}, {0, 0, 1}}
                                              : Frame{{1, 0, 0}, {-1, 0, 0}, {0, 0, 1}};
        const Vec3 view = dot(n, patient.view) >= 0 ? n : scale(n, -1);
        Vec3 up = sub(patient.up, scale(view, dot(patient.up, view)));
        up = scale(up, 1.0 / std::max(1e-12, norm(up)));
        return {n, view, up};
    }
    Vec3 normal() const { return rotate(rotation, baseFrame().normal); }
    /// Slice numbering along the normal: position of slice 0 (mm along the normal), step and count.
    struct SliceAxis {
        double start = 0, step = 1;
        int count = 1;
    };
    SliceAxis sliceAxis() const
    {
        const auto& g = volume.geometry();
        const Vec3 n = normal();
        double lo = 1e300, hi = -1e300;
        for (int c = 0; c < 8; ++c) {
            const Vec3 corner = g.indexToPhysical({(c & 1) ? g.size[0] - 1.0 : 0.0, (c & 2) ? g.size[1] - 1.0 : 0.0,
                                                   (c & 4) ? g.size[2] - 1.0 : 0.0});
            lo = std::min(lo, dot(corner, n));
            hi = std::max(hi, dot(corner, n));
        }
        int nearest = 0; // the index axis closest to the normal gives the step
        for (int a = 1; a < 3; ++a)
            if (std::abs(dot(g.axisDirection(a), n)) > std::abs(dot(g.axisDirection(nearest), n)))
                nearest = a;
        SliceAxis axis;
        axis.start = lo;
        axis.step = std::max(1e-6, g.spacing[size_t(nearest)]);
        axis.count = int(std::floor((hi - lo) / axis.step + 1e-6)) + 1;
        return axis;
    }
    int sliceOf(const Vec3& p) const
    {
        const SliceAxis axis = sliceAxis();
        return std::clamp(int(std::lround((dot(p, normal()) - axis.start) / axis.step)), 0, axis.count - 1);
    }
    /// A point of the plane: the crosshair.
    Vec3 planeCenter() const { return cursor; }
    Vec3 screenUp() const
    {
        double up[3];
        camera()->GetViewUp(up);
        return {up[0], up[1], up[2]};
    }
    Vec3 screenRight() const
    {
        double dop[3];
        camera()->GetDirectionOfProjection(dop);
        Vec3 r = cross({dop[0], dop[1], dop[2]}, screenUp());
        return scale(r, 1.0 / std::max(1e-12, norm(r)));
    }
    Vec3 toWorld(QPointF widgetPos) const
    {
        double focal[3], display[3];
        camera()->GetFocalPoint(focal);
        renderer()->SetWorldPoint(focal[0], focal[1], focal[2], 1.0);
        renderer()->WorldToDisplay();
        renderer()->GetDisplayPoint(display);
        renderer()->SetDisplayPoint(widgetPos.x() * dpr(), heightPx() - 1 - widgetPos.y() * dpr(), display[2]);
        renderer()->DisplayToWorld();
        double w[4];
        renderer()->GetWorldPoint(w);
        Vec3 p{w[0] / w[3], w[1] / w[3], w[2] / w[3]};
        // Onto the slice plane along the viewing direction (parallel projection).
        const Vec3 n = normal();
        double dop[3];
        camera()->GetDirectionOfProjection(dop);
        const Vec3 d{dop[0], dop[1], dop[2]};
        const double t = dot(sub(planeCenter(), p), n) / dot(d, n);
        return add(p, scale(d, t));
    }
    QPointF toWidget(const Vec3& p) const
    {
        renderer()->SetWorldPoint(p[0], p[1], p[2], 1.0);
        renderer()->WorldToDisplay();
        double display[3];
        renderer()->GetDisplayPoint(display);
        return {display[0] / dpr(), (heightPx() - 1 - display[1]) / dpr()};
    }
    void moveCamera(const Vec3& delta)
    {
        double f[3], p[3];
        camera()->GetFocalPoint(f);
        camera()->GetPosition(p);
        camera()->SetFocalPoint(f[0] + delta[0], f[1] + delta[1], f[2] + delta[2]);
        camera()->SetPosition(p[0] + delta[0], p[1] + delta[1], p[2] + delta[2]);
    }
    SliceProjection projection() const
    {
        SliceProjection view;
        view.toPatient = [this](QPointF pos) { return toWorld(pos); };
        view.toWidget = [this](const Vec3& p) { return toWidget(p); };
        view.right = screenRight();
        view.up = screenUp();
        // The volume's own slice at the crosshair: where gantry-tilt resampling moves it from.
        const Vec3 index = volume.geometry().physicalToIndex(cursor);
        view.slice = std::clamp(int(std::lround(index[2])), 0, std::max(0, volume.geometry().size[2] - 1));
        view.planePoint = cursor;
        view.planeNormal = normal();
        view.planeTolerance = 0.5 * sliceAxis().step;
        return view;
    }
    // Values to grey: the file's VOI LUT, a sigmoid window (VOILUTFunction SIGMOID) or a
    // linear window (the property's colour window and level over a grey ramp).
    void updateLut()
    {
        const VolumeInfo& info = volume.info();
        vtkImageProperty* property = actor->GetProperty();
        if (voiLut >= 0 && voiLut < int(info.voiLuts.size())) {
            const VoiLut& table = info.voiLuts[size_t(voiLut)];
            const double top = std::max(1.0, std::pow(2.0, table.bits) - 1);
            const int n = int(table.table.size());
            lut->SetNumberOfTableValues(n);
            for (int i = 0; i < n; ++i) {
                const double v = std::clamp(table.table[size_t(i)] / top, 0.0, 1.0);
                lut->SetTableValue(i, inverted ? 1 - v : v, inverted ? 1 - v : v, inverted ? 1 - v : v, 1.0);
            }
            // Entry i covers the value firstMapped + i: half a value either side.
            lut->SetRange(table.firstMapped - 0.5, table.firstMapped + n - 0.5);
            property->UseLookupTableScalarRangeOn();
        } else if (info.voiLutFunction == "SIGMOID") {
            const double c = property->GetColorLevel(), w = std::max(1e-3, property->GetColorWindow());
            lut->SetNumberOfTableValues(256);
            for (int i = 0; i < 256; ++i) {
                const double x = c - w + 2 * w * i / 255.0;
                const double v = 1.0 / (1.0 + std::exp(-4.0 * (x - c) / w));
                lut->SetTableValue(i, inverted ? 1 - v : v, inverted ? 1 - v : v, inverted ? 1 - v : v, 1.0);
            }
            lut->SetRange(c - w, c + w);
            property->UseLookupTableScalarRangeOn();
        } else {
            lut->SetNumberOfTableValues(256);
            for (int i = 0; i < 256; ++i) {
                const double v = (inverted ? 255 - i : i) / 255.0;
                lut->SetTableValue(i, v, v, v, 1.0);
            }
            property->UseLookupTableScalarRangeOff();
        }
        lut->Modified();
    }
    // Extent of the volume along the screen axes, in mm.
    std::pair<double, double> screenExtent() const
    {
        const auto& g = volume.geometry();
        const Vec3 r = screenRight(), u = screenUp();
        double w = 0, h = 0;
        for (int a = 0; a < 3; ++a) {
            const Vec3 axis = g.axisDirection(a);
            const double length = g.size[size_t(a)] * g.spacing[size_t(a)];
            w += std::abs(dot(r, axis)) * length;
            h += std::abs(dot(u, axis)) * length;
        }
        return {w, h};
    }
    /// Points the camera along the plane's frame, keeping the focal point on the plane.
    void placeCamera()
    {
        const Frame base = baseFrame();
        const Vec3 view = rotate(rotation, base.view), up = rotate(rotation, base.up), n = normal();
        double f[3];
        camera()->GetFocalPoint(f);
        Vec3 focal{f[0], f[1], f[2]};
        focal = sub(focal, scale(n, dot(sub(focal, cursor), n)));
        camera()->SetFocalPoint(focal[0], focal[1], focal[2]);
        camera()->SetPosition(focal[0] - 1000 * view[0], focal[1] - 1000 * view[1], focal[2] - 1000 * view[2]);
        camera()->SetViewUp(up[0], up[1], up[2]);
        camera()->OrthogonalizeViewUp();
        renderer()->ResetCameraClippingRange();
    }
};

} // namespace viewer
} // namespace radpath

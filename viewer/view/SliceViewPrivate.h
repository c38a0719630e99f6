#pragma once
// SliceView's state, shared by SliceView.cpp (data, window, interaction) and
// SliceViewOverlay.cpp (corner text, letters, scale bar, probe). Not for other files.

#include "viewer/render/VtkWidget.h"
#include "viewer/view/MeasurementEditor.h"
#include "viewer/view/SliceView.h"

#include <QTimer>

#include <vtkCamera.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkImageData.h>
#include <vtkImageProperty.h>
#include <vtkImageSlice.h>
#include <vtkImageSliceMapper.h>
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
    vtkSmartPointer<vtkImageSliceMapper> mapper = vtkSmartPointer<vtkImageSliceMapper>::New();
    vtkSmartPointer<vtkImageSlice> actor = vtkSmartPointer<vtkImageSlice>::New();
    vtkSmartPointer<vtkLookupTable> lut = vtkSmartPointer<vtkLookupTable>::New();
    bool inverted = false;
    int voiLut = -1;
    double fitScale = 1.0;
    MeasurementEditor editor;
    QTimer* cine = nullptr;
    double cineRate = 15.0;
    Qt::MouseButton dragButton = Qt::NoButton;
    QPointF dragStart, lastMouse;
    double startCenter = 0, startWidth = 1;
    bool hasMouse = false;
    bool loading = false;

    vtkRenderer* renderer() const { return vtk->renderer(); }
    vtkCamera* camera() const { return vtk->renderer()->GetActiveCamera(); }
    int heightPx() const { return vtk->renderWindow()->GetSize()[1]; }
    double dpr() const { return vtk->devicePixelRatioF(); }

    Vec3 normal() const { return volume.geometry().axisDirection(2); }
    Vec3 planeCenter() const
    {
        const auto& g = volume.geometry();
        return g.indexToPhysical({(g.size[0] - 1) / 2.0, (g.size[1] - 1) / 2.0, double(mapper->GetSliceNumber())});
    }
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
        view.slice = mapper->GetSliceNumber();
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
    // Extent of the slice along the screen axes, in mm.
    std::pair<double, double> screenExtent() const
    {
        const auto& g = volume.geometry();
        const Vec3 a0 = g.axisDirection(0), a1 = g.axisDirection(1);
        const double l0 = g.size[0] * g.spacing[0], l1 = g.size[1] * g.spacing[1];
        const Vec3 r = screenRight(), u = screenUp();
        return {std::abs(dot(r, a0)) * l0 + std::abs(dot(r, a1)) * l1, std::abs(dot(u, a0)) * l0 + std::abs(dot(u, a1)) * l1};
    }
};

} // namespace viewer
} // namespace radpath

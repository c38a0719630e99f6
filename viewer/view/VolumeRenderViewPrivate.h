#pragma once
// VolumeRenderView's state, shared by VolumeRenderView.cpp (volume, transfer function,
// crop, camera, quality), VolumeRenderTools.cpp (tool row, crop box) and VolumeRenderLabels.cpp
// (label surfaces). Not for other files.

#include "viewer/model/VolumeHistogram.h"
#include "viewer/view/VolumeRenderView.h"

#include <vtkActor.h>
#include <vtkColorTransferFunction.h>
#include <vtkImageData.h>
#include <vtkPiecewiseFunction.h>
#include <vtkPlaneCollection.h>
#include <vtkSmartPointer.h>
#include <vtkSmartVolumeMapper.h>
#include <vtkVolume.h>

#include <atomic>
#include <map>
#include <memory>

class QAction;
class QComboBox;
class QTimer;

namespace radpath {
namespace viewer {

struct VolumeRenderView::Private {
    Volume volume;
    vtkSmartPointer<vtkImageData> image; ///< the volume's voxels in its unrotated index frame (mm)
    VolumeHistogram histogram;
    int histogramGeneration = 0;
    bool histogramPending = false;
    QString pendingPreset; ///< applied once the histogram is in

    VtkWidget* view = nullptr;
    TransferFunctionEditor* editor = nullptr;
    CropBoxPanel* crop = nullptr;
    QComboBox* presets = nullptr;
    QAction* shading = nullptr;
    QAction* cropping = nullptr;
    QAction* editorToggle = nullptr;
    QTimer* wheelIdle = nullptr;

    TransferFunction tf;
    vtkSmartPointer<vtkSmartVolumeMapper> mapper; ///< its sample distance is ours to set
    vtkSmartPointer<vtkVolume> actor = vtkSmartPointer<vtkVolume>::New();
    vtkSmartPointer<vtkPiecewiseFunction> opacity = vtkSmartPointer<vtkPiecewiseFunction>::New();
    vtkSmartPointer<vtkColorTransferFunction> colour = vtkSmartPointer<vtkColorTransferFunction>::New();
    vtkSmartPointer<vtkPlaneCollection> cropPlanes; ///< the crop box's faces in LPS

    bool cameraPending = true; ///< placed once the widget has a real size
    StandardView view3d = StandardView::Anterior;
    double stillDistance = 1.0;
    bool interacting = false;

    std::map<int, LabelSurfaceStyle> labelStyles;
    std::map<int, vtkSmartPointer<vtkActor>> labelActors;
    int labelGeneration = 0;
    std::shared_ptr<std::atomic<bool>> labelCancel;
    bool labelsBuilding = false;
};

/// Interactive frames sample this many times further apart than still ones.
constexpr double kInteractiveSampleFactor = 3.0;

} // namespace viewer
} // namespace radpath

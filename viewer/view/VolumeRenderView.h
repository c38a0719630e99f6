#pragma once
// 3-D view of a Volume: GPU ray casting (vtkSmartVolumeMapper; VTK falls back as it must)
// with transfer function presets and editor, shading, an index-space crop box, standard
// patient views, lower quality while the user turns or zooms, screenshots, and smoothed
// label surfaces in the same patient space.

#include "viewer/model/TransferFunction.h"
#include "viewer/model/Volume.h"
#include "viewer/view/CropBoxPanel.h"

#include <QWidget>

#include <array>
#include <memory>
#include <vector>

class vtkActor;
class vtkSmartVolumeMapper;
class vtkVolume;

namespace radpath {
namespace viewer {

struct LabelSurface;
class TransferFunctionEditor;
class VtkWidget;

/// How one label value of a label map is drawn as a surface.
struct LabelSurfaceStyle {
    int value = 0;
    std::array<double, 3> rgb{1.0, 1.0, 1.0};
    double opacity = 1.0;
    bool visible = true;
};

/// GUI thread only.
class VolumeRenderView : public QWidget {
    Q_OBJECT
public:
    /// Where the camera looks from, in patient terms (LPS). A, P, L, R: head up; S, I: anterior up.
    enum class StandardView { Anterior, Posterior, Left, Right, Superior, Inferior };

    explicit VolumeRenderView(QWidget* parent = nullptr);
    ~VolumeRenderView() override;

    /// Renders `volume` (sharing its voxels), with "CT soft tissue" for CT (HU), else "MR
    /// default" (scaled to the volume's percentiles once its histogram is in, shown from then),
    /// the crop box reset to the whole grid and the camera at the anterior view.
    void setVolume(const Volume& volume);
    const Volume& volume() const;

    /// Applies a preset of transferFunctionPresetNames(), scaled to this volume; false if unknown.
    bool applyPreset(const QString& name);
    void setTransferFunction(const TransferFunction& tf);
    const TransferFunction& transferFunction() const;
    void setShading(bool on);
    bool shading() const;

    void setCroppingEnabled(bool on);
    bool croppingEnabled() const;
    /// Voxels kept when cropping, inclusive index ranges of the rendered volume's grid. The
    /// volume mapper (and label surfaces) get the box's six faces as LPS clipping planes.
    void setCropBox(const IndexBox& box);
    IndexBox cropBox() const;

    void showStandardView(StandardView view);
    /// Anterior view fitted to the volume.
    void resetCamera();

    void setTransferFunctionEditorVisible(bool visible);
    bool isTransferFunctionEditorVisible() const;

    /// Saves the 3-D image as the user sees it (the render widget's pixels) as PNG.
    bool saveScreenshot(const QString& path);

    /// Ray sampling distance in mm in use now. Still frames sample every half voxel (smallest
    /// spacing); while a mouse button is held in the 3-D view, and until the wheel has been
    /// idle for 250 ms, frames sample three times further apart.
    double sampleDistance() const;
    /// The sampling distance of still frames.
    double stillSampleDistance() const;
    bool isInteracting() const;

    /// Builds one smoothed surface per style's label value from `labels`, placed by the
    /// labels' own geometry, in the background; labelSurfacesReady follows. Replaces any
    /// surfaces shown or being built.
    void setLabelSurfaces(const Volume& labels, const std::vector<LabelSurfaceStyle>& styles);
    /// Colour, opacity and visibility of surfaces already built or being built; no rebuild.
    void updateLabelSurfaceStyles(const std::vector<LabelSurfaceStyle>& styles);
    void clearLabelSurfaces();
    bool isBuildingLabelSurfaces() const;
    /// The surface actor of label `value` (LPS mm), or nullptr when there is none (yet).
    vtkActor* labelSurfaceActor(int value) const;

    VtkWidget* vtkWidget() const;
    TransferFunctionEditor* transferFunctionEditor() const;
    vtkSmartVolumeMapper* volumeMapper() const;
    vtkVolume* volumeActor() const;

signals:
    /// The rendered transfer function changed: a preset, the editor or a setter.
    void transferFunctionChanged(const TransferFunction& tf);
    void labelSurfacesReady();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildToolRow();
    void applyTransferFunction();
    void histogramReady();
    void applyCrop();
    void placeCamera();
    void setInteracting(bool on);
    void saveScreenshotAs();
    void labelSurfacesBuilt(const std::vector<LabelSurface>& surfaces, int generation);
    void applyLabelStyle(const LabelSurfaceStyle& style);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace viewer
} // namespace radpath

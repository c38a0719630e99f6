#pragma once
// Shows a Volume as radiologists read it in three planes and in 3-D: axial, coronal and
// sagittal MPR views linked by a crosshair (oblique by dragging its handles, thick slabs),
// and a volume rendering, in a 2×2, 1×3, single-view or slice-and-3-D layout.

#include "viewer/model/Volume.h"
#include "viewer/view/SliceView.h"

#include <QImage>
#include <QWidget>

#include <memory>

namespace radpath {
namespace viewer {

class LayerStack;
class MprLinker;
class VolumeRenderView;
class VtkWidget;

enum class MprLayout { TwoByTwo, OneByThree, Single, SliceAnd3d };

/// GUI thread only.
class VolumeView : public QWidget {
    Q_OBJECT
public:
    explicit VolumeView(QWidget* parent = nullptr);
    ~VolumeView() override;

    /// `complete` false: only the middle slice is decoded yet (see finishLoading).
    void setVolume(const Volume& volume, bool complete = true);
    /// The rest of the series arrived in the same buffer: enable scrolling and 3-D.
    void finishLoading(const Volume& volume);
    bool isLoading() const;
    const Volume& volume() const;

    int slice() const;
    int sliceCount() const;
    void setSlice(int k);
    void setWindow(double center, double width);
    double windowCenter() const;
    double windowWidth() const;

    /// The first view (axial in the MPR layouts); it holds the measurement list all views share.
    SliceView* sliceView() const;
    /// View 0 axial, 1 coronal, 2 sagittal (in the MPR layouts).
    SliceView* planeView(int index) const;
    VtkWidget* sliceWidget() const;
    VtkWidget* volumeWidget() const;
    VolumeRenderView* volumeRenderView() const;
    MprLinker* linker() const;
    /// Label maps and overlays over this volume, drawn in every plane (and label maps as
    /// surfaces in 3-D); owned by the view.
    LayerStack* layers() const;

    /// 2×2 is the default for volumes, Single (Native orientation) for 2-D images and cine.
    void setLayout(MprLayout layout);
    MprLayout layout() const;
    /// The first view's orientation in the Single layout.
    void setSingleOrientation(SliceOrientation orientation);
    /// Thick slab on every plane view.
    void setSlab(SlabMode mode, double thicknessMm);
    /// The view last clicked (0..2 planes, 3 the 3-D view) as a PNG with its overlays.
    bool saveScreenshot(const QString& path) const;
    bool saveScreenshot(int view, const QString& path) const;
    /// The view last clicked as saveScreenshot() draws it, for key images; null when hidden.
    QImage snapshot() const;
    int activeView() const;

    /// Resamples a gantry-tilted series to its true slice positions, in the background;
    /// volumeReplaced follows.
    void resampleTilt();

signals:
    void sliceChanged(int k);
    /// The view shows a new Volume made from its old one (resampled, say).
    void volumeReplaced(const Volume& volume);

private:
    void setUp3d();
    void updateLabelSurfaces();
    void applyLayout();
    QWidget* makeMprControls();
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showNotice();
    void fillPresets();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace viewer
} // namespace radpath

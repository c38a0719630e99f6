#pragma once
// One plane through a Volume, as radiologists read it: wheel scrolls slices, right-drag sets
// window/level, middle-drag pans, Ctrl+wheel zooms at the cursor; corner text, orientation
// letters, scale bar, pixel probe and measurements in mm. The plane is the volume's own
// slice (Native) or a patient-space axial, coronal or sagittal plane, optionally rotated
// (oblique MPR) and thickened into a slab (MIP, MinIP, mean). A crosshair marks the point
// the MPR views share.

#include "viewer/model/Measurement.h"
#include "viewer/model/Volume.h"
#include "viewer/view/MeasurementEditor.h"

#include <QColor>
#include <QStringList>
#include <QWidget>

#include <array>
#include <memory>
#include <vector>

namespace radpath {
namespace viewer {

class LayerStack;
class VtkWidget;

/// Window presets radiologists use on CT (center, width in HU).
struct NamedWindow {
    QString name;
    double center;
    double width;
    int voiLut = -1; ///< >= 0: the file's VOI LUT of that index instead of the window
};
const std::vector<NamedWindow>& ctWindowPresets();

/// Which plane a slice view shows. Native: the volume's own slices (index k). The others are
/// patient-space planes (LPS), whatever the volume's direction cosines.
enum class SliceOrientation { Native, Axial, Coronal, Sagittal };

/// Thick-slab projection through the plane: maximum, minimum or mean over the slab.
enum class SlabMode { None, Max, Min, Mean };

/// Row-major 3×3 rotation applied to a view's plane about the crosshair (oblique MPR).
using Rotation = std::array<double, 9>;
Rotation identityRotation();
/// Rotation by `radians` about the unit `axis` (right-handed).
Rotation axisRotation(const Vec3& axis, double radians);
Rotation multiply(const Rotation& a, const Rotation& b);
Vec3 rotate(const Rotation& r, const Vec3& v);

/// Where another MPR plane cuts this one: drawn as a crosshair line in its colour.
struct CrosshairPlane {
    Vec3 normal;
    QColor colour;
};

/// GUI thread only.
class SliceView : public QWidget {
    Q_OBJECT
public:
    using Tool = MeasureTool;

    explicit SliceView(QWidget* parent = nullptr);
    ~SliceView() override;

    void setVolume(const Volume& volume);
    const Volume& volume() const;
    /// While a series loads, only its middle slice is decoded: the view stays on it.
    void setLoading(bool loading);
    bool isLoading() const;
    /// The voxels under the view changed (the rest of the series arrived); `volume` shares
    /// the buffer and brings the final warnings. Keeps zoom, pan and window.
    void voxelsChanged(const Volume& volume);

    /// Slices are steps along the plane's normal, one voxel spacing apart; in the Native
    /// orientation slice k is the volume's slice k.
    int slice() const;
    int sliceCount() const;
    void setSlice(int k);

    void setOrientation(SliceOrientation orientation);
    SliceOrientation orientation() const;
    /// Oblique MPR: the orientation's plane turned by `rotation` about the crosshair.
    void setPlaneRotation(const Rotation& rotation);
    Rotation planeRotation() const;
    /// Unit normal of the plane (LPS); slice numbers grow along it.
    Vec3 planeNormal() const;

    /// The point the MPR views share (LPS mm); the plane always passes through it.
    void setCrosshair(const Vec3& point);
    Vec3 crosshair() const;
    void setCrosshairVisible(bool visible);
    bool isCrosshairVisible() const;
    /// The other MPR planes, drawn as lines through the crosshair with rotation handles.
    void setCrosshairPlanes(std::vector<CrosshairPlane> planes);
    /// Widget position of the rotation handle of crosshair line `line` (0 or 1 for the two
    /// ends of line 0, 2 and 3 for line 1...): for tests and hit testing.
    QPointF crosshairHandle(int handle) const;

    /// Label maps and overlays drawn over the plane (thin, at the plane, whatever the slab);
    /// the stack must outlive the view or be unset. nullptr: none.
    void setLayers(LayerStack* layers);

    /// Thick slab: `thicknessMm` <= 0 or SlabMode::None shows the thin plane.
    void setSlab(SlabMode mode, double thicknessMm);
    SlabMode slabMode() const;
    double slabThickness() const;

    void setWindow(double center, double width);
    double windowCenter() const;
    double windowWidth() const;
    /// The file's windows and VOI LUTs first, then the CT presets for CT volumes.
    std::vector<NamedWindow> windowPresets() const;
    void applyPreset(const NamedWindow& preset);
    /// Shows the file's VOI LUT `index` (VolumeInfo::voiLuts) instead of a window; -1 none.
    /// Window changes (setWindow, right-drag) go back to a window.
    void setVoiLut(int index);
    int voiLut() const;
    void setInverted(bool inverted);
    bool isInverted() const;

    /// 1 = the whole slice fits the view; 2 = twice as large.
    double zoom() const;
    /// Zooms keeping the patient point under `anchor` (widget pixels) where it is.
    void zoomAt(double factor, QPointF anchor);
    void fit();
    /// One screen pixel per voxel.
    void actualSize();
    void rotate90();
    void flipHorizontal();

    /// Cine: steps through the slices (frames) at `rate` per second, round and round.
    void setCinePlaying(bool playing);
    bool isCinePlaying() const;
    void setCineRate(double framesPerSecond);
    double cineRate() const;

    void setTool(Tool tool);
    Tool tool() const;
    const std::vector<Measurement>& measurements() const;
    /// Measurements saved with the document: replaces the list, not undoable.
    void setMeasurements(std::vector<Measurement> measurements);
    void clearMeasurements();
    void removeMeasurement(int index);
    /// Selects a measurement and shows its slice; -1 selects none.
    void selectMeasurement(int index);
    int selectedMeasurement() const;
    /// Statistics of a region measurement over the voxels inside it.
    RegionStatistics measurementStatistics(int index) const;
    /// Shows and edits `owner`'s measurement list (one list for the views of an MPR set:
    /// each shows those on its plane); owner's signals announce every change. nullptr: a
    /// list of its own again (a copy).
    void shareMeasurementsWith(SliceView* owner);
    /// Measurement edits (add, move, delete, clear) can be undone and redone (Ctrl+Z, Ctrl+Shift+Z).
    bool undo();
    bool redo();

    /// Gives the left button to `tool` (not owned; nullptr: back to measurements and the
    /// crosshair).
    void setInputTool(class SliceInputTool* tool);
    class SliceInputTool* inputTool() const;
    /// The volume index axis closest to the plane's normal.
    int normalAxis() const;

    /// Patient (LPS, mm) point on the current slice under a widget position.
    Vec3 patientPointAt(QPointF widgetPos) const;
    /// Value and position under the last mouse position, as shown in the corner.
    QString probeText() const;
    /// Value and position under a widget position, as the probe would show them there.
    QString probeTextAt(QPointF widgetPos) const;
    /// Orientation letters at the left, right, top and bottom edges, e.g. "R","L","A","P".
    QStringList orientationLetters() const;

    VtkWidget* vtkWidget() const;

signals:
    void sliceChanged(int k);
    void windowChanged(double center, double width);
    /// A measurement was drawn; `index` in measurements().
    void measurementAdded(int index);
    /// The measurement list changed in any way (added, moved, deleted, cleared, undone, redone).
    void measurementsChanged();
    void measurementSelected(int index);
    void cineChanged(bool playing);
    /// The user moved the crosshair (click, drag or scroll); not sent for setCrosshair.
    void crosshairMoved(const Vec3& point);
    /// The user dragged a crosshair handle: turn the other planes by `radians` about `axis`.
    void rotationRequested(const Vec3& axis, double radians);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    /// A view out of sight (a tab behind another) stops its cine.
    void hideEvent(QHideEvent* event) override;

private:
    void paintOverlay(class QPainter& painter);
    void paintCrosshair(class QPainter& painter);
    void paintLayers(class QPainter& painter);
    void moveAlongNormal(double mm);
    void afterEdit();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace viewer
} // namespace radpath

#pragma once
// Layers drawn over a Volume: label maps (one integer label per voxel, same geometry as the
// image) and scalar overlays (any geometry, sampled through patient space: probability and
// saliency maps, or a second registered volume as in PET on CT). A LayerStack holds them
// in draw order. How they are drawn onto a plane: LayerCompositor.h.

#include "viewer/model/Colormap.h"
#include "viewer/model/Volume.h"

#include <QObject>

#include <array>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace radpath {
namespace viewer {

using Rgb = std::array<std::uint8_t, 3>;

/// One label of a label map. Value 0 is background: it never has an entry and is never drawn.
struct LabelEntry {
    int value = 0;
    std::string name;
    Rgb colour{255, 0, 0};
    bool visible = true;
    double opacity = 1.0; ///< this label's fill is drawn at opacity × the layer's opacity
};

/// Where a label map came from when a model drew it. It stays with the layer through every
/// edit: the first change of its voxels sets `edited` ("AI-assisted, edited"), and undo
/// does not clear it.
struct AiOrigin {
    std::string model, version, weightsSha256; ///< the model package's manifest and weights hash
    bool edited = false;
    std::string run; ///< the run that drew it (a UUID, as its findings record it); may be empty
    bool isAi() const { return !model.empty(); }
};

struct LabelMapLayer {
    std::string name;
    Volume labels;                 ///< integer voxels (any integer PixelType), the image's geometry
    std::vector<LabelEntry> table; ///< voxel values without an entry are not drawn
    double opacity = 0.5;          ///< of the fill; outlines are drawn opaque
    bool fill = true;
    bool outline = true;
    bool visible = true;
    AiOrigin ai;                   ///< empty unless a model drew it

    /// The entry for `value`, or nullptr.
    const LabelEntry* entry(int value) const;
    LabelEntry* entry(int value);
};

struct ScalarOverlayLayer {
    std::string name;
    Volume volume; ///< component 0 is drawn; any geometry
    Colormap colormap = Colormap::Hot;
    double opacity = 0.6;
    double windowCenter = 0.5; ///< center - width/2 maps to the colormap's start,
    double windowWidth = 1.0;  ///< center + width/2 to its end
    double threshold = 0.0;    ///< values below are not drawn
    bool visible = true;
};

using Layer = std::variant<LabelMapLayer, ScalarOverlayLayer>;

/// The distinct colour RadPath gives label `value` when the source names none: fully
/// saturated hues spread by the golden angle, so neighbouring values differ clearly.
Rgb defaultLabelColour(int value);
/// The non-zero values present in `labels` (ascending); throws std::invalid_argument for
/// non-integer pixel types.
std::vector<int> labelValuesPresent(const Volume& labels);
/// One entry per non-zero value present: name "Label N", defaultLabelColour(N), visible.
std::vector<LabelEntry> defaultLabelTable(const Volume& labels);
/// A label map layer with defaultLabelTable().
LabelMapLayer makeLabelMapLayer(std::string name, Volume labels);
/// A scalar overlay whose window spans the volume's value range and whose threshold hides
/// its minimum (the background of a probability or saliency map): threshold =
/// min + 1% of the range.
ScalarOverlayLayer makeScalarOverlay(std::string name, Volume volume);

const std::string& layerName(const Layer& layer);
bool layerVisible(const Layer& layer);
double layerOpacity(const Layer& layer);

/// Layers in draw order: index 0 is drawn first (bottom), the last index on top. Every
/// layer gets an id at add() that stays with it until it is removed and is never reused
/// by this stack. Setters emit only when a value really changes.
/// Thread-safety: GUI thread. Workers draw from a snapshot (layers()), whose Volumes share
/// their buffers with the stack's.
class LayerStack : public QObject {
    Q_OBJECT
public:
    explicit LayerStack(QObject* parent = nullptr);

    int count() const { return int(m_layers.size()); }
    bool isEmpty() const { return m_layers.empty(); }
    /// `index` must be in [0, count()).
    const Layer& at(int index) const;
    int idAt(int index) const;
    /// Index of the layer with `id`, or -1.
    int indexOf(int id) const;
    /// nullptr when the layer at `index` is of the other kind.
    const LabelMapLayer* labelMapAt(int index) const;
    const ScalarOverlayLayer* scalarOverlayAt(int index) const;
    /// A copy of the layers in draw order, for drawing on another thread.
    std::vector<Layer> layers() const;

    /// Puts `layer` on top; returns its id.
    int add(Layer layer);
    /// Removes the layer at `index`; false when there is none.
    bool remove(int index);
    /// Moves the layer at `index` one step towards the top (drawn later); false at the top.
    bool moveUp(int index);
    /// Moves the layer at `index` one step towards the bottom; false at the bottom.
    bool moveDown(int index);
    void clear();

    void setName(int index, const std::string& name);
    void setVisible(int index, bool visible);
    /// Clamped to [0, 1].
    void setOpacity(int index, double opacity);

    // Label maps; ignored when the layer at `index` is a scalar overlay.
    void setFill(int index, bool fill);
    void setOutline(int index, bool outline);
    void setLabelVisible(int index, int value, bool visible);
    void setLabelColour(int index, int value, const Rgb& colour);
    void setLabelName(int index, int value, const std::string& name);
    /// Clamped to [0, 1]; multiplies the layer's opacity for this label's fill.
    void setLabelOpacity(int index, int value, double opacity);

    /// Adds `entry` to the label map at `index`, or replaces the entry with its value.
    void setLabelEntry(int index, const LabelEntry& entry);
    /// The voxels of the layer at `index` were changed in place (a label map being edited):
    /// views draw it anew, and an AI label map is marked edited (AiOrigin::edited).
    void voxelsChanged(int index);

    // Scalar overlays; ignored when the layer at `index` is a label map.
    void setColormap(int index, Colormap colormap);
    void setWindow(int index, double center, double width);
    void setThreshold(int index, double threshold);

signals:
    /// After any change of the stack or of a layer.
    void changed();
    /// Layers were added, removed or reordered (then changed()).
    void structureChanged();
    /// A property of the layer with `id` changed (then changed()).
    void layerChanged(int id);
    /// The voxels of the layer with `id` were edited (voxelsChanged(), after its layerChanged()).
    void voxelsEdited(int id);

private:
    struct Slot {
        int id;
        Layer layer;
    };
    template <class F> void editLayer(int index, F&& edit);

    std::vector<Slot> m_layers;
    int m_nextId = 1;
};

} // namespace viewer
} // namespace radpath

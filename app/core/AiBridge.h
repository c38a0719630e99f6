#pragma once
// Between the viewer's and pathology's types and the AI engine's plain buffers: images go
// in with their geometry, results come back as layers on the same geometry.

#include "radpath/ai/Inference.h"
#include "viewer/model/Layers.h"

#include <QImage>

#include <memory>
#include <string>

namespace radpath::pathology {
class SlideSource;
}

namespace radpath::app {

ai::ImageGrid toAiGrid(const viewer::ImageGeometry& geometry);
viewer::ImageGeometry fromAiGrid(const ai::ImageGrid& grid);

/// The volume's voxels as float channels (components de-interleaved), modality units;
/// dims 2 for a single slice. Copies (the engine takes float).
ai::ImageBuffer toImageBuffer(const viewer::Volume& volume);

/// The label map as a layer named `name`: a UInt16 volume on the segmentation's grid, its
/// table from the model's labels (names and colours), background 0 left out.
viewer::LabelMapLayer labelLayer(const ai::Segmentation& segmentation, const std::string& name);

/// Probability of one channel (index into segmentation.channels) as an overlay, 0..1, on
/// the segmentation's grid, drawn above 0.25 and hidden at first; empty when probabilities
/// were not kept.
viewer::ScalarOverlayLayer probabilityLayer(const ai::Segmentation& segmentation, int channel, const std::string& name);

/// A saliency map as a hot overlay, 0..1, drawn above 0.3.
viewer::ScalarOverlayLayer saliencyLayer(const ai::SaliencyMap& map, const std::string& name);

/// Size, resolution and thumbnail (the slide's own thumbnail, else its smallest level when
/// that is at most 4096 px a side, else none: every tile then counts as tissue).
ai::SlideDescription describeSlide(const pathology::SlideSource& slide);

/// Reads regions through the slide's closest level, scaled to the asked size with a smooth
/// filter and laid over the slide's background colour. Keeps `slide` alive.
ai::SlideRegionReader slideRegionReader(std::shared_ptr<const pathology::SlideSource> slide);

/// One pixel per tile: the score of `classIndex` (index into result.classes) through the
/// hot colormap with alpha rising from 0 to 255 with the score where classified,
/// transparent elsewhere (Format_ARGB32).
QImage tileHeatmap(const ai::SlideClassification& result, int classIndex);

/// Appends one JSON line to <dataDir>/ai-runs.jsonl: UTC time, `subject` (a series UID or a
/// slide's file name, never patient data), task, model name, version, weights hash, device,
/// seconds and notice. Problems writing it are ignored: the log must not stop a run.
void appendRunLog(const QString& dataDir, const ai::RunRecord& run, const QString& subject, const QString& task);

} // namespace radpath::app

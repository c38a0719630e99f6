#pragma once
// What a report is made of, taken from the data it describes: the DICOM header, the
// measurement and label-map statistics tables, a slide's thumbnail with its annotations and
// class area table, and AI results as findings waiting for review. Shared by File > Report…
// and radpath-cli report. No widgets; callable from any thread.

#include "app/core/ReportModel.h"
#include "radpath/ai/Inference.h"

#include <QImage>
#include <QString>

#include <vector>

namespace radpath {
namespace viewer {
struct LabelMapLayer;
struct Measurement;
class Volume;
} // namespace viewer
namespace pathology {
struct Annotation;
class SlideSource;
} // namespace pathology
namespace app {

/// Patient and study header of a DICOM series folder or file, with its study UID and (for a
/// folder) the reference series; for other formats only the file name as description.
void readDicomHeader(const QString& input, Report& report);

/// "Length 1 (slice 12)": "34.2 mm"; areas with their statistics over `volume`.
std::vector<MeasurementRow> measurementRows(const std::vector<viewer::Measurement>& measurements,
                                            const viewer::Volume& volume);

/// One row per label of the table: volume in mL, and mean ± SD of `image` under it (NaN
/// when no voxel carries it). The label map must lie on the image's grid. AI label maps are
/// marked as such, and as edited once corrected.
std::vector<SegmentationRow> segmentationRows(const viewer::LabelMapLayer& labels, const viewer::Volume& image);

/// The slide at most `width` px wide (its thumbnail level or a coarse level), on white.
QImage slideThumbnail(const pathology::SlideSource& slide, int width = 1024);
/// Draws each annotation's outline and a light fill in its class colour; `scale` maps level
/// 0 pixels to the thumbnail's.
void drawAnnotations(QImage& thumbnail, const std::vector<pathology::Annotation>& annotations, double scale);
/// Count and area (mm², NaN without mpp) per class, "Unclassified" for the rest; by name.
std::vector<ClassAreaRow> classAreaRows(const std::vector<pathology::Annotation>& annotations,
                                        const pathology::SlideSource& slide);
/// The thumbnail with the annotations drawn over it, and their class area table.
SlideOverview slideOverview(const pathology::SlideSource& slide, const std::vector<pathology::Annotation>& annotations);

// AI results as findings, pending review, with the model's provenance.
/// The predicted class with its probability; the others named in the text.
std::vector<Finding> classificationFindings(const ai::Classification& result);
/// One per label with its segmented volume in mL.
std::vector<Finding> segmentationFindings(const ai::Segmentation& result);
/// One per class: the tiles where it scores highest, as count and area (mm²; none without
/// the slide's mpp, `mm2PerPixel` NaN).
std::vector<Finding> slideFindings(const ai::SlideClassification& result, double mm2PerPixel);

} // namespace app
} // namespace radpath

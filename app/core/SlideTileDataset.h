#pragma once
// Training tiles cut from annotated whole-slide images, for slide tile classifiers.
//
// Layout: ROOT/train/, ROOT/val/, optional ROOT/test/ (any case, or training/, valid/,
// validation/, testing/) holding slides,
// or the slides directly in ROOT (then the tiles are split per class into train and val,
// reproducibly from the seed, with a warning that tiles of one slide land on both sides).
// Each slide's annotations come from a file beside it with its name (SLIDE.geojson, .json
// or ASAP's .xml), or from RadPath's own sidecar. A tile belongs to the class of the
// smallest annotation holding its centre (QuPath's classification, else the annotation's
// name: a tumour drawn inside a tissue outline names its tiles);
// tissue outside every annotation is `unannotatedClass` (skipped when empty); glass is
// skipped. Tiles are cut at `mpp` µm per pixel, `tileSize` pixels a side, on a grid.

#include "app/core/TrainingDataset.h"
#include "radpath/ai/Evaluation.h"
#include "radpath/ai/Task.h"
#include "radpath/ai/Training.h"

#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace radpath::app {

struct SlideTileOptions {
    double mpp = 2.0;                 ///< µm per tile pixel
    int tileSize = 64;                ///< pixels a side
    QString unannotatedClass = QStringLiteral("Other");
    int maxTilesPerClass = 1000;      ///< per split; a uniform random subset of those cut beyond that
    double valFraction = 0.2;         ///< slides directly in ROOT: share of each class's tiles for validation
    unsigned seed = 42;
    double glassBrightness = 225.0;   ///< a tile whose mean RGB value is above this is glass
};

struct SlideTileDataset {
    QStringList slides;               ///< the slides read
    QStringList classes;              ///< sorted; the label of a sample indexes this
    std::vector<ai::TrainingSample> train, validation, test; ///< RGB, 3 × tileSize²
    std::vector<std::array<int, 3>> counts; ///< [class][split]
    QStringList warnings;
    QStringList errors;               ///< training cannot start
    std::vector<SkippedFile> skipped; ///< slides that could not be read, or lack annotations
};

/// Scans ROOT and cuts the tiles. Never throws for bad files (they end up in `skipped` and
/// `errors`); throws ai::Cancelled when `cancel` is set. `progress` gets the fraction of
/// slides done.
SlideTileDataset cutSlideTiles(const QString& root, const SlideTileOptions& options,
                               const std::function<void(double)>& progress = {},
                               const ai::CancelToken* cancel = nullptr);

/// One tile as a training sample: interleaved 8-bit RGB (as a SlideRegionReader fills it)
/// to planar channels, `mpp` µm per pixel as the grid's spacing.
ai::TrainingSample slideTileSample(const std::vector<uint8_t>& rgb, int side, double mpp);

/// Whether ROOT (or its train/ folder) holds whole-slide images: then tile classification
/// cuts its tiles from them, else ROOT is a folder of tile images by class.
bool holdsSlides(const QString& root);

/// The manifest of a tile classifier trained on `tiles`: 2-D, RGB, the tile size as patch,
/// `options.mpp` as spacing, 0..255 onto 0..1, softmax over the classes, SM, and the dataset
/// (slides, classes, tile counts) as training provenance.
void completeSlideTileManifest(ai::Manifest& manifest, const SlideTileDataset& tiles, const SlideTileOptions& options,
                               const QString& root);

/// Tiles as labelled images for evaluation, named "<class> tile <n>".
std::vector<ai::LabelledImage> labelledTiles(const std::vector<ai::TrainingSample>& tiles, const QStringList& classes);

} // namespace radpath::app

#pragma once
// What the application hands the AI engine and gets back from it: decoded images with their
// geometry, and results on the same geometry. Plain C++ (no Torch, no Qt).
//
// Geometry follows ITK and DICOM: index axes i (columns), j (rows), k (slices); a voxel's
// patient position (LPS, mm) is origin + direction * (index * spacing), the columns of
// `direction` being the unit directions of i, j and k. Voxels are stored channel by channel,
// then slice by slice, row by row, i fastest: tensor order [C][k][j][i] = [C, D, H, W].

#include "radpath/ai/Manifest.h"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace radpath::ai {

struct ImageGrid {
    std::array<int, 3> size{1, 1, 1};            ///< i, j, k (width, height, depth); depth 1 in 2-D
    std::array<double, 3> spacing{1.0, 1.0, 1.0}; ///< mm along i, j, k
    std::array<double, 3> origin{0.0, 0.0, 0.0};  ///< LPS mm of voxel (0, 0, 0)
    std::array<double, 9> direction{1, 0, 0, 0, 1, 0, 0, 0, 1}; ///< row-major 3×3; column c = axis c

    std::int64_t voxelCount() const { return std::int64_t(size[0]) * size[1] * size[2]; }
    bool operator==(const ImageGrid& other) const
    {
        return size == other.size && spacing == other.spacing && origin == other.origin &&
               direction == other.direction;
    }
};

/// A decoded image: float voxels [C][D][H][W] in modality units (HU for CT, stored values for
/// X-ray, 0..255 for colour images), `dims` 2 for a single plane (grid depth 1).
struct ImageBuffer {
    std::vector<float> voxels;
    int channels = 1;
    int dims = 3;
    ImageGrid grid;
    std::string modality; ///< DICOM modality ("CT", "DX", "SM", ...), or "" when unknown
};

enum class Device { Cpu, Cuda };
inline std::string toString(Device device) { return device == Device::Cuda ? "cuda" : "cpu"; }

struct RunOptions {
    Device device = Device::Cpu;
    int threads = 0;              ///< intra-op threads; 0 keeps the engine's setting
    bool mirroring = false;       ///< test-time augmentation by flips (segmentation)
    int batch = 0;                ///< windows or tiles per forward pass; 0 = the model's or automatic
    bool keepProbabilities = true;
};

/// Where a run took place and what it ran: logged with the study and shown in reports.
struct RunRecord {
    std::string modelName, modelVersion, weightsSha256, modelPath;
    std::string device;       ///< "cpu" or "cuda:0", the one actually used
    std::string notice;       ///< e.g. why CUDA fell back to the CPU; "" when none
    double seconds = 0.0;     ///< wall time of the run, loading included
};

/// What a model is, read without running it.
struct ModelInfo {
    std::string path;
    std::string format; ///< "radpath" or "monai-bundle"
    Manifest manifest;
    bool hasForwardFeatures = false; ///< Grad-CAM possible
    /// The network's layers in order, as fine-tuning can freeze them (TrainingSettings::freeze):
    /// its parameters grouped by their first name part ("conv1", "layer1", "fc"; for nested
    /// modules the first submodule, "features").
    std::vector<std::string> layers;
};

struct ClassProbability {
    int index = 0;
    std::string name;
    double probability = 0.0;
};

struct Classification {
    std::vector<ClassProbability> classes; ///< in the manifest's label order
    int predicted = 0;                     ///< index into classes of the highest probability
    RunRecord run;
};

/// Label map and (optionally) per-label probabilities on the input's grid.
struct Segmentation {
    ImageGrid grid;
    std::vector<std::uint16_t> labels;  ///< label value (manifest label index) per voxel
    std::vector<float> probabilities;   ///< [K][D][H][W]; empty unless kept
    std::vector<ManifestLabel> channels; ///< the K probability channels' labels
    RunRecord run;
};

enum class SaliencyMethod { GradCam, Gradient, SmoothGrad, Occlusion };
inline const char* const kSaliencyMethodNames[] = {"grad-cam", "gradient", "smoothgrad", "occlusion"};
/// "grad-cam", "gradient", "smoothgrad" or "occlusion".
inline std::string toString(SaliencyMethod method) { return kSaliencyMethodNames[int(method)]; }
inline bool saliencyMethodFromString(const std::string& text, SaliencyMethod* method)
{
    for (int m = 0; m < 4; ++m)
        if (text == kSaliencyMethodNames[m]) {
            *method = SaliencyMethod(m);
            return true;
        }
    return false;
}

/// A heat map on the input's grid, 0..1 (1 = most important), for one class.
struct SaliencyMap {
    ImageGrid grid;
    std::vector<float> values; ///< [D][H][W]
    SaliencyMethod method = SaliencyMethod::GradCam;
    int targetClass = 0;       ///< manifest label index explained
    RunRecord run;
};

// --- Slides -------------------------------------------------------------------------------

/// A whole-slide image as the tile classifier sees it; the app reads the pixels.
struct SlideDescription {
    std::int64_t width = 0, height = 0; ///< level-0 pixels
    double mppX = 0.0, mppY = 0.0;      ///< µm per level-0 pixel; 0 when unknown
    /// Thumbnail as 8-bit RGB, row-major, for the tissue mask (Otsu on its darkness).
    std::vector<std::uint8_t> thumbnailRgb;
    int thumbnailWidth = 0, thumbnailHeight = 0;
};

/// Reads a square region of level-0 pixels [x, x + size0) × [y, y + size0) scaled to
/// `outSize` × `outSize` 8-bit RGB (row-major, 3 bytes per pixel) into `rgb`. Called from the
/// engine's thread; may be called for several tiles in a row. Returns false when the region
/// cannot be read (the tile is then skipped and counted).
using SlideRegionReader = std::function<bool(std::int64_t x, std::int64_t y, std::int64_t size0, int outSize,
                                             std::vector<std::uint8_t>& rgb)>;

/// The tile grid of a slide: tile (col, row) covers level-0 pixels
/// [originX + col * tileSize0, + tileSize0) × [originY + row * tileSize0, + tileSize0).
struct TileGrid {
    std::int64_t originX = 0, originY = 0;
    std::int64_t tileSize0 = 0; ///< level-0 pixels per tile side
    int columns = 0, rows = 0;
    double mpp = 0.0;            ///< the model's µm per pixel
    std::vector<std::uint8_t> tissue; ///< per tile: 1 when it holds tissue (those are classified)
};

/// Scores of some tiles, as they come: tile index = row * columns + col.
struct TileScores {
    std::vector<int> tiles;
    std::vector<float> scores; ///< tiles.size() × classes, row-major
};

struct SlideClassification {
    TileGrid grid;
    std::vector<ManifestLabel> classes;
    std::vector<float> scores; ///< rows × columns × classes; -1 for tiles not classified
    int tilesClassified = 0, tilesFailed = 0;
    RunRecord run;
};

/// Receives each batch's scores as soon as it is done (for a progressive heat map).
using TileScoresCallback = std::function<void(const TileGrid& grid, const TileScores& batch)>;

} // namespace radpath::ai

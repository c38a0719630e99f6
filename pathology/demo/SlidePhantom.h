#pragma once
// A synthetic H&E-like whole-slide image with known tumour regions, written as an
// Aperio-style pyramidal TIFF (SVS), for demos and tests.

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace radpath::pathology {

struct SlidePhantomSpec {
    int width = 50000;          ///< level 0, pixels
    int height = 50000;
    double mpp = 0.25;          ///< microns per pixel at level 0
    int objectivePower = 40;
    int quality = 80;           ///< JPEG quality of the tiles
    std::uint32_t seed = 42;
    int tumourRegions = 4;
};

struct TumourRegion {
    /// Closed outline in level-0 pixels (first point not repeated), counter-clockwise.
    std::vector<std::pair<double, double>> outline;
    double areaPx = 0.0;        ///< shoelace area of `outline`
};

struct SlidePhantom {
    std::vector<TumourRegion> tumours;
    double tumourAreaUm2 = 0.0;
    int levels = 0;
};

/// Writes the slide to `path` (through a temporary file renamed at the end).
/// Background, stroma and tumour texture; a thumbnail, a label and a macro image.
/// `progress` gets fractions in [0, 1]. Deterministic for a given spec.
SlidePhantom writeSlidePhantom(const std::string& path, const SlidePhantomSpec& spec,
                               const std::function<void(double)>& progress = {});

} // namespace radpath::pathology

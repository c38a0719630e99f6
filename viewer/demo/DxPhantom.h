#pragma once
// A synthetic chest radiograph (PA view) with an optional round opacity, for demos, tests
// and the small labelled training set.

#include <cstdint>
#include <random>
#include <vector>

namespace radpath::viewer {

struct ChestOpacity {
    double centerX = 0, centerY = 0; ///< pixels
    double radius = 0;               ///< pixels (where the opacity has faded to a quarter)
};

struct ChestSpec {
    int width = 1600;
    int height = 1800;
    std::uint32_t seed = 42;
    double noiseSd = 18.0;           ///< in 12-bit units
    bool withOpacity = false;
    /// Anatomy varies a little from seed to seed (lung size, rib phase, position).
    bool varyAnatomy = false;
};

struct ChestImage {
    int width = 0, height = 0;
    std::vector<std::uint16_t> pixels; ///< 12-bit, MONOCHROME2 (dense = bright), row-major
    bool hasOpacity = false;
    ChestOpacity opacity;
};

/// Deterministic for a given spec. With `withOpacity`, a round opacity is placed inside the
/// right or left lung field and recorded in the result.
ChestImage makeChestImage(const ChestSpec& spec);

} // namespace radpath::viewer

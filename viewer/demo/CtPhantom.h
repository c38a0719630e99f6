#pragma once
// A synthetic chest-abdomen CT in Hounsfield units with known lesions, for demos and tests.

#include "viewer/io/TaskControl.h"
#include "viewer/model/Volume.h"

#include <cstdint>
#include <vector>

namespace radpath::viewer {

struct CtPhantomSpec {
    int size = 256;           ///< rows = columns
    int slices = 160;
    double pixelMm = 0.9;
    double sliceMm = 1.0;
    std::uint32_t seed = 42;
    double noiseSd = 8.0;     ///< Gaussian noise in HU
    /// Lesion radius; 0 = at least 11 mm and at least 10.5 voxels in every direction.
    double lesionRadiusMm = 0.0;
};

struct SphereLesion {
    Vec3 centerMm{0, 0, 0};   ///< LPS
    double radiusMm = 0.0;
    double hu = 0.0;
};

struct CtPhantom {
    Volume volume;            ///< int16 HU, axial, LPS
    Volume lesionLabels;      ///< uint8 on the same grid: 1 inside a lesion, else 0
    std::vector<SphereLesion> lesions;
};

/// Tissues: air -1000, lungs -850, fat -100, soft tissue 40, liver 60, bone 700+,
/// three liver lesions at 100 HU. Deterministic for a given spec.
CtPhantom makeCtPhantom(const CtPhantomSpec& spec, const TaskControl& control = {});

} // namespace radpath::viewer

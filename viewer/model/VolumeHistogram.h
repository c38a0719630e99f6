#pragma once
// The distribution of a volume's values: for transfer function editing and for scaling
// presets to images without absolute units. Headless.

#include "viewer/model/Volume.h"

#include <vector>

namespace radpath::viewer {

/// Plain value type. Bin b counts the values in [binStart + b binWidth, binStart + (b + 1) binWidth).
struct VolumeHistogram {
    double minimum = 0.0; ///< smallest value counted
    double maximum = 0.0; ///< largest value counted
    double binStart = 0.0;
    double binWidth = 1.0;
    std::vector<double> counts;
    double total = 0.0; ///< voxels counted

    bool isEmpty() const { return counts.empty() || total <= 0.0; }
    /// Bin holding `value`, clamped to the first and last bin.
    int binOf(double value) const;
    /// Value below which a fraction `p` (0..1) of the counted voxels lie, linear within a bin.
    double percentile(double p) const;
};

/// Counts the first component of every voxel, leaving out the source's padding value.
/// Up to `bins` bins over [smallest, largest]; integer volumes with a narrower range get
/// one bin per value. One pass for 8- and 16-bit voxels, two otherwise: ~0.1-0.3 s for
/// 512^3 int16, so call it off the GUI thread for large volumes. Thread-safe.
VolumeHistogram computeHistogram(const Volume& volume, int bins = 4096);

} // namespace radpath::viewer

#pragma once
// The last step of grouping DICOM files into series: slices in order along the normal,
// repeated acquisitions of one series apart, and what is odd about each stack said.

#include "viewer/io/DicomSeriesReader.h"

#include <vector>

namespace radpath::viewer {

/// Sorts each stack's slices along its normal. A stack whose slices repeat positions and
/// carry several AcquisitionNumbers (a series scanned twice, say before and after contrast)
/// becomes one stack per acquisition. Adds the warnings (shared positions, uneven spacing,
/// `duplicates` ignored copies) and returns the stacks, largest first.
std::vector<DicomSeries> orderSeries(std::vector<DicomSeries> stacks, int duplicates);

} // namespace radpath::viewer

#pragma once
// Reads DICOM image series through DCMTK: scans files (headers only), groups them into
// series, orders slices along the slice normal and decodes voxels in modality units.

#include "viewer/io/VolumeReader.h"

#include <array>
#include <functional>
#include <string>
#include <vector>

namespace radpath::viewer {

struct DicomSlice {
    std::string path;
    std::string sopInstanceUid;
    int frame = 0;               ///< frame within a multi-frame file
    Vec3 position{0, 0, 0};      ///< ImagePositionPatient, LPS mm
    int instanceNumber = 0;
    int acquisitionNumber = 0;
    double rescaleSlope = 1.0;
    double rescaleIntercept = 0.0;
};

/// One geometrically consistent stack of slices (same series, size and orientation).
struct DicomSeries {
    std::string seriesInstanceUid;
    std::string studyInstanceUid;
    std::string frameOfReferenceUid;
    double frameTimeMs = 0;          ///< cine: FrameTime, else from CineRate; 0 when not given
    int acquisitionNumber = -1;      ///< >= 0: this stack is one acquisition of a split series
    std::string modality;
    std::string seriesDescription;   ///< UTF-8
    std::string studyDescription;    ///< UTF-8
    std::string patientName;         ///< UTF-8, DICOM PN ('^' between components)
    std::string patientId;
    std::string studyDate;           ///< YYYYMMDD
    int rows = 0;
    int columns = 0;
    int bitsAllocated = 16;
    int samples = 1;             ///< 3 for colour
    std::string photometric;
    int frames = 1;              ///< frames of a multi-frame object (then one file)
    Vec3 rowDirection{1, 0, 0};  ///< ImageOrientationPatient, first triplet (along columns index i)
    Vec3 columnDirection{0, 1, 0};
    std::array<double, 2> pixelSpacing{1.0, 1.0}; ///< (between rows, between columns) in mm
    std::vector<WindowPreset> windowPresets;
    std::vector<DicomSlice> slices;                ///< ordered along the slice normal
    std::vector<std::string> warnings;

    Vec3 normal() const;
    /// Slice spacing from positions (median of neighbour distances); 0 for one slice.
    double sliceSpacing() const;
};

class DicomSeriesReader final : public VolumeReader {
public:
    std::string name() const override { return "DICOM series"; }
    double confidence(const std::string& path) const override;
    /// Reads the largest series found under `path` (a file reads its whole series folder).
    Volume read(const std::string& path, const TaskControl& control) const override;
    Volume readProgressive(const std::string& path, const TaskControl& control,
                           const std::function<void(const Volume&)>& firstSliceReady) const override;

    /// The series `path` stands for: every series of a folder or of a DICOMDIR (largest
    /// first), or the one series a single file belongs to. Throws IoError when there is none.
    std::vector<DicomSeries> seriesFor(const std::string& path, const TaskControl& control) const;
    /// Reads the series with `seriesInstanceUid` among seriesFor(path).
    Volume readSeriesUid(const std::string& path, const std::string& seriesInstanceUid, const TaskControl& control) const;

    /// Headers only; recursive for folders. Files that are not DICOM images are skipped.
    std::vector<DicomSeries> scan(const std::string& path, const TaskControl& control) const;
    /// The same for a given list of files (incremental import scans only new files).
    std::vector<DicomSeries> scanFiles(const std::vector<std::string>& files, const TaskControl& control) const;
    /// Every regular file under `path` (or `path` itself), sorted.
    static std::vector<std::string> listFilesUnder(const std::string& path, const TaskControl& control);
    /// Decodes every slice (in parallel). With `middleSliceReady`, the middle slice is decoded
    /// first and the Volume handed to it at once, on the calling thread, while the others are
    /// still blank; the same buffer then fills up and is returned.
    Volume readSeries(const DicomSeries& series, const TaskControl& control,
                      const std::function<void(const Volume&)>& middleSliceReady = {}) const;

    /// True if the file carries the "DICM" preamble magic.
    static bool hasDicomMagic(const std::string& path);
};

} // namespace radpath::viewer

#include "viewer/io/DicomVolumeInfo.h"

#include "viewer/io/DicomLut.h"
#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace radpath::viewer {

void readVoi(DcmDataset& ds, const dicom::PixelFormat& format, const std::string& path, VolumeInfo& info)
{
    OFString function;
    if (ds.findAndGetOFString(DCM_VOILUTFunction, function).good())
        info.voiLutFunction = function.c_str();
    if (format.isColour())
        return;
    // A VOI LUT maps modality values: signed where they can be negative (a Modality LUT's
    // output never is).
    const bool signedInput = !format.modalityLut && (format.isSigned || format.intercept < 0);
    std::vector<dicom::Lut> luts;
    try {
        luts = dicom::readVoiLuts(ds, signedInput, path);
    } catch (const IoError& e) { // the image is still good: only its display tables are not
        info.warnings.push_back(std::string("VOI LUTs ignored: ") + e.what());
    }
    int index = 0;
    for (dicom::Lut& lut : luts) {
        VoiLut voi;
        voi.name = lut.explanation.empty() ? "VOI LUT " + std::to_string(index + 1) : lut.explanation;
        voi.firstMapped = lut.firstMapped;
        voi.bits = lut.bits;
        voi.table.assign(lut.table.begin(), lut.table.end());
        info.voiLuts.push_back(std::move(voi));
        ++index;
    }
}

// The geometry stays orthogonal; the in-plane drift per slice is recorded so that
// resampleTilted() can undo it.
void recordTilt(const DicomSeries& series, VolumeInfo& info)
{
    const size_t count = series.slices.size();
    if (count < 2)
        return;
    const Vec3 n = series.normal();
    Vec3 step{};
    for (size_t a = 0; a < 3; ++a)
        step[a] = (series.slices.back().position[a] - series.slices.front().position[a]) / double(count - 1);
    const double along = dot(step, n);
    const Vec3 shear{step[0] - along * n[0], step[1] - along * n[1], step[2] - along * n[2]};
    const double drift = std::sqrt(dot(shear, shear));
    const double pixel = std::min(series.pixelSpacing[0], series.pixelSpacing[1]);
    if (drift * double(count - 1) < 0.01 * pixel) // below a hundredth of a pixel over the stack
        return;
    info.sliceShear = shear;
    const double angle = std::atan2(drift, std::abs(along)) * 180.0 / M_PI;
    if (angle > 0.5) {
        std::ostringstream w;
        w.precision(3);
        w << "gantry tilt of " << angle
          << " degrees: slices are sheared; resampling them to their true positions is available";
        info.warnings.push_back(w.str());
    }
}

} // namespace radpath::viewer

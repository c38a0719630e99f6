#include "viewer/io/DicomSeriesReader.h"

#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <mutex>
#include <sstream>

namespace fs = std::filesystem;

namespace radpath::viewer {
namespace {

void registerCodecsOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        DJDecoderRegistration::registerCodecs();
        DJLSDecoderRegistration::registerCodecs();
        DcmRLEDecoderRegistration::registerCodecs();
    });
}

std::string getString(DcmItem& item, const DcmTagKey& key)
{
    OFString value;
    if (item.findAndGetOFStringArray(key, value).good())
        return std::string(value.c_str());
    return {};
}

double getDouble(DcmItem& item, const DcmTagKey& key, unsigned long pos, double fallback)
{
    Float64 value = 0;
    return item.findAndGetFloat64(key, value, pos).good() ? double(value) : fallback;
}

bool getVec3(DcmItem& item, const DcmTagKey& key, unsigned long offset, Vec3& out)
{
    for (unsigned long i = 0; i < 3; ++i) {
        Float64 v = 0;
        if (item.findAndGetFloat64(key, v, offset + i).bad())
            return false;
        out[i] = double(v);
    }
    return true;
}

Vec3 normalized(const Vec3& v)
{
    const double n = std::sqrt(dot(v, v));
    return n > 0 ? Vec3{v[0] / n, v[1] / n, v[2] / n} : v;
}

std::string orientationKey(const Vec3& row, const Vec3& col)
{
    std::ostringstream key;
    key.precision(3);
    key << std::fixed << row[0] << ',' << row[1] << ',' << row[2] << ';' << col[0] << ',' << col[1] << ',' << col[2];
    return key.str();
}

std::vector<std::string> listFiles(const std::string& path, const TaskControl& control)
{
    std::vector<std::string> files;
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
        files.push_back(path);
        return files;
    }
    for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        if (control.cancelled())
            throw OperationCancelled{};
        if (it->is_regular_file(ec))
            files.push_back(it->path().string());
    }
    if (ec)
        throw IoError(path, "cannot list folder: " + ec.message());
    std::sort(files.begin(), files.end());
    return files;
}

struct ScannedFile {
    DicomSlice slice;
    DicomSeries header; // series-level fields; `slices` empty
};

bool scanFile(const std::string& path, ScannedFile& out)
{
    DcmFileFormat file;
    // Stop before large elements: pixel data stays on disk while scanning.
    if (file.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, 4096, ERM_autoDetect).bad())
        return false;
    DcmDataset& ds = *file.getDataset();
    if (!ds.tagExists(DCM_PixelData))
        return false;
    Uint16 rows = 0, cols = 0, bits = 16;
    ds.findAndGetUint16(DCM_Rows, rows);
    ds.findAndGetUint16(DCM_Columns, cols);
    ds.findAndGetUint16(DCM_BitsAllocated, bits);
    if (rows == 0 || cols == 0)
        return false;

    DicomSeries& h = out.header;
    h.seriesInstanceUid = getString(ds, DCM_SeriesInstanceUID);
    h.studyInstanceUid = getString(ds, DCM_StudyInstanceUID);
    h.frameOfReferenceUid = getString(ds, DCM_FrameOfReferenceUID);
    h.modality = getString(ds, DCM_Modality);
    h.seriesDescription = getString(ds, DCM_SeriesDescription);
    h.rows = rows;
    h.columns = cols;
    h.bitsAllocated = bits;
    Vec3 row{1, 0, 0}, col{0, 1, 0};
    if (getVec3(ds, DCM_ImageOrientationPatient, 0, row) && getVec3(ds, DCM_ImageOrientationPatient, 3, col)) {
        h.rowDirection = normalized(row);
        h.columnDirection = normalized(col);
    }
    h.pixelSpacing = {getDouble(ds, DCM_PixelSpacing, 0, 1.0), getDouble(ds, DCM_PixelSpacing, 1, 1.0)};
    DcmElement* centers = nullptr;
    const unsigned long windows = ds.findAndGetElement(DCM_WindowCenter, centers).good() && centers ? centers->getVM() : 0;
    for (unsigned long w = 0; w < windows; ++w) {
        WindowPreset preset;
        preset.center = getDouble(ds, DCM_WindowCenter, w, 0.0);
        preset.width = getDouble(ds, DCM_WindowWidth, w, 1.0);
        OFString explanation;
        if (ds.findAndGetOFString(DCM_WindowCenterWidthExplanation, explanation, w).good())
            preset.name = explanation.c_str();
        if (preset.name.empty())
            preset.name = "Window " + std::to_string(w + 1);
        h.windowPresets.push_back(preset);
    }

    DicomSlice& s = out.slice;
    s.path = path;
    if (!getVec3(ds, DCM_ImagePositionPatient, 0, s.position))
        s.position = {0, 0, 0};
    Sint32 instance = 0;
    if (ds.findAndGetSint32(DCM_InstanceNumber, instance).good())
        s.instanceNumber = instance;
    s.rescaleSlope = getDouble(ds, DCM_RescaleSlope, 0, 1.0);
    s.rescaleIntercept = getDouble(ds, DCM_RescaleIntercept, 0, 0.0);
    return true;
}

// Decodes one slice's stored values into modality values written to `out` (row-major).
template <class T>
void decodeSlice(const DicomSlice& slice, const DicomSeries& series, T* out)
{
    DcmFileFormat file;
    const OFCondition loaded = file.loadFile(slice.path.c_str());
    if (loaded.bad())
        throw IoError(slice.path, std::string("cannot read DICOM file: ") + loaded.text());
    DcmDataset& ds = *file.getDataset();
    if (ds.chooseRepresentation(EXS_LittleEndianExplicit, nullptr).bad() ||
        !ds.canWriteXfer(EXS_LittleEndianExplicit))
        throw IoError(slice.path, "pixel data uses a compression RadPath cannot decode");

    Uint16 rows = 0, cols = 0, bitsAllocated = 0, bitsStored = 0, pixelRep = 0, samples = 1;
    ds.findAndGetUint16(DCM_Rows, rows);
    ds.findAndGetUint16(DCM_Columns, cols);
    ds.findAndGetUint16(DCM_BitsAllocated, bitsAllocated);
    ds.findAndGetUint16(DCM_BitsStored, bitsStored);
    ds.findAndGetUint16(DCM_PixelRepresentation, pixelRep);
    ds.findAndGetUint16(DCM_SamplesPerPixel, samples);
    if (rows != series.rows || cols != series.columns)
        throw IoError(slice.path, "slice size differs from the rest of its series");
    if (samples != 1)
        throw IoError(slice.path, "colour images are not volumes; open it as a 2-D image");
    if (bitsStored == 0 || bitsStored > bitsAllocated)
        bitsStored = bitsAllocated;

    const size_t count = size_t(rows) * cols;
    std::vector<double> stored(count);
    if (bitsAllocated == 8) {
        const Uint8* p = nullptr;
        unsigned long n = 0;
        if (ds.findAndGetUint8Array(DCM_PixelData, p, &n).bad() || !p || n < count)
            throw IoError(slice.path, "pixel data is missing or shorter than Rows x Columns");
        for (size_t i = 0; i < count; ++i)
            stored[i] = pixelRep ? double(Sint8(p[i])) : double(p[i]);
    } else if (bitsAllocated == 16) {
        const Uint16* p = nullptr;
        unsigned long n = 0;
        if (ds.findAndGetUint16Array(DCM_PixelData, p, &n).bad() || !p || n < count)
            throw IoError(slice.path, "pixel data is missing or shorter than Rows x Columns");
        const Uint16 mask = bitsStored >= 16 ? 0xFFFF : Uint16((1u << bitsStored) - 1u);
        const Uint16 signBit = Uint16(1u << (bitsStored - 1));
        for (size_t i = 0; i < count; ++i) {
            const Uint16 v = Uint16(p[i] & mask);
            stored[i] = (pixelRep && (v & signBit)) ? double(int(v) - int(1u << bitsStored)) : double(v);
        }
    } else {
        throw IoError(slice.path, "BitsAllocated " + std::to_string(bitsAllocated) + " is not supported");
    }

    const double slope = getDouble(ds, DCM_RescaleSlope, 0, 1.0);
    const double intercept = getDouble(ds, DCM_RescaleIntercept, 0, 0.0);
    for (size_t i = 0; i < count; ++i) {
        const double v = stored[i] * slope + intercept;
        if constexpr (std::is_integral_v<T>)
            out[i] = T(std::lround(std::clamp(v, double(std::numeric_limits<T>::lowest()),
                                              double(std::numeric_limits<T>::max()))));
        else
            out[i] = T(v);
    }
}

} // namespace

Vec3 DicomSeries::normal() const
{
    return normalized(cross(rowDirection, columnDirection));
}

double DicomSeries::sliceSpacing() const
{
    if (slices.size() < 2)
        return 0.0;
    const Vec3 n = normal();
    std::vector<double> gaps;
    for (size_t i = 1; i < slices.size(); ++i)
        gaps.push_back(dot(n, slices[i].position) - dot(n, slices[i - 1].position));
    std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
    return gaps[gaps.size() / 2];
}

bool DicomSeriesReader::hasDicomMagic(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    in.seekg(128);
    return in.read(magic, 4) && std::string(magic, 4) == "DICM";
}

double DicomSeriesReader::confidence(const std::string& path) const
{
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        // A folder of DICOM files: look at the first few regular files only.
        int looked = 0;
        for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end && looked < 16; it.increment(ec)) {
            if (!it->is_regular_file(ec))
                continue;
            ++looked;
            if (hasDicomMagic(it->path().string()))
                return 0.9;
        }
        return 0.0;
    }
    if (hasDicomMagic(path))
        return 0.9;
    const std::string ext = fs::path(path).extension().string();
    return (ext == ".dcm" || ext == ".DCM") ? 0.3 : 0.0;
}

std::vector<DicomSeries> DicomSeriesReader::scan(const std::string& path, const TaskControl& control) const
{
    control.report(0.0, "listing files");
    const auto files = listFiles(path, control);
    std::map<std::string, DicomSeries> groups;
    for (size_t f = 0; f < files.size(); ++f) {
        if (control.cancelled())
            throw OperationCancelled{};
        ScannedFile scanned;
        if (!scanFile(files[f], scanned))
            continue;
        const DicomSeries& h = scanned.header;
        // Split a series that mixes sizes or orientations into separate stacks.
        const std::string key = h.seriesInstanceUid + '|' + std::to_string(h.rows) + 'x' +
                                std::to_string(h.columns) + '|' + orientationKey(h.rowDirection, h.columnDirection);
        auto [it, inserted] = groups.try_emplace(key, h);
        it->second.slices.push_back(scanned.slice);
        control.report(0.5 * double(f + 1) / double(files.size()), "reading headers");
    }

    std::vector<DicomSeries> result;
    for (auto& [key, series] : groups) {
        const Vec3 n = series.normal();
        std::stable_sort(series.slices.begin(), series.slices.end(), [&](const DicomSlice& a, const DicomSlice& b) {
            return dot(n, a.position) < dot(n, b.position);
        });
        // Uneven spacing and duplicate positions are reported, not hidden.
        const double spacing = series.sliceSpacing();
        for (size_t i = 1; i < series.slices.size(); ++i) {
            const double gap = dot(n, series.slices[i].position) - dot(n, series.slices[i - 1].position);
            if (std::abs(gap) < 1e-4) {
                series.warnings.push_back("two slices share one position");
                break;
            }
            if (spacing > 0 && std::abs(gap - spacing) > 0.01 * spacing) {
                series.warnings.push_back("slice spacing is uneven");
                break;
            }
        }
        result.push_back(std::move(series));
    }
    std::sort(result.begin(), result.end(),
              [](const DicomSeries& a, const DicomSeries& b) { return a.slices.size() > b.slices.size(); });
    return result;
}

Volume DicomSeriesReader::readSeries(const DicomSeries& series, const TaskControl& control) const
{
    registerCodecsOnce();
    if (series.slices.empty())
        throw IoError(series.seriesInstanceUid, "series has no slices");

    ImageGeometry g;
    g.size = {series.columns, series.rows, int(series.slices.size())};
    const double sliceSpacing = series.sliceSpacing();
    g.spacing = {series.pixelSpacing[1], series.pixelSpacing[0], sliceSpacing > 0 ? sliceSpacing : 1.0};
    g.origin = series.slices.front().position;
    const Vec3 n = series.normal();
    for (int r = 0; r < 3; ++r) {
        g.direction[size_t(r * 3 + 0)] = series.rowDirection[size_t(r)];
        g.direction[size_t(r * 3 + 1)] = series.columnDirection[size_t(r)];
        g.direction[size_t(r * 3 + 2)] = n[size_t(r)];
    }

    // int16 holds CT in HU exactly; anything with fractional or varying scaling is float.
    bool integral = true;
    for (const auto& s : series.slices)
        integral = integral && s.rescaleSlope == 1.0 && s.rescaleIntercept == std::floor(s.rescaleIntercept) &&
                   std::abs(s.rescaleIntercept) <= 4096.0;
    const PixelType type = integral ? PixelType::Int16 : PixelType::Float32;

    Volume volume(type, g);
    const size_t sliceVoxels = size_t(series.rows) * size_t(series.columns);
    for (size_t k = 0; k < series.slices.size(); ++k) {
        if (control.cancelled())
            throw OperationCancelled{};
        if (type == PixelType::Int16)
            decodeSlice(series.slices[k], series, volume.voxels<std::int16_t>() + k * sliceVoxels);
        else
            decodeSlice(series.slices[k], series, volume.voxels<float>() + k * sliceVoxels);
        control.report(0.5 + 0.5 * double(k + 1) / double(series.slices.size()), "decoding slices");
    }

    VolumeInfo& info = volume.info();
    info.modality = series.modality;
    info.units = series.modality == "CT" ? "HU" : "";
    info.seriesInstanceUid = series.seriesInstanceUid;
    info.seriesDescription = series.seriesDescription;
    info.windowPresets = series.windowPresets;
    info.warnings = series.warnings;
    return volume;
}

Volume DicomSeriesReader::read(const std::string& path, const TaskControl& control) const
{
    std::error_code ec;
    // A single file opens the series it belongs to: scan its folder.
    const std::string root = fs::is_directory(path, ec) ? path : fs::path(path).parent_path().string();
    auto series = scan(root.empty() ? "." : root, control);
    if (!fs::is_directory(path, ec)) {
        const auto wanted = std::find_if(series.begin(), series.end(), [&](const DicomSeries& s) {
            return std::any_of(s.slices.begin(), s.slices.end(), [&](const DicomSlice& sl) {
                return fs::equivalent(sl.path, path, ec);
            });
        });
        if (wanted == series.end())
            throw IoError(path, "not a readable DICOM image (no pixel data, or a damaged header)");
        std::rotate(series.begin(), wanted, wanted + 1);
    }
    if (series.empty())
        throw IoError(path, "no DICOM images found");
    Volume volume = readSeries(series.front(), control);
    if (series.size() > 1)
        volume.info().warnings.push_back(std::to_string(series.size() - 1) + " more series found; the largest is shown");
    return volume;
}

} // namespace radpath::viewer

#include "viewer/io/DicomSeriesReader.h"

#include "viewer/io/DicomSeriesGrouping.h"
#include "viewer/io/DicomVolumeInfo.h"

#include "viewer/io/DicomDir.h"
#include "viewer/io/DicomPixelDecoder.h"
#include "viewer/io/DicomText.h"
#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;

namespace radpath::viewer {
namespace {

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

// PatientOrientation (0020,0020): the patient directions of the rows and the columns as
// letters (L, R, A, P, H, F; oblique ones combine, e.g. "LF"), as in PS3.3 C.7.6.1.1.1.
bool patientOrientation(DcmItem& ds, Vec3& row, Vec3& col)
{
    OFString rows, columns;
    if (ds.findAndGetOFString(DCM_PatientOrientation, rows, 0).bad() ||
        ds.findAndGetOFString(DCM_PatientOrientation, columns, 1).bad())
        return false;
    auto toVector = [](const OFString& letters, Vec3& v) {
        v = {0, 0, 0};
        for (const char c : std::string(letters.c_str())) {
            switch (c) {
            case 'L': v[0] += 1; break;
            case 'R': v[0] -= 1; break;
            case 'P': v[1] += 1; break;
            case 'A': v[1] -= 1; break;
            case 'H': v[2] += 1; break;
            case 'F': v[2] -= 1; break;
            default: return false;
            }
        }
        if (norm(v) == 0)
            return false;
        v = normalized(v);
        return true;
    };
    Vec3 r, c;
    if (!toVector(rows, r) || !toVector(columns, c) || std::abs(dot(r, c)) > 1e-6)
        return false;
    row = r;
    col = c;
    return true;
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
    std::string sopInstanceUid;
    std::vector<DicomSlice> slices; // one per frame
    DicomSeries header;             // series-level fields; `slices` empty
};

// Item `index` of sequence `key` in `item`, or nullptr.
DcmItem* sequenceItem(DcmItem& item, const DcmTagKey& key, unsigned long index = 0)
{
    DcmItem* found = nullptr;
    return item.findAndGetSequenceItem(key, found, long(index)).good() ? found : nullptr;
}

// Geometry of each frame of a multi-frame object: enhanced CT/MR functional groups,
// RT dose grid offsets, or a plain stack (cine) one unit apart.
void frameGeometry(DcmDataset& ds, int frames, DicomSeries& h, std::vector<DicomSlice>& slices)
{
    DcmItem* shared = sequenceItem(ds, DCM_SharedFunctionalGroupsSequence);
    if (shared) {
        if (DcmItem* orientation = sequenceItem(*shared, DCM_PlaneOrientationSequence)) {
            Vec3 row, col;
            if (getVec3(*orientation, DCM_ImageOrientationPatient, 0, row) &&
                getVec3(*orientation, DCM_ImageOrientationPatient, 3, col)) {
                h.rowDirection = normalized(row);
                h.columnDirection = normalized(col);
            }
        }
        if (DcmItem* measures = sequenceItem(*shared, DCM_PixelMeasuresSequence))
            h.pixelSpacing = {getDouble(*measures, DCM_PixelSpacing, 0, h.pixelSpacing[0]),
                              getDouble(*measures, DCM_PixelSpacing, 1, h.pixelSpacing[1])};
    }
    Vec3 origin = slices.front().position;
    const Vec3 n = normalized(cross(h.rowDirection, h.columnDirection));
    const bool dose = ds.tagExists(DCM_GridFrameOffsetVector);
    for (int k = 0; k < frames; ++k) {
        DicomSlice& s = slices[size_t(k)];
        s.frame = k;
        s.instanceNumber = k + 1;
        Vec3 position = origin;
        bool found = false;
        if (DcmItem* perFrame = sequenceItem(ds, DCM_PerFrameFunctionalGroupsSequence, unsigned(k))) {
            if (DcmItem* plane = sequenceItem(*perFrame, DCM_PlanePositionSequence))
                found = getVec3(*plane, DCM_ImagePositionPatient, 0, position);
            if (DcmItem* transform = sequenceItem(*perFrame, DCM_PixelValueTransformationSequence)) {
                s.rescaleSlope = getDouble(*transform, DCM_RescaleSlope, 0, s.rescaleSlope);
                s.rescaleIntercept = getDouble(*transform, DCM_RescaleIntercept, 0, s.rescaleIntercept);
            }
        }
        if (!found) {
            const double offset = dose ? getDouble(ds, DCM_GridFrameOffsetVector, unsigned(k), double(k)) : double(k);
            for (int a = 0; a < 3; ++a)
                position[size_t(a)] = origin[size_t(a)] + offset * n[size_t(a)];
        }
        s.position = position;
    }
    if (shared)
        if (DcmItem* transform = sequenceItem(*shared, DCM_PixelValueTransformationSequence))
            for (auto& s : slices) {
                s.rescaleSlope = getDouble(*transform, DCM_RescaleSlope, 0, s.rescaleSlope);
                s.rescaleIntercept = getDouble(*transform, DCM_RescaleIntercept, 0, s.rescaleIntercept);
            }
}

bool scanFile(const std::string& path, ScannedFile& out)
{
    DcmFileFormat file;
    // Stop before large elements: pixel data stays on disk while scanning.
    if (file.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, 4096, ERM_autoDetect).bad())
        return false;
    DcmDataset& ds = *file.getDataset();
    if (!ds.tagExists(DCM_PixelData))
        return false;
    Uint16 rows = 0, cols = 0, bits = 16, samples = 1;
    ds.findAndGetUint16(DCM_Rows, rows);
    ds.findAndGetUint16(DCM_Columns, cols);
    ds.findAndGetUint16(DCM_BitsAllocated, bits);
    ds.findAndGetUint16(DCM_SamplesPerPixel, samples);
    if (rows == 0 || cols == 0)
        return false;
    Sint32 frames = 1;
    if (ds.findAndGetSint32(DCM_NumberOfFrames, frames).bad() || frames < 1)
        frames = 1;

    DicomSeries& h = out.header;
    out.sopInstanceUid = getString(ds, DCM_SOPInstanceUID);
    h.photometric = getString(ds, DCM_PhotometricInterpretation);
    h.seriesInstanceUid = getString(ds, DCM_SeriesInstanceUID);
    h.studyInstanceUid = getString(ds, DCM_StudyInstanceUID);
    h.frameOfReferenceUid = getString(ds, DCM_FrameOfReferenceUID);
    h.modality = getString(ds, DCM_Modality);
    // Text in the file's character set, decoded to UTF-8 (ISO 2022 included).
    const std::string charset = getString(ds, DCM_SpecificCharacterSet);
    h.seriesDescription = decodeDicomText(getString(ds, DCM_SeriesDescription), charset, false);
    h.studyDescription = decodeDicomText(getString(ds, DCM_StudyDescription), charset, false);
    h.patientName = decodeDicomText(getString(ds, DCM_PatientName), charset, true);
    h.patientId = decodeDicomText(getString(ds, DCM_PatientID), charset, false);
    h.studyDate = getString(ds, DCM_StudyDate);
    h.rows = rows;
    h.columns = cols;
    h.bitsAllocated = bits;
    h.samples = samples;
    h.frames = frames;
    h.frameTimeMs = getDouble(ds, DCM_FrameTime, 0, 0.0);
    if (h.frameTimeMs <= 0) {
        // Both are IS (integer strings).
        Sint32 rate = 0;
        if (ds.findAndGetSint32(DCM_CineRate, rate).bad() || rate <= 0)
            ds.findAndGetSint32(DCM_RecommendedDisplayFrameRate, rate);
        h.frameTimeMs = rate > 0 ? 1000.0 / rate : 0.0;
    }
    Vec3 row{1, 0, 0}, col{0, 1, 0};
    if (getVec3(ds, DCM_ImageOrientationPatient, 0, row) && getVec3(ds, DCM_ImageOrientationPatient, 3, col)) {
        h.rowDirection = normalized(row);
        h.columnDirection = normalized(col);
    } else if (patientOrientation(ds, row, col)) {
        // Projection radiographs: PatientOrientation names where rows and columns run.
        h.rowDirection = row;
        h.columnDirection = col;
    }
    h.pixelSpacing = {getDouble(ds, DCM_PixelSpacing, 0, getDouble(ds, DCM_ImagerPixelSpacing, 0, 1.0)),
                      getDouble(ds, DCM_PixelSpacing, 1, getDouble(ds, DCM_ImagerPixelSpacing, 1, 1.0))};
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

    DicomSlice s;
    s.path = path;
    s.sopInstanceUid = out.sopInstanceUid;
    if (!getVec3(ds, DCM_ImagePositionPatient, 0, s.position))
        s.position = {0, 0, 0};
    Sint32 instance = 0;
    if (ds.findAndGetSint32(DCM_InstanceNumber, instance).good())
        s.instanceNumber = instance;
    Sint32 acquisition = 0;
    if (ds.findAndGetSint32(DCM_AcquisitionNumber, acquisition).good())
        s.acquisitionNumber = acquisition;
    s.rescaleSlope = getDouble(ds, DCM_RescaleSlope, 0, 1.0);
    s.rescaleIntercept = getDouble(ds, DCM_RescaleIntercept, 0, 0.0);
    out.slices.assign(size_t(frames), s);
    if (frames > 1)
        frameGeometry(ds, frames, h, out.slices);
    return true;
}

// Smallest type that holds every modality value of the series exactly; float32 otherwise.
PixelType chooseType(const DicomSeries& series, const dicom::PixelFormat& f)
{
    if (f.isColour())
        return f.colourBits() == 8 ? PixelType::UInt8 : PixelType::UInt16;
    if (f.modalityLut) // table entries are unsigned, at most 16 bits
        return f.modalityLut->bits <= 8 ? PixelType::UInt8 : PixelType::UInt16;
    double slope = f.slope, lo = 0, hi = 0;
    bool integral = std::floor(f.intercept) == f.intercept;
    for (const auto& s : series.slices)
        integral = integral && s.rescaleSlope == slope && std::floor(s.rescaleIntercept) == s.rescaleIntercept;
    if (!integral || slope != 1.0)
        return PixelType::Float32;
    const double storedMin = f.isSigned ? -std::ldexp(1.0, f.bitsStored - 1) : 0.0;
    const double storedMax = f.isSigned ? std::ldexp(1.0, f.bitsStored - 1) - 1 : std::ldexp(1.0, f.bitsStored) - 1;
    lo = storedMin + f.intercept;
    hi = storedMax + f.intercept;
    for (const auto& s : series.slices) {
        lo = std::min(lo, storedMin + s.rescaleIntercept);
        hi = std::max(hi, storedMax + s.rescaleIntercept);
    }
    const bool noShift = f.intercept == 0.0;
    if (noShift && f.bitsAllocated == 8)
        return f.isSigned ? PixelType::Int8 : PixelType::UInt8;
    if (noShift && f.bitsAllocated == 16)
        return f.isSigned ? PixelType::Int16 : PixelType::UInt16;
    if (lo >= -32768 && hi <= 32767)
        return PixelType::Int16;
    // 16-bit CT and the like: HU = stored + intercept always fits int16 in practice; only
    // padding values at the extremes of the stored range would clamp, and they stay extreme.
    if (f.bitsAllocated == 16 && std::abs(f.intercept) <= 4096)
        return PixelType::Int16;
    if (noShift && f.bitsAllocated == 32)
        return f.isSigned ? PixelType::Int32 : PixelType::UInt32;
    if (lo >= -2147483648.0 && hi <= 2147483647.0)
        return PixelType::Int32;
    return PixelType::Float32;
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
    dicom::initialiseDcmtk();
    control.report(0.0, "listing files");
    return scanFiles(listFiles(path, control), control);
}

std::vector<std::string> DicomSeriesReader::listFilesUnder(const std::string& path, const TaskControl& control)
{
    return listFiles(path, control);
}

std::vector<DicomSeries> DicomSeriesReader::scanFiles(const std::vector<std::string>& files, const TaskControl& control) const
{
    dicom::initialiseDcmtk();
    // Headers are read in parallel; grouping then runs in file order, so results do not
    // depend on thread timing.
    std::vector<ScannedFile> scannedFiles(files.size());
    std::vector<char> readable(files.size(), 0);
    std::atomic<size_t> next{0};
    std::atomic<bool> cancelled{false};
    auto worker = [&](bool reports) {
        for (size_t f = next++; f < files.size() && !cancelled; f = next++) {
            if (control.cancelled()) {
                cancelled = true;
                return;
            }
            readable[f] = scanFile(files[f], scannedFiles[f]) ? 1 : 0;
            if (reports)
                control.report(0.5 * double(f + 1) / double(files.size()), "reading headers");
        }
    };
    const size_t threads = files.size() < 16 ? 1 : std::min<size_t>(8, std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t)
        pool.emplace_back(worker, false);
    worker(true);
    for (auto& t : pool)
        t.join();
    if (cancelled || control.cancelled())
        throw OperationCancelled{};

    std::map<std::string, DicomSeries> groups;
    std::set<std::string> seenInstances;
    int duplicates = 0;
    for (size_t f = 0; f < files.size(); ++f) {
        if (!readable[f])
            continue;
        ScannedFile& scanned = scannedFiles[f];
        const DicomSeries& h = scanned.header;
        // Split a series that mixes sizes, orientations or colour into separate stacks; a
        // multi-frame object is a stack of its own.
        if (!scanned.sopInstanceUid.empty() && !seenInstances.insert(scanned.sopInstanceUid).second) {
            ++duplicates; // the same instance twice (a copy): keep the first
            continue;
        }
        std::string key = h.seriesInstanceUid + '|' + std::to_string(h.rows) + 'x' + std::to_string(h.columns) + '|' +
                          std::to_string(h.samples) + '|' + std::to_string(h.bitsAllocated) + '|' + h.photometric + '|' +
                          orientationKey(h.rowDirection, h.columnDirection);
        if (h.frames > 1 || h.seriesInstanceUid.empty())
            key += '|' + files[f];
        auto [it, inserted] = groups.try_emplace(key, h);
        it->second.slices.insert(it->second.slices.end(), scanned.slices.begin(), scanned.slices.end());
    }

    std::vector<DicomSeries> stacks;
    for (auto& [key, series] : groups)
        stacks.push_back(std::move(series));
    return orderSeries(std::move(stacks), duplicates);
}

Volume DicomSeriesReader::readSeries(const DicomSeries& series, const TaskControl& control,
                                     const std::function<void(const Volume&)>& middleSliceReady) const
{
    dicom::initialiseDcmtk();
    if (series.slices.empty())
        throw IoError(series.seriesInstanceUid, "series has no slices");

    // Pixel format from the first file's header; every file is checked against it.
    DcmFileFormat first;
    const std::string& firstPath = series.slices.front().path;
    const OFCondition firstLoaded = first.loadFile(firstPath.c_str(), EXS_Unknown, EGL_noChange, 4096);
    if (firstLoaded.bad())
        throw IoError(firstPath, std::string("cannot read DICOM file: ") + firstLoaded.text());
    const dicom::PixelFormat format = dicom::readPixelFormat(*first.getDataset(), firstPath);

    ImageGeometry g;
    g.size = {series.columns, series.rows, int(series.slices.size())};
    const double sliceSpacing = series.sliceSpacing();
    g.spacing = {series.pixelSpacing[1], series.pixelSpacing[0], std::abs(sliceSpacing) > 1e-6 ? sliceSpacing : 1.0};
    g.origin = series.slices.front().position;
    const Vec3 n = series.normal();
    for (int r = 0; r < 3; ++r) {
        g.direction[size_t(r * 3 + 0)] = series.rowDirection[size_t(r)];
        g.direction[size_t(r * 3 + 1)] = series.columnDirection[size_t(r)];
        g.direction[size_t(r * 3 + 2)] = n[size_t(r)];
    }

    // A header can claim any size: refuse what the files cannot hold before allocating.
    {
        std::error_code sizeError;
        double fileBytes = 0;
        std::set<std::string> counted;
        for (const auto& s : series.slices)
            if (counted.insert(s.path).second)
                fileBytes += double(fs::file_size(s.path, sizeError));
        const double samplesStored = format.photometric == "YBR_FULL_422" ? 2.0 : double(format.storedSamples());
        const double claimed = double(series.rows) * series.columns * samplesStored * (format.bitsAllocated / 8.0) *
                               double(series.slices.size());
        const bool encapsulated = DcmXfer(format.transferSyntax.c_str()).isEncapsulated();
        if (claimed > (encapsulated ? 200.0 : 1.05) * fileBytes + 65536.0)
            throw IoError(firstPath, "the header describes more pixel data than the file holds (damaged or truncated)");
    }
    const PixelType type = chooseType(series, format);
    Volume volume(type, g, format.samples);
    std::vector<std::string> skipped;
    const size_t frameValues = size_t(series.rows) * size_t(series.columns) * size_t(format.samples);
    {
    VolumeInfo& info = volume.info();
    info.modality = series.modality;
    info.units = series.modality == "CT" ? "HU" : series.modality == "RTDOSE" ? "Gy" : "";
    if (format.modalityLut && !format.modalityLutType.empty() && format.modalityLutType != "US")
        info.units = format.modalityLutType; // "US" means unspecified
    info.seriesInstanceUid = series.seriesInstanceUid;
    info.frameOfReferenceUid = series.frameOfReferenceUid;
    info.acquisitionNumber = series.acquisitionNumber;
    info.frameTimeMs = series.frames > 1 ? series.frameTimeMs : 0.0;
    info.seriesDescription = series.seriesDescription;
    info.studyDescription = series.studyDescription;
    info.patientName = series.patientName;
    info.patientId = series.patientId;
    info.studyDate = series.studyDate;
    info.windowPresets = series.windowPresets;
    info.invertedGrey = format.photometric == "MONOCHROME1";
    if (format.hasPadding) {
        info.hasPaddingValue = true;
        info.paddingValue = format.modalityValue(format.padding);
    }
    // Display tables and tilt belong to the first view of the middle slice too.
    readVoi(*first.getDataset(), format, firstPath, info);
    recordTilt(series, info);
    }
    // Slices decode in parallel, each worker with its own DCMTK file object.
    std::mutex skippedMutex;
    std::atomic<bool> stop{false};
    std::atomic<size_t> done{0};
    const size_t total = series.slices.size();
    const size_t middle = total / 2;
    auto decodeOne = [&](size_t k, DcmFileFormat& workerFile, std::string& workerPath, bool reports) {
        const DicomSlice& slice = series.slices[k];
        std::vector<double> values;
        try {
            if (slice.path != workerPath) {
                const OFCondition loaded = workerFile.loadFile(slice.path.c_str());
                if (loaded.bad())
                    throw IoError(slice.path, std::string("cannot read DICOM file: ") + loaded.text());
                workerPath = slice.path;
            }
            DcmDataset& ds = *workerFile.getDataset();
            dicom::PixelFormat f = dicom::readPixelFormat(ds, slice.path);
            if (f.rows != format.rows || f.columns != format.columns || f.samples != format.samples)
                throw IoError(slice.path, "image size differs from the rest of its series");
            if (!f.isColour()) { // per-frame rescale of enhanced objects
                const double firstSlope = series.slices.front().rescaleSlope == 0 ? 1.0 : series.slices.front().rescaleSlope;
                f.slope = slice.rescaleSlope * (format.slope / firstSlope);
                f.intercept = slice.rescaleIntercept;
            }
            if (!((type == PixelType::Int16 || type == PixelType::UInt16) &&
                  dicom::decodeGreyFrameInto(ds, f, slice.frame, slice.path, type == PixelType::Int16,
                                             static_cast<std::byte*>(volume.data()) + k * frameValues * 2)))
                values = dicom::decodeFrame(ds, f, slice.frame, slice.path);
        } catch (const IoError& e) {
            // One broken file does not lose the series: its slice stays blank and is reported.
            std::lock_guard<std::mutex> lock(skippedMutex);
            skipped.push_back(e.what());
            return;
        }
        if (!values.empty())
            visitPixelType(type, [&](auto tag) {
                using T = decltype(tag);
                T* out = volume.voxels<T>() + k * frameValues;
                if constexpr (std::is_integral_v<T>) {
                    constexpr double lo = double(std::numeric_limits<T>::lowest()), hi = double(std::numeric_limits<T>::max());
                    for (size_t i = 0; i < frameValues; ++i) {
                        const double v = std::clamp(values[i], lo, hi);
                        out[i] = T(v >= 0 ? v + 0.5 : v - 0.5);
                    }
                } else {
                    for (size_t i = 0; i < frameValues; ++i)
                        out[i] = T(values[i]);
                }
            });
        const size_t finished = ++done;
        if (reports)
            control.report(0.5 + 0.5 * double(finished) / double(total), "decoding slices");
    };
    // The middle slice first, handed over at once, so that it can be shown while the rest loads.
    if (middleSliceReady) {
        DcmFileFormat file;
        std::string path;
        decodeOne(middle, file, path, true);
        middleSliceReady(volume);
    }
    auto decodeEvery = [&](size_t first, size_t step) {
        DcmFileFormat workerFile;
        std::string workerPath;
        for (size_t k = first; k < total && !stop; k += step) {
            if (control.cancelled()) {
                stop = true;
                return;
            }
            if (middleSliceReady && k == middle)
                continue;
            decodeOne(k, workerFile, workerPath, first == 0);
        }
    };
    // While the middle slice is on screen, one core stays free for the user interface.
    const size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const size_t usable = middleSliceReady ? std::max<size_t>(1, cores - 1) : cores;
    const size_t workers = total < 8 ? 1 : std::min<size_t>(8, usable);
    std::vector<std::thread> pool;
    for (size_t w = 1; w < workers; ++w)
        pool.emplace_back(decodeEvery, w, workers);
    decodeEvery(0, workers);
    for (auto& t : pool)
        t.join();
    if (control.cancelled())
        throw OperationCancelled{};
    if (skipped.size() == total && total == 1)
        throw IoError(series.slices.front().path, skipped.front().substr(series.slices.front().path.size() + 2));

    VolumeInfo& info = volume.info();
    info.warnings.insert(info.warnings.begin(), series.warnings.begin(), series.warnings.end());
    if (!skipped.empty()) {
        if (skipped.size() == series.slices.size())
            throw IoError(series.slices.front().path, "no slice of the series could be decoded: " + skipped.front());
        info.warnings.push_back(std::to_string(skipped.size()) + " slice(s) could not be decoded and are left blank; first: " +
                                skipped.front());
    }

    return volume;
}

std::vector<DicomSeries> DicomSeriesReader::seriesFor(const std::string& path, const TaskControl& control) const
{
    dicom::initialiseDcmtk();
    std::error_code ec;
    if (isDicomDir(path)) {
        auto series = scanFiles(filesInDicomDir(path), control);
        if (series.empty())
            throw IoError(path, "the DICOMDIR references no readable DICOM image");
        return series;
    }
    if (fs::is_directory(path, ec)) {
        auto series = scan(path, control);
        if (series.empty())
            throw IoError(path, "no DICOM images found");
        return series;
    }

    // A single file opens the series it belongs to, found in its folder; this very file
    // stands for its instance even where the folder holds copies of it.
    ScannedFile own;
    if (!scanFile(path, own)) {
        DcmFileFormat file;
        const OFCondition loaded = file.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, 4096, ERM_autoDetect);
        if (loaded == EC_StreamNotifyClient || loaded == EC_InvalidStream)
            throw IoError(path, "the file is truncated or damaged (it ends in the middle of an element)");
        if (loaded.bad())
            throw IoError(path, std::string("not a readable DICOM file: ") + loaded.text());
        DcmDataset& ds = *file.getDataset();
        if (!ds.tagExists(DCM_PixelData)) {
            const std::string sopClass = getString(ds, DCM_SOPClassUID);
            const char* name = sopClass.empty() ? nullptr : dcmFindNameOfUID(sopClass.c_str());
            throw IoError(path, std::string("the file holds no image") + (name ? std::string(" (") + name + ")" : ""));
        }
        throw IoError(path, "the image has no rows or columns");
    }
    DicomSeries alone = own.header;
    alone.slices = own.slices;
    if (own.header.frames > 1 || own.sopInstanceUid.empty())
        return {alone};
    const std::string folder = fs::path(path).parent_path().string();
    for (DicomSeries& series : scan(folder.empty() ? "." : folder, control))
        for (DicomSlice& slice : series.slices)
            if (slice.sopInstanceUid == own.sopInstanceUid && series.frames == own.header.frames &&
                series.samples == own.header.samples && series.bitsAllocated == own.header.bitsAllocated &&
                series.photometric == own.header.photometric) {
                slice.path = path;
                return {series};
            }
    return {alone};
}

Volume DicomSeriesReader::read(const std::string& path, const TaskControl& control) const
{
    return readProgressive(path, control, {});
}

Volume DicomSeriesReader::readProgressive(const std::string& path, const TaskControl& control,
                                          const std::function<void(const Volume&)>& firstSliceReady) const
{
    const auto series = seriesFor(path, control);
    Volume volume = readSeries(series.front(), control, firstSliceReady);
    if (series.size() > 1)
        volume.info().warnings.push_back(std::to_string(series.size() - 1) + " more series found; the largest is shown");
    return volume;
}

Volume DicomSeriesReader::readSeriesUid(const std::string& path, const std::string& uid, const TaskControl& control) const
{
    for (const DicomSeries& series : seriesFor(path, control))
        if (series.seriesInstanceUid == uid)
            return readSeries(series, control);
    throw IoError(path, "holds no series with UID " + uid);
}

} // namespace radpath::viewer

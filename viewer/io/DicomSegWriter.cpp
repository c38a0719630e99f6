#include "viewer/io/DicomSegWriter.h"

#include "viewer/io/DicomOutputSupport.h"

#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmfg/fgderimg.h>
#include <dcmtk/dcmfg/fgfracon.h>
#include <dcmtk/dcmfg/fgpixmsr.h>
#include <dcmtk/dcmfg/fgplanor.h>
#include <dcmtk/dcmfg/fgplanpo.h>
#include <dcmtk/dcmiod/iodreferences.h>
#include <dcmtk/dcmseg/segdoc.h>
#include <dcmtk/dcmseg/segment.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>


namespace radpath::viewer {
namespace {

// A DICOM DS value (at most 16 characters) as close to `v` as fits.
std::string decimal(double v)
{
    if (std::abs(v) < 5e-11)
        v = 0.0;
    char text[32];
    for (int digits = 12; digits > 1; --digits) {
        std::snprintf(text, sizeof text, "%.*g", digits, v);
        if (std::char_traits<char>::length(text) <= 16)
            break;
    }
    return text;
}

std::string lowered(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

void check(const OFCondition& c, const std::string& path, const std::string& what)
{
    if (c.bad())
        throw IoError(path, "cannot write the segmentation (" + what + "): " + c.text());
}

// SegmentLabel and AlgorithmName are LO: 64 characters, no backslash or control characters.
OFString longString(const std::string& s)
{
    std::string out;
    for (unsigned char c : s)
        if (c >= 0x20 && c != '\\')
            out += char(c);
    if (out.size() > 64)
        out.resize(64);
    return out.c_str();
}

// ContentLabel is CS: upper case, digits, space and underscore; at most 16 characters.
OFString codeString(const std::string& s)
{
    std::string out;
    for (unsigned char c : s) {
        const char u = char(std::toupper(c));
        out += (std::isalnum(static_cast<unsigned char>(u)) || u == ' ' || u == '_') ? u : '_';
    }
    if (out.size() > 16)
        out.resize(16);
    return out.empty() ? "SEGMENTATION" : out.c_str();
}

double srgbToLinear(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double linearToSrgb(double c)
{
    return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055;
}

constexpr double kWhite[3] = {0.95047, 1.0, 1.08883}; // D65

double labF(double t)
{
    return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
}

double labFInverse(double f)
{
    return f * f * f > 216.0 / 24389.0 ? f * f * f : (116.0 * f - 16.0) * 27.0 / 24389.0;
}

// Per label value: the slices (k) holding it.
std::map<int, std::vector<int>> slicesPerValue(const Volume& labels)
{
    std::map<int, std::vector<int>> slices;
    const auto& g = labels.geometry();
    const std::size_t plane = std::size_t(g.size[0]) * std::size_t(g.size[1]);
    visitPixelType(labels.pixelType(), [&](auto zero) {
        using T = decltype(zero);
        const T* v = labels.voxels<T>();
        for (int k = 0; k < g.size[2]; ++k) {
            std::vector<long long> seen;
            const T* s = v + std::size_t(k) * plane;
            for (std::size_t i = 0; i < plane; ++i)
                if (s[i] != T(0) && (seen.empty() || seen.back() != (long long)(s[i])))
                    seen.push_back((long long)(s[i]));
            std::sort(seen.begin(), seen.end());
            seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
            for (long long value : seen)
                slices[int(value)].push_back(k);
        }
    });
    return slices;
}

// Slice k of `labels` as one byte per pixel: 1 where the voxel holds `value`.
std::vector<Uint8> frameOf(const Volume& labels, int k, int value)
{
    const auto& g = labels.geometry();
    const std::size_t plane = std::size_t(g.size[0]) * std::size_t(g.size[1]);
    std::vector<Uint8> frame(plane);
    visitPixelType(labels.pixelType(), [&](auto zero) {
        using T = decltype(zero);
        const T* s = labels.voxels<T>() + std::size_t(k) * plane;
        for (std::size_t i = 0; i < plane; ++i)
            frame[i] = (long long)(s[i]) == value ? 1 : 0;
    });
    return frame;
}

CodeSequenceMacro codeMacro(const SegmentCode& c)
{
    return CodeSequenceMacro(c.value.c_str(), c.scheme.c_str(), c.meaning.c_str());
}

// The segment for label `value`: its description (nullptr: "Segment N" in the default
// colour), default codes, the algorithm of an automatic or semiautomatic segment.
std::unique_ptr<DcmSegment> makeSegment(const SegmentDescription* described, int value, const std::string& path)
{
    SegmentDescription d;
    if (described)
        d = *described;
    else
        d.colour = defaultLabelColour(value);
    if (d.name.empty())
        d.name = "Segment " + std::to_string(value);
    const auto defaults = defaultSegmentCodes(d.name);
    const SegmentCode category = d.category.empty() ? defaults.first : d.category;
    const SegmentCode type = d.type.empty() ? defaults.second : d.type;
    const std::string algorithm = d.algorithmName.empty() ? std::string("RadPath") : d.algorithmName;

    const bool manual = d.algorithmType == SegmentAlgorithm::Manual;
    const DcmSegTypes::E_SegmentAlgoType algorithmType =
        manual ? DcmSegTypes::SAT_MANUAL
               : (d.algorithmType == SegmentAlgorithm::Semiautomatic ? DcmSegTypes::SAT_SEMIAUTOMATIC
                                                                     : DcmSegTypes::SAT_AUTOMATIC);

    DcmSegment* created = nullptr;
    check(DcmSegment::create(created, longString(d.name), codeMacro(category), codeMacro(type), algorithmType,
                             manual ? OFString() : longString(algorithm)),
          path, "segment " + d.name);
    std::unique_ptr<DcmSegment> segment(created);
    const auto lab = rgbToDicomLab(d.colour);
    check(segment->setRecommendedDisplayCIELabValue(lab[0], lab[1], lab[2]), path, "segment colour");
    if (!manual) {
        AlgorithmIdentificationMacro identification;
        check(identification.getAlgorithmFamilyCode().set("123110", "DCM", "Artificial Intelligence"), path,
              "algorithm family");
        check(identification.setAlgorithmName(longString(algorithm)), path, "algorithm name");
        check(
            identification.setAlgorithmVersion(longString(d.algorithmVersion.empty() ? "unknown" : d.algorithmVersion)),
            path, "algorithm version");
        check(segment->setSegmentationAlgorithmIdentification(identification), path, "algorithm identification");
    }
    return segment;
}

// Plane orientation and pixel measures for all frames; the dimensions: segment, then
// position.
void addSharedGeometry(DcmSegmentation& seg, const DicomSeries& reference, const std::string& path)
{
    const ImageGeometry grid = seriesGeometry(reference);
    const Vec3 row = reference.rowDirection, col = reference.columnDirection;
    std::unique_ptr<FGPlaneOrientationPatient> orientation(FGPlaneOrientationPatient::createMinimal(
        decimal(row[0]).c_str(), decimal(row[1]).c_str(), decimal(row[2]).c_str(), decimal(col[0]).c_str(),
        decimal(col[1]).c_str(), decimal(col[2]).c_str()));
    if (!orientation)
        throw IoError(path, "cannot write the segmentation (plane orientation)");
    check(seg.addForAllFrames(*orientation), path, "plane orientation");
    FGPixelMeasures measures;
    check(measures.setPixelSpacing(
              (decimal(reference.pixelSpacing[0]) + "\\" + decimal(reference.pixelSpacing[1])).c_str()),
          path, "pixel spacing");
    check(measures.setSliceThickness(decimal(std::abs(grid.spacing[2])).c_str()), path, "slice thickness");
    check(measures.setSpacingBetweenSlices(decimal(std::abs(grid.spacing[2])).c_str()), path, "slice spacing");
    check(seg.addForAllFrames(measures), path, "pixel measures");
    const std::string dimensionUid = newDicomUid();
    check(seg.getDimensions().addDimensionIndex(DCM_ReferencedSegmentNumber, dimensionUid.c_str(),
                                                DCM_SegmentIdentificationSequence, "ReferencedSegmentNumber"),
          path, "dimensions");
    check(seg.getDimensions().addDimensionIndex(DCM_ImagePositionPatient, dimensionUid.c_str(),
                                                DCM_PlanePositionSequence, "ImagePositionPatient"),
          path, "dimensions");
}

} // namespace

std::pair<SegmentCode, SegmentCode> defaultSegmentCodes(const std::string& name)
{
    static const SegmentCode kTissue{"85756007", "SCT", "Tissue"};
    static const SegmentCode kAltered{"49755003", "SCT", "Morphologically Altered Structure"};
    static const SegmentCode kAnatomy{"91723000", "SCT", "Anatomical Structure"};
    struct Rule {
        const char* word;
        const SegmentCode* category;
        SegmentCode type;
    };
    static const Rule kRules[] = {
        {"lesion", &kAltered, {"52988006", "SCT", "Lesion"}},
        {"metasta", &kAltered, {"52988006", "SCT", "Lesion"}},
        {"tumour", &kAltered, {"108369006", "SCT", "Neoplasm"}},
        {"tumor", &kAltered, {"108369006", "SCT", "Neoplasm"}},
        {"neoplasm", &kAltered, {"108369006", "SCT", "Neoplasm"}},
        {"nodule", &kAltered, {"27925004", "SCT", "Nodule"}},
        {"mass", &kAltered, {"4147007", "SCT", "Mass"}},
        {"cyst", &kAltered, {"441457006", "SCT", "Cyst"}},
        {"liver", &kAnatomy, {"10200004", "SCT", "Liver"}},
        {"lung", &kAnatomy, {"39607008", "SCT", "Lung"}},
        {"kidney", &kAnatomy, {"64033007", "SCT", "Kidney"}},
        {"spleen", &kAnatomy, {"78961009", "SCT", "Spleen"}},
        {"heart", &kAnatomy, {"80891009", "SCT", "Heart"}},
        {"bone", &kTissue, {"272673000", "SCT", "Bone"}},
        {"fat", &kTissue, {"55603005", "SCT", "Adipose tissue"}},
    };
    const std::string n = lowered(name);
    for (const Rule& r : kRules)
        if (n.find(r.word) != std::string::npos)
            return {*r.category, r.type};
    return {kTissue, kTissue};
}

std::vector<SegmentDescription> segmentDescriptions(const std::vector<LabelEntry>& table)
{
    std::vector<SegmentDescription> out;
    for (const LabelEntry& e : table) {
        SegmentDescription d;
        d.value = e.value;
        d.name = e.name;
        d.colour = e.colour;
        out.push_back(d);
    }
    return out;
}

std::vector<SegmentDescription> segmentDescriptions(const LabelMapLayer& layer)
{
    std::vector<SegmentDescription> out = segmentDescriptions(layer.table);
    if (layer.ai.isAi())
        for (SegmentDescription& d : out) {
            d.algorithmType = layer.ai.edited ? SegmentAlgorithm::Semiautomatic : SegmentAlgorithm::Automatic;
            d.algorithmName = layer.ai.model;
            d.algorithmVersion = layer.ai.version;
        }
    return out;
}

ImageGeometry seriesGeometry(const DicomSeries& series)
{
    ImageGeometry g;
    g.size = {series.columns, series.rows, int(series.slices.size())};
    const double sliceSpacing = series.sliceSpacing();
    g.spacing = {series.pixelSpacing[1], series.pixelSpacing[0], std::abs(sliceSpacing) > 1e-6 ? sliceSpacing : 1.0};
    if (!series.slices.empty())
        g.origin = series.slices.front().position;
    const Vec3 n = series.normal();
    for (int r = 0; r < 3; ++r) {
        g.direction[std::size_t(r * 3 + 0)] = series.rowDirection[std::size_t(r)];
        g.direction[std::size_t(r * 3 + 1)] = series.columnDirection[std::size_t(r)];
        g.direction[std::size_t(r * 3 + 2)] = n[std::size_t(r)];
    }
    return g;
}

std::string gridMismatch(const ImageGeometry& labels, const ImageGeometry& grid)
{
    const auto size = [](const ImageGeometry& g) {
        return std::to_string(g.size[0]) + "×" + std::to_string(g.size[1]) + "×" + std::to_string(g.size[2]);
    };
    if (labels.size != grid.size)
        return size(labels) + " voxels, the series " + size(grid);
    double worst = 0.0;
    for (int corner = 0; corner < 8; ++corner) {
        const Vec3 index{(corner & 1) ? grid.size[0] - 1.0 : 0.0, (corner & 2) ? grid.size[1] - 1.0 : 0.0,
                         (corner & 4) ? grid.size[2] - 1.0 : 0.0};
        worst = std::max(worst, norm(sub(labels.indexToPhysical(index), grid.indexToPhysical(index))));
    }
    if (worst > 1e-3)
        return "voxel centres up to " + decimal(worst) + " mm away from the series' (size " + size(grid) + ")";
    return {};
}

std::array<unsigned short, 3> rgbToDicomLab(const Rgb& rgb)
{
    const double r = srgbToLinear(rgb[0] / 255.0), g = srgbToLinear(rgb[1] / 255.0), b = srgbToLinear(rgb[2] / 255.0);
    const double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
    const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
    const double fx = labF(x / kWhite[0]), fy = labF(y / kWhite[1]), fz = labF(z / kWhite[2]);
    const double l = 116.0 * fy - 16.0, a = 500.0 * (fx - fy), bb = 200.0 * (fy - fz);
    const auto encode = [](double v, double lo, double hi) {
        return (unsigned short)std::lround(std::clamp((v - lo) / (hi - lo), 0.0, 1.0) * 65535.0);
    };
    return {encode(l, 0.0, 100.0), encode(a, -128.0, 127.0), encode(bb, -128.0, 127.0)};
}

Rgb dicomLabToRgb(const std::array<unsigned short, 3>& lab)
{
    const double l = lab[0] / 65535.0 * 100.0, a = lab[1] / 65535.0 * 255.0 - 128.0,
                 bb = lab[2] / 65535.0 * 255.0 - 128.0;
    const double fy = (l + 16.0) / 116.0, fx = fy + a / 500.0, fz = fy - bb / 200.0;
    const double x = kWhite[0] * labFInverse(fx), y = kWhite[1] * labFInverse(fy), z = kWhite[2] * labFInverse(fz);
    const double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
    const double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
    const double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
    const auto channel = [](double c) {
        return std::uint8_t(std::lround(std::clamp(linearToSrgb(std::clamp(c, 0.0, 1.0)), 0.0, 1.0) * 255.0));
    };
    return {channel(r), channel(g), channel(b)};
}

DicomSegWriteResult writeDicomSeg(const Volume& labels, const std::vector<SegmentDescription>& segments,
                                  const DicomSeries& reference, const std::string& path, const DicomSegOptions& options)
{
    // 1. The labels: integers on the reference series' grid, at least one label.
    if (labels.isNull() || labels.components() != 1)
        throw IoError(path, "a segmentation is written from a label map of one value per voxel");
    const PixelType type = labels.pixelType();
    if (type == PixelType::Float32 || type == PixelType::Float64)
        throw IoError(path, "the label map holds floating-point values; a segmentation needs integer labels");
    if (reference.slices.empty())
        throw IoError(path, "the reference series has no slices");
    const std::string mismatch = gridMismatch(labels.geometry(), seriesGeometry(reference));
    if (!mismatch.empty())
        throw IoError(path, "the label map is not on the grid of the reference series (" + mismatch + ")");
    const std::map<int, std::vector<int>> slicesOf = slicesPerValue(labels);
    if (slicesOf.empty())
        throw IoError(path, "the label map holds no label: a segmentation needs at least one segment");
    if (slicesOf.begin()->first < 0)
        throw IoError(path, "the label map holds negative values; labels are positive integers");
    if (slicesOf.size() > 65535)
        throw IoError(path, "a segmentation holds at most 65535 segments");

    // 2. Patient, study and frame of reference from the first source image.
    const std::string& sourcePath = reference.slices.front().path;
    DcmFileFormat source;
    if (source.loadFile(sourcePath.c_str(), EXS_Unknown, EGL_noChange, 4096).bad())
        throw IoError(sourcePath, "cannot read the reference image");
    OFString sourceClass;
    if (source.getDataset()->findAndGetOFString(DCM_SOPClassUID, sourceClass).bad() || sourceClass.empty())
        throw IoError(sourcePath, "the reference image has no SOP Class UID");
    if (reference.rows < 1 || reference.columns < 1 || reference.rows > 65535 || reference.columns > 65535)
        throw IoError(path, "the reference series' images are " + std::to_string(reference.columns) + "×" +
                                std::to_string(reference.rows) +
                                " pixels; a segmentation frame holds 1 to 65535 a side");

    const IODGeneralEquipmentModule::EquipmentInfo equipment("RadPath", "RadPath", "1",
                                                             options.softwareVersions.c_str());
    const ContentIdentificationMacro content("1", codeString(options.contentLabel),
                                             longString(options.contentDescription), options.contentCreator.c_str());
    DcmSegmentation* created = nullptr;
    check(DcmSegmentation::createBinarySegmentation(created, Uint16(reference.rows), Uint16(reference.columns),
                                                    equipment, content),
          path, "header");
    std::unique_ptr<DcmSegmentation> seg(created);
    check(seg->importFromSourceImage(*source.getDataset(), OFTrue), path, "patient and study of " + sourcePath);
    const std::string seriesUid = newDicomUid(), instanceUid = newDicomUid();
    check(seg->getSeries().setSeriesInstanceUID(seriesUid.c_str()), path, "series");
    check(seg->getSeries().setSeriesNumber(std::to_string(options.seriesNumber).c_str()), path, "series number");
    check(seg->getSeries().setSeriesDescription(longString(options.seriesDescription)), path, "series description");
    check(seg->getSOPCommon().setSOPInstanceUID(instanceUid.c_str()), path, "SOP instance");

    // 3. Geometry shared by every frame; dimensions: segment, then position.
    addSharedGeometry(*seg, reference, path);

    // 4. Segments (label values in ascending order), then their frames.
    DicomSegWriteResult result;
    result.sopInstanceUid = instanceUid;
    result.seriesInstanceUid = seriesUid;
    for (const SegmentDescription& d : segments)
        if (d.value > 0 && !slicesOf.count(d.value))
            result.emptyValues.push_back(d.value);
    std::sort(result.emptyValues.begin(), result.emptyValues.end());
    result.emptyValues.erase(std::unique(result.emptyValues.begin(), result.emptyValues.end()),
                             result.emptyValues.end());

    const bool multiFrameSource = reference.frames > 1;
    // The Pixel Data as PS3.5 8.1.1 packs one bit per pixel: frame after frame with no
    // padding between them, the first pixel in the lowest bit. dcmseg 3.6.7 shifts frames
    // that start inside a byte wrongly, so its own packing is replaced by this one.
    const std::size_t plane = std::size_t(reference.rows) * std::size_t(reference.columns);
    std::size_t frameTotal = 0;
    for (const auto& entry : slicesOf)
        frameTotal += entry.second.size();
    std::vector<Uint8> packed((frameTotal * plane + 7) / 8, 0);
    std::vector<bool> referenced(reference.slices.size(), false);
    for (const auto& [value, slices] : slicesOf) {
        const auto described = std::find_if(segments.begin(), segments.end(),
                                            [v = value](const SegmentDescription& d) { return d.value == v; });
        std::unique_ptr<DcmSegment> segment =
            makeSegment(described != segments.end() ? &*described : nullptr, value, path);
        Uint16 number = 0;
        check(seg->addSegment(segment.get(), number), path, "segment " + std::to_string(value));
        segment.release(); // the segmentation owns it now
        result.segmentValues.push_back(value);

        for (int k : slices) {
            const DicomSlice& slice = reference.slices[std::size_t(k)];
            const Vec3& p = slice.position;
            std::unique_ptr<FGPlanePosPatient> position(
                FGPlanePosPatient::createMinimal(decimal(p[0]).c_str(), decimal(p[1]).c_str(), decimal(p[2]).c_str()));
            FGFrameContent frameContent;
            check(frameContent.setDimensionIndexValues(number, 0), path, "frame content");
            check(frameContent.setDimensionIndexValues(Uint32(k + 1), 1), path, "frame content");
            ImageSOPInstanceReferenceMacro* sourceImage = nullptr;
            OFVector<Uint16> frames;
            if (multiFrameSource)
                frames.push_back(Uint16(slice.frame + 1));
            check(
                ImageSOPInstanceReferenceMacro::create(sourceClass, slice.sopInstanceUid.c_str(), frames, sourceImage),
                path, "source image reference");
            std::unique_ptr<ImageSOPInstanceReferenceMacro> sourceOwned(sourceImage);
            OFVector<ImageSOPInstanceReferenceMacro> sources;
            sources.push_back(*sourceImage);
            std::unique_ptr<FGDerivationImage> derivation(
                DcmSegmentation::createDerivationImageFG(sources, "Segmentation drawn on this image"));
            if (!position || !derivation)
                throw IoError(path, "cannot write the segmentation (frame of slice " + std::to_string(k + 1) + ")");
            std::vector<Uint8> pixels = frameOf(labels, k, value);
            OFVector<FGBase*> perFrame;
            perFrame.push_back(position.get());
            perFrame.push_back(&frameContent);
            perFrame.push_back(derivation.get());
            check(seg->addFrame(pixels.data(), number, perFrame), path, "frame");
            const std::size_t firstBit = std::size_t(result.frames) * plane;
            for (std::size_t i = 0; i < plane; ++i)
                if (pixels[i])
                    packed[(firstBit + i) / 8] |= Uint8(1u << ((firstBit + i) % 8));
            referenced[std::size_t(k)] = true;
            ++result.frames;
        }
    }

    // 5. Common Instance Reference: the source images in the ReferencedSeriesSequence.
    IODReferences references;
    OFString studyUid;
    seg->getStudy().getStudyInstanceUID(studyUid);
    std::set<std::string> listed; // a multi-frame source is one instance for all its slices
    for (std::size_t k = 0; k < reference.slices.size(); ++k)
        if (referenced[k] && listed.insert(reference.slices[k].sopInstanceUid).second)
            references.add(new IODImageReference(reference.patientId.c_str(), reference.studyInstanceUid.c_str(),
                                                 reference.seriesInstanceUid.c_str(),
                                                 reference.slices[k].sopInstanceUid.c_str(), sourceClass));
    if (seg->getCommonInstanceReference().addReferences(references, studyUid) != listed.size())
        throw IoError(path, "cannot write the segmentation (references to the source images)");

    // 6. Written under a temporary name, then renamed.
    DcmFileFormat file;
    check(seg->writeDataset(*file.getDataset()), path, "dataset");
    check(file.getDataset()->putAndInsertUint8Array(DCM_PixelData, packed.data(),
                                                    static_cast<unsigned long>(packed.size())),
          path, "pixel data");
    detail::saveAtomically(file, path);
    return result;
}

} // namespace radpath::viewer

#include "viewer/io/DicomSegReader.h"

#include "viewer/io/DicomPixelDecoder.h"
#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmfg/fgderimg.h>
#include <dcmtk/dcmfg/fgpixmsr.h>
#include <dcmtk/dcmfg/fgplanor.h>
#include <dcmtk/dcmfg/fgplanpo.h>
#include <dcmtk/dcmfg/fgseg.h>
#include <dcmtk/dcmiod/iodutil.h>
#include <dcmtk/dcmseg/segdoc.h>
#include <dcmtk/dcmseg/segment.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <numeric>

namespace radpath::viewer {
namespace {

std::string str(const OFString& s)
{
    return std::string(s.c_str());
}

std::string point(double x, double y, double z)
{
    char text[96];
    std::snprintf(text, sizeof text, "(%.3f, %.3f, %.3f) mm", x, y, z);
    return text;
}

// The dataset of a DICOM file, or an IoError naming it.
std::unique_ptr<DcmFileFormat> loadDicom(const std::string& path)
{
    dicom::initialiseDcmtk();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw IoError(path, "no such file");
    auto file = std::make_unique<DcmFileFormat>();
    const OFCondition loaded = file->loadFile(path.c_str());
    if (loaded.bad())
        throw IoError(path, DicomSeriesReader::hasDicomMagic(path)
                                ? std::string("is truncated or damaged (") + loaded.text() + ")"
                                : std::string("is not a DICOM file"));
    OFString sopClass;
    file->getDataset()->findAndGetOFString(DCM_SOPClassUID, sopClass);
    if (sopClass != UID_SegmentationStorage)
        throw IoError(path, "is not a DICOM Segmentation (its SOP Class UID is '" + str(sopClass) + "')");
    return file;
}

std::vector<std::string> referencedSeriesOf(DcmDataset& ds)
{
    std::vector<std::string> uids;
    DcmSequenceOfItems* sequence = nullptr;
    if (ds.findAndGetSequence(DCM_ReferencedSeriesSequence, sequence).good() && sequence)
        for (unsigned long i = 0; i < sequence->card(); ++i) {
            OFString uid;
            if (sequence->getItem(i)->findAndGetOFString(DCM_SeriesInstanceUID, uid).good() && !uid.empty())
                uids.push_back(str(uid));
        }
    return uids;
}

SegmentCode codeOf(CodeSequenceMacro& code)
{
    OFString value, scheme, meaning;
    code.getCodeValue(value);
    code.getCodingSchemeDesignator(scheme);
    code.getCodeMeaning(meaning);
    return {str(value), str(scheme), str(meaning)};
}

// Where a frame lies: the slice index, found from its source image or its position.
class SliceLocator {
public:
    explicit SliceLocator(const DicomSeries& series) : m_series(series)
    {
        for (std::size_t k = 0; k < series.slices.size(); ++k)
            m_byInstance[key(series.slices[k].sopInstanceUid, series.frames > 1 ? series.slices[k].frame + 1 : 0)] =
                int(k);
        const ImageGeometry g = seriesGeometry(series);
        m_tolerance = std::max(1e-3, 1e-2 * std::min({g.spacing[0], g.spacing[1], std::abs(g.spacing[2])}));
        m_normal = series.normal();
    }

    /// Slice of (instance, frame) with frame 0 for a single-frame instance; -1 when none.
    int byInstance(const std::string& uid, int frame) const
    {
        auto it = m_byInstance.find(key(uid, frame));
        if (it == m_byInstance.end() && frame == 1)
            it = m_byInstance.find(key(uid, 0));
        return it == m_byInstance.end() ? -1 : it->second;
    }

    /// Slice whose position is within tolerance of `p`; -1 when none.
    int byPosition(const Vec3& p) const
    {
        int best = -1;
        double bestDistance = 0;
        for (std::size_t k = 0; k < m_series.slices.size(); ++k) {
            const double d = std::abs(dot(sub(p, m_series.slices[k].position), m_normal));
            if (best < 0 || d < bestDistance)
                best = int(k), bestDistance = d;
        }
        return best >= 0 && onSlice(p, best) ? best : -1;
    }

    bool onSlice(const Vec3& p, int k) const
    {
        return norm(sub(p, m_series.slices[std::size_t(k)].position)) <= m_tolerance;
    }

private:
    static std::string key(const std::string& uid, int frame) { return uid + "#" + std::to_string(frame); }

    const DicomSeries& m_series;
    std::map<std::string, int> m_byInstance;
    double m_tolerance = 1e-3;
    Vec3 m_normal{0, 0, 1};
};

// The first source image (SOP instance UID, frame number or 0) a frame's Derivation Image
// functional group names.
std::pair<std::string, int> sourceOf(FGInterface& groups, Uint32 frame)
{
    auto* derivation = OFstatic_cast(FGDerivationImage*, groups.get(frame, DcmFGTypes::EFG_DERIVATIONIMAGE));
    if (!derivation)
        return {};
    for (DerivationImageItem* item : derivation->getDerivationImageItems())
        for (SourceImageItem* sourceItem : item->getSourceImageItems()) {
            ImageSOPInstanceReferenceMacro& ref = sourceItem->getImageSOPInstanceReference();
            OFString uid;
            OFVector<Uint16> frames;
            ref.getReferencedSOPInstanceUID(uid);
            ref.getReferencedFrameNumber(frames);
            if (!uid.empty())
                return {str(uid), frames.empty() ? 0 : int(frames.front())};
        }
    return {};
}

void checkPlane(FGInterface& groups, Uint32 frame, const DicomSeries& series, const std::string& path)
{
    if (auto* o = OFstatic_cast(FGPlaneOrientationPatient*, groups.get(frame, DcmFGTypes::EFG_PLANEORIENTPATIENT))) {
        Float64 v[6];
        if (o->getImageOrientationPatient(v[0], v[1], v[2], v[3], v[4], v[5]).good()) {
            double worst = 0;
            for (int i = 0; i < 3; ++i)
                worst = std::max({worst, std::abs(v[i] - series.rowDirection[std::size_t(i)]),
                                  std::abs(v[i + 3] - series.columnDirection[std::size_t(i)])});
            if (worst > 1e-3)
                throw IoError(path, "its frames are oriented otherwise than the series' images (frame " +
                                        std::to_string(frame + 1) + ")");
        }
    }
    if (auto* m = OFstatic_cast(FGPixelMeasures*, groups.get(frame, DcmFGTypes::EFG_PIXELMEASURES))) {
        Float64 rowSpacing = 0, columnSpacing = 0;
        if (m->getPixelSpacing(rowSpacing, 0).good() && m->getPixelSpacing(columnSpacing, 1).good() &&
            (std::abs(rowSpacing - series.pixelSpacing[0]) > 1e-3 * series.pixelSpacing[0] ||
             std::abs(columnSpacing - series.pixelSpacing[1]) > 1e-3 * series.pixelSpacing[1]))
            throw IoError(path, "its pixel spacing differs from the series' images (frame " +
                                    std::to_string(frame + 1) + ")");
    }
}

} // namespace

bool isDicomSeg(const std::string& path)
{
    if (!DicomSeriesReader::hasDicomMagic(path))
        return false;
    DcmFileFormat file;
    if (file.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, 256, ERM_autoDetect).bad())
        return false;
    OFString sopClass;
    file.getDataset()->findAndGetOFString(DCM_SOPClassUID, sopClass);
    return sopClass == UID_SegmentationStorage;
}

std::vector<std::string> dicomSegReferencedSeries(const std::string& path)
{
    return referencedSeriesOf(*loadDicom(path)->getDataset());
}

DicomSeries segmentationReferenceSeries(const std::string& path, const std::string& seriesUid,
                                        const std::string& segPath)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw IoError(path, "no such file or folder");
    std::vector<DicomSeries> all = DicomSeriesReader().seriesFor(path, {});
    all.erase(std::remove_if(all.begin(), all.end(), [](const auto& s) { return s.modality == "SEG"; }), all.end());
    if (all.empty())
        throw IoError(path, "holds no image series, only segmentations");
    const auto withUid = [&](const std::string& uid) {
        return std::find_if(all.begin(), all.end(), [&](const auto& s) { return s.seriesInstanceUid == uid; });
    };
    if (!seriesUid.empty()) {
        const auto it = withUid(seriesUid);
        if (it == all.end())
            throw IoError(path, "holds no series with UID " + seriesUid);
        return *it;
    }
    if (!segPath.empty())
        for (const std::string& uid : dicomSegReferencedSeries(segPath))
            if (const auto it = withUid(uid); it != all.end())
                return *it;
    return all.front();
}

DicomSegContent readDicomSeg(const std::string& path, const DicomSeries& reference)
{
    const auto file = loadDicom(path);
    DcmDataset& ds = *file->getDataset();
    DicomSegContent content;
    content.referencedSeries = referencedSeriesOf(ds);

    // 1. The SEG as dcmseg reads it; then is it on the series' frame of reference and images?
    DcmSegmentation* loaded = nullptr;
    const OFCondition read = DcmSegmentation::loadDataset(ds, loaded);
    std::unique_ptr<DcmSegmentation> seg(loaded);
    if (read.bad() || !seg)
        throw IoError(path, std::string("is a damaged segmentation (") + read.text() + ")");
    OFString uid;
    seg->getSeries().getSeriesInstanceUID(uid);
    content.seriesInstanceUid = str(uid);
    seg->getSOPCommon().getSOPInstanceUID(uid);
    content.sopInstanceUid = str(uid);
    const DcmSegTypes::E_SegmentationType type = seg->getSegmentationType();
    if (type != DcmSegTypes::ST_BINARY && type != DcmSegTypes::ST_FRACTIONAL)
        throw IoError(path, "is a segmentation of a type RadPath does not read (neither BINARY nor FRACTIONAL)");
    OFString frameOfReference;
    seg->getFrameOfReference().getFrameOfReferenceUID(frameOfReference);
    if (!frameOfReference.empty() && !reference.frameOfReferenceUid.empty() &&
        str(frameOfReference) != reference.frameOfReferenceUid)
        throw IoError(path, "belongs to another frame of reference (" + str(frameOfReference) + ") than series " +
                                reference.seriesInstanceUid + " (" + reference.frameOfReferenceUid +
                                "): it was drawn on other images");
    Uint16 rows = 0, columns = 0;
    ds.findAndGetUint16(DCM_Rows, rows);
    ds.findAndGetUint16(DCM_Columns, columns);
    if (rows != reference.rows || columns != reference.columns)
        throw IoError(path, "its frames are " + std::to_string(columns) + "×" + std::to_string(rows) +
                                " pixels, the series' images " + std::to_string(reference.columns) + "×" +
                                std::to_string(reference.rows));

    // 2. Segments: the n-th of the Segment Sequence becomes label value n.
    const std::size_t segmentCount = seg->getNumberOfSegments();
    if (segmentCount == 0)
        throw IoError(path, "is a segmentation without segments");
    std::map<Uint16, int> valueOfNumber;
    for (std::size_t n = 1; n <= segmentCount; ++n) {
        DcmSegment* s = seg->getSegment(n);
        if (!s)
            throw IoError(path, "is a damaged segmentation (segment " + std::to_string(n) + " cannot be read)");
        SegmentDescription d;
        d.value = int(n);
        OFString text;
        s->getSegmentLabel(text);
        d.name = text.empty() ? "Segment " + std::to_string(n) : str(text);
        Uint16 l = 0, a = 0, b = 0;
        d.colour =
            s->getRecommendedDisplayCIELabValue(l, a, b).good() ? dicomLabToRgb({l, a, b}) : defaultLabelColour(int(n));
        const DcmSegTypes::E_SegmentAlgoType algorithm = s->getSegmentAlgorithmType();
        d.algorithmType = algorithm == DcmSegTypes::SAT_AUTOMATIC       ? SegmentAlgorithm::Automatic
                          : algorithm == DcmSegTypes::SAT_SEMIAUTOMATIC ? SegmentAlgorithm::Semiautomatic
                                                                        : SegmentAlgorithm::Manual;
        s->getSegmentAlgorithmName(text);
        d.algorithmName = str(text);
        text.clear();
        s->getSegmentationAlgorithmIdentification().getAlgorithmVersion(text);
        d.algorithmVersion = str(text);
        d.category = codeOf(s->getSegmentedPropertyCategoryCode());
        d.type = codeOf(s->getSegmentedPropertyTypeCode());
        const Uint16 number = s->getSegmentNumber();
        valueOfNumber[number == 0 ? Uint16(n) : number] = int(n);
        content.segments.push_back(d);
    }

    // 3. Frames, in segment order so that the later segment wins where segments overlap.
    FGInterface& groups = seg->getFunctionalGroups();
    const std::size_t frameCount = seg->getNumberOfFrames();
    std::vector<std::pair<int, Uint32>> order; // (label value, frame)
    for (Uint32 f = 0; f < frameCount; ++f) {
        auto* segmentation = OFstatic_cast(FGSegmentation*, groups.get(f, DcmFGTypes::EFG_SEGMENTATION));
        Uint16 number = 0;
        if (!segmentation || segmentation->getReferencedSegmentNumber(number).bad() || !valueOfNumber.count(number))
            throw IoError(path,
                          "is a damaged segmentation (frame " + std::to_string(f + 1) + " names no segment it has)");
        order.emplace_back(valueOfNumber[number], f);
    }
    std::stable_sort(order.begin(), order.end(), [](const auto& x, const auto& y) { return x.first < y.first; });

    const ImageGeometry grid = seriesGeometry(reference);
    content.labels = Volume(segmentCount <= 255 ? PixelType::UInt8 : PixelType::UInt16, grid);
    const std::size_t plane = std::size_t(rows) * columns;
    SliceLocator locator(reference);
    const bool binary = type == DcmSegTypes::ST_BINARY;
    Uint16 maximumFraction = 255;
    if (!binary)
        ds.findAndGetUint16(DCM_MaximumFractionalValue, maximumFraction);
    const Uint8 threshold = Uint8(std::clamp((int(maximumFraction) + 1) / 2, 1, 255));
    const Uint8* pixels = nullptr;
    unsigned long pixelBytes = 0;
    if (ds.findAndGetUint8Array(DCM_PixelData, pixels, &pixelBytes).bad() || !pixels)
        throw IoError(path, "is a damaged segmentation (its pixel data cannot be read)");
    const std::size_t needed = binary ? (frameCount * plane + 7) / 8 : frameCount * plane;
    if (pixelBytes < needed)
        throw IoError(path, "is a damaged segmentation (" + std::to_string(pixelBytes) + " bytes of pixel data; " +
                                std::to_string(frameCount) + " frames of " + std::to_string(columns) + "×" +
                                std::to_string(rows) + " need " + std::to_string(needed) + ")");
    std::size_t overlapping = 0, placedByPosition = 0;
    for (const auto& [value, f] : order) {
        checkPlane(groups, f, reference, path);
        const auto [sourceUid, sourceFrame] = sourceOf(groups, f);
        int k = sourceUid.empty() ? -1 : locator.byInstance(sourceUid, sourceFrame);
        Vec3 p{0, 0, 0};
        auto* position = OFstatic_cast(FGPlanePosPatient*, groups.get(f, DcmFGTypes::EFG_PLANEPOSPATIENT));
        const bool hasPosition = position && position->getImagePositionPatient(p[0], p[1], p[2]).good();
        if (k < 0 && hasPosition) {
            k = locator.byPosition(p);
            placedByPosition += (k >= 0 && !sourceUid.empty()) ? 1 : 0;
        }
        if (k < 0)
            throw IoError(path, "frame " + std::to_string(f + 1) + " lies " +
                                    (hasPosition ? "at " + point(p[0], p[1], p[2]) + ", on no slice" : "on no image") +
                                    " of series " + reference.seriesInstanceUid +
                                    ": the segmentation does not match it");
        if (hasPosition && !locator.onSlice(p, k))
            throw IoError(path, "frame " + std::to_string(f + 1) + " lies at " + point(p[0], p[1], p[2]) +
                                    ", away from the image it names (slice " + std::to_string(k + 1) + " of series " +
                                    reference.seriesInstanceUid + ")");

        // Bit (f * plane + i) is pixel i of frame f (PS3.5 8.1.1, no padding between
        // frames); dcmseg 3.6.7 unpacks frames that start inside a byte wrongly.
        const std::size_t first = std::size_t(f) * plane;
        const auto isSet = [&](std::size_t i) {
            return binary ? ((pixels[(first + i) / 8] >> ((first + i) % 8)) & 1) != 0 : pixels[first + i] >= threshold;
        };
        visitPixelType(content.labels.pixelType(), [&](auto zero) {
            using T = decltype(zero);
            T* out = content.labels.voxels<T>() + std::size_t(k) * plane;
            for (std::size_t i = 0; i < plane; ++i)
                if (isSet(i)) {
                    overlapping += (out[i] != 0 && out[i] != T(value)) ? 1 : 0;
                    out[i] = T(value);
                }
        });
    }

    // 4. What the user should know.
    if (type == DcmSegTypes::ST_FRACTIONAL)
        content.warnings.push_back(
            "fractional segmentation: voxels of at least half the maximum value belong to a segment");
    if (overlapping > 0)
        content.warnings.push_back(std::to_string(overlapping) +
                                   " voxels belong to more than one segment; each shows the later segment");
    if (placedByPosition > 0)
        content.warnings.push_back(std::to_string(placedByPosition) + " frames name source images outside series " +
                                   reference.seriesInstanceUid + " and were placed by their position");
    return content;
}

LabelMapLayer labelMapLayer(const DicomSegContent& content, const std::string& name)
{
    LabelMapLayer layer;
    layer.name = name;
    layer.labels = content.labels;
    for (const SegmentDescription& d : content.segments) {
        LabelEntry e;
        e.value = d.value;
        e.name = d.name;
        e.colour = d.colour;
        layer.table.push_back(e);
        // A model's segments: the model, edited when any segment was corrected by hand.
        if (d.algorithmType != SegmentAlgorithm::Manual && !d.algorithmName.empty()) {
            if (!layer.ai.isAi())
                layer.ai = {d.algorithmName, d.algorithmVersion, {}, false, {}};
            layer.ai.edited = layer.ai.edited || d.algorithmType == SegmentAlgorithm::Semiautomatic;
        }
    }
    return layer;
}

} // namespace radpath::viewer

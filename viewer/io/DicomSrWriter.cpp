#include "viewer/io/DicomSrWriter.h"

#include "viewer/io/DicomOutputSupport.h"
#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/io/IoError.h"
#include "viewer/model/Volume.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmsr/cmr/tid1500.h>
#include <dcmtk/dcmsr/codes/dcm.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include <cmath>
#include <set>
#include <utility>

namespace radpath::viewer {

// clang-format off: one code a line reads as the table it is
namespace srcodes {
DicomCode length()
{
    return {"410668003", "SCT", "Length"};
}
DicomCode angle()
{
    return {"1483009", "SCT", "Angle"};
}
DicomCode area()
{
    return {"42798000", "SCT", "Area"};
}
DicomCode volume()
{
    return {"118565006", "SCT", "Volume"};
}
DicomCode mean()
{
    return {"373098007", "SCT", "Mean"};
}
DicomCode standardDeviation()
{
    return {"386136009", "SCT", "Standard Deviation"};
}
DicomCode minimum()
{
    return {"255605001", "SCT", "Minimum"};
}
DicomCode maximum()
{
    return {"56851009", "SCT", "Maximum"};
}
DicomCode millimetre()
{
    return {"mm", "UCUM", "millimeter"};
}
DicomCode degree()
{
    return {"deg", "UCUM", "degree"};
}
DicomCode squareMillimetre()
{
    return {"mm2", "UCUM", "square millimeter"};
}
DicomCode millilitre()
{
    return {"mL", "UCUM", "milliliter"};
}
DicomCode hounsfieldUnit()
{
    return {"[hnsf'U]", "UCUM", "Hounsfield unit"};
}
DicomCode arbitraryUnit()
{
    return {"[arb'U]", "UCUM", "arbitrary unit"};
}
DicomCode morphologicallyAbnormalStructure()
{
    return {"49755003", "SCT", "Morphologically abnormal structure"};
}
DicomCode lesion()
{
    return {"52988006", "SCT", "Lesion"};
}
} // namespace srcodes
// clang-format on

namespace {

/// RadPath as a device observer (TID 1004): one fixed UID (a UUID-derived OID, PS3.5 B.2).
constexpr const char* kDeviceObserverUid = "2.25.240396157997788737508443413375680560262";
constexpr const char* kDefaultDescription = "RadPath measurements";
constexpr int kDefaultSeriesNumber = 901;

DSRCodedEntryValue coded(const DicomCode& code)
{
    return DSRCodedEntryValue(code.value.c_str(), code.scheme.c_str(), code.meaning.c_str());
}

void check(const OFCondition& c, const std::string& path, const std::string& what)
{
    if (c.bad())
        throw IoError(path, "cannot write the structured report (" + what + "): " + c.text());
}

/// The procedure reported (CID 100) for the reference modality.
DSRCodedEntryValue procedureFor(const std::string& modality)
{
    if (modality == "CT")
        return DSRCodedEntryValue("25045-6", "LN", "CT unspecified body region");
    if (modality == "MR")
        return DSRCodedEntryValue("25056-3", "LN", "MRI unspecified body region");
    if (modality == "NM")
        return DSRCodedEntryValue("49118-3", "LN", "NM unspecified body region");
    return DSRCodedEntryValue("363679005", "SCT", "Imaging procedure");
}

DSRImageReferenceValue imageReference(const DicomImageRef& image)
{
    DSRImageReferenceValue ref(image.sopClassUid.c_str(), image.sopInstanceUid.c_str());
    if (image.frame > 0)
        ref.getFrameList().addItem(Sint32(image.frame));
    return ref;
}

DSRSpatialCoordinatesValue coordinates(const SrMeasurementEntry& entry)
{
    const bool ellipse = entry.graphicType == SrGraphicType::Ellipse;
    DSRSpatialCoordinatesValue value(ellipse ? DSRTypes::GT_Ellipse : DSRTypes::GT_Polyline);
    for (const auto& p : entry.graphicData)
        value.getGraphicDataList().addItem(Float32(p[0]), Float32(p[1]));
    if (entry.graphicType == SrGraphicType::ClosedPolyline && !entry.graphicData.empty())
        value.getGraphicDataList().addItem(Float32(entry.graphicData[0][0]), Float32(entry.graphicData[0][1]));
    return value;
}

void checkEntry(const std::string& trackingId, const std::vector<SrNumericValue>& values, const std::string& path)
{
    if (trackingId.empty())
        throw IoError(path, "a measurement group has no tracking identifier");
    if (values.empty())
        throw IoError(path, "measurement group \"" + trackingId + "\" has no value");
    for (const SrNumericValue& v : values)
        if (!std::isfinite(v.value) || v.concept.empty() || v.unit.empty())
            throw IoError(path, "measurement group \"" + trackingId +
                                    "\" has a value that is not a finite number with a concept and a unit");
}

/// Tracking identifier, tracking UID (a new one when the entry has none) and finding: what
/// both kinds of measurement group (TID 1501, TID 1411) start with.
template <class Group, class Entry> void setGroupIdentity(Group& group, const Entry& entry, const std::string& path)
{
    const std::string& id = entry.trackingId;
    check(group.setTrackingIdentifier(id.c_str()), path, "tracking identifier of " + id);
    check(group.setTrackingUniqueIdentifier((entry.trackingUid.empty() ? newDicomUid() : entry.trackingUid).c_str()),
          path, "tracking UID of " + id);
    check(group.setFinding(coded(entry.finding)), path, "finding of " + id);
}

/// One TID 300 measurement per value, each naming where it was measured.
void addMeasurementGroup(CMR_TID1501_in_TID1500& group, const SrMeasurementEntry& entry,
                         const DicomReference& reference, const std::string& path)
{
    const std::string& id = entry.trackingId;
    setGroupIdentity(group, entry, path);
    for (const SrNumericValue& v : entry.values) {
        const CMR_TID1501_in_TID1500::MeasurementValue value(
            detail::decimalString(v.value).c_str(),
            CID7181_AbstractMultiDimensionalImageModelComponentUnits(coded(v.unit)));
        check(group.addMeasurement(CID7469_GenericIntensityAndSizeMeasurements(coded(v.concept)), value), path,
              v.concept.meaning + " of " + id);
        if (entry.imageIndex < 0)
            continue;
        CMR_TID300_in_TID1501_in_TID1500& measurement = group.getMeasurement();
        const DSRImageReferenceValue image = imageReference(reference.images[std::size_t(entry.imageIndex)]);
        if (entry.graphicType == SrGraphicType::None) {
            check(measurement.addImage(CODE_DCM_SourceOfMeasurement, image), path, "source image of " + id);
        } else {
            const bool region = entry.graphicType != SrGraphicType::Polyline;
            const DSRCodedEntryValue purpose = region ? DSRCodedEntryValue("111030", "DCM", "Image Region")
                                                      : DSRCodedEntryValue("121055", "DCM", "Path");
            check(measurement.addSpatialCoordinates(purpose, coordinates(entry), image), path, "coordinates of " + id);
        }
    }
}

void addVolumetricGroup(CMR_TID1411_in_TID1500& group, const SrLabelStatisticsEntry& entry,
                        const DicomReference& reference, const std::string& path)
{
    const std::string& id = entry.trackingId;
    setGroupIdentity(group, entry, path);
    DSRImageReferenceValue segment(UID_SegmentationStorage, entry.segSopInstanceUid.c_str());
    segment.getSegmentList().addItem(Uint16(entry.segmentNumber));
    check(group.setReferencedSegment(segment), path, "referenced segment of " + id);
    check(group.setSourceSeriesForSegmentation(reference.seriesInstanceUid.c_str()), path, "source series of " + id);
    for (const SrNumericValue& v : entry.values) {
        const CMR_TID1411_in_TID1500::MeasurementValue value(
            detail::decimalString(v.value).c_str(),
            CID7181_AbstractMultiDimensionalImageModelComponentUnits(coded(v.unit)));
        check(group.addMeasurement(CID7469_GenericIntensityAndSizeMeasurements(coded(v.concept)), value), path,
              v.concept.meaning + " of " + id);
    }
}

} // namespace

SrMeasurementEntry srEntryFor(const Measurement& measurement, const Volume& volume, const DicomReference& reference,
                              const std::string& trackingId, bool withStatistics, const DicomCode& intensityUnit)
{
    SrMeasurementEntry entry;
    entry.trackingId = trackingId;
    switch (measurement.kind) {
    case MeasurementKind::Length:
        entry.values.push_back({srcodes::length(), measurement.lengthMm(), srcodes::millimetre()});
        entry.graphicType = SrGraphicType::Polyline;
        break;
    case MeasurementKind::Angle:
        entry.values.push_back({srcodes::angle(), measurement.angleDegrees(), srcodes::degree()});
        entry.graphicType = SrGraphicType::Polyline;
        break;
    case MeasurementKind::Rectangle:
    case MeasurementKind::Polygon:
    case MeasurementKind::Ellipse: {
        entry.values.push_back({srcodes::area(), measurement.areaMm2(), srcodes::squareMillimetre()});
        entry.graphicType =
            measurement.kind == MeasurementKind::Ellipse ? SrGraphicType::Ellipse : SrGraphicType::ClosedPolyline;
        const RegionStatistics stats = withStatistics ? regionStatistics(volume, measurement) : RegionStatistics{};
        if (stats.voxels > 0) {
            entry.values.push_back({srcodes::mean(), stats.mean, intensityUnit});
            entry.values.push_back({srcodes::standardDeviation(), stats.sd, intensityUnit});
            entry.values.push_back({srcodes::minimum(), stats.min, intensityUnit});
            entry.values.push_back({srcodes::maximum(), stats.max, intensityUnit});
        }
        break;
    }
    }

    // Image coordinates when every point lies on one k slice of the volume.
    const ImageGeometry& g = volume.geometry();
    std::vector<Vec3> indices;
    for (const Vec3& p : measurement.points)
        indices.push_back(g.physicalToIndex(p));
    bool onSlice = !indices.empty();
    const double k0 = indices.empty() ? 0.0 : std::round(indices[0][2]);
    for (const Vec3& idx : indices)
        onSlice = onSlice && std::abs(idx[2] - k0) < 0.01;
    const int images = int(reference.images.size());
    if (onSlice && k0 >= 0 && k0 < images) {
        entry.imageIndex = int(k0);
        std::vector<std::array<double, 2>> pixels;
        for (const Vec3& idx : indices)
            pixels.push_back({idx[0] + 0.5, idx[1] + 0.5});
        if (measurement.kind == MeasurementKind::Ellipse && pixels.size() == 3) {
            // centre, end of the first semi-axis, end of the second -> major axis ends, minor axis ends
            const auto& c = pixels[0];
            std::array<double, 2> a{pixels[1][0] - c[0], pixels[1][1] - c[1]};
            std::array<double, 2> b{pixels[2][0] - c[0], pixels[2][1] - c[1]};
            if (std::hypot(b[0], b[1]) > std::hypot(a[0], a[1]))
                std::swap(a, b);
            entry.graphicData = {{c[0] + a[0], c[1] + a[1]},
                                 {c[0] - a[0], c[1] - a[1]},
                                 {c[0] + b[0], c[1] + b[1]},
                                 {c[0] - b[0], c[1] - b[1]}};
        } else {
            entry.graphicData = pixels;
        }
    } else {
        entry.graphicType = SrGraphicType::None;
        entry.imageIndex = measurement.slice >= 0 && measurement.slice < images ? measurement.slice : -1;
    }
    return entry;
}

SrLabelStatisticsEntry srLabelEntry(const std::string& trackingId, double volumeMl, double mean, double sd, double min,
                                    double max, const DicomCode& intensityUnit)
{
    SrLabelStatisticsEntry entry;
    entry.trackingId = trackingId;
    entry.values.push_back({srcodes::volume(), volumeMl, srcodes::millilitre()});
    if (volumeMl > 0 && std::isfinite(mean) && std::isfinite(sd) && std::isfinite(min) && std::isfinite(max)) {
        entry.values.push_back({srcodes::mean(), mean, intensityUnit});
        entry.values.push_back({srcodes::standardDeviation(), sd, intensityUnit});
        entry.values.push_back({srcodes::minimum(), min, intensityUnit});
        entry.values.push_back({srcodes::maximum(), max, intensityUnit});
    }
    return entry;
}

DicomWrittenObject writeDicomSr(const SrReport& input, const DicomReference& reference, const std::string& path,
                                const DicomOutputSeries& seriesIn)
{
    if (input.measurements.empty() && input.labelStatistics.empty())
        throw IoError(path, "the report has no measurement");
    const int images = int(reference.images.size());
    for (const SrMeasurementEntry& e : input.measurements) {
        checkEntry(e.trackingId, e.values, path);
        if (e.imageIndex >= images)
            throw IoError(path, "measurement \"" + e.trackingId + "\" names an image the reference series lacks");
        if (e.graphicType != SrGraphicType::None && (e.imageIndex < 0 || e.graphicData.empty()))
            throw IoError(path, "measurement \"" + e.trackingId + "\" has coordinates but no image");
    }
    for (const SrLabelStatisticsEntry& e : input.labelStatistics) {
        checkEntry(e.trackingId, e.values, path);
        if (!e.segSopInstanceUid.empty() && (e.segmentNumber < 1 || e.segSeriesInstanceUid.empty()))
            throw IoError(path, "label \"" + e.trackingId + "\" names a SEG without its series or segment number");
    }
    const DicomOutputSeries series = detail::resolveSeries(seriesIn, kDefaultDescription, kDefaultSeriesNumber);

    // Document header templates: observers, procedure, image library.
    TID1500_MeasurementReport report(CMR_CID7021::ImagingMeasurementReport);
    check(report.setLanguage(CID5000_Languages::English), path, "language");
    // Device first: DCMTK 3.6.7 then puts the person observer (type and name together)
    // before it; the other order leaves the person's name after the device's items.
    check(report.getObservationContext().addDeviceObserver(kDeviceObserverUid, "RadPath", "RadPath", "RadPath"), path,
          "device observer");
    if (!series.operatorName.empty())
        check(report.getObservationContext().addPersonObserver(series.operatorName.c_str()), path, "person observer");
    check(report.addProcedureReported(procedureFor(reference.modality)), path, "procedure reported");

    std::vector<int> libraryImages;
    for (const SrMeasurementEntry& e : input.measurements)
        if (e.imageIndex >= 0)
            libraryImages.push_back(e.imageIndex);
    if (libraryImages.empty())
        for (int k = 0; k < images; ++k)
            libraryImages.push_back(k);
    TID1600_ImageLibrary& library = report.getImageLibrary();
    check(library.createNewImageLibrary(), path, "image library");
    check(library.addImageGroup(), path, "image library group");
    std::set<std::string> listed;
    for (int k : libraryImages) {
        const DicomImageRef& image = reference.images[std::size_t(k)];
        if (!listed.insert(image.sopInstanceUid).second)
            continue;
        DcmDataset entry;
        entry.putAndInsertString(DCM_SOPClassUID, image.sopClassUid.c_str());
        entry.putAndInsertString(DCM_SOPInstanceUID, image.sopInstanceUid.c_str());
        entry.putAndInsertString(DCM_Modality, reference.modality.c_str());
        check(library.addImageEntry(entry, TID1600_ImageLibrary::withoutDescriptors), path, "image library entry");
    }

    // Measurement groups.
    bool firstPlanar = true, firstVolumetric = true;
    const auto nextPlanar = [&]() -> CMR_TID1501_in_TID1500& {
        if (!firstPlanar)
            check(report.addIndividualMeasurements(), path, "measurement group");
        firstPlanar = false;
        return report.getIndividualMeasurements();
    };
    for (const SrMeasurementEntry& e : input.measurements)
        addMeasurementGroup(nextPlanar(), e, reference, path);
    for (const SrLabelStatisticsEntry& e : input.labelStatistics) {
        if (e.segSopInstanceUid.empty()) {
            SrMeasurementEntry planar;
            planar.trackingId = e.trackingId;
            planar.trackingUid = e.trackingUid;
            planar.finding = e.finding;
            planar.values = e.values;
            addMeasurementGroup(nextPlanar(), planar, reference, path);
            continue;
        }
        if (!firstVolumetric)
            check(report.addVolumetricROIMeasurements(), path, "volumetric measurement group");
        firstVolumetric = false;
        addVolumetricGroup(report.getVolumetricROIMeasurements(), e, reference, path);
    }
    if (!report.isValid())
        throw IoError(path, "cannot write the structured report: DCMTK finds the TID 1500 content incomplete");

    // The document: tree, evidence, header.
    DSRDocument doc;
    check(doc.setTreeFromRootTemplate(report, OFTrue /*expandTree*/), path, "content tree");
    check(doc.createNewSeriesInStudy(reference.studyInstanceUid.c_str()), path, "series");
    check(doc.setSpecificCharacterSetType(DSRTypes::CS_UTF8), path, "character set");
    DSRSOPInstanceReferenceList& evidence = doc.getCurrentRequestedProcedureEvidence();
    listed.clear();
    for (int k : libraryImages) {
        const DicomImageRef& image = reference.images[std::size_t(k)];
        if (listed.insert(image.sopInstanceUid).second)
            check(evidence.addItem(reference.studyInstanceUid.c_str(), reference.seriesInstanceUid.c_str(),
                                   image.sopClassUid.c_str(), image.sopInstanceUid.c_str()),
                  path, "evidence");
    }
    for (const SrLabelStatisticsEntry& e : input.labelStatistics)
        if (!e.segSopInstanceUid.empty() && listed.insert(e.segSopInstanceUid).second)
            check(evidence.addItem(reference.studyInstanceUid.c_str(), e.segSeriesInstanceUid.c_str(),
                                   UID_SegmentationStorage, e.segSopInstanceUid.c_str()),
                  path, "evidence");
    check(doc.completeDocument(), path, "completion flag");

    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    check(doc.write(ds), path, "dataset");
    OFString sopClass;
    ds.findAndGetOFString(DCM_SOPClassUID, sopClass);
    detail::putPatientAndStudy(ds, reference, false, path);
    detail::putNewSeriesAndInstance(ds, "SR", sopClass.c_str(), series, path);
    detail::saveAtomically(file, path);
    return {path, sopClass.c_str(), series.sopInstanceUid, series.seriesInstanceUid};
}

} // namespace radpath::viewer

#include "viewer/io/DicomParametricMapWriter.h"

#include "viewer/io/DicomOutputSupport.h"
#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/io/IoError.h"
#include "viewer/model/Volume.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmfg/fgderimg.h>
#include <dcmtk/dcmfg/fgfracon.h>
#include <dcmtk/dcmfg/fgframeanatomy.h>
#include <dcmtk/dcmfg/fgparametricmapframetype.h>
#include <dcmtk/dcmfg/fgpixeltransform.h>
#include <dcmtk/dcmfg/fgpixmsr.h>
#include <dcmtk/dcmfg/fgplanor.h>
#include <dcmtk/dcmfg/fgplanpo.h>
#include <dcmtk/dcmfg/fgrealworldvaluemapping.h>
#include <dcmtk/dcmiod/iodreferences.h>
#include <dcmtk/dcmpmap/dpmparametricmapiod.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

namespace radpath::viewer {

ParametricMapQuantity gradCamSaliencyQuantity()
{
    ParametricMapQuantity q;
    q.quantity = {"130403", "DCM", "Gradient-weighted class activation"};
    q.unit = {"[arb'U]", "UCUM", "arbitrary unit"};
    q.derivation = q.quantity;
    q.lutLabel = "GRADCAM";
    q.contentLabel = "SALIENCY";
    q.derivationDescription = "Grad-CAM saliency of a RadPath model";
    return q;
}

ParametricMapQuantity probabilityQuantity(const std::string& of)
{
    ParametricMapQuantity q;
    q.quantity = {"122157", "DCM", "Probability"};
    q.unit = {"{probability}", "UCUM", "probability"};
    q.derivation = {"113076", "DCM", "Segmentation"};
    q.lutLabel = "PROBABILITY";
    q.contentLabel = "PROBABILITY";
    q.derivationDescription =
        of.empty() ? "Class probability from a RadPath model" : "Probability of " + of + " from a RadPath model";
    return q;
}

namespace {

constexpr int kDefaultSeriesNumber = 902;

void check(const OFCondition& c, const std::string& path, const std::string& what)
{
    if (c.bad())
        throw IoError(path, "cannot write the parametric map (" + what + "): " + c.text());
}

CodeSequenceMacro macro(const DicomCode& code)
{
    return CodeSequenceMacro(code.value.c_str(), code.scheme.c_str(), code.meaning.c_str());
}

OFString ds(double value)
{
    return detail::decimalString(std::abs(value) < 1e-12 ? 0.0 : value).c_str();
}

/// The reference as the dataset dcmiod imports patient, study and frame of reference from.
void importReference(DPMParametricMapIOD& map, const DicomReference& reference, const std::string& path)
{
    DcmDataset source;
    detail::putPatientAndStudy(source, reference, true, path);
    check(map.importHierarchy(source, OFTrue, OFTrue, OFTrue, OFFalse, OFTrue), path, "patient and study");
}

FGFrameAnatomy::LATERALITY frameLaterality(const std::string& laterality)
{
    if (laterality == "R")
        return FGFrameAnatomy::LATERALITY_R;
    if (laterality == "L")
        return FGFrameAnatomy::LATERALITY_L;
    if (laterality == "B")
        return FGFrameAnatomy::LATERALITY_BOTH;
    return FGFrameAnatomy::LATERALITY_UNPAIRED;
}

void addSharedGroups(DPMParametricMapIOD& map, const ImageGeometry& g, const DicomReference& reference,
                     const ParametricMapOptions& options, double minValue, double maxValue, const std::string& path)
{
    FGPixelMeasures measures;
    check(measures.setPixelSpacing(ds(g.spacing[1]) + "\\" + ds(g.spacing[0])), path, "pixel spacing");
    check(measures.setSliceThickness(ds(g.spacing[2])), path, "slice thickness");
    check(measures.setSpacingBetweenSlices(ds(g.spacing[2])), path, "spacing between slices");
    check(map.addForAllFrames(measures), path, "pixel measures");

    const Vec3 row = g.axisDirection(0), col = g.axisDirection(1);
    std::unique_ptr<FGPlaneOrientationPatient> orientation(FGPlaneOrientationPatient::createMinimal(
        ds(row[0]), ds(row[1]), ds(row[2]), ds(col[0]), ds(col[1]), ds(col[2])));
    if (!orientation)
        throw IoError(path, "cannot write the parametric map (plane orientation)");
    check(map.addForAllFrames(*orientation), path, "plane orientation");

    FGFrameAnatomy anatomy;
    check(anatomy.setLaterality(frameLaterality(reference.laterality)), path, "frame laterality");
    const DicomCode& region = options.anatomicRegion;
    check(anatomy.getAnatomy().getAnatomicRegion().set(region.value.c_str(), region.scheme.c_str(),
                                                       region.meaning.c_str()),
          path, "anatomic region");
    check(map.addForAllFrames(anatomy), path, "frame anatomy");

    FGPixelValueTransformation identity;
    identity.setUseAsIdentityPixelValueTransformation();
    check(map.addForAllFrames(identity), path, "identity pixel value transformation");

    FGParametricMapFrameType frameType;
    check(frameType.setFrameType("DERIVED\\PRIMARY\\VOLUME\\NONE"), path, "frame type");
    check(map.addForAllFrames(frameType), path, "frame type");

    // Identity mapping of the stored floats to the quantity, over their range.
    const ParametricMapQuantity& q = options.quantity;
    FGRealWorldValueMapping mapping;
    auto* item = new FGRealWorldValueMapping::RWVMItem();
    mapping.getRealWorldValueMapping().push_back(item); // owned by `mapping` from here
    check(item->setRealWorldValueSlope(1.0), path, "real world value slope");
    check(item->setRealWorldValueIntercept(0.0), path, "real world value intercept");
    check(item->setDoubleFloatRealWorldValueFirstValueMapped(minValue), path, "first value mapped");
    check(item->setDoubleFloatRealWorldValueLastValueMapped(maxValue), path, "last value mapped");
    check(item->setLUTExplanation(q.quantity.meaning.c_str()), path, "LUT explanation");
    check(item->setLUTLabel(q.lutLabel.c_str()), path, "LUT label");
    check(item->getMeasurementUnitsCode().set(q.unit.value.c_str(), q.unit.scheme.c_str(), q.unit.meaning.c_str()),
          path, "measurement units");
    auto* quantity = new ContentItemMacro();
    item->getEntireQuantityDefinitionSequence().push_back(quantity); // owned by `item`
    check(quantity->setValueType(ContentItemMacro::VT_CODE), path, "quantity");
    quantity->getEntireConceptNameCodeSequence().push_back(new CodeSequenceMacro("246205007", "SCT", "Quantity"));
    quantity->getEntireConceptCodeSequence().push_back(new CodeSequenceMacro(macro(q.quantity)));
    check(map.addForAllFrames(mapping), path, "real world value mapping");
}

/// ReferencedSeriesSequence of the Common Instance Reference module: every reference image.
void addReferencedSeries(DPMParametricMapIOD& map, const DicomReference& reference, const std::string& path)
{
    IODReferences references;
    for (const DicomImageRef& image : reference.images) {
        OFVector<Uint32> frames;
        if (image.frame > 0)
            frames.push_back(Uint32(image.frame));
        references.add(new IODImageReference(reference.patientId.c_str(), reference.studyInstanceUid.c_str(),
                                             reference.seriesInstanceUid.c_str(), image.sopInstanceUid.c_str(),
                                             image.sopClassUid.c_str(), frames));
    }
    if (map.getCommonInstanceReference().addReferences(references, reference.studyInstanceUid.c_str()) == 0)
        throw IoError(path, "cannot write the parametric map (referenced series)");
}

} // namespace

DicomWrittenObject writeDicomParametricMap(const Volume& map, const DicomReference& reference, const std::string& path,
                                           const ParametricMapOptions& options, const DicomOutputSeries& seriesIn)
{
    if (map.isNull() || map.voxelCount() == 0)
        throw IoError(path, "the parametric map is empty");
    const ImageGeometry& g = map.geometry();
    const int columns = g.size[0], rows = g.size[1], frames = g.size[2];
    if (columns > 65535 || rows > 65535)
        throw IoError(path, "the parametric map has more than 65535 rows or columns");

    // The range of component 0 (the stored floats are converted frame by frame below).
    const std::size_t frameSize = std::size_t(rows) * std::size_t(columns);
    double minValue = std::numeric_limits<double>::max(), maxValue = -minValue;
    for (int k = 0; k < frames; ++k)
        for (int j = 0; j < rows; ++j)
            for (int i = 0; i < columns; ++i) {
                const double v = double(Float32(map.valueAt(i, j, k, 0)));
                if (!std::isfinite(v))
                    throw IoError(path, "the parametric map holds a value that is not finite (as a float)");
                minValue = std::min(minValue, v);
                maxValue = std::max(maxValue, v);
            }

    const bool probability = options.quantity.quantity == probabilityQuantity().quantity;
    const DicomOutputSeries series = detail::resolveSeries(
        seriesIn, probability ? "RadPath probability map" : "RadPath saliency (Grad-CAM)", kDefaultSeriesNumber);
    const IODEnhGeneralEquipmentModule::EquipmentInfo equipment("RadPath", "RadPath", "none",
                                                                series.softwareVersion.c_str());
    const std::string creator = options.contentCreatorName.empty() ? series.operatorName : options.contentCreatorName;
    const ContentIdentificationMacro content(std::to_string(series.instanceNumber).c_str(),
                                             options.quantity.contentLabel.c_str(), options.contentDescription.c_str(),
                                             creator.c_str());

    const std::string modality = reference.modality.empty() ? "OT" : reference.modality;
    OFvariant<OFCondition, DPMParametricMapIOD> created = DPMParametricMapIOD::create<IODFloatingPointImagePixelModule>(
        modality.c_str(), std::to_string(series.seriesNumber).c_str(), std::to_string(series.instanceNumber).c_str(),
        Uint16(rows), Uint16(columns), equipment, content, "VOLUME", "NONE", DPMTypes::CQ_RESEARCH);
    if (OFCondition* failed = OFget<OFCondition>(&created))
        check(*failed, path, "object");
    DPMParametricMapIOD& pm = *OFget<DPMParametricMapIOD>(&created);

    importReference(pm, reference, path);
    check(pm.getSeries().setSeriesInstanceUID(series.seriesInstanceUid.c_str()), path, "series UID");
    check(pm.getSeries().setSeriesDescription(series.seriesDescription.c_str()), path, "series description");
    check(pm.getSOPCommon().setSOPInstanceUID(series.sopInstanceUid.c_str()), path, "SOP instance UID");
    check(pm.setRecognizableVisualFeatures(DPMTypes::RVF_NO), path, "recognizable visual features");
    check(pm.getIODMultiframeDimensionModule().addDimensionIndex(DCM_ImagePositionPatient, newDicomUid().c_str(),
                                                                 DCM_PlanePositionSequence, "ImagePositionPatient"),
          path, "dimension index");
    addSharedGroups(pm, g, reference, options, minValue, maxValue, path);
    const bool derived = std::size_t(frames) == reference.images.size();
    if (derived)
        addReferencedSeries(pm, reference, path);

    DPMParametricMapIOD::FramesType framesVariant = pm.getFrames();
    auto* typed = OFget<DPMParametricMapIOD::Frames<Float32>>(&framesVariant);
    if (!typed)
        throw IoError(path, "cannot write the parametric map (no float frames)");
    std::vector<Float32> frame(frameSize);
    for (int k = 0; k < frames; ++k) {
        for (int j = 0; j < rows; ++j)
            for (int i = 0; i < columns; ++i)
                frame[std::size_t(j) * std::size_t(columns) + std::size_t(i)] = Float32(map.valueAt(i, j, k, 0));
        FGPlanePosPatient position;
        const Vec3 p = g.indexToPhysical({0.0, 0.0, double(k)});
        check(position.setImagePositionPatient(ds(p[0]), ds(p[1]), ds(p[2])), path, "plane position");
        FGFrameContent frameContent;
        check(frameContent.setDimensionIndexValues(Uint32(k + 1), 0), path, "frame content");
        OFVector<FGBase*> perFrame{&position, &frameContent};
        std::unique_ptr<FGDerivationImage> derivation;
        if (derived) {
            const DicomImageRef& image = reference.images[std::size_t(k)];
            ImageSOPInstanceReferenceMacro source;
            check(source.setReferencedSOPClassUID(image.sopClassUid.c_str()), path, "source image");
            check(source.setReferencedSOPInstanceUID(image.sopInstanceUid.c_str()), path, "source image");
            if (image.frame > 0)
                check(source.addReferencedFrameNumber(Uint16(image.frame)), path, "source frame");
            derivation.reset(FGDerivationImage::createMinimal(
                OFVector<ImageSOPInstanceReferenceMacro>(1, source), options.quantity.derivationDescription.c_str(),
                macro(options.quantity.derivation),
                CodeSequenceMacro("121322", "DCM", "Source image for image processing operation")));
            if (!derivation)
                throw IoError(path, "cannot write the parametric map (derivation image)");
            perFrame.push_back(derivation.get());
        }
        check(typed->addFrame(frame.data(), frameSize, perFrame), path, "frame " + std::to_string(k + 1));
    }

    DcmFileFormat file;
    DcmDataset& dataset = *file.getDataset();
    check(pm.writeDataset(dataset), path, "dataset");
    detail::putNewSeriesAndInstance(dataset, modality, UID_ParametricMapStorage, series, path);
    detail::putIfAny(dataset, DCM_OperatorsName, series.operatorName, path);
    detail::putIfAny(dataset, DCM_BodyPartExamined, reference.bodyPartExamined, path);
    detail::saveAtomically(file, path);
    return {path, UID_ParametricMapStorage, series.sopInstanceUid, series.seriesInstanceUid};
}

} // namespace radpath::viewer

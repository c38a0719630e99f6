#include "viewer/io/DicomDxWriter.h"

#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <cstdio>
#include <filesystem>
#include <sstream>

namespace radpath::viewer {
namespace {

std::string number(double v)
{
    std::ostringstream out;
    out.precision(10);
    out << v;
    return out.str();
}

} // namespace

DicomSeriesMeta writeDxImage(const ChestImage& image, double pixelSpacingMm, const DxWindow& window,
                             const std::string& path, DicomSeriesMeta meta)
{
    if (meta.studyInstanceUid.empty()) meta.studyInstanceUid = newDicomUid();
    if (meta.seriesInstanceUid.empty()) meta.seriesInstanceUid = newDicomUid();

    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    const std::string spacing = number(pixelSpacingMm) + "\\" + number(pixelSpacingMm);
    const std::pair<DcmTagKey, std::string> values[] = {
        {DCM_SpecificCharacterSet, "ISO_IR 192"},
        {DCM_SOPClassUID, UID_DigitalXRayImageStorageForPresentation},
        {DCM_SOPInstanceUID, newDicomUid()},
        {DCM_ImageType, "ORIGINAL\\PRIMARY"},
        {DCM_StudyDate, meta.studyDate},
        {DCM_StudyTime, "120000"},
        {DCM_ContentDate, meta.studyDate},
        {DCM_ContentTime, "120000"},
        {DCM_AccessionNumber, ""},
        {DCM_Modality, "DX"},
        {DCM_PresentationIntentType, "FOR PRESENTATION"},
        {DCM_Manufacturer, "RadPath"},
        {DCM_ReferringPhysicianName, ""},
        {DCM_StudyDescription, meta.studyDescription},
        {DCM_SeriesDescription, meta.seriesDescription},
        {DCM_PatientName, meta.patientName},
        {DCM_PatientID, meta.patientId},
        {DCM_PatientBirthDate, ""},
        {DCM_PatientSex, "O"},
        {DCM_BodyPartExamined, "CHEST"},
        {DCM_ViewPosition, "PA"},
        {DCM_PatientOrientation, "L\\F"},
        {DCM_StudyInstanceUID, meta.studyInstanceUid},
        {DCM_SeriesInstanceUID, meta.seriesInstanceUid},
        {DCM_StudyID, "1"},
        {DCM_SeriesNumber, std::to_string(meta.seriesNumber)},
        {DCM_InstanceNumber, "1"},
        {DCM_ImagerPixelSpacing, spacing},
        {DCM_PixelSpacing, spacing},
        {DCM_SamplesPerPixel, "1"},
        {DCM_PhotometricInterpretation, "MONOCHROME2"},
        {DCM_Rows, std::to_string(image.height)},
        {DCM_Columns, std::to_string(image.width)},
        {DCM_BitsAllocated, "16"},
        {DCM_BitsStored, "12"},
        {DCM_HighBit, "11"},
        {DCM_PixelRepresentation, "0"},
        {DCM_RescaleIntercept, "0"},
        {DCM_RescaleSlope, "1"},
        {DCM_RescaleType, "US"},
        {DCM_WindowCenter, number(window.center)},
        {DCM_WindowWidth, number(window.width)},
        {DCM_WindowCenterWidthExplanation, "CHEST"},
        {DCM_BurnedInAnnotation, "NO"},
    };
    for (const auto& [key, value] : values)
        if (ds.putAndInsertString(key, value.c_str()).bad())
            throw IoError(path, std::string("cannot set ") + DcmTag(key).getTagName());
    if (ds.putAndInsertUint16Array(DCM_PixelData, image.pixels.data(), static_cast<unsigned long>(image.pixels.size())).bad())
        throw IoError(path, "cannot store pixel data");

    const std::string temporary = path + ".part";
    const OFCondition saved = file.saveFile(temporary.c_str(), EXS_LittleEndianExplicit);
    std::error_code ec;
    if (saved.bad()) {
        std::filesystem::remove(temporary, ec);
        throw IoError(path, std::string("cannot write: ") + saved.text());
    }
    std::filesystem::rename(temporary, path, ec);
    if (ec)
        throw IoError(path, "cannot rename into place: " + ec.message());
    return meta;
}

} // namespace radpath::viewer

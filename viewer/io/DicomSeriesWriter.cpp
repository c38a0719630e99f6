#include "viewer/io/DicomSeriesWriter.h"

#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;

namespace radpath::viewer {
namespace {

std::string decimals(const std::vector<double>& values)
{
    std::ostringstream out;
    out.precision(10);
    for (size_t i = 0; i < values.size(); ++i)
        out << (i ? "\\" : "") << values[i];
    return out.str();
}

void put(DcmDataset& ds, const DcmTagKey& key, const std::string& value, const std::string& path)
{
    const OFCondition c = ds.putAndInsertString(key, value.c_str());
    if (c.bad())
        throw IoError(path, std::string("cannot set ") + DcmTag(key).getTagName() + ": " + c.text());
}

} // namespace

std::string newDicomUid()
{
    char uid[100];
    dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT);
    return uid;
}

DicomSeriesMeta writeCtSeries(const Volume& huVolume, const std::string& dir, DicomSeriesMeta meta,
                              const TaskControl& control)
{
    if (huVolume.pixelType() != PixelType::Int16)
        throw std::invalid_argument("writeCtSeries expects an int16 volume in HU");
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw IoError(dir, "cannot create folder: " + ec.message());

    if (meta.studyInstanceUid.empty()) meta.studyInstanceUid = newDicomUid();
    if (meta.seriesInstanceUid.empty()) meta.seriesInstanceUid = newDicomUid();
    if (meta.frameOfReferenceUid.empty()) meta.frameOfReferenceUid = newDicomUid();

    const ImageGeometry& g = huVolume.geometry();
    const int cols = g.size[0], rows = g.size[1], slices = g.size[2];
    const Vec3 row = g.axisDirection(0), col = g.axisDirection(1);
    const std::int16_t* hu = huVolume.voxels<std::int16_t>();
    std::vector<Uint16> stored(size_t(rows) * size_t(cols));

    for (int k = 0; k < slices; ++k) {
        if (control.cancelled())
            throw OperationCancelled{};
        char name[32];
        std::snprintf(name, sizeof name, "CT%06d.dcm", k + 1);
        const std::string path = (fs::path(dir) / name).string();

        DcmFileFormat file;
        DcmDataset& ds = *file.getDataset();
        put(ds, DCM_SpecificCharacterSet, "ISO_IR 192", path);
        put(ds, DCM_SOPClassUID, UID_CTImageStorage, path);
        put(ds, DCM_SOPInstanceUID, newDicomUid(), path);
        put(ds, DCM_ImageType, "ORIGINAL\\PRIMARY\\AXIAL", path);
        put(ds, DCM_StudyDate, meta.studyDate, path);
        put(ds, DCM_StudyTime, "120000", path);
        put(ds, DCM_AccessionNumber, "", path);
        put(ds, DCM_Modality, "CT", path);
        put(ds, DCM_Manufacturer, "RadPath", path);
        put(ds, DCM_ReferringPhysicianName, "", path);
        put(ds, DCM_StudyDescription, meta.studyDescription, path);
        put(ds, DCM_SeriesDescription, meta.seriesDescription, path);
        put(ds, DCM_PatientName, meta.patientName, path);
        put(ds, DCM_PatientID, meta.patientId, path);
        put(ds, DCM_PatientBirthDate, "", path);
        put(ds, DCM_PatientSex, "O", path);
        put(ds, DCM_SliceThickness, decimals({g.spacing[2]}), path);
        put(ds, DCM_KVP, "120", path);
        put(ds, DCM_PatientPosition, "HFS", path);
        put(ds, DCM_StudyInstanceUID, meta.studyInstanceUid, path);
        put(ds, DCM_SeriesInstanceUID, meta.seriesInstanceUid, path);
        put(ds, DCM_StudyID, "1", path);
        put(ds, DCM_SeriesNumber, std::to_string(meta.seriesNumber), path);
        put(ds, DCM_BodyPartExamined, meta.bodyPartExamined, path); // unpaired: no Laterality
        put(ds, DCM_AcquisitionNumber, "1", path);
        put(ds, DCM_InstanceNumber, std::to_string(k + 1), path);
        const Vec3 pos = g.indexToPhysical({0.0, 0.0, double(k)});
        put(ds, DCM_ImagePositionPatient, decimals({pos[0], pos[1], pos[2]}), path);
        put(ds, DCM_ImageOrientationPatient, decimals({row[0], row[1], row[2], col[0], col[1], col[2]}), path);
        put(ds, DCM_FrameOfReferenceUID, meta.frameOfReferenceUid, path);
        put(ds, DCM_PositionReferenceIndicator, "", path);
        put(ds, DCM_SliceLocation, decimals({pos[2]}), path);
        put(ds, DCM_SamplesPerPixel, "1", path);
        put(ds, DCM_PhotometricInterpretation, "MONOCHROME2", path);
        put(ds, DCM_Rows, std::to_string(rows), path);
        put(ds, DCM_Columns, std::to_string(cols), path);
        put(ds, DCM_PixelSpacing, decimals({g.spacing[1], g.spacing[0]}), path);
        put(ds, DCM_BitsAllocated, "16", path);
        put(ds, DCM_BitsStored, "12", path);
        put(ds, DCM_HighBit, "11", path);
        put(ds, DCM_PixelRepresentation, "0", path);
        put(ds, DCM_WindowCenter, "40\\-600\\400", path);
        put(ds, DCM_WindowWidth, "400\\1500\\1800", path);
        put(ds, DCM_WindowCenterWidthExplanation, "SOFT TISSUE\\LUNG\\BONE", path);
        put(ds, DCM_RescaleIntercept, "-1024", path);
        put(ds, DCM_RescaleSlope, "1", path);
        put(ds, DCM_RescaleType, "HU", path);

        // Stored value = HU + 1024 in 12 bits (-1024..3071 HU).
        const std::int16_t* src = hu + size_t(k) * stored.size();
        for (size_t i = 0; i < stored.size(); ++i)
            stored[i] = Uint16(std::clamp(int(src[i]) + 1024, 0, 4095));
        if (ds.putAndInsertUint16Array(DCM_PixelData, stored.data(), static_cast<unsigned long>(stored.size())).bad())
            throw IoError(path, "cannot store pixel data");

        const std::string temporary = path + ".part";
        const OFCondition saved = file.saveFile(temporary.c_str(), EXS_LittleEndianExplicit);
        if (saved.bad()) {
            fs::remove(temporary, ec);
            throw IoError(path, std::string("cannot write: ") + saved.text());
        }
        fs::rename(temporary, path, ec);
        if (ec)
            throw IoError(path, "cannot rename into place: " + ec.message());
        control.report(double(k + 1) / slices, "writing CT slices");
    }
    return meta;
}

} // namespace radpath::viewer

#include "viewer/io/DicomOutputContext.h"

#include "viewer/io/DicomSeriesReader.h"
#include "viewer/io/DicomText.h"
#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <filesystem>

// The project version, given to this file by viewer/CMakeLists.txt.
#ifndef RADPATH_VERSION
#define RADPATH_VERSION "unknown"
#endif

namespace radpath::viewer {
namespace {

std::string rawString(DcmItem& item, const DcmTagKey& key)
{
    OFString value;
    if (item.findAndGetOFStringArray(key, value).bad())
        return {};
    return value.c_str();
}

/// Loads the header of `path` (up to the pixel data). Throws IoError.
void loadHeader(DcmFileFormat& file, const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw IoError(path, "no such file");
    const OFCondition c = file.loadFileUntilTag(path.c_str(), EXS_Unknown, EGL_noChange, DCM_MaxReadLength,
                                                ERM_autoDetect, DCM_PixelData);
    if (c.bad())
        throw IoError(path, std::string("not a readable DICOM file: ") + c.text());
}

/// NumberOfFrames, or 0 for a single-frame image without it.
int frameCount(DcmItem& item)
{
    Sint32 frames = 0;
    if (item.findAndGetSint32(DCM_NumberOfFrames, frames).bad() || frames < 1)
        return 0;
    return int(frames);
}

/// Identity of the study and series `ds` belongs to, text decoded to UTF-8.
DicomReference identityOf(DcmItem& ds, const std::string& path)
{
    const std::string charset = rawString(ds, DCM_SpecificCharacterSet);
    const auto text = [&](const DcmTagKey& key, bool personName) {
        return decodeDicomText(rawString(ds, key), charset, personName);
    };
    DicomReference ref;
    ref.patientName = text(DCM_PatientName, true);
    ref.patientId = text(DCM_PatientID, false);
    ref.issuerOfPatientId = text(DCM_IssuerOfPatientID, false);
    ref.patientBirthDate = rawString(ds, DCM_PatientBirthDate);
    ref.patientSex = rawString(ds, DCM_PatientSex);
    ref.studyInstanceUid = rawString(ds, DCM_StudyInstanceUID);
    ref.studyDate = rawString(ds, DCM_StudyDate);
    ref.studyTime = rawString(ds, DCM_StudyTime);
    ref.studyId = text(DCM_StudyID, false);
    ref.accessionNumber = text(DCM_AccessionNumber, false);
    ref.referringPhysicianName = text(DCM_ReferringPhysicianName, true);
    ref.studyDescription = text(DCM_StudyDescription, false);
    ref.seriesInstanceUid = rawString(ds, DCM_SeriesInstanceUID);
    ref.modality = rawString(ds, DCM_Modality);
    ref.frameOfReferenceUid = rawString(ds, DCM_FrameOfReferenceUID);
    ref.bodyPartExamined = rawString(ds, DCM_BodyPartExamined);
    ref.laterality = rawString(ds, DCM_Laterality);
    if (ref.laterality.empty())
        ref.laterality = rawString(ds, DCM_ImageLaterality);
    if (ref.studyInstanceUid.empty())
        throw IoError(path, "has no Study Instance UID");
    if (ref.seriesInstanceUid.empty())
        throw IoError(path, "has no Series Instance UID");
    return ref;
}

DicomImageRef imageOf(DcmItem& ds, const std::string& path, int frame)
{
    DicomImageRef image{rawString(ds, DCM_SOPClassUID), rawString(ds, DCM_SOPInstanceUID), frame};
    if (image.sopClassUid.empty() || image.sopInstanceUid.empty())
        throw IoError(path, "has no SOP Class or SOP Instance UID");
    return image;
}

} // namespace

DicomReference readDicomReference(const std::vector<std::string>& files)
{
    if (files.empty())
        throw IoError("(no files)", "the reference series has no files");
    DicomReference ref;
    for (std::size_t i = 0; i < files.size(); ++i) {
        DcmFileFormat file;
        loadHeader(file, files[i]);
        DcmDataset& ds = *file.getDataset();
        if (i == 0)
            ref = identityOf(ds, files[i]);
        const int frames = frameCount(ds);
        if (frames == 0)
            ref.images.push_back(imageOf(ds, files[i], 0));
        for (int f = 1; f <= frames; ++f)
            ref.images.push_back(imageOf(ds, files[i], f));
    }
    return ref;
}

DicomReference readDicomReference(const DicomSeries& series)
{
    if (series.slices.empty())
        throw IoError(series.seriesInstanceUid, "the reference series has no slices");
    const std::string& first = series.slices.front().path;
    DcmFileFormat file;
    loadHeader(file, first);
    DcmDataset& ds = *file.getDataset();
    DicomReference ref = identityOf(ds, first);
    const std::string sopClass = rawString(ds, DCM_SOPClassUID);
    const bool multiFrame = series.frames > 1;
    for (const DicomSlice& slice : series.slices)
        ref.images.push_back({sopClass, slice.sopInstanceUid, multiFrame ? slice.frame + 1 : 0});
    return ref;
}

std::string radpathSoftwareVersion()
{
    return RADPATH_VERSION;
}

} // namespace radpath::viewer

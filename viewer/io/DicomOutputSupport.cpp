#include "viewer/io/DicomOutputSupport.h"

#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <random>

namespace fs = std::filesystem;

namespace radpath::viewer::detail {

DicomOutputSeries resolveSeries(DicomOutputSeries series, const std::string& defaultDescription, int defaultNumber)
{
    if (series.seriesDescription.empty())
        series.seriesDescription = defaultDescription;
    if (series.seriesNumber <= 0)
        series.seriesNumber = defaultNumber;
    if (series.instanceNumber <= 0)
        series.instanceNumber = 1;
    if (series.seriesInstanceUid.empty())
        series.seriesInstanceUid = newDicomUid();
    if (series.sopInstanceUid.empty())
        series.sopInstanceUid = newDicomUid();
    if (series.softwareVersion.empty())
        series.softwareVersion = radpathSoftwareVersion();
    return series;
}

void put(DcmItem& item, const DcmTagKey& key, const std::string& value, const std::string& path)
{
    const OFCondition c = item.putAndInsertString(key, value.c_str());
    if (c.bad())
        throw IoError(path, std::string("cannot set ") + DcmTag(key).getTagName() + ": " + c.text());
}

void putIfAny(DcmItem& item, const DcmTagKey& key, const std::string& value, const std::string& path)
{
    if (!value.empty())
        put(item, key, value, path);
}

void putPatientAndStudy(DcmItem& item, const DicomReference& ref, bool frameOfReference, const std::string& path)
{
    put(item, DCM_SpecificCharacterSet, "ISO_IR 192", path);
    put(item, DCM_PatientName, ref.patientName, path);
    put(item, DCM_PatientID, ref.patientId, path);
    putIfAny(item, DCM_IssuerOfPatientID, ref.issuerOfPatientId, path);
    put(item, DCM_PatientBirthDate, ref.patientBirthDate, path);
    put(item, DCM_PatientSex, ref.patientSex, path);
    put(item, DCM_StudyInstanceUID, ref.studyInstanceUid, path);
    put(item, DCM_StudyDate, ref.studyDate, path);
    put(item, DCM_StudyTime, ref.studyTime, path);
    put(item, DCM_ReferringPhysicianName, ref.referringPhysicianName, path);
    put(item, DCM_StudyID, ref.studyId, path);
    put(item, DCM_AccessionNumber, ref.accessionNumber, path);
    putIfAny(item, DCM_StudyDescription, ref.studyDescription, path);
    if (frameOfReference && !ref.frameOfReferenceUid.empty()) {
        put(item, DCM_FrameOfReferenceUID, ref.frameOfReferenceUid, path);
        put(item, DCM_PositionReferenceIndicator, "", path);
    }
}

void putNewSeriesAndInstance(DcmItem& item, const std::string& modality, const std::string& sopClassUid,
                             const DicomOutputSeries& series, const std::string& path)
{
    const std::string date = todayDicom(), time = nowDicom();
    put(item, DCM_SOPClassUID, sopClassUid, path);
    put(item, DCM_SOPInstanceUID, series.sopInstanceUid, path);
    put(item, DCM_InstanceCreationDate, date, path);
    put(item, DCM_InstanceCreationTime, time, path);
    put(item, DCM_Modality, modality, path);
    put(item, DCM_SeriesInstanceUID, series.seriesInstanceUid, path);
    put(item, DCM_SeriesNumber, std::to_string(series.seriesNumber), path);
    put(item, DCM_SeriesDescription, series.seriesDescription, path);
    put(item, DCM_SeriesDate, date, path);
    put(item, DCM_SeriesTime, time, path);
    put(item, DCM_Manufacturer, "RadPath", path);
    put(item, DCM_SoftwareVersions, series.softwareVersion, path);
    put(item, DCM_InstanceNumber, std::to_string(series.instanceNumber), path);
    put(item, DCM_ContentDate, date, path);
    put(item, DCM_ContentTime, time, path);
}

std::string todayDicom()
{
    OFString date;
    DcmDate::getCurrentDate(date);
    return date.c_str();
}

std::string nowDicom()
{
    OFString time;
    DcmTime::getCurrentTime(time, OFTrue /*seconds*/, OFFalse /*fraction*/);
    return time.c_str();
}

void saveAtomically(DcmFileFormat& file, const std::string& path)
{
    std::error_code ec;
    const fs::path target(path);
    if (target.has_parent_path() && !fs::is_directory(target.parent_path(), ec))
        throw IoError(path, "the folder does not exist");
    // A unique temporary name beside the target, so the rename stays on one file system.
    std::random_device random;
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, ".%08x.part", unsigned(random()));
    const std::string temporary = path + suffix;
    const OFCondition saved = file.saveFile(temporary.c_str(), EXS_LittleEndianExplicit);
    if (saved.bad()) {
        fs::remove(temporary, ec);
        throw IoError(path, std::string("cannot write: ") + saved.text());
    }
    fs::rename(temporary, path, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw IoError(path, "cannot rename into place: " + ec.message());
    }
}

std::string decimalString(double value)
{
    // %.9g: 9 significant digits round-trip a float and stay within DS's 16 characters.
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", value);
    return text;
}

} // namespace radpath::viewer::detail

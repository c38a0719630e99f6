#pragma once
// Internal to the DICOM output writers (included by their .cpp files only): the modules
// every output writes the same way. DCMTK types are only declared here.

#include "viewer/io/DicomOutputContext.h"

#include <string>

class DcmItem;
class DcmFileFormat;
class DcmTagKey;

namespace radpath::viewer::detail {

/// `series` with every blank filled: generated UIDs, the writer's description and number,
/// RadPath's software version.
DicomOutputSeries resolveSeries(DicomOutputSeries series, const std::string& defaultDescription, int defaultNumber);

/// Sets `key` to `value` (replacing it); throws IoError naming `path` when DCMTK refuses.
void put(DcmItem& item, const DcmTagKey& key, const std::string& value, const std::string& path);
/// Sets `key` only when `value` is not empty.
void putIfAny(DcmItem& item, const DcmTagKey& key, const std::string& value, const std::string& path);

/// SpecificCharacterSet ISO_IR 192 (all text written is UTF-8), the Patient and General
/// Study modules from `reference`, and with `frameOfReference` the Frame of Reference module.
void putPatientAndStudy(DcmItem& item, const DicomReference& reference, bool frameOfReference, const std::string& path);

/// The series-level attributes every output's series module has (Modality, new UIDs,
/// number, description, date and time; OperatorsName is left to the General Series writers),
/// General Equipment (Manufacturer "RadPath", SoftwareVersions), the SOP Common instance
/// (SOPClassUID, SOPInstanceUID, creation date and time), InstanceNumber and Content
/// Date/Time. `series` must be resolved.
void putNewSeriesAndInstance(DcmItem& item, const std::string& modality, const std::string& sopClassUid,
                             const DicomOutputSeries& series, const std::string& path);

/// DICOM DA / TM of now (local time).
std::string todayDicom();
std::string nowDicom();

/// Writes `file` to `path` in explicit VR little endian through a temporary name in the same
/// folder and a rename, so no half-written file is left. Throws IoError naming `path`.
void saveAtomically(DcmFileFormat& file, const std::string& path);

/// `value` as a DICOM DS (at most 16 characters, enough digits for a float).
std::string decimalString(double value);

} // namespace radpath::viewer::detail

#pragma once
// What DIMSE queries ask and answer, and what transfers report: plain values, UTF-8 text.

#include <string>
#include <vector>

namespace radpath::viewer::net {

/// C-FIND keys; empty fields do not filter. Study level uses every field but studyUid (which
/// filters too when given); series level needs studyUid and filters on modality.
struct PacsQuery {
    std::string patientName; ///< DICOM PN; '*' and '?' are wildcards
    std::string patientId;
    std::string accessionNumber;
    std::string studyDateFrom;    ///< YYYYMMDD; empty: open start
    std::string studyDateTo;      ///< YYYYMMDD; empty: open end
    std::string modality;         ///< study level: ModalitiesInStudy; series level: Modality
    std::string studyDescription; ///< wildcards allowed
    std::string studyUid;
};

struct PacsStudy {
    std::string studyUid;
    std::string patientName; ///< UTF-8, DICOM PN ('^' between components)
    std::string patientId;
    std::string studyDate; ///< YYYYMMDD
    std::string studyTime;
    std::string accessionNumber;
    std::string description; ///< UTF-8
    std::vector<std::string> modalities;
    int seriesCount = -1; ///< -1: the PACS did not say
    int instanceCount = -1;
};

struct PacsSeries {
    std::string studyUid;
    std::string seriesUid;
    std::string modality;
    std::string description; ///< UTF-8
    int number = -1;         ///< SeriesNumber; -1 when absent
    int instanceCount = -1;  ///< -1: the PACS did not say
};

/// Sub-operation counts as the last C-GET / C-MOVE response (or C-STORE loop) gave them.
struct TransferProgress {
    int completed = 0;
    int remaining = 0;
    int failed = 0;
    int warning = 0;
};

struct TransferResult {
    int completed = 0;              ///< sub-operations the peer reports as done (C-STORE: files sent)
    int warning = 0;                ///< of those, completed with a warning status
    std::vector<std::string> files; ///< retrieves: the files written, SOP Instance UID names
};

} // namespace radpath::viewer::net

#pragma once
// PacsConnection over DICOMweb: viewer::net::DicomWebClient (QIDO-RS, WADO-RS, STOW-RS).
// Retrieval is always WADO-RS: DICOMweb has no C-MOVE.

#include "app/core/PacsConnection.h"
#include "viewer/net/DicomWebClient.h"

namespace radpath::app {

class DicomWebPacsConnection final : public PacsConnection {
public:
    DicomWebPacsConnection(const std::string& baseUrl, viewer::net::DicomWebAuth auth);

    QString describe() const override;
    bool supportsMove() const override { return false; }
    void verify(const viewer::TaskControl& control) const override;
    std::vector<viewer::net::PacsStudy> findStudies(const viewer::net::PacsQuery& query,
                                                    const viewer::TaskControl& control) const override;
    std::vector<viewer::net::PacsSeries> findSeries(const viewer::net::PacsQuery& query,
                                                    const viewer::TaskControl& control) const override;
    viewer::net::TransferResult retrieve(const std::string& studyUid, const std::string& seriesUid,
                                         const std::string& outDir, RetrieveMethod method,
                                         const viewer::TaskControl& control,
                                         const PacsProgress& onProgress) const override;
    viewer::net::TransferResult store(const std::vector<std::string>& files, const viewer::TaskControl& control,
                                      const PacsProgress& onProgress) const override;

private:
    viewer::net::DicomWebClient m_client;
};

} // namespace radpath::app

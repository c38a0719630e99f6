#pragma once
// PacsConnection over DIMSE: viewer::net::DimseClient (C-ECHO, C-FIND, C-GET, C-MOVE, C-STORE).

#include "app/core/PacsConnection.h"
#include "viewer/net/DimseClient.h"

namespace radpath::app {

class DimsePacsConnection final : public PacsConnection {
public:
    DimsePacsConnection(viewer::net::PacsNode node, viewer::net::DimseTimeouts timeouts = {});

    QString describe() const override;
    bool supportsMove() const override { return true; }
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
    viewer::net::DimseClient m_client;
};

} // namespace radpath::app

#include "app/core/DicomWebPacsConnection.h"

namespace radpath::app {

namespace net = viewer::net;

DicomWebPacsConnection::DicomWebPacsConnection(const std::string& baseUrl, net::DicomWebAuth auth)
    : m_client(baseUrl, std::move(auth))
{
}

QString DicomWebPacsConnection::describe() const
{
    return QString::fromStdString(m_client.baseUrl());
}

void DicomWebPacsConnection::verify(const viewer::TaskControl& control) const
{
    m_client.echo(control);
}

std::vector<net::PacsStudy> DicomWebPacsConnection::findStudies(const net::PacsQuery& query,
                                                                const viewer::TaskControl& control) const
{
    return m_client.findStudies(query, control);
}

std::vector<net::PacsSeries> DicomWebPacsConnection::findSeries(const net::PacsQuery& query,
                                                                const viewer::TaskControl& control) const
{
    return m_client.findSeries(query, control);
}

net::TransferResult DicomWebPacsConnection::retrieve(const std::string& studyUid, const std::string& seriesUid,
                                                     const std::string& outDir, RetrieveMethod,
                                                     const viewer::TaskControl& control,
                                                     const PacsProgress& onProgress) const
{
    return m_client.get(studyUid, seriesUid, outDir, control, onProgress);
}

net::TransferResult DicomWebPacsConnection::store(const std::vector<std::string>& files,
                                                  const viewer::TaskControl& control,
                                                  const PacsProgress& onProgress) const
{
    return m_client.store(files, control, onProgress);
}

} // namespace radpath::app

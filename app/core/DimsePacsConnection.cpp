#include "app/core/DimsePacsConnection.h"

#include <QCoreApplication>

namespace radpath::app {

namespace net = viewer::net;

DimsePacsConnection::DimsePacsConnection(net::PacsNode node, net::DimseTimeouts timeouts)
    : m_client(std::move(node), timeouts)
{
}

QString DimsePacsConnection::describe() const
{
    return QCoreApplication::translate("PacsConnection", "%1 at %2")
        .arg(QString::fromStdString(m_client.node().aeTitle), QString::fromStdString(m_client.node().address()));
}

void DimsePacsConnection::verify(const viewer::TaskControl& control) const
{
    if (control.cancelled())
        throw viewer::OperationCancelled{};
    m_client.echo();
}

std::vector<net::PacsStudy> DimsePacsConnection::findStudies(const net::PacsQuery& query,
                                                             const viewer::TaskControl& control) const
{
    return m_client.findStudies(query, control);
}

std::vector<net::PacsSeries> DimsePacsConnection::findSeries(const net::PacsQuery& query,
                                                             const viewer::TaskControl& control) const
{
    return m_client.findSeries(query, control);
}

net::TransferResult DimsePacsConnection::retrieve(const std::string& studyUid, const std::string& seriesUid,
                                                  const std::string& outDir, RetrieveMethod method,
                                                  const viewer::TaskControl& control,
                                                  const PacsProgress& onProgress) const
{
    return method == RetrieveMethod::Move ? m_client.move(studyUid, seriesUid, outDir, control, onProgress)
                                          : m_client.get(studyUid, seriesUid, outDir, control, onProgress);
}

net::TransferResult DimsePacsConnection::store(const std::vector<std::string>& files,
                                               const viewer::TaskControl& control, const PacsProgress& onProgress) const
{
    return m_client.store(files, control, onProgress);
}

} // namespace radpath::app

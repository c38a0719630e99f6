#include "app/core/PacsNodeStore.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUrl>
#include <QUuid>

namespace radpath::app {
namespace {

QString protocolKey(PacsNodeConfig::Protocol p)
{
    return p == PacsNodeConfig::Protocol::DicomWeb ? QStringLiteral("dicomweb") : QStringLiteral("dimse");
}

QString authKey(PacsNodeConfig::Auth a)
{
    switch (a) {
    case PacsNodeConfig::Auth::Basic:
        return QStringLiteral("basic");
    case PacsNodeConfig::Auth::Bearer:
        return QStringLiteral("bearer");
    case PacsNodeConfig::Auth::None:
        break;
    }
    return QStringLiteral("none");
}

PacsNodeConfig::Auth authFromKey(const QString& key)
{
    if (key == QLatin1String("basic"))
        return PacsNodeConfig::Auth::Basic;
    if (key == QLatin1String("bearer"))
        return PacsNodeConfig::Auth::Bearer;
    return PacsNodeConfig::Auth::None;
}

} // namespace

QString PacsNodeConfig::label() const
{
    const QString where =
        protocol == Protocol::DicomWeb ? baseUrl : QStringLiteral("%1@%2:%3").arg(aeTitle, host).arg(port);
    return name.isEmpty() ? where : QStringLiteral("%1 (%2)").arg(name, where);
}

PacsNodeStore::PacsNodeStore(QSettings& settings) : m_settings(settings) {}

QList<PacsNodeConfig> PacsNodeStore::nodes() const
{
    QList<PacsNodeConfig> list;
    const int count = m_settings.beginReadArray(QStringLiteral("pacs/nodes"));
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        PacsNodeConfig n;
        n.id = m_settings.value("id").toString();
        if (n.id.isEmpty())
            n.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        n.name = m_settings.value("name").toString();
        n.protocol = m_settings.value("protocol").toString() == QLatin1String("dicomweb")
                         ? PacsNodeConfig::Protocol::DicomWeb
                         : PacsNodeConfig::Protocol::Dimse;
        n.aeTitle = m_settings.value("aeTitle").toString();
        n.host = m_settings.value("host").toString();
        n.port = m_settings.value("port", 104).toInt();
        n.tls = m_settings.value("tls", false).toBool();
        n.tlsCaFile = m_settings.value("tlsCaFile").toString();
        n.tlsCertificateFile = m_settings.value("tlsCertificateFile").toString();
        n.tlsKeyFile = m_settings.value("tlsKeyFile").toString();
        n.baseUrl = m_settings.value("url").toString();
        n.auth = authFromKey(m_settings.value("auth").toString());
        n.username = m_settings.value("user").toString();
        n.secretInSettings = m_settings.value("secretInSettings", false).toBool();
        if (n.secretInSettings)
            n.plainSecret = m_settings.value("secret").toString();
        list.append(n);
    }
    m_settings.endArray();
    return list;
}

std::optional<PacsNodeConfig> PacsNodeStore::node(const QString& id) const
{
    for (const PacsNodeConfig& n : nodes())
        if (n.id == id)
            return n;
    return std::nullopt;
}

void PacsNodeStore::setNodes(const QList<PacsNodeConfig>& nodes)
{
    m_settings.remove(QStringLiteral("pacs/nodes"));
    m_settings.beginWriteArray(QStringLiteral("pacs/nodes"), int(nodes.size()));
    for (int i = 0; i < nodes.size(); ++i) {
        const PacsNodeConfig& n = nodes[i];
        m_settings.setArrayIndex(i);
        m_settings.setValue("id", n.id);
        m_settings.setValue("name", n.name);
        m_settings.setValue("protocol", protocolKey(n.protocol));
        if (n.protocol == PacsNodeConfig::Protocol::Dimse) {
            m_settings.setValue("aeTitle", n.aeTitle);
            m_settings.setValue("host", n.host);
            m_settings.setValue("port", n.port);
            if (n.tls) {
                m_settings.setValue("tls", true);
                m_settings.setValue("tlsCaFile", n.tlsCaFile);
                m_settings.setValue("tlsCertificateFile", n.tlsCertificateFile);
                m_settings.setValue("tlsKeyFile", n.tlsKeyFile);
            }
        } else {
            m_settings.setValue("url", n.baseUrl);
            m_settings.setValue("auth", authKey(n.auth));
            if (n.auth == PacsNodeConfig::Auth::Basic)
                m_settings.setValue("user", n.username);
            if (n.needsSecret() && n.secretInSettings) {
                // Only on the user's explicit request: the file is plain text.
                m_settings.setValue("secretInSettings", true);
                m_settings.setValue("secret", n.plainSecret);
            }
        }
    }
    m_settings.endArray();
}

PacsLocalIdentity PacsNodeStore::localIdentity() const
{
    PacsLocalIdentity identity;
    identity.aeTitle = m_settings.value("pacs/localAeTitle", identity.aeTitle).toString();
    identity.storagePort = m_settings.value("pacs/storagePort", identity.storagePort).toInt();
    return identity;
}

void PacsNodeStore::setLocalIdentity(const PacsLocalIdentity& identity)
{
    m_settings.setValue("pacs/localAeTitle", identity.aeTitle);
    m_settings.setValue("pacs/storagePort", identity.storagePort);
}

QString PacsNodeStore::lastNodeId() const
{
    return m_settings.value("pacs/lastNode").toString();
}
void PacsNodeStore::setLastNodeId(const QString& id)
{
    m_settings.setValue("pacs/lastNode", id);
}

PacsNodeConfig PacsNodeStore::newNode()
{
    PacsNodeConfig n;
    n.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return n;
}

bool PacsNodeStore::isValidAeTitle(const QString& aeTitle)
{
    if (aeTitle.size() > 16 || aeTitle.trimmed().isEmpty())
        return false;
    for (const QChar c : aeTitle)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == QLatin1Char('\\'))
            return false;
    return true;
}

QStringList PacsNodeStore::problems(const PacsNodeConfig& node)
{
    QStringList out;
    if (node.name.trimmed().isEmpty())
        out << QCoreApplication::translate("PacsNodeStore", "Give the node a name.");
    if (node.protocol == PacsNodeConfig::Protocol::Dimse) {
        if (!isValidAeTitle(node.aeTitle))
            out << QCoreApplication::translate("PacsNodeStore",
                                               "The AE title must be 1 to 16 characters, without a backslash.");
        if (node.host.trimmed().isEmpty())
            out << QCoreApplication::translate("PacsNodeStore", "Enter the host name or address of the PACS.");
        if (node.port < 1 || node.port > 65535)
            out << QCoreApplication::translate("PacsNodeStore", "The port must be between 1 and 65535.");
        if (node.tls && node.tlsCertificateFile.isEmpty() != node.tlsKeyFile.isEmpty())
            out << QCoreApplication::translate("PacsNodeStore",
                                               "A TLS client certificate needs its private key, and a key its "
                                               "certificate.");
    } else {
        const QUrl url(node.baseUrl.trimmed(), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            out << QCoreApplication::translate("PacsNodeStore", "The base URL must be an http:// or https:// address.");
        if (node.auth == PacsNodeConfig::Auth::Basic && node.username.isEmpty())
            out << QCoreApplication::translate("PacsNodeStore", "Basic authentication needs a user name.");
    }
    return out;
}

QStringList PacsNodeStore::problems(const PacsLocalIdentity& identity)
{
    QStringList out;
    if (!isValidAeTitle(identity.aeTitle))
        out << QCoreApplication::translate("PacsNodeStore",
                                           "RadPath's AE title must be 1 to 16 characters, without a backslash.");
    if (identity.storagePort < 1 || identity.storagePort > 65535)
        out << QCoreApplication::translate("PacsNodeStore", "The storage port must be between 1 and 65535.");
    return out;
}

} // namespace radpath::app

#pragma once
// The PACS nodes the user set up, and RadPath's own DICOM identity, kept in the settings
// file of the data folder (group "pacs"). Secrets (DICOMweb passwords and tokens) are not
// kept here unless the user asked for plain-text storage: see PacsSecretStore.

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

namespace radpath::app {

struct PacsNodeConfig {
    enum class Protocol { Dimse, DicomWeb };
    enum class Auth { None, Basic, Bearer };

    QString id;   ///< stable key (a UUID); names the node's keyring entry
    QString name; ///< what the user calls it
    Protocol protocol = Protocol::Dimse;
    // DIMSE
    QString aeTitle;
    QString host;
    int port = 104;
    bool tls = false;           ///< DICOM TLS
    QString tlsCaFile;          ///< trusted CA certificate (PEM); empty: the system's trusted certificates
    QString tlsCertificateFile; ///< RadPath's client certificate (PEM); optional, with tlsKeyFile
    QString tlsKeyFile;         ///< its private key (PEM): a path, kept in the settings like any other
    // DICOMweb
    QString baseUrl; ///< e.g. https://pacs.example.org/dicom-web
    Auth auth = Auth::None;
    QString username; ///< basic authentication
    /// The user ticked "Store in the settings file (plain text)": the secret is `plainSecret`.
    bool secretInSettings = false;
    QString plainSecret;

    bool needsSecret() const { return protocol == Protocol::DicomWeb && auth != Auth::None; }
    /// "name (AE@host:port)" or "name (URL)".
    QString label() const;
};

/// Who RadPath is towards a PACS: its calling AE title (also the C-MOVE destination) and the
/// port its storage SCP listens on during a C-MOVE.
struct PacsLocalIdentity {
    static constexpr int kDefaultStoragePort = 11112;
    QString aeTitle = QStringLiteral("RADPATH");
    int storagePort = kDefaultStoragePort;
};

/// GUI thread only (QSettings of AppSettings).
class PacsNodeStore {
public:
    explicit PacsNodeStore(QSettings& settings);

    QList<PacsNodeConfig> nodes() const;
    std::optional<PacsNodeConfig> node(const QString& id) const;
    /// Replaces every node. A node's plain secret is written only when secretInSettings is set.
    void setNodes(const QList<PacsNodeConfig>& nodes);

    PacsLocalIdentity localIdentity() const;
    void setLocalIdentity(const PacsLocalIdentity& identity);

    /// The node last searched or sent to (empty: none yet).
    QString lastNodeId() const;
    void setLastNodeId(const QString& id);

    /// A new node with a fresh id and the usual DIMSE port.
    static PacsNodeConfig newNode();
    /// What is wrong with the node, one sentence each; empty when it can be used.
    static QStringList problems(const PacsNodeConfig& node);
    static QStringList problems(const PacsLocalIdentity& identity);
    /// A DICOM AE title: 1 to 16 characters of the default repertoire, no backslash, not blank.
    static bool isValidAeTitle(const QString& aeTitle);

private:
    QSettings& m_settings;
};

} // namespace radpath::app

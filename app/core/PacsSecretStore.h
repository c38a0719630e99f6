#pragma once
// DICOMweb passwords and tokens: in the system keyring (qtkeychain), never in the settings file
// unless the user ticked "Store in the settings file (plain text)" for that node (then they live
// in PacsNodeConfig::plainSecret). When no keyring service answers (common without a desktop
// session: no D-Bus secret service), a secret is kept in this object for the session only.
//
// GUI thread only. Keyring calls are asynchronous: callbacks run later on the GUI thread,
// and only while their `context` object still exists.

#include "app/core/PacsNodeStore.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <vector>

namespace radpath::app {

class PacsSecretStore : public QObject {
    Q_OBJECT
public:
    enum class Keyring { Unknown, Available, Unavailable };

    /// `service` names RadPath's entries in the keyring (tests pass a name of their own).
    explicit PacsSecretStore(QString service = QStringLiteral("RadPath"), QObject* parent = nullptr);
    ~PacsSecretStore() override;

    Keyring keyring() const { return m_keyring; }
    /// What the keyring answered when it was found unavailable.
    QString keyringError() const { return m_keyringError; }
    /// Asks the keyring once whether it works (a read of an entry that need not exist);
    /// later calls answer from what was learnt, at once.
    void probe(QObject* context, std::function<void(Keyring, const QString& error)> done);

    /// The node's secret: its plain-text one when it has it in the settings, else this
    /// session's copy, else the keyring's. `found` is false when there is none.
    void read(const PacsNodeConfig& node, QObject* context,
              std::function<void(const QString& secret, bool found)> done);
    /// Keeps `secret` for this session at once and writes it to the keyring; `stored` says
    /// whether the keyring took it (false: session only, `error` says why).
    void write(const QString& nodeId, const QString& secret, QObject* context,
               std::function<void(bool stored, const QString& error)> done = {});
    /// Forgets the node's secret here and in the keyring.
    void remove(const QString& nodeId);

    /// This session's copy (empty when none).
    QString sessionSecret(const QString& nodeId) const { return m_session.value(nodeId); }
    bool hasSessionSecret(const QString& nodeId) const { return m_session.contains(nodeId); }

private:
    QString key(const QString& nodeId) const;
    void learn(bool available, const QString& error);

    QString m_service;
    Keyring m_keyring = Keyring::Unknown;
    QString m_keyringError;
    bool m_probing = false;
    std::vector<std::function<void()>> m_probeWaiters;
    QHash<QString, QString> m_session;
};

} // namespace radpath::app

#pragma once
// The form of one PACS node: name; DIMSE (AE title, host, port, TLS with its CA certificate
// and optional client certificate and key, each chosen as a file) or
// DICOMweb (base URL, none / basic / bearer authentication, password or token, the opt-in to
// plain-text storage and whether a keyring is there); "Test connection" runs a C-ECHO (or the
// DICOMweb check) as a job and shows the result under the button.

#include "app/core/JobRunner.h"
#include "app/core/PacsNodeStore.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace radpath::app {

class PacsSecretStore;

class PacsNodeEditor : public QWidget {
    Q_OBJECT
public:
    PacsNodeEditor(JobRunner& jobs, PacsSecretStore& secrets, QWidget* parent = nullptr);

    /// Shows `node`; its secret is looked up (keyring, session, settings) and filled in when found.
    void setNode(const PacsNodeConfig& node);
    /// The form's node; plainSecret holds the secret field only when plain-text storage is ticked.
    PacsNodeConfig node() const;
    QString secret() const;
    /// The user typed a secret (or changed where it is kept) since setNode.
    bool secretEdited() const { return m_secretEdited; }
    /// Puts `secret` in the field as if the user had typed it (the page remembers edits per node).
    void setEditedSecret(const QString& secret);
    /// RadPath's AE title and storage port, as the page has them now (for Test connection).
    void setIdentitySource(std::function<PacsLocalIdentity()> identity) { m_identity = std::move(identity); }
    /// Says under the secret what became of it (after the page saved it).
    void showSecretOutcome(bool ok, const QString& text);

signals:
    void edited();
    void testFinished(bool ok, const QString& message);

private:
    /// `edit` with a button beside it that picks a file for it.
    QLayout* fileRow(QLineEdit* edit, const QString& dialogTitle, const QString& filter);
    void updateVisibility();
    void updateProblems();
    void showKeyringState();
    void testConnection();
    void setStatus(QLabel* label, int state, const QString& text); ///< state: -1 bad, 0 neutral, 1 good

    JobRunner& m_jobs;
    PacsSecretStore& m_secrets;
    std::function<PacsLocalIdentity()> m_identity;
    QString m_id;
    bool m_loading = false;
    bool m_secretEdited = false;
    JobId m_testJob = 0;

    QLineEdit* m_name = nullptr;
    QComboBox* m_protocol = nullptr;
    QFormLayout* m_form = nullptr;
    QLineEdit* m_aeTitle = nullptr;
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QCheckBox* m_tls = nullptr;
    QLineEdit* m_tlsCa = nullptr;
    QLineEdit* m_tlsCertificate = nullptr;
    QLineEdit* m_tlsKey = nullptr;
    QLineEdit* m_url = nullptr;
    QComboBox* m_auth = nullptr;
    QLabel* m_userLabel = nullptr;
    QLineEdit* m_user = nullptr;
    QLabel* m_secretLabel = nullptr;
    QLineEdit* m_secret = nullptr;
    QCheckBox* m_plainText = nullptr;
    QLabel* m_keyring = nullptr;
    QLabel* m_problems = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_testResult = nullptr;
};

} // namespace radpath::app

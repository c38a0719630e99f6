#include "app/gui/PacsNodeEditor.h"

#include "app/core/JobTaskControl.h"
#include "app/core/PacsConnection.h"
#include "app/core/PacsSecretStore.h"
#include "viewer/net/PacsError.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace radpath::app {
namespace {

// The rows of the form, in order.
enum FormRow {
    kNameRow,
    kProtocolRow,
    kAeTitleRow,
    kHostRow,
    kPortRow,
    kTlsCaRow,
    kTlsCertificateRow,
    kTlsKeyRow,
    kUrlRow,
    kAuthRow,
    kUserRow,
    kSecretRow,
    kPlainTextRow,
    kKeyringRow,
};

} // namespace

PacsNodeEditor::PacsNodeEditor(JobRunner& jobs, PacsSecretStore& secrets, QWidget* parent)
    : QWidget(parent), m_jobs(jobs), m_secrets(secrets)
{
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("pacsNodeName"));
    m_protocol = new QComboBox(this);
    m_protocol->setObjectName(QStringLiteral("pacsProtocol"));
    m_protocol->addItem(tr("DICOM (DIMSE)"), int(PacsNodeConfig::Protocol::Dimse));
    m_protocol->addItem(tr("DICOMweb"), int(PacsNodeConfig::Protocol::DicomWeb));

    m_aeTitle = new QLineEdit(this);
    m_aeTitle->setObjectName(QStringLiteral("pacsAeTitle"));
    m_aeTitle->setMaxLength(16);
    m_aeTitle->setPlaceholderText(tr("e.g. PACS"));
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("pacsHost"));
    m_host->setPlaceholderText(tr("host name or address"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("pacsPort"));
    m_port->setRange(1, 65535);
    m_tls = new QCheckBox(tr("TLS"), this);
    m_tls->setObjectName(QStringLiteral("pacsTls"));
    m_tls->setToolTip(tr("DICOM TLS: the PACS must show a certificate for this host, signed by the CA"));
    m_tlsCa = new QLineEdit(this);
    m_tlsCa->setObjectName(QStringLiteral("pacsTlsCa"));
    m_tlsCa->setPlaceholderText(tr("the system's trusted certificates"));
    m_tlsCertificate = new QLineEdit(this);
    m_tlsCertificate->setObjectName(QStringLiteral("pacsTlsCertificate"));
    m_tlsCertificate->setPlaceholderText(tr("none (optional)"));
    m_tlsKey = new QLineEdit(this);
    m_tlsKey->setObjectName(QStringLiteral("pacsTlsKey"));
    m_tlsKey->setPlaceholderText(tr("none (optional)"));
    auto* portRow = new QHBoxLayout;
    portRow->addWidget(m_port);
    portRow->addWidget(m_tls);
    portRow->addStretch(1);

    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("pacsBaseUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://pacs.example.org/dicom-web"));
    m_auth = new QComboBox(this);
    m_auth->setObjectName(QStringLiteral("pacsAuth"));
    m_auth->addItem(tr("None"), int(PacsNodeConfig::Auth::None));
    m_auth->addItem(tr("Basic (user and password)"), int(PacsNodeConfig::Auth::Basic));
    m_auth->addItem(tr("Bearer token"), int(PacsNodeConfig::Auth::Bearer));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("pacsUser"));
    m_userLabel = new QLabel(tr("User"), this);
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("pacsSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secretLabel = new QLabel(tr("Password"), this);
    m_plainText = new QCheckBox(tr("Store in the settings file (plain text)"), this);
    m_plainText->setObjectName(QStringLiteral("pacsPlainTextSecret"));
    m_plainText->setToolTip(tr("Only if no keyring is available and you accept that anyone who can read "
                               "the settings file can read the secret"));
    m_keyring = new QLabel(this);
    m_keyring->setObjectName(QStringLiteral("pacsKeyringStatus"));
    m_keyring->setWordWrap(true);
    m_keyring->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("pacsNodeProblems"));
    m_problems->setWordWrap(true);
    m_test = new QPushButton(tr("Test connection"), this);
    m_test->setObjectName(QStringLiteral("pacsTestConnection"));
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("pacsTestResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // One form, its rows shown for the protocol and authentication chosen.
    m_form = new QFormLayout;
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->addRow(tr("Name"), m_name);
    m_form->addRow(tr("Protocol"), m_protocol);
    m_form->addRow(tr("AE title"), m_aeTitle);
    m_form->addRow(tr("Host"), m_host);
    m_form->addRow(tr("Port"), portRow);
    const QString pem = tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)");
    m_form->addRow(tr("CA certificate"), fileRow(m_tlsCa, tr("Trusted CA certificate"), pem));
    m_form->addRow(tr("Client certificate"), fileRow(m_tlsCertificate, tr("RadPath's client certificate"), pem));
    m_form->addRow(tr("Client key"), fileRow(m_tlsKey, tr("Private key of the client certificate"), pem));
    m_form->addRow(tr("Base URL"), m_url);
    m_form->addRow(tr("Authentication"), m_auth);
    m_form->addRow(m_userLabel, m_user);
    m_form->addRow(m_secretLabel, m_secret);
    m_form->addRow(QString(), m_plainText);
    m_form->addRow(QString(), m_keyring);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_form);
    layout->addWidget(m_problems);
    layout->addLayout(testRow);
    layout->addStretch(1);

    const auto changed = [this] {
        if (m_loading)
            return;
        updateVisibility();
        updateProblems();
        emit edited();
    };
    for (QLineEdit* edit : {m_name, m_aeTitle, m_host, m_url, m_user})
        connect(edit, &QLineEdit::textEdited, this, changed);
    for (QLineEdit* edit : {m_tlsCa, m_tlsCertificate, m_tlsKey})
        connect(edit, &QLineEdit::textChanged, this, changed); // typed or chosen
    connect(m_tls, &QCheckBox::toggled, this, changed);
    connect(m_port, &QSpinBox::valueChanged, this, changed);
    connect(m_protocol, &QComboBox::currentIndexChanged, this, changed);
    connect(m_auth, &QComboBox::currentIndexChanged, this, changed);
    connect(m_secret, &QLineEdit::textEdited, this, [this, changed] {
        m_secretEdited = true;
        changed();
    });
    // Where the secret is kept changed: it must be saved anew, there.
    connect(m_plainText, &QCheckBox::toggled, this, [this, changed] {
        if (!m_loading)
            m_secretEdited = true;
        changed();
    });
    connect(m_test, &QPushButton::clicked, this, &PacsNodeEditor::testConnection);
    connect(&m_jobs, &JobRunner::jobFinished, this, [this](JobId id, JobStatus status, const QString&) {
        if (id != m_testJob)
            return;
        m_testJob = 0;
        m_test->setEnabled(true);
        if (status == JobStatus::Cancelled)
            setStatus(m_testResult, 0, tr("Test cancelled."));
    });
    setNode(PacsNodeStore::newNode());
}

void PacsNodeEditor::setNode(const PacsNodeConfig& node)
{
    m_loading = true;
    m_id = node.id;
    m_secretEdited = false;
    m_name->setText(node.name);
    m_protocol->setCurrentIndex(qMax(0, m_protocol->findData(int(node.protocol))));
    m_aeTitle->setText(node.aeTitle);
    m_host->setText(node.host);
    m_port->setValue(node.port);
    m_tls->setChecked(node.tls);
    m_tlsCa->setText(node.tlsCaFile);
    m_tlsCertificate->setText(node.tlsCertificateFile);
    m_tlsKey->setText(node.tlsKeyFile);
    m_url->setText(node.baseUrl);
    m_auth->setCurrentIndex(qMax(0, m_auth->findData(int(node.auth))));
    m_user->setText(node.username);
    m_plainText->setChecked(node.secretInSettings);
    m_secret->clear();
    m_testResult->clear();
    m_loading = false;
    updateVisibility();
    updateProblems();
    if (node.needsSecret()) {
        const QString id = node.id;
        m_secrets.read(node, this, [this, id](const QString& secret, bool found) {
            if (found && id == m_id && !m_secretEdited)
                m_secret->setText(secret);
        });
    }
}

PacsNodeConfig PacsNodeEditor::node() const
{
    PacsNodeConfig n;
    n.id = m_id;
    n.name = m_name->text().trimmed();
    n.protocol = PacsNodeConfig::Protocol(m_protocol->currentData().toInt());
    n.aeTitle = m_aeTitle->text();
    n.host = m_host->text().trimmed();
    n.port = m_port->value();
    n.tls = m_tls->isChecked();
    if (n.tls) {
        n.tlsCaFile = m_tlsCa->text().trimmed();
        n.tlsCertificateFile = m_tlsCertificate->text().trimmed();
        n.tlsKeyFile = m_tlsKey->text().trimmed();
    }
    n.baseUrl = m_url->text().trimmed();
    n.auth = PacsNodeConfig::Auth(m_auth->currentData().toInt());
    n.username = m_user->text();
    n.secretInSettings = n.needsSecret() && m_plainText->isChecked();
    if (n.secretInSettings)
        n.plainSecret = m_secret->text();
    return n;
}

QString PacsNodeEditor::secret() const
{
    return m_secret->text();
}

void PacsNodeEditor::setEditedSecret(const QString& secret)
{
    m_secret->setText(secret);
    m_secretEdited = true;
}

void PacsNodeEditor::showSecretOutcome(bool ok, const QString& text)
{
    setStatus(m_keyring, ok ? 0 : -1, text);
}

QLayout* PacsNodeEditor::fileRow(QLineEdit* edit, const QString& dialogTitle, const QString& filter)
{
    auto* choose = new QToolButton(this);
    choose->setText(QStringLiteral("…"));
    choose->setToolTip(tr("Choose a file"));
    connect(choose, &QToolButton::clicked, this, [this, edit, dialogTitle, filter] {
        const QString file = QFileDialog::getOpenFileName(this, dialogTitle, edit->text(), filter);
        if (!file.isEmpty())
            edit->setText(file);
    });
    auto* row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(choose);
    return row;
}

void PacsNodeEditor::updateVisibility()
{
    const bool web = m_protocol->currentData().toInt() == int(PacsNodeConfig::Protocol::DicomWeb);
    const auto auth = PacsNodeConfig::Auth(m_auth->currentData().toInt());
    const bool secret = web && auth != PacsNodeConfig::Auth::None;
    for (int row : {kAeTitleRow, kHostRow, kPortRow})
        m_form->setRowVisible(row, !web);
    for (int row : {kTlsCaRow, kTlsCertificateRow, kTlsKeyRow})
        m_form->setRowVisible(row, !web && m_tls->isChecked());
    m_form->setRowVisible(kUrlRow, web);
    m_form->setRowVisible(kAuthRow, web);
    m_form->setRowVisible(kUserRow, web && auth == PacsNodeConfig::Auth::Basic);
    m_secretLabel->setText(auth == PacsNodeConfig::Auth::Bearer ? tr("Token") : tr("Password"));
    for (int row : {kSecretRow, kPlainTextRow, kKeyringRow})
        m_form->setRowVisible(row, secret);
    if (secret)
        showKeyringState();
}

void PacsNodeEditor::showKeyringState()
{
    if (m_plainText->isChecked()) {
        setStatus(m_keyring, -1,
                  tr("The secret will be written to the settings file as plain text: anyone who can read "
                     "that file can read it."));
        return;
    }
    setStatus(m_keyring, 0, tr("Looking for the system keyring…"));
    m_secrets.probe(this, [this](PacsSecretStore::Keyring state, const QString& error) {
        if (m_plainText->isChecked())
            return;
        if (state == PacsSecretStore::Keyring::Available)
            setStatus(m_keyring, 1, tr("The secret is kept in the system keyring."));
        else
            setStatus(m_keyring, -1,
                      tr("No keyring service is available (the keyring answered: %1). The secret is kept for this "
                         "session only; "
                         "tick “Store in the settings file (plain text)” to keep it across restarts.")
                          .arg(error));
    });
}

void PacsNodeEditor::updateProblems()
{
    const QStringList problems = PacsNodeStore::problems(node());
    m_problems->setVisible(!problems.isEmpty());
    setStatus(m_problems, -1, problems.join(QLatin1Char(' ')));
    m_test->setEnabled(problems.isEmpty() && m_testJob == 0);
}

void PacsNodeEditor::testConnection()
{
    const PacsNodeConfig config = node();
    const PacsLocalIdentity identity = m_identity ? m_identity() : PacsLocalIdentity{};
    std::shared_ptr<const PacsConnection> connection;
    try {
        connection = makePacsConnection(config, identity, secret());
    } catch (const std::exception& e) {
        setStatus(m_testResult, -1, tr("Connection failed: %1").arg(QString::fromUtf8(e.what())));
        emit testFinished(false, m_testResult->text());
        return;
    }
    const QString peer = connection->describe();
    m_test->setEnabled(false);
    setStatus(m_testResult, 0, tr("Testing %1…").arg(peer));
    m_testJob = m_jobs.run<qint64>(
        tr("Testing connection to %1").arg(config.name), this,
        [connection](JobContext& ctx) {
            QElapsedTimer clock;
            clock.start();
            connection->verify(taskControlFor(ctx));
            return clock.elapsed();
        },
        [this, peer](qint64 ms) {
            setStatus(m_testResult, 1, tr("Connection works: %1 answered in %2 ms.").arg(peer).arg(ms));
            emit testFinished(true, m_testResult->text());
        },
        [this](const QString& message) {
            setStatus(m_testResult, -1, tr("Connection failed: %1").arg(message));
            emit testFinished(false, m_testResult->text());
        });
}

void PacsNodeEditor::setStatus(QLabel* label, int state, const QString& text)
{
    static const char* const colours[] = {"#c62828", "", "#2e7d32"};
    const char* colour = colours[qBound(-1, state, 1) + 1];
    label->setStyleSheet(*colour ? QStringLiteral("color: %1;").arg(QLatin1String(colour)) : QString());
    label->setText(text);
}

} // namespace radpath::app

#include "app/gui/PacsSettingsPage.h"

#include "app/core/AppSettings.h"
#include "app/core/PacsSecretStore.h"
#include "app/gui/PacsNodeEditor.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace radpath::app {

PacsSettingsPage::PacsSettingsPage(JobRunner& jobs, AppSettings& settings, PacsSecretStore& secrets, QWidget* parent)
    : QWidget(parent), m_settings(settings), m_secrets(secrets)
{
    setObjectName(QStringLiteral("pacsSettingsPage"));
    const PacsNodeStore store(settings.store());
    m_nodes = store.nodes();

    auto* remote = new QGroupBox(tr("Remote nodes"), this);
    m_list = new QListWidget(remote);
    m_list->setObjectName(QStringLiteral("pacsNodeList"));
    m_list->setMinimumWidth(180);
    auto* add = new QPushButton(tr("Add"), remote);
    add->setObjectName(QStringLiteral("pacsAddNode"));
    m_remove = new QPushButton(tr("Remove"), remote);
    m_remove->setObjectName(QStringLiteral("pacsRemoveNode"));
    m_editor = new PacsNodeEditor(jobs, secrets, remote);
    m_editor->setObjectName(QStringLiteral("pacsNodeEditor"));
    m_editor->setIdentitySource([this] { return localIdentity(); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto* left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(buttons);
    auto* remoteLayout = new QHBoxLayout(remote);
    remoteLayout->addLayout(left);
    remoteLayout->addWidget(m_editor, 1);

    const PacsLocalIdentity identity = store.localIdentity();
    auto* local = new QGroupBox(tr("This computer"), this);
    m_localAe = new QLineEdit(identity.aeTitle, local);
    m_localAe->setObjectName(QStringLiteral("pacsLocalAeTitle"));
    m_localAe->setMaxLength(16);
    m_storagePort = new QSpinBox(local);
    m_storagePort->setObjectName(QStringLiteral("pacsStoragePort"));
    m_storagePort->setRange(1, 65535);
    m_storagePort->setValue(identity.storagePort);
    m_storagePort->setToolTip(tr("RadPath listens on this port while a C-MOVE runs; the PACS must know "
                                 "RadPath's AE title with this computer's address and this port"));
    auto* localForm = new QFormLayout(local);
    localForm->addRow(tr("RadPath's AE title"), m_localAe);
    localForm->addRow(tr("Storage port (C-MOVE)"), m_storagePort);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(remote, 1);
    layout->addWidget(local);

    for (const PacsNodeConfig& n : m_nodes)
        m_list->addItem(itemText(n));
    connect(add, &QPushButton::clicked, this, &PacsSettingsPage::addNode);
    connect(m_remove, &QPushButton::clicked, this, &PacsSettingsPage::removeCurrentNode);
    connect(m_list, &QListWidget::currentRowChanged, this, &PacsSettingsPage::showNode);
    connect(m_editor, &PacsNodeEditor::edited, this, &PacsSettingsPage::takeEdits);
    selectNode(store.lastNodeId());
    showNode(m_list->currentRow());
}

QString PacsSettingsPage::itemText(const PacsNodeConfig& node) const
{
    return node.name.isEmpty() ? tr("(unnamed)") : node.name;
}

PacsLocalIdentity PacsSettingsPage::localIdentity() const
{
    PacsLocalIdentity identity;
    identity.aeTitle = m_localAe->text();
    identity.storagePort = m_storagePort->value();
    return identity;
}

void PacsSettingsPage::selectNode(const QString& id)
{
    int row = m_nodes.isEmpty() ? -1 : 0;
    for (int i = 0; i < m_nodes.size(); ++i)
        if (m_nodes[i].id == id)
            row = i;
    m_list->setCurrentRow(row);
}

void PacsSettingsPage::takeEdits()
{
    if (m_row < 0 || m_row >= m_nodes.size())
        return;
    const PacsNodeConfig before = m_nodes[m_row];
    PacsNodeConfig n = m_editor->node();
    if (m_editor->secretEdited())
        m_edited.insert(n.id, m_editor->secret());
    if (!m_edited.contains(n.id)) { // where the secret is kept did not change
        n.secretInSettings = before.secretInSettings;
        n.plainSecret = before.plainSecret;
    }
    m_nodes[m_row] = n;
    if (QListWidgetItem* item = m_list->item(m_row))
        item->setText(itemText(n));
}

void PacsSettingsPage::showNode(int row)
{
    takeEdits();
    m_row = row;
    const bool valid = row >= 0 && row < m_nodes.size();
    m_editor->setEnabled(valid);
    m_remove->setEnabled(valid);
    if (!valid)
        return;
    m_editor->setNode(m_nodes[row]);
    if (m_edited.contains(m_nodes[row].id))
        m_editor->setEditedSecret(m_edited.value(m_nodes[row].id));
}

void PacsSettingsPage::addNode()
{
    takeEdits();
    PacsNodeConfig n = PacsNodeStore::newNode();
    n.name = tr("New PACS");
    m_nodes.append(n);
    m_list->addItem(itemText(n));
    m_list->setCurrentRow(int(m_nodes.size()) - 1);
}

void PacsSettingsPage::removeCurrentNode()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_nodes.size())
        return;
    m_removed << m_nodes[row].id;
    m_edited.remove(m_nodes[row].id);
    m_row = -1; // nothing of the removed node is taken back from the editor
    m_nodes.removeAt(row);
    delete m_list->takeItem(row);
    showNode(m_list->currentRow());
}

void PacsSettingsPage::apply()
{
    takeEdits();
    for (const QString& id : m_removed)
        m_secrets.remove(id);
    m_removed.clear();
    for (PacsNodeConfig& n : m_nodes) {
        if (!n.needsSecret()) {
            n.secretInSettings = false;
            n.plainSecret.clear();
            continue;
        }
        if (!m_edited.contains(n.id))
            continue;
        const QString secret = m_edited.value(n.id);
        if (n.secretInSettings) {
            n.plainSecret = secret; // the user's explicit choice
            m_secrets.remove(n.id);
            continue;
        }
        n.plainSecret.clear();
        if (secret.isEmpty()) {
            m_secrets.remove(n.id);
            continue;
        }
        const QString id = n.id;
        m_secrets.write(id, secret, this, [this, id](bool stored, const QString& error) {
            if (m_row < 0 || m_row >= m_nodes.size() || m_nodes[m_row].id != id)
                return;
            m_editor->showSecretOutcome(stored, stored ? tr("Saved in the system keyring.")
                                                       : tr("Not saved: no keyring service is available (the keyring "
                                                            "answered: %1). The secret is kept for this session only.")
                                                             .arg(error));
        });
    }
    m_edited.clear();
    PacsNodeStore store(m_settings.store());
    store.setNodes(m_nodes);
    store.setLocalIdentity(localIdentity());
    if (m_row >= 0 && m_row < m_nodes.size())
        store.setLastNodeId(m_nodes[m_row].id);
    m_settings.sync();
    // The form now shows what was saved (its edits are taken already).
    const int row = m_row;
    m_row = -1;
    showNode(row);
    emit applied();
}

} // namespace radpath::app

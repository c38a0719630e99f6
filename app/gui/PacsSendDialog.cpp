#include "app/gui/PacsSendDialog.h"

#include "app/core/AppSettings.h"
#include "app/core/PacsNodeStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace radpath::app {

PacsSendDialog::PacsSendDialog(AppSettings& settings, const QString& what, int files, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("pacsSendDialog"));
    setWindowTitle(tr("Send to PACS"));
    const PacsNodeStore store(settings.store());
    m_node = new QComboBox(this);
    m_node->setObjectName(QStringLiteral("pacsSendNode"));
    for (const PacsNodeConfig& n : store.nodes())
        m_node->addItem(n.label(), n.id);
    m_node->setCurrentIndex(qMax(0, m_node->findData(store.lastNodeId())));

    auto* intro = new QLabel(tr("Send %1 (%n file(s)) with C-STORE to:", nullptr, files).arg(what), this);
    intro->setWordWrap(true);
    auto* none = new QLabel(tr("No PACS node is set up yet: add one in Tools > Settings > PACS."), this);
    none->setVisible(m_node->count() == 0);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_send = buttons->addButton(tr("Send"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("pacsSendButton"));
    m_send->setEnabled(m_node->count() > 0 && files > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout;
    form->addRow(tr("PACS"), m_node);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(none);
    layout->addWidget(buttons);
}

QString PacsSendDialog::nodeId() const
{
    return m_node->currentData().toString();
}

void PacsSendDialog::setNodeId(const QString& id)
{
    m_node->setCurrentIndex(qMax(0, m_node->findData(id)));
}

} // namespace radpath::app

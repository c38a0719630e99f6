#include "app/gui/DataBrowserDock.h"

#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace radpath {
namespace app {
namespace {

void fill(QListWidget* list, const QStringList& paths)
{
    list->clear();
    for (const QString& path : paths) {
        auto* item = new QListWidgetItem(QFileInfo(path).fileName(), list);
        item->setToolTip(path);
        item->setData(Qt::UserRole, path);
    }
}

} // namespace

DataBrowserDock::DataBrowserDock(QWidget* parent) : QDockWidget(tr("Data"), parent)
{
    setObjectName(QStringLiteral("dataBrowserDock"));
    auto* body = new QWidget(this);
    m_open = new QListWidget(body);
    m_open->setObjectName(QStringLiteral("openDocuments"));
    m_recent = new QListWidget(body);
    m_recent->setObjectName(QStringLiteral("recentFiles"));
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(new QLabel(tr("Open"), body));
    layout->addWidget(m_open);
    layout->addWidget(new QLabel(tr("Recent"), body));
    layout->addWidget(m_recent);
    setWidget(body);
    for (QListWidget* list : {m_open, m_recent})
        connect(list, &QListWidget::itemActivated, this,
                [this](QListWidgetItem* item) { emit openRequested(item->data(Qt::UserRole).toString()); });
}

void DataBrowserDock::setOpenDocuments(const QStringList& paths) { fill(m_open, paths); }
void DataBrowserDock::setRecentFiles(const QStringList& paths) { fill(m_recent, paths); }

} // namespace app
} // namespace radpath

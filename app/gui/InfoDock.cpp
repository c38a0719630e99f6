#include "app/gui/InfoDock.h"

#include <QLabel>

namespace radpath::app {

InfoDock::InfoDock(const QString& title, const QString& objectName, const QString& emptyText, QWidget* parent)
    : QDockWidget(title, parent)
{
    setObjectName(objectName);
    auto* label = new QLabel(emptyText, this);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    label->setMargin(8);
    label->setEnabled(false);
    setWidget(label);
}

} // namespace radpath::app

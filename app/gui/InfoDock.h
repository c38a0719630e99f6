#pragma once
// A dock that states what it will hold, until the feature that fills it arrives.

#include <QDockWidget>

namespace radpath {
namespace app {

class InfoDock : public QDockWidget {
    Q_OBJECT
public:
    InfoDock(const QString& title, const QString& objectName, const QString& emptyText, QWidget* parent = nullptr);
};

} // namespace app
} // namespace radpath

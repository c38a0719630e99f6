#pragma once
// Open documents and recently opened files; activating one opens or shows it.

#include <QDockWidget>

class QListWidget;

namespace radpath {
namespace app {

class DataBrowserDock : public QDockWidget {
    Q_OBJECT
public:
    explicit DataBrowserDock(QWidget* parent = nullptr);
    void setOpenDocuments(const QStringList& paths);
    void setRecentFiles(const QStringList& paths);

signals:
    void openRequested(const QString& path);

private:
    QListWidget* m_open = nullptr;
    QListWidget* m_recent = nullptr;
};

} // namespace app
} // namespace radpath

#pragma once
// "Send to PACS…": which node receives a study or series from the Studies dock.

#include <QDialog>

class QComboBox;
class QPushButton;

namespace radpath::app {

class AppSettings;

class PacsSendDialog : public QDialog {
    Q_OBJECT
public:
    /// `what` names the study or series, `files` is how many files it has.
    PacsSendDialog(AppSettings& settings, const QString& what, int files, QWidget* parent = nullptr);

    QString nodeId() const;
    void setNodeId(const QString& id);

private:
    QComboBox* m_node = nullptr;
    QPushButton* m_send = nullptr;
};

} // namespace radpath::app

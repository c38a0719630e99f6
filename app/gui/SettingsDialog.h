#pragma once
// Preferences: tile cache, worker threads, AI device, language, theme, data folder and the
// Segment Editor's undo memory on the "General" page; other pages (PACS) are added by their
// owners.

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;
class QTabWidget;

namespace radpath {
namespace app {

class AppSettings;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(AppSettings& settings, QWidget* parent = nullptr);

    /// Writes the dialog's values to the settings (called on OK), then emits applied().
    void apply();
    /// A further page; it saves itself on applied().
    void addPage(QWidget* page, const QString& title);
    void showPage(QWidget* page);

signals:
    void applied();

private:
    AppSettings& m_settings;
    QTabWidget* m_pages = nullptr;
    QSpinBox* m_cache = nullptr;
    QSpinBox* m_threads = nullptr;
    QSpinBox* m_labelUndo = nullptr;
    QComboBox* m_device = nullptr;
    QComboBox* m_language = nullptr;
    QComboBox* m_theme = nullptr;
    QLineEdit* m_dataDir = nullptr;
};

} // namespace app
} // namespace radpath

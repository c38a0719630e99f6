#pragma once
// Preferences: tile cache, worker threads, AI device, language, theme, data folder.

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace radpath {
namespace app {

class AppSettings;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(AppSettings& settings, QWidget* parent = nullptr);

    /// Writes the dialog's values to the settings (called on OK).
    void apply();

private:
    AppSettings& m_settings;
    QSpinBox* m_cache = nullptr;
    QSpinBox* m_threads = nullptr;
    QComboBox* m_device = nullptr;
    QComboBox* m_language = nullptr;
    QComboBox* m_theme = nullptr;
    QLineEdit* m_dataDir = nullptr;
};

} // namespace app
} // namespace radpath

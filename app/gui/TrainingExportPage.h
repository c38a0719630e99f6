#pragma once
// The training wizard's last page: the trained package into the model library (the AI dock
// lists it at once), and the run written up as a PDF report and a predictions table.

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace radpath {
namespace app {

class TrainingWizard;

class TrainingExportPage : public QWizardPage {
    Q_OBJECT
public:
    explicit TrainingExportPage(TrainingWizard& wizard);

    void initializePage() override;

    /// The library folder: the settings' model folder, else <data dir>/models (then set as it).
    QString libraryFolder() const;
    /// Copies the package into the library, in a job (the button waits for it); the wizard's
    /// modelInstalled() says where it went, or the page shows why it did not.
    void install();
    bool isInstalling() const { return m_installing != 0; }
    /// Writes the PDF report; false with `error`.
    bool saveReport(const QString& path, QString* error);
    /// Writes the evaluation's per-image predictions as CSV; false with `error`.
    bool savePredictions(const QString& path, QString* error);

private:
    void updateState();

    TrainingWizard& m_wizard;
    quint64 m_installing = 0; ///< the copy's job, 0 when none runs
    QLabel* m_package = nullptr;
    QLabel* m_library = nullptr;
    QPushButton* m_install = nullptr;
    QLabel* m_installed = nullptr;
    QPushButton* m_report = nullptr;
    QPushButton* m_predictions = nullptr;
    QLabel* m_saved = nullptr;
};

} // namespace app
} // namespace radpath

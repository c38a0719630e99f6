#pragma once
// The training wizard's settings page: optimisation, early stopping, class weights,
// augmentation, device and threads, the seed and the model's name. "Save config…" writes
// them, with the data and model pages' choices, as the train.json radpath-cli train reads.

#include "radpath/ai/Engine.h"

#include <QJsonObject>
#include <QWizardPage>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace radpath {
namespace app {

class TrainingWizard;

class TrainingSettingsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit TrainingSettingsPage(TrainingWizard& wizard);

    void initializePage() override;
    bool isComplete() const override;

    /// The model's file name without ".pt", made from its name.
    QString fileStem() const;
    /// Its train.json keys: optimisation, augmentation, device, name, output, checkpoint...
    void describe(QJsonObject& json) const;
    /// Writes the whole configuration (all pages) as train.json; false with `error`.
    bool saveConfig(const QString& path, QString* error);
    /// Whether the engine's runtime is known (the CUDA choice depends on it).
    bool runtimeKnown() const { return m_runtime.has_value(); }

signals:
    void runtimeChecked();

private:
    void showRuntime(const ai::RuntimeInfo& info);
    void updateWorkFolder();
    /// Whether the model page's choice trains on volumes: U-Net 3-D, or a 3-D package.
    bool volumeModel() const;

    TrainingWizard& m_wizard;
    bool m_nameEdited = false;
    bool m_checkingRuntime = false;
    bool m_volume = false; ///< volumeModel() when the page was entered: elastic deformation applies
    std::optional<ai::RuntimeInfo> m_runtime;

    QSpinBox* m_epochs = nullptr;
    QSpinBox* m_batch = nullptr;
    QDoubleSpinBox* m_learningRate = nullptr;
    QComboBox* m_optimizer = nullptr;
    QDoubleSpinBox* m_weightDecay = nullptr;
    QComboBox* m_schedule = nullptr;
    QSpinBox* m_patience = nullptr;
    QComboBox* m_monitor = nullptr;
    QCheckBox* m_balanced = nullptr;
    QCheckBox* m_flips = nullptr;
    QCheckBox* m_rotate90 = nullptr;
    QDoubleSpinBox* m_rotation = nullptr;
    QDoubleSpinBox* m_scale = nullptr;
    QDoubleSpinBox* m_intensity = nullptr;
    QDoubleSpinBox* m_contrast = nullptr;
    QDoubleSpinBox* m_noise = nullptr;
    QDoubleSpinBox* m_elastic = nullptr;
    QComboBox* m_device = nullptr;
    QLabel* m_deviceNote = nullptr;
    QSpinBox* m_threads = nullptr;
    QSpinBox* m_seed = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_workFolder = nullptr;
    QLabel* m_saved = nullptr;
};

} // namespace app
} // namespace radpath

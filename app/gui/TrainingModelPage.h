#pragma once
// The training wizard's model page: a new network of the task's architectures, or a package
// of the model library (or any .pt) to fine-tune, optionally only its head; the width of
// the first layer, the input size and the channels.

#include <QJsonObject>
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace radpath {
namespace app {

class TrainingWizard;

class TrainingModelPage : public QWizardPage {
    Q_OBJECT
public:
    explicit TrainingModelPage(TrainingWizard& wizard);

    void initializePage() override;
    bool isComplete() const override;

    /// The engine's architecture name ("simple-cnn", ...), or "" when fine-tuning.
    QString architecture() const;
    /// The package to fine-tune, or "" for a new network.
    QString initialModel() const;
    /// Its train.json keys: "architecture", "inputSize", "channels", "baseFilters", "freezeFeatures",
    /// "freeze".
    void describe(QJsonObject& json) const;

private:
    void fillArchitectures();
    void fillPackages();
    void architectureChanged();
    void updateState();
    /// Lists the chosen package's layers to freeze (read by the engine, in the background).
    void listLayers();
    /// Why the choices cannot train, or "".
    QString problem() const;

    TrainingWizard& m_wizard;
    int m_filledFor = -1; ///< the task the lists were filled for

    QRadioButton* m_new = nullptr;
    QRadioButton* m_fineTune = nullptr;
    QComboBox* m_architecture = nullptr;
    QComboBox* m_package = nullptr;
    QPushButton* m_browse = nullptr;
    QCheckBox* m_freeze = nullptr;
    QListWidget* m_layers = nullptr; ///< the package's layers, checked ones frozen
    QString m_layersOf;              ///< the package m_layers lists
    QSpinBox* m_baseFilters = nullptr;
    QSpinBox* m_depth = nullptr;
    QSpinBox* m_height = nullptr;
    QSpinBox* m_width = nullptr;
    QLabel* m_depthLabel = nullptr;
    QComboBox* m_channels = nullptr;
    QLabel* m_inputNote = nullptr;
    QLabel* m_hint = nullptr;
};

} // namespace app
} // namespace radpath

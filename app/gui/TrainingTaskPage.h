#pragma once
// The training wizard's first page: what the model is to do.

#include "radpath/ai/Manifest.h"

#include <QJsonObject>
#include <QWizardPage>

class QRadioButton;

namespace radpath {
namespace app {

class TrainingWizard;

class TrainingTaskPage : public QWizardPage {
    Q_OBJECT
public:
    explicit TrainingTaskPage(TrainingWizard& wizard);

    ai::ModelTask task() const;
    void setTask(ai::ModelTask task);
    /// Its train.json key: "task".
    void describe(QJsonObject& json) const;

private:
    QRadioButton* m_classification = nullptr;
    QRadioButton* m_segmentation = nullptr;
    QRadioButton* m_tiles = nullptr;
};

} // namespace app
} // namespace radpath

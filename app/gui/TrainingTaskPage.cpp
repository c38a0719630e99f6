#include "app/gui/TrainingTaskPage.h"

#include "app/gui/TrainingWizard.h"

#include <QButtonGroup>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace radpath {
namespace app {
namespace {

QLabel* explanation(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setIndent(24);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

TrainingTaskPage::TrainingTaskPage(TrainingWizard& wizard) : QWizardPage(&wizard)
{
    setObjectName(QStringLiteral("trainingTaskPage"));
    setTitle(tr("What should the model do?"));
    setSubTitle(tr("RadPath trains on your own labelled images and adds the model to your model library."));

    m_classification = new QRadioButton(tr("2-D image classification"), this);
    m_classification->setObjectName(QStringLiteral("taskClassification"));
    m_segmentation = new QRadioButton(tr("Segmentation (3-D volumes or 2-D images)"), this);
    m_segmentation->setObjectName(QStringLiteral("taskSegmentation"));
    m_tiles = new QRadioButton(tr("Slide tile classification"), this);
    m_tiles->setObjectName(QStringLiteral("taskTiles"));
    auto* group = new QButtonGroup(this);
    group->addButton(m_classification);
    group->addButton(m_segmentation);
    group->addButton(m_tiles);
    m_classification->setChecked(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_classification);
    layout->addWidget(explanation(tr("One label per image (e.g. normal / pneumonia) from class folders: "
                                     "train/<class>/, val/<class>/ and optionally test/<class>/, or only "
                                     "<class>/ folders, split for you. PNG, JPEG, TIFF, DICOM, NIfTI."),
                                  this));
    layout->addSpacing(8);
    layout->addWidget(m_segmentation);
    layout->addWidget(explanation(tr("A label per voxel or pixel from images paired with label maps of the same "
                                     "name: train/images/ with train/labels/ (and val/, test/), or images/ with "
                                     "labels/. U-Net 3-D for volumes, U-Net 2-D for 2-D images."),
                                  this));
    layout->addSpacing(8);
    layout->addWidget(m_tiles);
    layout->addWidget(explanation(tr("A class per tile of a whole-slide image, for heat maps over slides. Tiles are "
                                     "cut at a chosen size and µm per pixel from slides annotated beside them "
                                     "(SLIDE.geojson from QuPath, or ASAP's SLIDE.xml): train/ and val/ folders of "
                                     "slides, or the slides in one folder. A folder of tile images by class works "
                                     "too."),
                                  this));
    layout->addStretch();
}

ai::ModelTask TrainingTaskPage::task() const
{
    return m_segmentation->isChecked() ? ai::ModelTask::Segmentation
           : m_tiles->isChecked()      ? ai::ModelTask::TileClassification
                                       : ai::ModelTask::Classification;
}

void TrainingTaskPage::setTask(ai::ModelTask task)
{
    (task == ai::ModelTask::Segmentation         ? m_segmentation
     : task == ai::ModelTask::TileClassification ? m_tiles
                                                 : m_classification)
        ->setChecked(true);
}

void TrainingTaskPage::describe(QJsonObject& json) const
{
    const ai::ModelTask t = task();
    json[QStringLiteral("task")] = t == ai::ModelTask::Segmentation         ? QStringLiteral("segmentation")
                                   : t == ai::ModelTask::TileClassification ? QStringLiteral("tile-classification")
                                                                            : QStringLiteral("classification");
}

} // namespace app
} // namespace radpath

#include "app/gui/DeidentifyExportDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace radpath::app {

DeidentifyExportDialog::DeidentifyExportDialog(const QString& what, int files, QWidget* parent)
    : QDialog(parent), m_files(files)
{
    setObjectName(QStringLiteral("deidentifyExportDialog"));
    setWindowTitle(tr("Export de-identified"));

    auto* intro = new QLabel(tr("Write a de-identified copy of %1 (%n file(s)) by the DICOM Basic Application "
                                "Level Confidentiality Profile (PS3.15 Annex E).",
                                nullptr, files)
                                 .arg(what),
                             this);
    intro->setWordWrap(true);

    auto* dates = new QGroupBox(tr("Dates"), this);
    m_removeDates = new QRadioButton(tr("Remove dates"), dates);
    m_removeDates->setObjectName(QStringLiteral("deidRemoveDates"));
    m_removeDates->setChecked(true);
    m_keepDates = new QRadioButton(tr("Keep dates"), dates);
    m_keepDates->setObjectName(QStringLiteral("deidKeepDates"));
    m_shiftDates = new QRadioButton(tr("Shift dates by"), dates);
    m_shiftDates->setObjectName(QStringLiteral("deidShiftDates"));
    m_shiftDays = new QSpinBox(dates);
    m_shiftDays->setObjectName(QStringLiteral("deidShiftDays"));
    m_shiftDays->setRange(-36500, 36500);
    m_shiftDays->setValue(-100);
    m_shiftDays->setSuffix(tr(" days"));
    m_shiftDays->setEnabled(false);
    auto* shiftRow = new QHBoxLayout;
    shiftRow->addWidget(m_shiftDates);
    shiftRow->addWidget(m_shiftDays);
    shiftRow->addStretch(1);
    auto* datesLayout = new QVBoxLayout(dates);
    datesLayout->addWidget(m_removeDates);
    datesLayout->addWidget(m_keepDates);
    datesLayout->addLayout(shiftRow);

    m_keepCharacteristics = new QCheckBox(tr("Keep patient characteristics (sex, age, size, weight)"), this);
    m_keepCharacteristics->setObjectName(QStringLiteral("deidKeepCharacteristics"));

    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("deidOutputFolder"));
    m_folder->setPlaceholderText(tr("folder for the de-identified files"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(new QLabel(tr("Output folder"), this));
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);

    auto* note = new QLabel(tr("Pixel data is not changed: text burned into the images stays. Files that may "
                               "carry it are named in the summary."),
                            this);
    note->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_export = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("deidExportButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_shiftDates, &QRadioButton::toggled, m_shiftDays, &QSpinBox::setEnabled);
    connect(m_folder, &QLineEdit::textChanged, this, &DeidentifyExportDialog::updateButtons);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Output folder"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(dates);
    layout->addWidget(m_keepCharacteristics);
    layout->addLayout(folderRow);
    layout->addWidget(note);
    layout->addWidget(buttons);
    updateButtons();
}

viewer::DeidentifyOptions DeidentifyExportDialog::options() const
{
    viewer::DeidentifyOptions o;
    if (m_keepDates->isChecked())
        o.dates = viewer::DeidentifyOptions::Dates::Keep;
    else if (m_shiftDates->isChecked())
        o.dates = viewer::DeidentifyOptions::Dates::Shift;
    o.shiftDays = m_shiftDays->value();
    o.keepPatientCharacteristics = m_keepCharacteristics->isChecked();
    return o;
}

QString DeidentifyExportDialog::outputFolder() const
{
    return m_folder->text().trimmed();
}

void DeidentifyExportDialog::setOutputFolder(const QString& folder)
{
    m_folder->setText(folder);
}

void DeidentifyExportDialog::updateButtons()
{
    m_export->setEnabled(m_files > 0 && !outputFolder().isEmpty());
}

} // namespace radpath::app

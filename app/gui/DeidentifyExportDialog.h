#pragma once
// "Export de-identified…": the PS3.15 options (dates removed, kept or shifted by N days; patient
// characteristics kept or not) and the output folder for a study or series of the Studies dock.

#include "viewer/io/DicomDeidentifier.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace radpath::app {

class DeidentifyExportDialog : public QDialog {
    Q_OBJECT
public:
    /// `what` names the study or series, `files` is how many files it has.
    DeidentifyExportDialog(const QString& what, int files, QWidget* parent = nullptr);

    viewer::DeidentifyOptions options() const;
    QString outputFolder() const;
    void setOutputFolder(const QString& folder);

private:
    void updateButtons();

    QRadioButton* m_removeDates = nullptr;
    QRadioButton* m_keepDates = nullptr;
    QRadioButton* m_shiftDates = nullptr;
    QSpinBox* m_shiftDays = nullptr;
    QCheckBox* m_keepCharacteristics = nullptr;
    QLineEdit* m_folder = nullptr;
    QPushButton* m_export = nullptr;
    int m_files = 0;
};

} // namespace radpath::app

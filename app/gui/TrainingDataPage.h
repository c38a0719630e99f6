#pragma once
// The training wizard's data page: a dataset folder, scanned in a job (names and headers
// only) and summarised: images per class and split, warnings and errors, a few thumbnails
// of each class, the files that cannot be used. Next waits for a scan without errors.

#include "app/core/JobRunner.h"

#include <QJsonObject>
#include <QWizardPage>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;
class QTimer;
class QToolButton;
class QTreeWidget;
class QVBoxLayout;

namespace radpath {
namespace app {

class TrainingWizard;
struct DataScanResult;

class TrainingDataPage : public QWizardPage {
    Q_OBJECT
public:
    explicit TrainingDataPage(TrainingWizard& wizard);

    void initializePage() override;
    bool isComplete() const override;

    QString folder() const;
    /// Scans the folder now (typing waits for a pause first).
    void scan();
    bool isScanning() const { return m_scanning != 0; }
    /// The side of slide tiles (tile classification), the model's input size.
    int tileSize() const;
    /// Its train.json keys: "data", "valFraction" and for slide tiles "mpp".
    void describe(QJsonObject& json) const;

signals:
    /// A scan's summary is shown.
    void scanFinished();

private:
    void browse();
    void showScan(const DataScanResult& result);
    void clearSummary(const QString& status);
    /// What the shown summary depends on: folder, task, split share, tile size and mpp.
    QString scanKey() const;

    TrainingWizard& m_wizard;
    JobId m_scanning = 0;
    quint64 m_generation = 0; ///< of the latest scan asked for; older results are dropped
    QString m_scannedKey;     ///< folder, task and split share of the shown scan

    QLineEdit* m_folder = nullptr;
    QDoubleSpinBox* m_valFraction = nullptr;
    QWidget* m_tileRow = nullptr;
    QSpinBox* m_tileSize = nullptr;
    QDoubleSpinBox* m_mpp = nullptr;
    QTimer* m_debounce = nullptr;
    QLabel* m_status = nullptr;
    QTableWidget* m_counts = nullptr;
    QLabel* m_warnings = nullptr;
    QLabel* m_errors = nullptr;
    QWidget* m_thumbnails = nullptr;
    QVBoxLayout* m_thumbnailRows = nullptr;
    QToolButton* m_skippedToggle = nullptr;
    QTreeWidget* m_skipped = nullptr;
};

} // namespace app
} // namespace radpath

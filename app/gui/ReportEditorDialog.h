#pragma once
// File > Report...: the clinician's text, the findings with a review status per row (accept,
// edit, reject), key images snapshotted from the current view, a live preview of the PDF's
// HTML, sign-off (then locked; later changes are addenda), export as PDF and as DICOM
// Encapsulated PDF into the study. Exports run off the GUI thread.

#include "app/core/ReportModel.h"

#include <QDialog>

#include <functional>

template <typename T> class QFutureWatcher;
class QCheckBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTextBrowser;
class QTimer;

namespace radpath::app {

class ReportEditorDialog : public QDialog {
    Q_OBJECT
public:
    /// `snapshot` renders the current view with its overlays (null image: nothing to show).
    /// The report is saved as JSON under `dataDir` when signed.
    ReportEditorDialog(Report report, std::function<QImage()> snapshot, QString dataDir, QWidget* parent = nullptr);

    const Report& report() const { return m_report; }
    /// The user a change is recorded for: the OS user unless set.
    void setUserName(const QString& user) { m_user = user; }
    /// Keeps the unsigned report at `path` as it changes (atomically, after each pause in
    /// typing), so closing the editor or RadPath loses nothing; removed once signed.
    void setDraftPath(const QString& path);
    /// Called with the index and the finding after each review made here, so the record the
    /// findings came from (the AI review of the image) learns of it too.
    void setReviewSink(std::function<void(int, const Finding&)> sink) { m_reviewSink = std::move(sink); }
    /// The AI finding with reviewed.id takes that review (made in the AI dock, or a corrected
    /// mask); nothing when signed or when no finding has that id.
    void updateFindingReview(const Finding& reviewed);
    /// A finding of the clinician's own (accepted as written); false when locked or empty.
    bool addClinicianFinding(const QString& label, const QString& text);
    /// Signs as `user` (no question asked); false as Report::sign is.
    bool signAs(const QString& user);

    /// Writes the PDF (de-identified when the box is checked) to `path` off the GUI thread;
    /// exported() or a message follows.
    void exportPdfTo(const QString& path);
    /// Writes the report as DICOM Encapsulated PDF into its study at `path`, off the GUI thread.
    void exportToStudyAt(const QString& path);

protected:
    void done(int result) override;

signals:
    void exported(const QString& path);
    void exportFailed(const QString& message);
    /// "Send to PACS…": the Encapsulated PDF last exported to the study.
    void sendRequested(const QString& path);

private:
    void fillFindings();
    void setStatus(int row, int statusIndex);
    void addKeyImage();
    void sign();
    void addAddendum();
    void exportPdf();
    void exportToStudy();
    void runExport(const QString& title, const QString& path, std::function<QString()> write);
    void schedulePreview();
    void saveDraft();
    void waitForDraftSave();
    bool saveSigned(); ///< at defaultPath; false (and a message) when it cannot be written
    void updatePreview();
    void updateLock();

    Report m_report;
    std::function<QImage()> m_snapshot;
    std::function<void(int, const Finding&)> m_reviewSink;
    QString m_dataDir, m_user;
    QPlainTextEdit* m_text = nullptr;
    QTableWidget* m_findings = nullptr;
    QListWidget* m_keyImages = nullptr;
    QTextBrowser* m_preview = nullptr;
    QCheckBox* m_deidentified = nullptr;
    QPushButton *m_addFinding = nullptr, *m_removeFinding = nullptr, *m_send = nullptr;
    QString m_studyExport, m_draftPath;
    bool m_changed = false, m_draftSaving = false, m_draftPending = false, m_signedUnsaved = false;
    QFutureWatcher<QString>* m_draftWatcher = nullptr;
    QLabel* m_draftState = nullptr;
    QPushButton *m_addKey = nullptr, *m_sign = nullptr, *m_addendum = nullptr, *m_toStudy = nullptr;
    QTimer* m_debounce = nullptr;
};

} // namespace radpath::app

#include "app/gui/ReportEditorDialog.h"

#include "app/core/AiReviewStore.h"
#include "app/core/ReportPdf.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <utility>

namespace radpath::app {
namespace {

constexpr int kPreviewDelayMs = 300;
constexpr int kStatusColumn = 4;

} // namespace

ReportEditorDialog::ReportEditorDialog(Report report, std::function<QImage()> snapshot, QString dataDir, QWidget* parent)
    : QDialog(parent), m_report(std::move(report)), m_snapshot(std::move(snapshot)), m_dataDir(std::move(dataDir)),
      m_user(currentUserName())
{
    setWindowTitle(tr("Report"));
    setObjectName(QStringLiteral("reportEditor"));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1200, 800);

    m_text = new QPlainTextEdit(m_report.clinicianText());
    m_text->setObjectName(QStringLiteral("reportText"));
    m_text->setPlaceholderText(tr("Findings and impression in your words"));
    m_findings = new QTableWidget(0, 5);
    m_findings->setObjectName(QStringLiteral("reportFindings"));
    m_findings->setHorizontalHeaderLabels({tr("Source"), tr("Finding"), tr("Result"), tr("Model"), tr("Review")});
    m_findings->horizontalHeader()->setStretchLastSection(true);
    m_findings->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_keyImages = new QListWidget;
    m_keyImages->setViewMode(QListView::IconMode);
    m_keyImages->setIconSize(QSize(96, 96));
    m_keyImages->setMaximumHeight(140);
    m_addFinding = new QPushButton(tr("Add finding…"));
    m_addFinding->setObjectName(QStringLiteral("reportAddFinding"));
    m_removeFinding = new QPushButton(tr("Remove"));
    m_removeFinding->setObjectName(QStringLiteral("reportRemoveFinding"));
    m_removeFinding->setToolTip(tr("Removes one of your own findings; AI findings are rejected instead"));
    m_addKey = new QPushButton(tr("Add key image"));
    m_addKey->setEnabled(bool(m_snapshot));
    m_preview = new QTextBrowser;
    m_preview->setObjectName(QStringLiteral("reportPreview"));
    m_deidentified = new QCheckBox(tr("De-identified"));

    auto* left = new QWidget;
    auto* column = new QVBoxLayout(left);
    column->addWidget(new QLabel(tr("Report text")));
    column->addWidget(m_text, 2);
    auto* findingRow = new QHBoxLayout;
    findingRow->addWidget(new QLabel(tr("Findings")));
    findingRow->addStretch();
    findingRow->addWidget(m_addFinding);
    findingRow->addWidget(m_removeFinding);
    column->addLayout(findingRow);
    column->addWidget(m_findings, 2);
    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(new QLabel(tr("Key images")));
    keyRow->addStretch();
    keyRow->addWidget(m_addKey);
    column->addLayout(keyRow);
    column->addWidget(m_keyImages);
    auto* splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(m_preview);

    m_sign = new QPushButton(tr("Sign…"));
    m_addendum = new QPushButton(tr("Add addendum…"));
    auto* pdf = new QPushButton(tr("Export PDF…"));
    m_toStudy = new QPushButton(tr("Export to study"));
    m_toStudy->setEnabled(!m_report.referenceSeries().isEmpty());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_sign, QDialogButtonBox::ActionRole);
    buttons->addButton(m_addendum, QDialogButtonBox::ActionRole);
    buttons->addButton(pdf, QDialogButtonBox::ActionRole);
    buttons->addButton(m_toStudy, QDialogButtonBox::ActionRole);
    // After an export to the study: the Encapsulated PDF to a PACS node.
    m_send = new QPushButton(tr("Send to PACS…"));
    m_send->setObjectName(QStringLiteral("reportSendButton"));
    m_send->setEnabled(false);
    buttons->addButton(m_send, QDialogButtonBox::ActionRole);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_deidentified);
    m_draftState = new QLabel;
    m_draftState->setObjectName(QStringLiteral("reportDraftState"));
    bottom->addWidget(m_draftState);
    bottom->addWidget(buttons, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kPreviewDelayMs);
    connect(m_debounce, &QTimer::timeout, this, &ReportEditorDialog::updatePreview);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (m_report.setClinicianText(m_text->toPlainText()))
            schedulePreview();
    });
    connect(m_deidentified, &QCheckBox::toggled, this, &ReportEditorDialog::schedulePreview);
    connect(m_addKey, &QPushButton::clicked, this, &ReportEditorDialog::addKeyImage);
    connect(m_addFinding, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Add finding"), tr("Finding (a short name, a colon, then the finding):"),
                                                   QLineEdit::Normal, QString(), &ok);
        if (ok)
            addClinicianFinding(text.section(QLatin1Char(':'), 0, 0).trimmed(), text.section(QLatin1Char(':'), 1).trimmed());
    });
    connect(m_removeFinding, &QPushButton::clicked, this, [this] {
        const int row = m_findings->currentRow();
        if (row >= 0 && !m_report.findings()[size_t(row)].isAi() && m_report.removeFinding(row)) {
            fillFindings();
            schedulePreview();
        }
    });
    connect(m_findings, &QTableWidget::currentCellChanged, this, &ReportEditorDialog::updateLock);
    connect(m_sign, &QPushButton::clicked, this, &ReportEditorDialog::sign);
    connect(m_addendum, &QPushButton::clicked, this, &ReportEditorDialog::addAddendum);
    connect(pdf, &QPushButton::clicked, this, &ReportEditorDialog::exportPdf);
    connect(m_toStudy, &QPushButton::clicked, this, &ReportEditorDialog::exportToStudy);
    connect(m_send, &QPushButton::clicked, this, [this] { emit sendRequested(m_studyExport); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (const KeyImage& k : m_report.keyImages())
        m_keyImages->addItem(new QListWidgetItem(QIcon(QPixmap::fromImage(k.image)), k.caption));
    fillFindings();
    updateLock();
    updatePreview();
}

void ReportEditorDialog::fillFindings()
{
    const auto& findings = m_report.findings();
    m_findings->setRowCount(int(findings.size()));
    for (int r = 0; r < int(findings.size()); ++r) {
        const Finding& f = findings[size_t(r)];
        const QStringList cells{f.sourceDisplayName(), f.label.isEmpty() ? f.text : f.label + QStringLiteral(": ") + f.text,
                                findingValueText(f), modelProvenanceText(f.model)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c == 3)
                item->setToolTip(f.model.weightsSha256);
            m_findings->setItem(r, c, item);
        }
        auto* combo = new QComboBox;
        for (ReviewStatus s : {ReviewStatus::Pending, ReviewStatus::Accepted, ReviewStatus::Edited, ReviewStatus::Rejected})
            combo->addItem(statusDisplayName(s));
        combo->setCurrentIndex(int(f.status));
        combo->setEnabled(!m_report.isSigned());
        connect(combo, qOverload<int>(&QComboBox::activated), this, [this, r](int index) { setStatus(r, index); });
        m_findings->setCellWidget(r, kStatusColumn, combo);
    }
    m_findings->resizeColumnsToContents();
}

void ReportEditorDialog::setStatus(int row, int statusIndex)
{
    const auto status = ReviewStatus(statusIndex);
    QString text;
    if (status == ReviewStatus::Edited) {
        bool ok = false;
        text = QInputDialog::getMultiLineText(this, tr("Edit finding"), tr("Finding:"),
                                              m_report.findings()[size_t(row)].text, &ok);
        if (!ok) {
            fillFindings(); // the combo goes back
            return;
        }
    }
    if (m_report.setFindingStatus(row, status, m_user, QDateTime::currentDateTimeUtc(), text) && m_reviewSink)
        m_reviewSink(row, m_report.findings()[size_t(row)]);
    fillFindings();
    schedulePreview();
}

bool ReportEditorDialog::addClinicianFinding(const QString& label, const QString& text)
{
    if (label.isEmpty() && text.isEmpty())
        return false;
    Finding f;
    f.source = FindingSource::Clinician;
    f.label = label;
    f.text = text;
    // The clinician's own finding needs no review of its own: it is accepted as written.
    f.review(ReviewStatus::Accepted, m_user, QDateTime::currentDateTimeUtc());
    if (!m_report.addFinding(f))
        return false;
    fillFindings();
    schedulePreview();
    return true;
}

void ReportEditorDialog::addKeyImage()
{
    const QImage image = m_snapshot ? m_snapshot() : QImage();
    if (image.isNull())
        return;
    const QString caption = tr("Key image %1").arg(m_report.keyImages().size() + 1);
    if (m_report.addKeyImage({image, caption})) {
        m_keyImages->addItem(new QListWidgetItem(QIcon(QPixmap::fromImage(image)), caption));
        schedulePreview();
    }
}

bool ReportEditorDialog::signAs(const QString& user)
{
    if (!m_report.sign(user, QDateTime::currentDateTimeUtc()))
        return false;
    m_user = user;
    m_changed = false;
    waitForDraftSave();
    m_signedUnsaved = !saveSigned();
    // The draft goes only once the signed report is safe.
    if (!m_signedUnsaved && !m_draftPath.isEmpty())
        QFile::remove(m_draftPath);
    m_draftState->clear();
    updateLock();
    fillFindings();
    updatePreview();
    return true;
}

bool ReportEditorDialog::saveSigned()
{
    if (m_dataDir.isEmpty())
        return true;
    QString error;
    if (m_report.save(m_report.defaultPath(m_dataDir), &error))
        return true;
    QMessageBox::warning(this, tr("Report"), error);
    return false;
}

void ReportEditorDialog::updateFindingReview(const Finding& reviewed)
{
    if (reviewed.id.isEmpty() || m_report.isSigned())
        return;
    const auto& findings = m_report.findings();
    for (size_t i = 0; i < findings.size(); ++i) {
        const Finding& f = findings[i];
        if (f.id != reviewed.id ||
            (f.status == reviewed.status && f.changedAt == reviewed.changedAt && f.text == reviewed.text))
            continue;
        // The AI dock's review (or a corrected mask) reaches the open report; not back again.
        m_report.setFindingStatus(int(i), reviewed.status, reviewed.changedBy, reviewed.changedAt, reviewed.text);
        fillFindings();
        schedulePreview();
        return;
    }
}

void ReportEditorDialog::sign()
{
    if (const int pending = m_report.pendingAiFindings()) {
        QMessageBox::information(this, tr("Sign report"),
                                 tr("%n AI finding(s) still wait for review: accept, edit or reject each first.", nullptr, pending));
        return;
    }
    bool ok = false;
    const QString user = QInputDialog::getText(this, tr("Sign report"), tr("Signed by:"), QLineEdit::Normal, m_user, &ok);
    if (ok && !user.trimmed().isEmpty())
        signAs(user.trimmed());
}

void ReportEditorDialog::addAddendum()
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Addendum"), tr("Addendum:"), QString(), &ok);
    if (ok && m_report.addAddendum(text, m_user, QDateTime::currentDateTimeUtc())) {
        if (!m_dataDir.isEmpty()) {
            QString error;
            if (!m_report.save(m_report.defaultPath(m_dataDir), &error))
                QMessageBox::warning(this, tr("Report"), error);
        }
        updatePreview();
    }
}

void ReportEditorDialog::exportPdf()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export PDF"), QDir::home().filePath(QStringLiteral("report.pdf")),
                                                      tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        exportPdfTo(path);
}

void ReportEditorDialog::exportToStudy()
{
    const QString key = m_report.studyInstanceUid().isEmpty() ? QStringLiteral("report") : m_report.studyInstanceUid();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export to study"), QDir(m_dataDir).filePath(QStringLiteral("reports/%1.pdf.dcm").arg(key)), tr("DICOM (*.dcm)"));
    if (!path.isEmpty())
        exportToStudyAt(path);
}

void ReportEditorDialog::exportPdfTo(const QString& path)
{
    ReportRenderOptions options;
    options.deidentified = m_deidentified->isChecked();
    runExport(tr("Export PDF"), path, [report = m_report, path, options] {
        QString error;
        writeReportPdf(report, path, options, &error);
        return error;
    });
}

void ReportEditorDialog::exportToStudyAt(const QString& path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    connect(this, &ReportEditorDialog::exported, m_send, [this, path](const QString& done) {
        if (done == path) {
            m_studyExport = path;
            m_send->setEnabled(true);
        }
    });
    runExport(tr("Export to study"), path, [report = m_report, path, user = m_user] {
        QString error;
        writeReportToStudy(report, path, user, &error);
        return error;
    });
}

void ReportEditorDialog::runExport(const QString& title, const QString& path, std::function<QString()> write)
{
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path, title] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (error.isEmpty()) {
            emit exported(path);
            return;
        }
        auto* box = new QMessageBox(QMessageBox::Warning, title, error, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open(); // non-modal: the editor stays usable
        emit exportFailed(error);
    });
    watcher->setFuture(QtConcurrent::run(std::move(write)));
}

void ReportEditorDialog::schedulePreview()
{
    m_changed = true;
    m_debounce->start();
}

void ReportEditorDialog::setDraftPath(const QString& path)
{
    m_draftPath = path;
}

void ReportEditorDialog::saveDraft()
{
    if (m_draftPath.isEmpty() || m_report.isSigned())
        return;
    if (m_draftSaving) {
        m_draftPending = true; // one save at a time, so an older one never overwrites a newer
        return;
    }
    m_draftSaving = true;
    auto* watcher = new QFutureWatcher<QString>(this);
    m_draftWatcher = watcher;
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        const QString error = watcher->result();
        watcher->deleteLater();
        m_draftSaving = false;
        m_draftWatcher = nullptr;
        if (m_report.isSigned()) {
            if (!m_signedUnsaved)
                QFile::remove(m_draftPath); // signed meanwhile: the signed report is the record
            return;
        }
        m_draftState->setText(error.isEmpty() ? tr("Draft saved") : tr("The draft is not saved: %1").arg(error));
        if (std::exchange(m_draftPending, false))
            saveDraft();
    });
    // The PNG encoding of key images takes a while: off the GUI thread.
    watcher->setFuture(QtConcurrent::run([report = m_report, path = m_draftPath] {
        QString error;
        report.save(path, &error);
        return error;
    }));
}

void ReportEditorDialog::waitForDraftSave()
{
    if (m_draftWatcher)
        m_draftWatcher->waitForFinished(); // an older save must not land after a newer one
    m_draftPending = false;
}

void ReportEditorDialog::done(int result)
{
    waitForDraftSave();
    if (m_report.isSigned() && m_signedUnsaved)
        m_signedUnsaved = !saveSigned(); // a last try: the signed report must not be lost silently
    // Closed within the typing pause: the last change is saved now, before the editor goes.
    if (m_changed && !m_draftPath.isEmpty() && !m_report.isSigned()) {
        QString error;
        if (!m_report.save(m_draftPath, &error))
            QMessageBox::warning(this, tr("Report"), error);
    }
    QDialog::done(result);
}

void ReportEditorDialog::updatePreview()
{
    ReportRenderOptions options;
    options.deidentified = m_deidentified->isChecked();
    addReportImages(*m_preview->document(), m_report);
    const int scroll = m_preview->verticalScrollBar() ? m_preview->verticalScrollBar()->value() : 0;
    m_preview->setHtml(reportHtml(m_report, options));
    m_preview->verticalScrollBar()->setValue(scroll);
    if (std::exchange(m_changed, false))
        saveDraft();
}

void ReportEditorDialog::updateLock()
{
    const bool locked = m_report.isSigned();
    m_text->setReadOnly(locked);
    m_addKey->setEnabled(!locked && bool(m_snapshot));
    m_addFinding->setEnabled(!locked);
    const int row = m_findings->currentRow();
    m_removeFinding->setEnabled(!locked && row >= 0 && row < int(m_report.findings().size()) &&
                                !m_report.findings()[size_t(row)].isAi());
    m_sign->setEnabled(!locked);
    m_addendum->setEnabled(locked);
    if (locked)
        setWindowTitle(tr("Report (signed by %1)").arg(m_report.signedBy()));
}

} // namespace radpath::app

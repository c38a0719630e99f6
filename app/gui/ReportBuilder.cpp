#include "app/gui/ReportBuilder.h"

#include "app/core/AiReviewStore.h"
#include "app/core/ReportSources.h"
#include "pathology/slide/SlideSource.h"
#include "pathology/view/SlideDocumentView.h"
#include "pathology/view/SlideView.h"
#include "viewer/model/Layers.h"
#include "viewer/view/SliceView.h"
#include "viewer/view/VolumeView.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QWidget>

#include <cmath>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace radpath::app {
namespace {

struct ReportBuilderText {
    Q_DECLARE_TR_FUNCTIONS(ReportBuilder)
};

/// A copy with its own voxels: the label maps may be edited while the job counts them.
viewer::Volume detached(const viewer::Volume& volume)
{
    viewer::Volume copy(volume.pixelType(), volume.geometry(), volume.components());
    std::memcpy(copy.data(), volume.data(), volume.byteSize());
    copy.info() = volume.info();
    return copy;
}

/// What the job needs, taken from the page on the GUI thread.
struct PageContent {
    QString documentPath, draftPath;
    std::vector<Finding> findings;
    QImage view;
    // A volume or image.
    viewer::Volume volume; ///< shares the voxels: an image is never edited
    std::vector<viewer::LabelMapLayer> labelMaps;
    std::vector<viewer::Measurement> measurements;
    // A slide.
    std::shared_ptr<const pathology::SlideSource> slide;
    std::vector<pathology::Annotation> annotations;
};

/// An AI finding whose mask was corrected gives the volume of the corrected mask (its row
/// of `rows`, one per label of each map in order); the model's own figure stays in its text.
void correctEditedVolume(Finding& f, const std::vector<viewer::LabelMapLayer>& labelMaps,
                         const std::vector<SegmentationRow>& rows)
{
    if (!f.isAiAssistedEdited() || !f.volumeMl)
        return;
    size_t row = 0;
    for (const viewer::LabelMapLayer& labels : labelMaps)
        for (const viewer::LabelEntry& entry : labels.table) {
            const double corrected = rows[row++].volumeMl;
            if (labels.ai.model != f.model.name.toStdString() || entry.name != f.label.toStdString() ||
                std::abs(corrected - *f.volumeMl) < 1e-9)
                continue;
            f.text = ReportBuilderText::tr("%1 (the model's: %2 mL)").arg(f.text).arg(*f.volumeMl, 0, 'f', 2);
            f.volumeMl = corrected;
            return;
        }
}

Report buildReport(const PageContent& page, const QString& dataDir, JobContext& ctx)
{
    ctx.setProgress(0.1, ReportBuilderText::tr("reading the header"));
    Report report;
    if (page.slide) {
        PatientHeader header;
        header.studyDescription = QFileInfo(page.documentPath).fileName();
        report.setHeader(header);
    } else {
        readDicomHeader(page.documentPath, report);
    }
    // A signed report of this study is shown as it was signed; addenda go onto it.
    if (!report.studyInstanceUid().isEmpty()) {
        QString ignored;
        if (auto saved = Report::load(report.defaultPath(dataDir), &ignored); saved && saved->isSigned())
            return *saved;
    }
    // The clinician's part of a draft comes back; without one the view is the first key image.
    std::vector<Finding> ownFindings;
    QString ignored;
    if (const auto draft = QFileInfo::exists(page.draftPath) ? Report::load(page.draftPath, &ignored) : std::nullopt;
        draft && !draft->isSigned()) {
        report.setPseudonym(draft->pseudonym());
        report.setCreatedAt(draft->createdAt());
        report.setClinicianText(draft->clinicianText());
        for (const KeyImage& k : draft->keyImages())
            report.addKeyImage(k);
        for (const Finding& f : draft->findings())
            if (!f.isAi())
                ownFindings.push_back(f);
    } else if (!page.view.isNull()) {
        report.addKeyImage({page.view, ReportBuilderText::tr("The view when the report was started")});
    }
    if (page.slide) {
        for (const Finding& f : page.findings)
            report.addFinding(f);
        for (const Finding& f : ownFindings)
            report.addFinding(f);
        ctx.setProgress(0.4, ReportBuilderText::tr("drawing the slide overview"));
        report.setSlideOverview(slideOverview(*page.slide, page.annotations));
        return report;
    }
    report.setMeasurements(measurementRows(page.measurements, page.volume));
    std::vector<SegmentationRow> rows;
    for (size_t i = 0; i < page.labelMaps.size(); ++i) {
        if (ctx.isCancelled())
            throw std::runtime_error("cancelled");
        ctx.setProgress(0.3 + 0.7 * double(i) / double(page.labelMaps.size()),
                        ReportBuilderText::tr("label statistics"));
        for (const SegmentationRow& row : segmentationRows(page.labelMaps[i], page.volume))
            rows.push_back(row);
    }
    report.setSegmentationRows(rows);
    for (Finding f : page.findings) {
        correctEditedVolume(f, page.labelMaps, rows);
        report.addFinding(f);
    }
    for (const Finding& f : ownFindings)
        report.addFinding(f);
    return report;
}

} // namespace

QImage viewSnapshot(QWidget* page)
{
    if (auto* slidePage = qobject_cast<pathology::SlideDocumentView*>(page))
        return slidePage->slideView()->grab().toImage();
    if (auto* volumeView = qobject_cast<viewer::VolumeView*>(page))
        if (QImage image = volumeView->snapshot(); !image.isNull())
            return image;
    return page ? page->grab().toImage() : QImage();
}

QString reportDraftPath(const QString& dataDir, QWidget* page)
{
    if (!qobject_cast<viewer::VolumeView*>(page) && !qobject_cast<pathology::SlideDocumentView*>(page))
        return {};
    const QByteArray key = QCryptographicHash::hash(page->property("documentPath").toString().toUtf8(),
                                                    QCryptographicHash::Sha1)
                               .toHex()
                               .left(16);
    return QDir(dataDir).filePath(QStringLiteral("reports/drafts/%1.json").arg(QString::fromLatin1(key)));
}

JobId prepareReport(JobRunner& jobs, QWidget* page, AiReviewStore& reviews, const QString& dataDir, QObject* context,
                    std::function<void(Report)> done, std::function<void(QString)> failed)
{
    auto* volumeView = qobject_cast<viewer::VolumeView*>(page);
    auto* slidePage = qobject_cast<pathology::SlideDocumentView*>(page);
    if (!volumeView && !slidePage)
        return 0;
    PageContent content;
    content.documentPath = page->property("documentPath").toString();
    content.draftPath = reportDraftPath(dataDir, page);
    content.findings = reviews.findings(content.documentPath);
    content.view = viewSnapshot(page);
    if (volumeView) {
        content.volume = volumeView->volume();
        content.measurements = volumeView->sliceView()->measurements();
        const viewer::LayerStack* layers = volumeView->layers();
        for (int i = 0; layers && i < layers->count(); ++i)
            if (const viewer::LabelMapLayer* labels = layers->labelMapAt(i)) {
                viewer::LabelMapLayer copy = *labels;
                copy.labels = detached(labels->labels);
                content.labelMaps.push_back(std::move(copy));
            }
    } else {
        pathology::SlideView* view = slidePage->slideView();
        content.slide = view->sharedSlide();
        content.annotations = view->annotations().annotations().toVector();
        if (!content.slide)
            return 0;
    }
    return jobs.run<Report>(
        ReportBuilderText::tr("Preparing the report"), context,
        [content = std::move(content), dataDir](JobContext& ctx) { return buildReport(content, dataDir, ctx); },
        std::move(done),
        [failed = std::move(failed)](const QString& message) {
            if (failed)
                failed(message);
        });
}

} // namespace radpath::app

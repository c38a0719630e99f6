#pragma once
// The report File > Report… opens for the page in front: a signed report saved for its
// study, or a new one filled from what the page shows. For a volume or image: the header
// from its DICOM files (the file name otherwise), the AI findings of the image with their
// review status, the measurements, per-label statistics of its label maps (AI ones marked,
// and as edited once corrected) and the view as first key image. For a slide: its thumbnail
// with the annotations drawn over it, their class area table and the AI findings. A draft
// left unsigned (reportDraftPath) gives back the clinician's part (text, own findings, key
// images); what comes from the image is always taken anew. What is
// copied from the page is taken on the GUI thread; reading files and counting voxels run as
// a job, so the window never waits.

#include "app/core/JobRunner.h"
#include "app/core/ReportModel.h"

#include <QImage>
#include <QString>

#include <functional>

class QWidget;

namespace radpath::app {

class AiReviewStore;

/// The page's view as a key image shows it: a slide page's slide view (without its panels),
/// any other page whole. Null without a page.
QImage viewSnapshot(QWidget* page);

/// Where the unsigned report of the page is kept while it is written:
/// <dataDir>/reports/drafts/<SHA-1 of the page's document path, 16 hex digits>.json; "" for
/// a page that is neither image nor slide.
QString reportDraftPath(const QString& dataDir, QWidget* page);

/// Starts the job; `done` receives the report on the GUI thread, `failed` a message naming
/// the file and the problem. Nothing happens for a page that is neither image nor slide.
JobId prepareReport(JobRunner& jobs, QWidget* page, AiReviewStore& reviews, const QString& dataDir, QObject* context,
                    std::function<void(Report)> done, std::function<void(QString)> failed);

} // namespace radpath::app

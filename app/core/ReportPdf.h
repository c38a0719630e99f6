#pragma once
// A Report as HTML (for a live preview in a QTextBrowser) and as an A4 PDF whose every page
// carries a footer: creation time, RadPath's version, the page number and the statement that
// AI results are decision support. Also the PDF as DICOM Encapsulated PDF in the report's
// reference study. Callable from any thread (no widgets), one report per call.

#include "app/core/ReportModel.h"

#include <QByteArray>
#include <QString>

class QTextDocument;

namespace radpath::app {

struct ReportRenderOptions {
    /// The header replaced by the pseudonym; no dates anywhere (birth, study, creation,
    /// review, signing, addenda).
    bool deidentified = false;
};

/// "p = 0.873", "12.34 mL" or "1.234 mm²": what a finding's figure reads as in the report.
QString findingValueText(const Finding& finding);
/// "ct-lesion-segmenter 1.0 (SHA-256 0123456789ab…)": the first 12 hex digits of the hash.
QString modelProvenanceText(const ModelProvenance& model);

/// The report as HTML; images are named report://key/N and report://slide (addReportImages).
QString reportHtml(const Report& report, const ReportRenderOptions& options = {});
/// Registers the report's images with `document` under the names reportHtml uses.
void addReportImages(QTextDocument& document, const Report& report);
/// The footer's two lines, for page `page` of `pages`.
QString reportFooterText(const Report& report, const ReportRenderOptions& options, int page, int pages);

/// The PDF's bytes; empty with `error` set when it cannot be made.
QByteArray reportPdf(const Report& report, const ReportRenderOptions& options, QString* error);
/// Writes the PDF atomically (QSaveFile); false with `error` naming the file.
bool writeReportPdf(const Report& report, const QString& path, const ReportRenderOptions& options, QString* error);

/// Writes the (identified) PDF as DICOM Encapsulated PDF at `path`, a new series in the
/// study of report.referenceSeries(), operator `user`. False with `error` when the report
/// has no reference series or a file cannot be read or written.
bool writeReportToStudy(const Report& report, const QString& path, const QString& user, QString* error);

} // namespace radpath::app

#include "app/core/ReportPdf.h"

#include "app/core/BuildInfo.h"
#include "app/core/HtmlText.h"
#include "viewer/io/DicomEncapsulatedPdfWriter.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace radpath::app {
namespace {

/// Translated in the "Report" context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

constexpr int kResolution = 150;   // dpi of the PDF's paint device
constexpr double kMarginMm = 15.0;
constexpr double kFooterMm = 14.0; // kept free at the bottom of every page
constexpr int kImageWidth = 420;   // px (at 96 dpi) of a key image in the document
constexpr int kHashDigits = 12;

using html::esc;
using html::row;

QString paragraphs(const QString& text)
{
    return esc(text).replace(QLatin1Char('\n'), QLatin1String("<br>"));
}

QString tableStart()
{
    return QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">");
}

QString dateText(const QDate& d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QStringLiteral("–");
}

QString timeText(const QDateTime& t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("–");
}

QString orDash(const QString& s)
{
    return s.isEmpty() ? QStringLiteral("–") : s;
}

QString image(const QImage& picture, const QString& name, int width)
{
    const int height = picture.height() * width / std::max(1, picture.width());
    return QStringLiteral("<p><img src=\"report://%1\" width=\"%2\" height=\"%3\"></p>").arg(name).arg(width).arg(height);
}

QString headerSection(const Report& r, bool deidentified)
{
    const PatientHeader& h = r.header();
    QString html = tableStart();
    if (deidentified) {
        html += row({Text::tr("Pseudonym"), r.pseudonym()});
        if (!h.studyDescription.isEmpty())
            html += row({Text::tr("Study"), h.studyDescription});
    } else {
        html += row({Text::tr("Patient"), orDash(h.patientName), Text::tr("Patient ID"), orDash(h.patientId)});
        html += row({Text::tr("Birth date"), dateText(h.birthDate), Text::tr("Sex"), orDash(h.sex)});
        html += row({Text::tr("Study date"), dateText(h.studyDate), Text::tr("Accession"), orDash(h.accessionNumber)});
        html += row({Text::tr("Study"), orDash(h.studyDescription), QString(), QString()});
    }
    return html + QStringLiteral("</table>");
}

QString reviewText(const Finding& f, bool deidentified)
{
    QString text = statusDisplayName(f.status);
    if (!f.changedBy.isEmpty())
        text += deidentified ? Text::tr(" by %1").arg(f.changedBy)
                             : Text::tr(" by %1, %2").arg(f.changedBy, timeText(f.changedAt));
    return text;
}

QString findingsSection(const Report& r, bool deidentified)
{
    if (r.findings().empty())
        return {};
    QString html = QStringLiteral("<h2>%1</h2>").arg(esc(Text::tr("Findings"))) + tableStart();
    html += row({Text::tr("Source"), Text::tr("Finding"), Text::tr("Result"), Text::tr("Model"), Text::tr("Review")}, true);
    for (const Finding& f : r.findings()) {
        const QString what = f.text.isEmpty() ? f.label
                             : f.label.isEmpty() ? f.text
                                                 : QStringLiteral("%1: %2").arg(f.label, f.text);
        // The hash in a monospace font: no ligatures, so it reads (and copies) digit by digit.
        const QString model = esc(f.isAi() ? modelProvenanceText(f.model) : QString())
                                  .replace(QLatin1String("SHA-256 "), QLatin1String("SHA-256 <tt>"))
                                  .replace(QStringLiteral("…)"), QStringLiteral("</tt>…)"));
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(esc(f.sourceDisplayName()), esc(what), esc(findingValueText(f)), model,
                         esc(reviewText(f, deidentified)));
    }
    return html + QStringLiteral("</table>");
}

QString keyImagesSection(const Report& r)
{
    if (r.keyImages().empty())
        return {};
    QString html = QStringLiteral("<h2>%1</h2>").arg(esc(Text::tr("Key images")));
    for (size_t i = 0; i < r.keyImages().size(); ++i) {
        const KeyImage& k = r.keyImages()[i];
        html += image(k.image, QStringLiteral("key/%1").arg(i), kImageWidth);
        html += QStringLiteral("<p><i>%1</i></p>").arg(esc(Text::tr("Figure %1. %2").arg(i + 1).arg(k.caption)));
    }
    return html;
}

QString measurementsSection(const Report& r)
{
    if (r.measurements().empty())
        return {};
    QString html = QStringLiteral("<h2>%1</h2>").arg(esc(Text::tr("Measurements"))) + tableStart();
    html += row({Text::tr("Measurement"), Text::tr("Value")}, true);
    for (const MeasurementRow& m : r.measurements())
        html += row({m.name, m.value});
    return html + QStringLiteral("</table>");
}

QString segmentationSection(const Report& r)
{
    if (r.segmentationRows().empty())
        return {};
    QString html = QStringLiteral("<h2>%1</h2>").arg(esc(Text::tr("Segmentation statistics"))) + tableStart();
    html += row({Text::tr("Label"), Text::tr("Volume (mL)"), Text::tr("Mean ± SD (HU)"), Text::tr("Source")}, true);
    for (const SegmentationRow& s : r.segmentationRows()) {
        const QString hu = std::isfinite(s.meanHu) ? QStringLiteral("%1 ± %2")
                                                         .arg(s.meanHu, 0, 'f', 1)
                                                         .arg(std::isfinite(s.sdHu) ? s.sdHu : 0.0, 0, 'f', 1)
                                                   : QStringLiteral("–");
        const QString source = s.source == FindingSource::Clinician ? Text::tr("Clinician")
                               : s.edited                           ? Text::tr("AI-assisted, edited")
                                                                    : Text::tr("AI");
        html += row({s.label, QString::number(s.volumeMl, 'f', 2), hu, source});
    }
    return html + QStringLiteral("</table>");
}

QString slideSection(const Report& r)
{
    const SlideOverview& s = r.slideOverview();
    if (s.isEmpty())
        return {};
    QString html = QStringLiteral("<h2>%1</h2>").arg(esc(Text::tr("Slide overview")));
    if (!s.thumbnail.isNull())
        html += image(s.thumbnail, QStringLiteral("slide"), kImageWidth);
    if (!s.classAreas.empty()) {
        html += tableStart() + row({Text::tr("Class"), Text::tr("Count"), Text::tr("Area (mm²)")}, true);
        for (const ClassAreaRow& c : s.classAreas)
            html += row({c.className, QString::number(c.count),
                         std::isfinite(c.areaMm2) ? QString::number(c.areaMm2, 'f', 3) : QStringLiteral("–")});
        html += QStringLiteral("</table>");
    }
    return html;
}

QString signOffSection(const Report& r, bool deidentified)
{
    QString html = QStringLiteral("<h2>%1</h2>").arg(esc(Text::tr("Sign-off")));
    if (!r.isSigned())
        html += QStringLiteral("<p><b>%1</b></p>").arg(esc(Text::tr("Draft: not signed.")));
    else if (deidentified)
        html += QStringLiteral("<p>%1</p>").arg(esc(Text::tr("Signed by %1.").arg(r.signedBy())));
    else
        html += QStringLiteral("<p>%1</p>").arg(esc(Text::tr("Signed by %1 on %2.").arg(r.signedBy(), timeText(r.signedAt()))));
    for (const Addendum& a : r.addenda()) {
        const QString by = deidentified ? Text::tr("Addendum by %1").arg(a.user)
                                        : Text::tr("Addendum by %1, %2").arg(a.user, timeText(a.time));
        html += QStringLiteral("<p><b>%1</b><br>%2</p>").arg(esc(by), paragraphs(a.text));
    }
    return html;
}

/// Lays the document out on `device`'s pages, footer space left free, and paints page by page.
void paint(QTextDocument& document, QPdfWriter& writer, const Report& report, const ReportRenderOptions& options)
{
    document.documentLayout()->setPaintDevice(&writer);
    const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
    const double footer = kFooterMm / 25.4 * writer.resolution();
    const QSizeF body(page.width(), page.height() - footer);
    document.setPageSize(body);
    const int pages = std::max(1, document.pageCount());

    QPainter painter(&writer);
    QFont footerFont = document.defaultFont();
    footerFont.setPointSizeF(7.0);
    for (int p = 0; p < pages; ++p) {
        if (p > 0)
            writer.newPage();
        painter.save();
        painter.translate(0, -p * body.height());
        document.drawContents(&painter, QRectF(QPointF(0, p * body.height()), body));
        painter.restore();

        painter.save();
        painter.setFont(footerFont);
        painter.setPen(QColor(80, 80, 80));
        const QRectF area(0, body.height() + footer * 0.15, body.width(), footer * 0.85);
        painter.drawLine(QPointF(0, area.top()), QPointF(body.width(), area.top()));
        painter.drawText(area.adjusted(0, footer * 0.08, 0, 0), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                         reportFooterText(report, options, p + 1, pages));
        painter.restore();
    }
}

bool render(const Report& report, const ReportRenderOptions& options, QIODevice* device)
{
    QTextDocument document;
    QFont font = document.defaultFont();
    font.setPointSizeF(9.0);
    document.setDefaultFont(font);
    addReportImages(document, report);
    document.setHtml(reportHtml(report, options));

    QPdfWriter writer(device);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter);
    writer.setResolution(kResolution);
    writer.setTitle(options.deidentified ? Text::tr("Report %1").arg(report.pseudonym()) : Text::tr("Report"));
    writer.setCreator(QStringLiteral("RadPath %1").arg(radpathVersion()));
    paint(document, writer, report, options);
    return true; // the painter ended in paint(): the PDF is complete
}

/// The DICOM files of a series folder (by the "DICM" preamble).
std::vector<std::string> dicomFiles(const QString& folder)
{
    std::vector<std::string> files;
    for (const QFileInfo& entry : QDir(folder).entryInfoList(QDir::Files, QDir::Name)) {
        QFile file(entry.filePath());
        if (file.open(QIODevice::ReadOnly) && file.size() > 132 && file.read(132).mid(128, 4) == "DICM")
            files.push_back(entry.filePath().toStdString());
    }
    return files;
}

} // namespace

QString findingValueText(const Finding& f)
{
    if (f.probability)
        return QStringLiteral("p = %1").arg(*f.probability, 0, 'f', 3);
    if (f.volumeMl)
        return QStringLiteral("%1 mL").arg(*f.volumeMl, 0, 'f', 2);
    if (f.areaMm2)
        return QStringLiteral("%1 mm²").arg(*f.areaMm2, 0, 'f', 3);
    return {};
}

QString modelProvenanceText(const ModelProvenance& m)
{
    if (m.isEmpty())
        return {};
    QString text = QStringLiteral("%1 %2").arg(m.name, m.version).trimmed();
    if (!m.weightsSha256.isEmpty())
        text += QStringLiteral(" (SHA-256 %1%2)")
                    .arg(m.weightsSha256.left(kHashDigits), m.weightsSha256.size() > kHashDigits ? QStringLiteral("…") : QString());
    return text;
}

QString reportHtml(const Report& r, const ReportRenderOptions& options)
{
    const bool deid = options.deidentified;
    QString html = QStringLiteral("<html><body>");
    html += QStringLiteral("<h1>%1</h1>").arg(esc(deid ? Text::tr("Report (de-identified)") : Text::tr("Report")));
    html += headerSection(r, deid);
    if (!r.clinicianText().isEmpty())
        html += QStringLiteral("<h2>%1</h2><p>%2</p>").arg(esc(Text::tr("Report text")), paragraphs(r.clinicianText()));
    html += findingsSection(r, deid) + keyImagesSection(r) + measurementsSection(r) + segmentationSection(r) +
            slideSection(r) + signOffSection(r, deid);
    html += QStringLiteral("<p><i>%1</i></p>").arg(esc(aiDecisionSupportStatement()));
    return html + QStringLiteral("</body></html>");
}

void addReportImages(QTextDocument& document, const Report& r)
{
    for (size_t i = 0; i < r.keyImages().size(); ++i)
        document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("report://key/%1").arg(i)),
                             r.keyImages()[i].image);
    if (!r.slideOverview().thumbnail.isNull())
        document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("report://slide")),
                             r.slideOverview().thumbnail);
}

QString reportFooterText(const Report& r, const ReportRenderOptions& options, int page, int pages)
{
    const QString second = options.deidentified
                               ? Text::tr("RadPath %1 · page %2 of %3").arg(radpathVersion()).arg(page).arg(pages)
                               : Text::tr("Created %1 · RadPath %2 · page %3 of %4")
                                     .arg(timeText(r.createdAt()), radpathVersion())
                                     .arg(page)
                                     .arg(pages);
    return aiDecisionSupportStatement() + QLatin1Char('\n') + second;
}

QByteArray reportPdf(const Report& report, const ReportRenderOptions& options, QString* error)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly) || !render(report, options, &buffer) || !bytes.startsWith("%PDF-")) {
        if (error)
            *error = Text::tr("The report could not be rendered as PDF.");
        return {};
    }
    return bytes;
}

bool writeReportPdf(const Report& report, const QString& path, const ReportRenderOptions& options, QString* error)
{
    const QByteArray bytes = reportPdf(report, options, error);
    if (bytes.isEmpty())
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = Text::tr("%1: cannot be written (%2)").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool writeReportToStudy(const Report& report, const QString& path, const QString& user, QString* error)
{
    if (report.referenceSeries().isEmpty()) {
        if (error)
            *error = Text::tr("The report refers to no DICOM study.");
        return false;
    }
    try {
        const std::vector<std::string> files = dicomFiles(report.referenceSeries());
        if (files.empty())
            throw std::runtime_error(QDir::toNativeSeparators(report.referenceSeries()).toStdString() +
                                     ": no DICOM files in the reference series");
        const QByteArray pdf = reportPdf(report, {}, error);
        if (pdf.isEmpty())
            return false;
        viewer::EncapsulatedPdfOptions options;
        options.documentTitle = Text::tr("RadPath report").toStdString();
        viewer::DicomOutputSeries series;
        series.operatorName = user.toStdString();
        viewer::writeDicomEncapsulatedPdf(pdf, viewer::readDicomReference(files), path.toStdString(), options, series);
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
}

} // namespace radpath::app

#pragma once
// A PDF report as DICOM Encapsulated PDF (SOP class 1.2.840.10008.5.1.4.1.1.104.1) in the
// reference study as a new series (Modality DOC), so a PACS keeps it with the images:
// MIMETypeOfEncapsulatedDocument application/pdf, DocumentTitle, ConceptNameCodeSequence,
// BurnedInAnnotation YES (a report shows patient data), ConversionType WSD.
// EncapsulatedDocument is an OB value and so of even length: an odd-length PDF gets one
// trailing NUL byte, and EncapsulatedDocumentLength records the PDF's true length so the
// bytes read back are exactly the PDF's.

#include "viewer/io/DicomOutputContext.h"

#include <QByteArray>

#include <string>
#include <vector>

namespace radpath::viewer {

struct EncapsulatedPdfOptions {
    std::string documentTitle = "RadPath report";
    /// ConceptNameCodeSequence: what kind of document it is.
    DicomCode conceptName{"18748-4", "LN", "Diagnostic imaging report"};
    /// Indices into DicomReference::images of the images the report shows (key images):
    /// SourceInstanceSequence; may be empty.
    std::vector<int> sourceImageIndices;
};

/// Writes `pdf` (the bytes of a PDF file, starting "%PDF-") at `path` in `reference`'s
/// study (default description "RadPath report", number 904). Throws IoError naming `path`
/// when the bytes are not a PDF, larger than 4 GiB - 2, a source index is out of range, or
/// the file cannot be written (temporary name + rename).
DicomWrittenObject writeDicomEncapsulatedPdf(const QByteArray& pdf, const DicomReference& reference,
                                             const std::string& path, const EncapsulatedPdfOptions& options = {},
                                             const DicomOutputSeries& series = {});

/// The PDF bytes of an Encapsulated PDF file: EncapsulatedDocument cut to
/// EncapsulatedDocumentLength when present, else without a NUL padding byte after the
/// last "%%EOF". Throws IoError naming `path` when it is not an Encapsulated PDF.
QByteArray readDicomEncapsulatedPdf(const std::string& path);

} // namespace radpath::viewer

#include "viewer/io/DicomEncapsulatedPdfWriter.h"

#include "viewer/io/DicomOutputSupport.h"
#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <cstdint>
#include <filesystem>
#include <vector>

namespace radpath::viewer {
namespace {

constexpr const char* kDefaultDescription = "RadPath report";
constexpr int kDefaultSeriesNumber = 904;
constexpr const char* kPdfMimeType = "application/pdf";

void putSourceInstances(DcmItem& ds, const DicomReference& reference, const std::vector<int>& indices,
                        const std::string& path)
{
    for (int index : indices) {
        const DicomImageRef& image = reference.images[std::size_t(index)];
        DcmItem* item = nullptr;
        if (ds.findOrCreateSequenceItem(DCM_SourceInstanceSequence, item, -2).bad() || !item)
            throw IoError(path, "cannot write the source instance sequence");
        detail::put(*item, DCM_ReferencedSOPClassUID, image.sopClassUid, path);
        detail::put(*item, DCM_ReferencedSOPInstanceUID, image.sopInstanceUid, path);
    }
}

void putConceptName(DcmItem& ds, const DicomCode& code, const std::string& path)
{
    DcmItem* item = nullptr;
    if (ds.findOrCreateSequenceItem(DCM_ConceptNameCodeSequence, item, -2).bad() || !item)
        throw IoError(path, "cannot write the concept name");
    detail::put(*item, DCM_CodeValue, code.value, path);
    detail::put(*item, DCM_CodingSchemeDesignator, code.scheme, path);
    detail::put(*item, DCM_CodeMeaning, code.meaning, path);
}

} // namespace

DicomWrittenObject writeDicomEncapsulatedPdf(const QByteArray& pdf, const DicomReference& reference,
                                             const std::string& path, const EncapsulatedPdfOptions& options,
                                             const DicomOutputSeries& seriesIn)
{
    if (!pdf.startsWith("%PDF-"))
        throw IoError(path, "the document to encapsulate is not a PDF (no %PDF- header)");
    if (std::uint64_t(pdf.size()) > 0xFFFFFFFDull)
        throw IoError(path, "the PDF is larger than DICOM can encapsulate (4 GiB)");
    for (int index : options.sourceImageIndices)
        if (index < 0 || std::size_t(index) >= reference.images.size())
            throw IoError(path, "the report names a source image the reference series lacks");
    const DicomOutputSeries series = detail::resolveSeries(seriesIn, kDefaultDescription, kDefaultSeriesNumber);

    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    detail::putPatientAndStudy(ds, reference, false, path);
    detail::putNewSeriesAndInstance(ds, "DOC", UID_EncapsulatedPDFStorage, series, path);
    detail::put(ds, DCM_ConversionType, "WSD", path);

    // Encapsulated Document module.
    detail::put(ds, DCM_AcquisitionDateTime, "", path);
    detail::put(ds, DCM_BurnedInAnnotation, "YES", path);
    detail::put(ds, DCM_DocumentTitle, options.documentTitle, path);
    putConceptName(ds, options.conceptName, path);
    putSourceInstances(ds, reference, options.sourceImageIndices, path);
    detail::put(ds, DCM_MIMETypeOfEncapsulatedDocument, kPdfMimeType, path);
    // OB values have even length: DCMTK pads an odd PDF with one NUL; the true length is kept.
    if (ds.putAndInsertUint32(DCM_EncapsulatedDocumentLength, Uint32(pdf.size())).bad())
        throw IoError(path, "cannot set the encapsulated document length");
    std::vector<Uint8> bytes(pdf.begin(), pdf.end());
    if (bytes.size() % 2)
        bytes.push_back(0);
    if (ds.putAndInsertUint8Array(DCM_EncapsulatedDocument, bytes.data(), static_cast<unsigned long>(bytes.size()))
            .bad())
        throw IoError(path, "cannot store the PDF");

    detail::saveAtomically(file, path);
    return {path, UID_EncapsulatedPDFStorage, series.sopInstanceUid, series.seriesInstanceUid};
}

QByteArray readDicomEncapsulatedPdf(const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw IoError(path, "no such file");
    DcmFileFormat file;
    const OFCondition loaded = file.loadFile(path.c_str());
    if (loaded.bad())
        throw IoError(path, std::string("not a readable DICOM file: ") + loaded.text());
    DcmDataset& ds = *file.getDataset();
    OFString sopClass, mime;
    ds.findAndGetOFString(DCM_SOPClassUID, sopClass);
    ds.findAndGetOFString(DCM_MIMETypeOfEncapsulatedDocument, mime);
    if (sopClass != UID_EncapsulatedPDFStorage || mime != kPdfMimeType)
        throw IoError(path, "not a DICOM Encapsulated PDF");
    const Uint8* data = nullptr;
    unsigned long length = 0;
    if (ds.findAndGetUint8Array(DCM_EncapsulatedDocument, data, &length).bad() || !data)
        throw IoError(path, "the Encapsulated PDF holds no document");
    Uint32 declared = 0;
    if (ds.findAndGetUint32(DCM_EncapsulatedDocumentLength, declared).good() && declared <= length) {
        length = declared;
    } else {
        // Without a declared length: drop one NUL padding byte that follows the last %%EOF.
        const QByteArray all(reinterpret_cast<const char*>(data), qsizetype(length));
        const int eof = all.lastIndexOf("%%EOF");
        if (length % 2 == 0 && length > 0 && data[length - 1] == 0 && eof >= 0 && unsigned(eof + 5) < length)
            --length;
    }
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(length));
}

} // namespace radpath::viewer

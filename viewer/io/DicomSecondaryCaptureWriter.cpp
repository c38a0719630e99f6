#include "viewer/io/DicomSecondaryCaptureWriter.h"

#include "viewer/io/DicomOutputSupport.h"
#include "viewer/io/IoError.h"

#include <QImage>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <vector>

namespace radpath::viewer {
namespace {

constexpr const char* kDefaultDescription = "RadPath key images";
constexpr int kDefaultSeriesNumber = 903;

/// Rows of RGB triplets, top to bottom, without padding; alpha composited over black
/// (premultiplied colour is exactly that).
std::vector<Uint8> rgbPixels(const QImage& image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    std::vector<Uint8> pixels;
    pixels.reserve(std::size_t(argb.width()) * std::size_t(argb.height()) * 3);
    for (int y = 0; y < argb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            pixels.push_back(Uint8(qRed(line[x])));
            pixels.push_back(Uint8(qGreen(line[x])));
            pixels.push_back(Uint8(qBlue(line[x])));
        }
    }
    return pixels;
}

void putSourceImages(DcmItem& ds, const DicomReference& reference, const std::vector<int>& indices,
                     const std::string& path)
{
    for (int index : indices) {
        const DicomImageRef& image = reference.images[std::size_t(index)];
        DcmItem* item = nullptr;
        if (ds.findOrCreateSequenceItem(DCM_SourceImageSequence, item, -2).bad() || !item)
            throw IoError(path, "cannot write the source image sequence");
        detail::put(*item, DCM_ReferencedSOPClassUID, image.sopClassUid, path);
        detail::put(*item, DCM_ReferencedSOPInstanceUID, image.sopInstanceUid, path);
        if (image.frame > 0)
            detail::put(*item, DCM_ReferencedFrameNumber, std::to_string(image.frame), path);
        DcmItem* purpose = nullptr;
        if (item->findOrCreateSequenceItem(DCM_PurposeOfReferenceCodeSequence, purpose, -2).bad() || !purpose)
            throw IoError(path, "cannot write the source image sequence");
        detail::put(*purpose, DCM_CodeValue, "121322", path);
        detail::put(*purpose, DCM_CodingSchemeDesignator, "DCM", path);
        detail::put(*purpose, DCM_CodeMeaning, "Source image for image processing operation", path);
    }
}

} // namespace

DicomWrittenObject writeDicomSecondaryCapture(const QImage& image, const DicomReference& reference,
                                              const std::string& path, const SecondaryCaptureOptions& options,
                                              const DicomOutputSeries& seriesIn)
{
    if (image.isNull() || image.width() < 1 || image.height() < 1)
        throw IoError(path, "the key image is empty");
    if (image.width() > 65535 || image.height() > 65535)
        throw IoError(path, "the key image is larger than 65535 pixels a side");
    for (int index : options.sourceImageIndices)
        if (index < 0 || std::size_t(index) >= reference.images.size())
            throw IoError(path, "the key image names a source image the reference series lacks");
    const DicomOutputSeries series = detail::resolveSeries(seriesIn, kDefaultDescription, kDefaultSeriesNumber);

    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    detail::putPatientAndStudy(ds, reference, false, path);
    detail::putNewSeriesAndInstance(ds, "OT", UID_SecondaryCaptureImageStorage, series, path);
    detail::putIfAny(ds, DCM_OperatorsName, series.operatorName, path);
    // Laterality (2C): the reference's (R, L), or its image laterality (U, B). Without one
    // (any other value is none), a named body part of the reference is taken as unpaired
    // (Laterality absent); with neither, Laterality is empty: "unknown" (dciodvfy warns that
    // it should be known).
    const std::string& lat = reference.laterality;
    if (lat == "U" || lat == "B")
        detail::put(ds, DCM_ImageLaterality, lat, path);
    else if (lat == "R" || lat == "L" || reference.bodyPartExamined.empty())
        detail::put(ds, DCM_Laterality, lat == "R" || lat == "L" ? lat : "", path);
    detail::putIfAny(ds, DCM_BodyPartExamined, reference.bodyPartExamined, path);

    // SC Equipment; General Image; SC Image.
    detail::put(ds, DCM_ConversionType, "WSD", path);
    detail::put(ds, DCM_SecondaryCaptureDeviceManufacturer, "RadPath", path);
    detail::put(ds, DCM_SecondaryCaptureDeviceManufacturerModelName, "RadPath", path);
    detail::put(ds, DCM_SecondaryCaptureDeviceSoftwareVersions, series.softwareVersion, path);
    detail::put(ds, DCM_ImageType, "DERIVED\\SECONDARY", path);
    detail::put(ds, DCM_PatientOrientation, "", path);
    detail::put(ds, DCM_BurnedInAnnotation, options.burnedInText ? "YES" : "NO", path);
    detail::put(ds, DCM_LossyImageCompression, "00", path);
    detail::putIfAny(ds, DCM_DerivationDescription, options.derivationDescription, path);
    detail::putIfAny(ds, DCM_ImageComments, options.imageComments, path);
    detail::put(ds, DCM_DateOfSecondaryCapture, detail::todayDicom(), path);
    detail::put(ds, DCM_TimeOfSecondaryCapture, detail::nowDicom(), path);
    putSourceImages(ds, reference, options.sourceImageIndices, path);

    // Image Pixel: RGB, colour-by-pixel.
    detail::put(ds, DCM_SamplesPerPixel, "3", path);
    detail::put(ds, DCM_PhotometricInterpretation, "RGB", path);
    detail::put(ds, DCM_PlanarConfiguration, "0", path);
    detail::put(ds, DCM_Rows, std::to_string(image.height()), path);
    detail::put(ds, DCM_Columns, std::to_string(image.width()), path);
    detail::put(ds, DCM_BitsAllocated, "8", path);
    detail::put(ds, DCM_BitsStored, "8", path);
    detail::put(ds, DCM_HighBit, "7", path);
    detail::put(ds, DCM_PixelRepresentation, "0", path);
    const std::vector<Uint8> pixels = rgbPixels(image);
    if (ds.putAndInsertUint8Array(DCM_PixelData, pixels.data(), static_cast<unsigned long>(pixels.size())).bad())
        throw IoError(path, "cannot store the key image's pixels");

    detail::saveAtomically(file, path);
    return {path, UID_SecondaryCaptureImageStorage, series.sopInstanceUid, series.seriesInstanceUid};
}

} // namespace radpath::viewer

#include "viewer/db/SeriesThumbnail.h"

#include "viewer/io/DicomSeriesReader.h"
#include "viewer/io/IoError.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>
#include <vector>

namespace radpath::viewer {
namespace {

std::uint8_t toByte(double fraction)
{
    if (std::isnan(fraction))
        return 0; // a NaN voxel shows black, like padding
    return std::uint8_t(std::clamp(fraction * 255.0 + 0.5, 0.0, 255.0));
}

// Grey slice at full resolution: window, inversion and padding applied.
template <class T> QImage greySlice(const Volume& volume, const T* values, int columns, int rows)
{
    const VolumeInfo& info = volume.info();
    const size_t count = size_t(columns) * size_t(rows);
    auto isPadding = [&](T v) { return info.hasPaddingValue && double(v) == info.paddingValue; };
    double lo = 0.0, hi = 0.0;
    if (!info.windowPresets.empty() && info.windowPresets.front().width > 0.0) {
        const WindowPreset& preset = info.windowPresets.front();
        lo = preset.center - preset.width / 2.0;
        hi = preset.center + preset.width / 2.0;
    } else {
        lo = std::numeric_limits<double>::max();
        hi = std::numeric_limits<double>::lowest();
        for (size_t i = 0; i < count; ++i)
            if (!isPadding(values[i]) && std::isfinite(double(values[i]))) {
                lo = std::min(lo, double(values[i]));
                hi = std::max(hi, double(values[i]));
            }
        if (lo > hi)
            lo = hi = 0.0;
    }
    const double range = hi > lo ? hi - lo : 1.0;
    QImage image(columns, rows, QImage::Format_Grayscale8);
    for (int j = 0; j < rows; ++j) {
        std::uint8_t* line = image.scanLine(j);
        const T* row = values + size_t(j) * size_t(columns);
        for (int i = 0; i < columns; ++i) {
            if (isPadding(row[i])) {
                line[i] = 0;
                continue;
            }
            const std::uint8_t grey = toByte((double(row[i]) - lo) / range);
            line[i] = info.invertedGrey ? std::uint8_t(255 - grey) : grey;
        }
    }
    return image;
}

// Interleaved RGB slice at full resolution; samples wider than 8 bits scale by the maximum.
template <class T> QImage colourSlice(const T* values, int columns, int rows)
{
    const size_t count = size_t(columns) * size_t(rows) * 3;
    double top = 255.0;
    if (!std::is_same_v<T, std::uint8_t>) {
        top = 0.0;
        for (size_t i = 0; i < count; ++i)
            top = std::max(top, double(values[i]));
        if (top <= 0.0)
            top = 1.0;
    }
    QImage image(columns, rows, QImage::Format_RGB32);
    for (int j = 0; j < rows; ++j) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(j));
        const T* row = values + size_t(j) * size_t(columns) * 3;
        for (int i = 0; i < columns; ++i)
            line[i] = qRgb(toByte(row[3 * i] / top), toByte(row[3 * i + 1] / top), toByte(row[3 * i + 2] / top));
    }
    return image;
}

} // namespace

QImage renderThumbnail(const Volume& volume, int k, int size)
{
    const ImageGeometry& g = volume.geometry();
    if (volume.isNull() || size <= 0 || k < 0 || k >= g.size[2] || g.size[0] <= 0 || g.size[1] <= 0)
        return {};
    const int columns = g.size[0], rows = g.size[1];
    const bool colour = volume.components() == 3;
    const size_t plane = size_t(columns) * size_t(rows);

    QImage slice = visitPixelType(volume.pixelType(), [&](auto tag) -> QImage {
        using T = decltype(tag);
        const T* first = volume.voxels<T>() + size_t(k) * plane * size_t(volume.components());
        if (colour)
            return colourSlice(first, columns, rows);
        if (volume.components() == 1)
            return greySlice(volume, first, columns, rows);
        // Other component counts: the first component, as grey.
        std::vector<T> grey(plane);
        for (size_t i = 0; i < plane; ++i)
            grey[i] = first[i * size_t(volume.components())];
        return greySlice(volume, grey.data(), columns, rows);
    });

    // Scale to fit by physical size (pixels need not be square), centred on black.
    const double width = columns * std::max(g.spacing[0], 1e-6), height = rows * std::max(g.spacing[1], 1e-6);
    const double scale = std::min(size / width, size / height);
    const int outW = std::clamp(int(std::lround(width * scale)), 1, size);
    const int outH = std::clamp(int(std::lround(height * scale)), 1, size);
    const QImage::Format format = colour ? QImage::Format_RGB32 : QImage::Format_Grayscale8;
    const QImage scaled =
        slice.scaled(outW, outH, Qt::IgnoreAspectRatio, Qt::SmoothTransformation).convertToFormat(format);
    QImage thumbnail(size, size, format);
    thumbnail.fill(colour ? QColor(Qt::black).rgb() : 0u);
    const int x0 = (size - outW) / 2, y0 = (size - outH) / 2;
    const int bytesPerPixel = colour ? 4 : 1;
    for (int j = 0; j < outH; ++j)
        std::memcpy(thumbnail.scanLine(y0 + j) + x0 * bytesPerPixel, scaled.constScanLine(j),
                    size_t(outW * bytesPerPixel));
    return thumbnail;
}

QImage dicomThumbnail(const std::string& path, const std::string& seriesUid, const TaskControl& control, int size)
{
    const DicomSeriesReader reader;
    const std::vector<DicomSeries> found = reader.scanFiles({path}, control);
    const DicomSeries* chosen = nullptr;
    for (const DicomSeries& s : found)
        if ((seriesUid.empty() || s.seriesInstanceUid == seriesUid) && !s.slices.empty() &&
            (!chosen || s.slices.size() > chosen->slices.size()))
            chosen = &s;
    if (!chosen)
        throw IoError(path, seriesUid.empty() ? "holds no DICOM image" : "holds no image of series " + seriesUid);
    // Only the middle frame is decoded (a multi-frame file holds many).
    DicomSeries one = *chosen;
    one.slices = {chosen->slices[chosen->slices.size() / 2]};
    const QImage image = renderThumbnail(reader.readSeries(one, control), 0, size);
    if (image.isNull())
        throw IoError(path, "the image has no pixels to show");
    return image;
}

} // namespace radpath::viewer

#include "app/core/TrainingImages.h"

#include "app/core/AiBridge.h"
#include "viewer/io/DicomSeriesReader.h"
#include "viewer/io/IoError.h"
#include "viewer/io/ItkImageReader.h"

#include <QFileInfo>
#include <QImageReader>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace radpath::app {
namespace {

bool isQtFormat(const QString& path)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    return ext == QLatin1String("png") || ext == QLatin1String("jpg") || ext == QLatin1String("jpeg") ||
           ext == QLatin1String("bmp");
}

bool isItkFormat(const QString& path)
{
    const QString name = QFileInfo(path).fileName().toLower();
    for (const char* ext : {".tif", ".tiff", ".nii", ".nii.gz", ".nrrd", ".nhdr", ".mha", ".mhd"})
        if (name.endsWith(QLatin1String(ext)))
            return true;
    return false;
}

ai::ImageBuffer planeBuffer(int width, int height, int channels)
{
    ai::ImageBuffer image;
    image.dims = 2;
    image.channels = channels;
    image.grid.size = {width, height, 1};
    image.voxels.resize(size_t(width) * size_t(height) * size_t(channels));
    return image;
}

RawTrainingImage fromQImage(const QString& path)
{
    QImageReader reader(path);
    QImage image = reader.read();
    if (image.isNull())
        throw viewer::IoError(path.toStdString(),
                              "cannot decode the image (" + reader.errorString().toStdString() + ")");
    const int w = image.width(), h = image.height();
    const size_t plane = size_t(w) * size_t(h);
    RawTrainingImage raw;
    switch (image.format()) {
    case QImage::Format_Grayscale16:
        raw.bitsStored = 16;
        raw.image = planeBuffer(w, h, 1);
        for (int y = 0; y < h; ++y) {
            const auto* line = reinterpret_cast<const quint16*>(image.constScanLine(y));
            std::copy(line, line + w, raw.image.voxels.begin() + ptrdiff_t(y) * w);
        }
        return raw;
    case QImage::Format_RGBX64:
    case QImage::Format_RGBA64:
    case QImage::Format_RGBA64_Premultiplied: {
        image = image.convertToFormat(QImage::Format_RGBA64);
        raw.bitsStored = 16;
        raw.image = planeBuffer(w, h, 3);
        for (int y = 0; y < h; ++y) {
            const auto* line = reinterpret_cast<const QRgba64*>(image.constScanLine(y));
            for (int x = 0; x < w; ++x) {
                const size_t at = size_t(y) * size_t(w) + size_t(x);
                raw.image.voxels[at] = line[x].red();
                raw.image.voxels[plane + at] = line[x].green();
                raw.image.voxels[2 * plane + at] = line[x].blue();
            }
        }
        return raw;
    }
    default:
        break;
    }
    raw.bitsStored = 8;
    const bool grey = image.format() == QImage::Format_Grayscale8 || image.allGray();
    if (grey) {
        image = image.convertToFormat(QImage::Format_Grayscale8);
        raw.image = planeBuffer(w, h, 1);
        for (int y = 0; y < h; ++y)
            std::copy(image.constScanLine(y), image.constScanLine(y) + w, raw.image.voxels.begin() + ptrdiff_t(y) * w);
        return raw;
    }
    image = image.convertToFormat(QImage::Format_RGB888); // alpha dropped, as PIL's convert("RGB")
    raw.image = planeBuffer(w, h, 3);
    for (int y = 0; y < h; ++y) {
        const uchar* line = image.constScanLine(y);
        for (int x = 0; x < w; ++x)
            for (size_t c = 0; c < 3; ++c)
                raw.image.voxels[c * plane + size_t(y) * size_t(w) + size_t(x)] = line[3 * x + int(c)];
    }
    return raw;
}

int bitsOf(viewer::PixelType type)
{
    return type == viewer::PixelType::UInt8 ? 8 : type == viewer::PixelType::UInt16 ? 16 : 0;
}

/// 2 channels (grey + alpha) keep 1; 4 (RGBA) keep 3.
void dropAlpha(ai::ImageBuffer& image)
{
    const int keep = image.channels == 2 ? 1 : image.channels == 4 ? 3 : image.channels;
    if (keep != image.channels) {
        image.voxels.resize(size_t(keep) * size_t(image.grid.voxelCount()));
        image.channels = keep;
    }
    if (image.channels != 1 && image.channels != 3)
        throw std::invalid_argument(std::to_string(image.channels) + " channels; 1 (grey) or 3 (colour) are taken");
}

RawTrainingImage fromVolume(const viewer::Volume& volume)
{
    RawTrainingImage raw;
    raw.image = toImageBuffer(volume);
    raw.bitsStored = bitsOf(volume.pixelType());
    return raw;
}

RawTrainingImage readDicom(const QString& path)
{
    const viewer::DicomSeriesReader reader;
    const auto series = reader.scanFiles({path.toStdString()}, {});
    if (series.empty())
        throw viewer::IoError(path.toStdString(), "not a DICOM image");
    return fromVolume(reader.readSeries(series.front(), {}));
}

/// PIL's precomputed coefficients for one axis: triangle filter widened by the scale when
/// shrinking, centres at half pixels, weights normalised (which also handles the edges).
struct AxisTaps {
    std::vector<int> first;
    std::vector<std::vector<double>> weights;
};

AxisTaps axisTaps(int in, int out)
{
    const double scale = double(in) / double(out);
    const double filterScale = std::max(scale, 1.0);
    const double support = filterScale; // the triangle's support is 1
    AxisTaps taps;
    for (int i = 0; i < out; ++i) {
        const double centre = (i + 0.5) * scale;
        const int lo = std::max(int(centre - support + 0.5), 0);
        const int hi = std::min(int(centre + support + 0.5), in);
        std::vector<double> w;
        double sum = 0.0;
        for (int x = lo; x < hi; ++x) {
            const double t = std::abs((x - centre + 0.5) / filterScale);
            w.push_back(t < 1.0 ? 1.0 - t : 0.0);
            sum += w.back();
        }
        for (double& v : w)
            v = sum > 0.0 ? v / sum : 0.0;
        taps.first.push_back(lo);
        taps.weights.push_back(std::move(w));
    }
    return taps;
}

/// Resizes axis `axis` of a [outer][n][inner] array to `out`.
std::vector<float> resizeAxis(const std::vector<float>& in, size_t outer, int n, size_t inner, int out)
{
    const AxisTaps taps = axisTaps(n, out);
    std::vector<float> result(outer * size_t(out) * inner);
    std::vector<double> sum(inner);
    for (size_t o = 0; o < outer; ++o)
        for (int i = 0; i < out; ++i) {
            std::fill(sum.begin(), sum.end(), 0.0);
            const auto& w = taps.weights[size_t(i)];
            for (size_t k = 0; k < w.size(); ++k) {
                const float* src = &in[(o * size_t(n) + size_t(taps.first[size_t(i)]) + k) * inner];
                for (size_t v = 0; v < inner; ++v)
                    sum[v] += w[k] * double(src[v]);
            }
            float* dst = &result[(o * size_t(out) + size_t(i)) * inner];
            for (size_t v = 0; v < inner; ++v)
                dst[v] = float(sum[v]);
        }
    return result;
}

} // namespace

RawTrainingImage readTrainingImage(const QString& path)
{
    RawTrainingImage raw;
    try {
        if (isQtFormat(path))
            raw = fromQImage(path);
        else if (isItkFormat(path))
            raw = fromVolume(viewer::ItkImageReader().read(path.toStdString(), {}));
        else
            raw = readDicom(path);
        dropAlpha(raw.image);
    } catch (const viewer::IoError&) {
        throw;
    } catch (const std::exception& e) {
        throw viewer::IoError(path.toStdString(), e.what());
    }
    if (raw.image.voxels.empty())
        throw viewer::IoError(path.toStdString(), "holds no pixels");
    const auto [lo, hi] = std::minmax_element(raw.image.voxels.begin(), raw.image.voxels.end());
    raw.minimum = *lo;
    raw.maximum = *hi;
    if (raw.image.channels == 3) {
        const size_t plane = size_t(raw.image.grid.voxelCount());
        const float* v = raw.image.voxels.data();
        for (size_t p = 0; p < plane && !raw.colour; ++p)
            raw.colour = v[p] != v[plane + p] || v[p] != v[2 * plane + p];
    }
    return raw;
}

void matchChannels(ai::ImageBuffer& image, int channels)
{
    const size_t plane = size_t(image.grid.voxelCount());
    if (image.channels == channels)
        return;
    if (image.channels == 3 && channels == 1) {
        std::vector<float> grey(plane);
        const float* v = image.voxels.data();
        for (size_t p = 0; p < plane; ++p)
            grey[p] = float(0.299 * v[p] + 0.587 * v[plane + p] + 0.114 * v[2 * plane + p]);
        image.voxels = std::move(grey);
    } else if (image.channels == 1 && channels == 3) {
        image.voxels.resize(3 * plane);
        std::copy_n(image.voxels.begin(), plane, image.voxels.begin() + ptrdiff_t(plane));
        std::copy_n(image.voxels.begin(), plane, image.voxels.begin() + ptrdiff_t(2 * plane));
    } else {
        throw std::invalid_argument("cannot turn " + std::to_string(image.channels) + " channels into " +
                                    std::to_string(channels));
    }
    image.channels = channels;
}

ai::ImageBuffer resizeImage(const ai::ImageBuffer& image, const std::vector<int>& size)
{
    // Tensor order [d, h, w] against grid order (i = w, j = h, k = d).
    std::array<int, 3> target = image.grid.size;
    if (size.size() == 2)
        target = {size[1], size[0], image.grid.size[2]};
    else if (size.size() == 3)
        target = {size[2], size[1], size[0]};
    else
        throw std::invalid_argument("a size has 2 or 3 values");
    ai::ImageBuffer out = image;
    std::array<int, 3> current = image.grid.size;
    for (int axis = 0; axis < 3; ++axis) {
        if (target[size_t(axis)] == current[size_t(axis)])
            continue;
        if (target[size_t(axis)] < 1)
            throw std::invalid_argument("sizes must be positive");
        // [C][k][j][i]: the axis's neighbours are the product of the axes outside and inside it.
        size_t inner = 1, outer = size_t(out.channels);
        for (int a = 0; a < axis; ++a)
            inner *= size_t(current[size_t(a)]);
        for (int a = axis + 1; a < 3; ++a)
            outer *= size_t(current[size_t(a)]);
        out.voxels = resizeAxis(out.voxels, outer, current[size_t(axis)], inner, target[size_t(axis)]);
        const double scale = double(current[size_t(axis)]) / double(target[size_t(axis)]);
        const double shift = out.grid.spacing[size_t(axis)] * (scale - 1.0) / 2.0;
        for (int r = 0; r < 3; ++r)
            out.grid.origin[size_t(r)] += out.grid.direction[size_t(r * 3 + axis)] * shift;
        out.grid.spacing[size_t(axis)] *= scale;
        current[size_t(axis)] = target[size_t(axis)];
    }
    out.grid.size = current;
    return out;
}

QImage trainingThumbnail(const QString& path, int maxSide)
{
    RawTrainingImage raw;
    try {
        raw = readTrainingImage(path);
    } catch (const std::exception&) {
        return {};
    }
    ai::ImageBuffer& image = raw.image;
    const auto& g = image.grid.size;
    if (g[2] > 1) { // the middle slice of a volume
        const size_t plane = size_t(g[0]) * size_t(g[1]), slice = size_t(g[2] / 2);
        std::vector<float> middle;
        for (size_t c = 0; c < size_t(image.channels); ++c) {
            const auto from = image.voxels.begin() + ptrdiff_t((c * size_t(g[2]) + slice) * plane);
            middle.insert(middle.end(), from, from + ptrdiff_t(plane));
        }
        image.voxels = std::move(middle);
        image.grid.size[2] = 1;
        image.dims = 2;
    }
    const double factor = std::min(1.0, double(maxSide) / std::max(g[0], g[1]));
    const int w = std::max(1, int(std::lround(g[0] * factor))), h = std::max(1, int(std::lround(g[1] * factor)));
    image = resizeImage(image, {h, w});
    double lo = 0.0, hi = 255.0;
    if (raw.bitsStored != 8) {
        const auto [a, b] = std::minmax_element(image.voxels.begin(), image.voxels.end());
        lo = *a;
        hi = *b > *a ? double(*b) : double(*a) + 1.0;
    }
    auto byte = [&](float v) { return uchar(std::clamp(std::lround((v - lo) * 255.0 / (hi - lo)), 0L, 255L)); };
    const size_t plane = size_t(w) * size_t(h);
    QImage thumbnail(w, h, image.channels == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y) {
        uchar* line = thumbnail.scanLine(y);
        for (int x = 0; x < w; ++x) {
            const size_t at = size_t(y) * size_t(w) + size_t(x);
            if (image.channels == 3)
                for (size_t c = 0; c < 3; ++c)
                    line[3 * x + int(c)] = byte(image.voxels[c * plane + at]);
            else
                line[x] = byte(image.voxels[at]);
        }
    }
    return thumbnail;
}

} // namespace radpath::app

#include "app/core/DatasetDecoder.h"

#include "app/core/TrainingImages.h"
#include "viewer/io/IoError.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

#include <atomic>
#include <cmath>
#include <deque>
#include <limits>
#include <mutex>
#include <sstream>

namespace radpath::app {
namespace {

// --- Segmentation pairs ---------------------------------------------------------------------

std::string gridText(const std::array<double, 3>& v, int dims)
{
    std::ostringstream out;
    out << '(';
    for (int a = 0; a < dims; ++a)
        out << (a ? ", " : "") << v[size_t(a)];
    out << ')';
    return out.str();
}

/// Same size, and spacing, origin and direction within a small tolerance (NIfTI stores them
/// as 32-bit floats, so two writers of one grid rarely agree to the last bit).
void checkSameGrid(const ai::ImageGrid& image, const ai::ImageGrid& label, const QString& imagePath,
                   const QString& labelPath)
{
    const std::string both = imagePath.toStdString() + " and " + labelPath.toStdString();
    const int dims = image.size[2] > 1 || label.size[2] > 1 ? 3 : 2;
    if (image.size != label.size) {
        const std::array<double, 3> a{double(image.size[0]), double(image.size[1]), double(image.size[2])};
        const std::array<double, 3> b{double(label.size[0]), double(label.size[1]), double(label.size[2])};
        throw viewer::IoError(both, "differ in size: " + gridText(a, dims) + " against " + gridText(b, dims));
    }
    for (size_t a = 0; a < 3; ++a) {
        if (std::abs(image.spacing[a] - label.spacing[a]) > 1e-4 * std::max(image.spacing[a], 1e-6))
            throw viewer::IoError(both, "differ in spacing: " + gridText(image.spacing, dims) + " mm against " +
                                            gridText(label.spacing, dims) + " mm");
        if (std::abs(image.origin[a] - label.origin[a]) > 1e-3 * std::max(image.spacing[a], 1e-3))
            throw viewer::IoError(both, "differ in origin: " + gridText(image.origin, 3) + " mm against " +
                                            gridText(label.origin, 3) + " mm");
    }
    for (size_t e = 0; e < 9; ++e)
        if (std::abs(image.direction[e] - label.direction[e]) > 1e-4)
            throw viewer::IoError(both, "differ in orientation (direction cosines)");
}

std::vector<std::uint16_t> labelValues(const ai::ImageBuffer& label, const QString& path)
{
    if (label.channels != 1)
        throw viewer::IoError(path.toStdString(),
                              "a label map has one channel, this has " + std::to_string(label.channels));
    std::vector<std::uint16_t> mask(label.voxels.size());
    for (size_t v = 0; v < mask.size(); ++v) {
        const float value = label.voxels[v];
        if (!(value >= 0.0f && value <= 65535.0f) || value != std::round(value))
            throw viewer::IoError(path.toStdString(),
                                  "label values must be whole numbers from 0 to 65535, found " + std::to_string(value));
        mask[v] = std::uint16_t(value);
    }
    return mask;
}

std::string sizeText(const std::vector<int>& size)
{
    std::string text;
    for (int s : size)
        text += (text.empty() ? "" : "×") + std::to_string(s);
    return text;
}

/// The image's spatial sides in tensor order ([h, w] or [d, h, w]).
std::vector<int> tensorSize(const ai::ImageBuffer& image, size_t dims)
{
    const auto& g = image.grid.size;
    return dims == 3 ? std::vector<int>{g[2], g[1], g[0]} : std::vector<int>{g[1], g[0]};
}

// --- Cache ----------------------------------------------------------------------------------

struct Cache {
    std::mutex mutex;
    QHash<QString, std::shared_ptr<const DecodedImage>> images;
    std::deque<QString> order; ///< oldest first
    qint64 bytes = 0;
    qint64 budget = qint64(2) << 30;

    void evict()
    {
        while (bytes > budget && !order.empty()) {
            const auto it = images.find(order.front());
            if (it != images.end()) {
                bytes -= byteSize(**it);
                images.erase(it);
            }
            order.pop_front();
        }
    }
    static qint64 byteSize(const DecodedImage& d)
    {
        return qint64(d.image.voxels.size() * sizeof(float) + d.mask.size() * sizeof(std::uint16_t));
    }
};

Cache& cache()
{
    static Cache instance;
    return instance;
}

QString fileStamp(const QString& path)
{
    const QFileInfo info(path);
    return QStringLiteral("%1|%2|%3")
        .arg(info.absoluteFilePath())
        .arg(info.size())
        .arg(info.lastModified().toMSecsSinceEpoch());
}

QString cacheKey(const DatasetEntry& entry, const DecodeOptions& options)
{
    QString key = fileStamp(entry.path);
    if (!entry.labelPath.isEmpty())
        key += QLatin1Char('#') + fileStamp(entry.labelPath);
    key += QStringLiteral("#c%1#s").arg(options.channels);
    for (int s : options.size)
        key += QString::number(s) + QLatin1Char('x');
    key += QStringLiteral("#m");
    for (int s : options.minimumSize)
        key += QString::number(s) + QLatin1Char('x');
    if (options.pixelSpacingMm > 0.0)
        key += QStringLiteral("#p%1").arg(options.pixelSpacingMm, 0, 'g', 17);
    return key;
}

std::shared_ptr<const DecodedImage> cached(const QString& key)
{
    Cache& c = cache();
    std::lock_guard<std::mutex> lock(c.mutex);
    return c.images.value(key);
}

void store(const QString& key, const std::shared_ptr<const DecodedImage>& image)
{
    Cache& c = cache();
    std::lock_guard<std::mutex> lock(c.mutex);
    if (c.images.contains(key))
        return;
    c.images.insert(key, image);
    c.order.push_back(key);
    c.bytes += Cache::byteSize(*image);
    c.evict();
}

} // namespace

DecodedImage decodeEntry(const DatasetEntry& entry, const DecodeOptions& options)
{
    RawTrainingImage raw = readTrainingImage(entry.path);
    DecodedImage out;
    out.bitsStored = raw.bitsStored;
    out.minimum = raw.minimum;
    out.maximum = raw.maximum;
    out.colour = raw.colour;
    try {
        matchChannels(raw.image, options.channels);
    } catch (const std::exception& e) {
        throw viewer::IoError(entry.path.toStdString(), e.what());
    }
    const std::vector<int>& shape = options.size.empty() ? options.minimumSize : options.size;
    if (!shape.empty() && raw.image.dims != int(shape.size()))
        throw viewer::IoError(entry.path.toStdString(), raw.image.dims == 3
                                                            ? "a volume of " + std::to_string(raw.image.grid.size[2]) +
                                                                  " slices; the model takes 2-D images"
                                                            : std::string("a 2-D image; the model takes volumes"));
    if (!entry.labelPath.isEmpty()) {
        const RawTrainingImage label = readTrainingImage(entry.labelPath);
        checkSameGrid(raw.image.grid, label.image.grid, entry.path, entry.labelPath);
        out.mask = labelValues(label.image, entry.labelPath);
        const std::vector<int> have = tensorSize(raw.image, options.minimumSize.size());
        for (size_t a = 0; a < options.minimumSize.size(); ++a)
            if (have[a] < options.minimumSize[a])
                throw viewer::IoError(entry.path.toStdString(), "the image (" + sizeText(have) +
                                                                    ") is smaller than the patch (" +
                                                                    sizeText(options.minimumSize) + ")");
        out.image = std::move(raw.image);
        return out;
    }
    if (options.pixelSpacingMm > 0.0 && raw.image.dims == 2) {
        raw.image.grid.spacing[0] = options.pixelSpacingMm;
        raw.image.grid.spacing[1] = options.pixelSpacingMm;
    }
    out.image = options.size.empty() ? std::move(raw.image) : resizeImage(raw.image, options.size);
    return out;
}

DecodeOutcome decodeEntries(const std::vector<DatasetEntry>& entries, const DecodeOptions& options,
                            const std::function<void(double)>& progress, const ai::CancelToken* cancel,
                            const std::function<void()>& pausePoint)
{
    const size_t n = entries.size();
    DecodeOutcome outcome;
    outcome.images.resize(n);
    std::vector<QString> errors(n);
    std::vector<char> hits(n, 0);
    std::atomic<size_t> done{0};
    auto work = [&](const size_t& i) {
        if (pausePoint)
            pausePoint();
        if (cancel && cancel->isCancelled())
            return;
        const QString key = cacheKey(entries[i], options);
        if (auto hit = cached(key)) {
            outcome.images[i] = std::move(hit);
            hits[i] = 1;
        } else {
            try {
                auto image = std::make_shared<const DecodedImage>(decodeEntry(entries[i], options));
                store(key, image);
                outcome.images[i] = std::move(image);
            } catch (const viewer::IoError& e) {
                // The entry's file is named in the failure; anything else (its label map, both) here.
                errors[i] = QString::fromStdString(e.path() == entries[i].path.toStdString() ? e.problem() : e.what());
            } catch (const std::exception& e) {
                errors[i] = QString::fromUtf8(e.what());
            } catch (...) {
                errors[i] = QStringLiteral("cannot be decoded");
            }
        }
        done.fetch_add(1, std::memory_order_relaxed);
    };
    std::vector<size_t> indices(n);
    for (size_t i = 0; i < n; ++i)
        indices[i] = i;
    QThreadPool pool;
    pool.setMaxThreadCount(options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount()));
    QFuture<void> future = QtConcurrent::map(&pool, indices, work);
    size_t reported = std::numeric_limits<size_t>::max();
    while (!future.isFinished()) {
        if (cancel && cancel->isCancelled())
            future.cancel();
        const size_t now = done.load(std::memory_order_relaxed);
        if (progress && now != reported && n > 0)
            progress(double(now) / double(n));
        reported = now;
        QThread::msleep(20);
    }
    future.waitForFinished();
    if (cancel && cancel->isCancelled())
        throw ai::Cancelled{};
    if (progress)
        progress(1.0);
    for (size_t i = 0; i < n; ++i) {
        outcome.fromCache += hits[i];
        if (!errors[i].isEmpty())
            outcome.failures.push_back({entries[i].path, errors[i]});
    }
    return outcome;
}

void setDecodeCacheBudget(qint64 bytes)
{
    Cache& c = cache();
    std::lock_guard<std::mutex> lock(c.mutex);
    c.budget = bytes;
    c.evict();
}

qint64 decodeCacheBytes()
{
    Cache& c = cache();
    std::lock_guard<std::mutex> lock(c.mutex);
    return c.bytes;
}

void clearDecodeCache()
{
    Cache& c = cache();
    std::lock_guard<std::mutex> lock(c.mutex);
    c.images.clear();
    c.order.clear();
    c.bytes = 0;
}

IntensityRange intensityRange(const DecodeOutcome& outcome, const std::vector<DatasetEntry>& entries,
                              DatasetSplit split)
{
    IntensityRange range;
    range.minimum = std::numeric_limits<double>::infinity();
    range.maximum = -std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < entries.size() && i < outcome.images.size(); ++i) {
        const auto& image = outcome.images[i];
        if (!image || entries[i].split != split)
            continue;
        range.allEightBit = range.allEightBit && image->bitsStored == 8;
        range.minimum = std::min(range.minimum, image->minimum);
        range.maximum = std::max(range.maximum, image->maximum);
        range.colourImages += image->colour ? 1 : 0;
    }
    if (range.minimum > range.maximum)
        range.minimum = range.maximum = 0.0;
    return range;
}

std::vector<ai::TrainingSample> trainingSamples(const std::vector<DatasetEntry>& entries, const DecodeOutcome& outcome,
                                                DatasetSplit split)
{
    std::vector<ai::TrainingSample> samples;
    for (size_t i = 0; i < entries.size() && i < outcome.images.size(); ++i) {
        const auto& image = outcome.images[i];
        if (!image || entries[i].split != split)
            continue;
        ai::TrainingSample sample;
        sample.image = image->image;
        sample.label = std::max(entries[i].classIndex, 0);
        sample.mask.assign(image->mask.begin(), image->mask.end());
        samples.push_back(std::move(sample));
    }
    return samples;
}

std::vector<int> classOutputPositions(const DatasetScan& scan, DatasetSplit split, const ai::Manifest& manifest,
                                      QStringList* missing)
{
    const std::vector<ai::ManifestLabel>& labels = manifest.output.labels;
    std::vector<int> positions(size_t(scan.classes.size()), -1);
    for (int c = 0; c < scan.classes.size(); ++c) {
        if (size_t(c) >= scan.counts.size() || scan.counts[size_t(c)][size_t(split)] == 0)
            continue;
        for (Qt::CaseSensitivity cs : {Qt::CaseSensitive, Qt::CaseInsensitive})
            for (size_t p = 0; p < labels.size() && positions[size_t(c)] < 0; ++p)
                if (scan.classes[c].compare(QString::fromStdString(labels[p].name), cs) == 0)
                    positions[size_t(c)] = int(p);
        if (positions[size_t(c)] < 0 && missing)
            *missing << QLatin1Char('\'') + scan.classes[c] + QLatin1Char('\'');
    }
    return positions;
}

std::vector<ai::LabelledImage> labelledImages(const std::vector<DatasetEntry>& entries, const DecodeOutcome& outcome,
                                              DatasetSplit split, const std::vector<int>& labelOf)
{
    std::vector<ai::LabelledImage> images;
    for (size_t i = 0; i < entries.size() && i < outcome.images.size(); ++i) {
        const auto& decoded = outcome.images[i];
        if (!decoded || entries[i].split != split)
            continue;
        ai::LabelledImage image;
        image.image = decoded->image;
        const int c = std::max(entries[i].classIndex, 0);
        image.label = labelOf.empty() ? c : labelOf[size_t(c)];
        image.mask = decoded->mask;
        image.name = entries[i].path.toStdString();
        images.push_back(std::move(image));
    }
    return images;
}

} // namespace radpath::app

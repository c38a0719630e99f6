#include "app/core/TrainingDataset.h"

#include "viewer/io/DicomSeriesReader.h"
#include "viewer/io/ItkImageReader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

namespace radpath::app {
namespace {

const QStringList kTrainNames{QStringLiteral("train"), QStringLiteral("training")};
const QStringList kValNames{QStringLiteral("val"), QStringLiteral("valid"), QStringLiteral("validation")};
const QStringList kTestNames{QStringLiteral("test"), QStringLiteral("testing")};
const QStringList kImageDirs{QStringLiteral("images"), QStringLiteral("imagesTr")};
const QStringList kLabelDirs{QStringLiteral("labels"), QStringLiteral("labelsTr"), QStringLiteral("masks")};

// --- Files and their kinds ------------------------------------------------------------------

/// Lower-case extension, ".nii.gz" counting as one ("nii.gz").
QString extensionOf(const QString& fileName)
{
    const QString lower = fileName.toLower();
    if (lower.endsWith(QLatin1String(".nii.gz")))
        return QStringLiteral("nii.gz");
    const int dot = int(lower.lastIndexOf(QLatin1Char('.')));
    return dot > 0 ? lower.mid(dot + 1) : QString();
}

QString stemOf(const QString& fileName)
{
    const QString ext = extensionOf(fileName);
    return ext.isEmpty() ? fileName : fileName.left(fileName.size() - ext.size() - 1);
}

/// Data files that belong to a header beside them (MetaImage .raw, NRRD detached data) and
/// desktop litter: not images by themselves, so not worth a warning.
bool isCompanionOrLitter(const QFileInfo& info)
{
    const QString ext = extensionOf(info.fileName());
    if (ext == QLatin1String("raw") || ext == QLatin1String("zraw") || ext == QLatin1String("gz") ||
        ext == QLatin1String("bz2"))
        return true;
    const QString name = info.fileName().toLower();
    return name == QLatin1String("thumbs.db") || name == QLatin1String("desktop.ini");
}

QByteArray head(const QString& path, qint64 bytes)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(bytes) : QByteArray();
}

QString checkItkHeader(const QString& path, const QString& ext)
{
    const QByteArray start = head(path, 1024);
    if (ext == QLatin1String("nii.gz"))
        return start.startsWith("\x1f\x8b") ? QString() : QStringLiteral("not gzip-compressed NIfTI");
    if (ext == QLatin1String("nii")) {
        if (start.size() < 348)
            return QStringLiteral("truncated NIfTI header");
        const uchar* b = reinterpret_cast<const uchar*>(start.constData());
        const quint32 little = b[0] | (b[1] << 8) | (b[2] << 16) | (quint32(b[3]) << 24);
        const quint32 big = b[3] | (b[2] << 8) | (b[1] << 16) | (quint32(b[0]) << 24);
        return little == 348 || big == 348 || little == 540 || big == 540 ? QString()
                                                                          : QStringLiteral("not a NIfTI file");
    }
    if (ext == QLatin1String("nrrd") || ext == QLatin1String("nhdr"))
        return start.startsWith("NRRD") ? QString() : QStringLiteral("not a NRRD file");
    // MetaImage: a text header of "Key = value" lines.
    return start.contains("NDims") || start.contains("ObjectType") ? QString() : QStringLiteral("not a MetaImage file");
}

// --- Seeded split ---------------------------------------------------------------------------

/// splitmix64: the same numbers on every platform (std::shuffle's are not specified).
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
};

int validationCount(int n, double fraction)
{
    if (n < 2 || fraction <= 0.0)
        return 0;
    return std::clamp(int(std::lround(n * fraction)), 1, n - 1);
}

/// Marks round(n * fraction) of `entries` (one class, sorted) as validation, chosen by `random`.
void splitGroup(std::vector<DatasetEntry>& entries, double fraction, SplitMix64& random)
{
    std::vector<size_t> order(entries.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    for (size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[size_t(random.next() % i)]);
    const int val = validationCount(int(entries.size()), fraction);
    for (int i = 0; i < val; ++i)
        entries[order[size_t(i)]].split = DatasetSplit::Validation;
}

// --- Layout ---------------------------------------------------------------------------------

QString findChild(const QDir& dir, const QStringList& names)
{
    for (const QString& entry : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (names.contains(entry, Qt::CaseInsensitive))
            return dir.filePath(entry);
    return {};
}

struct SplitFolders {
    std::array<QString, kDatasetSplits> dirs; ///< by DatasetSplit; empty when absent
    bool any() const { return !dirs[0].isEmpty() || !dirs[1].isEmpty() || !dirs[2].isEmpty(); }
};

SplitFolders splitFolders(const QDir& root)
{
    return {{findChild(root, kTrainNames), findChild(root, kValNames), findChild(root, kTestNames)}};
}

/// Every file below `dir`, sorted by path; hidden files and litter left out.
QStringList filesBelow(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext()) {
        it.next();
        if (!isCompanionOrLitter(it.fileInfo()))
            files << it.filePath();
    }
    files.sort();
    return files;
}

/// Files and folders directly in `dir` that the layout has no place for.
void skipStrays(const QDir& dir, const QStringList& expectedDirs, const QString& why, DatasetScan& scan)
{
    for (const QFileInfo& info : dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (info.isDir() && expectedDirs.contains(info.fileName(), Qt::CaseInsensitive))
            continue;
        if (info.isFile() && isCompanionOrLitter(info))
            continue;
        scan.skipped.push_back({info.filePath(), why});
    }
}

void sortEntries(DatasetScan& scan)
{
    std::stable_sort(scan.entries.begin(), scan.entries.end(), [](const DatasetEntry& a, const DatasetEntry& b) {
        if (a.split != b.split)
            return int(a.split) < int(b.split);
        if (a.classIndex != b.classIndex)
            return a.classIndex < b.classIndex;
        return a.path < b.path;
    });
}

void countEntries(DatasetScan& scan, int rows)
{
    scan.counts.assign(size_t(std::max(rows, 0)), {0, 0, 0});
    for (const DatasetEntry& e : scan.entries)
        ++scan.counts[size_t(std::max(e.classIndex, 0))][size_t(e.split)];
}

// --- Classification -------------------------------------------------------------------------

/// Class folders directly in `dir` and their readable images; the rest to `skipped`.
void collectClasses(const QString& dir, DatasetSplit split, std::map<QString, std::vector<DatasetEntry>>& byClass,
                    DatasetScan& scan)
{
    const QDir d(dir);
    for (const QFileInfo& info : d.entryInfoList(QDir::Files, QDir::Name))
        if (!isCompanionOrLitter(info))
            scan.skipped.push_back({info.filePath(), QStringLiteral("not inside a class folder")});
    for (const QString& name : d.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        auto& entries = byClass[name]; // an empty class folder still names a class
        for (const QString& file : filesBelow(d.filePath(name))) {
            const QString reason = unreadableReason(file);
            if (reason.isEmpty())
                entries.push_back({file, {}, -1, split});
            else
                scan.skipped.push_back({file, reason});
        }
    }
}

void checkClassification(DatasetScan& scan, const DatasetScanOptions& options)
{
    if (scan.classes.isEmpty()) {
        scan.errors
            << QStringLiteral("%1: no class folders (expected %1/train/<class>/ or %1/<class>/)").arg(scan.root);
        return;
    }
    if (scan.entries.empty()) {
        scan.errors << QStringLiteral("%1: no images in the class folders").arg(scan.root);
        return;
    }
    if (options.purpose == DatasetPurpose::Evaluation)
        return;
    if (scan.classes.size() == 1)
        scan.errors << QStringLiteral("only one class ('%1'): a classifier needs at least two class folders")
                           .arg(scan.classes[0]);
    int largest = -1, smallest = -1;
    for (int c = 0; c < scan.classes.size(); ++c) {
        const auto& n = scan.counts[size_t(c)];
        if (n[0] == 0) {
            scan.errors << QStringLiteral("class '%1' has no training images").arg(scan.classes[c]);
            continue;
        }
        if (n[1] == 0)
            scan.warnings << QStringLiteral("class '%1' has no validation images").arg(scan.classes[c]);
        if (largest < 0 || n[0] > scan.counts[size_t(largest)][0])
            largest = c;
        if (smallest < 0 || n[0] < scan.counts[size_t(smallest)][0])
            smallest = c;
    }
    if (scan.errors.isEmpty() && !scan.has(DatasetSplit::Validation))
        scan.errors << QStringLiteral("%1: no validation images; training needs at least one (add val/<class>/ "
                                      "folders, or enough images for the validation share to take some)")
                           .arg(scan.root);
    if (largest >= 0 && smallest >= 0) {
        const int big = scan.counts[size_t(largest)][0], small = scan.counts[size_t(smallest)][0];
        if (double(big) > options.imbalanceRatio * double(small))
            scan.warnings << QStringLiteral("class imbalance in train: '%1' has %2 images, '%3' only %4 (%5:1); "
                                            "consider \"classWeights\": \"balanced\"")
                                 .arg(scan.classes[largest])
                                 .arg(big)
                                 .arg(scan.classes[smallest])
                                 .arg(small)
                                 .arg(double(big) / double(small), 0, 'f', 1);
    }
}

// --- Segmentation ---------------------------------------------------------------------------

/// The image's stem as its label map is named: nnU-Net's "_0000" channel suffix removed.
QString pairingStem(const QString& imageFile)
{
    const QString stem = stemOf(imageFile);
    return stem.endsWith(QLatin1String("_0000")) ? stem.left(stem.size() - 5) : stem;
}

void collectPairs(const QString& dir, DatasetSplit split, DatasetScan& scan)
{
    const QDir d(dir);
    const QString images = findChild(d, kImageDirs), labels = findChild(d, kLabelDirs);
    if (images.isEmpty() || labels.isEmpty()) {
        scan.skipped.push_back({dir, QStringLiteral("no images/ and labels/ (or masks/) folders inside")});
        return;
    }
    skipStrays(d, kImageDirs + kLabelDirs, QStringLiteral("not part of the images/labels layout"), scan);
    QMap<QString, QString> labelByStem;
    for (const QString& file : filesBelow(labels))
        labelByStem.insert(
            QDir(labels).relativeFilePath(QFileInfo(file).path()) + '/' + stemOf(QFileInfo(file).fileName()), file);
    QSet<QString> used;
    for (const QString& file : filesBelow(images)) {
        const QFileInfo info(file);
        const QString key = QDir(images).relativeFilePath(info.path()) + '/' + pairingStem(info.fileName());
        const auto label = labelByStem.constFind(key);
        if (label == labelByStem.cend()) {
            scan.skipped.push_back({file, QStringLiteral("no label map of the same name in %1").arg(labels)});
            continue;
        }
        used.insert(key);
        QString reason = unreadableReason(file);
        if (reason.isEmpty() && !(reason = unreadableReason(*label)).isEmpty()) {
            scan.skipped.push_back({*label, reason});
            continue;
        }
        if (!reason.isEmpty())
            scan.skipped.push_back({file, reason});
        else
            scan.entries.push_back({file, *label, 0, split});
    }
    for (auto it = labelByStem.cbegin(); it != labelByStem.cend(); ++it)
        if (!used.contains(it.key()))
            scan.skipped.push_back({it.value(), QStringLiteral("no image of the same name in %1").arg(images)});
}

} // namespace

QString toString(DatasetSplit split)
{
    switch (split) {
    case DatasetSplit::Train:
        return QStringLiteral("train");
    case DatasetSplit::Validation:
        return QStringLiteral("val");
    case DatasetSplit::Test:
        break;
    }
    return QStringLiteral("test");
}

int DatasetScan::count(DatasetSplit split) const
{
    int n = 0;
    for (const auto& row : counts)
        n += row[size_t(split)];
    return n;
}

std::vector<DatasetEntry> DatasetScan::entriesOf(DatasetSplit split) const
{
    std::vector<DatasetEntry> out;
    std::copy_if(entries.begin(), entries.end(), std::back_inserter(out),
                 [split](const DatasetEntry& e) { return e.split == split; });
    return out;
}

QString unreadableReason(const QString& path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        return QStringLiteral("cannot be read (permissions?)");
    if (info.size() == 0)
        return QStringLiteral("empty file");
    const QString ext = extensionOf(info.fileName());
    if (ext == QLatin1String("png") || ext == QLatin1String("jpg") || ext == QLatin1String("jpeg") ||
        ext == QLatin1String("bmp")) {
        QImageReader reader(path);
        if (!reader.canRead())
            return QStringLiteral("not a readable %1 image (%2)").arg(ext.toUpper(), reader.errorString());
        return {};
    }
    if (ext == QLatin1String("tif") || ext == QLatin1String("tiff")) {
        const QByteArray start = head(path, 4);
        if (!start.startsWith("II") && !start.startsWith("MM"))
            return QStringLiteral("not a TIFF file");
        if (viewer::ItkImageReader().confidence(path.toStdString()) <= 0.0)
            return QStringLiteral("a whole-slide image (pyramidal or over %1 px), not a training image")
                .arg(viewer::ItkImageReader::kSlideThreshold);
        return {};
    }
    if (ext == QLatin1String("nii") || ext == QLatin1String("nii.gz") || ext == QLatin1String("nrrd") ||
        ext == QLatin1String("nhdr") || ext == QLatin1String("mha") || ext == QLatin1String("mhd"))
        return checkItkHeader(path, ext);
    if (viewer::DicomSeriesReader::hasDicomMagic(path.toStdString()))
        return {};
    if (ext == QLatin1String("dcm") || ext == QLatin1String("dicom"))
        return info.size() < 132 ? QStringLiteral("truncated DICOM file") : QString(); // a raw data set, no preamble
    return QStringLiteral("not an image format RadPath trains on (PNG, JPEG, BMP, TIFF, DICOM, NIfTI, NRRD, MHA)");
}

DatasetScan scanClassificationFolder(const QString& root, const DatasetScanOptions& options)
{
    DatasetScan scan;
    scan.root = QDir::cleanPath(QDir(root).absolutePath());
    scan.task = DatasetTask::Classification;
    const QDir dir(scan.root);
    if (!QFileInfo(scan.root).isDir()) {
        scan.errors << QStringLiteral("%1: no such folder").arg(scan.root);
        return scan;
    }
    std::map<QString, std::vector<DatasetEntry>> byClass; // std::map: code-point order, as torchvision sorts
    const SplitFolders split = splitFolders(dir);
    bool splitTrain = false;
    if (split.any()) {
        skipStrays(dir, kTrainNames + kValNames + kTestNames, QStringLiteral("not a split folder (train, val, test)"),
                   scan);
        for (int s = 0; s < kDatasetSplits; ++s)
            if (!split.dirs[size_t(s)].isEmpty())
                collectClasses(split.dirs[size_t(s)], DatasetSplit(s), byClass, scan);
        if (options.purpose == DatasetPurpose::Training && split.dirs[0].isEmpty())
            scan.errors << QStringLiteral("%1 has split folders but no train/ folder").arg(scan.root);
        splitTrain = options.purpose == DatasetPurpose::Training && split.dirs[1].isEmpty();
        scan.presplit = !splitTrain;
    } else {
        collectClasses(scan.root,
                       options.purpose == DatasetPurpose::Training ? DatasetSplit::Train : DatasetSplit::Test, byClass,
                       scan);
        splitTrain = options.purpose == DatasetPurpose::Training;
    }
    SplitMix64 random{options.seed};
    for (auto& [name, entries] : byClass) {
        scan.classes << name;
        std::vector<DatasetEntry> train;
        for (DatasetEntry& e : entries) {
            e.classIndex = int(scan.classes.size()) - 1;
            (e.split == DatasetSplit::Train ? train : scan.entries).push_back(e);
        }
        if (splitTrain)
            splitGroup(train, options.valFraction, random);
        scan.entries.insert(scan.entries.end(), train.begin(), train.end());
    }
    sortEntries(scan);
    countEntries(scan, int(scan.classes.size()));
    checkClassification(scan, options);
    return scan;
}

DatasetScan scanSegmentationFolder(const QString& root, const DatasetScanOptions& options)
{
    DatasetScan scan;
    scan.root = QDir::cleanPath(QDir(root).absolutePath());
    scan.task = DatasetTask::Segmentation;
    const QDir dir(scan.root);
    if (!QFileInfo(scan.root).isDir()) {
        scan.errors << QStringLiteral("%1: no such folder").arg(scan.root);
        return scan;
    }
    const SplitFolders split = splitFolders(dir);
    bool splitTrain = false;
    if (split.any()) {
        skipStrays(dir, kTrainNames + kValNames + kTestNames, QStringLiteral("not a split folder (train, val, test)"),
                   scan);
        for (int s = 0; s < kDatasetSplits; ++s)
            if (!split.dirs[size_t(s)].isEmpty())
                collectPairs(split.dirs[size_t(s)], DatasetSplit(s), scan);
        splitTrain = options.purpose == DatasetPurpose::Training && split.dirs[1].isEmpty();
        scan.presplit = !splitTrain;
    } else {
        collectPairs(scan.root, options.purpose == DatasetPurpose::Training ? DatasetSplit::Train : DatasetSplit::Test,
                     scan);
        splitTrain = options.purpose == DatasetPurpose::Training;
    }
    if (splitTrain) {
        std::vector<DatasetEntry> train, rest;
        for (const DatasetEntry& e : scan.entries)
            (e.split == DatasetSplit::Train ? train : rest).push_back(e);
        SplitMix64 random{options.seed};
        splitGroup(train, options.valFraction, random);
        scan.entries = rest;
        scan.entries.insert(scan.entries.end(), train.begin(), train.end());
    }
    sortEntries(scan);
    countEntries(scan, 1);
    if (scan.entries.empty())
        scan.errors << QStringLiteral("%1: no image and label map pairs (expected %1/train/images/ with "
                                      "%1/train/labels/, or %1/images/ with %1/labels/)")
                           .arg(scan.root);
    else if (options.purpose == DatasetPurpose::Training && !scan.has(DatasetSplit::Train))
        scan.errors << QStringLiteral("%1: no training pairs").arg(scan.root);
    else if (options.purpose == DatasetPurpose::Training && !scan.has(DatasetSplit::Validation))
        scan.errors << QStringLiteral("%1: no validation pairs; training needs at least one (add a val/ folder, or "
                                      "enough pairs for the validation share to take one)")
                           .arg(scan.root);
    return scan;
}

QJsonObject datasetSummaryJson(const DatasetScan& scan, const DatasetScanOptions& options)
{
    // The folder's name only: a package travels, the local path means nothing elsewhere.
    QJsonObject json{{"root", QFileInfo(scan.root).fileName()},
                     {"task", scan.task == DatasetTask::Segmentation ? "segmentation" : "classification"},
                     {"split", scan.presplit ? "folders" : "stratified"}};
    if (!scan.presplit) {
        json["val_fraction"] = options.valFraction;
        json["seed"] = double(options.seed);
    }
    QJsonObject counts;
    for (int s = 0; s < kDatasetSplits; ++s) {
        const DatasetSplit split = DatasetSplit(s);
        if (!scan.has(split))
            continue;
        if (scan.task == DatasetTask::Segmentation) {
            counts[toString(split)] = scan.count(split);
            continue;
        }
        QJsonObject perClass;
        for (int c = 0; c < scan.classes.size(); ++c)
            perClass[scan.classes[c]] = scan.counts[size_t(c)][size_t(s)];
        counts[toString(split)] = perClass;
    }
    if (scan.task == DatasetTask::Classification)
        json["classes"] = QJsonArray::fromStringList(scan.classes);
    json["counts"] = counts;
    json["skipped_files"] = int(scan.skipped.size());
    return json;
}

QString datasetSummaryText(const DatasetScan& scan)
{
    QString text = QStringLiteral("dataset %1 (%2, %3)\n")
                       .arg(scan.root,
                            scan.task == DatasetTask::Segmentation ? QStringLiteral("segmentation")
                                                                   : QStringLiteral("classification"),
                            scan.presplit ? QStringLiteral("split by folders") : QStringLiteral("seeded split"));
    int width = 8;
    for (const QString& name : scan.classes)
        width = std::max(width, int(name.size()) + 2);
    auto row = [&](const QString& name, int train, int val, int test) {
        text += QStringLiteral("  %1%2 %3 %4\n").arg(name, -width).arg(train, 7).arg(val, 7).arg(test, 7);
    };
    text += QStringLiteral("  %1%2 %3 %4\n").arg(QString(), -width).arg("train", 7).arg("val", 7).arg("test", 7);
    if (scan.task == DatasetTask::Classification)
        for (int c = 0; c < scan.classes.size(); ++c)
            row(scan.classes[c], scan.counts[size_t(c)][0], scan.counts[size_t(c)][1], scan.counts[size_t(c)][2]);
    row(scan.task == DatasetTask::Classification ? QStringLiteral("total") : QStringLiteral("pairs"),
        scan.count(DatasetSplit::Train), scan.count(DatasetSplit::Validation), scan.count(DatasetSplit::Test));
    return text;
}

std::array<QString, 3> splitFolderPaths(const QString& root)
{
    return splitFolders(QDir(root)).dirs;
}

} // namespace radpath::app

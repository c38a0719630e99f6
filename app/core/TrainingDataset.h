#pragma once
// Training and evaluation datasets on disk, as researchers lay them out:
//
// Classification (torchvision ImageFolder style), one folder per class:
//   ROOT/train/<class>/..., ROOT/val/<class>/... (or valid/, validation/), optional ROOT/test/<class>/
//   or ROOT/<class>/... directly: one pool, split per class into train and val (stratified,
//   reproducible from the seed). Classes are the union of the class folder names, sorted by
//   code point as torchvision sorts them; the files of a class are every image below its
//   folder, sorted by path.
// Segmentation, images paired with label maps by file name (stem without extension; an
// nnU-Net channel suffix "_0000" on the image is ignored):
//   ROOT/{train,val,test}/images/... with .../labels/... (or masks/), or ROOT/images + ROOT/labels
//   (then split into train and val as above).
//
// A scan looks at names and headers only (cheap); decoding (DatasetDecoder.h) reads pixels.
// No widgets, no Torch: the CLI and the GUI wizard share this.

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <array>
#include <vector>

namespace radpath::app {

enum class DatasetSplit { Train = 0, Validation = 1, Test = 2 };
constexpr int kDatasetSplits = 3;

/// "train", "val" or "test".
QString toString(DatasetSplit split);

enum class DatasetTask { Classification, Segmentation };

struct DatasetEntry {
    QString path;        ///< the image
    QString labelPath;   ///< segmentation: its label map; classification: empty
    int classIndex = -1; ///< classification: index into DatasetScan::classes
    DatasetSplit split = DatasetSplit::Train;
};

/// A file left out of the dataset and why ("not a PNG image", "no label map named ...").
struct SkippedFile {
    QString path;
    QString reason;
};

enum class DatasetPurpose {
    Training,  ///< needs train images of at least two classes; pools are split into train/val
    Evaluation ///< any labelled images: a pool is kept whole, as the test split
};

struct DatasetScanOptions {
    DatasetPurpose purpose = DatasetPurpose::Training;
    double valFraction = 0.2; ///< share of each class (or of the pairs) for validation when not pre-split
    unsigned long long seed = 42;
    double imbalanceRatio = 3.0; ///< warn when the largest / smallest train class exceeds this
};

struct DatasetScan {
    QString root; ///< absolute; entries' paths are below it
    DatasetTask task = DatasetTask::Classification;
    bool presplit = false;             ///< the folders gave the splits (else a seeded split)
    QStringList classes;               ///< classification only
    std::vector<DatasetEntry> entries; ///< by split, then class, then path
    /// Images per class per split ([class][split]); segmentation: one row for all pairs.
    std::vector<std::array<int, kDatasetSplits>> counts;
    QStringList warnings;             ///< worth telling, not stopping (class imbalance, a class missing in val)
    QStringList errors;               ///< training cannot start (no classes, one class, an empty class, no images)
    std::vector<SkippedFile> skipped; ///< unreadable or unsupported files, with the reason

    bool ok() const { return errors.isEmpty(); }
    int count(DatasetSplit split) const;
    bool has(DatasetSplit split) const { return count(split) > 0; }
    /// The entries of one split, in order.
    std::vector<DatasetEntry> entriesOf(DatasetSplit split) const;
};

/// Scans a classification folder (see above). Never throws: problems end up in the result.
DatasetScan scanClassificationFolder(const QString& root, const DatasetScanOptions& options = {});

/// Scans a segmentation folder (see above). Never throws.
DatasetScan scanSegmentationFolder(const QString& root, const DatasetScanOptions& options = {});

/// ROOT's split folders by DatasetSplit (train/training, val/valid/validation, test/testing,
/// any case); empty where absent.
std::array<QString, 3> splitFolderPaths(const QString& root);

/// Whether the file looks like an image RadPath decodes for training, from its name and first
/// bytes: PNG, JPEG, BMP (Qt), TIFF, NIfTI, NRRD, MetaImage (ITK), DICOM (DCMTK). Empty when
/// it does, else why not.
QString unreadableReason(const QString& path);

/// The dataset as a model package's manifest keeps it (under training.dataset):
/// {"root" (the folder's name), "task", "classes": [...], "split": "folders" | "stratified",
///  "val_fraction", "seed", "counts": {"train": {"<class>": n, ...}, "val": {...}, "test": {...}},
///  "skipped_files"} (segmentation: counts {"train": n, ...}).
QJsonObject datasetSummaryJson(const DatasetScan& scan, const DatasetScanOptions& options);

/// A few lines for a terminal: classes with their counts per split.
QString datasetSummaryText(const DatasetScan& scan);

} // namespace radpath::app

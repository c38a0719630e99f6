#include "app/gui/TrainingDataPage.h"

#include "app/core/SlideTileDataset.h"
#include "app/core/TrainingDataset.h"
#include "app/core/TrainingImages.h"
#include "app/core/TrainingPreparation.h"
#include "app/gui/TrainingTables.h"
#include "app/gui/TrainingWizard.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace radpath {
namespace app {

/// What the scan job hands back: the scan and a few thumbnails of each class (segmentation:
/// of the images), made on the worker as QImage.
struct DataScanResult {
    quint64 generation = 0;
    QString key;
    DatasetScan scan;
    std::vector<QList<QImage>> thumbnails;         ///< by class (segmentation: one row)
    std::shared_ptr<const SlideTileDataset> tiles; ///< tiles cut from slides, else null
    SlideTileOptions tileOptions;
};

namespace {

constexpr int kThumbnailsPerClass = 8;
constexpr int kThumbnailSide = 64;

/// A tile of a slide (RGB planes, 0..255) as a picture.
QImage tileImage(const ai::ImageBuffer& tile)
{
    const int w = tile.grid.size[0], h = tile.grid.size[1];
    const size_t plane = size_t(w) * size_t(h);
    if (w <= 0 || h <= 0 || tile.voxels.size() < plane * size_t(std::max(1, tile.channels)))
        return {};
    QImage image(w, h, QImage::Format_RGB888);
    for (int y = 0; y < h; ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c) {
                const float v =
                    tile.voxels[size_t(tile.channels == 3 ? c : 0) * plane + size_t(y) * size_t(w) + size_t(x)];
                line[3 * x + c] = uchar(std::clamp(v, 0.0f, 255.0f));
            }
    }
    return image;
}

QString colouredList(const QStringList& lines, const char* colour)
{
    QString html;
    for (const QString& line : lines)
        html += QStringLiteral("<div style=\"color:%1\">• %2</div>").arg(QLatin1String(colour), line.toHtmlEscaped());
    return html;
}

} // namespace

TrainingDataPage::TrainingDataPage(TrainingWizard& wizard) : QWizardPage(&wizard), m_wizard(wizard)
{
    setObjectName(QStringLiteral("trainingDataPage"));
    setTitle(tr("Dataset"));
    setSubTitle(tr("Choose the folder that holds the labelled images. RadPath reads file names and headers "
                   "now and the pixels when training starts."));

    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("dataFolder"));
    m_folder->setPlaceholderText(tr("Dataset folder"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("dataBrowse"));
    m_valFraction = new QDoubleSpinBox(this);
    m_valFraction->setObjectName(QStringLiteral("dataValFraction"));
    m_valFraction->setRange(0.05, 0.9);
    m_valFraction->setSingleStep(0.05);
    m_valFraction->setValue(0.2);
    m_valFraction->setToolTip(tr("The share of each class kept for validation when the folder is not split "
                                 "into train/ and val/ already"));
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    folderRow->addSpacing(12);
    folderRow->addWidget(new QLabel(tr("Validation share:"), this));
    folderRow->addWidget(m_valFraction);

    // Slide tiles: cut at this size and resolution (the model's input).
    m_tileRow = new QWidget(this);
    m_tileSize = new QSpinBox(m_tileRow);
    m_tileSize->setObjectName(QStringLiteral("dataTileSize"));
    m_tileSize->setRange(16, 1024);
    m_tileSize->setSingleStep(16);
    m_tileSize->setValue(64);
    m_tileSize->setSuffix(tr(" px"));
    m_mpp = new QDoubleSpinBox(m_tileRow);
    m_mpp->setObjectName(QStringLiteral("dataMpp"));
    m_mpp->setRange(0.1, 64.0);
    m_mpp->setDecimals(2);
    m_mpp->setValue(2.0);
    m_mpp->setSuffix(tr(" µm per pixel"));
    m_mpp->setToolTip(tr("The resolution tiles are cut at: 0.25 is about 40×, 0.5 about 20×, 2 about 5×"));
    auto* tileLayout = new QHBoxLayout(m_tileRow);
    tileLayout->setContentsMargins(0, 0, 0, 0);
    tileLayout->addWidget(new QLabel(tr("Tiles of"), m_tileRow));
    tileLayout->addWidget(m_tileSize);
    tileLayout->addWidget(new QLabel(tr("at"), m_tileRow));
    tileLayout->addWidget(m_mpp);
    tileLayout->addStretch();
    m_tileRow->hide();

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("dataStatus"));
    m_status->setWordWrap(true);

    m_counts = figureTable("dataCounts", this);
    fitTableHeight(m_counts);

    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("dataWarnings"));
    m_warnings->setWordWrap(true);
    m_errors = new QLabel(this);
    m_errors->setObjectName(QStringLiteral("dataErrors"));
    m_errors->setWordWrap(true);

    m_thumbnails = new QWidget;
    m_thumbnails->setObjectName(QStringLiteral("dataThumbnails"));
    m_thumbnailRows = new QVBoxLayout(m_thumbnails);
    m_thumbnailRows->setContentsMargins(4, 4, 4, 4);
    auto* thumbnailScroll = new QScrollArea(this);
    thumbnailScroll->setWidget(m_thumbnails);
    thumbnailScroll->setWidgetResizable(true);
    thumbnailScroll->setMinimumHeight(2 * kThumbnailSide + 40);

    m_skippedToggle = new QToolButton(this);
    m_skippedToggle->setObjectName(QStringLiteral("dataSkippedToggle"));
    m_skippedToggle->setCheckable(true);
    m_skippedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_skippedToggle->setArrowType(Qt::RightArrow);
    m_skippedToggle->setAutoRaise(true);
    m_skipped = new QTreeWidget(this);
    m_skipped->setObjectName(QStringLiteral("dataSkipped"));
    m_skipped->setHeaderLabels({tr("File"), tr("Why it is left out")});
    m_skipped->setRootIsDecorated(false);
    m_skipped->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_skipped->setMaximumHeight(140);
    m_skipped->hide();
    connect(m_skippedToggle, &QToolButton::toggled, this, [this](bool open) {
        m_skipped->setVisible(open);
        m_skippedToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(folderRow);
    layout->addWidget(m_tileRow);
    layout->addWidget(m_status);
    layout->addWidget(m_counts);
    layout->addWidget(m_errors);
    layout->addWidget(m_warnings);
    layout->addWidget(new QLabel(tr("Samples:"), this));
    layout->addWidget(thumbnailScroll, 1);
    layout->addWidget(m_skippedToggle);
    layout->addWidget(m_skipped);

    // Typing scans after a pause; Enter and Browse scan at once.
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(400);
    connect(m_debounce, &QTimer::timeout, this, &TrainingDataPage::scan);
    connect(m_folder, &QLineEdit::textChanged, this, [this] {
        m_wizard.state().scanned = false;
        emit completeChanged();
        m_debounce->start();
    });
    connect(m_folder, &QLineEdit::returnPressed, this, &TrainingDataPage::scan);
    for (QAbstractSpinBox* box : {static_cast<QAbstractSpinBox*>(m_valFraction),
                                  static_cast<QAbstractSpinBox*>(m_tileSize), static_cast<QAbstractSpinBox*>(m_mpp)})
        connect(box, &QAbstractSpinBox::editingFinished, this, [this] {
            if (!folder().isEmpty() && m_scannedKey != scanKey())
                m_debounce->start();
        });
    connect(browse, &QPushButton::clicked, this, &TrainingDataPage::browse);
    connect(&m_wizard.jobs(), &JobRunner::jobProgress, this, [this](JobId id, double fraction, const QString& stage) {
        if (id == m_scanning && !stage.isEmpty())
            m_status->setText(tr("%1: %2 %").arg(stage).arg(int(fraction * 100.0)));
    });
    clearSummary(tr("No folder chosen yet."));
}

QString TrainingDataPage::folder() const
{
    const QString text = m_folder->text().trimmed();
    return text.isEmpty() ? text : QDir::cleanPath(QFileInfo(text).absoluteFilePath());
}

void TrainingDataPage::describe(QJsonObject& json) const
{
    json[QStringLiteral("data")] = folder();
    json[QStringLiteral("valFraction")] = m_valFraction->value();
    if (m_wizard.task() == ai::ModelTask::TileClassification)
        json[QStringLiteral("mpp")] = m_mpp->value();
}

QString TrainingDataPage::scanKey() const
{
    QString key = QStringLiteral("%1|%2|%3").arg(folder()).arg(int(m_wizard.task())).arg(m_valFraction->value());
    if (m_wizard.task() == ai::ModelTask::TileClassification)
        key += QStringLiteral("|%1|%2").arg(m_tileSize->value()).arg(m_mpp->value());
    return key;
}

int TrainingDataPage::tileSize() const
{
    return m_tileSize->value();
}

void TrainingDataPage::initializePage()
{
    const bool tiles = m_wizard.task() == ai::ModelTask::TileClassification;
    m_tileRow->setVisible(tiles);
    setSubTitle(tiles ? tr("Choose the folder of annotated slides (or of tile images by class). The tiles are cut "
                           "now, in the background.")
                      : tr("Choose the folder that holds the labelled images. RadPath reads file names and headers "
                           "now and the pixels when training starts."));
    // The task may have changed since the last scan: the same folder reads differently.
    if (!folder().isEmpty() && m_scannedKey != scanKey())
        scan();
}

bool TrainingDataPage::isComplete() const
{
    const TrainingWizardState& state = m_wizard.state();
    return m_scanning == 0 && state.scanned && state.scan.ok() && m_scannedKey == scanKey();
}

void TrainingDataPage::browse()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Dataset folder"), folder());
    if (dir.isEmpty())
        return;
    m_folder->setText(dir);
    scan();
}

void TrainingDataPage::clearSummary(const QString& status)
{
    m_status->setText(status);
    m_valFraction->setEnabled(true);
    m_counts->clear();
    m_counts->setRowCount(0);
    m_counts->setColumnCount(0);
    m_warnings->clear();
    m_warnings->hide();
    m_errors->clear();
    m_errors->hide();
    while (QLayoutItem* item = m_thumbnailRows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_skipped->clear();
    m_skippedToggle->hide();
    m_skipped->hide();
}

void TrainingDataPage::scan()
{
    m_debounce->stop();
    const QString root = folder();
    const ai::ModelTask task = m_wizard.task();
    DatasetScanOptions options;
    options.valFraction = m_valFraction->value();
    m_wizard.state().scanned = false;
    m_wizard.state().tiles.reset();
    const quint64 generation = ++m_generation;
    if (root.isEmpty()) {
        m_scanning = 0;
        clearSummary(tr("No folder chosen yet."));
        emit completeChanged();
        return;
    }
    if (m_scanning != 0)
        m_wizard.jobs().cancel(m_scanning);
    SlideTileOptions tileOptions;
    tileOptions.mpp = m_mpp->value();
    tileOptions.tileSize = m_tileSize->value();
    tileOptions.valFraction = options.valFraction;
    tileOptions.seed = unsigned(options.seed);
    clearSummary(tr("Scanning %1…").arg(QDir::toNativeSeparators(root)));
    const QString key = scanKey();
    m_scanning = m_wizard.jobs().run<DataScanResult>(
        tr("Scanning the dataset"), this,
        [root, task, options, tileOptions, generation, key](JobContext& ctx) {
            DataScanResult result;
            result.generation = generation;
            result.key = key;
            // Slides are cut into tiles now (the run takes them as they are); anything else is
            // read by name and header only. Telling the two apart walks the folder: here, off
            // the GUI thread.
            if (task == ai::ModelTask::TileClassification && holdsSlides(root)) {
                ctx.setProgress(0.0, tr("cutting tiles"));
                ai::CancelToken token;
                const auto link = ctx.whenCancelled([&token] { token.cancel(); });
                auto tiles = std::make_shared<SlideTileDataset>(cutSlideTiles(
                    root, tileOptions, [&](double fraction) { ctx.setProgress(fraction, tr("cutting tiles")); },
                    &token));
                result.scan = tileDatasetSummary(*tiles, root);
                result.thumbnails.resize(size_t(tiles->classes.size()));
                for (const ai::TrainingSample& sample : tiles->train)
                    if (sample.label >= 0 && size_t(sample.label) < result.thumbnails.size() &&
                        result.thumbnails[size_t(sample.label)].size() < kThumbnailsPerClass)
                        result.thumbnails[size_t(sample.label)].append(tileImage(sample.image));
                result.tiles = std::move(tiles);
                result.tileOptions = tileOptions;
                return result;
            }
            result.scan = task == ai::ModelTask::Segmentation ? scanSegmentationFolder(root, options)
                                                              : scanClassificationFolder(root, options);
            const size_t rows = task == ai::ModelTask::Segmentation ? 1 : size_t(result.scan.classes.size());
            result.thumbnails.resize(rows);
            // The first few training images of each class (the scan orders entries by split,
            // then class), else whatever split has some.
            for (const DatasetEntry& entry : result.scan.entries) {
                if (ctx.isCancelled())
                    break;
                const size_t row = task == ai::ModelTask::Segmentation ? 0 : size_t(std::max(0, entry.classIndex));
                if (row >= rows || result.thumbnails[row].size() >= kThumbnailsPerClass)
                    continue;
                const QImage image = trainingThumbnail(entry.path, kThumbnailSide);
                if (!image.isNull())
                    result.thumbnails[row].append(image);
            }
            return result;
        },
        [this](DataScanResult result) {
            if (result.generation != m_generation)
                return; // a newer scan was asked for
            m_scanning = 0;
            showScan(result);
        },
        [this, generation](const QString& message) {
            if (generation != m_generation)
                return;
            m_scanning = 0;
            clearSummary(tr("The folder could not be scanned: %1").arg(message));
            emit completeChanged();
        });
    emit completeChanged();
}

void TrainingDataPage::showScan(const DataScanResult& result)
{
    TrainingWizardState& state = m_wizard.state();
    state.scan = result.scan;
    state.scanned = true;
    state.tiles = result.tiles;
    state.tileOptions = result.tileOptions;
    m_scannedKey = result.key;
    const DatasetScan& scan = result.scan;
    clearSummary({});

    const bool segmentation = scan.task == DatasetTask::Segmentation;
    int total = 0;
    for (const auto& row : scan.counts)
        for (int n : row)
            total += n;
    QString status = segmentation ? tr("%n image(s) with label maps.", nullptr, total)
                     : result.tiles
                         ? tr("%n tile(s) of %1 px at %2 µm per pixel from %3 slide(s), in %4 classes.", nullptr, total)
                               .arg(result.tileOptions.tileSize)
                               .arg(result.tileOptions.mpp)
                               .arg(result.tiles->slides.size())
                               .arg(scan.classes.size())
                         : tr("%n image(s) in %1 classes.", nullptr, total).arg(scan.classes.size());
    status +=
        QLatin1Char(' ') + (scan.presplit ? tr("Split by its train/val/test folders.")
                                          : tr("Not split into folders: %1 % of each class is kept for validation.")
                                                .arg(m_valFraction->value() * 100.0, 0, 'f', 0));
    m_status->setText(status);

    const QStringList splits{tr("Train"), tr("Validation"), tr("Test"), tr("Total")};
    m_counts->setColumnCount(splits.size());
    m_counts->setHorizontalHeaderLabels(splits);
    m_counts->setRowCount(int(scan.counts.size()));
    QStringList rowNames;
    for (size_t r = 0; r < scan.counts.size(); ++r) {
        rowNames << (segmentation ? tr("image / label pairs") : scan.classes.value(int(r)));
        int sum = 0;
        for (int s = 0; s < kDatasetSplits; ++s) {
            sum += scan.counts[r][size_t(s)];
            m_counts->setItem(int(r), s, figureItem(QString::number(scan.counts[r][size_t(s)])));
        }
        m_counts->setItem(int(r), kDatasetSplits, figureItem(QString::number(sum)));
    }
    m_counts->setVerticalHeaderLabels(rowNames);
    fitTableHeight(m_counts);
    // The share matters only to folders that are not split already.
    m_valFraction->setEnabled(!scan.presplit);

    if (!scan.errors.isEmpty()) {
        m_errors->setText(colouredList(scan.errors, "#c62828"));
        m_errors->show();
    }
    if (!scan.warnings.isEmpty()) {
        m_warnings->setText(colouredList(scan.warnings, "#b26a00"));
        m_warnings->show();
    }

    for (size_t r = 0; r < result.thumbnails.size(); ++r) {
        auto* row = new QWidget(m_thumbnails);
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto* name = new QLabel(segmentation ? tr("images") : scan.classes.value(int(r)), row);
        name->setMinimumWidth(120);
        name->setWordWrap(true);
        rowLayout->addWidget(name);
        for (const QImage& image : result.thumbnails[r]) {
            auto* thumb = new QLabel(row);
            // Pixmaps are made here, on the GUI thread; small images are enlarged pixel by pixel.
            const QImage shown =
                std::max(image.width(), image.height()) < kThumbnailSide
                    ? image.scaled(kThumbnailSide, kThumbnailSide, Qt::KeepAspectRatio, Qt::FastTransformation)
                    : image;
            thumb->setPixmap(QPixmap::fromImage(shown));
            thumb->setFixedSize(kThumbnailSide + 4, kThumbnailSide + 4);
            thumb->setAlignment(Qt::AlignCenter);
            thumb->setFrameShape(QFrame::StyledPanel);
            rowLayout->addWidget(thumb);
        }
        rowLayout->addStretch();
        m_thumbnailRows->addWidget(row);
    }
    m_thumbnailRows->addStretch();

    if (!scan.skipped.empty()) {
        for (const SkippedFile& file : scan.skipped)
            new QTreeWidgetItem(m_skipped, {QDir::toNativeSeparators(file.path), file.reason});
        m_skippedToggle->setText(tr("%n file(s) cannot be used", nullptr, int(scan.skipped.size())));
        m_skippedToggle->show();
        m_skipped->setVisible(m_skippedToggle->isChecked());
    }
    emit completeChanged();
    emit scanFinished();
}

} // namespace app
} // namespace radpath

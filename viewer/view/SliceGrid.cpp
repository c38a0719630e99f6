#include "viewer/view/SliceGrid.h"

#include "viewer/view/SliceView.h"

#include <QComboBox>
#include <QGridLayout>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace radpath {
namespace viewer {

namespace {
constexpr int kMaxCells = 4;
}

struct SliceGrid::Private {
    struct Cell {
        QWidget* box = nullptr;
        QComboBox* picker = nullptr;
        SliceView* view = nullptr;
        int source = -1;
    };
    std::vector<Source> sources;
    std::vector<Cell> cells;
    QGridLayout* grid = nullptr;
    int rows = 1, columns = 2;
    bool linked = true;
    bool following = false; // a linked move in progress: do not echo it back
};

SliceGrid::SliceGrid(QWidget* parent) : QWidget(parent), d(std::make_unique<Private>())
{
    d->grid = new QGridLayout(this);
    d->grid->setContentsMargins(0, 0, 0, 0);
    d->grid->setSpacing(2);
    for (int i = 0; i < kMaxCells; ++i) {
        Private::Cell cell;
        cell.box = new QWidget(this);
        cell.picker = new QComboBox(cell.box);
        cell.picker->setObjectName(QStringLiteral("seriesPicker%1").arg(i));
        cell.view = new SliceView(cell.box);
        cell.view->setObjectName(QStringLiteral("gridView%1").arg(i));
        auto* layout = new QVBoxLayout(cell.box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(1);
        layout->addWidget(cell.picker);
        layout->addWidget(cell.view, 1);
        cell.box->hide();
        connect(cell.picker, qOverload<int>(&QComboBox::activated), this, [this, i](int item) {
            setCellSource(i, d->cells[size_t(i)].picker->itemData(item).toInt());
        });
        connect(cell.view, &SliceView::sliceChanged, this, [this, i] { follow(i); });
        d->cells.push_back(cell);
    }
    rebuild();
}

SliceGrid::~SliceGrid() = default;

int SliceGrid::rows() const { return d->rows; }
int SliceGrid::columns() const { return d->columns; }
int SliceGrid::cellCount() const { return d->rows * d->columns; }
int SliceGrid::cellCapacity() const { return kMaxCells; }
SliceView* SliceGrid::cell(int index) const { return d->cells.at(size_t(index)).view; }
int SliceGrid::cellSource(int index) const { return d->cells.at(size_t(index)).source; }
bool SliceGrid::isLinked() const { return d->linked; }
void SliceGrid::setLinked(bool linked) { d->linked = linked; }

void SliceGrid::setSources(std::vector<Source> sources)
{
    // Cells keep their series when it is still offered (matched by its shared voxels).
    std::vector<int> kept(d->cells.size(), -1);
    for (size_t c = 0; c < d->cells.size(); ++c) {
        const int old = d->cells[c].source;
        if (old < 0)
            continue;
        for (size_t s = 0; s < sources.size(); ++s)
            if (sources[s].volume.data() == d->sources[size_t(old)].volume.data())
                kept[c] = int(s);
    }
    d->sources = std::move(sources);
    std::vector<int> before(d->cells.size());
    for (size_t c = 0; c < d->cells.size(); ++c) {
        Private::Cell& cell = d->cells[c];
        const QSignalBlocker block(cell.picker);
        cell.picker->clear();
        cell.picker->addItem(tr("(none)"), -1);
        for (size_t s = 0; s < d->sources.size(); ++s)
            cell.picker->addItem(d->sources[s].title, int(s));
        before[c] = cell.source;
        // A kept series keeps its view as it is (slice, zoom, window, measurements).
        cell.source = kept[c];
        cell.picker->setCurrentIndex(cell.picker->findData(cell.source));
    }
    // Empty cells take the series no cell shows yet, in order.
    for (size_t c = 0; c < d->cells.size(); ++c) {
        if (d->cells[c].source >= 0)
            continue;
        for (int s = 0; s < int(d->sources.size()); ++s) {
            const bool shown = std::any_of(d->cells.begin(), d->cells.end(), [s](const Private::Cell& x) { return x.source == s; });
            if (!shown) {
                setCellSource(int(c), s);
                break;
            }
        }
        if (d->cells[c].source < 0 && before[c] >= 0)
            setCellSource(int(c), -1);
    }
}

void SliceGrid::setCellSource(int index, int source)
{
    Private::Cell& cell = d->cells.at(size_t(index));
    if (source >= int(d->sources.size()))
        source = -1;
    cell.source = source;
    {
        const QSignalBlocker block(cell.picker);
        cell.picker->setCurrentIndex(cell.picker->findData(source));
    }
    cell.view->setVisible(source >= 0);
    if (source < 0) {
        emit cellSourceChanged(index);
        return;
    }
    {
        // Its first slice is not a move for the others to follow.
        const bool wasFollowing = std::exchange(d->following, true);
        cell.view->setVolume(d->sources[size_t(source)].volume);
        d->following = wasFollowing;
    }
    emit cellSourceChanged(index);
    // Join the others at their position, if linked to any of them.
    for (int other = 0; other < cellCount(); ++other)
        if (other != index && d->cells[size_t(other)].source >= 0) {
            follow(other);
            break;
        }
}

void SliceGrid::setGridSize(int rows, int columns)
{
    d->rows = std::clamp(rows, 1, 2);
    d->columns = std::clamp(columns, 1, 2);
    rebuild();
}

void SliceGrid::rebuild()
{
    for (auto& cell : d->cells) {
        d->grid->removeWidget(cell.box);
        cell.box->hide();
    }
    for (int r = 0; r < d->rows; ++r)
        for (int c = 0; c < d->columns; ++c) {
            QWidget* box = d->cells[size_t(r * d->columns + c)].box;
            d->grid->addWidget(box, r, c);
            box->show();
        }
}

void SliceGrid::follow(int fromCell)
{
    if (!d->linked || d->following)
        return;
    const Private::Cell& from = d->cells[size_t(fromCell)];
    if (from.source < 0 || from.view->volume().isNull())
        return;
    const Volume& a = from.view->volume();
    if (a.info().frameOfReferenceUid.empty())
        return;
    const ImageGeometry& ga = a.geometry();
    const Vec3 position = ga.indexToPhysical({0, 0, double(from.view->slice())});
    const Vec3 na = ga.axisDirection(2);
    d->following = true;
    for (int i = 0; i < cellCount(); ++i) {
        const Private::Cell& to = d->cells[size_t(i)];
        if (i == fromCell || to.source < 0 || to.view->volume().isNull())
            continue;
        const Volume& b = to.view->volume();
        const ImageGeometry& gb = b.geometry();
        // Same patient space and parallel slices: the nearest slice to the same position.
        if (b.info().frameOfReferenceUid != a.info().frameOfReferenceUid || std::abs(dot(na, gb.axisDirection(2))) < 0.999)
            continue;
        to.view->setSlice(int(std::lround(gb.physicalToIndex(position)[2])));
    }
    d->following = false;
}

} // namespace viewer
} // namespace radpath

#pragma once
// Series side by side: 1×1, 1×2 or 2×2 slice views, each showing a series picked from a
// list. Views whose series share a frame of reference and a slice orientation scroll
// together: moving one to a patient position brings the others to their nearest slice.

#include "viewer/model/Volume.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

namespace radpath {
namespace viewer {

class SliceView;

/// GUI thread only.
class SliceGrid : public QWidget {
    Q_OBJECT
public:
    struct Source {
        QString title;
        Volume volume; ///< shares the voxels of the series
    };

    explicit SliceGrid(QWidget* parent = nullptr);
    ~SliceGrid() override;

    /// The series the cells can show; cells keep their series if it is still offered, and
    /// empty cells take the next ones in order.
    void setSources(std::vector<Source> sources);
    /// rows × columns views (1×1, 1×2, 2×2...).
    void setGridSize(int rows, int columns);
    int rows() const;
    int columns() const;
    int cellCount() const;
    /// Cells that exist (shown or not): the largest grid's.
    int cellCapacity() const;
    SliceView* cell(int index) const;
    /// Which source a cell shows (-1: none); `source` -1 empties it.
    int cellSource(int index) const;
    void setCellSource(int index, int source);

    /// Linked scrolling of views in the same frame of reference (on by default).
    void setLinked(bool linked);
    bool isLinked() const;

signals:
    /// A cell shows another series (or none); not sent for cells that keep theirs.
    void cellSourceChanged(int index);

private:
    void rebuild();
    void follow(int fromCell);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace viewer
} // namespace radpath

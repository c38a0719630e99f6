#pragma once
// Shows a Volume as an axial slice (window/level, wheel scrolls slices) beside a 3-D
// volume rendering, both through VtkWidget.

#include "viewer/model/Volume.h"

#include <QWidget>

#include <memory>

namespace radpath {
namespace viewer {

class SliceView;
class VtkWidget;

/// GUI thread only.
class VolumeView : public QWidget {
    Q_OBJECT
public:
    explicit VolumeView(QWidget* parent = nullptr);
    ~VolumeView() override;

    /// `complete` false: only the middle slice is decoded yet (see finishLoading).
    void setVolume(const Volume& volume, bool complete = true);
    /// The rest of the series arrived in the same buffer: enable scrolling and 3-D.
    void finishLoading(const Volume& volume);
    bool isLoading() const;
    const Volume& volume() const;

    int slice() const;
    int sliceCount() const;
    void setSlice(int k);
    void setWindow(double center, double width);
    double windowCenter() const;
    double windowWidth() const;

    SliceView* sliceView() const;
    VtkWidget* sliceWidget() const;
    VtkWidget* volumeWidget() const;

    /// Resamples a gantry-tilted series to its true slice positions, in the background;
    /// volumeReplaced follows.
    void resampleTilt();

signals:
    void sliceChanged(int k);
    /// The view shows a new Volume made from its old one (resampled, say).
    void volumeReplaced(const Volume& volume);

private:
    void setUp3d();
    void placeCamera();
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showNotice();
    void fillPresets();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace viewer
} // namespace radpath

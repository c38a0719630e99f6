#pragma once
// Figures for "Volume rendering frame time at 800×800": a VolumeRenderView whose 3-D widget
// is 800 x 800 pixels renders `volume` while the camera turns about it.

#include <QJsonArray>

namespace radpath::viewer {
class Volume;
}

namespace radpath::bench {

/// Frame time (ms, p50 and p95 over `frames` frames, the camera turning 360 / frames
/// degrees of azimuth before each) for "CT soft tissue" and "CT bone" at still quality, and
/// for "CT soft tissue" at interactive quality (a mouse button held in the view). A frame is
/// one synchronous render of the 3-D widget with its read-back. Each entry is a Figure's
/// JSON (Bench.h). Needs a QApplication with a display that has OpenGL 3.2; GUI thread.
QJsonArray volumeRenderFigures(const radpath::viewer::Volume& volume, int frames = 20);

} // namespace radpath::bench

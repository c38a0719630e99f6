#include "VolumeRenderFigures.h"

#include "Bench.h"

#include "viewer/model/Volume.h"
#include "viewer/render/VtkWidget.h"
#include "viewer/view/VolumeRenderView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QWindow>

#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <vector>

namespace radpath::bench {
namespace {

using radpath::viewer::VolumeRenderView;
using radpath::viewer::VtkWidget;

// Turns the camera a step before each frame; a frame is a synchronous render and read-back.
std::vector<double> frameTimes(VtkWidget* gl, int frames)
{
    vtkRenderer* renderer = gl->renderer();
    gl->grabFramebuffer(); // not timed: textures and shaders are made on the first frame
    std::vector<double> ms;
    for (int i = 0; i < frames; ++i) {
        renderer->GetActiveCamera()->Azimuth(360.0 / frames);
        renderer->ResetCameraClippingRange();
        QElapsedTimer timer;
        timer.start();
        gl->grabFramebuffer();
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return ms;
}

QJsonObject figure(const QString& name, double value, const QString& unit)
{
    Figure f;
    f.name = name;
    f.value = value;
    f.unit = unit;
    return f.toJson();
}

void add(QJsonArray& out, const QString& what, const std::vector<double>& ms)
{
    const QString name = QStringLiteral("Volume rendering frame time at 800×800, %1").arg(what);
    out.append(figure(name + QStringLiteral(", p50"), percentile(ms, 0.5), QStringLiteral("ms")));
    out.append(figure(name + QStringLiteral(", p95"), percentile(ms, 0.95), QStringLiteral("ms")));
}

} // namespace

QJsonArray volumeRenderFigures(const radpath::viewer::Volume& volume, int frames)
{
    QJsonArray out;
    VolumeRenderView view;
    VtkWidget* gl = view.vtkWidget();
    gl->setFixedSize(800, 800);
    view.setVolume(volume);
    view.show();
    QElapsedTimer wait;
    wait.start();
    while (!(view.windowHandle() && view.windowHandle()->isExposed() && gl->renderCount() > 0) &&
           wait.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);

    for (const char* preset : {"CT soft tissue", "CT bone"}) {
        view.applyPreset(QLatin1String(preset));
        view.resetCamera();
        add(out, QStringLiteral("%1, still").arg(QLatin1String(preset)), frameTimes(gl, frames));
    }

    // Interactive quality: what the view renders while a mouse button is held in it.
    view.applyPreset(QStringLiteral("CT soft tissue"));
    view.resetCamera();
    const QPointF centre(gl->width() / 2.0, gl->height() / 2.0);
    QMouseEvent press(QEvent::MouseButtonPress, centre, gl->mapToGlobal(centre), Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QCoreApplication::sendEvent(gl, &press);
    const std::vector<double> interactive = frameTimes(gl, frames);
    QMouseEvent release(QEvent::MouseButtonRelease, centre, gl->mapToGlobal(centre), Qt::LeftButton, Qt::NoButton,
                        Qt::NoModifier);
    QCoreApplication::sendEvent(gl, &release);
    add(out, QStringLiteral("CT soft tissue, interactive"), interactive);
    out.append(figure(QStringLiteral("Volume rendering sample distance, still"), view.stillSampleDistance(),
                      QStringLiteral("mm")));
    return out;
}

} // namespace radpath::bench

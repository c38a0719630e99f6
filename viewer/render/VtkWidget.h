#pragma once
// The Qt 6 - VTK bridge: a QOpenGLWidget that hosts a vtkGenericOpenGLRenderWindow.
// Debian's VTK Qt module is built for Qt 5, so RadPath carries its own bridge.
// VTK renders only inside paintGL; render requests are coalesced through update().

#include <QOpenGLWidget>
#include <QSurfaceFormat>

#include <vtkSmartPointer.h>

#include <functional>

class QPainter;

class vtkGenericOpenGLRenderWindow;
class vtkGenericRenderWindowInteractor;
class vtkRenderer;
class vtkInteractorObserver;

namespace radpath {
namespace viewer {

/// GUI thread only.
class VtkWidget : public QOpenGLWidget {
    Q_OBJECT
public:
    explicit VtkWidget(QWidget* parent = nullptr);
    ~VtkWidget() override;

    /// OpenGL 3.2 core, as VTK's OpenGL2 backend needs; every VtkWidget uses it.
    static QSurfaceFormat surfaceFormat();

    vtkGenericOpenGLRenderWindow* renderWindow() const;
    vtkGenericRenderWindowInteractor* interactor() const;
    /// The first renderer, created with the widget; more may be added to renderWindow().
    vtkRenderer* renderer() const;
    void setInteractorStyle(vtkInteractorObserver* style);

    /// Paints 2-D overlays (text, measurements) over the rendered image, in widget
    /// coordinates, whenever the view is redrawn.
    void setOverlayPainter(std::function<void(QPainter&)> painter);

    /// Schedules one redraw; many calls before the next frame draw once.
    void requestRender();
    /// The current frame with the overlay drawn over it, as the user sees it.
    QImage grabWithOverlay();
    /// grabWithOverlay() as a PNG at `path`; false when the widget is not shown or the
    /// file cannot be written.
    bool saveScreenshot(const QString& path);

signals:
    /// A frame was rendered (the first one tells that an image is on screen).
    void frameRendered();

public:
    /// Number of frames VTK rendered (tests use it to check coalescing).
    int renderCount() const { return m_renderCount; }

protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;
    void resizeEvent(QResizeEvent* event) override;

    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void enterEvent(QEnterEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void setEventPosition(const QPointF& pos, Qt::KeyboardModifiers modifiers, bool repeat = false);
    void onVtkWindowEvent(unsigned long eventId, void* callData);

    vtkSmartPointer<vtkGenericOpenGLRenderWindow> m_window;
    vtkSmartPointer<vtkGenericRenderWindowInteractor> m_interactor;
    vtkSmartPointer<vtkRenderer> m_renderer;
    QWidget* m_overlayWidget = nullptr;
    bool m_initialized = false;
    bool m_inPaint = false;
    int m_renderCount = 0;
};

} // namespace viewer
} // namespace radpath

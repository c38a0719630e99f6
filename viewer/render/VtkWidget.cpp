#include "viewer/render/VtkWidget.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QPainter>
#include <QWheelEvent>

#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorObserver.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>

namespace radpath::viewer {

VtkWidget::VtkWidget(QWidget* parent)
    : QOpenGLWidget(parent),
      m_window(vtkSmartPointer<vtkGenericOpenGLRenderWindow>::New()),
      m_interactor(vtkSmartPointer<vtkGenericRenderWindowInteractor>::New()),
      m_renderer(vtkSmartPointer<vtkRenderer>::New())
{
    setFormat(surfaceFormat());
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setUpdateBehavior(QOpenGLWidget::NoPartialUpdate);
    setMinimumSize(64, 64);

    m_window->AddRenderer(m_renderer);
    // Qt owns the context and the widget's framebuffer; VTK blits into whatever is bound.
    m_window->SetOwnContext(false);
    m_window->SetFrameBlitModeToBlitToCurrent();
    m_window->SetReadyForRendering(false);
    m_window->SetMultiSamples(0);

    m_interactor->SetRenderWindow(m_window);
    // Interactor renders become widget updates, drawn (once) in paintGL.
    m_interactor->EnableRenderOff();

    auto forward = [](vtkObject*, unsigned long eventId, void* clientData, void* callData) {
        static_cast<VtkWidget*>(clientData)->onVtkWindowEvent(eventId, callData);
    };
    auto command = vtkSmartPointer<vtkCallbackCommand>::New();
    command->SetCallback(forward);
    command->SetClientData(this);
    m_window->AddObserver(vtkCommand::WindowMakeCurrentEvent, command);
    m_window->AddObserver(vtkCommand::WindowIsCurrentEvent, command);
    m_window->AddObserver(vtkCommand::WindowFrameEvent, command);
    m_interactor->AddObserver(vtkCommand::RenderEvent, command);
}

VtkWidget::~VtkWidget()
{
    // Release GL resources while our context still exists.
    if (m_initialized) {
        makeCurrent();
        m_window->Finalize();
        doneCurrent();
    }
    m_window->RemoveAllObservers();
    m_interactor->RemoveAllObservers();
}

QSurfaceFormat VtkWidget::surfaceFormat()
{
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setSwapBehavior(QSurfaceFormat::DoubleBuffer);
    format.setRedBufferSize(8);
    format.setGreenBufferSize(8);
    format.setBlueBufferSize(8);
    format.setAlphaBufferSize(8);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(0);
    format.setSamples(0);
    return format;
}

vtkGenericOpenGLRenderWindow* VtkWidget::renderWindow() const { return m_window; }
vtkGenericRenderWindowInteractor* VtkWidget::interactor() const { return m_interactor; }
vtkRenderer* VtkWidget::renderer() const { return m_renderer; }

void VtkWidget::setInteractorStyle(vtkInteractorObserver* style)
{
    m_interactor->SetInteractorStyle(style);
}

namespace {

// A transparent child over the GL image: Qt composes it on top of the frame in every
// path (screen, window grabs), which painting inside paintGL does not guarantee.
class OverlayWidget final : public QWidget {
public:
    OverlayWidget(QWidget* parent, std::function<void(QPainter&)> painter) : QWidget(parent), m_painter(std::move(painter))
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
        setAttribute(Qt::WA_TranslucentBackground);
        setFocusPolicy(Qt::NoFocus);
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        m_painter(painter);
    }

private:
    std::function<void(QPainter&)> m_painter;
};

} // namespace

void VtkWidget::setOverlayPainter(std::function<void(QPainter&)> painter)
{
    delete m_overlayWidget;
    m_overlayWidget = new OverlayWidget(this, std::move(painter));
    m_overlayWidget->setGeometry(rect());
    m_overlayWidget->show();
}

void VtkWidget::requestRender()
{
    update();
    if (m_overlayWidget)
        m_overlayWidget->update();
}

void VtkWidget::resizeEvent(QResizeEvent* event)
{
    QOpenGLWidget::resizeEvent(event);
    if (m_overlayWidget)
        m_overlayWidget->setGeometry(rect());
}

QImage VtkWidget::grabWithOverlay()
{
    QImage frame = grabFramebuffer();
    if (m_overlayWidget) {
        QPainter painter(&frame);
        painter.scale(devicePixelRatioF(), devicePixelRatioF());
        m_overlayWidget->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    }
    return frame;
}

bool VtkWidget::saveScreenshot(const QString& path)
{
    if (!isVisible())
        return false;
    const QImage frame = grabWithOverlay();
    return !frame.isNull() && frame.save(path, "PNG");
}

void VtkWidget::onVtkWindowEvent(unsigned long eventId, void* callData)
{
    switch (eventId) {
    case vtkCommand::WindowMakeCurrentEvent:
        // QOpenGLWidget::makeCurrent() also binds the widget's framebuffer, which would
        // pull the binding from under VTK in mid-render: only switch contexts when needed.
        if (QOpenGLContext::currentContext() != context())
            makeCurrent();
        break;
    case vtkCommand::WindowIsCurrentEvent:
        *static_cast<bool*>(callData) = QOpenGLContext::currentContext() == context();
        break;
    case vtkCommand::WindowFrameEvent:
    case vtkCommand::RenderEvent:
        if (!m_inPaint)
            update();
        break;
    default:
        break;
    }
}

void VtkWidget::initializeGL()
{
    m_window->SetMapped(1);
    m_window->SetReadyForRendering(true);
    m_window->OpenGLInitContext();
    // Only now: initializing the interactor starts the render window, which needs GL.
    m_interactor->Initialize();
    m_window->SetReadyForRendering(false);
    m_initialized = true;
}

void VtkWidget::resizeGL(int w, int h)
{
    const qreal dpr = devicePixelRatioF();
    const int pw = qRound(w * dpr), ph = qRound(h * dpr);
    m_window->SetSize(pw, ph);
    m_interactor->UpdateSize(pw, ph);
    // Text and line widths follow the screen's scale.
    m_window->SetDPI(qRound(72 * dpr));
}

void VtkWidget::paintGL()
{
    m_inPaint = true;
    // Qt changed GL state since VTK's last frame: VTK re-reads it, and Qt gets its own back.
    vtkOpenGLState* state = m_window->GetState();
    state->Reset();
    state->Push();
    // VTK renders into its own framebuffers, then blits into the bound one: the widget's.
    m_window->SetReadyForRendering(true);
    m_window->Render();
    m_window->SetReadyForRendering(false);
    // VTK leaves the background's alpha at 0 on some drivers (Mesa); Qt composes with alpha,
    // so make the frame opaque.
    state->vtkglColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
    state->vtkglClearColor(0.f, 0.f, 0.f, 1.f);
    state->vtkglClear(GL_COLOR_BUFFER_BIT);
    state->vtkglColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    state->Pop();
    ++m_renderCount;
    m_inPaint = false;
    emit frameRendered();
}

void VtkWidget::setEventPosition(const QPointF& pos, Qt::KeyboardModifiers modifiers, bool repeat)
{
    const qreal dpr = devicePixelRatioF();
    m_interactor->SetEventInformationFlipY(qRound(pos.x() * dpr), qRound(pos.y() * dpr),
                                           (modifiers & Qt::ControlModifier) ? 1 : 0,
                                           (modifiers & Qt::ShiftModifier) ? 1 : 0, 0, repeat ? 1 : 0);
    m_interactor->SetAltKey((modifiers & Qt::AltModifier) ? 1 : 0);
}

void VtkWidget::mousePressEvent(QMouseEvent* event)
{
    setEventPosition(event->position(), event->modifiers());
    switch (event->button()) {
    case Qt::LeftButton: m_interactor->InvokeEvent(vtkCommand::LeftButtonPressEvent); break;
    case Qt::MiddleButton: m_interactor->InvokeEvent(vtkCommand::MiddleButtonPressEvent); break;
    case Qt::RightButton: m_interactor->InvokeEvent(vtkCommand::RightButtonPressEvent); break;
    default: break;
    }
    event->accept();
}

void VtkWidget::mouseDoubleClickEvent(QMouseEvent* event)
{
    setEventPosition(event->position(), event->modifiers(), true);
    mousePressEvent(event);
}

void VtkWidget::mouseReleaseEvent(QMouseEvent* event)
{
    setEventPosition(event->position(), event->modifiers());
    switch (event->button()) {
    case Qt::LeftButton: m_interactor->InvokeEvent(vtkCommand::LeftButtonReleaseEvent); break;
    case Qt::MiddleButton: m_interactor->InvokeEvent(vtkCommand::MiddleButtonReleaseEvent); break;
    case Qt::RightButton: m_interactor->InvokeEvent(vtkCommand::RightButtonReleaseEvent); break;
    default: break;
    }
    event->accept();
}

void VtkWidget::mouseMoveEvent(QMouseEvent* event)
{
    setEventPosition(event->position(), event->modifiers());
    m_interactor->InvokeEvent(vtkCommand::MouseMoveEvent);
    event->accept();
}

void VtkWidget::wheelEvent(QWheelEvent* event)
{
    setEventPosition(event->position(), event->modifiers());
    const int delta = event->angleDelta().y();
    if (delta > 0)
        m_interactor->InvokeEvent(vtkCommand::MouseWheelForwardEvent);
    else if (delta < 0)
        m_interactor->InvokeEvent(vtkCommand::MouseWheelBackwardEvent);
    event->accept();
}

void VtkWidget::keyPressEvent(QKeyEvent* event)
{
    const QByteArray text = event->text().toLatin1();
    const char key = text.isEmpty() ? 0 : text.at(0);
    const QPointF pos = mapFromGlobal(QCursor::pos());
    setEventPosition(pos, event->modifiers(), event->isAutoRepeat());
    m_interactor->SetKeyCode(key);
    m_interactor->InvokeEvent(vtkCommand::KeyPressEvent);
    if (key)
        m_interactor->InvokeEvent(vtkCommand::CharEvent);
    QOpenGLWidget::keyPressEvent(event); // let parents see unhandled keys too
}

void VtkWidget::keyReleaseEvent(QKeyEvent* event)
{
    const QByteArray text = event->text().toLatin1();
    m_interactor->SetKeyCode(text.isEmpty() ? 0 : text.at(0));
    m_interactor->InvokeEvent(vtkCommand::KeyReleaseEvent);
    QOpenGLWidget::keyReleaseEvent(event);
}

void VtkWidget::enterEvent(QEnterEvent* event)
{
    m_interactor->InvokeEvent(vtkCommand::EnterEvent);
    QOpenGLWidget::enterEvent(event);
}

void VtkWidget::leaveEvent(QEvent* event)
{
    m_interactor->InvokeEvent(vtkCommand::LeaveEvent);
    QOpenGLWidget::leaveEvent(event);
}

} // namespace radpath::viewer

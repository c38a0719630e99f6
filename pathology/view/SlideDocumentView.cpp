#include "pathology/view/SlideDocumentView.h"

#include "pathology/annotation/AnnotationFile.h"
#include "pathology/view/AnnotationPanel.h"
#include "pathology/view/SlideView.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QPushButton>
#include <QSlider>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QButtonGroup>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace radpath {
namespace pathology {

SlideDocumentView::SlideDocumentView(QWidget* parent) : QWidget(parent)
{
    m_view = new SlideView(this);
    m_magnification = new QComboBox(this);
    m_magnification->setObjectName(QStringLiteral("magnificationPresets"));
    m_magnification->addItem(tr("Fit"), 0.0);
    for (double m : {1.25, 2.5, 5.0, 10.0, 20.0, 40.0})
        m_magnification->addItem(tr("%1×").arg(m), m);
    auto* rotate = new QToolButton(this);
    rotate->setObjectName(QStringLiteral("rotateSlide"));
    rotate->setText(tr("Rotate 90°"));
    rotate->setToolTip(tr("Turn the slide a quarter turn clockwise (R)"));
    auto* infoButton = new QToolButton(this);
    infoButton->setText(tr("Slide info"));
    infoButton->setCheckable(true);
    infoButton->setChecked(true);

    m_info = new QWidget(this);
    m_info->setObjectName(QStringLiteral("slideInfo"));
    m_infoText = new QLabel(m_info);
    m_infoText->setTextFormat(Qt::RichText);
    m_infoText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_infoText->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_infoText->setWordWrap(true);
    auto* associated = new QWidget(m_info);
    m_associated = new QHBoxLayout(associated);
    m_associated->setContentsMargins(0, 0, 0, 0);
    auto* infoLayout = new QVBoxLayout(m_info);
    infoLayout->addWidget(m_infoText);
    infoLayout->addWidget(associated);
    infoLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_info);
    scroll->setWidgetResizable(true);
    m_panel = new AnnotationPanel(m_view, this);
    auto* side = new QTabWidget(this);
    side->setMinimumWidth(240);
    side->addTab(m_panel, tr("Annotations"));
    side->addTab(scroll, tr("Slide info"));
    side->addTab(makeDisplayPanel(), tr("Display"));

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter = splitter;
    splitter->addWidget(m_view);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 1);
    splitter->setSizes({900, 300});

    // Annotation tools: one at a time; Select picks, moves and pans.
    struct Tool {
        const char* name;
        QString text;
        QString tip;
        AnnotationTool tool;
    };
    const Tool tools[] = {
        {"selectTool", tr("Select"), tr("Pick, move and delete annotations; drag elsewhere to pan"), AnnotationTool::None},
        {"rectangleTool", tr("Rectangle"), tr("Drag a rectangle"), AnnotationTool::Rectangle},
        {"ellipseTool", tr("Ellipse"), tr("Drag an ellipse"), AnnotationTool::Ellipse},
        {"polygonTool", tr("Polygon"), tr("Click the corners; double-click or Enter closes"), AnnotationTool::Polygon},
        {"freehandTool", tr("Freehand"), tr("Draw the outline with the button held"), AnnotationTool::Freehand},
        {"brushTool", tr("Brush"), tr("Paint a region, or grow the selected one; Alt erases"), AnnotationTool::Brush},
        {"pointsTool", tr("Points"), tr("Click to place points"), AnnotationTool::Points},
        {"rulerTool", tr("Ruler"), tr("Drag to measure a distance in µm"), AnnotationTool::Ruler},
    };
    auto* toolGroup = new QButtonGroup(this);
    auto* toolRow = new QHBoxLayout;
    for (const Tool& t : tools) {
        auto* button = new QToolButton(this);
        button->setObjectName(QLatin1String(t.name));
        button->setText(t.text);
        button->setToolTip(t.tip);
        button->setCheckable(true);
        button->setChecked(t.tool == AnnotationTool::None);
        toolGroup->addButton(button);
        toolRow->addWidget(button);
        const AnnotationTool tool = t.tool;
        connect(button, &QToolButton::clicked, this, [this, tool] { m_view->setTool(tool); });
    }
    toolRow->addStretch(1);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Magnification"), this));
    controls->addWidget(m_magnification);
    controls->addWidget(rotate);
    auto* compare = new QToolButton(this);
    compare->setObjectName(QStringLiteral("compareSlide"));
    compare->setText(tr("Compare with…"));
    compare->setToolTip(tr("Show a second slide beside this one"));
    auto* link = new QToolButton(this);
    link->setObjectName(QStringLiteral("linkSlides"));
    link->setText(tr("Linked"));
    link->setToolTip(tr("Both slides pan, zoom and turn together"));
    link->setCheckable(true);
    link->setChecked(true);
    controls->addWidget(compare);
    controls->addWidget(link);
    connect(link, &QToolButton::toggled, this, &SlideDocumentView::setLinked);
    connect(compare, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Compare with slide"));
        if (path.isEmpty())
            return;
        try {
            setCompareSlide(SlideSource::open(path.toStdString()));
        } catch (const std::exception& e) {
            m_status->setText(QString::fromUtf8(e.what()));
        }
    });
    controls->addStretch(1);
    controls->addWidget(infoButton);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("slideStatus"));
    controls->addWidget(m_status);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(toolRow);
    layout->addWidget(splitter, 1);
    layout->addLayout(controls);
    m_writer.setMaxThreadCount(1);
    connect(m_view, &SlideView::annotationsChanged, this, &SlideDocumentView::saveAnnotations);

    connect(m_magnification, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        const double m = m_magnification->itemData(index).toDouble();
        if (m > 0)
            m_view->setMagnification(m);
        else
            m_view->fit();
    });
    connect(rotate, &QToolButton::clicked, this, [this] { m_view->setRotation(m_view->rotation() + 1); });
    connect(infoButton, &QToolButton::toggled, side, &QWidget::setVisible);
    connect(m_view, &SlideView::viewChanged, this, &SlideDocumentView::syncMagnification);
    connect(m_view, &SlideView::viewChanged, this, [this] { follow(m_view, m_compare); });
}

SlideDocumentView::~SlideDocumentView()
{
    m_writer.waitForDone();
}

// The sidecar next to the slide: coordinates relative to the slide's bounds, as QuPath has them.
static Vertex boundsOrigin(const SlideInfo& info)
{
    const auto origin = info.boundsOrigin();
    return {origin[0], origin[1]};
}

SlideDocumentView::Prepared SlideDocumentView::prepare(const SlideSource& slide)
{
    Prepared prepared;
    prepared.ready = true;
    try {
        prepared.overview = TileEngine::overviewOf(slide);
    } catch (const std::exception&) {
        // The engine reads it again and reports the problem once.
    }
    try {
        prepared.annotations = loadSidecar(slide.info().path, boundsOrigin(slide.info()));
    } catch (const std::exception& e) {
        prepared.sidecarError = e.what();
    }
    return prepared;
}

void SlideDocumentView::setSlide(std::shared_ptr<SlideSource> slide, std::shared_ptr<TileCache> cache, int threads)
{
    setSlide(std::move(slide), std::move(cache), threads, Prepared());
}

void SlideDocumentView::setSlide(std::shared_ptr<SlideSource> slide, std::shared_ptr<TileCache> cache, int threads,
                                 Prepared prepared)
{
    m_cache = cache;
    m_threads = threads;
    if (slide && !prepared.ready)
        prepared = prepare(*slide);
    m_view->setSlide(std::move(slide), std::move(cache), threads, std::move(prepared.overview));
    if (m_view->engine())
        // OpenSlide reports a damaged tile once; the view shows background there.
        connect(m_view->engine(), &TileEngine::tileFailed, this,
                [this](const TileKey&, const QString& message) { m_status->setText(tr("Some tiles cannot be read: %1").arg(message)); });
    fillInfo();
    loadAnnotations(prepared);
}

void SlideDocumentView::setCompareSlide(std::shared_ptr<SlideSource> slide)
{
    delete m_compare;
    m_compare = nullptr;
    if (!slide)
        return;
    m_compare = new SlideView(this);
    m_compare->setObjectName(QStringLiteral("compareView"));
    // The two slides share the first one's width; the side panel keeps its own.
    QList<int> sizes = m_splitter->sizes();
    m_splitter->insertWidget(1, m_compare);
    m_splitter->setSizes({sizes[0] / 2, sizes[0] - sizes[0] / 2, sizes[1]});
    m_compare->setSlide(std::move(slide), m_cache, m_threads);
    connect(m_compare, &SlideView::viewChanged, this, [this] { follow(m_compare, m_view); });
    follow(m_view, m_compare);
}

void SlideDocumentView::setLinked(bool linked)
{
    m_linked = linked;
    follow(m_view, m_compare);
}

// Linked slides show the same level-0 point at the same scale and turn, e.g. serial
// sections scanned alike.
void SlideDocumentView::follow(SlideView* from, SlideView* to)
{
    if (!m_linked || m_following || !from || !to || !to->slide())
        return;
    m_following = true;
    to->setRotation(from->rotation());
    to->setScale(from->scale());
    to->setCenter(from->center());
    m_following = false;
}

QWidget* SlideDocumentView::makeDisplayPanel()
{
    auto* panel = new QWidget(this);
    auto* form = new QFormLayout(panel);
    auto slider = [panel](const char* name, int lo, int hi, int value) {
        auto* s = new QSlider(Qt::Horizontal, panel);
        s->setObjectName(QLatin1String(name));
        s->setRange(lo, hi);
        s->setValue(value);
        return s;
    };
    QSlider* brightness = slider("brightness", -100, 100, 0); // hundredths of the range
    QSlider* contrast = slider("contrast", 0, 300, 100);      // percent
    QSlider* gamma = slider("gamma", 10, 300, 100);           // hundredths
    auto* stains = new QComboBox(panel);
    stains->setObjectName(QStringLiteral("stainChannel"));
    struct Choice {
        QString text;
        StainKind kind;
        StainChannel channel;
    };
    const std::vector<Choice> choices{{tr("Colour (all stains)"), StainKind::HE, StainChannel::Original},
                                      {tr("Hematoxylin (H&E)"), StainKind::HE, StainChannel::Hematoxylin},
                                      {tr("Eosin (H&E)"), StainKind::HE, StainChannel::Eosin},
                                      {tr("Hematoxylin (H-DAB)"), StainKind::HDab, StainChannel::Hematoxylin},
                                      {tr("DAB (H-DAB)"), StainKind::HDab, StainChannel::Dab}};
    for (const Choice& c : choices)
        stains->addItem(c.text);
    auto* reset = new QPushButton(tr("Reset"), panel);
    form->addRow(tr("Brightness"), brightness);
    form->addRow(tr("Contrast"), contrast);
    form->addRow(tr("Gamma"), gamma);
    form->addRow(tr("Stain"), stains);
    form->addRow(reset);
    auto apply = [this, brightness, contrast, gamma, stains, choices] {
        DisplaySettings settings;
        settings.brightness = brightness->value() / 100.0;
        settings.contrast = contrast->value() / 100.0;
        settings.gamma = gamma->value() / 100.0;
        const Choice& c = choices[size_t(std::max(0, stains->currentIndex()))];
        settings.stains = c.kind;
        settings.channel = c.channel;
        m_view->setDisplay(settings);
    };
    for (QSlider* s : {brightness, contrast, gamma})
        connect(s, &QSlider::valueChanged, this, apply);
    connect(stains, qOverload<int>(&QComboBox::currentIndexChanged), this, apply);
    connect(reset, &QPushButton::clicked, this, [brightness, contrast, gamma, stains] {
        brightness->setValue(0);
        contrast->setValue(100);
        gamma->setValue(100);
        stains->setCurrentIndex(0);
    });
    return panel;
}

void SlideDocumentView::setClassFile(const QString& path)
{
    m_panel->setClassFile(path);
}

void SlideDocumentView::flush()
{
    m_writer.waitForDone();
}

void SlideDocumentView::loadAnnotations(Prepared& prepared)
{
    const SlideSource* slide = m_view->slide();
    if (!slide)
        return;
    m_sidecarBlocked = !prepared.sidecarError.empty();
    if (m_sidecarBlocked) {
        // The file stays as it is: edits are not saved over annotations that could not be read.
        m_view->annotations().reset({});
        m_status->setText(tr("Annotations not loaded, and new ones not saved over them: %1")
                              .arg(QString::fromStdString(prepared.sidecarError)));
    } else {
        m_view->annotations().reset(prepared.annotations ? std::move(*prepared.annotations) : AnnotationSet());
        m_status->clear();
    }
    m_view->annotations().takeChanged(); // loaded, not edited: nothing to save
    m_panel->refresh();
    m_view->redraw();
}

void SlideDocumentView::saveAnnotations()
{
    // Every edit is written at once (atomically, off the GUI thread): a killed program
    // loses nothing that was drawn.
    const SlideSource* slide = m_view->slide();
    if (!slide || m_sidecarBlocked)
        return;
    const std::string path = slide->info().path;
    const Vertex origin = boundsOrigin(slide->info());
    // Edits faster than the disk: the writer takes the newest state when it is free, so
    // a burst of edits is one or two writes, not one each.
    {
        const std::lock_guard<std::mutex> lock(m_saveMutex);
        m_pendingSave = m_view->annotations().annotations();
        if (m_saveRunning)
            return;
        m_saveRunning = true;
    }
    // `this` outlives the task (the destructor waits for the writer); a message posted to
    // it is dropped if it is gone by then.
    m_writer.start([this, path, origin] {
        for (;;) {
            std::optional<AnnotationSet> state;
            {
                const std::lock_guard<std::mutex> lock(m_saveMutex);
                if (!m_pendingSave) {
                    m_saveRunning = false;
                    return;
                }
                state = std::move(m_pendingSave);
                m_pendingSave.reset();
            }
            try {
                saveSidecar(path, *state, origin);
            } catch (const std::exception& e) {
                const QString message = tr("Annotations not saved: %1").arg(QString::fromUtf8(e.what()));
                QMetaObject::invokeMethod(this, [this, message] { m_status->setText(message); }, Qt::QueuedConnection);
            }
        }
    });
}

QString SlideDocumentView::infoHtml() const
{
    return m_infoText->text();
}

void SlideDocumentView::syncMagnification()
{
    // The preset that matches the view, if any; presets need the objective power or mpp.
    const double m = m_view->magnification();
    m_magnification->setEnabled(m > 0);
    int match = -1;
    for (int i = 1; i < m_magnification->count(); ++i)
        if (std::abs(m_magnification->itemData(i).toDouble() - m) < 1e-6)
            match = i;
    const QSignalBlocker block(m_magnification);
    m_magnification->setCurrentIndex(match >= 0 ? match : 0);
}

void SlideDocumentView::fillInfo()
{
    while (QLayoutItem* item = m_associated->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const SlideSource* slide = m_view->slide();
    if (!slide) {
        m_infoText->clear();
        return;
    }
    const SlideInfo& info = slide->info();
    auto row = [](const QString& name, const QString& value) {
        return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    const SlideLevel& base = info.levels.front();
    QString html = QStringLiteral("<table cellspacing=4>");
    html += row(tr("Vendor"), QString::fromStdString(info.vendor));
    html += row(tr("Size"), tr("%1 × %2 px").arg(base.width).arg(base.height));
    QStringList levels;
    for (const SlideLevel& l : info.levels)
        levels << QStringLiteral("%1 × %2 (÷%3)").arg(l.width).arg(l.height).arg(l.downsample, 0, 'g', 4);
    html += row(tr("Levels"), levels.join(QStringLiteral("; ")));
    html += row(tr("Pixel size"), info.mpp ? tr("%1 × %2 µm").arg((*info.mpp)[0]).arg((*info.mpp)[1]) : tr("unknown"));
    html += row(tr("Objective"), info.objectivePower ? tr("%1×").arg(*info.objectivePower) : tr("unknown"));
    if (info.bounds)
        html += row(tr("Bounds"), QStringLiteral("%1, %2, %3 × %4")
                                      .arg(info.bounds->x)
                                      .arg(info.bounds->y)
                                      .arg(info.bounds->width)
                                      .arg(info.bounds->height));
    html += QStringLiteral("</table>");
    m_infoText->setText(html);

    // Label, macro and thumbnail, small; a damaged one is named instead.
    for (const std::string& name : info.associatedImages) {
        auto* label = new QLabel(m_info);
        label->setObjectName(QStringLiteral("associated-") + QString::fromStdString(name));
        label->setAlignment(Qt::AlignCenter);
        try {
            const QImage image = slide->associatedImage(name).scaled(96, 96, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            label->setPixmap(QPixmap::fromImage(image));
            label->setToolTip(QString::fromStdString(name));
        } catch (const std::exception& e) {
            label->setText(QString::fromStdString(name));
            label->setToolTip(QString::fromUtf8(e.what()));
        }
        m_associated->addWidget(label);
    }
    m_associated->addStretch(1);
    syncMagnification();
}

} // namespace pathology
} // namespace radpath

// The layers dock driven by mouse and keyboard: every control changes the LayerStack.

#include "app/gui/LayersDock.h"
#include "viewer/model/Layers.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QSignalSpy>
#include <QSlider>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QSpinBox>
#include <QtTest>

using namespace radpath;

namespace {

// 8 x 8 x 1 labels 1, 2 and 5; a ramp overlay of values 0 .. 63.
viewer::Volume labelVolume()
{
    viewer::ImageGeometry g;
    g.size = {8, 8, 1};
    viewer::Volume v(viewer::PixelType::UInt8, g);
    auto* voxels = v.voxels<std::uint8_t>();
    voxels[1] = 1;
    voxels[2] = 2;
    voxels[9] = 5;
    return v;
}

viewer::Volume rampVolume()
{
    viewer::ImageGeometry g;
    g.size = {8, 8, 1};
    viewer::Volume v(viewer::PixelType::Float32, g);
    for (int i = 0; i < 64; ++i)
        v.voxels<float>()[i] = float(i);
    return v;
}

template <class T> T* child(QWidget& parent, const char* name)
{
    T* widget = parent.findChild<T*>(QLatin1String(name));
    if (!widget)
        qFatal("no %s", name);
    return widget;
}

// Clicks the middle of the cell at `index`.
void clickItem(QAbstractItemView* view, const QModelIndex& index)
{
    const QRect rect = view->visualRect(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

void typeValue(QDoubleSpinBox* spin, const QString& text)
{
    spin->setFocus();
    QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(spin, text);
    QTest::keyClick(spin, Qt::Key_Return);
}

} // namespace

class LayersDockTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void init()
    {
        m_stack = std::make_unique<viewer::LayerStack>();
        m_labelsId = m_stack->add(viewer::makeLabelMapLayer("lesions", labelVolume()));
        m_overlayId = m_stack->add(viewer::makeScalarOverlay("pet", rampVolume()));
        m_dock = std::make_unique<app::LayersDock>();
        m_dock->setStack(m_stack.get());
        m_dock->resize(420, 640);
        m_dock->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dock.get()));
    }

    void cleanup()
    {
        m_dock.reset();
        m_stack.reset();
    }

    void listShowsTopLayerFirst()
    {
        auto* list = child<QTreeWidget>(*m_dock, "layerList");
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("pet"));
        QCOMPARE(list->topLevelItem(1)->text(0), QStringLiteral("lesions"));
        QCOMPARE(list->topLevelItem(1)->text(1), QStringLiteral("Label map"));
        // A layer added elsewhere shows up on top.
        m_stack->add(viewer::makeScalarOverlay("ct", rampVolume()));
        QCOMPARE(list->topLevelItemCount(), 3);
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("ct"));
    }

    void visibilityCheckbox()
    {
        auto* list = child<QTreeWidget>(*m_dock, "layerList");
        QSignalSpy changed(m_stack.get(), &viewer::LayerStack::changed);
        clickItem(list, list->model()->index(1, 0));
        QCOMPARE(m_dock->currentIndex(), m_stack->indexOf(m_labelsId));
        QTest::keyClick(list->viewport(), Qt::Key_Space);
        QVERIFY(!viewer::layerVisible(m_stack->at(m_stack->indexOf(m_labelsId))));
        QVERIFY(viewer::layerVisible(m_stack->at(m_stack->indexOf(m_overlayId))));
        QCOMPARE(changed.count(), 1);
        // And back from the stack to the list.
        m_stack->setVisible(m_stack->indexOf(m_labelsId), true);
        QCOMPARE(list->topLevelItem(1)->checkState(0), Qt::Checked);
    }

    void opacitySlider()
    {
        auto* list = child<QTreeWidget>(*m_dock, "layerList");
        auto* slider = child<QSlider>(*m_dock, "opacitySlider");
        clickItem(list, list->model()->index(0, 0)); // pet
        QCOMPARE(slider->value(), 60);
        slider->setFocus();
        QTest::keyClick(slider, Qt::Key_End);
        QCOMPARE(viewer::layerOpacity(m_stack->at(m_stack->indexOf(m_overlayId))), 1.0);
        QTest::keyClick(slider, Qt::Key_Home);
        QCOMPARE(viewer::layerOpacity(m_stack->at(m_stack->indexOf(m_overlayId))), 0.0);
        QCOMPARE(viewer::layerOpacity(m_stack->at(m_stack->indexOf(m_labelsId))), 0.5);
    }

    void upDownRemove()
    {
        auto* list = child<QTreeWidget>(*m_dock, "layerList");
        clickItem(list, list->model()->index(1, 0)); // lesions, at the bottom
        QVERIFY(!child<QToolButton>(*m_dock, "layerDownButton")->isEnabled());
        QTest::mouseClick(child<QToolButton>(*m_dock, "layerUpButton"), Qt::LeftButton);
        QCOMPARE(m_stack->idAt(1), m_labelsId);
        QCOMPARE(m_stack->idAt(0), m_overlayId);
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("lesions"));
        QCOMPARE(m_dock->currentIndex(), 1); // still selected
        QTest::mouseClick(child<QToolButton>(*m_dock, "layerDownButton"), Qt::LeftButton);
        QCOMPARE(m_stack->idAt(0), m_labelsId);
        QTest::mouseClick(child<QToolButton>(*m_dock, "layerRemoveButton"), Qt::LeftButton);
        QCOMPARE(m_stack->count(), 1);
        QCOMPARE(m_stack->idAt(0), m_overlayId);
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(m_dock->currentIndex(), 0);
    }

    void labelMapControls()
    {
        auto* list = child<QTreeWidget>(*m_dock, "layerList");
        clickItem(list, list->model()->index(1, 0));
        QVERIFY(child<QGroupBox>(*m_dock, "labelMapGroup")->isVisible());
        QVERIFY(!child<QGroupBox>(*m_dock, "overlayGroup")->isVisible());
        auto* table = child<QTableWidget>(*m_dock, "labelTable");
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(2, 1)->text(), QStringLiteral("5"));
        QCOMPARE(table->item(2, 2)->text(), QStringLiteral("Label 5"));
        const int index = m_stack->indexOf(m_labelsId);

        // Hide label 2: its "Shown" cell, then Space.
        clickItem(table, table->model()->index(1, 3));
        QTest::keyClick(table->viewport(), Qt::Key_Space);
        QVERIFY(!m_stack->labelMapAt(index)->entry(2)->visible);
        QVERIFY(m_stack->labelMapAt(index)->entry(1)->visible);

        // Label 1 at 40 %: its opacity cell, F2, type, Enter.
        QCOMPARE(table->item(0, 4)->data(Qt::EditRole).toInt(), 100);
        clickItem(table, table->model()->index(0, 4));
        QTest::keyClick(table->viewport(), Qt::Key_F2);
        auto* editor = table->viewport()->findChild<QSpinBox*>();
        QVERIFY(editor);
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, QStringLiteral("40"));
        QTest::keyClick(editor, Qt::Key_Return);
        // The delegate commits on the next turn of the event loop.
        QTRY_COMPARE(m_stack->labelMapAt(index)->entry(1)->opacity, 0.4);

        QTest::mouseClick(child<QCheckBox>(*m_dock, "fillCheck"), Qt::LeftButton);
        QVERIFY(!m_stack->labelMapAt(index)->fill);
        QTest::mouseClick(child<QCheckBox>(*m_dock, "outlineCheck"), Qt::LeftButton);
        QVERIFY(!m_stack->labelMapAt(index)->outline);

        // Double-click the swatch of label 5 and pick a colour in the dialog.
        bool sawDialog = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<QColorDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            sawDialog = true;
            dialog->setCurrentColor(QColor(10, 200, 30));
            dialog->accept();
        });
        const QRect swatch = table->visualRect(table->model()->index(2, 0));
        // A real double-click: press and release, then the double-click event.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, swatch.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, swatch.center());
        QVERIFY(sawDialog);
        QCOMPARE(m_stack->labelMapAt(index)->entry(5)->colour, (viewer::Rgb{10, 200, 30}));
        QCOMPARE(table->item(2, 0)->data(Qt::DecorationRole).value<QColor>(), QColor(10, 200, 30));
    }

    void overlayControls()
    {
        auto* list = child<QTreeWidget>(*m_dock, "layerList");
        clickItem(list, list->model()->index(0, 0));
        QVERIFY(child<QGroupBox>(*m_dock, "overlayGroup")->isVisible());
        QVERIFY(!child<QGroupBox>(*m_dock, "labelMapGroup")->isVisible());
        const int index = m_stack->indexOf(m_overlayId);
        auto* combo = child<QComboBox>(*m_dock, "colormapCombo");
        QCOMPARE(combo->currentText(), QStringLiteral("Hot"));
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down); // Jet
        QTest::keyClick(combo, Qt::Key_Down); // Viridis
        QCOMPARE(m_stack->scalarOverlayAt(index)->colormap, viewer::Colormap::Viridis);

        // Defaults from the ramp's range 0 .. 63, then typed values.
        auto* center = child<QDoubleSpinBox>(*m_dock, "windowCenterSpin");
        QCOMPARE(center->value(), 31.5);
        typeValue(center, QStringLiteral("20"));
        typeValue(child<QDoubleSpinBox>(*m_dock, "windowWidthSpin"), QStringLiteral("10"));
        typeValue(child<QDoubleSpinBox>(*m_dock, "thresholdSpin"), QStringLiteral("12.5"));
        const viewer::ScalarOverlayLayer* overlay = m_stack->scalarOverlayAt(index);
        QCOMPARE(overlay->windowCenter, 20.0);
        QCOMPARE(overlay->windowWidth, 10.0);
        QCOMPARE(overlay->threshold, 12.5);
    }

private:
    std::unique_ptr<viewer::LayerStack> m_stack;
    std::unique_ptr<app::LayersDock> m_dock;
    int m_labelsId = -1;
    int m_overlayId = -1;
};

QTEST_MAIN(LayersDockTest)
#include "LayersDockTest.moc"

// Series side by side: cells pick their series, and series in one frame of reference
// scroll together to the same patient position, whatever their slice spacing.

#include "viewer/render/VtkWidget.h"
#include "viewer/view/SliceGrid.h"
#include "viewer/view/SliceView.h"

#include <QComboBox>
#include <QtTest>

using namespace radpath::viewer;

namespace {

// An axial series: `slices` slices `gap` mm apart from z = `z0`, in frame of reference `frame`.
Volume axial(int slices, double gap, double z0, const std::string& frame)
{
    ImageGeometry g;
    g.size = {32, 32, slices};
    g.spacing = {1.0, 1.0, gap};
    g.origin = {0, 0, z0};
    Volume v(PixelType::Int16, g);
    v.info().frameOfReferenceUid = frame;
    return v;
}

} // namespace

class SliceGridTest : public QObject {
    Q_OBJECT
private slots:
    void linkedScrollingFollowsPatientPosition()
    {
        SliceGrid grid;
        grid.resize(800, 800);
        grid.setGridSize(2, 2);
        // Thin 1 mm slices from z = 0; thick 5 mm slices from z = 10; another patient space.
        grid.setSources({{"thin", axial(100, 1.0, 0.0, "1.2.3")},
                         {"thick", axial(12, 5.0, 10.0, "1.2.3")},
                         {"other", axial(40, 1.0, 0.0, "9.9.9")}});
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        QCOMPARE(grid.cellCount(), 4);
        QCOMPARE(grid.cellSource(0), 0);
        QCOMPARE(grid.cellSource(1), 1);
        QCOMPARE(grid.cellSource(2), 2);
        QCOMPARE(grid.cellSource(3), -1);

        // Thin slice 42 (z = 42) -> thick slice (42 - 10) / 5 = 6.4 -> 6 (z = 40).
        const int other = grid.cell(2)->slice();
        grid.cell(0)->setSlice(42);
        QCOMPARE(grid.cell(1)->slice(), 6);
        QCOMPARE(grid.cell(2)->slice(), other); // not in the same frame of reference
        // And back: thick slice 9 (z = 55) -> thin slice 55.
        QTest::keyClick(grid.cell(1)->vtkWidget(), Qt::Key_Up);
        QTest::keyClick(grid.cell(1)->vtkWidget(), Qt::Key_Up);
        QTest::keyClick(grid.cell(1)->vtkWidget(), Qt::Key_Up);
        QCOMPARE(grid.cell(1)->slice(), 9);
        QCOMPARE(grid.cell(0)->slice(), 55);

        grid.setLinked(false);
        grid.cell(0)->setSlice(10);
        QCOMPARE(grid.cell(1)->slice(), 9);
        grid.setLinked(true);

        // The picker puts another series in a cell; it joins the others' position.
        auto* picker = grid.findChild<QComboBox*>("seriesPicker3");
        QVERIFY(picker);
        picker->setCurrentIndex(picker->findData(0));
        emit picker->activated(picker->currentIndex());
        QCOMPARE(grid.cellSource(3), 0);
        QCOMPARE(grid.cell(3)->slice(), grid.cell(0)->slice());

        // Fewer cells: 1 x 2 keeps the first two.
        grid.setGridSize(1, 2);
        QCOMPARE(grid.cellCount(), 2);
        QVERIFY(grid.cell(0)->isVisible());
        QVERIFY(!grid.cell(2)->isVisible());
    }
};

QTEST_MAIN(SliceGridTest)
#include "SliceGridTest.moc"

// The DICOM tag browser: real files, nested sequences, filter, copy.

#include "app/gui/TagBrowserDialog.h"
#include "viewer/io/DicomTags.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace radpath;

namespace {
const QString kFiles = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/");

const viewer::DicomTagNode* find(const std::vector<viewer::DicomTagNode>& nodes, const std::string& keyword)
{
    for (const auto& n : nodes) {
        if (n.keyword == keyword)
            return &n;
        if (const auto* inner = find(n.children, keyword))
            return inner;
    }
    return nullptr;
}
} // namespace

class TagBrowserTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (!QFile::exists(kFiles + "CT_small.dcm"))
            QSKIP("python3-pydicom's test files are not installed");
    }

    void readsElementsAndSequences()
    {
        const auto ct = viewer::readDicomTags((kFiles + "CT_small.dcm").toStdString());
        QCOMPARE(find(ct, "PatientName")->value, std::string("CompressedSamples^CT1"));
        QCOMPARE(find(ct, "Rows")->value, std::string("128"));
        QCOMPARE(find(ct, "Rows")->tag, std::string("(0028,0010)"));
        QCOMPARE(find(ct, "PixelData")->value, std::string("(32768 bytes)"));
        QVERIFY(find(ct, "TransferSyntaxUID")); // file meta information too
        // An RT plan nests beams in sequences: items appear as children.
        const auto plan = viewer::readDicomTags((kFiles + "rtplan.dcm").toStdString());
        const auto* beams = find(plan, "BeamSequence");
        QVERIFY(beams && !beams->children.empty());
        QCOMPARE(beams->children.front().tag, std::string("Item 1"));
        QVERIFY(find(beams->children.front().children, "BeamName"));
    }

    void filterAndCopy()
    {
        app::TagBrowserDialog dialog(kFiles + "rtplan.dcm");
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.findChild<QLineEdit*>("tagFilter"), "BeamName");
        QTreeWidget* tree = dialog.tree();
        int visibleTop = 0;
        QTreeWidgetItem* beamName = nullptr;
        std::function<void(QTreeWidgetItem*)> walk = [&](QTreeWidgetItem* item) {
            if (!item->isHidden() && item->text(1) == "BeamName")
                beamName = item;
            for (int i = 0; i < item->childCount(); ++i)
                walk(item->child(i));
        };
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            visibleTop += tree->topLevelItem(i)->isHidden() ? 0 : 1;
            walk(tree->topLevelItem(i));
        }
        QCOMPARE(visibleTop, 1); // only the BeamSequence branch
        QVERIFY(beamName);
        tree->setCurrentItem(beamName);
        dialog.copyValue();
        QCOMPARE(QApplication::clipboard()->text(), beamName->text(3));
        QVERIFY(!beamName->text(3).isEmpty());
        // RADPATH_TEST_SCREENSHOTS=DIR keeps a picture of the dialog for review.
        if (const QString dir = qEnvironmentVariable("RADPATH_TEST_SCREENSHOTS"); !dir.isEmpty())
            dialog.grab().save(dir + "/tag-browser.png");
    }

    void notDicomShowsTheError()
    {
        QTemporaryDir dir;
        QFile text(dir.filePath("notes.txt"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("plain text, not DICOM\n");
        text.close();
        app::TagBrowserDialog dialog(text.fileName());
        QCOMPARE(dialog.tree()->topLevelItem(0)->text(0), QStringLiteral("Error"));
        QVERIFY(dialog.tree()->topLevelItem(0)->text(3).contains(text.fileName()));
    }
};

QTEST_MAIN(TagBrowserTest)
#include "TagBrowserTest.moc"

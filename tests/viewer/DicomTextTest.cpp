// Person names in every character set of pydicom's charset_files, as pydicom decodes them.

#include "viewer/io/DicomText.h"

#include <QFile>
#include <QtTest>

using namespace radpath::viewer;

class DicomTextTest : public QObject {
    Q_OBJECT
private slots:
    void patientNames_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("name");
        QTest::newRow("Arabic") << "chrArab.dcm" << QString::fromUtf8("قباني^لنزار");
        QTest::newRow("French") << "chrFren.dcm" << QString::fromUtf8("Buc^Jérôme");
        QTest::newRow("German") << "chrGerm.dcm" << QString::fromUtf8("Äneas^Rüdiger");
        QTest::newRow("Greek") << "chrGreek.dcm" << QString::fromUtf8("Διονυσιος");
        QTest::newRow("Japanese IR 87") << "chrH31.dcm" << QString::fromUtf8("Yamada^Tarou=山田^太郎=やまだ^たろう");
        QTest::newRow("Japanese IR 13 + 87") << "chrH32.dcm" << QString::fromUtf8("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう");
        QTest::newRow("Hebrew") << "chrHbrw.dcm" << QString::fromUtf8("שרון^דבורה");
        QTest::newRow("Korean IR 149") << "chrI2.dcm" << QString::fromUtf8("Hong^Gildong=洪^吉洞=홍^길동");
        QTest::newRow("Japanese multi") << "chrJapMulti.dcm" << QString::fromUtf8("やまだ^たろう");
        QTest::newRow("Japanese IR 6 + 87") << "chrJapMultiExplicitIR6.dcm" << QString::fromUtf8("やまだ^たろう");
        QTest::newRow("Korean multi") << "chrKoreanMulti.dcm" << QString::fromUtf8("김희중");
        QTest::newRow("Russian") << "chrRuss.dcm" << QString::fromUtf8("Люкceмбypг");
        QTest::newRow("UTF-8") << "chrX1.dcm" << QString::fromUtf8("Wang^XiaoDong=王^小東=");
        QTest::newRow("GB18030") << "chrX2.dcm" << QString::fromUtf8("Wang^XiaoDong=王^小东=");
    }
    void patientNames()
    {
        QFETCH(QString, file);
        QFETCH(QString, name);
        const QString path = "/usr/lib/python3/dist-packages/pydicom/data/charset_files/" + file;
        if (!QFile::exists(path))
            QSKIP("python3-pydicom's charset files are not installed");
        const DicomText text = readDicomText(path.toStdString());
        QCOMPARE(QString::fromStdString(text.patientName), name);
    }

    void plainAsciiAndUnknownSetsNeverFail()
    {
        QCOMPARE(decodeDicomText("DOE^JOHN", "", true), std::string("DOE^JOHN"));
        QCOMPARE(decodeDicomText("M\xfcller", "ISO_IR 999", false), std::string("M\xc3\xbcller")); // Latin-1 fallback
    }
};

QTEST_APPLESS_MAIN(DicomTextTest)
#include "DicomTextTest.moc"

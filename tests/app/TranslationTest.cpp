// Switching the language translates the interface: menu titles in German and French.

#include "app/core/AppSettings.h"
#include "app/core/JobRunner.h"
#include "app/gui/Appearance.h"
#include "app/gui/MainWindow.h"
#include "app/gui/PacsController.h"
#include "app/gui/PacsQueryDialog.h"
#include "app/gui/PacsSettingsPage.h"
#include "app/gui/SettingsDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace radpath::app;

class TranslationTest : public QObject {
    Q_OBJECT
private slots:
    void menuTitlesFollowTheLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("menus");
        QTest::newRow("German") << "de" << QStringList{"Datei", "Ansicht", "Werkzeuge", "Hilfe"};
        QTest::newRow("French") << "fr" << QStringList{"Fichier", "Affichage", "Outils", "Aide"};
        QTest::newRow("English") << "en" << QStringList{"File", "View", "Tools", "Help"};
    }

    void menuTitlesFollowTheLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QStringList, menus);
        const QString loaded = installTranslations(*qApp, language);
        QCOMPARE(loaded, language);
        QTemporaryDir dir;
        AppSettings settings(dir.path());
        JobRunner jobs(1);
        MainWindow window(settings, jobs);
        QStringList titles;
        for (QAction* action : window.menuBar()->actions())
            titles << action->text().remove('&');
        QCOMPARE(titles, menus);
    }

    void everyStringIsTranslated()
    {
        // lrelease drops unfinished entries: a German window shows no English menu entry.
        installTranslations(*qApp, "de");
        QTemporaryDir dir;
        AppSettings settings(dir.path());
        JobRunner jobs(1);
        MainWindow window(settings, jobs);
        for (QMenu* menu : window.menuBar()->findChildren<QMenu*>())
            for (QAction* action : menu->actions())
                if (!action->isSeparator() && !action->text().isEmpty() && action->menu() == nullptr &&
                    !action->text().contains(QLatin1Char('/'))) // file names in Open Recent
                    QVERIFY2(!QStringList({"&Open File…", "&Quit", "&Settings…", "&About RadPath", "&Close Tab"})
                                  .contains(action->text()),
                             qPrintable(action->text()));
    }

    void noEntryIsUnfinished_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("German") << "radpath_de.ts";
        QTest::newRow("French") << "radpath_fr.ts";
    }

    void noEntryIsUnfinished()
    {
        // After lupdate (cmake --build build --target update_translations) every new string
        // gets its translation; lrelease would drop an unfinished one and show English.
        QFETCH(QString, file);
        QFile ts(QStringLiteral(RADPATH_SOURCE_DIR "/translations/") + file);
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(ts.readAll());
        static const QRegularExpression unfinished(
            QStringLiteral("<source>([^<]*)</source>\\s*(?:<comment>[^<]*</comment>\\s*)?<translation type=\"unfinished\""));
        QStringList sources;
        for (auto it = unfinished.globalMatch(text); it.hasNext();)
            sources << it.next().captured(1);
        QVERIFY2(sources.isEmpty(), qPrintable(sources.join(QStringLiteral(" | "))));
    }

    void pacsDialogsSpeakGerman()
    {
        installTranslations(*qApp, "de");
        QTemporaryDir dir;
        AppSettings settings(dir.path());
        JobRunner jobs(1);
        MainWindow window(settings, jobs);
        PacsQueryDialog* query = window.pacs()->queryDialog();
        QCOMPARE(query->windowTitle(), QStringLiteral("PACS-Abfrage"));
        QCOMPARE(query->findChild<QAbstractButton*>(QStringLiteral("pacsSearch"))->text(), QStringLiteral("Suchen"));
        QCOMPARE(query->studyTable()->horizontalHeaderItem(1)->text(), QStringLiteral("Patienten-ID"));
        SettingsDialog dialog(settings, &window);
        PacsSettingsPage* page = window.pacs()->addSettingsPage(dialog);
        page->addNode();
        QCOMPARE(page->findChild<QAbstractButton*>(QStringLiteral("pacsTestConnection"))->text(),
                 QStringLiteral("Verbindung testen"));
        QCOMPARE(page->findChild<QAbstractButton*>(QStringLiteral("pacsPlainTextSecret"))->text(),
                 QStringLiteral("In der Einstellungsdatei speichern (Klartext)"));
        installTranslations(*qApp, "en");
    }
};

QTEST_MAIN(TranslationTest)
#include "TranslationTest.moc"

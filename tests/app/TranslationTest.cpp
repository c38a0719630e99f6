// Switching the language translates the interface: menu titles in German and French.

#include "app/core/AppSettings.h"
#include "app/core/JobRunner.h"
#include "app/gui/Appearance.h"
#include "app/gui/MainWindow.h"

#include <QApplication>
#include <QMenuBar>
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
};

QTEST_MAIN(TranslationTest)
#include "TranslationTest.moc"

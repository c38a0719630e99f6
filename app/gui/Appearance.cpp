#include "app/gui/Appearance.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

namespace radpath::app {

void applyTheme(QApplication& app, const QString& theme)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (theme != QLatin1String("dark")) {
        app.setPalette(app.style()->standardPalette());
        return;
    }
    QPalette p;
    const QColor window(45, 47, 52), base(30, 32, 36), text(225, 227, 230), accent(64, 140, 220);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, accent);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
    app.setPalette(p);
}

QString installTranslations(QApplication& app, const QString& language)
{
    // Replace what an earlier call installed.
    for (QTranslator* old : app.findChildren<QTranslator*>(QStringLiteral("radpathTranslator"))) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    const QLocale locale = language == QLatin1String("system") ? QLocale::system() : QLocale(language);
    auto* own = new QTranslator(&app);
    own->setObjectName(QStringLiteral("radpathTranslator"));
    if (!own->load(locale, QStringLiteral("radpath"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        return QStringLiteral("en");
    }
    app.installTranslator(own);
    auto* qt = new QTranslator(&app);
    qt->setObjectName(QStringLiteral("radpathTranslator"));
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    return locale.name().left(2);
}

} // namespace radpath::app

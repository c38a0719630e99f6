#pragma once
// Theme and language of the running application.

#include <QString>

class QApplication;

namespace radpath::app {

/// "light" or "dark"; applies the Fusion style with a matching palette.
void applyTheme(QApplication& app, const QString& theme);

/// Installs Qt's and RadPath's translations for `language` ("system" = the locale's).
/// Returns the language code actually loaded, or "en" when none applied.
QString installTranslations(QApplication& app, const QString& language);

} // namespace radpath::app

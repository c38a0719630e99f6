#pragma once
// Versions of RadPath and every library it uses, for Help > About and --version.

#include <QList>
#include <QPair>
#include <QString>

namespace radpath::app {

QString radpathVersion();

/// (name, version) of Qt, VTK, ITK, DCMTK, OpenSlide and LibTorch. LibTorch's entry says
/// "not loaded" unless the AI module is loaded or `loadAi` asks to load it now.
QList<QPair<QString, QString>> libraryVersions(bool loadAi);

/// Multi-line text: RadPath version, libraries, CUDA availability.
QString versionReport(bool loadAi);

} // namespace radpath::app

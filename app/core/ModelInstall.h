#pragma once
// Putting a freshly trained model package into the user's model library folder.

#include <QString>

namespace radpath::app {

/// Copies `package` into `libraryDir` (created when missing) under its own file name, or
/// "<stem>-2.pt", "<stem>-3.pt", ... when that is taken. The copy is atomic (QSaveFile: a
/// temporary file in the folder, renamed when complete), so the library never lists half a
/// package. Returns the new path, or an empty string with `error` naming the file.
QString installModelPackage(const QString& package, const QString& libraryDir, QString* error);

} // namespace radpath::app

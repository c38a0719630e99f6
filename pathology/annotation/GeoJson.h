#pragma once
// QuPath's GeoJSON for objects, read and written as QuPath 0.4+ does: a FeatureCollection
// (or a plain array of Features, or one Feature) whose Features carry "id", "geometry" and
// "properties" {"objectType", "name", "color", "classification" {"name", "color": [r, g, b]},
// "isLocked", "measurements", "metadata"}. QuPath 0.2's forms are read too: the object type
// in "id" and measurements as [{"name", "value"}].
//
// Coordinates in the file are relative to `origin`, the slide's bounds origin
// (openslide.bounds-x/y, as QuPath crops to it); in memory they are full level-0 pixels.

#include "pathology/annotation/Annotation.h"

#include <string>
#include <vector>

namespace radpath::pathology {

/// Parses GeoJSON text. `source` names it in errors (AnnotationError: malformed JSON with
/// line and column, or which feature is wrong and how).
std::vector<Annotation> parseGeoJson(const std::string& json, const std::string& source, Vertex origin = {});
/// Reads the file at `path`; throws AnnotationError naming it.
std::vector<Annotation> readGeoJson(const std::string& path, Vertex origin = {});

/// A FeatureCollection, pretty-printed as QuPath writes it. Non-finite measurements are
/// written as QuPath does (NaN, Infinity). Throws AnnotationError (with `source`) for a
/// coordinate that is not finite.
std::string toGeoJson(const std::vector<Annotation>& annotations, Vertex origin = {},
                      const std::string& source = "GeoJSON");
/// Writes atomically: the old file stays whole until the new one is complete.
void writeGeoJson(const std::string& path, const std::vector<Annotation>& annotations, Vertex origin = {});

} // namespace radpath::pathology

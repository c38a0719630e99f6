#pragma once
// ASAP's annotation XML: <ASAP_Annotations> with <Annotations> (Annotation Name, Type,
// PartOfGroup, Color; Coordinates/Coordinate Order X Y) and <AnnotationGroups> (Group Name,
// PartOfGroup, Color, Attributes). Coordinates are full level-0 pixels. A class becomes a
// group. Types read: Polygon, Rectangle and Spline (as polygons), Dot, PointSet and
// Measurement (a line).
//
// ASAP holds no holes, no multi-part shapes, no ids and no measurements: each part is
// written as an Annotation of its own, holes are dropped with a warning naming the object,
// and objects read get new ids.

#include "pathology/annotation/Annotation.h"

#include <string>
#include <vector>

namespace radpath::pathology {

/// Parses ASAP XML; `source` names it in errors (AnnotationError: malformed XML with line
/// and column, or which annotation is wrong and how).
std::vector<Annotation> parseAsapXml(const std::string& xml, const std::string& source);
/// Reads the file at `path`; throws AnnotationError naming it.
std::vector<Annotation> readAsapXml(const std::string& path);

struct AsapDocument {
    std::string xml;
    std::vector<std::string> warnings; ///< what ASAP cannot hold, naming the objects
};
/// The XML for `annotations`, with warnings about what it leaves out. Throws AnnotationError
/// (with `source`) for a coordinate that is not finite.
AsapDocument toAsapXml(const std::vector<Annotation>& annotations, const std::string& source = "ASAP XML");
/// Writes atomically and returns the warnings.
std::vector<std::string> writeAsapXml(const std::string& path, const std::vector<Annotation>& annotations);

} // namespace radpath::pathology

#pragma once
// Boolean operations on polygonal geometry for the brush and eraser: holes and separate
// parts of a result are kept.

#include "pathology/annotation/Geometry.h"

#include <stdexcept>

namespace radpath::pathology {

/// A geometry the operation cannot take (not polygonal, or invalid beyond repair).
class GeometryError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

/// a ∪ b. Both must be Polygon or MultiPolygon (else GeometryError). The result is a Polygon
/// when it has one part, otherwise a MultiPolygon (with no parts when it is empty).
Geometry unite(const Geometry& a, const Geometry& b);
/// a − b, under the same rules as unite().
Geometry subtract(const Geometry& a, const Geometry& b);
/// a ∩ b, under the same rules as unite().
Geometry intersect(const Geometry& a, const Geometry& b);
/// Whether the polygonal geometry is valid as OGC defines it (closed rings, holes inside,
/// no self-intersection); false for other geometries.
bool isValidPolygonal(const Geometry& g);

} // namespace radpath::pathology

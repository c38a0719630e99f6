#pragma once
// Annotation files by extension (.geojson/.json: QuPath GeoJSON, .xml: ASAP XML), the
// sidecar that keeps a slide's annotations beside it, and the atomic write they all use.

#include "pathology/annotation/Annotation.h"
#include "pathology/annotation/AnnotationSet.h"

#include <optional>
#include <string>
#include <vector>

namespace radpath::pathology {

/// The whole file as bytes; throws AnnotationError naming it when it cannot be read.
std::string readWholeFile(const std::string& path);
/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: readers see
/// the old file or the new one, never a part. Throws AnnotationError naming `path`.
void writeFileAtomically(const std::string& path, const std::string& bytes);

/// Whether RadPath reads and writes annotations at `path`, judged by its extension.
bool isAnnotationFile(const std::string& path);
/// Reads GeoJSON or ASAP XML by extension. `boundsOrigin` is the slide's openslide.bounds-x/y:
/// GeoJSON coordinates are relative to it, ASAP's are not. Throws AnnotationError.
std::vector<Annotation> readAnnotations(const std::string& path, Vertex boundsOrigin = {});
/// Writes by extension, atomically, and returns warnings about what the format cannot hold
/// (ASAP: holes, lines). Throws AnnotationError.
std::vector<std::string> writeAnnotations(const std::string& path, const std::vector<Annotation>& annotations,
                                          Vertex boundsOrigin = {});

/// Where a slide's annotations are saved: SLIDE.radpath-annotations.geojson beside it.
std::string sidecarPath(const std::string& slidePath);
/// The slide's saved annotations, or nothing when it has none. Without a sidecar, a QuPath
/// GeoJSON export beside the slide with the slide's name (SLIDE.geojson for SLIDE.svs) is
/// read instead: edits then go to the sidecar and leave that file as it was. Throws
/// AnnotationError when the file found cannot be read.
std::optional<AnnotationSet> loadSidecar(const std::string& slidePath, Vertex boundsOrigin = {});
/// Saves atomically as QuPath GeoJSON (bounds-relative, so QuPath imports it as is).
void saveSidecar(const std::string& slidePath, const AnnotationSet& annotations, Vertex boundsOrigin = {});

} // namespace radpath::pathology

#pragma once
// One annotation or detection on a slide, as QuPath describes its objects: an id kept as read,
// an object type, a name, a class, a lock and measurements, over a geometry in level-0 pixels.

#include "pathology/annotation/Geometry.h"

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace radpath::pathology {

/// An annotation file that cannot be read or written; what() starts with the path.
class AnnotationError : public std::runtime_error {
public:
    AnnotationError(const std::string& path, const std::string& problem)
        : std::runtime_error(path + ": " + problem), m_path(path), m_problem(problem)
    {
    }
    const std::string& path() const { return m_path; }
    const std::string& problem() const { return m_problem; }

private:
    std::string m_path;
    std::string m_problem;
};

/// A classification: a name ("Tumor", or QuPath's derived "Tumor: Positive") and a colour.
struct PathClass {
    std::string name;
    std::uint32_t rgb = 0; ///< 0xRRGGBB
    friend bool operator==(const PathClass& a, const PathClass& b) { return a.name == b.name && a.rgb == b.rgb; }
};

/// Measurements by name, in the order they were added. Setting an existing name keeps its place.
class Measurements {
public:
    using Entry = std::pair<std::string, double>;
    void set(const std::string& name, double value);
    std::optional<double> value(const std::string& name) const;
    bool remove(const std::string& name);
    const std::vector<Entry>& entries() const { return m_entries; }
    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    /// Equal names and bit-identical values (NaN equals NaN), in the same order.
    friend bool operator==(const Measurements& a, const Measurements& b);

private:
    std::vector<Entry> m_entries;
};

struct Annotation {
    std::string id;                        ///< a UUID, kept as read; new objects get a fresh one
    std::string objectType = "annotation"; ///< QuPath's "annotation", "detection", "cell", "tile"...
    std::string name;
    std::optional<PathClass> classification;
    std::optional<std::uint32_t> rgb; ///< the object's own colour (QuPath "color"), 0xRRGGBB
    bool isLocked = false;
    Measurements measurements;
    std::map<std::string, std::string> metadata; ///< QuPath "metadata": text by key
    Geometry geometry;

    friend bool operator==(const Annotation& a, const Annotation& b);
};

/// A new random UUID in QuPath's form, lower-case without braces.
std::string newAnnotationId();

/// QuPath's standard classes with its colours: Tumor, Stroma, Immune cells, Necrosis, Other,
/// Region*, Ignore*.
std::vector<PathClass> defaultClasses();

/// The classes a user picks from: QuPath's standard ones to start with, editable.
class ClassList {
public:
    ClassList() : m_classes(defaultClasses()) {}
    explicit ClassList(std::vector<PathClass> classes) : m_classes(std::move(classes)) {}

    const std::vector<PathClass>& classes() const { return m_classes; }
    const PathClass* find(const std::string& name) const;
    /// Adds `c`, or sets the colour of the class with that name.
    void set(const PathClass& c);
    bool remove(const std::string& name);
    /// Moves the class `name` to `index` (clamped); false when there is none.
    bool move(const std::string& name, std::size_t index);
    void resetToDefaults() { m_classes = defaultClasses(); }

private:
    std::vector<PathClass> m_classes;
};

} // namespace radpath::pathology

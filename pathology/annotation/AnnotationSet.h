#pragma once
// The annotations of one slide, in the order they were added, with an R-tree over their
// bounding boxes so that a view finds what lies in its rectangle without visiting the rest.
//
// Thread-safety: const methods may run on many threads at once; a change (add, remove,
// replace, clear, assignment) must not overlap any other call.

#include "pathology/annotation/Annotation.h"

#include <memory>
#include <string>
#include <vector>

namespace radpath::pathology {

class AnnotationSet {
public:
    AnnotationSet();
    AnnotationSet(std::vector<Annotation> annotations); ///< throws std::invalid_argument on a repeated id
    AnnotationSet(const AnnotationSet& other);
    AnnotationSet(AnnotationSet&& other) noexcept;
    AnnotationSet& operator=(const AnnotationSet& other);
    AnnotationSet& operator=(AnnotationSet&& other) noexcept;
    ~AnnotationSet();

    std::size_t size() const;
    bool empty() const { return size() == 0; }

    /// Adds `a` at the end and returns it as stored. An empty id gets a new UUID; an id already
    /// in the set throws std::invalid_argument.
    const Annotation& add(Annotation a);
    /// Removes the annotation with `id`; false when there is none.
    bool remove(const std::string& id);
    /// Puts `a` in place of the annotation with the same id, keeping its position; false when
    /// there is none.
    bool replace(Annotation a);
    void clear();

    /// The annotation with `id`, or nullptr. The pointer lives until that annotation changes.
    const Annotation* find(const std::string& id) const;
    /// Every annotation, in order.
    std::vector<const Annotation*> all() const;
    /// The annotations whose bounding box meets `rect` (edges count), in order.
    std::vector<const Annotation*> query(const Box& rect) const;
    /// How many annotations query(rect) would give, without listing them.
    std::size_t count(const Box& rect) const;
    /// Copies of every annotation, in order (for writing files).
    std::vector<Annotation> toVector() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace radpath::pathology

#include "pathology/annotation/AnnotationSet.h"

#include <boost/iterator/function_output_iterator.hpp>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <unordered_map>

namespace radpath::pathology {
namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

using BgPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BgBox = bg::model::box<BgPoint>;
using Entry = std::pair<BgBox, std::uint64_t>; // bounding box, sequence number
using Tree = bgi::rtree<Entry, bgi::rstar<16>>;

BgBox toBg(const Box& b)
{
    return {BgPoint(b.minX, b.minY), BgPoint(b.maxX, b.maxY)};
}

} // namespace

// Annotations are kept by a sequence number that grows with every add, so that order,
// lookup by id and the R-tree agree without renumbering on removal. Objects without
// vertices have an empty box and stay out of the tree.
struct AnnotationSet::Impl {
    std::map<std::uint64_t, Annotation> bySequence;
    std::unordered_map<std::string, std::uint64_t> sequenceById;
    std::unordered_map<std::uint64_t, BgBox> boxes;
    Tree tree;
    std::uint64_t next = 0;

    std::uint64_t insert(Annotation a, bool intoTree)
    {
        if (a.id.empty())
            a.id = newAnnotationId();
        if (sequenceById.count(a.id))
            throw std::invalid_argument("an annotation with id " + a.id + " is already in the set");
        const std::uint64_t seq = next++;
        const Box b = bounds(a.geometry);
        sequenceById.emplace(a.id, seq);
        if (!b.isEmpty()) {
            boxes.emplace(seq, toBg(b));
            if (intoTree)
                tree.insert({toBg(b), seq});
        }
        bySequence.emplace(seq, std::move(a));
        return seq;
    }

    void unindex(std::uint64_t seq)
    {
        const auto box = boxes.find(seq);
        if (box != boxes.end()) {
            tree.remove(Entry{box->second, seq});
            boxes.erase(box);
        }
    }
};

AnnotationSet::AnnotationSet() : m(std::make_unique<Impl>()) {}

AnnotationSet::AnnotationSet(std::vector<Annotation> annotations) : m(std::make_unique<Impl>())
{
    for (Annotation& a : annotations)
        m->insert(std::move(a), false);
    // Packing the whole tree at once is much faster than inserting one by one, and gives
    // a better tree.
    std::vector<Entry> entries;
    entries.reserve(m->boxes.size());
    for (const auto& [seq, box] : m->boxes)
        entries.emplace_back(box, seq);
    m->tree = Tree(entries.begin(), entries.end());
}

AnnotationSet::AnnotationSet(const AnnotationSet& other) : m(std::make_unique<Impl>(*other.m)) {}
AnnotationSet::AnnotationSet(AnnotationSet&& other) noexcept : m(std::make_unique<Impl>())
{
    std::swap(m, other.m);
}
AnnotationSet& AnnotationSet::operator=(const AnnotationSet& other)
{
    if (this != &other)
        m = std::make_unique<Impl>(*other.m);
    return *this;
}
AnnotationSet& AnnotationSet::operator=(AnnotationSet&& other) noexcept
{
    std::swap(m, other.m);
    return *this;
}
AnnotationSet::~AnnotationSet() = default;

std::size_t AnnotationSet::size() const
{
    return m->bySequence.size();
}

const Annotation& AnnotationSet::add(Annotation a)
{
    return m->bySequence.at(m->insert(std::move(a), true));
}

bool AnnotationSet::remove(const std::string& id)
{
    const auto it = m->sequenceById.find(id);
    if (it == m->sequenceById.end())
        return false;
    const std::uint64_t seq = it->second;
    m->unindex(seq);
    m->bySequence.erase(seq);
    m->sequenceById.erase(it);
    return true;
}

bool AnnotationSet::replace(Annotation a)
{
    const auto it = m->sequenceById.find(a.id);
    if (it == m->sequenceById.end())
        return false;
    const std::uint64_t seq = it->second;
    m->unindex(seq);
    const Box b = bounds(a.geometry);
    if (!b.isEmpty()) {
        m->boxes.emplace(seq, toBg(b));
        m->tree.insert({toBg(b), seq});
    }
    m->bySequence.at(seq) = std::move(a);
    return true;
}

void AnnotationSet::clear()
{
    m = std::make_unique<Impl>();
}

const Annotation* AnnotationSet::find(const std::string& id) const
{
    const auto it = m->sequenceById.find(id);
    return it == m->sequenceById.end() ? nullptr : &m->bySequence.at(it->second);
}

std::vector<const Annotation*> AnnotationSet::all() const
{
    std::vector<const Annotation*> out;
    out.reserve(m->bySequence.size());
    for (const auto& [seq, a] : m->bySequence)
        out.push_back(&a);
    return out;
}

std::vector<const Annotation*> AnnotationSet::query(const Box& rect) const
{
    std::vector<const Annotation*> out;
    if (rect.isEmpty())
        return out;
    std::vector<Entry> hits;
    m->tree.query(bgi::intersects(toBg(rect)), std::back_inserter(hits));
    std::sort(hits.begin(), hits.end(), [](const Entry& a, const Entry& b) { return a.second < b.second; });
    out.reserve(hits.size());
    for (const Entry& e : hits)
        out.push_back(&m->bySequence.at(e.second));
    return out;
}

std::size_t AnnotationSet::count(const Box& rect) const
{
    if (rect.isEmpty())
        return 0;
    std::size_t n = 0;
    m->tree.query(bgi::intersects(toBg(rect)), boost::make_function_output_iterator([&n](const Entry&) { ++n; }));
    return n;
}

std::vector<Annotation> AnnotationSet::toVector() const
{
    std::vector<Annotation> out;
    out.reserve(m->bySequence.size());
    for (const auto& [seq, a] : m->bySequence)
        out.push_back(a);
    return out;
}

} // namespace radpath::pathology

// The annotation model: geometry measures, classes, the set with its R-tree (checked against
// brute force over 100,000 objects) and the brush's boolean operations.

#include "pathology/annotation/AnnotationSet.h"
#include "pathology/annotation/GeometryOps.h"

#include <QtTest>

#include <chrono>
#include <cmath>
#include <random>

using namespace radpath::pathology;

namespace {

Polygon square(double x, double y, double size)
{
    return {{{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}}, {}};
}

Annotation annotation(const std::string& id, Geometry g)
{
    Annotation a;
    a.id = id;
    a.geometry = std::move(g);
    return a;
}

std::vector<std::string> ids(const std::vector<const Annotation*>& list)
{
    std::vector<std::string> out;
    for (const Annotation* a : list)
        out.push_back(a->id);
    return out;
}

} // namespace

class AnnotationModelTest : public QObject {
    Q_OBJECT
private slots:
    void areaAndPerimeterSubtractHolesAndScaleByMpp()
    {
        Polygon p = square(0, 0, 10);
        p.holes.push_back({{2, 2}, {2, 4}, {4, 4}, {4, 2}}); // clockwise or not, area is absolute
        QCOMPARE(area(p), 100.0 - 4.0);
        QCOMPARE(perimeter(p), 40.0 + 8.0);
        const Mpp mpp = std::array<double, 2>{0.5, 0.25};
        QCOMPARE(area(p, mpp), 96.0 * 0.125);
        QCOMPARE(perimeter(Geometry(square(0, 0, 4)), mpp), 2 * 4 * 0.5 + 2 * 4 * 0.25);
        QCOMPARE(area(MultiPolygon{{square(0, 0, 2), square(10, 10, 3)}}), 13.0);
        QCOMPARE(perimeter(LineString{{{0, 0}, {3, 4}, {3, 10}}}), 11.0);
        QCOMPARE(area(Point{{5, 5}}), 0.0);
        QCOMPARE(bounds(MultiPoint{{{3, 9}, {-1, 2}}}), (Box{-1, 2, 3, 9}));
        QVERIFY(bounds(MultiPolygon{}).isEmpty());
        QCOMPARE(std::get<Polygon>(translated(square(1, 1, 1), 10, 20)).outer.front(), (Vertex{11, 21}));
    }

    void defaultClassesAreQuPaths()
    {
        const ClassList list;
        QCOMPARE(list.find("Tumor")->rgb, 0xC80000u);
        QCOMPARE(list.find("Stroma")->rgb, std::uint32_t(150 << 16 | 200 << 8 | 150));
        QCOMPARE(list.find("Immune cells")->rgb, std::uint32_t(160 << 16 | 90 << 8 | 160));
        QCOMPARE(list.find("Necrosis")->rgb, 0x323232u);
        QCOMPARE(list.find("Other")->rgb, 0xFFC800u);
        ClassList edited;
        edited.set({"Tumor", 0x00FF00});
        edited.set({"Vessel", 0x0000FF});
        QVERIFY(edited.remove("Necrosis"));
        QVERIFY(edited.move("Vessel", 0));
        QCOMPARE(edited.classes().front().name, std::string("Vessel"));
        QCOMPARE(edited.find("Tumor")->rgb, 0x00FF00u);
        QVERIFY(!edited.find("Necrosis"));
    }

    void measurementsKeepTheirOrder()
    {
        Measurements m;
        m.set("Area µm^2", 3);
        m.set("Perimeter µm", 2);
        m.set("Area µm^2", 5);
        QCOMPARE(m.entries().front().first, std::string("Area µm^2"));
        QCOMPARE(*m.value("Area µm^2"), 5.0);
        QVERIFY(!m.value("Missing"));
    }

    void setAddsRemovesAndReplacesById()
    {
        AnnotationSet set;
        set.add(annotation("a", square(0, 0, 10)));
        set.add(annotation("b", square(100, 100, 10)));
        const std::string fresh = set.add(annotation("", Point{{50, 50}})).id;
        QCOMPARE(fresh.size(), std::size_t(36));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, set.add(annotation("a", square(0, 0, 1))));
        QCOMPARE(ids(set.query({95, 95, 200, 200})), (std::vector<std::string>{"b"}));

        QVERIFY(set.replace(annotation("b", square(500, 500, 10))));
        QVERIFY(set.query({95, 95, 200, 200}).empty());
        QCOMPARE(ids(set.query({505, 505, 506, 506})), (std::vector<std::string>{"b"}));
        QCOMPARE(ids(set.all()), (std::vector<std::string>{"a", "b", fresh})); // replace keeps the place

        QVERIFY(set.remove("a"));
        QVERIFY(!set.remove("a"));
        QVERIFY(!set.replace(annotation("a", square(0, 0, 1))));
        QVERIFY(set.query({0, 0, 10, 10}).empty());
        QCOMPARE(set.size(), std::size_t(2));
        QCOMPARE(set.find(fresh)->geometry, Geometry(Point{{50, 50}}));

        const AnnotationSet copy = set; // copies carry their own index
        set.clear();
        QCOMPARE(copy.query({0, 0, 1000, 1000}).size(), std::size_t(2));
        QVERIFY(set.query({0, 0, 1000, 1000}).empty());
    }

    void queryMatchesBruteForceOver100kObjects()
    {
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> pos(0, 100000), size(5, 60);
        std::vector<Annotation> list;
        for (int i = 0; i < 100000; ++i) {
            const double x = pos(rng), y = pos(rng), s = size(rng);
            list.push_back(
                annotation("cell-" + std::to_string(i), Polygon{{{x, y}, {x + s, y + s / 3}, {x + s / 2, y + s}}, {}}));
        }
        const auto start = std::chrono::steady_clock::now();
        AnnotationSet set(list);
        // Changes after the bulk load must show up too.
        set.remove("cell-5");
        set.replace(annotation("cell-6", square(200, 200, 10)));
        set.add(annotation("late", square(210, 205, 3)));
        list.erase(list.begin() + 5);
        list[5] = annotation("cell-6", square(200, 200, 10));
        list.push_back(annotation("late", square(210, 205, 3)));
        qInfo("index of %zu objects built in %lld ms", set.size(),
              (long long)std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start)
                  .count());

        std::uniform_real_distribution<double> extent(10, 8000);
        std::vector<Box> rects = {{0, 0, 100000, 100000}, {205, 205, 208, 208}, {-10, -10, -1, -1}};
        for (int i = 0; i < 40; ++i) {
            const double x = pos(rng), y = pos(rng);
            rects.push_back({x, y, x + extent(rng), y + extent(rng)});
        }
        double queryMs = 0;
        for (const Box& r : rects) {
            const auto t0 = std::chrono::steady_clock::now();
            const auto hits = ids(set.query(r));
            queryMs += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            std::vector<std::string> expected;
            for (const Annotation& a : list)
                if (bounds(a.geometry).intersects(r))
                    expected.push_back(a.id);
            QCOMPARE(hits, expected);
        }
        qInfo("%zu queries in %.1f ms", rects.size(), queryMs);
    }

    void unionKeepsHolesAndParts()
    {
        // A ring of four bars around an empty middle: the union has one hole.
        Geometry ring = square(0, 0, 10);
        ring = subtract(ring, square(3, 3, 4));
        QVERIFY(std::holds_alternative<Polygon>(ring));
        QCOMPARE(std::get<Polygon>(ring).holes.size(), std::size_t(1));
        QCOMPARE(area(ring), 100.0 - 16.0);

        const Geometry merged = unite(ring, square(8, 8, 4)); // overlaps one corner
        QVERIFY(std::holds_alternative<Polygon>(merged));
        QCOMPARE(std::get<Polygon>(merged).holes.size(), std::size_t(1));
        QCOMPARE(area(merged), 84.0 + 16.0 - 4.0);

        const Geometry apart = unite(merged, square(50, 50, 2));
        QVERIFY(std::holds_alternative<MultiPolygon>(apart));
        QCOMPARE(std::get<MultiPolygon>(apart).parts.size(), std::size_t(2));
        QCOMPARE(area(apart), 96.0 + 4.0);
        QVERIFY(isValidPolygonal(apart));
    }

    void differenceSplitsAndEmpties()
    {
        // Erasing a band through the middle leaves two parts.
        const Geometry split = subtract(square(0, 0, 10), Polygon{{{-1, 4}, {11, 4}, {11, 6}, {-1, 6}}, {}});
        QVERIFY(std::holds_alternative<MultiPolygon>(split));
        QCOMPARE(std::get<MultiPolygon>(split).parts.size(), std::size_t(2));
        QCOMPARE(area(split), 80.0);

        const Geometry gone = subtract(square(0, 0, 10), square(-5, -5, 20));
        QVERIFY(std::holds_alternative<MultiPolygon>(gone));
        QVERIFY(std::get<MultiPolygon>(gone).parts.empty());

        // Rings of either winding are accepted.
        Polygon counter = square(0, 0, 10);
        std::reverse(counter.outer.begin(), counter.outer.end());
        QCOMPARE(area(intersect(counter, square(5, 5, 10))), 25.0);

        QVERIFY_THROWS_EXCEPTION(GeometryError, unite(Point{{1, 1}}, square(0, 0, 1)));
    }
};

QTEST_GUILESS_MAIN(AnnotationModelTest)
#include "AnnotationModelTest.moc"

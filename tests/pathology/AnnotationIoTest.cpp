// Annotation files: QuPath GeoJSON (a file written as QuPath writes it, and QuPath 0.2's form),
// ASAP XML, the bounds offset, the atomic sidecar, and the errors for broken files.

#include "pathology/annotation/AnnotationFile.h"
#include "pathology/annotation/AsapXml.h"
#include "pathology/annotation/GeoJson.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace radpath::pathology;

namespace {

const std::string kSample = RADPATH_SOURCE_DIR "/tests/data/annotations/qupath-export.geojson";
const std::string kLegacy = RADPATH_SOURCE_DIR "/tests/data/annotations/qupath-0.2-export.json";

std::string fileText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}

void writeText(const QString& path, const std::string& text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text.data(), qint64(text.size()));
}

// The JSON tree, with QuPath's bare NaN made comparable.
nlohmann::ordered_json tree(std::string text)
{
    for (auto at = text.find(": NaN"); at != std::string::npos; at = text.find(": NaN"))
        text.replace(at, 5, ": \"NaN\"");
    return nlohmann::ordered_json::parse(text);
}

std::string errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const AnnotationError& e) {
        return e.what();
    }
    return "no error";
}

Annotation polygonAnnotation(const std::string& name, std::optional<PathClass> c, Geometry g)
{
    Annotation a;
    a.id = newAnnotationId();
    a.name = name;
    a.classification = std::move(c);
    a.geometry = std::move(g);
    return a;
}

} // namespace

class AnnotationIoTest : public QObject {
    Q_OBJECT
private slots:
    void readsQuPathExport()
    {
        const auto list = readGeoJson(kSample);
        QCOMPARE(list.size(), std::size_t(5));
        const Annotation& tumour = list[0];
        QCOMPARE(tumour.id, std::string("2f4c3f57-8d3a-4b8e-9a59-0a5c3c1d2e61"));
        QCOMPARE(tumour.name, std::string("Invasive front"));
        QCOMPARE(tumour.classification->name, std::string("Tumor"));
        QCOMPARE(tumour.classification->rgb, 0xC80000u);
        QVERIFY(tumour.isLocked);
        const auto& poly = std::get<Polygon>(tumour.geometry);
        QCOMPARE(poly.outer.size(), std::size_t(4)); // the closing position is implied
        QCOMPARE(poly.outer[2], (Vertex{2400.5, 1900.25}));
        QCOMPARE(poly.holes.size(), std::size_t(1));
        const auto& m = tumour.measurements.entries();
        QCOMPARE(m.size(), std::size_t(4));
        QCOMPARE(m[1].first, std::string("Area µm^2"));
        QCOMPARE(m[1].second, 289765.43210987654);
        QCOMPARE(m[2].first, std::string("Tumor: Mean density")); // file order, not sorted
        QVERIFY(std::isnan(m[3].second));
        QCOMPARE(std::get<MultiPolygon>(list[1].geometry).parts.size(), std::size_t(2));
        QCOMPARE(list[2].objectType, std::string("detection"));
        QCOMPARE(*list[3].rgb, 0xFFC800u);
        QCOMPARE(list[3].metadata.at("reader"), std::string("second pathologist"));
        QCOMPARE(std::get<LineString>(list[4].geometry).points.size(), std::size_t(3));
    }

    void geoJsonRoundTripKeepsEverything()
    {
        const auto list = readGeoJson(kSample);
        const std::string written = toGeoJson(list);
        QCOMPARE(tree(written), tree(fileText(QString::fromStdString(kSample)))); // values, keys and order
        QVERIFY(written.find("\"Stroma fraction\": NaN") != std::string::npos);
        const auto again = parseGeoJson(written, "written");
        QVERIFY(again == list);
    }

    void specialNumbersTravelAsQuPathWritesThem()
    {
        const auto list = parseGeoJson(R"({"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]},
            "properties": {"name": "NaN Infinity", "measurements": {"a": Infinity, "b": -Infinity, "c": null}}})",
                                       "inline");
        QCOMPARE(list.size(), std::size_t(1));
        QCOMPARE(list[0].name, std::string("NaN Infinity")); // words inside strings stay words
        QVERIFY(std::isinf(*list[0].measurements.value("a")) && *list[0].measurements.value("a") > 0);
        QVERIFY(std::isinf(*list[0].measurements.value("b")) && *list[0].measurements.value("b") < 0);
        QVERIFY(std::isnan(*list[0].measurements.value("c")));
        const std::string text = toGeoJson(list);
        QVERIFY(text.find("\"a\": Infinity") != std::string::npos);
        QVERIFY(text.find("\"b\": -Infinity") != std::string::npos);
        QVERIFY(text.find("\"c\": NaN") != std::string::npos);
    }

    void readsQuPath02Form()
    {
        const auto list = readGeoJson(kLegacy);
        QCOMPARE(list.size(), std::size_t(2));
        QCOMPARE(list[0].objectType, std::string("annotation"));
        QCOMPARE(list[0].id.size(), std::size_t(36)); // the legacy "id" was a type: a new UUID instead
        QCOMPARE(list[0].classification->rgb, 0x323232u);
        QCOMPARE(*list[0].measurements.value("Perimeter px"), 292.0660171779821);
        QCOMPARE(list[1].objectType, std::string("detection"));
        QCOMPARE(std::get<Point>(list[1].geometry).at, (Vertex{55.5, 66.25}));
    }

    void boundsOriginShiftsGeoJsonOnly()
    {
        const Vertex origin{1000, 2000};
        const auto list = readGeoJson(kSample, origin);
        QCOMPARE(std::get<Polygon>(list[0].geometry).outer[0], (Vertex{2200, 2800}));
        QCOMPARE(tree(toGeoJson(list, origin)), tree(fileText(QString::fromStdString(kSample))));

        QTemporaryDir dir;
        const std::string xml = dir.filePath("a.xml").toStdString();
        writeAnnotations(xml, list, origin);
        const auto fromXml = readAnnotations(xml, origin); // ASAP stays absolute
        QCOMPARE(std::get<Polygon>(fromXml[0].geometry).outer[0], (Vertex{2200, 2800}));
    }

    void asapRoundTrip()
    {
        const PathClass tumour{"Tumor", 0xC80000};
        std::vector<Annotation> list = {
            polygonAnnotation("T1", tumour, Polygon{{{10.5, 20.25}, {300.125, 20}, {150, 400.1}}, {}}),
            polygonAnnotation("S1", PathClass{"Stroma", 0x96C896}, Polygon{{{1, 1}, {9, 1}, {9, 9}, {1, 9}}, {}}),
            polygonAnnotation("Dot", std::nullopt, Point{{5, 6}}),
            polygonAnnotation("Seeds", tumour, MultiPoint{{{1, 2}, {3, 4}}}),
            polygonAnnotation("Ruler", std::nullopt, LineString{{{0, 0}, {30, 40}}})};
        list[1].rgb = 0x123456;
        const AsapDocument doc = toAsapXml(list);
        QVERIFY(doc.warnings.empty());
        QVERIFY(doc.xml.find("<Group Name=\"Tumor\" PartOfGroup=\"None\" Color=\"#C80000\">") != std::string::npos);
        QVERIFY(doc.xml.find("Type=\"Dot\" PartOfGroup=\"None\"") != std::string::npos);
        auto back = parseAsapXml(doc.xml, "doc");
        QCOMPARE(back.size(), list.size());
        for (std::size_t i = 0; i < list.size(); ++i) {
            back[i].id = list[i].id; // ASAP has no ids
            QVERIFY2(back[i] == list[i], list[i].name.c_str());
        }
    }

    void asapSplitsPartsAndWarnsAboutHoles()
    {
        Polygon holed{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{{2, 2}, {4, 2}, {4, 4}}}};
        Annotation a = polygonAnnotation("Holey", PathClass{"Tumor", 0xC80000},
                                         MultiPolygon{{holed, Polygon{{{20, 20}, {30, 20}, {30, 30}}, {}}}});
        a.measurements.set("Area", 1);
        const AsapDocument doc = toAsapXml({a});
        QCOMPARE(doc.warnings.size(), std::size_t(2));
        QVERIFY(doc.warnings[0].find("'Holey' (" + a.id + ")") != std::string::npos);
        QVERIFY(doc.warnings[0].find("1 hole dropped") != std::string::npos);
        const auto back = parseAsapXml(doc.xml, "doc");
        QCOMPARE(back.size(), std::size_t(2));
        QCOMPARE(std::get<Polygon>(back[0].geometry).outer, holed.outer);
        QVERIFY(std::get<Polygon>(back[0].geometry).holes.empty());
        QCOMPARE(back[1].classification->name, std::string("Tumor"));
    }

    void readsAsapAsAsapWritesIt()
    {
        const std::string xml = R"(<?xml version="1.0"?>
<ASAP_Annotations>
	<Annotations>
		<Annotation Name="Annotation 0" Type="Rectangle" PartOfGroup="metastases" Color="#F4FA58">
			<Coordinates>
				<Coordinate Order="2" X="200" Y="150" />
				<Coordinate Order="0" X="100" Y="100" />
				<Coordinate Order="1" X="200" Y="100" />
				<Coordinate Order="3" X="100,5" Y="150" />
			</Coordinates>
		</Annotation>
		<Annotation Name="Annotation 1" Type="Spline" PartOfGroup="None" Color="#F4FA58">
			<Coordinates>
				<Coordinate Order="0" X="1" Y="1" /><Coordinate Order="1" X="5" Y="1" /><Coordinate Order="2" X="3" Y="4" />
			</Coordinates>
		</Annotation>
	</Annotations>
	<AnnotationGroups>
		<Group Name="metastases" PartOfGroup="None" Color="#FF0000"><Attributes /></Group>
	</AnnotationGroups>
</ASAP_Annotations>)";
        const auto list = parseAsapXml(xml, "camelyon.xml");
        QCOMPARE(list.size(), std::size_t(2));
        const auto& rect = std::get<Polygon>(list[0].geometry).outer;
        QCOMPARE(rect, (Ring{{100, 100}, {200, 100}, {200, 150}, {100.5, 150}})); // by Order; decimal comma
        QCOMPARE(list[0].classification->rgb, 0xFF0000u);
        QCOMPARE(*list[0].rgb, 0xF4FA58u); // its own colour differs from the group's
        QVERIFY(!list[1].classification);
        QVERIFY(!list[1].rgb);
    }

    void brokenFilesNameTheFileAndTheProblem()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath("bad.geojson");
        writeText(bad, "{\"type\": \"FeatureCollection\", \"features\": [\n  {\"type\": \"Feature\",, }]}");
        std::string e = errorOf([&] { readGeoJson(bad.toStdString()); });
        QVERIFY2(e.find(bad.toStdString() + ": malformed JSON: parse error at line 2") == 0, e.c_str());

        writeText(bad, R"({"type": "FeatureCollection", "features": [{"type": "Feature",
            "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, "x"], [1, 1]]]}}]})");
        e = errorOf([&] { readGeoJson(bad.toStdString()); });
        QVERIFY2(e.find(": feature 1: a coordinate is not an [x, y] pair of numbers") != std::string::npos, e.c_str());

        writeText(bad, R"({"type": "Feature", "geometry": {"type": "Circle", "coordinates": [0, 0]}})");
        e = errorOf([&] { readGeoJson(bad.toStdString()); });
        QVERIFY2(e.find("geometry type 'Circle' is not supported") != std::string::npos, e.c_str());

        const QString xml = dir.filePath("bad.xml");
        writeText(xml, "<ASAP_Annotations><Annotations><Annotation Name=\"x\"></Annotations>");
        e = errorOf([&] { readAsapXml(xml.toStdString()); });
        QVERIFY2(e.find(xml.toStdString() + ": malformed XML at line 1") == 0, e.c_str());
        writeText(xml, "<Other/>");
        e = errorOf([&] { readAnnotations(xml.toStdString()); });
        QVERIFY2(e.find("not ASAP XML") != std::string::npos, e.c_str());

        e = errorOf([&] { readAnnotations(dir.filePath("none.geojson").toStdString()); });
        QVERIFY2(e.find("none.geojson: no such file") != std::string::npos, e.c_str());
        e = errorOf([&] { readAnnotations(dir.filePath("a.txt").toStdString()); });
        QVERIFY2(e.find("a.txt: not an annotation file") != std::string::npos, e.c_str());
    }

    void sidecarSavesAtomically()
    {
        QTemporaryDir dir;
        const std::string slide = dir.filePath("case 1.svs").toStdString();
        QCOMPARE(sidecarPath(slide), slide + ".radpath-annotations.geojson");
        QVERIFY(!loadSidecar(slide));

        AnnotationSet set(readGeoJson(kSample));
        saveSidecar(slide, set, {100, 100});
        const std::string before = fileText(QString::fromStdString(sidecarPath(slide)));
        const auto loaded = loadSidecar(slide, {100, 100});
        QVERIFY(loaded && loaded->toVector() == set.toVector());

        // A write that fails half-way (a coordinate GeoJSON cannot hold) leaves the old file whole.
        Annotation broken = *set.find("e5f7a9b1-3c5d-4e7f-9a1b-2c4d6e8f0a1b");
        std::get<LineString>(broken.geometry).points[1].x = std::nan("");
        set.replace(broken);
        const std::string e = errorOf([&] { saveSidecar(slide, set); });
        QVERIFY2(e.find(sidecarPath(slide) + ": annotation e5f7a9b1") == 0, e.c_str());
        QCOMPARE(fileText(QString::fromStdString(sidecarPath(slide))), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), qsizetype(1)); // no temporary left behind

        // Without a sidecar, a QuPath export named after the slide comes in; the sidecar,
        // once there, wins over it.
        const std::string other = dir.filePath("case 2.svs").toStdString();
        QVERIFY(!loadSidecar(other));
        QVERIFY(QFile::copy(QString::fromStdString(kSample), dir.filePath("case 2.geojson")));
        const auto fromExport = loadSidecar(other);
        QVERIFY(fromExport && fromExport->toVector() == AnnotationSet(readGeoJson(kSample)).toVector());
        saveSidecar(other, AnnotationSet(std::vector<Annotation>{}));
        QVERIFY(loadSidecar(other) && loadSidecar(other)->toVector().empty());
        QCOMPARE(fileText(dir.filePath("case 2.geojson")), fileText(QString::fromStdString(kSample)));

        // A folder that cannot take the file: the message names it.
        const std::string nowhere = dir.filePath("missing/sub/x.svs").toStdString();
        const std::string e2 = errorOf([&] { saveSidecar(nowhere, AnnotationSet()); });
        QVERIFY2(e2.find(sidecarPath(nowhere) + ": cannot be written") == 0, e2.c_str());
    }
};

QTEST_GUILESS_MAIN(AnnotationIoTest)
#include "AnnotationIoTest.moc"

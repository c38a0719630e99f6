#include "viewer/io/LabelMapWriter.h"

#include "viewer/io/IoError.h"
#include "viewer/io/ItkVolumeWriter.h"

#include <QByteArray>
#include <QFile>
#include <QSaveFile>
#include <QString>

namespace radpath::viewer {
namespace {

void saveBytes(const QString& output, const QByteArray& bytes)
{
    QSaveFile file(output); // written to a temporary, renamed on commit
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw IoError(output.toStdString(), "cannot write: " + file.errorString().toStdString());
}

// A sidecar of this map that is not written this time goes: loadLabelMap would read an old
// one as this map's.
void removeStale(const QString& output)
{
    if (QFile::exists(output) && !QFile::remove(output))
        throw IoError(output.toStdString(), "cannot remove the stale sidecar");
}

} // namespace

void writeLabelMap(const Volume& labels, const std::vector<LabelEntry>& table, const std::string& path)
{
    writeVolumeWithItk(labels, path);
    const QString imagePath = QString::fromStdString(path);
    const QString base =
        imagePath.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive) ? imagePath.chopped(3) : imagePath;
    QByteArray names;
    QByteArray lut(768, '\0');
    bool lutFits = true;
    for (const LabelEntry& e : table) {
        QString name = QString::fromStdString(e.name).simplified();
        if (name.isEmpty())
            name = QStringLiteral("Segment %1").arg(e.value);
        names += QByteArray::number(e.value) + ' ' + name.toUtf8() + " 0\n";
        lutFits = lutFits && e.value < 256;
        if (e.value >= 0 && e.value < 256)
            for (int c = 0; c < 3; ++c)
                lut[c * 256 + e.value] = char(e.colour[size_t(c)]);
    }
    saveBytes(base + ".txt", names);
    if (lutFits)
        saveBytes(base + ".lut", lut);
    else
        removeStale(base + ".lut");
}

} // namespace radpath::viewer

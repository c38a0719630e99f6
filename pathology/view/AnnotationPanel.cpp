#include "pathology/view/AnnotationPanel.h"

#include "pathology/annotation/AnnotationFile.h"
#include "pathology/view/SlideView.h"

#include <QColorDialog>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDialog>
#include <QDialogButtonBox>
#include <QListWidget>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

#include <map>

namespace radpath {
namespace pathology {
namespace {

QString className(const Annotation& a)
{
    return a.classification ? QString::fromStdString(a.classification->name) : AnnotationPanel::tr("Unclassified");
}

// Text fields of a CSV row, quoted where they need it.
QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

} // namespace

AnnotationPanel::AnnotationPanel(SlideView* view, QWidget* parent) : QWidget(parent), m_view(view)
{
    setObjectName(QStringLiteral("annotationPanel"));
    m_class = new QComboBox(this);
    m_class->setObjectName(QStringLiteral("annotationClass"));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("annotationFilter"));
    m_filter->setPlaceholderText(tr("Filter by class or name"));
    m_filter->setClearButtonEnabled(true);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("annotationTable"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("classSummary"));
    m_summary->setWordWrap(true);
    auto* setClass = new QPushButton(tr("Set class"), this);
    setClass->setToolTip(tr("Give the selected annotation the class above"));
    auto* remove = new QPushButton(tr("Delete"), this);
    auto* lock = new QPushButton(tr("Lock"), this);
    lock->setToolTip(tr("Lock or unlock the selected annotation (L)"));
    auto* exportButton = new QPushButton(tr("Export CSV…"), this);
    auto* importFile = new QPushButton(tr("Import…"), this);
    importFile->setToolTip(tr("Add the annotations of a QuPath GeoJSON or ASAP XML file"));
    auto* exportFile = new QPushButton(tr("Save as…"), this);
    exportFile->setToolTip(tr("Write the annotations as QuPath GeoJSON or ASAP XML"));

    auto* classRow = new QHBoxLayout;
    classRow->addWidget(new QLabel(tr("Class"), this));
    classRow->addWidget(m_class, 1);
    classRow->addWidget(setClass);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(remove);
    buttons->addWidget(lock);
    buttons->addStretch(1);
    // Files on a row of their own: the side panel is narrow.
    auto* files = new QHBoxLayout;
    files->addWidget(importFile);
    files->addWidget(exportFile);
    files->addWidget(exportButton);
    files->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(classRow);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);
    layout->addLayout(files);

    // New annotations take the class chosen here.
    auto* editClassesButton = new QPushButton(tr("Classes…"), this);
    editClassesButton->setObjectName(QStringLiteral("editClasses"));
    editClassesButton->setToolTip(tr("Add, rename, recolour or remove classes"));
    classRow->addWidget(editClassesButton);
    connect(editClassesButton, &QPushButton::clicked, this, &AnnotationPanel::editClasses);
    fillClasses();
    auto chosenClass = [this]() -> std::optional<PathClass> {
        if (m_class->currentIndex() <= 0)
            return std::nullopt;
        return PathClass{m_class->currentText().toStdString(), m_class->currentData().value<quint32>()};
    };
    connect(m_class, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this, chosenClass] { m_view->annotations().setCurrentClass(chosenClass()); });
    connect(setClass, &QPushButton::clicked, this, [this, chosenClass] {
        if (m_view->annotations().classifySelected(chosenClass()))
            emit m_view->annotationsChanged();
        m_view->redraw();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_view->annotations().removeSelected())
            emit m_view->annotationsChanged();
        m_view->redraw();
    });
    connect(lock, &QPushButton::clicked, this, [this] {
        if (m_view->annotations().toggleLockSelected())
            emit m_view->annotationsChanged();
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export annotations"), QString(), tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportCsv(path, &error))
            QMessageBox::warning(this, tr("Export annotations"), tr("Cannot write %1\n%2").arg(path, error));
    });
    connect(importFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import annotations"), QString(),
                                                          tr("Annotations (*.geojson *.json *.xml)"));
        QString error;
        if (!path.isEmpty() && !importFrom(path, &error))
            QMessageBox::warning(this, tr("Import annotations"), error);
    });
    connect(exportFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save annotations"), QString(),
                                                          tr("QuPath GeoJSON (*.geojson);;ASAP XML (*.xml)"));
        QStringList warnings;
        QString error;
        if (!path.isEmpty() && !saveTo(path, &warnings, &error))
            QMessageBox::warning(this, tr("Save annotations"), error);
        else if (!warnings.isEmpty())
            QMessageBox::information(this, tr("Save annotations"), warnings.join(QLatin1Char('\n')));
    });
    connect(m_filter, &QLineEdit::textChanged, this, &AnnotationPanel::refresh);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        m_view->showAnnotation(m_table->item(row, 0)->data(Qt::UserRole).toString().toStdString());
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_table->selectionModel()->selectedRows();
        if (!rows.isEmpty()) {
            m_view->annotations().select(m_table->item(rows.front().row(), 0)->data(Qt::UserRole).toString().toStdString());
            m_view->redraw();
        }
    });
    connect(m_view, &SlideView::annotationsChanged, this, &AnnotationPanel::refresh);
    connect(m_view, &SlideView::selectionChanged, this, &AnnotationPanel::showSelection);
    refresh();
}

void AnnotationPanel::refresh()
{
    const QSignalBlocker block(m_table);
    const SlideSource* slide = m_view->slide();
    const Mpp mpp = slide ? slide->info().mpp : std::nullopt;
    const QString areaUnit = mpp ? tr("µm²") : tr("px²"), lengthUnit = mpp ? tr("µm") : tr("px");
    m_table->setHorizontalHeaderLabels(
        {tr("Class"), tr("Type"), tr("Area (%1)").arg(areaUnit), tr("Perimeter (%1)").arg(lengthUnit)});
    const QString filter = m_filter->text().trimmed();
    const auto all = m_view->annotations().annotations().all();
    m_table->setRowCount(0);
    // Count and area per class, over every annotation whatever the filter.
    std::map<QString, std::pair<int, double>> perClass;
    std::vector<const Annotation*> shown;
    for (const Annotation* a : all) {
        auto& entry = perClass[className(*a)];
        ++entry.first;
        entry.second += area(a->geometry, mpp);
        const QString name = className(*a) + QLatin1Char(' ') + QString::fromStdString(a->name);
        if (filter.isEmpty() || name.contains(filter, Qt::CaseInsensitive))
            shown.push_back(a);
    }
    // A list of 100,000 rows helps nobody: the first 5,000 that match.
    const size_t rows = std::min<size_t>(shown.size(), 5000);
    m_table->setRowCount(int(rows));
    for (size_t r = 0; r < rows; ++r) {
        const Annotation& a = *shown[r];
        auto* first = new QTableWidgetItem(className(a) + (a.isLocked ? QStringLiteral(" 🔒") : QString()));
        first->setData(Qt::UserRole, QString::fromStdString(a.id));
        if (a.classification)
            first->setForeground(QColor::fromRgb(a.classification->rgb));
        m_table->setItem(int(r), 0, first);
        m_table->setItem(int(r), 1, new QTableWidgetItem(QString::fromLatin1(geometryTypeName(a.geometry))));
        m_table->setItem(int(r), 2, new QTableWidgetItem(QString::number(area(a.geometry, mpp), 'f', 1)));
        m_table->setItem(int(r), 3, new QTableWidgetItem(QString::number(perimeter(a.geometry, mpp), 'f', 1)));
    }
    QStringList lines;
    for (const auto& [name, entry] : perClass)
        lines << tr("%1: %2, %3 %4").arg(name).arg(entry.first).arg(entry.second, 0, 'f', 0).arg(areaUnit);
    m_summary->setText(lines.join(QLatin1Char('\n')));
    showSelection();
}

// GeoJSON coordinates are relative to the slide's bounds, as QuPath writes them.
static Vertex boundsOrigin(const SlideSource* slide)
{
    const auto origin = slide ? slide->info().boundsOrigin() : std::array<double, 2>{0, 0};
    return {origin[0], origin[1]};
}

bool AnnotationPanel::importFrom(const QString& path, QString* error)
{
    try {
        m_view->annotations().addAll(readAnnotations(path.toStdString(), boundsOrigin(m_view->slide())));
        if (m_view->annotations().takeChanged())
            emit m_view->annotationsChanged();
        m_view->redraw();
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
}

bool AnnotationPanel::saveTo(const QString& path, QStringList* warnings, QString* error) const
{
    try {
        for (const std::string& w : writeAnnotations(path.toStdString(), m_view->annotations().annotations().toVector(),
                                                     boundsOrigin(m_view->slide())))
            if (warnings)
                *warnings << QString::fromStdString(w);
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
}

void AnnotationPanel::setClasses(ClassList classes)
{
    m_classes = std::move(classes);
    fillClasses();
    if (m_classFile.isEmpty())
        return;
    // [{"name": "Tumor", "color": [200, 0, 0]}, ...], as QuPath lists classes.
    QJsonArray list;
    for (const PathClass& c : m_classes.classes())
        list.append(QJsonObject{{"name", QString::fromStdString(c.name)},
                                {"color", QJsonArray{int(c.rgb >> 16 & 0xFF), int(c.rgb >> 8 & 0xFF), int(c.rgb & 0xFF)}}});
    try {
        writeFileAtomically(m_classFile.toStdString(), QJsonDocument(list).toJson().toStdString());
    } catch (const std::exception& e) {
        m_summary->setText(tr("Classes not saved: %1").arg(QString::fromUtf8(e.what())));
    }
}

void AnnotationPanel::setClassFile(const QString& path)
{
    m_classFile.clear(); // no write back while reading
    if (QFile::exists(path)) {
        try {
            QJsonParseError error;
            const QJsonDocument doc =
                QJsonDocument::fromJson(QByteArray::fromStdString(readWholeFile(path.toStdString())), &error);
            if (doc.isNull())
                throw AnnotationError(path.toStdString(), "not a class list: " + error.errorString().toStdString());
            std::vector<PathClass> classes;
            auto channel = [](const QJsonValue& v) { return std::uint32_t(std::clamp(v.toInt(), 0, 255)); };
            for (const QJsonValue& v : doc.array()) {
                const QJsonArray rgb = v.toObject().value("color").toArray();
                const std::string name = v.toObject().value("name").toString().toStdString();
                if (!name.empty() && rgb.size() == 3)
                    classes.push_back({name, channel(rgb[0]) << 16 | channel(rgb[1]) << 8 | channel(rgb[2])});
            }
            if (!classes.empty())
                setClasses(ClassList(std::move(classes)));
        } catch (const std::exception& e) {
            m_summary->setText(tr("Classes not read: %1").arg(QString::fromUtf8(e.what())));
        }
    }
    m_classFile = path;
}

void AnnotationPanel::fillClasses()
{
    const QString current = m_class->currentText();
    {
        const QSignalBlocker block(m_class);
        m_class->clear();
        m_class->addItem(tr("Unclassified"));
        for (const PathClass& c : m_classes.classes()) {
            QPixmap swatch(12, 12);
            swatch.fill(QColor::fromRgb(c.rgb));
            m_class->addItem(QIcon(swatch), QString::fromStdString(c.name), QVariant::fromValue(quint32(c.rgb)));
        }
        m_class->setCurrentIndex(std::max(0, m_class->findText(current)));
    }
    emit m_class->currentIndexChanged(m_class->currentIndex()); // the editor's class follows
}

void AnnotationPanel::editClasses()
{
    // A small editor over a copy: OK keeps the changes.
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Classes"));
    ClassList edited = m_classes;
    auto* list = new QListWidget(&dialog);
    auto refill = [&] {
        const QSignalBlocker block(list); // filling is not editing
        list->clear();
        for (const PathClass& c : edited.classes()) {
            QPixmap swatch(14, 14);
            swatch.fill(QColor::fromRgb(c.rgb));
            auto* item = new QListWidgetItem(QIcon(swatch), QString::fromStdString(c.name), list);
            item->setFlags(item->flags() | Qt::ItemIsEditable);
            item->setData(Qt::UserRole, QString::fromStdString(c.name));
        }
    };
    refill();
    auto* add = new QPushButton(tr("Add"), &dialog);
    auto* colour = new QPushButton(tr("Colour…"), &dialog);
    auto* remove = new QPushButton(tr("Remove"), &dialog);
    auto* reset = new QPushButton(tr("Defaults"), &dialog);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto* side = new QVBoxLayout;
    for (QPushButton* b : {add, colour, remove, reset})
        side->addWidget(b);
    side->addStretch(1);
    auto* row = new QHBoxLayout;
    row->addWidget(list, 1);
    row->addLayout(side);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(row);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(add, &QPushButton::clicked, &dialog, [&] {
        QString name = tr("New class");
        for (int n = 2; edited.find(name.toStdString()); ++n)
            name = tr("New class %1").arg(n);
        edited.set({name.toStdString(), 0x808080});
        refill();
    });
    connect(list, &QListWidget::itemChanged, &dialog, [&](QListWidgetItem* item) {
        // Renamed in place: the class keeps its colour and position.
        const std::string before = item->data(Qt::UserRole).toString().toStdString();
        const std::string after = item->text().trimmed().toStdString();
        const PathClass* c = edited.find(before);
        if (after == before)
            return;
        if (!c || after.empty() || edited.find(after)) {
            QMetaObject::invokeMethod(&dialog, refill, Qt::QueuedConnection);
            return;
        }
        const std::uint32_t rgb = c->rgb;
        const auto index = size_t(list->row(item));
        edited.remove(before);
        edited.set({after, rgb});
        edited.move(after, index);
        QMetaObject::invokeMethod(&dialog, refill, Qt::QueuedConnection);
    });
    connect(colour, &QPushButton::clicked, &dialog, [&] {
        QListWidgetItem* item = list->currentItem();
        const PathClass* c = item ? edited.find(item->text().toStdString()) : nullptr;
        if (!c)
            return;
        const QColor chosen = QColorDialog::getColor(QColor::fromRgb(c->rgb), &dialog);
        if (chosen.isValid()) {
            edited.set({c->name, chosen.rgb() & 0xFFFFFF});
            refill();
        }
    });
    connect(remove, &QPushButton::clicked, &dialog, [&] {
        if (QListWidgetItem* item = list->currentItem()) {
            edited.remove(item->text().toStdString());
            refill();
        }
    });
    connect(reset, &QPushButton::clicked, &dialog, [&] {
        edited.resetToDefaults();
        refill();
    });
    if (dialog.exec() == QDialog::Accepted)
        setClasses(edited);
}

QString AnnotationPanel::summary() const
{
    return m_summary->text();
}

void AnnotationPanel::showSelection()
{
    const QSignalBlocker block(m_table);
    const QString id = QString::fromStdString(m_view->annotations().selected());
    m_table->clearSelection();
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, 0)->data(Qt::UserRole).toString() == id)
            m_table->selectRow(r);
}

bool AnnotationPanel::exportCsv(const QString& path, QString* error) const
{
    const SlideSource* slide = m_view->slide();
    const Mpp mpp = slide ? slide->info().mpp : std::nullopt;
    const QString unit = mpp ? QStringLiteral("um") : QStringLiteral("px");
    QByteArray csv = QStringLiteral("id,name,class,type,locked,area_%1_2,perimeter_%1\n").arg(unit).toUtf8();
    for (const Annotation* a : m_view->annotations().annotations().all())
        csv += QStringList{QString::fromStdString(a->id), csvField(QString::fromStdString(a->name)),
                           csvField(a->classification ? QString::fromStdString(a->classification->name) : QString()),
                           QString::fromLatin1(geometryTypeName(a->geometry)), a->isLocked ? QStringLiteral("1") : QStringLiteral("0"),
                           QString::number(area(a->geometry, mpp), 'f', 3), QString::number(perimeter(a->geometry, mpp), 'f', 3)}
                   .join(QLatin1Char(','))
                   .toUtf8() +
               '\n';
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace pathology
} // namespace radpath

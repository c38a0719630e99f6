#pragma once
// The annotations of the slide in front: a list with class, area and perimeter (µm where
// the slide has a pixel size), a filter, jump-to on double-click, a count and area per
// class, the class of new and selected annotations, and CSV export.

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

#include "pathology/annotation/Annotation.h"

namespace radpath {
namespace pathology {

class SlideView;

/// GUI thread only.
class AnnotationPanel : public QWidget {
    Q_OBJECT
public:
    explicit AnnotationPanel(SlideView* view, QWidget* parent = nullptr);

    void refresh();
    QTableWidget* table() const { return m_table; }
    /// Count and area per class, as shown.
    QString summary() const;
    /// One row per annotation: id, name, class, type, area, perimeter (units in the header).
    bool exportCsv(const QString& path, QString* error = nullptr) const;
    /// Adds the annotations of a QuPath GeoJSON or ASAP XML file (one undoable step).
    bool importFrom(const QString& path, QString* error = nullptr);
    /// Writes every annotation as GeoJSON or ASAP XML (by extension); ASAP's losses in `warnings`.
    bool saveTo(const QString& path, QStringList* warnings = nullptr, QString* error = nullptr) const;

    /// The classes offered for new and selected annotations (QuPath's defaults at first).
    const ClassList& classes() const { return m_classes; }
    void setClasses(ClassList classes);
    /// Keeps the class list in `path` (JSON): read now if it exists, written after each edit.
    void setClassFile(const QString& path);

private:
    void showSelection();
    void fillClasses();
    void editClasses();

    SlideView* m_view = nullptr;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_class = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_summary = nullptr;
    ClassList m_classes;
    QString m_classFile;
};

} // namespace pathology
} // namespace radpath

#pragma once
// Every DICOM element of one file as a tree, sequences included; filter by tag, keyword or
// value; copy a value.

#include <QDialog>

class QLineEdit;
class QTreeWidget;

namespace radpath {
namespace app {

class TagBrowserDialog : public QDialog {
    Q_OBJECT
public:
    /// Reads `path`; a file that is not DICOM shows its error in the tree.
    explicit TagBrowserDialog(const QString& path, QWidget* parent = nullptr);

    /// Shows only elements whose tag, keyword or value contains `text` (and their parents).
    void setFilter(const QString& text);
    /// Copies the selected element's value to the clipboard.
    void copyValue();
    QTreeWidget* tree() const { return m_tree; }

private:
    QLineEdit* m_filter = nullptr;
    QTreeWidget* m_tree = nullptr;
};

} // namespace app
} // namespace radpath

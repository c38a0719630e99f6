#include "app/gui/TagBrowserDialog.h"

#include "viewer/io/DicomTags.h"

#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>

namespace radpath {
namespace app {
namespace {

void addNodes(QTreeWidgetItem* parent, QTreeWidget* tree, const std::vector<viewer::DicomTagNode>& nodes)
{
    for (const auto& node : nodes) {
        const QStringList columns{QString::fromStdString(node.tag), QString::fromStdString(node.keyword),
                                  QString::fromStdString(node.vr), QString::fromStdString(node.value)};
        auto* item = parent ? new QTreeWidgetItem(parent, columns) : new QTreeWidgetItem(tree, columns);
        addNodes(item, tree, node.children);
    }
}

// Shows `item` if it or a descendant matches; returns whether anything under it matched.
bool filterItem(QTreeWidgetItem* item, const QString& text)
{
    bool match = text.isEmpty();
    for (int c = 0; c < 4 && !match; ++c)
        match = item->text(c).contains(text, Qt::CaseInsensitive);
    bool childMatch = false;
    for (int i = 0; i < item->childCount(); ++i)
        childMatch = filterItem(item->child(i), match ? QString() : text) || childMatch;
    item->setHidden(!(match || childMatch));
    if (childMatch && !text.isEmpty())
        item->setExpanded(true);
    return match || childMatch;
}

} // namespace

TagBrowserDialog::TagBrowserDialog(const QString& path, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("DICOM tags - %1").arg(QFileInfo(path).fileName()));
    setObjectName(QStringLiteral("tagBrowser"));
    resize(760, 640);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("tagFilter"));
    m_filter->setPlaceholderText(tr("Filter by tag, keyword or value, e.g. 0010 or PatientName"));
    m_filter->setClearButtonEnabled(true);
    auto* copy = new QPushButton(tr("Copy value"), this);
    copy->setObjectName(QStringLiteral("tagCopy"));
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("tagTree"));
    m_tree->setHeaderLabels({tr("Tag"), tr("Keyword"), tr("VR"), tr("Value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto* top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(copy);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tree);

    try {
        addNodes(nullptr, m_tree, viewer::readDicomTags(path.toStdString()));
    } catch (const std::exception& e) {
        new QTreeWidgetItem(m_tree, {tr("Error"), QString(), QString(), QString::fromUtf8(e.what())});
    }
    connect(m_filter, &QLineEdit::textChanged, this, &TagBrowserDialog::setFilter);
    connect(copy, &QPushButton::clicked, this, &TagBrowserDialog::copyValue);
    auto* shortcut = new QShortcut(QKeySequence::Copy, m_tree);
    connect(shortcut, &QShortcut::activated, this, &TagBrowserDialog::copyValue);
}

void TagBrowserDialog::setFilter(const QString& text)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        filterItem(m_tree->topLevelItem(i), text.trimmed());
}

void TagBrowserDialog::copyValue()
{
    if (QTreeWidgetItem* item = m_tree->currentItem())
        QApplication::clipboard()->setText(item->text(3));
}

} // namespace app
} // namespace radpath

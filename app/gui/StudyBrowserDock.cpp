#include "app/gui/StudyBrowserDock.h"

#include "app/core/AppSettings.h"
#include "app/core/JobRunner.h"
#include "app/core/JobTaskControl.h"
#include "viewer/db/StudyDatabase.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLineEdit>
#include <QMenu>
#include <QPixmap>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace radpath {
namespace app {

StudyBrowserDock::StudyBrowserDock(JobRunner& jobs, AppSettings& settings, QWidget* parent)
    : QDockWidget(tr("Studies"), parent), m_jobs(jobs), m_settings(settings)
{
    setObjectName(QStringLiteral("studyBrowserDock"));
    auto* body = new QWidget(this);
    m_search = new QLineEdit(body);
    m_search->setObjectName(QStringLiteral("studySearch"));
    m_search->setPlaceholderText(tr("Search name, ID, date, modality"));
    m_search->setClearButtonEnabled(true);
    auto* import = new QPushButton(tr("Import…"), body);
    import->setObjectName(QStringLiteral("studyImport"));
    import->setToolTip(tr("Add the DICOM files of a folder to the study database"));
    m_tree = new QTreeWidget(body);
    m_tree->setObjectName(QStringLiteral("studyTree"));
    m_tree->setHeaderLabels({tr("Patient / series"), tr("ID"), tr("Date"), tr("Description"), tr("Images")});
    // Series thumbnails are 64 px; 48 keeps a list of many series scannable.
    m_tree->setIconSize(QSize(48, 48));
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(import);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(m_tree);
    setWidget(body);

    // Search once typing pauses, not on every key.
    auto* searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this, &StudyBrowserDock::refresh);
    connect(import, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Import DICOM folder"));
        if (!dir.isEmpty())
            importFolder(dir);
    });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString series = item->data(0, Qt::UserRole).toString();
        if (series.isEmpty())
            return;
        const QStringList files = viewer::StudyDatabase(databaseFile()).seriesFiles(series);
        if (!files.isEmpty())
            emit openRequested(files.first());
    });
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        if (QMenu* menu = contextMenu(m_tree->itemAt(pos))) {
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(m_tree->viewport()->mapToGlobal(pos));
        }
    });
    refresh();
}

QStringList StudyBrowserDock::filesOf(const QTreeWidgetItem* item) const
{
    QStringList series;
    if (item && !item->data(0, Qt::UserRole).toString().isEmpty())
        series << item->data(0, Qt::UserRole).toString();
    else if (item)
        for (int i = 0; i < item->childCount(); ++i)
            series << item->child(i)->data(0, Qt::UserRole).toString();
    return seriesFiles(series);
}

QStringList StudyBrowserDock::seriesFiles(const QStringList& seriesUids) const
{
    QStringList files;
    if (seriesUids.isEmpty())
        return files;
    const viewer::StudyDatabase db(databaseFile());
    for (const QString& uid : seriesUids)
        files += db.seriesFiles(uid);
    return files;
}

QMenu* StudyBrowserDock::contextMenu(QTreeWidgetItem* item)
{
    if (!item || item->isDisabled())
        return nullptr;
    // What the row stands for, taken now: a refresh may delete the row while the menu is up.
    QStringList series;
    const QString uid = item->data(0, Qt::UserRole).toString();
    if (!uid.isEmpty())
        series << uid;
    for (int i = 0; i < item->childCount(); ++i)
        series << item->child(i)->data(0, Qt::UserRole).toString();
    const QString what = !uid.isEmpty() ? tr("the series “%1”").arg(item->text(3).isEmpty() ? item->text(0) : item->text(3))
                                        : tr("the study of %1").arg(item->text(0));
    auto* menu = new QMenu(this);
    if (!uid.isEmpty())
        menu->addAction(tr("Open"), this, [this, uid] {
            const QStringList files = seriesFiles({uid});
            if (!files.isEmpty())
                emit openRequested(files.first());
        });
    QAction* send = menu->addAction(tr("Send to PACS…"), this,
                                    [this, series, what] { emit sendRequested(seriesFiles(series), what); });
    send->setObjectName(QStringLiteral("sendToPacsAction"));
    QAction* deidentify = menu->addAction(tr("Export de-identified…"), this,
                                          [this, series, what] { emit exportRequested(seriesFiles(series), what); });
    deidentify->setObjectName(QStringLiteral("exportDeidentifiedAction"));
    return menu;
}

QString StudyBrowserDock::databaseFile() const
{
    return m_settings.studyDatabaseFile();
}

void StudyBrowserDock::importFolder(const QString& folder)
{
    const QString file = databaseFile();
    m_jobs.run<int>(
        tr("Importing %1").arg(QDir(folder).dirName()), this,
        [file, folder](JobContext& ctx) {
            const viewer::TaskControl control = taskControlFor(ctx);
            // The job's own connection: SQLite connections stay on the thread that made them.
            viewer::StudyDatabase db(file);
            return db.import(folder, control).instancesAdded;
        },
        [this](int added) {
            refresh();
            emit imported(added);
        });
}

void StudyBrowserDock::refresh()
{
    m_tree->clear();
    try {
        for (const auto& study : viewer::StudyDatabase(databaseFile()).studies(m_search->text().trimmed())) {
            QString name = study.patientName;
            name.replace(QLatin1Char('^'), QStringLiteral(", "));
            QString date = study.date;
            if (date.size() == 8)
                date = date.left(4) + QLatin1Char('-') + date.mid(4, 2) + QLatin1Char('-') + date.mid(6, 2);
            auto* studyItem = new QTreeWidgetItem(m_tree, {name, study.patientId, date,
                                                           study.description + QStringLiteral("  [") +
                                                               study.modalities.join(QStringLiteral(", ")) + QLatin1Char(']'),
                                                           QString()});
            for (const auto& series : study.series) {
                auto* item = new QTreeWidgetItem(studyItem, {series.modality, QString(), QString(), series.description,
                                                             QString::number(series.images)});
                item->setData(0, Qt::UserRole, series.seriesUid);
                if (!series.thumbnail.isNull())
                    item->setIcon(0, QIcon(QPixmap::fromImage(series.thumbnail)));
                item->setToolTip(0, tr("Double-click to open"));
            }
            studyItem->setExpanded(true);
        }
    } catch (const std::exception& e) {
        auto* item = new QTreeWidgetItem(m_tree, {tr("The study database cannot be read: %1").arg(QString::fromUtf8(e.what()))});
        item->setDisabled(true);
    }
}

} // namespace app
} // namespace radpath

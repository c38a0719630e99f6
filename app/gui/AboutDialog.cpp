#include "app/gui/AboutDialog.h"

#include "app/core/AiModule.h"
#include "app/core/BuildInfo.h"

#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace radpath {
namespace app {

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About RadPath"));
    setObjectName(QStringLiteral("aboutDialog"));
    auto* title = new QLabel(tr("<h2>RadPath %1</h2><p>Radiology and pathology viewer with an AI engine.</p>"
                                "<p><b>Models shipped with RadPath are demonstrations, not for clinical use.</b></p>")
                                 .arg(radpathVersion()),
                             this);
    title->setWordWrap(true);
    auto* table = new QTableWidget(0, 2, this);
    table->setObjectName(QStringLiteral("libraryVersions"));
    table->setHorizontalHeaderLabels({tr("Library"), tr("Version")});
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* loadAi = new QPushButton(tr("Load AI engine to show LibTorch and CUDA"), this);
    loadAi->setObjectName(QStringLiteral("aboutLoadAi"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(loadAi, &QPushButton::clicked, this, [this, loadAi] {
        loadAi->setEnabled(false);
        loadAi->setText(tr("Loading the AI engine…"));
        // Loading LibTorch takes a moment: never on the GUI thread.
        auto* watcher = new QFutureWatcher<bool>(this);
        connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, loadAi] {
            loadAi->setText(watcher->result() ? tr("AI engine loaded") : tr("AI engine unavailable"));
            fill(true);
            watcher->deleteLater();
        });
        watcher->setFuture(QtConcurrent::run([] { return AiModule::instance().load(); }));
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(table);
    layout->addWidget(loadAi);
    layout->addWidget(buttons);
    resize(520, 420);
    fill(false);
}

void AboutDialog::fill(bool loadAi)
{
    auto* table = findChild<QTableWidget*>(QStringLiteral("libraryVersions"));
    const auto versions = libraryVersions(loadAi);
    table->setRowCount(int(versions.size()));
    for (int row = 0; row < versions.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(versions[row].first));
        table->setItem(row, 1, new QTableWidgetItem(versions[row].second));
    }
    table->resizeColumnToContents(0);
}

} // namespace app
} // namespace radpath

#include "app/gui/SettingsDialog.h"

#include "app/core/AppSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>

namespace radpath {
namespace app {

SettingsDialog::SettingsDialog(AppSettings& settings, QWidget* parent) : QDialog(parent), m_settings(settings)
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));

    auto* general = new QWidget(this);
    m_cache = new QSpinBox(this);
    m_cache->setObjectName(QStringLiteral("tileCacheMB"));
    m_cache->setRange(32, 65536);
    m_cache->setSuffix(tr(" MB"));
    m_cache->setValue(settings.tileCacheMB());

    m_threads = new QSpinBox(this);
    m_threads->setObjectName(QStringLiteral("workerThreads"));
    m_threads->setRange(1, 256);
    m_threads->setValue(settings.workerThreads());

    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("aiDevice"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    m_device->setCurrentIndex(qMax(0, m_device->findData(settings.aiDevice())));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System default"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings.language())));

    m_theme = new QComboBox(this);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(settings.theme())));

    m_labelUndo = new QSpinBox(this);
    m_labelUndo->setObjectName(QStringLiteral("labelUndoBudgetMB"));
    m_labelUndo->setRange(16, 65536);
    m_labelUndo->setSingleStep(64);
    m_labelUndo->setSuffix(tr(" MB"));
    m_labelUndo->setToolTip(tr("Memory for undo and redo per label map edited; the oldest steps go first"));
    m_labelUndo->setValue(settings.labelUndoBudgetMB());

    m_dataDir = new QLineEdit(settings.dataDir(), this);
    m_dataDir->setObjectName(QStringLiteral("dataDir"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Data folder"), m_dataDir->text());
        if (!dir.isEmpty())
            m_dataDir->setText(dir);
    });
    auto* dataRow = new QHBoxLayout;
    dataRow->addWidget(m_dataDir, 1);
    dataRow->addWidget(browse);

    auto* form = new QFormLayout;
    form->addRow(tr("Slide tile cache"), m_cache);
    form->addRow(tr("Worker threads"), m_threads);
    form->addRow(tr("AI device"), m_device);
    form->addRow(tr("Language"), m_language);
    form->addRow(tr("Theme"), m_theme);
    form->addRow(tr("Data folder"), dataRow);
    auto* note = new QLabel(tr("Language and data folder changes take effect at the next start."), this);
    note->setWordWrap(true);
    auto* segmentation = new QGroupBox(tr("Segmentation"), this);
    auto* segmentationForm = new QFormLayout(segmentation);
    segmentationForm->addRow(tr("Undo memory"), m_labelUndo);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* generalLayout = new QVBoxLayout(general);
    generalLayout->addLayout(form);
    generalLayout->addWidget(note);
    generalLayout->addWidget(segmentation);
    generalLayout->addStretch(1);
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("settingsPages"));
    m_pages->addTab(general, tr("General"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(buttons);
}

void SettingsDialog::addPage(QWidget* page, const QString& title)
{
    m_pages->addTab(page, title);
}

void SettingsDialog::showPage(QWidget* page)
{
    m_pages->setCurrentWidget(page);
}

void SettingsDialog::apply()
{
    m_settings.setTileCacheMB(m_cache->value());
    m_settings.setWorkerThreads(m_threads->value());
    m_settings.setLabelUndoBudgetMB(m_labelUndo->value());
    m_settings.setAiDevice(m_device->currentData().toString());
    m_settings.setLanguage(m_language->currentData().toString());
    m_settings.setTheme(m_theme->currentData().toString());
    if (m_dataDir->text() != m_settings.dataDir())
        AppSettings::setPreferredDataDir(m_dataDir->text());
    m_settings.sync();
    emit applied();
}

} // namespace app
} // namespace radpath

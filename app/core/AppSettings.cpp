#include "app/core/AppSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QThread>

namespace radpath::app {
namespace {

// The only state kept outside the data directory: which data directory to use.
QSettings locationSettings()
{
    return QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("RadPath"),
                     QStringLiteral("location"));
}

} // namespace

QString AppSettings::resolveDataDir(const QString& commandLineDir)
{
    if (!commandLineDir.isEmpty())
        return QDir(commandLineDir).absolutePath();
    const QString fromEnv = qEnvironmentVariable("RADPATH_DATA_DIR");
    if (!fromEnv.isEmpty())
        return QDir(fromEnv).absolutePath();
    const QString preferred = locationSettings().value(QStringLiteral("dataDir")).toString();
    if (!preferred.isEmpty())
        return preferred;
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base).filePath(QStringLiteral("RadPath"));
}

void AppSettings::setPreferredDataDir(const QString& dir)
{
    QSettings s = locationSettings();
    s.setValue(QStringLiteral("dataDir"), QDir(dir).absolutePath());
}

AppSettings::AppSettings(const QString& dataDir) : m_dataDir(QDir(dataDir).absolutePath())
{
    QDir().mkpath(m_dataDir);
    // QSettings writes the file through a temporary and a rename: saves are atomic.
    m_store = std::make_unique<QSettings>(settingsFile(), QSettings::IniFormat);
}

AppSettings::~AppSettings() = default;

QString AppSettings::studyDatabaseFile() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("studies.sqlite"));
}

QString AppSettings::settingsFile() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("radpath.ini"));
}

void AppSettings::sync()
{
    m_store->sync();
}

int AppSettings::tileCacheMB() const { return m_store->value("slides/tileCacheMB", 512).toInt(); }
void AppSettings::setTileCacheMB(int mb) { m_store->setValue("slides/tileCacheMB", qBound(32, mb, 65536)); }

int AppSettings::workerThreads() const
{
    return m_store->value("jobs/workerThreads", QThread::idealThreadCount()).toInt();
}
void AppSettings::setWorkerThreads(int threads) { m_store->setValue("jobs/workerThreads", qBound(1, threads, 256)); }

QString AppSettings::aiDevice() const { return m_store->value("ai/device", "cpu").toString(); }
void AppSettings::setAiDevice(const QString& device)
{
    m_store->setValue("ai/device", device == QLatin1String("cuda") ? "cuda" : "cpu");
}

QString AppSettings::aiModelDir() const { return m_store->value("ai/modelDir").toString(); }
void AppSettings::setAiModelDir(const QString& dir) { m_store->setValue("ai/modelDir", dir); }

QString AppSettings::language() const { return m_store->value("ui/language", "system").toString(); }
void AppSettings::setLanguage(const QString& language) { m_store->setValue("ui/language", language); }

QString AppSettings::theme() const { return m_store->value("ui/theme", "light").toString(); }
void AppSettings::setTheme(const QString& theme)
{
    m_store->setValue("ui/theme", theme == QLatin1String("dark") ? "dark" : "light");
}

int AppSettings::labelUndoBudgetMB() const
{
    return m_store->value("segmentation/undoBudgetMB", kDefaultLabelUndoBudgetMB).toInt();
}
void AppSettings::setLabelUndoBudgetMB(int mb)
{
    m_store->setValue("segmentation/undoBudgetMB", qBound(16, mb, 65536));
}

QStringList AppSettings::recentFiles() const { return m_store->value("files/recent").toStringList(); }

void AppSettings::addRecentFile(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList recent = recentFiles();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecentFiles)
        recent.removeLast();
    m_store->setValue("files/recent", recent);
}

QStringList AppSettings::sessionDocuments() const { return m_store->value("session/documents").toStringList(); }
void AppSettings::setSessionDocuments(const QStringList& paths) { m_store->setValue("session/documents", paths); }
int AppSettings::sessionCurrentTab() const { return m_store->value("session/currentTab", 0).toInt(); }
void AppSettings::setSessionCurrentTab(int index) { m_store->setValue("session/currentTab", index); }
QByteArray AppSettings::windowGeometry() const { return m_store->value("session/geometry").toByteArray(); }
QByteArray AppSettings::windowState() const { return m_store->value("session/state").toByteArray(); }

void AppSettings::setWindowLayout(const QByteArray& geometry, const QByteArray& state)
{
    m_store->setValue("session/geometry", geometry);
    m_store->setValue("session/state", state);
}

} // namespace radpath::app

#pragma once
// Where RadPath keeps its state, and the user's settings. Everything lives under one data
// directory (--data-dir, RADPATH_DATA_DIR, or the platform default), so tests run isolated.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace radpath::app {

/// GUI thread (or the CLI's main thread) only.
class AppSettings {
public:
    /// Precedence: `commandLineDir` (--data-dir), then RADPATH_DATA_DIR, then the folder
    /// chosen in the settings dialog, then the platform's application data folder.
    static QString resolveDataDir(const QString& commandLineDir = {});
    /// Remembers a data folder for later starts (used when neither option nor variable is set).
    static void setPreferredDataDir(const QString& dir);

    /// Creates `dataDir` if needed; settings are stored in dataDir/radpath.ini.
    explicit AppSettings(const QString& dataDir);
    ~AppSettings();

    QString dataDir() const { return m_dataDir; }
    QString settingsFile() const;
    /// The study database (studies, series, thumbnails, measurements) in the data directory.
    QString studyDatabaseFile() const;
    QSettings& store() { return *m_store; }
    void sync();

    int tileCacheMB() const;
    void setTileCacheMB(int mb);
    int workerThreads() const;
    void setWorkerThreads(int threads);
    QString aiDevice() const;          ///< "cpu" or "cuda"
    void setAiDevice(const QString& device);
    /// A folder of the user's own models, listed beside the shipped ones; "" for none.
    QString aiModelDir() const;
    void setAiModelDir(const QString& dir);
    QString language() const;          ///< "system", "en", "de", "fr"
    void setLanguage(const QString& language);
    QString theme() const;             ///< "light" or "dark"
    void setTheme(const QString& theme);
    /// Memory for the Segment Editor's undo and redo history, per label map edited.
    int labelUndoBudgetMB() const;
    void setLabelUndoBudgetMB(int mb);
    static constexpr int kDefaultLabelUndoBudgetMB = 256;

    QStringList recentFiles() const;
    void addRecentFile(const QString& path);
    static constexpr int kMaxRecentFiles = 10;

    QStringList sessionDocuments() const;
    void setSessionDocuments(const QStringList& paths);
    int sessionCurrentTab() const;
    void setSessionCurrentTab(int index);
    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowLayout(const QByteArray& geometry, const QByteArray& state);

private:
    QString m_dataDir;
    std::unique_ptr<QSettings> m_store;
};

} // namespace radpath::app

#pragma once
// Loads the LibTorch AI module on first use. Until then no Torch library is mapped:
// the programs start in a fraction of the time and memory.

#include <QString>
#include <QStringList>

#include <memory>

namespace radpath::ai {
class Engine;
}

namespace radpath::app {

/// Thread-safe: load() and engine() may be called from jobs.
class AiModule {
public:
    static AiModule& instance();

    /// Folders searched for libradpath_ai.so: $RADPATH_AI_MODULE_DIR, then
    /// <program dir>/../lib/radpath (build tree and installation).
    static QStringList searchPaths();

    bool isLoaded() const;
    /// Loads the module and creates the engine; returns false with `error` set on failure.
    bool load(QString* error = nullptr);
    /// The engine, loading the module if needed; nullptr (with `error`) if it cannot load.
    ai::Engine* engine(QString* error = nullptr);
    QString modulePath() const;

private:
    AiModule();
    ~AiModule();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace radpath::app

#pragma once
// radpath-cli commands. Each takes its arguments (after the command name) and returns the
// process exit code: 0 success, 1 the work failed, 2 the command line was wrong.

#include <QStringList>

#include <functional>

namespace radpath::ai {
class Engine;
}

namespace radpath::app::cli {

/// The AI engine, loaded on first use; nullptr after saying why on stderr.
ai::Engine* loadEngineOrReport();

struct Command {
    const char* name;
    const char* synopsis;    ///< arguments, e.g. "DIR [--seed N] [--force]"
    const char* summary;
    std::function<int(const QStringList& args)> run;
};

/// Every command, in the order --help lists them.
const QList<Command>& commands();

int makeDemo(const QStringList& args);
int info(const QStringList& args);
int convert(const QStringList& args);
int aiInfo(const QStringList& args);
int importStudies(const QStringList& args);
int version(const QStringList& args);
int slideInfo(const QStringList& args);   // SlideCommands.cpp
int slideRegion(const QStringList& args); // SlideCommands.cpp
int convertAnnotations(const QStringList& args); // AnnotationCommands.cpp
int infer(const QStringList& args);              // InferCommand.cpp
int trainDemo(const QStringList& args);          // TrainDemoCommand.cpp
int train(const QStringList& args);              // TrainCommand.cpp
int evaluate(const QStringList& args);           // EvaluateCommand.cpp
int pacs(const QStringList& args);               // PacsCommand.cpp
int deidentify(const QStringList& args);         // DeidentifyCommand.cpp
int report(const QStringList& args);             // ReportCommand.cpp

} // namespace radpath::app::cli

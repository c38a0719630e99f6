#include "Bench.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryFile>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace radpath::bench {

QJsonObject Figure::toJson() const
{
    QJsonObject o{{"name", name}, {"value", value}, {"unit", unit}};
    const bool anchored = anchorValue.has_value() && *anchorValue != 0.0;
    o["anchor"] = anchored ? QJsonValue(QJsonObject{{"name", *anchorName}, {"value", *anchorValue}}) : QJsonValue();
    const double measured = anchored ? value / *anchorValue : value;
    o["ratio"] = anchored ? QJsonValue(measured) : QJsonValue();
    QJsonObject target;
    bool met = true;
    if (max) {
        target["max"] = *max;
        met = met && measured <= *max;
    }
    if (min) {
        target["min"] = *min;
        met = met && measured >= *min;
    }
    o["target"] = target;
    o["met"] = met;
    return o;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

double residentMB(const char* field)
{
    QFile status("/proc/self/status");
    if (!status.open(QIODevice::ReadOnly))
        return 0.0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0.0;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

QString binDir()
{
    return QCoreApplication::applicationDirPath();
}

QString smallDemoSlide(const QDir& work)
{
    const QString dir = work.filePath("slide-demo-small");
    const QString slide = QDir(dir).filePath("slide/demo.svs");
    if (!QFile::exists(slide)) {
        std::fprintf(stderr, "writing the small demo data (12000 x 9000 slide)...\n");
        runProcess(binDir() + "/radpath-cli", {"make-demo", dir, "--small", "--force"});
    }
    QFile f(slide); // into the page cache: both sides then read from memory
    if (f.open(QIODevice::ReadOnly))
        while (!f.read(1 << 20).isEmpty()) {
        }
    return slide;
}

// Peak memory comes from /usr/bin/time: a child forked from this (possibly large) process
// would report this process's resident set as its own peak.
ProcessCost runProcess(const QString& program, const QStringList& args, const QStringList& extraEnv)
{
    QTemporaryFile report;
    report.open();
    std::vector<QByteArray> storage{"/usr/bin/time", "-f", "%M", "-o", report.fileName().toLocal8Bit(),
                                    program.toLocal8Bit()};
    for (const QString& a : args)
        storage.push_back(a.toLocal8Bit());
    std::vector<char*> argv;
    for (auto& s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);

    std::vector<QByteArray> envStorage;
    for (char** e = environ; *e; ++e)
        envStorage.emplace_back(*e);
    for (const QString& e : extraEnv)
        envStorage.push_back(e.toLocal8Bit());
    std::vector<char*> envp;
    for (auto& s : envStorage)
        envp.push_back(s.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);

    ProcessCost cost;
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data()) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return cost;
    }
    int status = 0;
    waitpid(pid, &status, 0);
    cost.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    cost.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    posix_spawn_file_actions_destroy(&actions);
    // The last line is the peak in kilobytes ("Command exited with non-zero status" may precede it).
    const QList<QByteArray> lines = report.readAll().trimmed().split('\n');
    cost.peakRssMB = lines.isEmpty() ? 0.0 : lines.last().trimmed().toDouble() / 1024.0;
    return cost;
}

} // namespace radpath::bench

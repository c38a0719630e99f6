// The job runner: results on the GUI thread, progress, cancellation, failures, and an
// event loop that keeps running while work is under way.

#include "app/core/JobRunner.h"

#include <QElapsedTimer>
#include <QThread>
#include <QTimer>
#include <QtTest>

#include <atomic>
#include <stdexcept>

using namespace radpath::app;

class JobRunnerTest : public QObject {
    Q_OBJECT
private slots:
    void resultArrivesOnGuiThread()
    {
        JobRunner runner(2);
        QThread* workerThread = nullptr;
        QThread* deliveryThread = nullptr;
        int result = 0;
        QList<double> progress;
        connect(&runner, &JobRunner::jobProgress, this, [&](JobId, double f, const QString&) { progress << f; });
        const JobId id = runner.run<int>(
            "sum", this,
            [&](JobContext& ctx) {
                workerThread = QThread::currentThread();
                int sum = 0;
                for (int i = 1; i <= 100; ++i) {
                    sum += i;
                    ctx.setProgress(i / 100.0, "adding");
                    QThread::usleep(500);
                }
                return sum;
            },
            [&](int value) {
                deliveryThread = QThread::currentThread();
                result = value;
            });
        QTRY_COMPARE(result, 5050);
        QVERIFY(workerThread != nullptr && workerThread != QThread::currentThread());
        QCOMPARE(deliveryThread, QThread::currentThread());
        QTRY_COMPARE(int(runner.info(id).status), int(JobStatus::Succeeded));
        QCOMPARE(runner.info(id).progress, 1.0);
        // Throttled: far fewer than 100 updates reached the GUI, the last one being 1.0.
        QVERIFY(!progress.isEmpty());
        QVERIFY2(progress.size() < 50, qPrintable(QString::number(progress.size())));
        QCOMPARE(progress.last(), 1.0);
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));
    }

    void cancelStopsTheJob()
    {
        JobRunner runner(1);
        bool delivered = false;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        const JobId id = runner.run<int>(
            "endless", this,
            [](JobContext& ctx) -> int {
                while (!ctx.isCancelled())
                    QThread::msleep(2);
                throw std::runtime_error("stopped");
            },
            [&](int) { delivered = true; });
        QTest::qWait(30);
        runner.cancel(id);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(int(finished.first().at(1).value<JobStatus>()), int(JobStatus::Cancelled));
        QCOMPARE(int(runner.info(id).status), int(JobStatus::Cancelled));
        QVERIFY(!delivered);
    }

    void cancellationReachesAFlagOfTheWorksOwn()
    {
        // Work waiting inside a long call with its own flag (an engine's cancel token) hears of
        // the cancel at once, not at its next progress report; after the link, never again.
        JobRunner runner(1);
        std::atomic<bool> flag{false}, late{false};
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        const JobId id = runner.run<int>(
            "waits", this,
            [&](JobContext& ctx) -> int {
                {
                    const auto link = ctx.whenCancelled([&flag] { flag = true; });
                    while (!flag)
                        QThread::msleep(2); // never looks at ctx
                }
                auto after = ctx.whenCancelled([&late] { late = true; }); // already cancelled: at once
                return late ? 1 : 0;
            },
            [](int) {});
        QTest::qWait(30);
        runner.cancel(id);
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(flag);
        QVERIFY(late);
    }

    void failureReportsMessage()
    {
        JobRunner runner(1);
        QString error;
        const JobId id = runner.run<int>(
            "broken", this, [](JobContext&) -> int { throw std::runtime_error("/data/x.dcm: truncated"); },
            [](int) {}, [&](const QString& message) { error = message; });
        QTRY_COMPARE(error, QStringLiteral("/data/x.dcm: truncated"));
        QCOMPARE(int(runner.info(id).status), int(JobStatus::Failed));
    }

    void eventLoopRunsWhileJobWorks()
    {
        JobRunner runner(1);
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&] { ++ticks; });
        timer.start(10);
        bool done = false;
        runner.run<bool>("sleep", this, [](JobContext&) { QThread::msleep(300); return true; }, [&](bool) { done = true; });
        QTRY_VERIFY(done);
        // About 30 ticks fit in 300 ms; a blocked GUI thread would see almost none.
        QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));
    }

    void deliveryIsSkippedWhenContextIsGone()
    {
        JobRunner runner(1);
        bool delivered = false;
        auto* context = new QObject;
        const JobId id = runner.run<int>("late", context, [](JobContext&) { QThread::msleep(50); return 1; },
                                         [&](int) { delivered = true; });
        delete context;
        QTRY_COMPARE(int(runner.info(id).status), int(JobStatus::Succeeded));
        QVERIFY(!delivered);
    }

    void destructorCancelsAndWaits()
    {
        std::atomic<bool> sawCancel{false};
        {
            JobRunner runner(1);
            runner.run<int>("long", nullptr, [&](JobContext& ctx) {
                QElapsedTimer t;
                t.start();
                while (!ctx.isCancelled() && t.elapsed() < 5000)
                    QThread::msleep(2);
                sawCancel = ctx.isCancelled();
                return 0;
            }, {});
            QTest::qWait(20);
        }
        QVERIFY(sawCancel);
    }
};

QTEST_GUILESS_MAIN(JobRunnerTest)
#include "JobRunnerTest.moc"

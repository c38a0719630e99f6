// ai: the engine's own costs, each against an anchor measured in the same run, on
// QThread::idealThreadCount() intra-op threads:
//  - LibTorch running the reference article's SimpleCNN as TorchScript, against PyTorch
//    eager running the same model, weights and input size (ai_eager_anchor.py);
//  - sliding-window inference of a 3-D U-Net over a CT-sized volume, against the time spent
//    in the forward passes it makes;
//  - slide tile classification through the engine, against a plain loop that reads each
//    batch of the same tiles with the same reader, then runs the model (AiSlideFigure.cpp).

// Torch before Qt: Qt's keyword macros (slots, emit) must not reach Torch's headers.
#include "Architectures.h"
#include "ModelRunner.h"
#include "SlidingWindow.h"

#include "AiFigures.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

namespace radpath::bench {
namespace {

// --- LibTorch vs PyTorch eager ---------------------------------------------------------

constexpr int kEagerBatch = 16, kEagerWarmup = 2, kEagerPasses = 4;

/// Per-pass seconds of one round, or why there are none.
struct PassTimes {
    std::vector<double> seconds;
    QString error;
};

/// One run of ai_eager_anchor.py: it (re)writes `model` and times eager passes.
PassTimes pythonRound(const QString& model, int threads)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(RADPATH_BENCH_EAGER_ANCHOR), model, "--threads", QString::number(threads), "--passes",
                  QString::number(kEagerPasses), "--warmup", QString::number(kEagerWarmup), "--batch",
                  QString::number(kEagerBatch)});
    PassTimes times;
    if (!python.waitForFinished(300000) || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        const QByteArray err = python.readAllStandardError().trimmed();
        times.error = err.isEmpty() ? python.errorString() : QString::fromUtf8(err.mid(err.lastIndexOf('\n') + 1));
        return times;
    }
    for (const QJsonValue& s : QJsonDocument::fromJson(python.readAllStandardOutput()).object()["seconds"].toArray())
        times.seconds.push_back(s.toDouble());
    if (times.seconds.size() != size_t(kEagerPasses))
        times.error = QStringLiteral("ai_eager_anchor.py printed no timings");
    return times;
}

/// The same passes through the TorchScript file the script wrote.
std::vector<double> libtorchRound(torch::jit::Module& model, const torch::Tensor& input)
{
    torch::NoGradGuard noGrad;
    for (int i = 0; i < kEagerWarmup; ++i)
        model.forward({input});
    std::vector<double> seconds;
    for (int i = 0; i < kEagerPasses; ++i) {
        QElapsedTimer t;
        t.start();
        model.forward({input});
        seconds.push_back(double(t.nsecsElapsed()) / 1e9);
    }
    return seconds;
}

/// Said instead of failing where python3 or its torch is missing: no figure can be compared.
Figure anchorUnavailable(const QString& what, const QString& why)
{
    Figure f;
    f.name = "LibTorch vs PyTorch eager, " + what + ": anchor unavailable (" + why + ")";
    f.unit = "s a pass";
    return f;
}

std::vector<Figure> eagerFigures(const QDir& work, int threads)
{
    const QString model = work.filePath("simple-cnn.pt");
    const QString what = QStringLiteral("reference SimpleCNN, %1x3x224x224, %2 threads").arg(kEagerBatch).arg(threads);
    std::vector<double> libtorch, python;
    torch::jit::Module module;
    const torch::Tensor input = torch::randn({kEagerBatch, 3, 224, 224});
    // Python first in every round: its first run writes the model the C++ side loads.
    for (int round = 0; round < kAiRounds; ++round) {
        const PassTimes eager = pythonRound(model, threads);
        if (!eager.error.isEmpty())
            return {anchorUnavailable(what, eager.error)};
        if (round == 0) {
            module = torch::jit::load(model.toStdString());
            module.eval();
        }
        python.push_back(median(eager.seconds));
        libtorch.push_back(median(libtorchRound(module, input)));
        std::fprintf(stderr, "eager round %d: PyTorch %.3f s a pass, LibTorch %.3f s\n", round + 1, python.back(),
                     libtorch.back());
    }
    const double cpp = median(libtorch), eager = median(python);
    return {Figure{"LibTorch (TorchScript, torch::jit::load) forward, " + what,
                   cpp,
                   "s a pass",
                   QStringLiteral("PyTorch eager, same model, input and threads"),
                   eager,
                   1.05,
                   {}},
            Figure{"LibTorch throughput, " + what,
                   kEagerBatch / cpp,
                   "images/s",
                   QStringLiteral("PyTorch eager throughput"),
                   kEagerBatch / eager,
                   {},
                   {}}};
}

// --- Sliding window ---------------------------------------------------------------------

// The demo CT segmenter's window (train-demo: roi 32^3, batch 4, gaussian). The volume is the
// demo CT's 160x256x256 halved on every side: one full-size run takes ~50 s on 2 cores, and
// both the overhead and the forward time go per window, so the ratio hardly depends on it.
constexpr int kRoi = 32, kWindowBatch = 4;
const std::vector<std::int64_t> kVolume{80, 128, 128}; // depth, height, width

Figure slidingWindowFigure(int threads)
{
    torch::jit::Module net = ai::buildUnet3d(1, 2, 8, kAiSeed);
    net.eval();
    torch::manual_seed(kAiSeed);
    const torch::Tensor volume = torch::rand({1, 1, kVolume[0], kVolume[1], kVolume[2]});
    double inside = 0.0;
    const ai::Predictor timed = [&](const torch::Tensor& windows) {
        QElapsedTimer t;
        t.start();
        torch::Tensor logits = ai::forwardLogits(net, windows);
        inside += double(t.nsecsElapsed()) / 1e9;
        return logits;
    };
    {
        // The TorchScript executor profiles and optimises on the first calls: not measured.
        torch::NoGradGuard noGrad;
        for (int i = 0; i < 3; ++i)
            timed(torch::rand({kWindowBatch, 1, kRoi, kRoi, kRoi}));
    }
    std::vector<double> totals, forwards;
    for (int run = 0; run < kAiRounds; ++run) {
        inside = 0.0;
        QElapsedTimer t;
        t.start();
        ai::slidingWindowInference(volume, {kRoi, kRoi, kRoi}, 0.25, ai::BlendMode::Gaussian, 0.125, kWindowBatch,
                                   timed);
        totals.push_back(double(t.nsecsElapsed()) / 1e9);
        forwards.push_back(inside);
        std::fprintf(stderr, "sliding window run %d: %.2f s, %.2f s in forward\n", run + 1, totals.back(),
                     forwards.back());
    }
    return {QStringLiteral("sliding-window inference wall time, 3-D U-Net (8 filters) on %1x%2x%3, roi %4^3, "
                           "overlap 0.25, gaussian, %5 windows a batch, %6 threads")
                .arg(kVolume[0])
                .arg(kVolume[1])
                .arg(kVolume[2])
                .arg(kRoi)
                .arg(kWindowBatch)
                .arg(threads),
            median(totals),
            "s",
            QStringLiteral("sum of the forward passes inside it"),
            median(forwards),
            1.15,
            {}};
}

} // namespace

std::vector<Figure> aiSuite()
{
    const int threads = std::max(1, QThread::idealThreadCount());
    torch::set_num_threads(threads);
    QTemporaryDir temporary;
    const QString keep = qEnvironmentVariable("RADPATH_BENCH_WORKDIR");
    const QDir work(keep.isEmpty() ? temporary.path() : keep);
    std::vector<Figure> figures = eagerFigures(QDir(temporary.path()), threads);
    figures.push_back(slidingWindowFigure(threads));
    figures.push_back(slideInferenceFigure(work, QDir(temporary.path()), threads));
    return figures;
}

} // namespace radpath::bench

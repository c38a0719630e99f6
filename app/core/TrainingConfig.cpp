#include "app/core/TrainingConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <functional>
#include <limits>

namespace radpath::app {
namespace {

constexpr const char* kDefaultUse = "Research use only; trained with RadPath, not validated for clinical use.";

const QStringList kMonitors{QStringLiteral("val_loss"), QStringLiteral("val_accuracy"), QStringLiteral("val_auc"),
                            QStringLiteral("val_dice")};

QString quoted(const QJsonValue& value)
{
    if (value.isString())
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull())
        return QStringLiteral("null");
    return QString::number(value.toDouble());
}

/// Reads the keys of one object, checking types, and refuses keys nobody read.
class Keys {
public:
    Keys(const QJsonObject& object, QString source, QString prefix = {})
        : m_object(object), m_source(std::move(source)), m_prefix(std::move(prefix))
    {
    }

    [[noreturn]] void fail(const QString& key, const QString& problem) const
    {
        throw TrainingConfigError(
            QStringLiteral("%1: \"%2%3\" %4").arg(m_source, m_prefix, key, problem).toStdString());
    }

    bool has(const QString& key)
    {
        m_known << key;
        return m_object.contains(key) && !m_object.value(key).isNull();
    }
    QJsonValue value(const QString& key) { return has(key) ? m_object.value(key) : QJsonValue(); }

    double number(const QString& key, double fallback, double low, double high, const QString& range)
    {
        if (!has(key))
            return fallback;
        const QJsonValue v = m_object.value(key);
        if (!v.isDouble() || !(v.toDouble() >= low && v.toDouble() <= high))
            fail(key, QStringLiteral("must be a number%1, got %2")
                          .arg(range.isEmpty() ? QString() : QLatin1Char(' ') + range, quoted(v)));
        return v.toDouble();
    }
    long long integer(const QString& key, long long fallback, long long low, long long high = 1LL << 53)
    {
        if (!has(key))
            return fallback;
        const QJsonValue v = m_object.value(key);
        const double d = v.toDouble();
        if (!v.isDouble() || d != std::floor(d) || d < double(low) || d > double(high))
            fail(key,
                 QStringLiteral("must be a whole number from %1%2, got %3")
                     .arg(low)
                     .arg(high < (1LL << 53) ? QStringLiteral(" to %1").arg(high) : QStringLiteral(" up"), quoted(v)));
        return (long long)d;
    }
    bool boolean(const QString& key, bool fallback)
    {
        if (!has(key))
            return fallback;
        if (!m_object.value(key).isBool())
            fail(key, QStringLiteral("must be true or false, got %1").arg(quoted(m_object.value(key))));
        return m_object.value(key).toBool();
    }
    QString string(const QString& key, const QString& fallback)
    {
        if (!has(key))
            return fallback;
        if (!m_object.value(key).isString())
            fail(key, QStringLiteral("must be a string, got %1").arg(quoted(m_object.value(key))));
        return m_object.value(key).toString();
    }
    /// One of `choices` (compared without case), returned in lower case.
    QString choice(const QString& key, const QString& fallback, const QStringList& choices)
    {
        const QString text = string(key, fallback).toLower();
        if (!choices.contains(text))
            fail(
                key,
                QStringLiteral("must be one of %1, got %2").arg(choices.join(QLatin1String(", ")), quoted(value(key))));
        return text;
    }
    QStringList strings(const QString& key)
    {
        QStringList list;
        if (!has(key))
            return list;
        const QJsonValue v = m_object.value(key);
        if (!v.isArray())
            fail(key, QStringLiteral("must be an array of strings, got %1").arg(quoted(v)));
        for (const QJsonValue& item : v.toArray()) {
            if (!item.isString())
                fail(key, QStringLiteral("must be an array of strings, got %1").arg(quoted(v)));
            list << item.toString();
        }
        return list;
    }
    QJsonObject object(const QString& key)
    {
        if (has(key) && !m_object.value(key).isObject())
            fail(key, QStringLiteral("must be an object, got %1").arg(quoted(m_object.value(key))));
        return m_object.value(key).toObject();
    }

    /// Call after reading: names every key that was not read.
    void refuseUnknown() const
    {
        QStringList unknown;
        for (auto it = m_object.begin(); it != m_object.end(); ++it)
            if (!m_known.contains(it.key()))
                unknown << QLatin1Char('"') + m_prefix + it.key() + QLatin1Char('"');
        if (!unknown.isEmpty())
            throw TrainingConfigError(QStringLiteral("%1: unknown key%2 %3 (known: %4)")
                                          .arg(m_source, unknown.size() > 1 ? QStringLiteral("s") : QString(),
                                               unknown.join(QLatin1String(", ")), m_known.join(QLatin1String(", ")))
                                          .toStdString());
    }

private:
    QJsonObject m_object;
    QString m_source, m_prefix;
    QStringList m_known;
};

/// As ai::toString(ModelTask), which lives in the AI module (not linked here).
QString taskName(ai::ModelTask task)
{
    switch (task) {
    case ai::ModelTask::Segmentation:
        return QStringLiteral("segmentation");
    case ai::ModelTask::TileClassification:
        return QStringLiteral("tile-classification");
    case ai::ModelTask::Classification:
        break;
    }
    return QStringLiteral("classification");
}

QString absolute(const QString& baseDir, const QString& path)
{
    return path.isEmpty() ? path : QDir::cleanPath(QDir(baseDir).absoluteFilePath(path));
}

/// `path` relative to `baseDir` when the two share a folder below the filesystem root (the
/// data beside or below the file, or a few folders up), else as it is: a path that climbs to
/// the root means nothing once the file moves to another machine.
QString pathForConfig(const QString& baseDir, const QString& path)
{
    if (path.isEmpty() || QDir::isRelativePath(path))
        return path;
    const QString base = QDir::cleanPath(QDir(baseDir).absolutePath());
    const QString relative = QDir(base).relativeFilePath(QDir::cleanPath(path));
    if (QDir::isAbsolutePath(relative))
        return path; // another drive
    int ups = 0;
    for (const QString& part : relative.split(QLatin1Char('/')))
        ups += part == QLatin1String("..") ? 1 : 0;
    // The folders between the base and its root (a drive letter is not one): climbing all
    // of them reaches the root.
    QStringList folders = base.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (!folders.isEmpty() && folders.front().endsWith(QLatin1Char(':')))
        folders.removeFirst();
    return ups < folders.size() ? relative : path;
}

/// The engine's architecture name for what users write ("SimpleCNN", "simple_cnn", "UNet3D"),
/// or empty when it names none.
QString canonicalArchitecture(const QString& text)
{
    QString key = text.toLower();
    key.remove(QLatin1Char('-')).remove(QLatin1Char('_')).remove(QLatin1Char(' '));
    if (key == QLatin1String("simplecnn"))
        return QStringLiteral("simple-cnn");
    for (const char* name : {"resnet18", "resnet34", "unet2d", "unet3d"})
        if (key == QLatin1String(name))
            return QLatin1String(name);
    return {};
}

void readArchitecture(Keys& keys, TrainingConfig& c, const QString& baseDir, std::vector<int>& size)
{
    const bool segmentation = c.task == ai::ModelTask::Segmentation;
    const QString given = keys.string(QStringLiteral("architecture"), QString());
    QString name = canonicalArchitecture(given);
    if (given.isEmpty())
        name = !segmentation      ? QStringLiteral("simple-cnn")
               : size.size() == 2 ? QStringLiteral("unet2d")
                                  : QStringLiteral("unet3d");
    if (name.isEmpty()) {
        const QString path = absolute(baseDir, given);
        if (!given.endsWith(QLatin1String(".pt"), Qt::CaseInsensitive) &&
            !given.endsWith(QLatin1String(".ts"), Qt::CaseInsensitive) && !QFileInfo(path).isFile())
            keys.fail(QStringLiteral("architecture"),
                      QStringLiteral("must be simple-cnn, resnet18, resnet34, unet2d, unet3d or a .pt package to "
                                     "fine-tune, got \"%1\"")
                          .arg(given));
        c.settings.initialModel = path.toStdString();
        return;
    }
    const bool segmenter = name.startsWith(QLatin1String("unet"));
    if (segmenter != segmentation)
        keys.fail(QStringLiteral("architecture"),
                  QStringLiteral("\"%1\" is a %2; the task is %3")
                      .arg(name, segmenter ? "segmenter" : "classifier", taskName(c.task)));
    c.settings.architecture = name.toStdString();
    const size_t dims = name == QLatin1String("unet3d") ? 3 : 2;
    if (size.empty())
        size =
            dims == 3 ? std::vector<int>{96, 96, 96} : std::vector<int>(2, name == QLatin1String("unet2d") ? 256 : 224);
    if (size.size() != dims)
        keys.fail(QStringLiteral("inputSize"),
                  QStringLiteral("has %1 values; %2 takes %3").arg(size.size()).arg(name).arg(dims));
}

std::vector<int> readSize(Keys& keys)
{
    std::vector<int> size;
    const QJsonValue v = keys.value(QStringLiteral("inputSize"));
    if (v.isUndefined() || v.isNull())
        return size;
    const QJsonArray array = v.toArray();
    if (!v.isArray() || (array.size() != 2 && array.size() != 3))
        keys.fail(QStringLiteral("inputSize"), QStringLiteral("must be [h, w] or [d, h, w], got %1").arg(quoted(v)));
    for (const QJsonValue& side : array) {
        if (!side.isDouble() || side.toDouble() < 1 || side.toDouble() != std::floor(side.toDouble()) ||
            side.toDouble() > 65535)
            keys.fail(QStringLiteral("inputSize"),
                      QStringLiteral("must hold positive whole numbers, got %1").arg(quoted(v)));
        size.push_back(side.toInt());
    }
    return size;
}

void readAugmentation(Keys& keys, ai::Augmentation& a, const QString& source)
{
    const QJsonValue v = keys.value(QStringLiteral("augment"));
    if (v.isUndefined() || v.isNull())
        return;
    if (v.isBool()) {
        if (!v.toBool())
            a = ai::Augmentation{false};
        return;
    }
    if (!v.isObject())
        keys.fail(QStringLiteral("augment"), QStringLiteral("must be true, false or an object, got %1").arg(quoted(v)));
    Keys k(v.toObject(), source, QStringLiteral("augment."));
    const double big = std::numeric_limits<double>::max();
    a.flips = k.boolean(QStringLiteral("flips"), a.flips);
    a.rotate90 = k.boolean(QStringLiteral("rotate90"), a.rotate90);
    a.rotationDegrees =
        k.number(QStringLiteral("rotationDegrees"), a.rotationDegrees, 0, 180, QStringLiteral("from 0 to 180"));
    a.scale = k.number(QStringLiteral("scale"), a.scale, 0, 0.9, QStringLiteral("from 0 to 0.9"));
    a.intensityScale = k.number(QStringLiteral("intensityScale"), a.intensityScale, 0, big, QStringLiteral("≥ 0"));
    a.intensityShift = k.number(QStringLiteral("intensityShift"), a.intensityShift, 0, big, QStringLiteral("≥ 0"));
    a.contrast = k.number(QStringLiteral("contrast"), a.contrast, 0, 0.99, QStringLiteral("from 0 to 0.99"));
    a.noiseStd = k.number(QStringLiteral("noiseStd"), a.noiseStd, 0, big, QStringLiteral("≥ 0"));
    a.elastic = k.number(QStringLiteral("elastic"), a.elastic, 0, big, QStringLiteral("≥ 0"));
    k.refuseUnknown();
}

void readIntensity(Keys& keys, TrainingConfig& c, const QString& source)
{
    const QJsonValue v = keys.value(QStringLiteral("intensity"));
    ai::IntensityTransform& t = c.settings.manifest.input.intensity;
    if (v.isObject()) {
        Keys k(v.toObject(), source, QStringLiteral("intensity."));
        const double big = std::numeric_limits<double>::max();
        if (!k.has(QStringLiteral("aMin")) || !k.has(QStringLiteral("aMax")))
            keys.fail(QStringLiteral("intensity"), QStringLiteral("needs \"aMin\" and \"aMax\""));
        t = {};
        t.kind = ai::IntensityTransform::Kind::Window;
        t.aMin = k.number(QStringLiteral("aMin"), 0, -big, big, QString());
        t.aMax = k.number(QStringLiteral("aMax"), 1, -big, big, QString());
        t.clip = k.boolean(QStringLiteral("clip"), true);
        if (!(t.aMax > t.aMin))
            keys.fail(QStringLiteral("intensity"), QStringLiteral("needs aMax greater than aMin"));
        k.refuseUnknown();
        c.intensity = IntensityMode::Window;
        return;
    }
    if (!v.isUndefined() && !v.isNull() && !v.isString())
        keys.fail(QStringLiteral("intensity"),
                  QStringLiteral("must be \"auto\", \"min-max\", \"zscore\", \"none\" or {\"aMin\", \"aMax\"}, got %1")
                      .arg(quoted(v)));
    const QString mode =
        keys.choice(QStringLiteral("intensity"), QStringLiteral("auto"), {"auto", "min-max", "zscore", "none"});
    c.intensity = mode == QLatin1String("min-max")  ? IntensityMode::MinMax
                  : mode == QLatin1String("zscore") ? IntensityMode::ZScore
                  : mode == QLatin1String("none")   ? IntensityMode::None
                                                    : IntensityMode::Auto;
    t = {};
    if (c.intensity == IntensityMode::ZScore)
        t.kind = ai::IntensityTransform::Kind::ZScore;
}

void readOptimisation(Keys& keys, ai::TrainingSettings& s)
{
    const double big = std::numeric_limits<double>::max();
    s.epochs = int(keys.integer(QStringLiteral("epochs"), s.epochs, 1, 100000));
    s.batchSize = int(keys.integer(QStringLiteral("batchSize"), s.batchSize, 1, 65536));
    s.learningRate = keys.number(QStringLiteral("learningRate"), s.learningRate, 1e-12, 10, QStringLiteral("above 0"));
    const QString optimizer =
        keys.choice(QStringLiteral("optimizer"), QStringLiteral("adam"), {"adam", "adamw", "sgd"});
    s.optimizer = optimizer == QLatin1String("sgd")     ? ai::Optimizer::Sgd
                  : optimizer == QLatin1String("adamw") ? ai::Optimizer::AdamW
                                                        : ai::Optimizer::Adam;
    s.momentum = keys.number(QStringLiteral("momentum"), s.momentum, 0, 1, QStringLiteral("from 0 to 1"));
    s.weightDecay = keys.number(QStringLiteral("weightDecay"), s.weightDecay, 0, big, QStringLiteral("≥ 0"));
    const QString schedule =
        keys.choice(QStringLiteral("schedule"), QStringLiteral("cosine"), {"cosine", "step", "constant"});
    s.schedule = schedule == QLatin1String("step")       ? ai::Schedule::Step
                 : schedule == QLatin1String("constant") ? ai::Schedule::Constant
                                                         : ai::Schedule::Cosine;
    s.stepEpochs = int(keys.integer(QStringLiteral("stepEpochs"), s.stepEpochs, 1, 100000));
    s.patchesPerSample = int(keys.integer(QStringLiteral("patchesPerSample"), s.patchesPerSample, 1, 100000));
    s.foregroundFraction =
        keys.number(QStringLiteral("foregroundFraction"), s.foregroundFraction, 0, 1, QStringLiteral("from 0 to 1"));
    s.baseFilters = int(keys.integer(QStringLiteral("baseFilters"), s.baseFilters, 1, 4096));
    s.batchNorm = keys.boolean(QStringLiteral("batchNorm"), s.batchNorm);
    s.dropout = keys.number(QStringLiteral("dropout"), s.dropout, 0, 0.99, QStringLiteral("from 0 to 0.99"));
    s.freezeFeatures = keys.boolean(QStringLiteral("freezeFeatures"), s.freezeFeatures);
    for (const QString& prefix : keys.strings(QStringLiteral("freeze")))
        s.freeze.push_back(prefix.toStdString());
    s.device = keys.choice(QStringLiteral("device"), QStringLiteral("cpu"), {"cpu", "cuda"}) == QLatin1String("cuda")
                   ? ai::Device::Cuda
                   : ai::Device::Cpu;
    s.threads = int(keys.integer(QStringLiteral("threads"), 0, 0, 4096));
    s.seed = (unsigned long long)keys.integer(QStringLiteral("seed"), (long long)s.seed, 0);
}

void readEarlyStopping(Keys& keys, ai::EarlyStopping& e, const QString& source)
{
    if (!keys.has(QStringLiteral("earlyStopping")))
        return;
    Keys k(keys.object(QStringLiteral("earlyStopping")), source, QStringLiteral("earlyStopping."));
    e.patience = int(k.integer(QStringLiteral("patience"), e.patience, 0, 100000));
    e.monitor = k.choice(QStringLiteral("monitor"), QString::fromStdString(e.monitor), kMonitors).toStdString();
    e.minDelta =
        k.number(QStringLiteral("minDelta"), e.minDelta, 0, std::numeric_limits<double>::max(), QStringLiteral("≥ 0"));
    k.refuseUnknown();
}

void readClassWeights(Keys& keys, ai::TrainingSettings& s)
{
    const QJsonValue v = keys.value(QStringLiteral("classWeights"));
    if (v.isUndefined() || v.isNull())
        return;
    if (v.isString() && v.toString().compare(QLatin1String("balanced"), Qt::CaseInsensitive) == 0) {
        s.balanceClasses = true;
        return;
    }
    if (!v.isArray() || v.toArray().isEmpty())
        keys.fail(QStringLiteral("classWeights"),
                  QStringLiteral("must be \"balanced\" or an array of one weight per class, got %1").arg(quoted(v)));
    for (const QJsonValue& w : v.toArray()) {
        if (!w.isDouble() || !(w.toDouble() > 0))
            keys.fail(QStringLiteral("classWeights"),
                      QStringLiteral("weights must be positive numbers, got %1").arg(quoted(v)));
        s.classWeights.push_back(w.toDouble());
    }
}

void setInputSize(TrainingConfig& c, const std::vector<int>& size)
{
    ai::Manifest& m = c.settings.manifest;
    m.input.size.clear();
    m.input.patchSize.clear();
    m.slidingWindow.reset();
    if (size.empty())
        return;
    m.dims = m.input.dims = int(size.size());
    if (c.task == ai::ModelTask::Classification) {
        m.input.size = size;
        return;
    }
    m.input.patchSize = size;
    if (c.task == ai::ModelTask::Segmentation) {
        ai::SlidingWindow window;
        window.roi = size;
        window.overlap = 0.25;
        window.mode = ai::SlidingWindow::Mode::Gaussian;
        window.batch = 4;
        m.slidingWindow = window;
    }
}

} // namespace

const std::vector<int>& TrainingConfig::inputSize() const
{
    const ai::ManifestInput& input = settings.manifest.input;
    return input.size.empty() ? input.patchSize : input.size;
}

TrainingConfig trainingConfigFromJson(const QJsonObject& json, const QString& baseDir, const QString& source)
{
    TrainingConfig c;
    Keys keys(json, source);
    ai::TrainingSettings& s = c.settings;
    ai::Manifest& m = s.manifest;

    const QString task = keys.choice(QStringLiteral("task"), QStringLiteral("classification"),
                                     {"classification", "segmentation", "tile-classification"});
    c.task = task == QLatin1String("segmentation")          ? ai::ModelTask::Segmentation
             : task == QLatin1String("tile-classification") ? ai::ModelTask::TileClassification
                                                            : ai::ModelTask::Classification;
    m.task = c.task;
    if (!keys.has(QStringLiteral("data")))
        keys.fail(QStringLiteral("data"), QStringLiteral("is missing: the dataset folder"));
    c.dataRoot = absolute(baseDir, keys.string(QStringLiteral("data"), QString()));
    if (!keys.has(QStringLiteral("output")))
        keys.fail(QStringLiteral("output"), QStringLiteral("is missing: the model package (.pt) to write"));
    const QString output = absolute(baseDir, keys.string(QStringLiteral("output"), QString()));
    s.outputPath = output.toStdString();
    s.checkpointPath =
        absolute(baseDir, keys.string(QStringLiteral("checkpoint"), output + QStringLiteral(".checkpoint")))
            .toStdString();

    std::vector<int> size = readSize(keys);
    const bool sizeGiven = !size.empty();
    readArchitecture(keys, c, baseDir, size);
    if (!s.initialModel.empty() && !sizeGiven)
        size.clear(); // the package's
    setInputSize(c, size);
    m.input.channels =
        int(keys.integer(QStringLiteral("channels"),
                         s.initialModel.empty() ? (c.task == ai::ModelTask::TileClassification ? 3 : 1) : 0, 1, 3));
    if (m.input.channels == 2)
        keys.fail(QStringLiteral("channels"), QStringLiteral("must be 1 or 3"));

    readOptimisation(keys, s);
    readAugmentation(keys, s.augmentation, source);
    readEarlyStopping(keys, s.earlyStopping, source);
    readClassWeights(keys, s);
    c.valFraction = keys.number(QStringLiteral("valFraction"), c.valFraction, 0, 0.9, QStringLiteral("from 0 to 0.9"));

    m.name = keys.string(QStringLiteral("name"), QFileInfo(output).completeBaseName()).toStdString();
    m.version = keys.string(QStringLiteral("version"), QStringLiteral("1.0.0")).toStdString();
    m.modality = keys.string(QStringLiteral("modality"), QString()).toUpper().toStdString();
    m.intendedUse = keys.string(QStringLiteral("intendedUse"), QLatin1String(kDefaultUse)).toStdString();
    readIntensity(keys, c, source);
    c.labels = keys.strings(QStringLiteral("labels"));
    c.mpp = keys.number(QStringLiteral("mpp"), c.mpp, 1e-6, 1e6, QStringLiteral("above 0 (µm per pixel)"));
    if (c.task == ai::ModelTask::TileClassification)
        m.input.spacingMm = std::vector<double>(2, c.mpp / 1000.0);
    keys.refuseUnknown();
    return c;
}

TrainingConfig readTrainingConfig(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw TrainingConfigError(
            QStringLiteral("%1: cannot be read (%2)").arg(path, file.errorString()).toStdString());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        throw TrainingConfigError(QStringLiteral("%1: not valid JSON at offset %2 (%3)")
                                      .arg(path)
                                      .arg(error.offset)
                                      .arg(error.errorString())
                                      .toStdString());
    if (!doc.isObject())
        throw TrainingConfigError(QStringLiteral("%1: not a JSON object").arg(path).toStdString());
    return trainingConfigFromJson(doc.object(), QFileInfo(path).absolutePath(), path);
}

QJsonObject toJson(const TrainingConfig& c)
{
    const ai::TrainingSettings& s = c.settings;
    const ai::Manifest& m = s.manifest;
    const ai::Augmentation& a = s.augmentation;
    auto text = [](const std::string& value) { return QString::fromStdString(value); };
    QJsonObject json{
        {"task", taskName(c.task)},
        {"data", c.dataRoot},
        {"output", text(s.outputPath)},
        {"checkpoint", text(s.checkpointPath)},
        {"architecture", text(s.initialModel.empty() ? s.architecture : s.initialModel)},
        {"epochs", s.epochs},
        {"batchSize", s.batchSize},
        {"learningRate", s.learningRate},
        {"optimizer", s.optimizer == ai::Optimizer::Sgd     ? "sgd"
                      : s.optimizer == ai::Optimizer::AdamW ? "adamw"
                                                            : "adam"},
        {"momentum", s.momentum},
        {"weightDecay", s.weightDecay},
        {"schedule", s.schedule == ai::Schedule::Step       ? "step"
                     : s.schedule == ai::Schedule::Constant ? "constant"
                                                            : "cosine"},
        {"stepEpochs", s.stepEpochs},
        {"patchesPerSample", s.patchesPerSample},
        {"foregroundFraction", s.foregroundFraction},
        {"augment", QJsonObject{{"flips", a.flips},
                                {"rotate90", a.rotate90},
                                {"rotationDegrees", a.rotationDegrees},
                                {"scale", a.scale},
                                {"intensityScale", a.intensityScale},
                                {"intensityShift", a.intensityShift},
                                {"contrast", a.contrast},
                                {"noiseStd", a.noiseStd},
                                {"elastic", a.elastic}}},
        {"earlyStopping", QJsonObject{{"patience", s.earlyStopping.patience},
                                      {"monitor", text(s.earlyStopping.monitor)},
                                      {"minDelta", s.earlyStopping.minDelta}}},
        {"freezeFeatures", s.freezeFeatures},
        {"baseFilters", s.baseFilters},
        {"batchNorm", s.batchNorm},
        {"dropout", s.dropout},
        {"device", text(ai::toString(s.device))},
        {"threads", s.threads},
        {"seed", double(s.seed)},
        {"valFraction", c.valFraction},
        {"name", text(m.name)},
        {"version", text(m.version)},
        {"modality", text(m.modality)},
        {"intendedUse", text(m.intendedUse)},
        {"mpp", c.mpp},
    };
    const std::vector<int>& size = c.inputSize();
    if (!size.empty()) {
        QJsonArray array;
        for (int side : size)
            array.append(side);
        json["inputSize"] = array;
    }
    if (m.input.channels > 0)
        json["channels"] = m.input.channels;
    if (!s.freeze.empty()) {
        QJsonArray freeze;
        for (const auto& prefix : s.freeze)
            freeze.append(text(prefix));
        json["freeze"] = freeze;
    }
    if (s.balanceClasses) {
        json["classWeights"] = "balanced";
    } else if (!s.classWeights.empty()) {
        QJsonArray weights;
        for (double w : s.classWeights)
            weights.append(w);
        json["classWeights"] = weights;
    }
    switch (c.intensity) {
    case IntensityMode::Auto:
    case IntensityMode::Package:
        json["intensity"] = "auto";
        break;
    case IntensityMode::MinMax:
        json["intensity"] = "min-max";
        break;
    case IntensityMode::ZScore:
        json["intensity"] = "zscore";
        break;
    case IntensityMode::None:
        json["intensity"] = "none";
        break;
    case IntensityMode::Window:
        json["intensity"] = QJsonObject{
            {"aMin", m.input.intensity.aMin}, {"aMax", m.input.intensity.aMax}, {"clip", m.input.intensity.clip}};
        break;
    }
    if (!c.labels.isEmpty())
        json["labels"] = QJsonArray::fromStringList(c.labels);
    return json;
}

void writeTrainingConfig(const TrainingConfig& config, const QString& path)
{
    // Paths near the file are written relative to its folder, so that the file travels with
    // the data (readTrainingConfig resolves them against the folder it then lies in).
    const QString baseDir = QFileInfo(path).absolutePath();
    QJsonObject json = toJson(config);
    for (const char* key : {"data", "output", "checkpoint"})
        json[QLatin1String(key)] = pathForConfig(baseDir, json[QLatin1String(key)].toString());
    if (!config.settings.initialModel.empty())
        json["architecture"] = pathForConfig(baseDir, QString::fromStdString(config.settings.initialModel));
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw TrainingConfigError(QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString()).toStdString());
}

void adoptInitialModel(TrainingConfig& config, const ai::Manifest& initial)
{
    ai::Manifest& m = config.settings.manifest;
    if (config.inputSize().empty()) {
        const std::vector<int>& size = initial.input.size.empty() ? initial.input.patchSize : initial.input.size;
        setInputSize(config, size);
        if (initial.slidingWindow && config.task == ai::ModelTask::Segmentation)
            m.slidingWindow = initial.slidingWindow;
    }
    if (m.input.channels == 0)
        m.input.channels = initial.input.channels;
    if (config.intensity == IntensityMode::Auto || config.intensity == IntensityMode::MinMax) {
        // The package's weights expect its transform: the new data must not change it.
        m.input.intensity = initial.input.intensity;
        config.intensity = IntensityMode::Package;
    }
    if (!m.input.spacingMm && initial.input.spacingMm)
        m.input.spacingMm = initial.input.spacingMm;
    if (m.modality.empty())
        m.modality = initial.modality;
}

} // namespace radpath::app

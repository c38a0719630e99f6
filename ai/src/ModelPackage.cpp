// Model packages on disk: TorchScript plus manifest, checked on the way in and written
// atomically on the way out.

#include "ModelPackage.h"

#include "Sha256.h"

#include <torch/torch.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace fs = std::filesystem;

namespace radpath::ai {
namespace {

std::string firstLine(const std::string& text)
{
    return text.substr(0, text.find('\n'));
}

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string text;
    for (size_t i = 0; i < shape.size(); ++i)
        text += (i ? "×" : "") + std::to_string(shape[i]);
    return text.empty() ? "a scalar" : text;
}

} // namespace

std::string readTextFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ModelError(path + ": cannot open the file for reading");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        throw ModelError(path + ": read error");
    return text.str();
}

std::vector<std::string> layerGroups(const torch::jit::Module& module)
{
    std::vector<std::string> groups;
    for (const auto& p : module.named_parameters()) {
        const std::string group = p.name.substr(0, p.name.find_first_of("._"));
        if (std::find(groups.begin(), groups.end(), group) == groups.end())
            groups.push_back(group);
    }
    return groups;
}

bool inLayer(const std::string& parameter, const std::string& layer)
{
    if (layer.empty() || parameter.compare(0, layer.size(), layer) != 0)
        return false;
    return parameter.size() == layer.size() || parameter[layer.size()] == '_' || parameter[layer.size()] == '.';
}

bool hasMethod(const torch::jit::Module& module, const std::string& name)
{
    return module.find_method(name).has_value();
}

torch::jit::Module loadTorchScript(const std::string& path, const torch::Device& device,
                                   torch::jit::ExtraFilesMap& extraFiles)
{
    std::error_code error;
    if (!fs::is_regular_file(path, error))
        throw ModelError(path + ": no such model file");
    try {
        return torch::jit::load(path, device, extraFiles);
    } catch (const c10::Error& e) {
        throw ModelError(path + ": not a readable TorchScript model (" + firstLine(e.what_without_backtrace()) + ')');
    } catch (const std::exception& e) {
        throw ModelError(path + ": not a readable TorchScript model (" + firstLine(e.what()) + ')');
    }
}

std::string sidecarManifestPath(const std::string& modelPath)
{
    return fs::path(modelPath).replace_extension(".json").string();
}

std::string weightsSha256(const torch::jit::Module& module)
{
    Sha256 hash;
    const auto add = [&hash](const at::Tensor& tensor) {
        const at::Tensor bytes = tensor.detach().cpu().contiguous();
        if (bytes.numel() > 0)
            hash.update(bytes.data_ptr(), size_t(bytes.numel()) * bytes.element_size());
    };
    for (const auto& parameter : module.named_parameters(/*recurse=*/true))
        add(parameter.value);
    for (const auto& buffer : module.named_buffers(/*recurse=*/true))
        add(buffer.value);
    return hash.hexDigest();
}

ModelPackage loadModelPackage(const std::string& path, const torch::Device& device)
{
    ModelPackage package;
    package.path = path;
    // Keys absent from the archive keep the value given here.
    torch::jit::ExtraFilesMap extraFiles{{kManifestExtraFile, ""}};
    package.module = loadTorchScript(path, device, extraFiles);
    package.module.eval();

    // The manifest: embedded, else beside.
    const std::string& embedded = extraFiles[kManifestExtraFile];
    std::string json;
    if (!embedded.empty()) {
        package.manifestEmbedded = true;
        package.manifestSource = path + ": " + kManifestExtraFile;
        json = embedded;
    } else {
        const std::string sidecar = sidecarManifestPath(path);
        std::error_code error;
        if (!fs::is_regular_file(sidecar, error))
            throw ModelError(path + ": no " + kManifestExtraFile + " inside and no " +
                             fs::path(sidecar).filename().string() + " beside it");
        package.manifestSource = sidecar;
        json = readTextFile(sidecar);
    }
    package.manifest = parseManifest(json, package.manifestSource);

    // The weights against the manifest's hash, then the methods it promises.
    if (!package.manifest.weightsSha256.empty()) {
        const std::string actual = weightsSha256(package.module);
        if (actual != package.manifest.weightsSha256)
            throw ModelError(path + ": the weights do not match the manifest (weights_sha256 " +
                             package.manifest.weightsSha256 + ", weights hash to " + actual + ')');
    }
    if (!hasMethod(package.module, "forward"))
        throw ModelError(path + ": the model has no forward method");
    package.hasForwardFeatures = hasMethod(package.module, "forward_features");
    if (package.manifest.saliency.gradCam && !package.hasForwardFeatures)
        throw ModelError(path + ": the manifest declares saliency.grad_cam but the model has no "
                                "forward_features method");
    return package;
}

void saveModelPackage(const torch::jit::Module& module, Manifest manifest, const std::string& path)
{
    const std::string source = path + ": " + kManifestExtraFile;
    manifest.weightsSha256 = weightsSha256(module);
    validateManifest(manifest, source);
    if (!hasMethod(module, "forward"))
        throw ModelError(path + ": the model has no forward method");
    if (manifest.saliency.gradCam && !hasMethod(module, "forward_features"))
        throw ModelError(path + ": the manifest declares saliency.grad_cam but the model has no "
                                "forward_features method");
    const torch::jit::ExtraFilesMap extraFiles{{kManifestExtraFile, toJson(manifest)}};

    writeFileAtomically(path, "model", [&](const std::string& temporary) { module.save(temporary, extraFiles); });
}

void writeFileAtomically(const std::string& path, const char* what, const std::function<void(const std::string&)>& write)
{
    // Beside the target, so that the rename stays on one file system.
    std::random_device random;
    const std::string temporary = path + ".partial-" + std::to_string(random());
    std::error_code ignored;
    try {
        write(temporary);
    } catch (const std::exception& e) {
        fs::remove(temporary, ignored);
        throw ModelError(path + ": cannot write the " + what + " (" + firstLine(e.what()) + ')');
    }
    std::error_code error;
    fs::rename(temporary, path, error);
    if (error) {
        fs::remove(temporary, ignored);
        throw ModelError(path + ": cannot write the " + what + " (" + error.message() + ')');
    }
}

void checkInputShape(const Manifest& manifest, const std::vector<std::int64_t>& shape, const std::string& modelName)
{
    const ManifestInput& input = manifest.input;
    std::vector<int> spatial = !input.size.empty() ? input.size : input.patchSize;
    if (spatial.empty() && manifest.slidingWindow)
        spatial = manifest.slidingWindow->roi;

    const bool batchOk = shape.size() == spatial.size() + 2 && shape[0] >= 1;
    std::vector<std::int64_t> expected{batchOk ? shape[0] : 1, input.channels};
    expected.insert(expected.end(), spatial.begin(), spatial.end());
    if (batchOk && shape == expected)
        return;
    const char* axes =
        manifest.dims == 3 ? "batch × channels × depth × height × width" : "batch × channels × height × width";
    throw ModelError(modelName + " expects " + shapeText(expected) + " (" + axes + "), got " + shapeText(shape));
}

} // namespace radpath::ai

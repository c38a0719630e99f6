#pragma once
// Volume readers and the registry that picks one by asking each how confident it is.

#include "viewer/io/TaskControl.h"
#include "viewer/model/Volume.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace radpath::viewer {

/// One way of turning a path (file or folder) into a Volume.
/// Thread-safety: confidence() and read() may run on worker threads, concurrently.
class VolumeReader {
public:
    virtual ~VolumeReader() = default;
    /// Short name shown to users, e.g. "DICOM series".
    virtual std::string name() const = 0;
    /// 0 = cannot read `path`; 1 = certainly can. Cheap: looks at names and magic bytes.
    virtual double confidence(const std::string& path) const = 0;
    /// Reads `path`; throws IoError (naming the file) or OperationCancelled.
    virtual Volume read(const std::string& path, const TaskControl& control) const = 0;
    /// Like read(), but hands the Volume to `firstSliceReady` (on the reading thread) as soon
    /// as one slice, the middle one, can be shown; the rest fills the same buffer afterwards.
    /// Readers that cannot do better read everything first.
    virtual Volume readProgressive(const std::string& path, const TaskControl& control,
                                   const std::function<void(const Volume&)>& firstSliceReady) const
    {
        Volume volume = read(path, control);
        if (firstSliceReady)
            firstSliceReady(volume);
        return volume;
    }
};

class ReaderRegistry {
public:
    /// A registry holding every reader the viewer module provides.
    static ReaderRegistry withBuiltinReaders();

    void add(std::shared_ptr<const VolumeReader> reader);
    /// The most confident reader for `path`, or nullptr when none is above zero.
    std::shared_ptr<const VolumeReader> find(const std::string& path) const;
    /// Reads with the most confident reader; throws IoError when none can.
    Volume read(const std::string& path, const TaskControl& control) const;

private:
    std::vector<std::shared_ptr<const VolumeReader>> m_readers;
};

} // namespace radpath::viewer

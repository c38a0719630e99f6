#pragma once

#include <stdexcept>
#include <string>

namespace radpath::viewer {

/// A file could not be read or written. what() names the file and the problem, in words
/// a user can act on; it never contains patient data.
class IoError : public std::runtime_error {
public:
    IoError(const std::string& path, const std::string& problem)
        : std::runtime_error(path + ": " + problem), m_path(path), m_problem(problem)
    {
    }
    const std::string& path() const { return m_path; }
    const std::string& problem() const { return m_problem; }

private:
    std::string m_path;
    std::string m_problem;
};

} // namespace radpath::viewer

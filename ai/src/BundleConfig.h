#pragma once
// Reading MONAI bundle configurations (MonaiBundle.cpp): "@" references followed lazily
// through inference.json, and transforms whose settings are read as plain values, a Python
// expression ("$...") being refused where RadPath needs the value. Private to ai/.

#include "radpath/ai/ModelError.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

namespace radpath::ai::bundle {

using Json = nlohmann::json;

[[noreturn]] inline void fail(const std::string& where, const std::string& problem)
{
    throw ModelError(where + ": " + problem);
}

inline std::string quoted(const std::string& text)
{
    return '"' + text + '"';
}

inline bool isExpression(const Json& value)
{
    return value.is_string() && value.get_ref<const std::string&>().rfind('$', 0) == 0;
}

// A size or count: a positive integer, not absurdly large.
inline bool isCount(const Json& value)
{
    return value.is_number_integer() && value.get<long long>() >= 1 && value.get<long long>() <= 1 << 20;
}

inline std::string lowerCase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

inline Json parseObject(const std::string& text, const std::string& where)
{
    Json document;
    try {
        document = Json::parse(text);
    } catch (const Json::parse_error& e) {
        // Drop nlohmann's "[json.exception.parse_error.101] " prefix.
        const std::string what = e.what();
        const size_t end = what.find("] ");
        fail(where, "not valid JSON: " + (end == std::string::npos ? what : what.substr(end + 2)));
    }
    if (!document.is_object())
        fail(where, "must be a JSON object");
    return document;
}

// "@a#b#0" (or MONAI's newer "@a::b::0") resolved in inference.json, lazily: a value is
// looked up only when RadPath reads it, so references in parts a viewer ignores never matter.
class References {
public:
    References(Json root, std::string where) : m_root(std::move(root)), m_where(std::move(where)) {}

    const std::string& where() const { return m_where; }

    /// `value` itself, or what its chain of "@" references finally names.
    const Json& resolve(const Json& value) const
    {
        std::vector<std::string> active;
        return resolve(value, active);
    }

    /// A top-level entry, resolved; nullptr when absent.
    const Json* entry(const std::string& key) const
    {
        const auto it = m_root.find(key);
        return it == m_root.end() ? nullptr : &resolve(*it);
    }

private:
    const Json& resolve(const Json& value, std::vector<std::string>& active) const
    {
        if (!value.is_string())
            return value;
        const std::string& text = value.get_ref<const std::string&>();
        return text.size() > 1 && text[0] == '@' ? follow(text.substr(1), active) : value;
    }

    // `active` holds the references being followed, so that one met again is a cycle.
    const Json& follow(const std::string& reference, std::vector<std::string>& active) const
    {
        if (std::find(active.begin(), active.end(), reference) != active.end()) {
            std::string chain;
            for (const std::string& r : active)
                chain += '@' + r + " → ";
            fail(m_where, "the references " + chain + '@' + reference + " form a cycle");
        }
        active.push_back(reference);
        const Json* current = &m_root;
        for (const std::string& key : split(reference))
            current = &resolve(child(*current, key, reference), active);
        active.pop_back();
        return *current;
    }

    const Json& child(const Json& parent, const std::string& key, const std::string& reference) const
    {
        if (parent.is_object()) {
            const auto it = parent.find(key);
            if (it != parent.end())
                return *it;
        } else if (parent.is_array() && !key.empty() && key.size() < 10 &&
                   key.find_first_not_of("0123456789") == std::string::npos && std::stoul(key) < parent.size()) {
            return parent[std::stoul(key)];
        }
        fail(m_where, '@' + reference + " names nothing: there is no " + quoted(key));
    }

    static std::vector<std::string> split(std::string reference)
    {
        for (size_t at = reference.find("::"); at != std::string::npos; at = reference.find("::", at))
            reference.replace(at, 2, "#");
        std::vector<std::string> keys;
        size_t start = 0;
        for (size_t end; (end = reference.find('#', start)) != std::string::npos; start = end + 1)
            keys.push_back(reference.substr(start, end - start));
        keys.push_back(reference.substr(start));
        return keys;
    }

    Json m_root;
    std::string m_where;
};

// One transform or inferer of inference.json, named by its "_target_", whose settings are
// read as plain values.
class Component {
public:
    Component(const References& refs, const Json& object, std::string name)
        : m_refs(&refs), m_object(&object), m_name(std::move(name))
    {
    }

    const std::string& name() const { return m_name; }

    /// The value of `key` through its references; nullptr when absent or null. Refuses a
    /// Python expression, since RadPath needs the value.
    const Json* find(const std::string& key) const
    {
        const auto it = m_object->find(key);
        if (it == m_object->end())
            return nullptr;
        const Json& value = plain(*it, key);
        return value.is_null() ? nullptr : &value;
    }

    double number(const std::string& key, double fallback) const
    {
        const Json* value = find(key);
        if (value && !value->is_number())
            refuse(key, "must be a number");
        return value ? value->get<double>() : fallback;
    }

    double requiredNumber(const std::string& key) const
    {
        if (!find(key))
            refuse(key, "is missing");
        return number(key, 0.0);
    }

    int count(const std::string& key, int fallback) const
    {
        const Json* value = find(key);
        if (value && !isCount(*value))
            refuse(key, "must be a positive integer");
        return value ? int(value->get<long long>()) : fallback;
    }

    bool flag(const std::string& key) const
    {
        const Json* value = find(key);
        if (value && !value->is_boolean())
            refuse(key, "must be true or false");
        return value && value->get<bool>();
    }

    std::optional<std::string> text(const std::string& key) const
    {
        const Json* value = find(key);
        if (value && !value->is_string())
            refuse(key, "must be a string");
        return value ? std::optional<std::string>(value->get<std::string>()) : std::nullopt;
    }

    /// An array's items, each through its references; a single value reads as one item.
    std::vector<Json> items(const std::string& key) const
    {
        const Json* value = find(key);
        if (!value)
            refuse(key, "is missing");
        if (!value->is_array())
            return {*value};
        std::vector<Json> result;
        for (size_t i = 0; i < value->size(); ++i)
            result.push_back(plain((*value)[i], key + '[' + std::to_string(i) + ']'));
        return result;
    }

    std::vector<int> sizes(const std::string& key) const
    {
        const Json* value = find(key);
        if (!value || !value->is_array())
            refuse(key, "must be an array of positive integers");
        std::vector<int> result;
        for (const Json& item : items(key)) {
            if (!isCount(item))
                refuse(key, "must be an array of positive integers");
            result.push_back(int(item.get<long long>()));
        }
        return result;
    }

    const std::string& where() const { return m_refs->where(); }

    [[noreturn]] void refuse(const std::string& key, const std::string& problem) const
    {
        fail(m_refs->where(), m_name + ' ' + quoted(key) + ' ' + problem);
    }

private:
    const Json& plain(const Json& value, const std::string& key) const
    {
        const Json& resolved = m_refs->resolve(value);
        if (isExpression(resolved))
            refuse(key, "is a Python expression (" + quoted(resolved.get<std::string>()) +
                            "); RadPath needs a plain value there");
        return resolved;
    }

    const References* m_refs;
    const Json* m_object;
    std::string m_name;
};

} // namespace radpath::ai::bundle

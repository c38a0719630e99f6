#pragma once
// DICOM PS3.15 Annex E, Table E.1-1 (edition 2024b) as data: every attribute the Basic
// Application Level Confidentiality Profile acts on, with its Basic Profile action code and
// the options that retain it. DicomDeidentifier applies it; tests read it to check it.
//
// Rules of the table that are not single attributes:
// - Curve Data (50xx,xxxx): every element of groups 5000-50FF is removed.
// - Overlay Comments (60xx,4000) and Overlay Data (60xx,3000) are removed; an overlay group
//   whose data is removed is removed whole, so no half overlay is left behind.
// - Private attributes (odd groups) are removed; the Retain Safe Private Option is not offered.
// Attributes the table does not list are kept, except inside a sequence whose action is D
// (see DicomDeidentifier.h).

#include <cstddef>
#include <cstdint>

namespace radpath::viewer::deid {

/// Action codes of Table E.1-1. The compound codes say "the first, unless the IOD needs a
/// later one"; resolveAction() turns each into one of D, Z, X, K, C, U.
enum class Action : std::uint8_t {
    D,       ///< replace with a non-zero-length dummy value of the same VR
    Z,       ///< replace with a zero-length value (a sequence: no items)
    X,       ///< remove
    K,       ///< keep (a sequence: its items processed recursively)
    C,       ///< clean: keep the meaning, not the identifying content (dates: shifted)
    U,       ///< replace each UID by its mapping for the run (a sequence: U*, UIDs in its items)
    ZD,      ///< Z/D
    XZ,      ///< X/Z
    XD,      ///< X/D
    XZD,     ///< X/Z/D
    XZUStar, ///< X/Z/U*
};

/// The options of Table E.1-1 that change an attribute's action.
enum RetainFlag : std::uint8_t {
    kTemporal = 1,              ///< K under 113106 (full dates), C under 113107 (modified dates)
    kPatientCharacteristic = 2, ///< K under 113108 (patient characteristics)
};

struct ProfileAttribute {
    std::uint16_t group;
    std::uint16_t element;
    const char* keyword; ///< PS3.6 keyword, e.g. "PatientName"
    const char* vr;      ///< PS3.6 value representation, e.g. "PN"
    Action action;       ///< the Basic Profile column
    std::uint8_t retain; ///< RetainFlag bits
};

/// The attributes of Table E.1-1 as a contiguous range, sorted by tag. The group-wide rules
/// (curves, overlays, private groups) are not in it; see repeatingGroupRules().
struct ProfileTable {
    const ProfileAttribute* first = nullptr;
    std::size_t count = 0;
    const ProfileAttribute* begin() const { return first; }
    const ProfileAttribute* end() const { return first + count; }
    std::size_t size() const { return count; }
};
ProfileTable basicProfileTable();

/// The rows for repeating groups: Curve Data (group 5000, any element), Overlay Comments
/// (6000,4000) and Overlay Data (6000,3000), written with the group's first number.
ProfileTable repeatingGroupRules();

/// Attributes RadPath removes (X) although Table E.1-1 does not list them: the patient's
/// birth and death dates in an alternative calendar.
ProfileTable additionalRemovals();

/// The row for (group,element), repeating groups and additional removals included; nullptr
/// when none lists it. Private (odd) groups are not looked up here.
const ProfileAttribute* findProfileAttribute(std::uint16_t group, std::uint16_t element);

/// The code as the standard writes it: "X/Z/U*".
const char* actionCode(Action action);

/// Which options a run uses.
struct ProfileOptions {
    bool retainFullDates = false;              ///< 113106
    bool modifiedDates = false;                ///< 113107 (dates shifted by the caller)
    bool retainPatientCharacteristics = false; ///< 113108
};

/// The one action applied to `attribute` under `options`. Compound codes resolve to their
/// last part, the choice that keeps a file valid for every IOD without knowing whether the
/// attribute is type 1, 2 or 3 in it: X/Z -> Z, X/D, Z/D and X/Z/D -> D, X/Z/U* -> U (the
/// sequence kept with its UIDs replaced). Retained temporal attributes give K (full dates)
/// or C (modified dates); retained patient characteristics give K.
Action resolveAction(const ProfileAttribute& attribute, const ProfileOptions& options);

} // namespace radpath::viewer::deid

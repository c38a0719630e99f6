#pragma once
// De-identifies DICOM files by PS3.15 Annex E's Basic Application Level Confidentiality
// Profile (Table E.1-1, held in DeidentificationProfile.h), with three of its options:
// Retain Longitudinal Temporal Information with Full Dates (113106) or with Modified Dates
// (113107), and Retain Patient Characteristics (113108).
//
// What happens to each file:
// - Every attribute the table lists gets its action (see deid::resolveAction); private
//   attributes, curves and overlays are removed; the rest is kept. Sequences are processed
//   item by item, at any depth. In a sequence whose action is D (Content Sequence, Verifying
//   Observer Sequence, ...) the items are kept and every text value the table does not
//   list (AE, LO, LT, PN, SH, ST, UC, UR, UT; dates and times too, unless dates are kept or
//   shifted) becomes a dummy; code strings, numbers and UIDs stay.
// - UIDs: every UID the table marks U, and UI values it marks D, become
//   "2.25." + the decimal value of the first 128 bits of SHA-256(run salt, old UID). The
//   mapping is deterministic: within one DicomDeidentifier (one run, over any number of
//   studies) an old UID always gets the same new UID, so references between files (Referenced
//   SOP Instance UID, Frame of Reference UID, ...) still match. SOP Class UIDs and Transfer
//   Syntax UIDs are not changed. The meta header is written anew, its Media Storage SOP
//   Instance UID equal to the new SOP Instance UID.
// - Patient's Name and Patient ID become a pseudonym per patient of the run, "ANON^0001" and
//   "ANON0001" (numbered in the order patients are met; one patient = one Patient ID, or one
//   name when the ID is empty).
// - Patient Identity Removed (0012,0062) = YES, De-identification Method (0012,0063) names the
//   profile and options, De-identification Method Code Sequence (0012,0064) holds 113100 and
//   each option's code, Longitudinal Temporal Information Modified (0028,0303) says what
//   happened to dates. The shift in days is written nowhere.
// - Pixel data is never touched: its bytes (native or encapsulated) and the transfer syntax
//   are written as read. Burned-in text is therefore not removed: Burned In Annotation YES,
//   or no Burned In Annotation in a US, SC, XC, OT or ES image (modalities that often
//   carry text in their pixels), gives a warning.
//
// Output: OUTDIR/<new Study Instance UID>/<new Series Instance UID>/<new SOP Instance UID>.dcm,
// one file per input instance, each written to a ".part" name in its folder and renamed, so
// OUTDIR only ever holds complete DICOM files. Messages name files and attributes, never
// values, so they carry no patient data.
//
// Not thread-safe: one run at a time per DicomDeidentifier.

#include "viewer/io/TaskControl.h"

#include <memory>
#include <string>
#include <vector>

namespace radpath::viewer {

struct DeidentifyOptions {
    enum class Dates {
        Remove, ///< the Basic Profile's actions
        Keep,   ///< Retain Longitudinal Temporal Information with Full Dates (113106)
        Shift,  ///< Modified Dates (113107): every date moved by shiftDays, times kept
    };
    Dates dates = Dates::Remove;
    int shiftDays = 0;                       ///< with Dates::Shift; may be negative
    bool keepPatientCharacteristics = false; ///< Retain Patient Characteristics (113108)
    /// Salt of the UID mapping. Empty: a random one per DicomDeidentifier. Runs that must
    /// map UIDs alike (a study sent in parts) pass the same salt; keep it secret, since it
    /// links new UIDs to old ones.
    std::string salt;
};

struct DeidentifiedFile {
    std::string input;
    std::string output;                ///< the file written; empty when none was
    std::vector<std::string> warnings; ///< each names the input file
    std::string error;                 ///< empty on success, else "<input>: <problem>"
    bool ok() const { return error.empty(); }
};

struct DeidentifyReport {
    std::vector<DeidentifiedFile> files; ///< in input order (sorted paths for a folder)
    int written() const;
    int failed() const;
    int warningCount() const;
};

class DicomDeidentifier {
public:
    explicit DicomDeidentifier(DeidentifyOptions options = {});
    ~DicomDeidentifier();
    DicomDeidentifier(const DicomDeidentifier&) = delete;
    DicomDeidentifier& operator=(const DicomDeidentifier&) = delete;

    /// De-identifies `input` (a file, or every file under a folder) into `outDir`. A file
    /// that is not DICOM or cannot be read or written is reported in its DeidentifiedFile and
    /// the others go on. Throws IoError when `input` does not exist or `outDir` cannot be
    /// used (not creatable, or inside the input folder), OperationCancelled when `control`
    /// asks to stop (files already written stay, each complete).
    DeidentifyReport run(const std::string& input, const std::string& outDir, const TaskControl& control = {});
    /// The same for a list of files.
    DeidentifyReport run(const std::vector<std::string>& files, const std::string& outDir,
                         const TaskControl& control = {});

    /// The UID that replaces `uid` in this run's files.
    std::string mappedUid(const std::string& uid) const;

    /// The values written to De-identification Method (0012,0063) for these options.
    std::vector<std::string> methodDescription() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace radpath::viewer

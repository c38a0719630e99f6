#include "viewer/io/DicomDeidentifier.h"

#include "viewer/io/DeidentificationProfile.h"
#include "viewer/io/DicomPixelDecoder.h"
#include "viewer/io/DicomSeriesReader.h"
#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <QByteArray>
#include <QCryptographicHash>
#include <QDate>
#include <QRandomGenerator>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace radpath::viewer {
namespace {

using deid::Action;
using deid::ProfileAttribute;

constexpr const char* kProfileName = "DICOM PS3.15 Basic Application Level Confidentiality Profile";

struct MethodCode {
    const char* value;
    const char* meaning; // CID 7050
};
constexpr MethodCode kBasicCode{"113100", "Basic Application Confidentiality Profile"};
constexpr MethodCode kFullDatesCode{"113106", "Retain Longitudinal Temporal Information Full Dates Option"};
constexpr MethodCode kModifiedDatesCode{"113107", "Retain Longitudinal Temporal Information Modified Dates Option"};
constexpr MethodCode kPatientCode{"113108", "Retain Patient Characteristics Option"};

// Modalities whose images often carry text in their pixels.
constexpr std::array<const char*, 5> kBurnInModalities{"US", "SC", "XC", "OT", "ES"};

bool isFreeTextVr(DcmEVR vr)
{
    static constexpr DcmEVR kText[] = {EVR_AE, EVR_LO, EVR_LT, EVR_PN, EVR_SH, EVR_ST, EVR_UC, EVR_UR, EVR_UT};
    return std::find(std::begin(kText), std::end(kText), vr) != std::end(kText);
}

bool isTemporalVr(DcmEVR vr)
{
    return vr == EVR_DA || vr == EVR_DT || vr == EVR_TM;
}

// A value valid for `vr` that carries nothing from the original, in DcmElement::putString's
// syntax (binary VRs: hexadecimal bytes or words).
std::string dummyValue(DcmEVR vr)
{
    static const std::map<DcmEVR, const char*> kDummies{
        {EVR_AE, "ANONYMOUS"}, {EVR_AS, "000Y"},   {EVR_DA, "19000101"}, {EVR_DT, "19000101000000"},
        {EVR_TM, "000000"},    {EVR_DS, "0"},      {EVR_IS, "0"},        {EVR_FL, "0"},
        {EVR_FD, "0"},         {EVR_SL, "0"},      {EVR_SS, "0"},        {EVR_UL, "0"},
        {EVR_US, "0"},         {EVR_SV, "0"},      {EVR_UV, "0"},        {EVR_OF, "0"},
        {EVR_OD, "0"},         {EVR_OL, "0"},      {EVR_OV, "0"},        {EVR_AT, "(0000,0000)"},
        {EVR_OB, "00\\00"},    {EVR_UN, "00\\00"}, {EVR_OW, "0000"},     {EVR_UR, "urn:anonymized"}};
    const auto found = kDummies.find(vr);
    return found != kDummies.end() ? found->second : "ANONYMIZED"; // CS, LO, LT, PN, SH, ST, UC, UT
}

std::vector<std::string> split(const std::string& text)
{
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t end; (end = text.find('\\', start)) != std::string::npos; start = end + 1)
        parts.push_back(text.substr(start, end - start));
    parts.push_back(text.substr(start));
    return parts;
}

std::string join(const std::vector<std::string>& parts)
{
    std::string text;
    for (size_t i = 0; i < parts.size(); ++i)
        text += (i ? "\\" : "") + parts[i];
    return text;
}

std::string trimmed(const std::string& text)
{
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(std::string(" \t\r\n\0", 5)) - first + 1);
}

// The element's values as text; an element of unknown VR (UN) is read as its raw bytes.
std::string textOf(DcmElement& element)
{
    if (element.ident() == EVR_UN) {
        Uint8* data = nullptr;
        if (element.getUint8Array(data).bad() || !data)
            return {};
        std::string raw(reinterpret_cast<const char*>(data), element.getLength());
        while (!raw.empty() && (raw.back() == '\0' || raw.back() == ' '))
            raw.pop_back();
        return raw;
    }
    OFString value;
    element.getOFStringArray(value);
    return std::string(value.c_str(), value.length());
}

std::string stringOf(DcmItem& item, const DcmTagKey& key)
{
    OFString value;
    item.findAndGetOFStringArray(key, value);
    return trimmed(std::string(value.c_str(), value.length()));
}

// 128-bit big-endian number to decimal.
std::string decimal(std::array<unsigned char, 16> number)
{
    std::string digits;
    for (bool nonZero = true; nonZero;) {
        unsigned remainder = 0;
        nonZero = false;
        for (unsigned char& byte : number) {
            const unsigned value = (remainder << 8) | byte;
            byte = static_cast<unsigned char>(value / 10);
            remainder = value % 10;
            nonZero = nonZero || byte != 0;
        }
        digits.push_back(char('0' + remainder));
    }
    std::reverse(digits.begin(), digits.end());
    return digits;
}

struct FileContext {
    const std::string& path;
    std::vector<std::string>& warnings;
};

} // namespace

int DeidentifyReport::written() const
{
    return int(std::count_if(files.begin(), files.end(), [](const auto& f) { return !f.output.empty(); }));
}

int DeidentifyReport::failed() const
{
    return int(std::count_if(files.begin(), files.end(), [](const auto& f) { return !f.ok(); }));
}

int DeidentifyReport::warningCount() const
{
    int count = 0;
    for (const auto& f : files)
        count += int(f.warnings.size());
    return count;
}

struct DicomDeidentifier::Impl {
    DeidentifyOptions options;
    deid::ProfileOptions profile;
    QByteArray salt;
    std::map<std::string, int> patients;              // Patient ID (or name) -> pseudonym number
    std::map<std::string, std::string> writtenInputs; // output file -> the input written to it

    std::string mapUid(const std::string& uid) const
    {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(salt);
        hash.addData(QByteArray(1, '\0'));
        hash.addData(QByteArray::fromStdString(uid));
        const QByteArray digest = hash.result();
        std::array<unsigned char, 16> number{};
        std::copy_n(reinterpret_cast<const unsigned char*>(digest.constData()), number.size(), number.begin());
        return "2.25." + decimal(number);
    }

    // Replaces the element at `index` by one of `vr` holding `value` (UN elements get the
    // table's VR this way). Returns false when DCMTK refuses the value.
    static bool replaceValue(DcmItem& item, unsigned long index, DcmEVR vr, const std::string& value)
    {
        DcmElement* element = nullptr;
        const DcmElement& old = *item.getElement(index);
        const DcmTag tag(DcmTagKey(old.getGTag(), old.getETag()), DcmVR(vr));
        if (DcmItem::newDicomElementWithVR(element, tag).bad() || !element)
            return false;
        if (element->putString(value.c_str()).bad() || item.insert(element, OFTrue).bad()) {
            delete element;
            return false;
        }
        return true;
    }

    // The VR a value is written with: the element's, or the table's for an unknown (UN) one.
    static DcmEVR valueVr(DcmElement& element, const ProfileAttribute& row)
    {
        if (element.ident() != EVR_UN || !*row.vr)
            return element.ident();
        const DcmEVR vr = DcmVR(row.vr).getEVR();
        return vr == EVR_SQ || vr == EVR_UNKNOWN ? EVR_UN : vr;
    }

    void replaceUids(DcmItem& item, unsigned long index, const ProfileAttribute& row, FileContext& context) const
    {
        DcmElement& element = *item.getElement(index);
        std::vector<std::string> uids = split(textOf(element));
        for (std::string& uid : uids)
            if (!(uid = trimmed(uid)).empty())
                uid = mapUid(uid);
        if (!replaceValue(item, index, valueVr(element, row), join(uids))) {
            delete item.remove(index);
            context.warnings.push_back(context.path + ": " + row.keyword + " could not be remapped; removed");
        }
    }

    // Modified Dates: DA values and the date part of DT values move by shiftDays.
    void shiftDates(DcmItem& item, unsigned long index, const ProfileAttribute& row, FileContext& context) const
    {
        DcmElement& element = *item.getElement(index);
        const DcmEVR vr = valueVr(element, row);
        if (vr != EVR_DA && vr != EVR_DT)
            return; // times and time zone offsets are kept
        std::vector<std::string> values = split(textOf(element));
        bool valid = true;
        for (std::string& value : values) {
            value = trimmed(value);
            if (value.empty())
                continue;
            const QDate date =
                QDate::fromString(QString::fromStdString(value.substr(0, 8)), QStringLiteral("yyyyMMdd"));
            if (value.size() < 8 || (vr == EVR_DA && value.size() != 8) || !date.isValid()) {
                valid = false;
                break;
            }
            value =
                date.addDays(options.shiftDays).toString(QStringLiteral("yyyyMMdd")).toStdString() + value.substr(8);
        }
        if (!valid || !replaceValue(item, index, vr, join(values))) {
            item.getElement(index)->clear();
            context.warnings.push_back(context.path + ": " + row.keyword + " holds no valid date to shift; emptied");
        }
    }

    void processSequence(DcmElement& element, FileContext& context, bool dummyItems)
    {
        auto& sequence = static_cast<DcmSequenceOfItems&>(element);
        for (unsigned long i = 0; i < sequence.card(); ++i)
            processItem(*sequence.getItem(i), context, dummyItems);
    }

    void apply(DcmItem& item, unsigned long index, const ProfileAttribute& row, FileContext& context, bool dummyItems)
    {
        DcmElement& element = *item.getElement(index);
        const bool sequence = element.ident() == EVR_SQ;
        switch (deid::resolveAction(row, profile)) {
        case Action::X:
            delete item.remove(index);
            return;
        case Action::Z:
            element.clear();
            return;
        case Action::K:
            if (sequence)
                processSequence(element, context, dummyItems);
            return;
        case Action::C:
            shiftDates(item, index, row, context);
            return;
        case Action::U:
            if (sequence)
                processSequence(element, context, dummyItems); // U*: the UIDs in its items
            else
                replaceUids(item, index, row, context);
            return;
        case Action::D:
            if (sequence) {
                processSequence(element, context, true);
            } else if (valueVr(element, row) == EVR_UI) {
                replaceUids(item, index, row, context);
            } else if (!replaceValue(item, index, valueVr(element, row), dummyValue(valueVr(element, row)))) {
                delete item.remove(index);
                context.warnings.push_back(context.path + ": " + row.keyword + " could not be replaced; removed");
            }
            return;
        default:
            delete item.remove(index); // resolveAction returns simple codes only
        }
    }

    void processItem(DcmItem& item, FileContext& context, bool dummyItems)
    {
        std::set<Uint16> overlaysRemoved;
        for (unsigned long i = 0; i < item.card(); ++i) {
            const DcmTagKey key = item.getElement(i)->getTag();
            if ((key.getGroup() & 0xFF01) == 0x6000 && key.getElement() == 0x3000)
                overlaysRemoved.insert(key.getGroup());
        }
        // Backwards, so removing an element leaves the indices still to visit alone.
        for (unsigned long i = item.card(); i-- > 0;) {
            DcmElement& element = *item.getElement(i);
            const DcmTagKey key = element.getTag();
            if (key.getGroup() % 2 == 1 || overlaysRemoved.count(key.getGroup())) {
                delete item.remove(i);
                continue;
            }
            if (const ProfileAttribute* row = deid::findProfileAttribute(key.getGroup(), key.getElement())) {
                apply(item, i, *row, context, dummyItems);
                continue;
            }
            const DcmEVR vr = element.ident();
            if (vr == EVR_SQ) {
                processSequence(element, context, dummyItems);
            } else if (dummyItems && (isFreeTextVr(vr) || isTemporalVr(vr))) {
                // Unlisted text inside a D sequence: a dummy, dates as the options say.
                const std::string keyword = DcmTag(key).getTagName();
                const ProfileAttribute unlisted{key.getGroup(),  key.getElement(),
                                                keyword.c_str(), DcmVR(vr).getVRName(),
                                                Action::D,       std::uint8_t(isTemporalVr(vr) ? deid::kTemporal : 0)};
                apply(item, i, unlisted, context, dummyItems);
            }
        }
    }

    std::string pseudonymNumber(DcmDataset& dataset)
    {
        std::string key = stringOf(dataset, DCM_PatientID);
        key = key.empty() ? "name:" + stringOf(dataset, DCM_PatientName) : "id:" + key;
        const auto found = patients.emplace(key, int(patients.size()) + 1).first;
        char number[16];
        std::snprintf(number, sizeof number, "%04d", found->second);
        return number;
    }

    void burnedInWarnings(DcmDataset& dataset, FileContext& context) const
    {
        if (!dataset.tagExists(DCM_PixelData) && !dataset.tagExists(DCM_FloatPixelData) &&
            !dataset.tagExists(DCM_DoubleFloatPixelData))
            return;
        const std::string burnedIn = stringOf(dataset, DCM_BurnedInAnnotation);
        const std::string modality = stringOf(dataset, DCM_Modality);
        if (burnedIn == "YES")
            context.warnings.push_back(
                context.path + ": Burned In Annotation is YES: text in the pixels is not removed; check the images");
        else if (burnedIn.empty() &&
                 std::find(kBurnInModalities.begin(), kBurnInModalities.end(), modality) != kBurnInModalities.end())
            context.warnings.push_back(context.path + ": " + modality +
                                       " image without Burned In Annotation: such images often carry text in "
                                       "the pixels, which is not removed; check them");
    }

    void addMethodAttributes(DcmDataset& dataset, const std::vector<std::string>& method) const
    {
        dataset.putAndInsertString(DCM_PatientIdentityRemoved, "YES");
        std::string text = stringOf(dataset, DCM_DeidentificationMethod);
        for (const std::string& value : method)
            text += (text.empty() ? "" : "\\") + value;
        dataset.putAndInsertString(DCM_DeidentificationMethod, text.c_str());
        std::vector<MethodCode> codes{kBasicCode};
        if (options.dates == DeidentifyOptions::Dates::Keep)
            codes.push_back(kFullDatesCode);
        if (options.dates == DeidentifyOptions::Dates::Shift)
            codes.push_back(kModifiedDatesCode);
        if (options.keepPatientCharacteristics)
            codes.push_back(kPatientCode);
        for (const MethodCode& code : codes) {
            DcmItem* item = nullptr;
            if (dataset.findOrCreateSequenceItem(DCM_DeidentificationMethodCodeSequence, item, -2).good()) {
                item->putAndInsertString(DCM_CodeValue, code.value);
                item->putAndInsertString(DCM_CodingSchemeDesignator, "DCM");
                item->putAndInsertString(DCM_CodeMeaning, code.meaning);
            }
        }
        const char* temporal = options.dates == DeidentifyOptions::Dates::Keep    ? "UNMODIFIED"
                               : options.dates == DeidentifyOptions::Dates::Shift ? "MODIFIED"
                                                                                  : "REMOVED";
        dataset.putAndInsertString(DCM_LongitudinalTemporalInformationModified, temporal);
    }

    DeidentifiedFile processFile(const std::string& input, const fs::path& outDir,
                                 const std::vector<std::string>& method)
    {
        DeidentifiedFile result;
        result.input = input;
        FileContext context{input, result.warnings};
        auto fail = [&](const std::string& problem) {
            result.error = input + ": " + problem;
            return result;
        };

        DcmFileFormat file;
        const OFCondition loaded =
            file.loadFile(input.c_str(), EXS_Unknown, EGL_noChange, DCM_MaxReadLength, ERM_autoDetect);
        if (loaded == EC_StreamNotifyClient)
            return fail("not a DICOM file, or cut short (the data ends early)");
        if (loaded.bad())
            return fail(std::string("not a readable DICOM file: ") + loaded.text());
        DcmDataset& dataset = *file.getDataset();
        if (stringOf(*file.getMetaInfo(), DCM_MediaStorageSOPClassUID) == UID_MediaStorageDirectoryStorage) {
            result.warnings.push_back(input + ": a DICOMDIR, not copied (make a new one for the output)");
            return result;
        }
        const std::string sopInstance = stringOf(dataset, DCM_SOPInstanceUID);
        const std::string study = stringOf(dataset, DCM_StudyInstanceUID);
        const std::string series = stringOf(dataset, DCM_SeriesInstanceUID);
        if (sopInstance.empty() || stringOf(dataset, DCM_SOPClassUID).empty())
            return fail("not a DICOM instance (no SOP Class or SOP Instance UID)");
        if (study.empty() || series.empty())
            return fail("has no Study or Series Instance UID");
        E_TransferSyntax xfer = dataset.getOriginalXfer();
        if (xfer == EXS_Unknown)
            xfer = EXS_LittleEndianExplicit;

        const std::string newSop = mapUid(sopInstance);
        const fs::path folder = outDir / mapUid(study) / mapUid(series);
        const fs::path target = folder / (newSop + ".dcm");
        const auto duplicate = writtenInputs.find(target.string());
        if (duplicate != writtenInputs.end()) {
            result.warnings.push_back(input + ": the same instance as " + duplicate->second + "; written once");
            return result;
        }

        burnedInWarnings(dataset, context);
        const std::string pseudonym = pseudonymNumber(dataset);
        processItem(dataset, context, false);
        dataset.putAndInsertString(DCM_PatientName, ("ANON^" + pseudonym).c_str());
        dataset.putAndInsertString(DCM_PatientID, ("ANON" + pseudonym).c_str());
        addMethodAttributes(dataset, method);

        // The meta header is made anew from the dataset (SOP Class and Instance UIDs).
        file.getMetaInfo()->clear();
        const fs::path temporary = folder / (newSop + ".dcm.part");
        std::error_code ec;
        fs::create_directories(folder, ec);
        if (ec)
            return fail("cannot create output folder " + folder.string() + ": " + ec.message());
        const OFCondition saved = file.saveFile(temporary.c_str(), xfer);
        if (saved.bad()) {
            fs::remove(temporary, ec);
            return fail(std::string("cannot write the de-identified copy: ") + saved.text());
        }
        fs::rename(temporary, target, ec);
        if (ec) {
            fs::remove(temporary, ec);
            return fail("cannot rename the de-identified copy into place: " + ec.message());
        }
        writtenInputs.emplace(target.string(), input);
        result.output = target.string();
        return result;
    }
};

DicomDeidentifier::DicomDeidentifier(DeidentifyOptions options) : m_impl(std::make_unique<Impl>())
{
    m_impl->options = std::move(options);
    m_impl->profile.retainFullDates = m_impl->options.dates == DeidentifyOptions::Dates::Keep;
    m_impl->profile.modifiedDates = m_impl->options.dates == DeidentifyOptions::Dates::Shift;
    m_impl->profile.retainPatientCharacteristics = m_impl->options.keepPatientCharacteristics;
    if (m_impl->options.salt.empty()) {
        std::array<quint32, 8> random{};
        QRandomGenerator::system()->fillRange(random.data(), random.size());
        m_impl->salt = QByteArray(reinterpret_cast<const char*>(random.data()), int(sizeof random));
    } else {
        m_impl->salt = QByteArray::fromStdString(m_impl->options.salt);
    }
}

DicomDeidentifier::~DicomDeidentifier() = default;

std::string DicomDeidentifier::mappedUid(const std::string& uid) const
{
    return m_impl->mapUid(trimmed(uid));
}

std::vector<std::string> DicomDeidentifier::methodDescription() const
{
    std::vector<std::string> values{kProfileName};
    if (m_impl->options.dates == DeidentifyOptions::Dates::Keep)
        values.emplace_back(kFullDatesCode.meaning);
    if (m_impl->options.dates == DeidentifyOptions::Dates::Shift)
        values.emplace_back(kModifiedDatesCode.meaning);
    if (m_impl->options.keepPatientCharacteristics)
        values.emplace_back(kPatientCode.meaning);
    return values;
}

DeidentifyReport DicomDeidentifier::run(const std::string& input, const std::string& outDir, const TaskControl& control)
{
    std::error_code ec;
    if (!fs::exists(input, ec))
        throw IoError(input, "no such file or folder");
    if (fs::is_directory(input, ec)) {
        // Output inside the input would mix de-identified files with the originals.
        auto normal = [&ec](const std::string& path) {
            const fs::path p = fs::weakly_canonical(path, ec);
            return p.filename().empty() ? p.parent_path() : p;
        };
        const fs::path in = normal(input);
        const fs::path out = normal(outDir);
        const auto [inEnd, outEnd] = std::mismatch(in.begin(), in.end(), out.begin(), out.end());
        if (inEnd == in.end())
            throw IoError(outDir, "is inside the input folder; choose a folder outside it");
    }
    return run(DicomSeriesReader::listFilesUnder(input, control), outDir, control);
}

DeidentifyReport DicomDeidentifier::run(const std::vector<std::string>& files, const std::string& outDir,
                                        const TaskControl& control)
{
    dicom::initialiseDcmtk();
    std::error_code ec;
    fs::create_directories(outDir, ec);
    if (ec || !fs::is_directory(outDir, ec))
        throw IoError(outDir, "cannot create the output folder" + (ec ? ": " + ec.message() : std::string()));
    const std::vector<std::string> method = methodDescription();
    DeidentifyReport report;
    report.files.reserve(files.size());
    for (size_t i = 0; i < files.size(); ++i) {
        if (control.cancelled())
            throw OperationCancelled{};
        report.files.push_back(m_impl->processFile(files[i], outDir, method));
        control.report(double(i + 1) / double(files.size()), "de-identifying DICOM files");
    }
    return report;
}

} // namespace radpath::viewer

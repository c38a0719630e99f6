#include "viewer/io/DicomPixelDecoder.h"

#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/oflog/oflog.h>
// Debian's OpenJPEG by its versioned path: ITK's include path carries its own, older copy.
#include <openjpeg-2.5/openjpeg.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mutex>

namespace radpath::viewer::dicom {
namespace {

double getDouble(DcmItem& item, const DcmTagKey& key, unsigned long pos, double fallback)
{
    Float64 value = 0;
    return item.findAndGetFloat64(key, value, pos).good() ? double(value) : fallback;
}

bool isJpeg2000(const std::string& uid)
{
    return uid == UID_JPEG2000LosslessOnlyTransferSyntax || uid == UID_JPEG2000TransferSyntax;
}

// ---- JPEG 2000 through OpenJPEG (DCMTK has no codec for it) ----

struct MemoryStream {
    const std::uint8_t* data;
    OPJ_SIZE_T size;
    OPJ_SIZE_T offset;
};

OPJ_SIZE_T readStream(void* buffer, OPJ_SIZE_T bytes, void* user)
{
    auto* m = static_cast<MemoryStream*>(user);
    if (m->offset >= m->size)
        return OPJ_SIZE_T(-1);
    const OPJ_SIZE_T n = std::min(bytes, m->size - m->offset);
    std::memcpy(buffer, m->data + m->offset, n);
    m->offset += n;
    return n;
}

OPJ_OFF_T skipStream(OPJ_OFF_T bytes, void* user)
{
    auto* m = static_cast<MemoryStream*>(user);
    const OPJ_OFF_T target = std::clamp<OPJ_OFF_T>(OPJ_OFF_T(m->offset) + bytes, 0, OPJ_OFF_T(m->size));
    const OPJ_OFF_T moved = target - OPJ_OFF_T(m->offset);
    m->offset = OPJ_SIZE_T(target);
    return moved;
}

OPJ_BOOL seekStream(OPJ_OFF_T position, void* user)
{
    auto* m = static_cast<MemoryStream*>(user);
    if (position < 0 || OPJ_SIZE_T(position) > m->size)
        return OPJ_FALSE;
    m->offset = OPJ_SIZE_T(position);
    return OPJ_TRUE;
}

// Samples of one decoded J2K frame, interleaved, as stored integers.
std::vector<std::int32_t> decodeJpeg2000(const std::vector<std::uint8_t>& bytes, const PixelFormat& f,
                                         const std::string& path)
{
    const bool jp2 = bytes.size() > 8 && bytes[4] == 'j' && bytes[5] == 'P';
    opj_codec_t* codec = opj_create_decompress(jp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K);
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    opj_setup_decoder(codec, &parameters);
    MemoryStream memory{bytes.data(), bytes.size(), 0};
    opj_stream_t* stream = opj_stream_default_create(OPJ_TRUE);
    opj_stream_set_user_data(stream, &memory, nullptr);
    opj_stream_set_user_data_length(stream, bytes.size());
    opj_stream_set_read_function(stream, readStream);
    opj_stream_set_skip_function(stream, skipStream);
    opj_stream_set_seek_function(stream, seekStream);
    opj_image_t* image = nullptr;
    const bool ok = opj_read_header(stream, codec, &image) && opj_decode(codec, stream, image) &&
                    opj_end_decompress(codec, stream);
    opj_stream_destroy(stream);
    opj_destroy_codec(codec);
    if (!ok || !image) {
        opj_image_destroy(image);
        throw IoError(path, "the JPEG 2000 pixel data could not be decoded");
    }
    const int comps = int(image->numcomps);
    if (comps != f.samples || int(image->comps[0].w) != f.columns || int(image->comps[0].h) != f.rows) {
        opj_image_destroy(image);
        throw IoError(path, "the JPEG 2000 image does not match Rows, Columns and SamplesPerPixel");
    }
    const size_t pixels = size_t(f.rows) * size_t(f.columns);
    std::vector<std::int32_t> samples(pixels * size_t(comps));
    for (int c = 0; c < comps; ++c)
        for (size_t i = 0; i < pixels; ++i)
            samples[i * size_t(comps) + size_t(c)] = image->comps[c].data[i];
    opj_image_destroy(image);
    return samples;
}

// The compressed bytes of one frame of encapsulated pixel data (`what` names the codec).
std::vector<std::uint8_t> encapsulatedFrame(DcmDataset& ds, const PixelFormat& f, int frame, const std::string& path,
                                            const std::string& what)
{
    DcmElement* element = nullptr;
    ds.findAndGetElement(DCM_PixelData, element);
    auto* pixelData = dynamic_cast<DcmPixelData*>(element);
    DcmPixelSequence* sequence = nullptr;
    if (!pixelData || pixelData->getEncapsulatedRepresentation(DcmXfer(f.transferSyntax.c_str()).getXfer(), nullptr,
                                                               sequence).bad() || !sequence)
        throw IoError(path, "the " + what + " pixel data is not encapsulated as DICOM requires");
    const unsigned long fragments = sequence->card(); // item 0 is the offset table
    std::vector<std::uint8_t> bytes;
    auto append = [&](unsigned long index) {
        DcmPixelItem* item = nullptr;
        Uint8* data = nullptr;
        if (sequence->getItem(item, index).good() && item->getUint8Array(data).good() && data)
            bytes.insert(bytes.end(), data, data + item->getLength());
    };
    if (f.frames == 1)
        for (unsigned long i = 1; i < fragments; ++i)
            append(i);
    else if (fragments == static_cast<unsigned long>(f.frames) + 1)
        append(static_cast<unsigned long>(frame) + 1);
    else
        throw IoError(path, "multi-frame " + what + " with several fragments per frame is not supported");
    if (bytes.empty())
        throw IoError(path, "the " + what + " pixel data is empty");
    return bytes;
}

// DICOM RLE (PS3.5 Annex G), decoded here with every offset and run checked: DCMTK's own
// decoder can crash on damaged data. Returns interleaved little-endian samples.
std::vector<std::uint8_t> decodeRle(const std::vector<std::uint8_t>& data, const PixelFormat& f, const std::string& path)
{
    auto fail = [&](const char* why) { return IoError(path, std::string("the RLE pixel data is damaged: ") + why); };
    if (data.size() < 64)
        throw fail("no segment header");
    auto u32 = [&](size_t at) {
        return std::uint32_t(data[at]) | std::uint32_t(data[at + 1]) << 8 | std::uint32_t(data[at + 2]) << 16 |
               std::uint32_t(data[at + 3]) << 24;
    };
    const size_t bytesPerSample = size_t(f.bitsAllocated / 8);
    const size_t segments = size_t(f.samples) * bytesPerSample;
    if (u32(0) != segments || segments > 15)
        throw fail("wrong number of segments");
    const size_t pixels = size_t(f.rows) * size_t(f.columns);
    std::vector<std::uint8_t> out(pixels * segments);
    for (size_t s = 0; s < segments; ++s) {
        const size_t begin = u32(4 + 4 * s);
        const size_t end = s + 1 < segments ? u32(4 + 4 * (s + 1)) : data.size();
        if (begin < 64 || begin > end || end > data.size())
            throw fail("a segment lies outside the data");
        // Segment s holds byte (bytesPerSample - 1 - s % bytesPerSample) of sample s / bytesPerSample.
        const size_t sample = s / bytesPerSample, byte = bytesPerSample - 1 - s % bytesPerSample;
        size_t written = 0;
        for (size_t at = begin; at < end && written < pixels;) {
            const int n = static_cast<std::int8_t>(data[at++]);
            if (n >= 0) { // literal run of n + 1 bytes
                const size_t count = size_t(n) + 1;
                if (at + count > end)
                    throw fail("a literal run passes the segment end");
                for (size_t k = 0; k < count && written < pixels; ++k, ++written)
                    out[(written * size_t(f.samples) + sample) * bytesPerSample + byte] = data[at + k];
                at += count;
            } else if (n != -128) { // replicate the next byte 1 - n times
                if (at >= end)
                    throw fail("a repeat run passes the segment end");
                const size_t count = size_t(1 - n);
                for (size_t k = 0; k < count && written < pixels; ++k, ++written)
                    out[(written * size_t(f.samples) + sample) * bytesPerSample + byte] = data[at];
                ++at;
            }
        }
        if (written < pixels)
            throw fail("a segment is shorter than the image");
    }
    return out;
}

// ---- stored samples to values ----

std::int32_t unpack(const std::uint8_t* raw, size_t index, const PixelFormat& f)
{
    std::uint32_t v = 0;
    switch (f.bitsAllocated) {
    case 8: v = raw[index]; break;
    case 16: v = std::uint32_t(raw[2 * index]) | std::uint32_t(raw[2 * index + 1]) << 8; break;
    default:
        v = std::uint32_t(raw[4 * index]) | std::uint32_t(raw[4 * index + 1]) << 8 |
            std::uint32_t(raw[4 * index + 2]) << 16 | std::uint32_t(raw[4 * index + 3]) << 24;
    }
    if (f.bitsStored < 32) {
        v &= (1u << f.bitsStored) - 1u;
        if (f.isSigned && (v & (1u << (f.bitsStored - 1))))
            return std::int32_t(std::int64_t(v) - (std::int64_t(1) << f.bitsStored));
    }
    return f.isSigned ? std::int32_t(v) : std::int32_t(std::min<std::uint32_t>(v, 0x7fffffffu));
}

void ybrToRgb(double& a, double& b, double& c)
{
    const double y = a, cb = b - 128.0, cr = c - 128.0;
    a = std::clamp(y + 1.402 * cr, 0.0, 255.0);
    b = std::clamp(y - 0.344136 * cb - 0.714136 * cr, 0.0, 255.0);
    c = std::clamp(y + 1.772 * cb, 0.0, 255.0);
}

} // namespace

void initialiseDcmtk()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // DCMTK would print its warnings and errors to stderr; RadPath reports them itself.
        OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
        dcmEnableUnknownVRConversion.set(OFTrue);
        DJDecoderRegistration::registerCodecs();
        DJLSDecoderRegistration::registerCodecs();
        DcmRLEDecoderRegistration::registerCodecs();
    });
}

PixelFormat readPixelFormat(DcmDataset& ds, const std::string& path)
{
    if (!ds.tagExists(DCM_PixelData) && !ds.tagExists(DCM_FloatPixelData))
        throw IoError(path, "the file holds no pixel data");
    PixelFormat f;
    Uint16 rows = 0, cols = 0, bitsAllocated = 0, bitsStored = 0, pixelRep = 0, samples = 1, planar = 0;
    ds.findAndGetUint16(DCM_Rows, rows);
    ds.findAndGetUint16(DCM_Columns, cols);
    ds.findAndGetUint16(DCM_BitsAllocated, bitsAllocated);
    ds.findAndGetUint16(DCM_BitsStored, bitsStored);
    ds.findAndGetUint16(DCM_PixelRepresentation, pixelRep);
    ds.findAndGetUint16(DCM_SamplesPerPixel, samples);
    ds.findAndGetUint16(DCM_PlanarConfiguration, planar);
    Sint32 frames = 1;
    if (ds.findAndGetSint32(DCM_NumberOfFrames, frames).bad() || frames < 1)
        frames = 1;
    OFString photometric;
    ds.findAndGetOFString(DCM_PhotometricInterpretation, photometric);
    f.rows = rows;
    f.columns = cols;
    f.frames = frames;
    f.samples = samples;
    f.bitsAllocated = bitsAllocated;
    f.bitsStored = (bitsStored == 0 || bitsStored > bitsAllocated) ? bitsAllocated : bitsStored;
    f.isSigned = pixelRep == 1;
    f.planar = planar == 1;
    f.photometric = photometric.c_str();
    f.transferSyntax = DcmXfer(ds.getOriginalXfer()).getXferID();
    if (rows == 0 || cols == 0)
        throw IoError(path, "Rows or Columns is missing or zero");
    if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32)
        throw IoError(path, "BitsAllocated " + std::to_string(bitsAllocated) + " is not supported");
    if (samples != 1 && samples != 3)
        throw IoError(path, "SamplesPerPixel " + std::to_string(samples) + " is not supported");
    if (f.photometric == "PALETTE COLOR") {
        if (samples != 1 || bitsAllocated == 32)
            throw IoError(path, "PALETTE COLOR needs one 8- or 16-bit sample per pixel");
        f.palette = std::make_shared<const Palette>(readPalette(ds, f.isSigned, path));
        f.samples = 3;
        return f;
    }
    if (samples == 1) {
        f.slope = getDouble(ds, DCM_RescaleSlope, 0, 1.0);
        f.intercept = getDouble(ds, DCM_RescaleIntercept, 0, 0.0);
        OFString modality;
        ds.findAndGetOFString(DCM_Modality, modality);
        if (modality == "RTDOSE") // stored values times DoseGridScaling are Gy
            f.slope *= getDouble(ds, DCM_DoseGridScaling, 0, 1.0);
        if (f.slope == 0.0)
            f.slope = 1.0;
        Lut lut = readModalityLut(ds, f.isSigned, path, f.modalityLutType);
        if (!lut.empty()) { // the table replaces slope and intercept
            f.modalityLut = std::make_shared<const Lut>(std::move(lut));
            f.slope = 1.0;
            f.intercept = 0.0;
        }
        if (ds.tagExists(DCM_PixelPaddingValue)) {
            f.hasPadding = true;
            Sint32 signedPad = 0;
            Uint16 unsignedPad = 0;
            if (f.isSigned && ds.findAndGetSint32(DCM_PixelPaddingValue, signedPad).good())
                f.padding = signedPad;
            else if (ds.findAndGetUint16(DCM_PixelPaddingValue, unsignedPad).good())
                f.padding = f.isSigned ? double(Sint16(unsignedPad)) : double(unsignedPad);
        }
    }
    return f;
}

std::vector<double> decodeFrame(DcmDataset& ds, const PixelFormat& f, int frame, const std::string& path)
{
    if (f.palette) { // decode the indices as grey, then look each up in the three tables
        PixelFormat indices = f;
        indices.palette.reset();
        indices.samples = 1;
        indices.photometric = "MONOCHROME2";
        const std::vector<double> stored = decodeFrame(ds, indices, frame, path);
        std::vector<double> rgb(stored.size() * 3);
        for (size_t p = 0; p < stored.size(); ++p) {
            const auto index = std::int64_t(stored[p]);
            rgb[3 * p] = f.palette->red(index);
            rgb[3 * p + 1] = f.palette->green(index);
            rgb[3 * p + 2] = f.palette->blue(index);
        }
        return rgb;
    }
    const size_t pixels = size_t(f.rows) * size_t(f.columns);
    const size_t count = pixels * size_t(f.samples);
    std::vector<double> out(count);
    std::string photometric = f.photometric;

    if (isJpeg2000(f.transferSyntax)) {
        const std::vector<std::int32_t> samples = decodeJpeg2000(encapsulatedFrame(ds, f, frame, path, "JPEG 2000"), f, path);
        for (size_t i = 0; i < count; ++i)
            out[i] = samples[i];
        // OpenJPEG undoes the colour transform of YBR_RCT / YBR_ICT: the samples are RGB.
        if (photometric.rfind("YBR_RCT", 0) == 0 || photometric.rfind("YBR_ICT", 0) == 0)
            photometric = "RGB";
        // Signedness follows PixelRepresentation, whatever the codestream says.
        if (f.samples == 1 && f.bitsStored < 32)
            for (double& v : out) {
                const std::uint32_t bits = std::uint32_t(std::int64_t(v)) & ((1u << f.bitsStored) - 1u);
                v = (f.isSigned && (bits & (1u << (f.bitsStored - 1)))) ? double(std::int64_t(bits) - (std::int64_t(1) << f.bitsStored))
                                                                         : double(bits);
            }
    } else {
        DcmElement* element = nullptr;
        ds.findAndGetElement(DCM_PixelData, element);
        auto* pixelData = dynamic_cast<DcmPixelData*>(element);
        if (!pixelData)
            throw IoError(path, "the file holds no pixel data");
        const bool encapsulated = DcmXfer(f.transferSyntax.c_str()).isEncapsulated();
        const bool subsampled = photometric == "YBR_FULL_422" && !encapsulated;
        const size_t frameBytes = (subsampled ? pixels * 2 : count) * size_t(f.bitsAllocated / 8);
        std::vector<std::uint8_t> raw;
        const bool rle = f.transferSyntax == UID_RLELosslessTransferSyntax;
        if (rle) {
            raw = decodeRle(encapsulatedFrame(ds, f, frame, path, "RLE"), f, path);
        } else if (!encapsulated) {
            // Native data: the frame's bytes straight from the element (host order, which
            // is little endian here), after checking the element holds every frame.
            const Uint8* bytes = nullptr;
            if (pixelData->getVR() == EVR_OB) {
                pixelData->getUint8Array(const_cast<Uint8*&>(bytes));
            } else {
                Uint16* words = nullptr;
                pixelData->getUint16Array(words);
                bytes = reinterpret_cast<const Uint8*>(words);
            }
            const size_t length = pixelData->getLength();
            if (!bytes || length < frameBytes * size_t(frame + 1))
                throw IoError(path, "pixel data is shorter than Rows x Columns x frames: the file is truncated");
            raw.assign(bytes + frameBytes * size_t(frame), bytes + frameBytes * size_t(frame + 1));
            // OW is swapped word by word: a big endian 32-bit sample still has its halves swapped.
            if (f.bitsAllocated == 32 && DcmXfer(f.transferSyntax.c_str()).getByteOrder() == EBO_BigEndian)
                for (size_t i = 0; i + 3 < raw.size(); i += 4) {
                    std::swap(raw[i], raw[i + 2]);
                    std::swap(raw[i + 1], raw[i + 3]);
                }
        } else {
            // DCMTK may round a frame up to an even length.
            Uint32 dcmtkFrameSize = 0;
            pixelData->getUncompressedFrameSize(&ds, dcmtkFrameSize);
            raw.resize(std::max<size_t>(frameBytes, dcmtkFrameSize));
            Uint32 startFragment = 0;
            OFString decodedColour;
            const OFCondition c = pixelData->getUncompressedFrame(&ds, Uint32(frame), startFragment, raw.data(),
                                                                  Uint32(raw.size()), decodedColour);
            if (c.bad())
                throw IoError(path, std::string("pixel data could not be decoded (") +
                                        DcmXfer(f.transferSyntax.c_str()).getXferName() + "): " + c.text());
            if (!decodedColour.empty())
                photometric = decodedColour.c_str();
        }
        if (subsampled && photometric == "YBR_FULL_422") {
            // Y0 Y1 Cb Cr for each pair of pixels.
            for (size_t p = 0; p < pixels; p += 2) {
                const double cb = unpack(raw.data(), p * 2 + 2, f), cr = unpack(raw.data(), p * 2 + 3, f);
                for (size_t k = 0; k < 2 && p + k < pixels; ++k) {
                    out[(p + k) * 3] = unpack(raw.data(), p * 2 + k, f);
                    out[(p + k) * 3 + 1] = cb;
                    out[(p + k) * 3 + 2] = cr;
                }
            }
            photometric = "YBR_FULL";
        } else if (f.samples == 3 && f.planar && !rle) {
            for (size_t p = 0; p < pixels; ++p)
                for (size_t s = 0; s < 3; ++s)
                    out[p * 3 + s] = unpack(raw.data(), s * pixels + p, f);
        } else {
            for (size_t i = 0; i < count; ++i)
                out[i] = unpack(raw.data(), i, f);
        }
    }

    if (f.samples == 3) {
        if (photometric.rfind("YBR_FULL", 0) == 0 && f.bitsAllocated == 8)
            for (size_t p = 0; p < pixels; ++p)
                ybrToRgb(out[p * 3], out[p * 3 + 1], out[p * 3 + 2]);
        return out;
    }
    if (f.modalityLut || f.slope != 1.0 || f.intercept != 0.0)
        for (double& v : out)
            v = f.modalityValue(v);
    return out;
}

bool decodeGreyFrameInto(DcmDataset& ds, const PixelFormat& f, int frame, const std::string& path, bool signedOutput,
                         void* out)
{
    if (f.samples != 1 || f.modalityLut || (f.bitsAllocated != 8 && f.bitsAllocated != 16) || f.slope != 1.0 ||
        std::floor(f.intercept) != f.intercept || DcmXfer(f.transferSyntax.c_str()).isEncapsulated())
        return false;
    DcmElement* element = nullptr;
    ds.findAndGetElement(DCM_PixelData, element);
    auto* pixelData = dynamic_cast<DcmPixelData*>(element);
    if (!pixelData)
        throw IoError(path, "the file holds no pixel data");
    const size_t pixels = size_t(f.rows) * size_t(f.columns);
    const size_t frameBytes = pixels * size_t(f.bitsAllocated / 8);
    if (size_t(pixelData->getLength()) < frameBytes * size_t(frame + 1))
        throw IoError(path, "pixel data is shorter than Rows x Columns x frames: the file is truncated");
    const int intercept = int(f.intercept);
    const int lo = signedOutput ? -32768 : 0, hi = signedOutput ? 32767 : 65535;
    const std::uint32_t mask = f.bitsStored >= 32 ? 0xffffffffu : (1u << f.bitsStored) - 1u;
    const std::uint32_t sign = 1u << (f.bitsStored - 1);
    auto store = [&](size_t i, std::uint32_t raw) {
        std::uint32_t v = raw & mask;
        int value = (f.isSigned && (v & sign)) ? int(std::int64_t(v) - (std::int64_t(1) << f.bitsStored)) : int(v);
        value = std::clamp(value + intercept, lo, hi);
        if (signedOutput)
            static_cast<std::int16_t*>(out)[i] = std::int16_t(value);
        else
            static_cast<std::uint16_t*>(out)[i] = std::uint16_t(value);
    };
    if (f.bitsAllocated == 16) {
        Uint16* words = nullptr;
        if (pixelData->getUint16Array(words).bad() || !words)
            throw IoError(path, "pixel data could not be read");
        const Uint16* src = words + pixels * size_t(frame);
        for (size_t i = 0; i < pixels; ++i)
            store(i, src[i]);
    } else {
        Uint8* bytes = nullptr;
        if (pixelData->getUint8Array(bytes).bad() || !bytes)
            throw IoError(path, "pixel data could not be read");
        const Uint8* src = bytes + pixels * size_t(frame);
        for (size_t i = 0; i < pixels; ++i)
            store(i, src[i]);
    }
    return true;
}

} // namespace radpath::viewer::dicom

#include "viewer/io/NiftiWriter.h"

#include "viewer/io/IoError.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace radpath::viewer {
namespace {

#pragma pack(push, 1)
struct Nifti1Header { // NIfTI-1, 348 bytes
    std::int32_t sizeof_hdr;
    char data_type[10];
    char db_name[18];
    std::int32_t extents;
    std::int16_t session_error;
    char regular;
    char dim_info;
    std::int16_t dim[8];
    float intent_p1, intent_p2, intent_p3;
    std::int16_t intent_code;
    std::int16_t datatype;
    std::int16_t bitpix;
    std::int16_t slice_start;
    float pixdim[8];
    float vox_offset;
    float scl_slope, scl_inter;
    std::int16_t slice_end;
    char slice_code;
    char xyzt_units;
    float cal_max, cal_min;
    float slice_duration;
    float toffset;
    std::int32_t glmax, glmin;
    char descrip[80];
    char aux_file[24];
    std::int16_t qform_code, sform_code;
    float quatern_b, quatern_c, quatern_d;
    float qoffset_x, qoffset_y, qoffset_z;
    float srow_x[4], srow_y[4], srow_z[4];
    char intent_name[16];
    char magic[4];
};
#pragma pack(pop)
static_assert(sizeof(Nifti1Header) == 348, "NIfTI-1 header must be 348 bytes");

std::int16_t niftiType(PixelType type)
{
    switch (type) {
    case PixelType::UInt8: return 2;
    case PixelType::Int16: return 4;
    case PixelType::Int32: return 8;
    case PixelType::Float32: return 16;
    case PixelType::Float64: return 64;
    case PixelType::Int8: return 256;
    case PixelType::UInt16: return 512;
    case PixelType::UInt32: return 768;
    }
    return 0;
}

// Quaternion of a proper rotation (columns are the axes), as the NIfTI standard computes it.
void quaternion(const double r[3][3], float& b, float& c, float& d)
{
    double a = r[0][0] + r[1][1] + r[2][2] + 1.0, qb, qc, qd;
    if (a > 0.5) {
        a = 0.5 * std::sqrt(a);
        qb = 0.25 * (r[2][1] - r[1][2]) / a;
        qc = 0.25 * (r[0][2] - r[2][0]) / a;
        qd = 0.25 * (r[1][0] - r[0][1]) / a;
    } else {
        const double xd = 1.0 + r[0][0] - (r[1][1] + r[2][2]);
        const double yd = 1.0 + r[1][1] - (r[0][0] + r[2][2]);
        const double zd = 1.0 + r[2][2] - (r[0][0] + r[1][1]);
        if (xd > 1.0) {
            qb = 0.5 * std::sqrt(xd);
            qc = 0.25 * (r[0][1] + r[1][0]) / qb;
            qd = 0.25 * (r[0][2] + r[2][0]) / qb;
            a = 0.25 * (r[2][1] - r[1][2]) / qb;
        } else if (yd > 1.0) {
            qc = 0.5 * std::sqrt(yd);
            qb = 0.25 * (r[0][1] + r[1][0]) / qc;
            qd = 0.25 * (r[1][2] + r[2][1]) / qc;
            a = 0.25 * (r[0][2] - r[2][0]) / qc;
        } else {
            qd = 0.5 * std::sqrt(zd);
            qb = 0.25 * (r[0][2] + r[2][0]) / qd;
            qc = 0.25 * (r[1][2] + r[2][1]) / qd;
            a = 0.25 * (r[1][0] - r[0][1]) / qd;
        }
        if (a < 0.0)
            qb = -qb, qc = -qc, qd = -qd;
    }
    b = float(qb), c = float(qc), d = float(qd);
}

} // namespace

void writeNifti(const Volume& volume, const std::string& path)
{
    if (volume.components() != 1)
        throw IoError(path, "NIfTI is written for single-component volumes only");
    const ImageGeometry& g = volume.geometry();
    Nifti1Header h{};
    h.sizeof_hdr = 348;
    h.regular = 'r';
    h.dim[0] = g.size[2] > 1 ? 3 : 2;
    for (int a = 0; a < 3; ++a)
        h.dim[a + 1] = std::int16_t(g.size[size_t(a)]);
    for (int a = 4; a < 8; ++a)
        h.dim[a] = 1;
    if (g.size[0] > 32767 || g.size[1] > 32767 || g.size[2] > 32767)
        throw IoError(path, "NIfTI-1 holds at most 32767 voxels per axis");
    h.datatype = niftiType(volume.pixelType());
    h.bitpix = std::int16_t(8 * bytesPerVoxel(volume.pixelType()));
    h.vox_offset = 352.0f;
    h.scl_slope = 1.0f;
    h.xyzt_units = 2; // millimetres
    std::snprintf(h.descrip, sizeof h.descrip, "RadPath");
    std::memcpy(h.magic, "n+1", 4);

    // LPS -> RAS: negate the first two rows of the direction and origin.
    double r[3][3];
    for (int row = 0; row < 3; ++row)
        for (int col = 0; col < 3; ++col)
            r[row][col] = g.direction[size_t(row * 3 + col)] * (row < 2 ? -1.0 : 1.0);
    const double origin[3] = {-g.origin[0], -g.origin[1], g.origin[2]};
    float* srow[3] = {h.srow_x, h.srow_y, h.srow_z};
    for (int row = 0; row < 3; ++row) {
        for (int col = 0; col < 3; ++col)
            srow[row][col] = float(r[row][col] * g.spacing[size_t(col)]);
        srow[row][3] = float(origin[row]);
    }
    const double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1]) - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0]) +
                       r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
    // A left-handed grid: qfac -1 and the third axis flipped, so the quaternion stays a rotation.
    const float qfac = det < 0 ? -1.0f : 1.0f;
    if (det < 0)
        for (int row = 0; row < 3; ++row)
            r[row][2] = -r[row][2];
    quaternion(r, h.quatern_b, h.quatern_c, h.quatern_d);
    h.pixdim[0] = qfac;
    for (int a = 0; a < 3; ++a)
        h.pixdim[a + 1] = float(g.spacing[size_t(a)]);
    h.qoffset_x = float(origin[0]);
    h.qoffset_y = float(origin[1]);
    h.qoffset_z = float(origin[2]);
    h.qform_code = 1;
    h.sform_code = 1;

    const std::string temporary = path + ".part";
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (!file)
        throw IoError(path, "cannot create the file");
    const char extension[4] = {0, 0, 0, 0};
    const bool ok = std::fwrite(&h, sizeof h, 1, file) == 1 && std::fwrite(extension, 4, 1, file) == 1 &&
                    std::fwrite(volume.data(), 1, volume.byteSize(), file) == volume.byteSize();
    if (std::fclose(file) != 0 || !ok) {
        std::remove(temporary.c_str());
        throw IoError(path, "cannot write (disk full?)");
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec)
        throw IoError(path, "cannot rename into place: " + ec.message());
}

} // namespace radpath::viewer

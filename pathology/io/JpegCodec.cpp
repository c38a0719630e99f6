#include "pathology/io/JpegCodec.h"

#include <cstdio>
#include <jpeglib.h>
#include <stdexcept>

namespace radpath::pathology {

std::vector<std::uint8_t> encodeJpeg(const std::uint8_t* rgb, int width, int height, int quality)
{
    jpeg_compress_struct cinfo{};
    jpeg_error_mgr jerr{};
    cinfo.err = jpeg_std_error(&jerr);
    jerr.error_exit = [](j_common_ptr info) {
        char message[JMSG_LENGTH_MAX];
        (*info->err->format_message)(info, message);
        throw std::runtime_error(std::string("JPEG encoding failed: ") + message);
    };
    unsigned char* out = nullptr;
    unsigned long outSize = 0;
    try {
        jpeg_create_compress(&cinfo);
        jpeg_mem_dest(&cinfo, &out, &outSize);
        cinfo.image_width = JDIMENSION(width);
        cinfo.image_height = JDIMENSION(height);
        cinfo.input_components = 3;
        cinfo.in_color_space = JCS_RGB;
        jpeg_set_defaults(&cinfo);
        jpeg_set_quality(&cinfo, quality, TRUE);
        jpeg_start_compress(&cinfo, TRUE);
        while (cinfo.next_scanline < cinfo.image_height) {
            JSAMPROW row = const_cast<JSAMPROW>(rgb + size_t(cinfo.next_scanline) * size_t(width) * 3);
            jpeg_write_scanlines(&cinfo, &row, 1);
        }
        jpeg_finish_compress(&cinfo);
    } catch (...) {
        jpeg_destroy_compress(&cinfo);
        free(out);
        throw;
    }
    std::vector<std::uint8_t> bytes(out, out + outSize);
    jpeg_destroy_compress(&cinfo);
    free(out);
    return bytes;
}

} // namespace radpath::pathology

#include "viewer/io/DicomTags.h"

#include "viewer/io/DicomPixelDecoder.h"
#include "viewer/io/DicomText.h"
#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <cstdio>

namespace radpath {
namespace viewer {
namespace {

std::string tagText(const DcmTagKey& key)
{
    char text[16];
    std::snprintf(text, sizeof text, "(%04X,%04X)", key.getGroup(), key.getElement());
    return text;
}

bool isText(DcmEVR vr)
{
    switch (vr) {
    case EVR_AE: case EVR_AS: case EVR_CS: case EVR_DA: case EVR_DS: case EVR_DT: case EVR_IS: case EVR_LO:
    case EVR_LT: case EVR_PN: case EVR_SH: case EVR_ST: case EVR_TM: case EVR_UC: case EVR_UI: case EVR_UR:
    case EVR_UT:
        return true;
    default:
        return false;
    }
}

std::vector<DicomTagNode> itemNodes(DcmItem& item, const std::string& charset)
{
    std::vector<DicomTagNode> nodes;
    for (unsigned long i = 0; i < item.card(); ++i) {
        DcmElement* element = item.getElement(i);
        if (!element)
            continue;
        DicomTagNode node;
        DcmTag tag = element->getTag();
        node.tag = tagText(tag);
        node.keyword = tag.getTagName() && std::string(tag.getTagName()) != "Unknown Tag & Data" ? tag.getTagName() : "";
        node.vr = DcmVR(element->getVR()).getVRName();
        if (element->getVR() == EVR_SQ) {
            auto* sequence = static_cast<DcmSequenceOfItems*>(element);
            for (unsigned long j = 0; j < sequence->card(); ++j) {
                DicomTagNode itemNode;
                itemNode.tag = "Item " + std::to_string(j + 1);
                itemNode.children = itemNodes(*sequence->getItem(j), charset);
                node.children.push_back(std::move(itemNode));
            }
            node.value = std::to_string(sequence->card()) + " item(s)";
        } else if (isText(element->getVR())) {
            OFString raw;
            element->getOFStringArray(raw);
            node.value = decodeDicomText(std::string(raw.c_str(), raw.length()), charset, element->getVR() == EVR_PN);
        } else if (element->getLength() <= 64 || tag == DCM_PixelData) {
            if (tag == DCM_PixelData || element->getVR() == EVR_OB || element->getVR() == EVR_OW || element->getVR() == EVR_UN) {
                node.value = "(" + std::to_string(element->getLength()) + " bytes)";
            } else {
                OFString text;
                element->getOFStringArray(text);
                node.value = text.c_str();
            }
        } else {
            node.value = "(" + std::to_string(element->getLength()) + " bytes)";
        }
        nodes.push_back(std::move(node));
    }
    return nodes;
}

} // namespace

std::vector<DicomTagNode> readDicomTags(const std::string& path)
{
    dicom::initialiseDcmtk(); // the same reading options as the image loader
    DcmFileFormat file;
    // Large values (pixel data) are not loaded: the browser shows their length.
    const OFCondition loaded = file.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, 4096, ERM_autoDetect);
    if (loaded.bad())
        throw IoError(path, std::string("not a readable DICOM file: ") + loaded.text());
    OFString charset;
    file.getDataset()->findAndGetOFStringArray(DCM_SpecificCharacterSet, charset);
    std::vector<DicomTagNode> nodes = itemNodes(*file.getMetaInfo(), "");
    std::vector<DicomTagNode> dataset = itemNodes(*file.getDataset(), charset.c_str());
    nodes.insert(nodes.end(), std::make_move_iterator(dataset.begin()), std::make_move_iterator(dataset.end()));
    return nodes;
}

} // namespace viewer
} // namespace radpath

#!/usr/bin/python3
"""Writes tests/data/dicom-lut/: small DICOM files with palette colour, modality LUT and
VOI LUT attributes, built from pydicom's MR_small.dcm (64 x 64, stored values 127..2145).

Run with Debian's Python (pydicom 2.3, no numpy needed) from the repository root:
    /usr/bin/python3 tests/data/make-dicom-lut.py
The RLE variant is made with DCMTK's dcmcrle. Prints the expected values at a few pixels;
the tests state them beside where they use them.
"""
import array
import copy
import os
import subprocess

import pydicom
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence
from pydicom.uid import generate_uid

DATA = "/usr/lib/python3/dist-packages/pydicom/data"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dicom-lut")
mr = pydicom.dcmread(f"{DATA}/test_files/MR_small.dcm")
stored = array.array("h", mr.PixelData)  # 64 x 64 signed, little endian, all >= 0


def first_in(lo, hi):
    index = next(i for i, v in enumerate(stored) if lo <= v <= hi)
    return index % 64, index // 64


# (column, row): the darkest and brightest pixels and a few between.
PIXELS = [first_in(min(stored), min(stored)), first_in(150, 199), first_in(500, 700), first_in(1000, 1500),
          first_in(1500, 1700), first_in(1800, 2000), first_in(max(stored), max(stored))]


def base(bits, photometric):
    ds = copy.deepcopy(mr)
    for keyword in ["WindowCenter", "WindowWidth", "SmallestImagePixelValue", "LargestImagePixelValue"]:
        if keyword in ds:
            delattr(ds, keyword)
    ds.SOPInstanceUID = generate_uid()
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.SeriesInstanceUID = generate_uid()
    ds.BitsAllocated = bits
    ds.BitsStored = bits
    ds.HighBit = bits - 1
    ds.PixelRepresentation = 0
    ds.PhotometricInterpretation = photometric
    return ds


def save(ds, name, values, bits):
    ds.PixelData = bytes(array.array("B" if bits == 8 else "H", values))
    ds["PixelData"].VR = "OB" if bits == 8 else "OW"
    ds.save_as(os.path.join(OUT, name), write_like_original=False)


def at(values, col, row):
    return values[row * 64 + col]


def report(name, values, lookup):
    print(name)
    for col, row in PIXELS:
        v = at(values, col, row)
        print(f"  ({col:2},{row:2}) stored {v:5} -> {lookup(v)}")


def clamp_index(v, first, entries):
    return min(max(v - first, 0), entries - 1)


os.makedirs(OUT, exist_ok=True)
bytes8 = [min(255, v // 8) for v in stored]

# 1. Palette colour, 8-bit indices, HOT_IRON palette (256 entries, 8 bits, packed in OW).
hot = pydicom.dcmread(f"{DATA}/palettes/hotiron.dcm")
ds = base(8, "PALETTE COLOR")
for colour in ["Red", "Green", "Blue"]:
    for suffix in ["Descriptor", "Data"]:
        keyword = f"{colour}PaletteColorLookupTable{suffix}"
        ds[keyword] = copy.deepcopy(hot[keyword])
save(ds, "palette-hotiron.dcm", bytes8, 8)
luts = [list(hot[f"{c}PaletteColorLookupTableData"].value) for c in ["Red", "Green", "Blue"]]
report("palette-hotiron.dcm", bytes8, lambda v: [lut[v] for lut in luts])
subprocess.run(["dcmcrle", os.path.join(OUT, "palette-hotiron.dcm"), os.path.join(OUT, "palette-hotiron-rle.dcm")],
               check=True)

# 2. Palette colour, 16-bit indices and 16-bit entries; 1800 entries from index 200 on, so
#    stored values below 200 take the first entry and values above 1999 the last.
entries, first = 1800, 200
red = [(i * 32) & 0xFFFF for i in range(entries)]
green = [65535 - i * 32 for i in range(entries)]
blue = [(i * i) & 0xFFFF for i in range(entries)]
ds = base(16, "PALETTE COLOR")
for colour, lut in [("Red", red), ("Green", green), ("Blue", blue)]:
    ds[f"{colour}PaletteColorLookupTableDescriptor"] = pydicom.DataElement(
        f"{colour}PaletteColorLookupTableDescriptor", "US", [entries, first, 16])
    ds[f"{colour}PaletteColorLookupTableData"] = pydicom.DataElement(
        f"{colour}PaletteColorLookupTableData", "OW", bytes(array.array("H", lut)))
save(ds, "palette-16bit.dcm", list(stored), 16)
report("palette-16bit.dcm", stored,
       lambda v: [lut[clamp_index(v, first, entries)] for lut in (red, green, blue)])

# 3. Segmented palette: the well-known FALL palette as pydicom ships it (8-bit segments).
fall = pydicom.dcmread(f"{DATA}/palettes/fall.dcm")
ds = base(8, "PALETTE COLOR")
for colour in ["Red", "Green", "Blue"]:
    ds[f"{colour}PaletteColorLookupTableDescriptor"] = copy.deepcopy(fall[f"{colour}PaletteColorLookupTableDescriptor"])
    ds[f"Segmented{colour}PaletteColorLookupTableData"] = copy.deepcopy(
        fall[f"Segmented{colour}PaletteColorLookupTableData"])
save(ds, "palette-fall-segmented.dcm", bytes8, 8)
# Expanded as pydicom 2.3.1's _expand_segmented_lut does: red 255, green 255 - i, blue 0.
report("palette-fall-segmented.dcm", bytes8, lambda v: [255, 255 - v, 0])

# 4. Modality LUT Sequence instead of rescale: 1200 entries from stored value 500 on.
entries, first = 1200, 500
table = [round(1000.0 * (i ** 0.5)) for i in range(entries)]
ds = base(16, "MONOCHROME2")
ds.BitsStored = 12
ds.HighBit = 11
item = Dataset()
item.LUTDescriptor = [entries, first, 16]
item.ModalityLUTType = "US"
item.LUTExplanation = "SQRT TEST TABLE"
item["LUTData"] = pydicom.DataElement("LUTData", "US", table)
ds.ModalityLUTSequence = Sequence([item])
save(ds, "modality-lut.dcm", list(stored), 16)
report("modality-lut.dcm", stored, lambda v: table[clamp_index(v, first, entries)])

# 5. VOI LUT Sequence with two tables, two windows with explanations and SIGMOID.
ds = base(16, "MONOCHROME2")
ds.WindowCenter = [600, 1000]
ds.WindowWidth = [1600, 400]
ds.WindowCenterWidthExplanation = ["MR DEFAULT", "NARROW"]
ds.VOILUTFunction = "SIGMOID"
ramp = Dataset()
ramp.LUTDescriptor = [4001, 0, 12]
ramp.LUTExplanation = "RAMP"
ramp["LUTData"] = pydicom.DataElement("LUTData", "US", [round(i * 4095 / 4000) for i in range(4001)])
step = Dataset()
step.LUTDescriptor = [256, 1000, 8]
step.LUTExplanation = "STEP"
step["LUTData"] = pydicom.DataElement("LUTData", "US", [0 if i < 128 else 255 for i in range(256)])
ds.VOILUTSequence = Sequence([ramp, step])
save(ds, "voi-lut.dcm", list(stored), 16)
print("voi-lut.dcm: RAMP[1000] =", round(1000 * 4095 / 4000), " STEP[127], [128] = 0, 255")

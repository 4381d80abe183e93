"""Make resources/fonts/DejaVuSans-Stamp.ttf, the typeface of the signature stamp.

    .venv/bin/python scripts/make_stamp_font.py

pyHanko's OpenType engine (0.38) writes glyph widths and kerning as if every font had
1,000 units to the em; DejaVu Sans has 2,048, so its stamp came out with each letter twice
as far from the next. This writes DejaVu Sans (same licence: resources/fonts/
LICENSE-DejaVu.txt) cut to the Latin letters, punctuation and currency signs a name, a
place or a date needs, and rescaled to 1,000 units: about 75 KB, read in milliseconds
(subsetting and rescaling at signing time took 1.2 s).
"""

# A command-line script: it reports what it wrote.

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"
UNITS_PER_EM = 1000
RANGES = (
    (0x0020, 0x024F),  # Basic Latin to Latin Extended-B: accented names
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Welsh ŵ ŷ, Vietnamese)
    (0x2000, 0x206F),  # general punctuation: dashes, quotes
    (0x20A0, 0x20CF),  # currency signs
)


def main() -> None:
    font = TTFont(FONTS / "DejaVuSans.ttf")
    options = subset.Options()
    options.hinting = False  # a stamp is drawn large enough; hints double the size
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    codes = [c for low, high in RANGES for c in range(low, high + 1)] + [0x2116, 0x2212]
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    scale_upem(font, UNITS_PER_EM)
    out = FONTS / "DejaVuSans-Stamp.ttf"
    font.save(out)
    print(f"wrote {out} ({out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()

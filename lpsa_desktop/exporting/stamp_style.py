"""How a signature looks on the page: the document's own typeface, not Courier.

pyHanko draws the stamp in non-embedded Courier unless it is given a font engine; with its
OpenType engine (HarfBuzz shaping, fontTools subsetting: pyHanko's ``opentype`` extra)
it embeds a subset of the DejaVu Sans the rest of the agreement is set in. That engine
assumes 1,000 font units to the em, so the font is a copy of DejaVu Sans rescaled to
1,000 (``scripts/make_stamp_font.py``); at DejaVu's own 2,048 every letter stood apart.
Without the two libraries the stamp falls back to Courier and says so in the log, rather
than refusing to sign.
"""

from __future__ import annotations

import logging
from importlib import resources

from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.stamp import TextStampStyle

log = logging.getLogger(__name__)

STAMP_TEXT = "Digitally signed by\n%(signer)s\n%(ts)s"
STAMP_TIME = "%d %B %Y, %H:%M %Z"
STAMP_FONT = "DejaVuSans-Stamp.ttf"  # scripts/make_stamp_font.py: why a copy
STAMP_FONT_SIZE = 10


def stamp_style() -> TextStampStyle:
    try:
        from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory  # noqa: PLC0415
    except ImportError as exc:
        log.warning("signature stamp in Courier: pyHanko's opentype extra is missing (%s)", exc)
        return TextStampStyle(stamp_text=STAMP_TEXT, timestamp_format=STAMP_TIME)
    font_file = resources.files("lpsa_desktop.resources").joinpath("fonts", STAMP_FONT)
    font = GlyphAccumulatorFactory(str(font_file), font_size=STAMP_FONT_SIZE)
    return TextStampStyle(
        stamp_text=STAMP_TEXT,
        timestamp_format=STAMP_TIME,
        text_box_style=TextBoxStyle(font=font, font_size=STAMP_FONT_SIZE),
    )

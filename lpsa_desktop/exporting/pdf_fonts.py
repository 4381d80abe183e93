"""The document's typeface: DejaVu Sans, shipped in the package and embedded in every PDF.

The standard PDF fonts (Helvetica…) are not embedded and have no en dash or true minus in
every viewer's encoding; DejaVu has £, –, − and accented names, and its licence (in
resources/fonts/LICENSE-DejaVu.txt) allows embedding. reportlab embeds a subset.
"""

from __future__ import annotations

import io
from functools import cache
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from lpsa_desktop.exporting.errors import DocumentError

FONT = "LpsaSans"
FONT_BOLD = "LpsaSans-Bold"
_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}


@cache
def register_fonts() -> None:
    """Register the fonts with reportlab once per process (parsing a TTF takes ~20 ms)."""
    folder = resources.files("lpsa_desktop.resources").joinpath("fonts")
    for name, filename in _FILES.items():
        try:
            data = folder.joinpath(filename).read_bytes()
        except OSError as exc:
            raise DocumentError(f"the document font {filename} is missing ({exc})") from exc
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
    # <b> in a Paragraph picks the bold face; there is no italic face, so italic falls
    # back to the upright one rather than to an unembedded standard font.
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )

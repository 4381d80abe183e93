"""The signature stamp is set in the embedded DejaVu Sans (not Courier) at widths pyHanko
reads right (1,000 units to the em), and the signed file still verifies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader

from lpsa_desktop.exporting.identity import IdentityFiles
from lpsa_desktop.exporting.verification import verify_pdf


def stamp_fonts(path: Path) -> list[Any]:
    """The fonts of every signature widget's appearance, resolved."""
    fonts = []
    for page in PdfReader(path).pages:
        for ref in page.get("/Annots") or []:
            widget = ref.get_object()
            if widget.get("/FT") != "/Sig" and widget.get("/Parent", {}).get("/FT") != "/Sig":
                continue
            if "/AP" not in widget:
                continue
            stream = widget["/AP"]["/N"].get_object()
            resources = stream.get("/Resources", {})
            found = [f.get_object() for f in resources.get("/Font", {}).values()]
            for xobject in resources.get("/XObject", {}).values():  # the stamp's own form
                inner = xobject.get_object().get("/Resources", {}).get("/Font", {})
                found += [f.get_object() for f in inner.values()]
            fonts += found
    return fonts


def test_the_stamp_is_in_dejavu_sans_with_widths_in_thousandths(
    signed_twice: Path, identities: list[IdentityFiles]
) -> None:
    fonts = stamp_fonts(signed_twice)
    assert fonts, "no signature appearance found"
    names = {str(f["/BaseFont"]) for f in fonts}
    assert all("DejaVuSans" in n for n in names), names
    assert not any("Courier" in n for n in names)
    for font in fonts:
        [descendant] = font["/DescendantFonts"]
        # /W as pyHanko writes it: a first glyph, then a list of widths from there.
        widths = [float(w) for item in descendant.get_object()["/W"] if isinstance(item, list)
                  for w in item]  # fmt: skip
        # In thousandths of the em a letter of DejaVu Sans is 278-1,000 wide; at the font's
        # own 2,048 units (which pyHanko took for thousandths) they ran to about 2,000.
        assert widths and max(widths) <= 1000, widths
        assert 550 <= sorted(widths)[len(widths) // 2] <= 700  # a typical lower-case letter
    report = verify_pdf(signed_twice, [i.certificate for i in identities[:2]])
    assert report.all_intact and report.passed

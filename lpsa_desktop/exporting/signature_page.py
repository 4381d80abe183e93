"""The signature page: one block per signatory, in signing order, for ink or a digital key.

Each block carries lines for a wet signature and date, and beside them an empty PDF
signature field that ``lpsa sign`` fills. The field records who it belongs to (name,
position, organisation, place in the signing order) in an ``/LPSA_Signatory`` entry so that
signing and verification can name the signatory without parsing page text.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from lpsa_desktop.domain.agreement import Agreement, Signatory
from lpsa_desktop.exporting.field_keys import SIGNATORY_KEY, field_name
from lpsa_desktop.exporting.pdf_fonts import FONT
from lpsa_desktop.exporting.pdf_styles import MUTED, RULE, Styles
from lpsa_desktop.exporting.pdf_text import esc

FIELD_WIDTH, FIELD_HEIGHT = 220.0, 66.0


class SignatureField(Flowable):  # type: ignore[misc]
    """An empty /Sig form field with a dashed outline drawn on the page beneath it."""

    def __init__(self, order: int, signatory: Signatory) -> None:
        super().__init__()
        self.order = order
        self.signatory = signatory
        self.width, self.height = FIELD_WIDTH, FIELD_HEIGHT

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setDash(3, 2)
        canvas.rect(0, 0, self.width, self.height)
        canvas.restoreState()
        x0, y0 = canvas.absolutePosition(0, 0)
        x1, y1 = canvas.absolutePosition(self.width, self.height)
        who = self.signatory
        field = PDFDictionary(
            {
                "FT": PDFName("Sig"),
                "T": PDFString(field_name(self.order)),
                "TU": PDFString(f"Digital signature of {who.name}, {who.position}"),
                "Type": PDFName("Annot"),
                "Subtype": PDFName("Widget"),
                "F": 4,  # print the signature's appearance with the page
                "Rect": PDFArray([round(v, 2) for v in (x0, y0, x1, y1)]),
                "P": canvas._doc.thisPageRef(),
                SIGNATORY_KEY[1:]: PDFDictionary(
                    {
                        "Name": PDFString(who.name),
                        "Position": PDFString(who.position),
                        "Organisation": PDFString(who.organisation),
                        "Order": self.order,
                    }
                ),
            }
        )
        # reportlab has no signature fields; this is how its own AcroForm adds a widget.
        canvas._addAnnotation(field)
        form = canvas.acroForm
        form.fields.append(form.getRef(field))


class WetLine(Flowable):  # type: ignore[misc]
    """A rule to sign or date on, with its label underneath."""

    def __init__(self, label: str, width: float) -> None:
        super().__init__()
        self.label = label
        self.width, self.height = width, 34.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.6)
        canvas.line(0, 12, self.width, 12)
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(0, 2, self.label)
        canvas.restoreState()


def signature_page(agreement: Agreement, s: Styles, fingerprint: str) -> list[Flowable]:
    out: list[Flowable] = [
        Paragraph("Signatures", s.heading),
        Paragraph(
            "Signed on behalf of the parties, in the order below. Each signatory signs either "
            "by hand on the lines provided or digitally in the signature field beside them. "
            f"Before signing, check that every page carries the fingerprint <b>{fingerprint}</b>.",
            s.body,
        ),
        Spacer(1, 6),
    ]
    if not agreement.signatories:
        out.append(Paragraph("No signatories have been named yet.", s.body))
        return out
    total = len(agreement.signatories)
    for order, signatory in enumerate(agreement.signatories, start=1):
        out.append(KeepTogether([_block(order, total, signatory, s), Spacer(1, 14)]))
    return out


def _block(order: int, total: int, signatory: Signatory, s: Styles) -> Table:
    left: list[Any] = [
        Paragraph(f"Signed for {esc(signatory.organisation)}", s.small),
        Paragraph(f"<b>{esc(signatory.name)}</b>", s.body),
        Paragraph(esc(signatory.position), s.body),
        WetLine("Signature", 230),
        WetLine("Date", 150),
    ]
    right: list[Any] = [
        Paragraph(f"Digital signature: signs {order} of {total}", s.small),
        SignatureField(order, signatory),
    ]
    return Table(
        [[left, right]],
        colWidths=[258, 235],
        style=[
            ("FONTNAME", (0, 0), (-1, -1), FONT),  # else reportlab selects Helvetica per cell
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ],
    )

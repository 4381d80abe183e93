"""What the agreement PDF says: every stored value exactly, British money and dates, every
party, freedom and signatory, running header and footer, the DRAFT rule, metadata."""

from __future__ import annotations

import dataclasses
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from lpsa_desktop.domain.agreement import Agreement, Indicator
from lpsa_desktop.domain.enums import AgreementStatus, Unit
from lpsa_desktop.domain.fingerprint import agreement_fingerprint
from lpsa_desktop.domain.reward import compute_reward
from lpsa_desktop.exporting.agreement_pdf import export_agreement_pdf
from lpsa_desktop.services.agreement_editing import create_agreement
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.services.documents import export_agreement
from lpsa_desktop.storage.store import Store
from tests.core.exporting.helpers import flat, is_subsequence, numbers, page_texts

COLUMN_HEADING_END = "End\nperiod\n"


def _schedule_1_rows(texts: list[str]) -> list[str]:
    """The lines of Schedule 1's table bodies, pages joined, headers and footers left out."""
    lines: list[str] = []
    for text in texts:
        if COLUMN_HEADING_END in text and "Schedule 2" not in text:
            body = text.split(COLUMN_HEADING_END, 1)[1]
            lines += [line.strip() for line in body.splitlines() if line.strip() != "DRAFT"]
    return lines


def _segments(agreement: Agreement, lines: list[str]) -> dict[str, str]:
    """Each indicator's row text: from its ref's line to the next indicator's ref line."""
    refs = [i.ref for t in agreement.targets for i in t.indicators]
    starts, at = [], 0
    for ref in refs:
        at = lines.index(ref, at)
        starts.append(at)
        at += 1
    ends = [*starts[1:], len(lines)]
    return {ref: "\n".join(lines[s:e]) for ref, s, e in zip(refs, starts, ends, strict=True)}


def _stored_values(indicator: Indicator) -> list[Decimal]:
    change = None
    if indicator.with_ is not None and indicator.without is not None:
        change = indicator.with_ - indicator.without
    values = (indicator.baseline, indicator.without, indicator.with_, change, indicator.interim)
    return [v for v in values if v is not None]


def test_schedule_1_prints_every_indicator_value_exactly_as_the_store_holds_it(
    store: Store, demo: Agreement, tmp_path: Path
) -> None:
    # Values with more digits than the indicator shows on screen must not be rounded in
    # the document: 8.625% (shown as 8.6% elsewhere) and a baseline of 5,100.25 per 1,000.
    first = demo.targets[1].indicators[0]
    odd = dataclasses.replace(first, baseline=Decimal("8.625"), without=Decimal("8.30"))
    twelve = demo.targets[11]
    rate = dataclasses.replace(twelve.indicators[1], baseline=Decimal("5100.25"))
    targets = list(demo.targets)
    targets[1] = dataclasses.replace(demo.targets[1], indicators=(odd,))
    targets[11] = dataclasses.replace(twelve, indicators=(twelve.indicators[0], rate))
    create_agreement(store, dataclasses.replace(demo, targets=tuple(targets)), officer="t")

    stored = load_agreement(store, demo.ref)
    _, result = export_agreement(store, demo.ref, tmp_path / "a.pdf")
    texts = page_texts(tmp_path / "a.pdf")
    assert result.pages == len(texts)

    rows = _segments(stored, _schedule_1_rows(texts))
    for target in stored.targets:
        for indicator in target.indicators:
            row = rows[indicator.ref]
            wanted = _stored_values(indicator)
            assert is_subsequence(wanted, numbers(row)), (indicator.ref, wanted, row)
            for period in (indicator.baseline_period, indicator.end_period):
                if period:
                    assert period in flat(row), (indicator.ref, period)
            assert indicator.direction.value in row
    assert "8.625%" in rows["2"] and "8.6%\n" not in rows["2"]
    assert "5,100.25 per 1,000" in flat(rows["12b"])


def test_wide_numbers_shrink_to_fit_their_cell_rather_than_break(
    demo: Agreement, tmp_path: Path
) -> None:
    target = demo.targets[0]
    money = Indicator(
        ref="1d",
        description="Spend",
        unit=Unit.MONEY,
        baseline=Decimal("1234567.891"),
        baseline_period="2001/02",
        without=Decimal("0"),
        with_=Decimal("1100000.50"),
    )
    grown = dataclasses.replace(target, indicators=(*target.indicators, money))
    agreement = dataclasses.replace(demo, targets=(grown, *demo.targets[1:]))
    export_agreement_pdf(agreement, tmp_path / "a.pdf")
    rows = _segments(agreement, _schedule_1_rows(page_texts(tmp_path / "a.pdf")))
    # Each value whole on its own line: reportlab would otherwise break '£1,234,567.891'.
    lines = rows["1d"].splitlines()
    assert {"£1,234,567.891", "£1,100,000.50", "£0"} <= set(lines)
    assert "(2001/02)" in lines  # a baseline of zero keeps its period


def test_money_and_dates_are_british_and_exact_to_the_penny(demo_pdf: Path) -> None:
    text = flat(" ".join(page_texts(demo_pdf)))
    assert "1 April 2003 to 31 March 2006" in text
    assert "£143,118,000" in text and "£3,577,950" in text and "£919,613" in text
    # 2.5% of £143,118,000 in 12 equal shares; target 3 is weighted 60/40 between its
    # indicators; target 1's share in three.
    for amount in ("£298,162.50", "£178,897.50", "£119,265.00", "£99,387.50", "£149,081.25"):
        assert amount in text, amount
    assert "£3,577,950.00" in text  # the table's total, with the column's pence
    assert "2006/07 and 2007/08" in text
    assert "£74,613" in text  # target 10's pump-priming allocation


def test_the_reward_schedule_shows_what_the_reward_engine_will_pay(
    demo_pdf: Path, demo: Agreement
) -> None:
    text = flat(" ".join(page_texts(demo_pdf)))
    result = compute_reward(demo)
    for target in result.targets:
        shown = f"£{target.potential.quantize(Decimal('0.01')):,}"
        assert shown in text, (target.ref, shown)
        for indicator in target.indicators:
            assert f"£{indicator.potential.quantize(Decimal('0.01')):,}" in text
    assert "less than 60% of the enhancement" in text and "no more than 100%" in text
    assert "20% of that indicator’s potential grant is paid on account in 2005/06" in text


def test_the_body_names_every_party_and_partner(demo_pdf: Path, demo: Agreement) -> None:
    first = flat(page_texts(demo_pdf)[0])
    for council in demo.councils:
        assert council.name in first
    for partner in demo.partners:
        assert partner.name in first, partner.name
    assert "the Government" in first and "not legally binding" in first
    assert "best endeavours" in first and "Treasury and Parliamentary approval" in first


def test_schedule_2_lists_every_freedom_with_its_response(demo_pdf: Path, demo: Agreement) -> None:
    text = flat(" ".join(page_texts(demo_pdf)))
    for freedom in demo.freedoms:
        for part in (freedom.description, freedom.department, freedom.legal_basis):
            assert flat(part) in text, part
        assert flat(freedom.response) in text
    assert "Agreed subject to feasibility." in text and "Alternative offered." in text


def test_every_page_has_title_status_page_n_of_m_and_the_fingerprint(
    demo_pdf: Path, demo: Agreement
) -> None:
    texts = page_texts(demo_pdf)
    fingerprint = agreement_fingerprint(demo)
    for number, text in enumerate(texts, start=1):
        assert demo.title in text
        assert "Draft under negotiation" in text
        assert flat(f"Page {number} of {len(texts)}") in flat(text)
        assert f"fingerprint {fingerprint}" in text


@pytest.mark.parametrize(
    ("status", "force", "marked"),
    [
        (AgreementStatus.NEGOTIATING, False, True),
        (AgreementStatus.DRAFT, False, True),
        (AgreementStatus.PROVISIONALLY_AGREED, False, False),
        (AgreementStatus.SIGNED, False, False),
        # Superseded may have been signed: no DRAFT, the running header says superseded.
        (AgreementStatus.SUPERSEDED, False, False),
        (AgreementStatus.SIGNED, True, True),
    ],
)
def test_the_draft_mark_is_on_every_page_until_agreed(
    demo: Agreement, tmp_path: Path, status: AgreementStatus, force: bool, marked: bool
) -> None:
    path = tmp_path / "a.pdf"
    result = export_agreement_pdf(dataclasses.replace(demo, status=status), path, force_draft=force)
    texts = page_texts(path)
    assert result.draft is marked
    assert all(("DRAFT" in t) is marked for t in texts)


def test_fonts_are_embedded_and_metadata_is_set(demo_pdf: Path, demo: Agreement) -> None:
    fonts = subprocess.run(
        ["pdffonts", str(demo_pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts, "no fonts listed"
    assert all("DejaVuSans" in row and " yes yes " in row for row in fonts), fonts
    meta = PdfReader(demo_pdf).metadata
    assert meta is not None
    assert meta.title == demo.title
    assert meta.author == "Bath and North East Somerset Council and the Government"
    assert meta.subject is not None and agreement_fingerprint(demo) in meta.subject


def test_the_signature_page_has_a_block_and_an_empty_field_per_signatory(
    demo_pdf: Path, demo: Agreement
) -> None:
    reader = PdfReader(demo_pdf)
    fields = reader.get_fields() or {}
    sig_fields = {name: f for name, f in fields.items() if f.get("/FT") == "/Sig"}
    assert list(sig_fields) == ["Signatory1", "Signatory2", "Signatory3"]
    last = reader.pages[-1]
    widgets = [a.get_object() for a in last.get("/Annots", [])]
    assert len(widgets) == 3
    for order, (widget, signatory) in enumerate(zip(widgets, demo.signatories, strict=True), 1):
        assert widget.get("/V") is None  # empty: nobody has signed
        record = widget["/LPSA_Signatory"]
        assert (record["/Name"], record["/Order"]) == (signatory.name, order)
        x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
        assert 0 < x0 < x1 <= float(last.mediabox.width)
        assert 0 < y0 < y1 <= float(last.mediabox.height)
    text = flat(page_texts(demo_pdf)[-1])
    for signatory in demo.signatories:
        assert signatory.name in text and signatory.position in text
        assert flat(signatory.organisation) in text
    assert text.count("Signature") >= 3 and text.count("Date") >= 3

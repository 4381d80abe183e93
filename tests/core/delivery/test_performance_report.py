"""The performance report: a dated PDF with the summary, one chart per indicator of each
target, the commentary from public notes and never an internal note."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from lpsa_desktop.domain.delivery.outturns import OutturnEntry
from lpsa_desktop.domain.delivery.pump_priming import SpendEntry
from lpsa_desktop.services.demo import add_demo_agreement
from lpsa_desktop.services.outturn_recording import record_outturns
from lpsa_desktop.services.performance_reports import ReportRefusedError, write_performance_report
from lpsa_desktop.services.reward_claims import record_spend
from lpsa_desktop.storage.store import Store

REF = "bath-ne-somerset-lpsa1"


@pytest.fixture
def store(tmp_path: Path):
    opened = Store.open(str(tmp_path / "s.sqlite"))
    add_demo_agreement(opened, officer="Test")
    record_outturns(
        opened,
        REF,
        [
            OutturnEntry(
                "1a", "2003/04", Decimal(70), True, "Summer school helped", "Do not say: data late"
            ),
            OutturnEntry("1a", "2004/05", Decimal("71.5"), False, "Provisional KS3 results"),
            OutturnEntry("7", "2003/04", Decimal(118), True, ""),
        ],
        officer="Test",
    )
    record_spend(opened, REF, SpendEntry("1", "2003/04", actual=Decimal(30000)), officer="Test")
    yield opened
    opened.close()


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_report_is_dated_with_summary_charts_and_public_commentary(store, tmp_path) -> None:
    out = tmp_path / "report.pdf"
    written = write_performance_report(store, REF, out, prepared_on=date(2005, 6, 30))
    text = _text(out)
    assert written.pages >= 5
    assert "Prepared on 30 June 2005" in text
    assert "Reward at" in text and "on track" in text and "no outturn yet" in text
    assert "71.5% (2004/05," in text  # the latest outturn of 1a, marked provisional
    assert "Summer school helped" in text and "Provisional KS3 results" in text
    assert "Do not say" not in text  # an internal note never reaches the report
    assert "Target 12:" in text and "Pump-priming grant" in text and "£65,000" in text
    assert "Trajectory" in text and "60% of the stretch" in text  # the charts' legends


def test_as_at_a_period_the_later_outturns_are_left_out(store, tmp_path) -> None:
    out = tmp_path / "report.pdf"
    written = write_performance_report(store, REF, out, period="2003/04")
    text = _text(out)
    assert written.as_at == "2003/04" and "outturns up to 2003/04" in text
    assert "Provisional KS3 results" not in text


def test_a_report_must_be_a_pdf(store, tmp_path) -> None:
    with pytest.raises(ReportRefusedError, match=r"report\.docx: .*\.pdf"):
        write_performance_report(store, REF, tmp_path / "report.docx")
    assert not (tmp_path / "report.docx").exists()

"""How the pages are laid out: they render, wide schedules are landscape, long tables repeat
their heading, no row is split across pages and no target heading is left at a page foot."""

from __future__ import annotations

import dataclasses
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from lpsa_desktop.domain.agreement import Agreement, Indicator, Target
from lpsa_desktop.exporting.agreement_pdf import export_agreement_pdf
from lpsa_desktop.services.demo import demo_agreement
from tests.core.exporting.helpers import flat, page_texts

END = "2005/06"


def _long_agreement(demo: Agreement, count: int) -> Agreement:
    """``count`` indicators in targets of 1–6, descriptions of varied length."""
    targets, made, t = [], 0, 0
    while made < count:
        t += 1
        size = min(1 + t % 6, count - made)
        indicators = tuple(
            Indicator(
                ref=f"{t}.{i + 1}",
                description="Households helped to stay in their own homes " * (1 + (t + i) % 4),
                baseline=Decimal(100 + i),
                baseline_period="2001/02",
                without=Decimal(110 + i),
                with_=Decimal(120 + i),
                end_period=END,
            )
            for i in range(size)
        )
        title = f"Long target {t} " + "for a better place " * (t % 3)
        targets.append(Target(ref=str(t), title=title, indicators=indicators))
        made += size
    return dataclasses.replace(demo, targets=tuple(targets), freedoms=())


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Agreement, Path]:
    agreement = _long_agreement(demo_agreement(), 150)
    path = tmp_path_factory.mktemp("long") / "long.pdf"
    export_agreement_pdf(agreement, path)
    return agreement, path


def _schedule_1_pages(texts: list[str]) -> list[int]:
    start = next(i for i, t in enumerate(texts) if "Schedule 1: Targets" in t)
    end = next(i for i, t in enumerate(texts) if "Schedule 2:" in t)
    return list(range(start, end))


def test_every_page_renders_with_poppler(demo_pdf: Path, tmp_path: Path) -> None:
    pages = len(PdfReader(demo_pdf).pages)
    run = subprocess.run(
        ["pdftoppm", "-r", "30", "-png", str(demo_pdf), str(tmp_path / "page")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stderr == ""  # poppler complains about any syntax problem
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == pages
    for image in images:
        darkest, _ = Image.open(image).convert("L").getextrema()
        assert darkest < 100, f"{image.name} is blank"


def test_the_wide_schedules_are_landscape_and_the_rest_portrait(demo_pdf: Path) -> None:
    reader = PdfReader(demo_pdf)
    texts = page_texts(demo_pdf)
    wide = set(_schedule_1_pages(texts)) | {i for i, t in enumerate(texts) if "Schedule 2:" in t}
    for number, page in enumerate(reader.pages):
        landscape = float(page.mediabox.width) > float(page.mediabox.height)
        assert landscape is (number in wide), number
        assert {round(float(page.mediabox.width)), round(float(page.mediabox.height))} == {
            595,
            842,
        }  # A4


def test_a_long_schedule_1_repeats_its_heading_and_keeps_rows_whole(
    long_pdf: tuple[Agreement, Path],
) -> None:
    agreement, path = long_pdf
    texts = page_texts(path)
    pages = _schedule_1_pages(texts)
    assert len(pages) >= 5
    refs = {i.ref for t in agreement.targets for i in t.indicators}
    seen = 0
    for number in pages:
        text = texts[number]
        assert "Expected without the agreement" in flat(text), number
        body = [line.strip() for line in text.split("End\nperiod\n", 1)[1].splitlines()]
        rows = [line for line in body if line in refs]
        # A row split over two pages would leave its ref here without its end period.
        assert len(rows) == body.count(END), number
        last_heading = max(i for i, line in enumerate(body) if line.startswith("Target "))
        assert any(line in refs for line in body[last_heading:]), f"orphan heading p{number}"
        seen += len(rows)
    assert seen == len(refs)


def test_signing_draws_the_signature_into_its_block(
    demo_pdf: Path, signed_twice: Path, tmp_path: Path
) -> None:
    def last_page(pdf: Path, name: str) -> Image.Image:
        count = len(PdfReader(pdf).pages)
        subprocess.run(
            ["pdftoppm", "-r", "40", "-png", "-f", str(count), "-l", str(count), str(pdf),
             str(tmp_path / name)],
            check=True,
        )  # fmt: skip
        [image] = tmp_path.glob(f"{name}-*.png")
        return Image.open(image).convert("L")

    before, after = last_page(demo_pdf, "before"), last_page(signed_twice, "after")
    box = ImageChops.difference(before, after).getbbox()
    assert box is not None, "the signature appearances are not drawn"
    width = before.size[0]
    assert box[0] > width / 2  # the changes are in the right-hand column: the fields

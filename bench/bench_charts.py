"""Chart libraries compared (issue 17): the same indicator chart drawn into a PDF by our own
layout with reportlab's graphics (the chosen way; the window paints the same layout with
QPainter) and by matplotlib. Prints the import (start-up) cost of each in a fresh
interpreter, the time to draw one chart into a PDF, and the venv growth matplotlib would
bring. matplotlib is not a dependency: point MPL_PYTHON at an interpreter that has it
(e.g. `python3 -m venv /tmp/mpl && /tmp/mpl/bin/pip install matplotlib`).

Run: MPL_PYTHON=/tmp/mplvenv/bin/python .venv/bin/python -m bench.bench_charts"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.delivery_data import outturn_entries
from lpsa_desktop.charts.builders import indicator_chart
from lpsa_desktop.domain.delivery.assessment import assess_agreement
from lpsa_desktop.domain.delivery.outturns import Outturn
from lpsa_desktop.domain.delivery.reporting_periods import Frequency
from lpsa_desktop.services.demo import demo_agreement

OURS = """
import time
t0 = time.perf_counter()
from reportlab.graphics import renderPDF
from lpsa_desktop.exporting.chart_drawing import chart_drawing
from lpsa_desktop.charts.model import LineChart, Series, ReferenceLine, Marker, Stroke
t1 = time.perf_counter()
import json, sys
data = json.loads(sys.stdin.read())
chart = LineChart(
    data["title"], tuple(data["x_labels"]),
    tuple(Series(s["label"], tuple(map(tuple, s["points"])), s["colour"], Stroke(s["stroke"]), Marker(s["marker"])) for s in data["series"]),
    tuple(ReferenceLine(r["label"], r["value"], r["colour"], Stroke(r["stroke"])) for r in data["references"]),
    data["y_format"], data["note"])
renderPDF.drawToFile(chart_drawing(chart, 480, 260), {out!r})
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""

MPL = """
import time
t0 = time.perf_counter()
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
t1 = time.perf_counter()
import json, sys
data = json.loads(sys.stdin.read())
styles = {"solid": "-", "dashed": "--", "dotted": ":", "none": "none"}
fig, ax = plt.subplots(figsize=(480 / 72, 260 / 72))
for r in data["references"]:
    ax.axhline(r["value"], color=r["colour"], linestyle=styles[r["stroke"]], label=r["label"])
for s in data["series"]:
    xs = [p[0] for p in s["points"]]; ys = [p[1] for p in s["points"]]
    marker = {"none": None, "filled": "o", "hollow": "o", "diamond": "D"}[s["marker"]]
    face = "white" if s["marker"] == "hollow" else s["colour"]
    ax.plot(xs, ys, color=s["colour"], linestyle=styles[s["stroke"]], marker=marker,
            markerfacecolor=face, label=s["label"])
ax.set_xticks(range(len(data["x_labels"])), data["x_labels"], fontsize=6)
ax.set_title(data["title"], fontsize=8)
ax.legend(fontsize=6, ncol=4)
fig.savefig({out!r})
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""

MPL_PACKAGES = (
    "matplotlib",
    "mpl_toolkits",
    "numpy",
    "numpy.libs",
    "contourpy",
    "kiwisolver",
    "fontTools",
    "cycler",
    "pyparsing",
    "dateutil",
)


def sample_chart() -> dict[str, object]:
    agreement = demo_agreement()
    entries = outturn_entries(agreement, periods_done=7)
    outturns = [
        Outturn(e.indicator_ref, e.period, e.value, e.recorded_on, e.audited, e.note)  # type: ignore[arg-type]
        for e in entries
    ]
    picture = assess_agreement(agreement, outturns, frequency=Frequency.QUARTERLY)
    item = picture.targets[0].indicators[0]
    chart = indicator_chart(item, picture.periods, threshold=agreement.threshold)
    return dataclasses.asdict(chart)


def run(python: str, script: str, data: str, repeat: int = 3) -> tuple[float, float]:
    best = (1e9, 1e9)
    for _ in range(repeat):
        out = subprocess.run(
            [python, "-c", script], input=data, capture_output=True, text=True, check=True
        ).stdout.split()
        best = (min(best[0], float(out[0])), min(best[1], float(out[1])))
    return best


def folder_mb(site: Path, names: tuple[str, ...]) -> float:
    total = 0
    for name in names:
        for path in site.glob(f"{name}*"):
            files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
            total += sum(p.stat().st_size for p in files)
    return total / 1e6


def main() -> None:
    data = json.dumps(sample_chart())
    with tempfile.TemporaryDirectory() as folder:
        ours = run(
            sys.executable, OURS.replace("{out!r}", repr(str(Path(folder) / "ours.pdf"))), data
        )
        print(
            f"reportlab graphics + our layout: import {ours[0] * 1000:.0f} ms, one chart to PDF {ours[1] * 1000:.0f} ms, venv growth 0 MB (already a dependency)"
        )
        mpl_python = os.environ.get("MPL_PYTHON")
        if not mpl_python:
            print("matplotlib: set MPL_PYTHON to an interpreter that has it")
            return
        theirs = run(mpl_python, MPL.replace("{out!r}", repr(str(Path(folder) / "mpl.pdf"))), data)
        site = Path(
            subprocess.run(
                [
                    mpl_python,
                    "-c",
                    "import matplotlib, pathlib; print(pathlib.Path(matplotlib.__file__).parents[1])",
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
        )
        growth = folder_mb(site, MPL_PACKAGES)
        print(
            f"matplotlib (Agg):                import {theirs[0] * 1000:.0f} ms, one chart to PDF {theirs[1] * 1000:.0f} ms, venv growth {growth:.0f} MB (matplotlib, numpy, contourpy, kiwisolver, fontTools, …)"
        )


if __name__ == "__main__":
    main()

"""Printing the agreement on screen, with a print preview.

Qt cannot draw a PDF without the QtPdf add-on (not in PySide6-Essentials), so the printout
is laid out here from the same domain object as a Qt text document: the overview, the
targets with their figures and the reward, and the freedoms. Internal notes are never
printed (as they are never exported); reserve targets only outside presentation mode.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.reward import compute_reward
from ui.display import date_text, enum_label, fraction_percent, money_text, short_label, value_text
from ui.widgets.dialog_focus import return_focus_when_closed

_STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; }
h1 { font-size: 15pt; } h2 { font-size: 12pt; margin-top: 14px; }
table { border-collapse: collapse; }
th { background: #e8e8e8; text-align: left; }
td.n, th.n { text-align: right; }
"""


def agreement_html(agreement: Agreement, *, include_reserve: bool) -> str:
    reward = compute_reward(agreement)
    head = [
        f"<h1>{escape(agreement.title)}</h1>",
        f"<p>{escape(' and '.join(c.name for c in agreement.councils))} · {agreement.generation.value} · "
        f"{date_text(agreement.period_start)} to {date_text(agreement.period_end)} · "
        f"{escape(enum_label(agreement.status))}</p>",
        f"<p>Net budget requirement {money_text(agreement.net_budget_requirement)}"
        f" ({escape(agreement.nbr_year or '')}) · reward pot <b>{money_text(reward.pot)}</b>"
        f" · pump-priming grant {money_text(agreement.pump_priming_grant)}</p>",
    ]
    if agreement.notes:
        head.append(f"<p>{escape(agreement.notes)}</p>")
    rows = []
    for target in agreement.targets:
        if target.reserve and not include_reserve:
            continue
        earned = next((t for t in reward.targets if t.ref == target.ref), None)
        label = f"{escape(target.title)}{' (reserve)' if target.reserve else ''}"
        potential = money_text(earned.potential) if earned else ""
        total = money_text(earned.earned) if earned else ""
        rows.append(
            f"<tr><th>{target.ref}</th><th colspan='6'>{label}</th>"
            f"<th class='n'>{potential}</th><th class='n'>{total}</th></tr>"
        )
        for i in target.indicators:
            r = reward.indicator(i.ref)
            cells = [
                i.ref,
                escape(i.description),
                short_label(i.unit),
                value_text(i.baseline, i.unit, i.decimals),
                value_text(i.without, i.unit, i.decimals),
                value_text(i.with_, i.unit, i.decimals),
                value_text(i.actual, i.unit, i.decimals),
                money_text(r.potential) if r else "",
                money_text(r.earned) if r and i.actual is not None else "",
            ]
            rows.append(
                "<tr>"
                + "".join(
                    f"<td class='{'n' if n >= 3 else ''}'>{c}</td>" for n, c in enumerate(cells)
                )
                + "</tr>"
            )
    targets = (
        "<h2>Targets</h2><table border='1' cellpadding='3' width='100%'>"
        "<tr><th>Ref</th><th>Indicator</th><th>Unit</th><th class='n'>Baseline</th>"
        "<th class='n'>Without</th><th class='n'>With</th><th class='n'>Outturn</th>"
        "<th class='n'>Potential</th><th class='n'>Earned</th></tr>" + "".join(rows) + "</table>"
        f"<p>Earned on the outturns: <b>{money_text(reward.total_earned)}</b>"
        f" ({fraction_percent(reward.total_earned / reward.pot) if reward.pot else '–'} of the pot)</p>"
    )
    freedoms = "".join(
        f"<tr><td>{f.ref}</td><td>{escape(f.description)}</td><td>{escape(f.department)}</td>"
        f"<td>{escape(enum_label(f.status))}</td></tr>"
        for f in agreement.freedoms
    )
    freedom_table = (
        "<h2>Freedoms and flexibilities</h2><table border='1' cellpadding='3' width='100%'>"
        "<tr><th>Ref</th><th>Request</th><th>Department</th><th>Status</th></tr>"
        + freedoms
        + "</table>"
        if freedoms
        else ""
    )
    return f"<html><head><style>{_STYLE}</style></head><body>{''.join(head)}{targets}{freedom_table}</body></html>"


def print_document(agreement: Agreement, *, include_reserve: bool) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(agreement_html(agreement, include_reserve=include_reserve))
    return document


def _landscape_a4(printer: QPrinter) -> None:
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)


def show_print_preview(
    parent: QWidget, agreement: Agreement, *, include_reserve: bool
) -> QPrintPreviewDialog:
    """Open the preview (non-modal); it is deleted, with its printer and document, on close.

    The dialog makes and owns its printer. A QPrinter made here in Python would not be
    owned by the dialog: it was freed when this function returned, and the preview's page
    pictures, recorded on that printer, were then read from freed memory at the dialog's
    first resize (a segfault in libQt6PrintSupport under a real display; offscreen never
    resizes it). The document is the dialog's child for the same reason.
    """
    preview = QPrintPreviewDialog(parent)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _landscape_a4(preview.printer())
    preview.setObjectName("printPreview")
    preview.setWindowTitle(f"Print preview: {agreement.title}")
    document = print_document(agreement, include_reserve=include_reserve)
    document.setParent(preview)
    preview.paintRequested.connect(document.print_)
    return_focus_when_closed(preview)
    preview.open()
    return preview


def print_with_dialog(parent: QWidget, agreement: Agreement, *, include_reserve: bool) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _landscape_a4(printer)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        print_document(agreement, include_reserve=include_reserve).print_(printer)

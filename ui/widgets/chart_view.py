"""A chart on screen: the core's laid-out scene (``lpsa_desktop.charts.layout``) painted
with QPainter, so the window shows what the PDF prints. Laid out again at every size."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from lpsa_desktop.charts import layout
from lpsa_desktop.charts.model import Chart, Marker, Stroke

_PEN_STYLE = {
    Stroke.SOLID: Qt.PenStyle.SolidLine,
    Stroke.DASHED: Qt.PenStyle.DashLine,
    Stroke.DOTTED: Qt.PenStyle.DotLine,
    Stroke.NONE: Qt.PenStyle.NoPen,
}


SCREEN_SCALE = 1.25
"""Screen pixels per PDF point for charts (96 dpi / 72, roughly what a page at 100% shows)."""


class ChartView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chart: Chart | None = None
        self._empty = "No chart"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 200)

    def set_chart(self, chart: Chart | None, *, empty: str = "No chart") -> None:
        self._chart, self._empty = chart, empty
        self.update()

    @property
    def chart(self) -> Chart | None:
        return self._chart

    def sizeHint(self) -> QSize:
        return QSize(640, 300)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if self._chart is None:
            painter.setPen(QColor("#4A4F57"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty)
            return
        # Laid out in points, as for the PDF, then scaled to the screen: the same chart,
        # with the same proportions of text to plot, in both.
        scale = SCREEN_SCALE
        painter.scale(scale, scale)
        scene = layout.lay_out(self._chart, self.width() / scale, self.height() / scale)
        for item in scene.items:
            _paint(painter, item)
        painter.end()


def _pen(colour: str, width: float, stroke: Stroke) -> QPen:
    pen = QPen(QColor(colour))
    pen.setWidthF(width)
    pen.setStyle(_PEN_STYLE[stroke])
    return pen


def _paint(painter: QPainter, item: object) -> None:
    if isinstance(item, layout.Line):
        painter.setPen(_pen(item.colour, item.width, item.stroke))
        painter.drawLine(QPointF(item.x1, item.y1), QPointF(item.x2, item.y2))
    elif isinstance(item, layout.Path):
        painter.setPen(_pen(item.colour, item.width, item.stroke))
        painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in item.points]))
    elif isinstance(item, layout.Box):
        painter.fillRect(QRectF(item.x, item.y, item.width, item.height), QColor(item.colour))
    elif isinstance(item, layout.Dot):
        _dot(painter, item)
    elif isinstance(item, layout.Text):
        font = QFont("DejaVu Sans")
        font.setPixelSize(max(1, round(item.size)))
        font.setBold(item.bold)
        painter.setFont(font)
        painter.setPen(QColor(item.colour))
        width = QFontMetricsF(font).horizontalAdvance(item.text)
        x = item.x - (
            width / 2 if item.anchor == "middle" else width if item.anchor == "end" else 0
        )
        painter.drawText(QPointF(x, item.y), item.text)


def _dot(painter: QPainter, item: layout.Dot) -> None:
    colour = QColor(item.colour)
    r = item.size / 2
    painter.setPen(_pen(item.colour, 1.4, Stroke.SOLID))
    painter.setBrush(QColor("white") if item.marker is Marker.HOLLOW else colour)
    if item.marker is Marker.DIAMOND:
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(item.x, item.y - r),
                    QPointF(item.x + r, item.y),
                    QPointF(item.x, item.y + r),
                    QPointF(item.x - r, item.y),
                ]
            )
        )
    else:
        painter.drawEllipse(QPointF(item.x, item.y), r, r)
    painter.setBrush(Qt.BrushStyle.NoBrush)

"""A laid-out chart (``charts.layout.Scene``) as a reportlab Drawing, for the PDF.

reportlab's graphics put the origin bottom-left, so every y is flipped; strokes, markers
and fonts match what the window paints (DejaVu Sans, embedded like the rest of the text).
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from lpsa_desktop.charts import layout
from lpsa_desktop.charts.model import Chart, Marker, Stroke
from lpsa_desktop.exporting.pdf_fonts import FONT, FONT_BOLD, register_fonts

_DASHES: dict[Stroke, list[float] | None] = {
    Stroke.SOLID: None,
    Stroke.DASHED: [5, 3],
    Stroke.DOTTED: [1.2, 2.4],
    Stroke.NONE: None,
}


def chart_drawing(chart: Chart, width: float, height: float) -> Drawing:
    register_fonts()
    scene = layout.lay_out(chart, width, height)
    drawing = Drawing(width, height)
    for item in scene.items:
        drawing.add(_shape(item, height))
    return drawing


def _shape(item: object, height: float) -> object:
    if isinstance(item, layout.Line):
        return Line(
            item.x1,
            height - item.y1,
            item.x2,
            height - item.y2,
            strokeColor=colors.HexColor(item.colour),
            strokeWidth=item.width,
            strokeDashArray=_DASHES[item.stroke],
        )
    if isinstance(item, layout.Path):
        flat = [v for x, y in item.points for v in (x, height - y)]
        return PolyLine(
            flat,
            strokeColor=colors.HexColor(item.colour),
            strokeWidth=item.width,
            strokeDashArray=_DASHES[item.stroke],
        )
    if isinstance(item, layout.Dot):
        return _dot(item, height)
    if isinstance(item, layout.Box):
        return Rect(
            item.x,
            height - item.y - item.height,
            item.width,
            item.height,
            fillColor=colors.HexColor(item.colour),
            strokeColor=None,
        )
    assert isinstance(item, layout.Text)
    return String(
        item.x,
        height - item.y,
        item.text,
        fontName=FONT_BOLD if item.bold else FONT,
        fontSize=item.size,
        fillColor=colors.HexColor(item.colour),
        textAnchor=item.anchor,
    )


def _dot(item: layout.Dot, height: float) -> object:
    x, y, r = item.x, height - item.y, item.size / 2
    colour = colors.HexColor(item.colour)
    if item.marker is Marker.DIAMOND:
        return Polygon(
            [x, y + r, x + r, y, x, y - r, x - r, y], fillColor=colour, strokeColor=colour
        )
    fill = colour if item.marker is Marker.FILLED else colors.white
    return Circle(x, y, r, fillColor=fill, strokeColor=colour, strokeWidth=1.3)

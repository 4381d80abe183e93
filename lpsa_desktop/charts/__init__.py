"""Charts both faces draw alike: a neutral description (``model``), laid out once into
primitives (``layout``) that the window paints with QPainter and the PDF with reportlab's
graphics. No Qt and no reportlab here."""

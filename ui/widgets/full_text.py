"""The whole text of the item chosen in a table, wrapped and scrollable: never cut off.

A table cell wraps its text but a detail form's line edit cannot, so a long title, request
or definition was only ever read whole in a tooltip. This read-only pane beside the form
shows every long text of the chosen item in full; the officer can select and copy from it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QFrame, QTextBrowser, QTextEdit, QWidget


class FullText(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fullText")
        self.setAccessibleName("The whole text of the chosen item")
        self.setOpenLinks(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(120)

    def show_text(self, heading: str, parts: list[tuple[str, str]]) -> None:
        """``heading`` in bold, then each ``(label, text)`` that has text, as a paragraph."""
        blocks = [f"<p><b>{escape(heading)}</b></p>"] if heading else []
        for label, text in parts:
            if not text.strip():
                continue
            body = escape(text).replace("\n", "<br>")
            blocks.append(f"<p><i>{escape(label)}:</i> {body}</p>" if label else f"<p>{body}</p>")
        self.setHtml("".join(blocks))
        self.verticalScrollBar().setValue(0)

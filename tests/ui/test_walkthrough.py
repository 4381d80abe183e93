"""Every menu command on the demo store, each dialog typed into and closed: no error, no crash.

The test suite runs this offscreen and again under Xvfb with xcb (``scripts/run-tests.sh``),
where windows are really mapped, resized and given focus.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.ui.conftest import OpenWindow
from tests.ui.walkthrough import open_dialogs, walk


def test_every_command_opens_and_closes_without_an_error(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window()
    tried: list[str] = []
    problems = walk(opened.window.window_actions, tried.append)
    opened.wait_idle()
    assert problems == []
    assert opened.faults.errors == []
    assert open_dialogs() == []
    assert {"print_preview", "sign_pdf", "export_pdf", "open_meeting", "preferences"} <= set(tried)
    assert len(tried) >= 30

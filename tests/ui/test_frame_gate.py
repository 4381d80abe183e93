"""A write waits until its edit has been painted, keeps its place, and is never lost."""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal

from pytestqt.qtbot import QtBot

from lpsa_desktop.services.agreement_edits import FieldAddress, Part
from lpsa_desktop.services.agreement_queries import load_agreement
from tests.ui.conftest import OpenWindow
from ui.frame_gate import FrameGate


def test_a_ticket_opens_on_the_next_turn_of_the_event_loop(qtbot: QtBot) -> None:
    gate = FrameGate()
    first, second = gate.ticket(), gate.ticket()
    assert not first.is_set() and not second.is_set()
    qtbot.waitUntil(lambda: first.is_set() and second.is_set(), timeout=1000)
    third = gate.ticket()
    gate.open()  # as closing the window does, with no turn of the loop
    assert third.is_set()


def test_an_edit_is_written_after_the_window_has_shown_it_and_in_order(
    open_window: Callable[..., OpenWindow],
) -> None:
    opened = open_window()
    session = opened.controller.session
    agreement = session.agreement
    assert agreement is not None and session.store is not None
    indicator = agreement.targets[0].indicators[0]
    address = FieldAddress(Part.INDICATOR, indicator.ref, "actual")
    session.set_field(
        agreement.ref, address, Decimal("1.5"), expected=indicator.actual, action="edit"
    )
    session.set_field(
        agreement.ref, address, Decimal("2.5"), expected=Decimal("1.5"), action="edit"
    )
    time.sleep(0.2)  # the worker is free, but the GUI thread has not painted the edit yet
    stored = load_agreement(session.store, agreement.ref).find_indicator(indicator.ref)
    assert stored is not None and stored[1].actual == indicator.actual
    opened.wait_idle()
    stored = load_agreement(session.store, agreement.ref).find_indicator(indicator.ref)
    assert stored is not None and stored[1].actual == Decimal("2.5")  # both, in order
    assert not opened.faults.errors

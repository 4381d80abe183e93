"""The store work of the delivery and portfolio tabs, run on the background worker.
Returns domain objects only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lpsa_desktop.domain.delivery.outturns import Outturn
from lpsa_desktop.domain.delivery.portfolio import PortfolioEntry
from lpsa_desktop.domain.delivery.pump_priming import PumpPrimingMonitor, pump_priming_monitor
from lpsa_desktop.services.delivery_queries import DeliveryView, assess, portfolio
from lpsa_desktop.services.outturn_recording import set_outturns
from lpsa_desktop.storage.store import Store


@dataclass(frozen=True)
class DeliveryScreen:
    view: DeliveryView
    pump_priming: PumpPrimingMonitor


def load_delivery(store: Store, ref: str) -> DeliveryScreen:
    view = assess(store, ref)
    with store.unit_of_work() as uow:
        spend = uow.delivery.spend(ref)
    return DeliveryScreen(view, pump_priming_monitor(view.delivery.agreement, spend))


def load_portfolio(store: Store) -> list[PortfolioEntry]:
    return portfolio(store)


def put_outturn_states(
    store: Store,
    ref: str,
    states: Sequence[tuple[str, str, Outturn | None]],
    *,
    officer: str,
    action: str,
) -> None:
    """Make each (indicator, period) hold the given outturn, or none, in one transaction
    (a paste, or its undo)."""
    set_outturns(store, ref, states, officer=officer, action=action)

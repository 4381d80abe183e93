"""Two laptops' stores, and what an officer does on each: edit, export, merge."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.shared_state import without_internal
from lpsa_desktop.domain.three_way import Side
from lpsa_desktop.exchange.reader import read_package
from lpsa_desktop.services.agreement_editing import update_agreement
from lpsa_desktop.services.agreement_queries import load_agreement
from lpsa_desktop.services.package_exchange import MergePlan, apply_merge, export_package
from lpsa_desktop.storage.store import Store

REF = "bath-ne-somerset-lpsa1"


def edit(store: Store, officer: str, change: object) -> None:
    update_agreement(store, REF, change, officer=officer, action="edit")  # type: ignore[arg-type]


def send(store: Store, folder: Path, name: str, officer: str = "Sender") -> Path:
    path = folder / name
    export_package(store, REF, path, officer=officer)
    return path


def receive(
    store: Store,
    package: Path,
    officer: str = "Receiver",
    *,
    default: Side | None = None,
    choices: dict[str, Side] | None = None,
) -> MergePlan:
    return apply_merge(
        store, read_package(package), officer=officer, default=default, choices=choices
    )


def shared(store: Store) -> Agreement:
    """The agreement as both laptops can hold it (internal notes never travel by default)."""
    return without_internal(load_agreement(store, REF))


def retitled(agreement: Agreement, target_ref: str, title: str) -> Agreement:
    targets = tuple(
        dataclasses.replace(t, title=title) if t.ref == target_ref else t for t in agreement.targets
    )
    return dataclasses.replace(agreement, targets=targets)


def dump(store: Store) -> str:
    """Every row of every table, as text: equal dumps, equal stores (either engine)."""
    from lpsa_desktop.storage.store_copy import table_rows, tables  # noqa: PLC0415

    with store.engine.connect() as connection:
        return "\n".join(f"{t.name}: {table_rows(connection, t)!r}" for t in tables())


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()

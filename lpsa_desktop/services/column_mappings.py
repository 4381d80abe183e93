"""Column mappings saved by name in the store's settings, offered again for the same layout.

A mapping is header → field ('ignore' to skip a column). Saved under the setting
``mapping:<name>`` as JSON with the header layout it was made for; the setting
``mappings`` lists the names.
"""

from __future__ import annotations

import json

from lpsa_desktop.errors import NotFoundError
from lpsa_desktop.importing.column_mapping import FREEDOM_FIELDS, IGNORE, TARGET_FIELDS
from lpsa_desktop.importing.errors import ImportBlockedError
from lpsa_desktop.storage.store import Store

_INDEX = "mappings"
KNOWN_FIELDS = frozenset(TARGET_FIELDS) | frozenset(FREEDOM_FIELDS) | {IGNORE}


def check_fields(columns: dict[str, str]) -> None:
    unknown = sorted({f for f in columns.values() if f not in KNOWN_FIELDS})
    if unknown:
        raise ImportBlockedError(
            f"unknown field(s) {', '.join(unknown)} in the column mapping; known fields: "
            f"{', '.join(sorted(KNOWN_FIELDS))}"
        )


def save_mapping(store: Store, name: str, columns: dict[str, str], layout: str) -> None:
    check_fields(columns)
    with store.unit_of_work(write=True) as uow:
        names = set(json.loads(uow.settings.get(_INDEX) or "[]"))
        names.add(name)
        uow.settings.set(_INDEX, json.dumps(sorted(names)))
        uow.settings.set(f"mapping:{name}", json.dumps({"layout": layout, "columns": columns}))


def load_mapping(store: Store, name: str) -> dict[str, str]:
    with store.unit_of_work() as uow:
        text = uow.settings.get(f"mapping:{name}")
    if text is None:
        raise NotFoundError(f"no saved column mapping called {name!r}")
    columns: dict[str, str] = json.loads(text)["columns"]
    return columns


def mappings_for_layout(store: Store, layout: str) -> list[str]:
    """Names of the saved mappings made for this header layout."""
    with store.unit_of_work() as uow:
        names = json.loads(uow.settings.get(_INDEX) or "[]")
        found = []
        for name in names:
            text = uow.settings.get(f"mapping:{name}")
            if text and json.loads(text).get("layout") == layout:
                found.append(name)
    return found

"""An agreement's councils (add, remove, reorder: the first is the lead, accountable one) and
a council's own details (edited once for every agreement that shares it).

Councils are shared records: removing one from an agreement only unlinks it, so the other
agreements it is party to keep it. Each edit takes what the caller saw (the agreement's
council names in order, or the field's old value) and refuses with EditConflictError when
the store holds something else; the comparison is made inside the write transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from lpsa_desktop.domain.agreement import Agreement, Council
from lpsa_desktop.domain.council_codes import checked_council_code
from lpsa_desktop.domain.diff import Change, diff_agreements, value_text
from lpsa_desktop.domain.enums import CouncilType, CpaCategory
from lpsa_desktop.errors import FieldProblem, InvalidValueError, NotFoundError
from lpsa_desktop.services.agreement_edits import EditConflictError
from lpsa_desktop.storage.store import Store
from lpsa_desktop.storage.unit_of_work import UnitOfWork

COUNCIL_FIELDS = ("name", "code", "type", "population", "cpa_category")


def add_council(
    store: Store,
    ref: str,
    name: str,
    *,
    position: int | None = None,
    expected: Sequence[str],
    officer: str,
) -> Council:
    """Make council ``name`` party to agreement ``ref`` at ``position`` (0 is the lead; None:
    last). A council the store holds is linked with its details; a new name is a new council."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidValueError(FieldProblem("council", name, "a name"))

    def change(uow: UnitOfWork, agreement: Agreement) -> Agreement:
        if any(c.name.casefold() == cleaned.casefold() for c in agreement.councils):
            raise InvalidValueError(
                FieldProblem("council", cleaned, f"a council not yet party to {agreement.ref}")
            )
        council = uow.councils.find(cleaned) or Council(name=cleaned)
        councils = list(agreement.councils)
        at = len(councils) if position is None else max(0, min(position, len(councils)))
        councils.insert(at, council)
        return dataclasses.replace(agreement, councils=tuple(councils))

    after = _update_councils(
        store, ref, expected, change, officer=officer, action=f"add council {cleaned}"
    )
    return next(c for c in after.councils if c.name.casefold() == cleaned.casefold())


def remove_council(
    store: Store, ref: str, name: str, *, expected: Sequence[str], officer: str
) -> None:
    """Unlink council ``name`` from agreement ``ref`` (it stays in the store and in every
    other agreement it is party to). An agreement keeps at least one council."""

    def change(_uow: UnitOfWork, agreement: Agreement) -> Agreement:
        index = _index(agreement, name)
        if len(agreement.councils) == 1:
            raise InvalidValueError(
                FieldProblem("council", name, f"another council first: {ref} needs a lead council")
            )
        councils = agreement.councils[:index] + agreement.councils[index + 1 :]
        return dataclasses.replace(agreement, councils=councils)

    _update_councils(store, ref, expected, change, officer=officer, action=f"remove council {name}")


def move_council(
    store: Store, ref: str, name: str, position: int, *, expected: Sequence[str], officer: str
) -> None:
    """Put council ``name`` at ``position`` (0: the lead) among agreement ``ref``'s councils."""

    def change(_uow: UnitOfWork, agreement: Agreement) -> Agreement:
        councils = list(agreement.councils)
        if not 0 <= position < len(councils):
            raise InvalidValueError(
                FieldProblem("position", str(position + 1), f"1 to {len(councils)}")
            )
        councils.insert(position, councils.pop(_index(agreement, name)))
        return dataclasses.replace(agreement, councils=tuple(councils))

    _update_councils(store, ref, expected, change, officer=officer, action=f"move council {name}")


def edit_council(
    store: Store, name: str, field: str, value: Any, *, expected: Any, officer: str
) -> list[str]:
    """Change one detail of council ``name`` (``COUNCIL_FIELDS``) for every agreement that
    shares it; refuses when the store does not hold ``expected`` there. Returns those refs."""
    if field not in COUNCIL_FIELDS:
        raise InvalidValueError(FieldProblem(f"council {name}", field, ", ".join(COUNCIL_FIELDS)))
    new_value = checked_council_value(field, value, where=f"council {name} / {field}")
    with store.unit_of_work(write=True) as uow:
        council = uow.councils.find(name)
        if council is None or council.name != name:
            raise NotFoundError(f"no council {name!r} (see `lpsa councils AGREEMENT`)")
        current = getattr(council, field)
        if current != expected:
            raise EditConflictError(
                f"council {name} / {field} is now {value_text(current) or '(empty)'} in the "
                f"store (changed elsewhere); it was {value_text(expected) or '(empty)'}"
            )
        if new_value == current:
            return []
        if field == "name":
            other = uow.councils.find(new_value)
            if other is not None and other.name != name:
                raise InvalidValueError(
                    FieldProblem(f"council {name} / name", new_value, "a name no other council has")
                )
        refs = uow.councils.sharing(name)
        uow.councils.replace(
            name, dataclasses.replace(council, **{field: new_value}), datetime.now()
        )
        change = Change(
            "changed", f"council {name}", field, value_text(current), value_text(new_value)
        )
        for ref in refs:
            uow.audit.record(ref, officer, f"edit council {name} / {field}", [change])
        return refs


def council_details(store: Store, name: str) -> tuple[Council, list[str]]:
    """Council ``name`` (as stored) and the refs of the agreements sharing it."""
    with store.unit_of_work() as uow:
        council = uow.councils.find(name)
        if council is None:
            raise NotFoundError(f"no council {name!r} (see `lpsa councils AGREEMENT`)")
        return council, uow.councils.sharing(council.name)


def council_names(store: Store) -> list[str]:
    with store.unit_of_work() as uow:
        return uow.councils.names()


def checked_council_value(field: str, value: Any, *, where: str) -> Any:
    """``value`` as council ``field`` stores it, or InvalidValueError naming ``where``."""
    if field == "name":
        cleaned = " ".join(str(value or "").split())
        if not cleaned:
            raise InvalidValueError(FieldProblem(where, str(value), "a name"))
        return cleaned
    if field == "code":
        return checked_council_code(value, where=where)
    if value is None or value == "":
        return None
    if field == "population":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InvalidValueError(FieldProblem(where, str(value), "a whole number of people"))
        return value
    kind: type[CouncilType] | type[CpaCategory] = CouncilType if field == "type" else CpaCategory
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(k.value for k in kind)
        raise InvalidValueError(FieldProblem(where, str(value), f"one of {choices}")) from None


def _update_councils(
    store: Store,
    ref: str,
    expected: Sequence[str],
    change: Callable[[UnitOfWork, Agreement], Agreement],
    *,
    officer: str,
    action: str,
) -> Agreement:
    with store.unit_of_work(write=True) as uow:
        before = uow.agreements.get(ref)
        names = [c.name for c in before.councils]
        if names != list(expected):
            raise EditConflictError(
                f"{ref}'s councils are now {', '.join(names)} in the store (changed elsewhere); "
                "nothing was changed"
            )
        after = change(uow, before)
        uow.agreements.save(after)
        uow.audit.record(ref, officer, action, diff_agreements(before, after))
        return after


def _index(agreement: Agreement, name: str) -> int:
    for index, council in enumerate(agreement.councils):
        if council.name.casefold() == " ".join(name.split()).casefold():
            return index
    raise NotFoundError(f"{agreement.ref} has no council {name!r}")

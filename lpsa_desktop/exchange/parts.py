"""The JSON parts of a package ↔ records, with the schema checked on the way in.

The agreement (and each round's snapshot) uses the `lpsa show --json` shape of
``domain.serialization``; the other parts are lists of small objects defined here.
Decoding never trusts a type: a wrong or missing key raises PartError naming it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import InvalidOperation
from typing import Any, TypeVar

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.exchange_records import AuditEntry, ImportSummary
from lpsa_desktop.domain.meetings import (
    ActionItem,
    Attendee,
    Decision,
    ItemRef,
    Meeting,
    MeetingStatus,
)
from lpsa_desktop.domain.rounds import Party, Round
from lpsa_desktop.domain.serialization import agreement_from_dict, agreement_to_dict

T = TypeVar("T")


class PartError(ValueError):
    """A part whose content does not fit the schema (the reader adds the part's name)."""


# --- records → JSON-ready data ---------------------------------------------------------------


def round_to_dict(taken: Round) -> dict[str, Any]:
    return round_fields_to_dict(
        number=taken.number, name=taken.name, party=taken.party, held_on=taken.held_on,
        internal=taken.internal, taken_at=taken.taken_at, officer=taken.officer,
        source=taken.source, snapshot=agreement_to_dict(taken.snapshot),
    )  # fmt: skip


def round_fields_to_dict(
    *,
    number: int,
    name: str,
    party: Party,
    held_on: date,
    internal: bool,
    taken_at: datetime | None,
    officer: str,
    source: str,
    snapshot: dict[str, Any],
) -> dict[str, Any]:
    """A round's part entry from its fields and its snapshot as data (`lpsa show --json`
    shape), so that a stored round need not be read into objects to be sent."""
    return {
        "number": number,
        "name": name,
        "party": party.value,
        "held_on": held_on.isoformat(),
        "internal": internal,
        "taken_at": taken_at.isoformat() if taken_at else None,
        "officer": officer,
        "source": source,
        "snapshot": snapshot,
    }


def without_internal_data(snapshot: dict[str, Any]) -> dict[str, Any]:
    """``shared_state.without_internal`` for an agreement as data."""
    emptied = {**snapshot, "internal_notes": ""}
    for key in ("targets", "freedoms"):
        emptied[key] = [{**item, "internal_notes": ""} for item in snapshot.get(key, [])]
    return emptied


def meeting_to_dict(meeting: Meeting) -> dict[str, Any]:
    return {
        "held_on": meeting.held_on.isoformat(),
        "place": meeting.place,
        "status": meeting.status.value,
        "round_number": meeting.round_number,
        "attendees": [{"name": a.name, "organisation": a.organisation} for a in meeting.attendees],
        "agenda": [i.token for i in meeting.agenda],
        "decisions": [
            {"item": _token(d.item), "text": d.text, "recorded_at": d.recorded_at.isoformat(),
             "officer": d.officer, "internal": d.internal}
            for d in meeting.decisions
        ],
        "actions": [
            {"item": _token(a.item), "text": a.text, "owner": a.owner,
             "due": a.due.isoformat() if a.due else None, "done": a.done, "internal": a.internal}
            for a in meeting.actions
        ],
    }  # fmt: skip


def audit_to_dict(entry: AuditEntry) -> dict[str, Any]:
    return {"at": entry.at.isoformat(), "officer": entry.officer, "action": entry.action,
            "entity": entry.entity, "field": entry.field, "old": entry.old, "new": entry.new}  # fmt: skip


def import_to_dict(summary: ImportSummary) -> dict[str, Any]:
    return {
        "file_name": summary.file_name,
        "sha256": summary.sha256,
        "imported_at": summary.imported_at.isoformat(),
        "officer": summary.officer,
        "counts": summary.counts,
        "reverted_at": summary.reverted_at.isoformat() if summary.reverted_at else None,
    }


# --- JSON data → records (checked) -----------------------------------------------------------


def agreement_from_part(data: Any) -> Agreement:
    if not isinstance(data, Mapping):
        raise PartError("is not an object")
    try:
        return agreement_from_dict(data)
    except (KeyError, TypeError, ValueError, InvalidOperation, AttributeError) as exc:
        raise PartError(f"does not describe an agreement ({_why(exc)})") from None


def rounds_from_part(data: Any, agreement_ref: str) -> tuple[Round, ...]:
    def one(item: Mapping[str, Any]) -> Round:
        taken_at = _opt(item, "taken_at", str)
        return Round(
            agreement_ref=agreement_ref,
            number=_get(item, "number", int),
            name=_get(item, "name", str),
            party=Party(_get(item, "party", str)),
            held_on=date.fromisoformat(_get(item, "held_on", str)),
            snapshot=agreement_from_part(_get(item, "snapshot", dict)),
            internal=_get(item, "internal", bool),
            taken_at=datetime.fromisoformat(taken_at) if taken_at else None,
            officer=_get(item, "officer", str),
            source=_get(item, "source", str),
        )

    return _each(data, one)


def meetings_from_part(data: Any, agreement_ref: str) -> tuple[Meeting, ...]:
    def one(item: Mapping[str, Any]) -> Meeting:
        return Meeting(
            agreement_ref=agreement_ref,
            held_on=date.fromisoformat(_get(item, "held_on", str)),
            place=_get(item, "place", str),
            attendees=_each(
                _get(item, "attendees", list),
                lambda a: Attendee(_get(a, "name", str), _get(a, "organisation", str)),
            ),
            agenda=tuple(ItemRef.parse(_text(t)) for t in _get(item, "agenda", list)),
            decisions=_each(_get(item, "decisions", list), _decision),
            actions=_each(_get(item, "actions", list), _action),
            status=MeetingStatus(_get(item, "status", str)),
            round_number=_opt(item, "round_number", int),
        )

    return _each(data, one)


def audit_from_part(data: Any) -> tuple[AuditEntry, ...]:
    return _each(
        data,
        lambda e: AuditEntry(
            at=datetime.fromisoformat(_get(e, "at", str)),
            officer=_get(e, "officer", str),
            action=_get(e, "action", str),
            entity=_get(e, "entity", str),
            field=_opt(e, "field", str),
            old=_opt(e, "old", str),
            new=_opt(e, "new", str),
        ),
    )


def imports_from_part(data: Any) -> tuple[ImportSummary, ...]:
    def one(item: Mapping[str, Any]) -> ImportSummary:
        reverted = _opt(item, "reverted_at", str)
        return ImportSummary(
            file_name=_get(item, "file_name", str),
            sha256=_get(item, "sha256", str),
            imported_at=datetime.fromisoformat(_get(item, "imported_at", str)),
            officer=_get(item, "officer", str),
            counts=_get(item, "counts", str),
            reverted_at=datetime.fromisoformat(reverted) if reverted else None,
        )

    return _each(data, one)


def _decision(item: Mapping[str, Any]) -> Decision:
    return Decision(
        item=_item(_opt(item, "item", str)),
        text=_get(item, "text", str),
        recorded_at=datetime.fromisoformat(_get(item, "recorded_at", str)),
        officer=_get(item, "officer", str),
        internal=_get(item, "internal", bool),
    )


def _action(item: Mapping[str, Any]) -> ActionItem:
    due = _opt(item, "due", str)
    return ActionItem(
        item=_item(_opt(item, "item", str)),
        text=_get(item, "text", str),
        owner=_get(item, "owner", str),
        due=date.fromisoformat(due) if due else None,
        done=_get(item, "done", bool),
        internal=_get(item, "internal", bool),
    )


def _each(data: Any, one: Callable[[Mapping[str, Any]], T]) -> tuple[T, ...]:
    if not isinstance(data, list):
        raise PartError("is not a list")
    made = []
    for position, item in enumerate(data, start=1):
        if not isinstance(item, Mapping):
            raise PartError(f"entry {position} is not an object")
        try:
            made.append(one(item))
        except PartError as exc:
            raise PartError(f"entry {position}: {exc}") from None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise PartError(f"entry {position}: {_why(exc)}") from None
    return tuple(made)


def _get(item: Mapping[str, Any], key: str, kind: type[T]) -> T:
    if key not in item:
        raise PartError(f"has no {key!r}")
    value = item[key]
    # bool is an int in Python; a number is never accepted where a flag is meant, or back
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise PartError(f"{key!r} is not {kind.__name__}")
    return value


def _opt(item: Mapping[str, Any], key: str, kind: type[T]) -> T | None:
    return None if item.get(key) is None else _get(item, key, kind)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise PartError("an agenda item is not text")
    return value


def _token(item: ItemRef | None) -> str | None:
    return None if item is None else item.token


def _item(token: str | None) -> ItemRef | None:
    return None if token is None else ItemRef.parse(token)


def _why(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing {exc}"
    return str(exc) or type(exc).__name__

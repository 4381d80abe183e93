"""`lpsa set AGREEMENT ADDRESS=VALUE ... [--expect OLD]`: change values from the command line.

Every field the window can edit, with the window's checks, audit wording and conflict rule,
several in one transaction. The services are imported inside the handler so that other
commands do not pay for them at start-up.
"""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal
from typing import Any

from lpsa_desktop.errors import LpsaError

_MONEY_FIELDS = {"net_budget_requirement", "pump_priming_grant", "pump_priming"}


def register(commands: Any) -> None:
    setting = commands.add_parser(
        "set",
        help="change values: agreement.title, target:3.title, indicator:3a.with, ...",
        description="Change one or more values of an agreement in one transaction, printed "
        "as old → new. ADDRESS is agreement.FIELD, target:REF.FIELD, indicator:REF.FIELD, "
        "freedom:REF.FIELD, or partner:N / signatory:N / council:N .FIELD (N from 1). "
        "An empty VALUE clears an optional field.",
    )
    setting.add_argument("agreement", metavar="AGREEMENT")
    setting.add_argument("assignments", nargs="+", metavar="ADDRESS=VALUE")
    setting.add_argument(
        "--expect",
        action="append",
        default=[],
        metavar="OLD",
        help="change only if the stored value is still OLD (else exit 1, nothing written); "
        "with several assignments give ADDRESS=OLD, once per address",
    )
    setting.set_defaults(run=run_set)


def run_set(args: argparse.Namespace) -> int:
    from lpsa_desktop.cli.store_access import open_store  # noqa: PLC0415 (start-up time)
    from lpsa_desktop.services.agreement_queries import load_agreement  # noqa: PLC0415
    from lpsa_desktop.services.field_edits import UNCHECKED, set_fields  # noqa: PLC0415
    from lpsa_desktop.services.field_text import (  # noqa: PLC0415
        address_text,
        parse_address,
        parse_value,
    )
    from lpsa_desktop.services.officer import current_officer  # noqa: PLC0415

    assignments = [_split(text) for text in args.assignments]
    addresses = [parse_address(name) for name, _value in assignments]
    if len(set(addresses)) != len(addresses):
        raise LpsaError("an address is given twice; give each once")
    expected_text = _expectations(args.expect, [name for name, _v in assignments], addresses)
    edits = [
        (
            address,
            parse_value(address, value),
            UNCHECKED if (old := expected_text.get(index)) is None else parse_value(address, old),
        )
        for index, (address, (_name, value)) in enumerate(zip(addresses, assignments, strict=True))
    ]
    store = open_store(args)
    try:
        ref = load_agreement(store, args.agreement).ref
        changed = set_fields(store, ref, edits, officer=current_officer(store))
    finally:
        store.close()
    width = max(len(address_text(a)) for a, _o, _n in changed)
    for address, old, new in changed:
        print(
            f"{address_text(address):<{width}}  {_shown(address.field, old)} → {_shown(address.field, new)}"
        )
    return 0


def _split(text: str) -> tuple[str, str]:
    name, equals, value = text.partition("=")
    if not equals or not name.strip():
        raise LpsaError(f"{text!r} is not ADDRESS=VALUE (e.g. indicator:3a.with=7.4)")
    return name.strip(), value


def _expectations(given: list[str], names: list[str], addresses: list[Any]) -> dict[int, str]:
    """Which assignment each --expect is for: the only one, or the one it names."""
    from lpsa_desktop.services.field_text import parse_address  # noqa: PLC0415

    if not given:
        return {}
    if len(names) == 1 and len(given) == 1:
        text = given[0]
        name, equals, old = text.partition("=")
        if equals and _names_address(name, addresses[0], parse_address):
            return {0: old}
        return {0: text}
    found: dict[int, str] = {}
    for text in given:
        name, equals, old = text.partition("=")
        matches = [
            i for i, a in enumerate(addresses) if equals and _names_address(name, a, parse_address)
        ]
        if not matches:
            raise LpsaError(
                f"--expect {text!r}: with several assignments, say which: ADDRESS=OLD "
                f"(one of {', '.join(names)})"
            )
        if matches[0] in found:
            raise LpsaError(f"--expect is given twice for {names[matches[0]]}")
        found[matches[0]] = old
    return found


def _names_address(name: str, address: Any, parse: Any) -> bool:
    try:
        return bool(parse(name) == address)
    except LpsaError:
        return False


def _shown(field: str, value: Any) -> str:
    from lpsa_desktop.domain.diff import value_text  # noqa: PLC0415
    from lpsa_desktop.domain.money import format_money  # noqa: PLC0415
    from lpsa_desktop.domain.periods import format_date  # noqa: PLC0415

    if value is None or value == "":
        return "(empty)"
    if field in _MONEY_FIELDS and isinstance(value, Decimal):
        return format_money(value, pence=True)
    if isinstance(value, date):
        return format_date(value)
    return value_text(value) or "(empty)"

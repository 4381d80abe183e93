"""A child process for the durability tests: rewrites every indicator of one agreement in
each transaction, forever, announcing each commit on stdout. Run as
``python -m tests.core.storage.writer_process STORE REF FIELD``."""

from __future__ import annotations

import dataclasses
import sys
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.services.agreement_editing import update_agreement
from lpsa_desktop.storage.store import Store


def set_everywhere(agreement: Agreement, field: str, value: Decimal) -> Agreement:
    targets = tuple(
        dataclasses.replace(
            t, indicators=tuple(dataclasses.replace(i, **{field: value}) for i in t.indicators)
        )
        for t in agreement.targets
    )
    return dataclasses.replace(agreement, targets=targets)


def main() -> None:
    path, ref, field = sys.argv[1:4]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 10**9
    store = Store.open(path)
    for n in range(1, rounds + 1):
        value = Decimal(n)
        update_agreement(
            store,
            ref,
            lambda a, v=value: set_everywhere(a, field, v),
            officer=f"writer {field}",
            action="stress",
        )
        print(n, flush=True)


if __name__ == "__main__":
    main()

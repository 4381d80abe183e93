"""Creating agreements with the right defaults for their generation, and the status lifecycle
(draft → negotiating → provisionally agreed → signed; superseded or withdrawn on the side)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from lpsa_desktop.domain.agreement import (
    LPSA1_INTERIM_FRACTION,
    LPSA2_CAPITAL_SHARE,
    Agreement,
    Council,
)
from lpsa_desktop.domain.enums import AgreementStatus, Generation
from lpsa_desktop.domain.refs import make_agreement_ref

_ORDER = (
    AgreementStatus.DRAFT,
    AgreementStatus.NEGOTIATING,
    AgreementStatus.PROVISIONALLY_AGREED,
    AgreementStatus.SIGNED,
)
_FINAL = {AgreementStatus.SUPERSEDED, AgreementStatus.WITHDRAWN}


def new_agreement(
    council: Council,
    generation: Generation,
    period_start: date,
    period_end: date,
    *,
    taken_refs: set[str] | frozenset[str] = frozenset(),
    title: str | None = None,
) -> Agreement:
    """A draft agreement with its generation's reward parameters.

    LPSA1: one fifth paid on account for met interim levels, capital/revenue split unknown.
    LPSA2: the grant is half capital, half revenue [MBRO-LPSA2]; no interim payment is
    sourced for LPSA2, so none by default (both stay editable).
    """
    lpsa2 = generation is Generation.LPSA2
    return Agreement(
        ref=make_agreement_ref(council.name, generation.value, taken_refs),
        title=title or f"{council.name} Local Public Service Agreement",
        generation=generation,
        councils=(council,),
        period_start=period_start,
        period_end=period_end,
        interim_fraction=Decimal(0) if lpsa2 else LPSA1_INTERIM_FRACTION,
        capital_share=LPSA2_CAPITAL_SHARE if lpsa2 else None,
    )


def allowed_statuses(current: AgreementStatus) -> tuple[AgreementStatus, ...]:
    """Where an agreement may go from ``current``: one step forward or back along the
    negotiation, or aside to superseded/withdrawn; those two are final."""
    if current in _FINAL:
        return ()
    at = _ORDER.index(current)
    neighbours = [_ORDER[i] for i in (at - 1, at + 1) if 0 <= i < len(_ORDER)]
    return (*neighbours, AgreementStatus.SUPERSEDED, AgreementStatus.WITHDRAWN)


def shows_draft_mark(status: AgreementStatus) -> bool:
    """A printed agreement is marked DRAFT while its terms are still being drafted or
    negotiated. Superseded and withdrawn agreements are not: they may have been signed, and
    the running header already says what they are."""
    return status in (AgreementStatus.DRAFT, AgreementStatus.NEGOTIATING)

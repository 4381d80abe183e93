"""New agreements get their generation's parameters; statuses move one step at a time."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from lpsa_desktop.domain.agreement import Council
from lpsa_desktop.domain.enums import AgreementStatus as S
from lpsa_desktop.domain.enums import Generation
from lpsa_desktop.domain.lifecycle import allowed_statuses, new_agreement, shows_draft_mark


def test_an_lpsa2_agreement_splits_its_grant_half_capital_half_revenue() -> None:
    a = new_agreement(
        Council("Herefordshire Council"), Generation.LPSA2, date(2005, 4, 1), date(2008, 3, 31)
    )
    assert (a.ref, a.status, a.capital_share, a.interim_fraction) == (
        "herefordshire-lpsa2",
        S.DRAFT,
        Decimal("0.5"),
        0,
    )
    assert a.reward_rate == Decimal("0.025") and a.threshold == Decimal("0.60")


def test_an_lpsa1_agreement_pays_a_fifth_on_account_and_leaves_the_split_unknown() -> None:
    a = new_agreement(
        Council("Kent County Council"),
        Generation.LPSA1,
        date(2002, 4, 1),
        date(2005, 3, 31),
        taken_refs={"kent-lpsa1"},
    )
    assert (a.ref, a.capital_share, a.interim_fraction) == ("kent-lpsa1-2", None, Decimal("0.2"))


def test_statuses_move_one_step_or_aside_and_final_ones_stay() -> None:
    assert allowed_statuses(S.DRAFT) == (S.NEGOTIATING, S.SUPERSEDED, S.WITHDRAWN)
    assert allowed_statuses(S.PROVISIONALLY_AGREED) == (
        S.NEGOTIATING,
        S.SIGNED,
        S.SUPERSEDED,
        S.WITHDRAWN,
    )
    assert allowed_statuses(S.WITHDRAWN) == ()


def test_the_draft_mark_goes_once_provisionally_agreed() -> None:
    assert [
        shows_draft_mark(s) for s in (S.DRAFT, S.NEGOTIATING, S.PROVISIONALLY_AGREED, S.SIGNED)
    ] == [True, True, False, False]

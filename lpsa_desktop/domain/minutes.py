"""What the minutes of a meeting say, decided once for every format (PDF, .docx).

Shared content only: internal decisions, internal actions, internal notes and internal
rounds never reach the minutes. Values are quoted from the round the meeting closed with
(the values agreed there); minutes of a meeting still open quote the current state and say
they are a draft.
"""

from __future__ import annotations

from dataclasses import dataclass

from lpsa_desktop.domain.agreement import Agreement, FreedomRequest, Indicator, Target
from lpsa_desktop.domain.display import indicator_value
from lpsa_desktop.domain.meetings import (
    ActionItem,
    Decision,
    ItemKind,
    ItemRef,
    Meeting,
    MeetingStatus,
)
from lpsa_desktop.domain.periods import format_date, format_long_date
from lpsa_desktop.domain.rounds import Round


@dataclass(frozen=True)
class IndicatorLine:
    ref: str
    description: str
    baseline: str
    without: str
    with_: str
    status: str


@dataclass(frozen=True)
class AgendaSection:
    heading: str
    status: str
    details: tuple[str, ...]
    indicators: tuple[IndicatorLine, ...]
    decisions: tuple[str, ...]
    actions: tuple[str, ...]


@dataclass(frozen=True)
class ActionLine:
    text: str
    item: str
    owner: str
    due: str


@dataclass(frozen=True)
class Minutes:
    title: str
    subtitle: str
    draft: bool
    values_from: str
    present: tuple[tuple[str, tuple[str, ...]], ...]
    sections: tuple[AgendaSection, ...]
    other_decisions: tuple[str, ...]
    open_actions: tuple[ActionLine, ...]


def minutes_of(meeting: Meeting, agreement: Agreement, agreed: Round | None) -> Minutes:
    """``agreement`` is the current state; ``agreed`` the round the meeting closed with."""
    draft = meeting.status is MeetingStatus.OPEN or agreed is None
    quoted = agreement if agreed is None else agreed.snapshot
    if agreed is not None and not draft:
        values_from = f"Values as agreed: round {agreed.number}, “{agreed.name}” ({format_long_date(agreed.held_on)})."
    else:
        values_from = (
            "Draft: the meeting is still open; values are the current position, not yet agreed."
        )
    decisions = [d for d in meeting.decisions if not d.internal]
    actions = [a for a in meeting.actions if not a.internal]
    sections = tuple(_section(item, quoted, decisions, actions) for item in meeting.agenda)
    return Minutes(
        title=f"Minutes: {agreement.title}",
        subtitle=meeting.title,
        draft=draft,
        values_from=values_from,
        present=tuple((org, tuple(names)) for org, names in meeting.organisations().items()),
        sections=sections,
        other_decisions=tuple(
            d.text for d in decisions if d.item is None or d.item not in meeting.agenda
        ),
        open_actions=tuple(
            ActionLine(
                a.text,
                str(a.item) if a.item else "general",
                a.owner,
                format_date(a.due) if a.due else "–",
            )
            for a in actions
            if not a.done
        ),
    )


def _section(
    item: ItemRef, agreement: Agreement, decisions: list[Decision], actions: list[ActionItem]
) -> AgendaSection:
    about = [d.text for d in decisions if d.item == item]
    todo = [
        f"{a.text} ({a.owner}{', by ' + format_date(a.due) if a.due else ''})"
        for a in actions
        if a.item == item
    ]
    if item.kind is ItemKind.FREEDOM:
        freedom = next((f for f in agreement.freedoms if f.ref == item.ref), None)
        if freedom is not None:
            return _freedom_section(freedom, about, todo)
    elif item.kind is ItemKind.TARGET and (target := agreement.target(item.ref)):
        lines = tuple(_line(i) for i in target.indicators)
        return AgendaSection(
            _target_heading(target),
            target.negotiation.value,
            _target_details(target),
            lines,
            tuple(about),
            tuple(todo),
        )
    elif item.kind is ItemKind.INDICATOR and (found := agreement.find_indicator(item.ref)):
        target, indicator = found
        heading = f"{_target_heading(target)}, indicator {indicator.ref}"
        return AgendaSection(
            heading, indicator.negotiation.value, (), (_line(indicator),), tuple(about), tuple(todo)
        )
    return AgendaSection(
        f"{str(item).capitalize()} (no longer in the agreement)",
        "",
        (),
        (),
        tuple(about),
        tuple(todo),
    )


def _target_heading(target: Target) -> str:
    return f"Target {target.ref}: {target.title}"


def _target_details(target: Target) -> tuple[str, ...]:
    details = []
    if target.reserve:
        details.append("Reserve target.")
    if target.notes:
        details.append(target.notes)  # shared notes only: internal_notes are never minuted
    return tuple(details)


def _freedom_section(freedom: FreedomRequest, about: list[str], todo: list[str]) -> AgendaSection:
    details = [
        d
        for d in (freedom.department, f"Response: {freedom.response}" if freedom.response else "")
        if d
    ]
    if freedom.alternative:
        details.append(f"Alternative offered: {freedom.alternative}")
    return AgendaSection(
        f"Freedom {freedom.ref}: {freedom.description}",
        f"{freedom.negotiation.value}; government: {freedom.status.value.replace('_', ' ')}",
        tuple(details),
        (),
        tuple(about),
        tuple(todo),
    )


def _line(indicator: Indicator) -> IndicatorLine:
    return IndicatorLine(
        ref=indicator.ref,
        description=indicator.description,
        baseline=indicator_value(indicator, indicator.baseline, precise=True),
        without=indicator_value(indicator, indicator.without, precise=True),
        with_=indicator_value(indicator, indicator.with_, precise=True),
        status=indicator.negotiation.value,
    )

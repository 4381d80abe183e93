"""`lpsa meetings AGREEMENT` and `lpsa meeting open|decide|action|done|close|show|minutes`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from lpsa_desktop.cli import arguments
from lpsa_desktop.cli.output import table
from lpsa_desktop.cli.store_access import open_store
from lpsa_desktop.domain.meetings import Meeting
from lpsa_desktop.domain.periods import format_date


def register(commands: Any) -> None:
    meetings = commands.add_parser("meetings", help="the meetings of an agreement")
    meetings.add_argument("agreement", metavar="AGREEMENT")
    meetings.set_defaults(run=run_list)

    meeting = commands.add_parser(
        "meeting", help="run a meeting: open, decide, action, done, close, show, minutes"
    )
    sub = meeting.add_subparsers(dest="meeting_command", metavar="ACTION", required=True)

    opening = sub.add_parser("open", help="open a meeting; prints its number")
    opening.add_argument("agreement", metavar="AGREEMENT")
    opening.add_argument("--date", type=arguments.day, required=True)
    opening.add_argument("--place", default="")
    opening.add_argument(
        "--attendee",
        type=arguments.attendee,
        action="append",
        default=[],
        metavar='"NAME, ORGANISATION"',
    )
    opening.add_argument(
        "--agenda",
        type=arguments.item,
        action="append",
        default=[],
        metavar="ITEM",
        help="target:3, indicator:3a, freedom:F2",
    )
    opening.set_defaults(run=run_open)

    decide = sub.add_parser("decide", help="record a decision")
    decide.add_argument("meeting", type=arguments.row_id, metavar="MEETING")
    decide.add_argument("text")
    decide.add_argument("--item", type=arguments.item, metavar="ITEM")
    decide.add_argument("--internal", action="store_true", help="kept out of the minutes")
    decide.set_defaults(run=run_decide)

    action = sub.add_parser("action", help="record an action item")
    action.add_argument("meeting", type=arguments.row_id, metavar="MEETING")
    action.add_argument("text")
    action.add_argument("--owner", required=True)
    action.add_argument("--due", type=arguments.day)
    action.add_argument("--item", type=arguments.item, metavar="ITEM")
    action.add_argument("--internal", action="store_true", help="kept out of the minutes")
    action.set_defaults(run=run_action)

    done = sub.add_parser("done", help="tick off action N (as `meeting show` numbers them)")
    done.add_argument("meeting", type=arguments.row_id, metavar="MEETING")
    done.add_argument("number", type=arguments.row_id, metavar="N")
    done.set_defaults(run=run_done)

    closing = sub.add_parser(
        "close", help="close the meeting; records the values agreed as a joint round"
    )
    closing.add_argument("meeting", type=arguments.row_id, metavar="MEETING")
    closing.set_defaults(run=run_close)

    show = sub.add_parser("show", help="the meeting's record")
    show.add_argument("meeting", type=arguments.row_id, metavar="MEETING")
    show.set_defaults(run=run_show)

    minutes = sub.add_parser(
        "minutes", help="write the minutes as OUT.pdf or OUT.docx (shared content only)"
    )
    minutes.add_argument("meeting", type=arguments.row_id, metavar="MEETING")
    minutes.add_argument("out", type=Path, metavar="OUT")
    minutes.set_defaults(run=run_minutes)


def run_list(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.agreement_queries import load_agreement  # noqa: PLC0415
    from lpsa_desktop.services.meetings import list_meetings  # noqa: PLC0415

    store = open_store(args)
    meetings = list_meetings(store, load_agreement(store, args.agreement).ref)
    if not meetings:
        print("No meetings yet. `lpsa meeting open AGREEMENT --date DD/MM/YYYY` opens one.")
        return 0
    rows = [
        [str(m.id), format_date(m.held_on), m.place, m.status.value, str(len(m.decisions)), str(len(m.open_actions)),
         "" if m.round_number is None else str(m.round_number)]
        for m in meetings
    ]  # fmt: skip
    print(table(["Meeting", "Date", "Place", "Status", "Decisions", "Open actions", "Round"], rows))
    return 0


def run_open(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.agreement_queries import load_agreement  # noqa: PLC0415
    from lpsa_desktop.services.meetings import open_meeting  # noqa: PLC0415
    from lpsa_desktop.services.officer import current_officer  # noqa: PLC0415

    store = open_store(args)
    ref = load_agreement(store, args.agreement).ref
    meeting = open_meeting(store, ref, held_on=args.date, place=args.place, attendees=args.attendee,
                           agenda=args.agenda, officer=current_officer(store))  # fmt: skip
    print(meeting.id)
    return 0


def run_decide(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.meetings import record_decision  # noqa: PLC0415
    from lpsa_desktop.services.officer import current_officer  # noqa: PLC0415

    store = open_store(args)
    record_decision(
        store,
        args.meeting,
        args.item,
        args.text,
        officer=current_officer(store),
        internal=args.internal,
    )
    return 0


def run_action(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.meetings import add_action  # noqa: PLC0415
    from lpsa_desktop.services.officer import current_officer  # noqa: PLC0415

    store = open_store(args)
    add_action(store, args.meeting, args.item, args.text, owner=args.owner, due=args.due,
               officer=current_officer(store), internal=args.internal)  # fmt: skip
    return 0


def run_done(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.meetings import mark_action_done  # noqa: PLC0415
    from lpsa_desktop.services.officer import current_officer  # noqa: PLC0415

    store = open_store(args)
    mark_action_done(store, args.meeting, args.number - 1, officer=current_officer(store))
    return 0


def run_close(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.meetings import close_meeting  # noqa: PLC0415
    from lpsa_desktop.services.officer import current_officer  # noqa: PLC0415

    store = open_store(args)
    meeting = close_meeting(store, args.meeting, officer=current_officer(store))
    print(f"closed; values agreed recorded as round {meeting.agreement_ref}:{meeting.round_number}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.meetings import get_meeting  # noqa: PLC0415

    print(describe_meeting(get_meeting(open_store(args), args.meeting)))
    return 0


def run_minutes(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.minutes import export_minutes  # noqa: PLC0415

    minutes = export_minutes(open_store(args), args.meeting, args.out)
    print(f"wrote {args.out}" + (" (draft: the meeting is still open)" if minutes.draft else ""))
    return 0


def describe_meeting(meeting: Meeting) -> str:
    lines = [f"{meeting.title} ({meeting.status.value})", ""]
    for organisation, names in meeting.organisations().items():
        lines.append(f"{organisation}: {', '.join(names)}")
    if meeting.agenda:
        lines += ["", "Agenda: " + "; ".join(str(i) for i in meeting.agenda)]
    if meeting.decisions:
        lines += ["", "Decisions:"]
        lines += [
            f"  - {d.text}"
            + (f" [{d.item}]" if d.item else "")
            + (" (internal)" if d.internal else "")
            for d in meeting.decisions
        ]
    if meeting.actions:
        lines += ["", "Actions:"]
        for n, a in enumerate(meeting.actions, start=1):
            due = f", by {format_date(a.due)}" if a.due else ""
            tick = "done" if a.done else "open"
            lines.append(
                f"  {n}. [{tick}] {a.text} ({a.owner}{due})" + (" (internal)" if a.internal else "")
            )
    if meeting.round_number is not None:
        lines += ["", f"Values agreed: round {meeting.agreement_ref}:{meeting.round_number}"]
    return "\n".join(lines)

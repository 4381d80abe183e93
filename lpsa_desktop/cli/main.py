"""`lpsa`: the scriptable face of LPSA Desk (see README, "Command line").

Exit status: 0 done; 1 input refused or a check failed; 2 wrong usage. A refused input is
one line on standard error; an unexpected fault is one line and the log file's path.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from lpsa_desktop.cli import (
    agreement_commands,
    delivery_commands,
    document_commands,
    grant_commands,
    import_commands,
    lifecycle_commands,
    meeting_commands,
    package_commands,
    reward_commands,
    round_commands,
    server_commands,
    set_commands,
    store_commands,
    trust_commands,
)
from lpsa_desktop.cli.parser import QuietArgumentParser
from lpsa_desktop.errors import LpsaError
from lpsa_desktop.logs import configure_logging
from lpsa_desktop.version import app_version

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
log = logging.getLogger("lpsa")


def build_parser() -> argparse.ArgumentParser:
    parser = QuietArgumentParser(
        prog="lpsa",
        description="Local Public Service Agreements from the command line.",
    )
    parser.add_argument("--version", action="version", version=f"lpsa {app_version()}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="the store: a SQLite file or SQLAlchemy URL (default: $LPSA_DB, else "
        "lpsa.sqlite in your data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    agreement_commands.register(commands)
    lifecycle_commands.register(commands)
    reward_commands.register(commands)
    document_commands.register(commands)
    import_commands.register(commands)
    round_commands.register(commands)
    meeting_commands.register(commands)
    set_commands.register(commands)
    store_commands.register(commands)
    trust_commands.register(commands)
    package_commands.register(commands)
    delivery_commands.register(commands)
    grant_commands.register(commands)
    server_commands.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # a frozen bundle's verification child starts here
        import multiprocessing  # noqa: PLC0415

        multiprocessing.freeze_support()
    args = build_parser().parse_args(argv)
    path = configure_logging()  # one handler per process, shared with the window
    try:
        return int(args.run(args))
    except LpsaError as exc:
        print(f"lpsa: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:
        # The reader went away (e.g. `lpsa show X | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("lpsa: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the one place a fault becomes a line, not a traceback
        log.exception("unexpected fault in `lpsa %s`", " ".join(argv or sys.argv[1:]))
        where = f"; details in {path}" if path else ""
        print(f"lpsa: unexpected error ({type(exc).__name__}: {exc}){where}", file=sys.stderr)
        return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())

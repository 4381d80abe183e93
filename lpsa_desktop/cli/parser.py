"""An argument parser whose usage errors never echo what was typed: a mistyped
``--pass SECRET`` must not print the secret to the terminal (and into a CI log)."""

from __future__ import annotations

import argparse
import re
from typing import NoReturn

_UNRECOGNISED = "unrecognized arguments: "
_INVALID_CHOICE = re.compile(r"invalid choice: .*? \(choose from")


class QuietArgumentParser(argparse.ArgumentParser):
    """Unrecognised arguments are named by their option names only; an invalid choice
    by its list of choices. Subparsers are made of the same class (argparse's default)."""

    def error(self, message: str) -> NoReturn:
        if message.startswith(_UNRECOGNISED):
            words = message.removeprefix(_UNRECOGNISED).split()
            options = [w.split("=", 1)[0] for w in words if w.startswith("-")]
            hidden = len(words) - len(options)
            named = ", ".join(options) or "none"
            more = f" (and {hidden} value(s), not shown)" if hidden else ""
            message = f"unrecognized options: {named}{more}"
        message = _INVALID_CHOICE.sub("invalid choice (choose from", message)
        super().error(message)

"""Who is making changes: recorded with every audit event."""

from __future__ import annotations

import getpass
import os

from lpsa_desktop.storage.store import Store

OFFICER_KEY = "officer"


def current_officer(store: Store) -> str:
    """The officer's name from the store's settings, else ``LPSA_OFFICER``, else the OS user."""
    with store.unit_of_work() as uow:
        stored = uow.settings.get(OFFICER_KEY)
    return stored or default_officer()


def default_officer() -> str:
    """``LPSA_OFFICER``, else the OS user: the name used when the store names nobody."""
    if env := os.environ.get("LPSA_OFFICER"):
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (e.g. some containers)
        return "unknown officer"


def set_officer(store: Store, name: str) -> None:
    with store.unit_of_work(write=True) as uow:
        uow.settings.set(OFFICER_KEY, name.strip())


def stored_officer(store: Store) -> str | None:
    """The officer's name the store records, or None while nobody has given one."""
    with store.unit_of_work() as uow:
        return uow.settings.get(OFFICER_KEY) or None


def login_full_name() -> str:
    """The login's full name where the system knows it (the passwd entry's comment), else
    the name used when the store names nobody: what the first-run question suggests."""
    try:
        import pwd  # noqa: PLC0415 (not on Windows)

        comment = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
    except (ImportError, KeyError, OSError):
        comment = ""
    return comment or default_officer()

"""What the officer's login may do with the store, asked of the store itself.

On PostgreSQL the server decides (the GRANTs that ``lpsa server init`` gives its three
roles): a role that may update agreements may edit, one that may also delete them
administers, any other may only read. On SQLite there are no logins: a file this user may
write is theirs to administer, a file they may not write is read-only for them.

The window greys out what the level does not allow; the server refuses it all the same
when asked (raw SQL included), so the greying is a courtesy, never the guard.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from sqlalchemy import Connection


class AccessLevel(Enum):
    READ = "read"
    EDIT = "edit"
    ADMINISTER = "administer"


LEVEL_WORDS = {
    AccessLevel.READ: "may only read",
    AccessLevel.EDIT: "may edit (not delete agreements)",
    AccessLevel.ADMINISTER: "may edit and delete",
}


@dataclass(frozen=True)
class StoreAccess:
    level: AccessLevel
    role: str | None
    """The server's login (``session_user``); None for a file."""

    @property
    def can_edit(self) -> bool:
        return self.level is not AccessLevel.READ

    @property
    def can_delete(self) -> bool:
        return self.level is AccessLevel.ADMINISTER

    def describe(self) -> str:
        """For a status line: "your login alice may only read"."""
        who = f"your login {self.role}" if self.role else "you"
        return f"{who} {LEVEL_WORDS[self.level]}"


def file_access(file: Path | None) -> StoreAccess:
    if file is not None and file.exists() and not os.access(file, os.W_OK):
        return StoreAccess(AccessLevel.READ, None)
    return StoreAccess(AccessLevel.ADMINISTER, None)


def server_access(connection: Connection) -> StoreAccess:
    role, update, delete = connection.exec_driver_sql(
        "SELECT session_user, has_table_privilege('agreements', 'UPDATE'), "
        "has_table_privilege('agreements', 'DELETE')"
    ).one()
    if delete and update:
        level = AccessLevel.ADMINISTER
    elif update:
        level = AccessLevel.EDIT
    else:
        level = AccessLevel.READ
    return StoreAccess(level, str(role))

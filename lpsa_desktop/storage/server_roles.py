"""The three roles of a team store on PostgreSQL, and the GRANTs that make them true.

- ``lpsa_reader``: SELECT on every table (a manager's view, the screen on the wall);
- ``lpsa_editor``: a reader who may also write what negotiation and delivery write, but
  may not delete an agreement or a council, and may only add to the history: the audit
  trail and the rounds take INSERT, never UPDATE or DELETE;
- ``lpsa_admin``: an editor who may also delete agreements and councils.

Logins are made members of one of them (``grant_login``). The roles are the server's
(PostgreSQL roles belong to the cluster, not to one database), so every store on one
server shares them; their privileges are granted in the store's own database. The
program's greying-out in the window follows from these GRANTs (``storage/access.py``),
never the other way round: the server refuses raw SQL just the same.

``apply_grants`` is idempotent and runs again after every schema upgrade on a server
where the roles exist, so a table a later version adds is covered at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from lpsa_desktop.errors import ServerRoleError
from lpsa_desktop.storage.engines.common import WRITE_OPTION

if TYPE_CHECKING:
    from lpsa_desktop.storage.store import Store

READER, EDITOR, ADMINISTRATOR = "lpsa_reader", "lpsa_editor", "lpsa_admin"
ROLES = {"reader": READER, "editor": EDITOR, "administrator": ADMINISTRATOR}
"""The word an administrator types → the server's role."""

HISTORY_TABLES = ("audit_events", "rounds")  # added to, never changed
ADMINISTRATORS_ONLY = ("agreements", "councils")  # deleting one loses a whole record
PROGRAM_TABLES = ("lpsa_schema",)  # the schema version: the owner's alone

# A login name the server takes unquoted: what a directory account looks like. Anything
# else is refused rather than quoted, so no name can smuggle SQL or look like another.
LOGIN_NAME = re.compile(r"[a-z_][a-z0-9_.-]{0,62}")
# A SCRAM verifier as libpq makes it: nothing a string literal needs escaping for.
VERIFIER = re.compile(r"SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+")


@dataclass(frozen=True)
class Member:
    login: str
    role: str  # reader, editor or administrator


def roles_exist(connection: Connection) -> bool:
    found = connection.exec_driver_sql(
        "SELECT count(*) FROM pg_roles WHERE rolname IN (%(r)s, %(e)s, %(a)s)",
        {"r": READER, "e": EDITOR, "a": ADMINISTRATOR},
    ).scalar_one()
    return int(found) == len(ROLES)


def check_administrator(connection: Connection, where: str) -> None:
    """Refuse, in words, a login that cannot create roles or does not own the store."""
    me, can_create, owns = connection.exec_driver_sql(
        "SELECT current_user, r.rolsuper OR r.rolcreaterole, "
        "COALESCE((SELECT tableowner = current_user FROM pg_tables "
        "WHERE schemaname = 'public' AND tablename = 'agreements'), false) "
        "FROM pg_roles r WHERE r.rolname = current_user"
    ).one()
    if not can_create:
        raise ServerRoleError(
            f"the login {me} may not create roles on the server of {where}: `lpsa server` "
            f"is for the server's administrator (a login with CREATEROLE that owns the "
            f"store); nothing was changed"
        )
    if not owns:
        raise ServerRoleError(
            f"the login {me} does not own the store {where} (its tables belong to the "
            f"login that created it): run `lpsa server` as that login; nothing was changed"
        )


def create_roles(connection: Connection) -> list[str]:
    """The three group roles (NOLOGIN), each a member of the one below; the names made."""
    made = []
    for role in (READER, EDITOR, ADMINISTRATOR):
        exists = connection.exec_driver_sql(
            "SELECT 1 FROM pg_roles WHERE rolname = %(n)s", {"n": role}
        ).first()
        if exists is None:
            connection.exec_driver_sql(f"CREATE ROLE {role} NOLOGIN")
            made.append(role)
    _grant_membership(connection, READER, EDITOR)
    _grant_membership(connection, EDITOR, ADMINISTRATOR)
    return made


def apply_grants(connection: Connection) -> None:
    """Exactly the privileges above on every table of the store, whatever was there."""
    tables = list(
        connection.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        ).scalars()
    )
    roles = f"{READER}, {EDITOR}, {ADMINISTRATOR}"
    connection.exec_driver_sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    connection.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {roles}")
    for table in tables:
        connection.exec_driver_sql(f"REVOKE ALL ON TABLE {table} FROM PUBLIC, {roles}")
        connection.exec_driver_sql(f"GRANT SELECT ON TABLE {table} TO {READER}")
        if table in PROGRAM_TABLES:
            continue
        if table in HISTORY_TABLES:
            connection.exec_driver_sql(f"GRANT INSERT ON TABLE {table} TO {EDITOR}")
        elif table in ADMINISTRATORS_ONLY:
            connection.exec_driver_sql(f"GRANT INSERT, UPDATE ON TABLE {table} TO {EDITOR}")
            connection.exec_driver_sql(f"GRANT DELETE ON TABLE {table} TO {ADMINISTRATOR}")
        else:
            connection.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON TABLE {table} TO {EDITOR}")
    connection.exec_driver_sql(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {roles}")
    connection.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {EDITOR}")


def grant_login(connection: Connection, login: str, role_word: str, verifier: str | None) -> bool:
    """Make ``login`` a member of the role ``role_word`` names (and of no other lpsa role);
    create it as a LOGIN when it does not exist. True when it was created."""
    check_login_name(login)
    role = ROLES[role_word]
    created = False
    if not _exists(connection, login):
        connection.exec_driver_sql(f'CREATE ROLE "{login}" LOGIN')
        created = True
    elif login in ROLES.values():
        raise ServerRoleError(f"{login} is one of the program's own roles, not a login")
    _leave_all(connection, login)
    connection.exec_driver_sql(f'GRANT {role} TO "{login}"')
    if verifier is not None:
        if VERIFIER.fullmatch(verifier) is None:
            raise ServerRoleError("the password could not be prepared for the server")
        # A verifier, not the password: the server (and its log) never sees the password.
        connection.exec_driver_sql(f"ALTER ROLE \"{login}\" PASSWORD '{verifier}'")
    return created


def revoke_login(connection: Connection, login: str) -> None:
    check_login_name(login)
    if not _exists(connection, login):
        raise ServerRoleError(f"the server has no login {login}")
    _leave_all(connection, login)


def members(connection: Connection) -> list[Member]:
    """Every login in one of the three roles, by login name."""
    rows = connection.exec_driver_sql(
        "SELECT m.rolname, g.rolname FROM pg_auth_members a "
        "JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
        "WHERE g.rolname IN (%(r)s, %(e)s, %(a)s) AND m.rolname NOT IN (%(r)s, %(e)s, %(a)s) "
        "ORDER BY m.rolname, g.rolname",
        {"r": READER, "e": EDITOR, "a": ADMINISTRATOR},
    ).all()
    words = {role: word for word, role in ROLES.items()}
    return [Member(str(login), words[str(group)]) for login, group in rows]


def check_login_name(login: str) -> None:
    if LOGIN_NAME.fullmatch(login) is None:
        raise ServerRoleError(
            f"{login!r} is not a login name this program makes: lower-case letters, digits, "
            f"'_', '.' and '-', starting with a letter or '_', at most 63 characters"
        )


def password_verifier(connection: Connection, login: str, password: str) -> str:
    """libpq's SCRAM-SHA-256 verifier of ``password`` for ``login`` (PQencryptPasswordConn)."""
    driver: Any = connection.connection.driver_connection
    made = driver.pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")
    return bytes(made).decode("ascii")


def _exists(connection: Connection, role: str) -> bool:
    found = connection.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(n)s", {"n": role})
    return found.first() is not None


def _leave_all(connection: Connection, login: str) -> None:
    for role in ROLES.values():
        member = connection.exec_driver_sql(
            "SELECT 1 FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
            "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = %(g)s AND m.rolname = %(m)s",
            {"g": role, "m": login},
        ).first()
        if member is not None:
            connection.exec_driver_sql(f'REVOKE {role} FROM "{login}"')


def _grant_membership(connection: Connection, role: str, member: str) -> None:
    connection.exec_driver_sql(f"GRANT {role} TO {member}")


# What `lpsa server` does, each in one transaction under the store's write lock.


def initialise(store: Store) -> list[str]:
    """Create the roles (those missing) and grant them on this store; the roles made."""
    with _administering(store) as connection:
        made = create_roles(connection)
        apply_grants(connection)
        return made


def grant(store: Store, login: str, role_word: str, password: str | None) -> bool:
    with _administering(store) as connection:
        if not roles_exist(connection):
            raise ServerRoleError(
                f"the server of {store} has no lpsa roles yet: run `lpsa server init`"
            )
        verifier = None if password is None else password_verifier(connection, login, password)
        return grant_login(connection, login, role_word, verifier)


def revoke(store: Store, login: str) -> None:
    with _administering(store) as connection:
        revoke_login(connection, login)


def team(store: Store) -> list[Member]:
    _refuse_a_file(store)
    with store.engine.connect() as connection:
        return members(connection)


@contextmanager
def _administering(store: Store) -> Iterator[Connection]:
    _refuse_a_file(store)
    engine = store.engine.execution_options(**{WRITE_OPTION: True})
    with engine.connect() as connection, connection.begin():
        check_administrator(connection, str(store))
        yield connection


def _refuse_a_file(store: Store) -> None:
    if not store.on_server:
        raise ServerRoleError(
            f"`lpsa server` is for a team store on a PostgreSQL server; {store} is a file "
            f"on this machine, which has no logins"
        )

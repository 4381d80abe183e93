"""Who did what is the server's word: on PostgreSQL every audit entry's officer is the
authenticated role (``session_user``), set by a trigger as the row is written, so neither
the program's self-declared officer name nor a raw ``INSERT``/``UPDATE`` can put another
name there (a role cannot change its ``session_user`` without being a superuser). On
SQLite, a file with no server to vouch for anyone, the officer stays the name given.

New stores get the trigger as the table is created; older ones at schema version 6."""

from __future__ import annotations

from sqlalchemy import DDL, Connection, event

from lpsa_desktop.storage.orm import AuditRow

AUDIT_GUARDS = (
    """CREATE OR REPLACE FUNCTION lpsa_audit_officer_is_the_role() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('lpsa.brought_in', true) = 'on' THEN
        -- An entry from another laptop's package: its officer, and who brought it in.
        IF NEW.officer !~ ' \\(brought in by [^()]*\\)$' THEN
            NEW.officer := NEW.officer || ' (brought in by ' || session_user || ')';
        END IF;
    ELSE
        NEW.officer := session_user;
    END IF;
    RETURN NEW;
END $$""",
    "DROP TRIGGER IF EXISTS audit_officer_is_the_role ON audit_events",
    "CREATE TRIGGER audit_officer_is_the_role BEFORE INSERT OR UPDATE ON audit_events "
    "FOR EACH ROW EXECUTE FUNCTION lpsa_audit_officer_is_the_role()",
)

for _statement in AUDIT_GUARDS:
    _guard = DDL(_statement)  # type: ignore[no-untyped-call]  # SQLAlchemy leaves DDL() untyped
    event.listen(AuditRow.__table__, "after_create", _guard.execute_if(dialect="postgresql"))


def add_audit_guard(connection: Connection) -> None:
    """Schema version 6: the trigger above on PostgreSQL; nothing on SQLite's file."""
    if connection.dialect.name != "postgresql":
        return
    for statement in AUDIT_GUARDS:  # idempotent: a table made by today's models has it
        connection.exec_driver_sql(statement)

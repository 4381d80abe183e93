"""`lpsa server init|grant|revoke|roles` on a real PostgreSQL server, and what the server
then refuses: a reader on every write path (the program's commands and raw SQL), an editor
on deleting agreements and on rewriting history, everyone on forging the audit trail."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from lpsa_desktop.storage.access import AccessLevel
from lpsa_desktop.storage.store import Store
from tests.server_team import Team, libpq, run_cli

REF = "bath-ne-somerset-lpsa1"
WRITES = [
    ("demo",),
    ("set", REF, "target:3.title=New"),
    ("status", REF, "freedom:F5", "dropped"),
    ("outturn", REF, "1a", "2003/04", "70"),
    ("copy", REF, "--ref", "bnes-next"),
    ("delete", REF, "--yes"),
    ("rounds", "take", REF, "--name", "X", "--party", "council"),
    (
        "meeting",
        "open",
        REF,
        "--date",
        "14/03/2003",
        "--place",
        "Guildhall",
        "--attendee",
        "Jane Smith, B&NES Council",
        "--agenda",
        "target:3",
    ),
]


def _state(url: str) -> list[tuple[str, int]]:
    with psycopg.connect(libpq(url)) as db:
        tables = [
            r[0] for r in db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ]
        counts = []
        for table in tables:
            row = db.execute(
                f"SELECT count(*), md5(string_agg(t::text, '' ORDER BY t::text)) FROM {table} t"
            ).fetchone()
            assert row is not None
            counts.append((table, f"{row[0]}:{row[1]}"))
        return sorted(counts)  # type: ignore[arg-type]


@pytest.mark.parametrize("command", WRITES, ids=[" ".join(c[:2]) for c in WRITES])
def test_a_reader_is_refused_on_every_write_command(
    capsys: pytest.CaptureFixture[str], team: Team, command: tuple[str, ...]
) -> None:
    before = _state(team.url)
    code, _, err = run_cli(capsys, "--db", team.url_of("reader"), *command)
    assert code == 1
    assert "does not allow this change" in err and "nothing was changed" in err, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert _state(team.url) == before
    assert run_cli(capsys, "--db", team.url_of("reader"), "show", REF)[0] == 0  # reading is allowed


RAW_WRITES = {
    "reader": [
        "INSERT INTO settings (key, value) VALUES ('x', 'y')",
        "UPDATE agreements SET title = 'forged'",
        "UPDATE targets SET title = 'forged'",
        "DELETE FROM indicators",
        "DELETE FROM audit_events",
        "CREATE TABLE mine (x int)",
    ],
    "editor": [
        "DELETE FROM agreements",
        "DELETE FROM councils",
        "UPDATE audit_events SET officer = 'someone else'",
        "DELETE FROM audit_events",
        "UPDATE lpsa_schema SET version = 1",
        "CREATE TABLE mine (x int)",
    ],
    "administrator": [
        "UPDATE audit_events SET new_value = 'forged'",
        "DELETE FROM audit_events",
        "UPDATE lpsa_schema SET version = 1",
        "DROP TABLE settings",
    ],
}


@pytest.mark.parametrize("word", list(RAW_WRITES))
def test_the_server_refuses_raw_sql_beyond_the_role(team: Team, word: str) -> None:
    before = _state(team.url)
    with psycopg.connect(libpq(team.url_of(word)), autocommit=True) as db:
        for statement in RAW_WRITES[word]:
            with pytest.raises(
                (psycopg.errors.InsufficientPrivilege, psycopg.errors.UndefinedTable)
            ) as caught:
                db.execute(statement)
            assert isinstance(caught.value, psycopg.errors.InsufficientPrivilege), statement
    assert _state(team.url) == before


def test_an_editor_edits_but_may_not_delete_and_the_trail_names_the_login(
    capsys: pytest.CaptureFixture[str], team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LPSA_OFFICER", "Somebody Else")  # a self-declared name: ignored
    editor = team.url_of("editor")
    assert run_cli(capsys, "--db", editor, "set", REF, "target:3.title=Care leavers")[0] == 0
    code, out, _ = run_cli(capsys, "--db", editor, "history", REF, "--limit", "1")
    latest = out.splitlines()[2]  # under the heading and its rule
    assert code == 0 and team.logins["editor"] in latest and "Care leavers" in latest
    assert "Somebody Else" not in out
    before = _state(team.url)
    code, _, err = run_cli(capsys, "--db", editor, "delete", REF, "--yes")
    assert code == 1 and "does not allow this change" in err and len(err.splitlines()) == 1
    assert _state(team.url) == before
    code, out, _ = run_cli(capsys, "--db", team.url_of("administrator"), "delete", REF, "--yes")
    assert code == 0 and f"deleted {REF}" in out
    assert run_cli(capsys, "--db", team.url, "show", REF)[0] == 1


def test_the_store_says_what_each_login_may_do(team: Team) -> None:
    expected = {
        "reader": AccessLevel.READ,
        "editor": AccessLevel.EDIT,
        "administrator": AccessLevel.ADMINISTER,
    }
    for word, level in expected.items():
        store = Store(team.url_of(word), create=False)
        try:
            assert (store.access.level, store.access.role) == (level, team.logins[word])
        finally:
            store.close()


def test_roles_lists_the_team_and_revoke_takes_a_role_away(
    capsys: pytest.CaptureFixture[str], team: Team
) -> None:
    code, out, _ = run_cli(capsys, "--db", team.url_of("reader"), "server", "roles", "--json")
    listed = json.loads(out)
    assert code == 0 and listed["you"] == {"login": team.logins["reader"], "may": "read"}
    mine = {m["login"]: m["role"] for m in listed["members"] if m["login"] in team.logins.values()}
    assert mine == {login: word for word, login in team.logins.items()}
    editor = team.logins["editor"]
    assert run_cli(capsys, "--db", team.url, "server", "revoke", editor)[0] == 0
    code, _, err = run_cli(capsys, "--db", team.url_of("editor"), "set", REF, "target:3.title=X")
    assert code == 1 and "does not allow this change" in err
    code, _, err = run_cli(capsys, "--db", team.url_of("editor"), "show", REF)
    assert code == 1, "a login with no lpsa role may not even read"
    assert run_cli(capsys, "--db", team.url, "server", "grant", editor, "--as", "reader")[0] == 0
    assert run_cli(capsys, "--db", team.url_of("editor"), "show", REF)[0] == 0


def test_only_the_servers_administrator_may_give_roles(
    capsys: pytest.CaptureFixture[str], team: Team
) -> None:
    for word in ("reader", "editor", "administrator"):
        code, _, err = run_cli(
            capsys,
            "--db",
            team.url_of(word),
            "server",
            "grant",
            team.logins[word],
            "--as",
            "administrator",
        )
        assert code == 1 and "may not create roles" in err and "nothing was changed" in err, err
        assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("login", ["Robert'); DROP TABLE agreements; --", "1abc", "a b", ""])
def test_a_login_name_the_program_would_have_to_quote_is_refused(
    capsys: pytest.CaptureFixture[str], team: Team, login: str
) -> None:
    before = _state(team.url)
    code, _, err = run_cli(capsys, "--db", team.url, "server", "grant", login, "--as", "reader")
    assert code == 1 and "is not a login name" in err, err
    assert _state(team.url) == before


def test_a_password_reaches_the_server_only_as_a_verifier(
    capsys: pytest.CaptureFixture[str], team: Team, tmp_path: Path
) -> None:
    secret = tmp_path / "password.txt"
    secret.write_text("correct horse battery staple\n", encoding="utf-8")
    login = team.logins["reader"]
    code, _, err = run_cli(
        capsys,
        "--db",
        team.url,
        "server",
        "grant",
        login,
        "--as",
        "reader",
        "--password-file",
        str(secret),
    )
    assert code == 0, err
    with psycopg.connect(libpq(team.url)) as db:
        row = db.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = %s", (login,)
        ).fetchone()
    assert row is not None and str(row[0]).startswith("SCRAM-SHA-256$")
    assert "correct horse" not in str(row[0])


def test_server_commands_refuse_a_file_store(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run_cli(capsys, "--db", str(tmp_path / "s.sqlite"), "server", "init")
    assert code == 1 and "is a file on this machine" in err, err

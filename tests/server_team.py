"""A team store for the tests: the demo agreement on a fresh PostgreSQL database,
`lpsa server init` run by the test server's superuser, and one new login per role
(dropped afterwards: roles belong to the whole cluster, not to the test's database)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url

from lpsa_desktop.cli.main import main

_serial = itertools.count()


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def libpq(url: str) -> str:
    parsed = make_url(url)
    return f"dbname={parsed.database} user={parsed.username} host={parsed.query['host']}"


def _as(url: str, login: str) -> str:
    return make_url(url).set(username=login).render_as_string(hide_password=False)


class Team:
    """A store with the demo agreement, `server init` run, and one login per role."""

    def __init__(self, url: str) -> None:
        n = f"{os.getpid()}_{next(_serial)}"
        self.url = url
        self.logins = {word: f"lpsa_t_{word}_{n}" for word in ("reader", "editor", "administrator")}

    def url_of(self, word: str) -> str:
        return _as(self.url, self.logins[word])


@pytest.fixture
def team(capsys: pytest.CaptureFixture[str], pg_database: str) -> Iterator[Team]:
    made = Team(pg_database)
    assert run_cli(capsys, "--db", pg_database, "demo")[0] == 0
    assert run_cli(capsys, "--db", pg_database, "server", "init")[0] == 0
    for word, login in made.logins.items():
        code, out, err = run_cli(
            capsys, "--db", pg_database, "server", "grant", login, "--as", word
        )
        assert code == 0 and f"Created the login {login}: {word}" in out, err
    try:
        yield made
    finally:
        with psycopg.connect(libpq(pg_database), autocommit=True) as db:
            for login in made.logins.values():
                db.execute(f'DROP ROLE IF EXISTS "{login}"')

"""File ▸ Back up the store… and Restore from a backup…, and a damaged store's banner."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from lpsa_desktop.errors import StoreDamagedError
from lpsa_desktop.storage.backups import check_file, list_backups
from tests.ui.conftest import OpenWindow


def damage(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    with path.open("r+b") as out:
        out.seek(path.stat().st_size // 2 // 4096 * 4096)
        out.write(b"\xa5" * 4096)


def file_menu_texts(opened: OpenWindow) -> list[str]:
    menu = opened.window.menuBar().actions()[0].menu()
    return [a.text() for a in menu.actions()]  # type: ignore[union-attr]


def test_the_file_menu_backs_up_and_a_damaged_store_shows_a_banner_until_restored(
    open_window: Callable[..., OpenWindow], store_path: Path
) -> None:
    opened = open_window()
    actions = opened.controller.store_files
    texts = file_menu_texts(opened)
    assert "&Back up the store…" in texts and "Restore from a &backup…" in texts
    assert actions.banner.isHidden()
    actions.back_up.trigger()
    opened.wait_idle()
    made = [p for p in list_backups(store_path) if "-manual" in p.name]
    assert len(made) == 1 and check_file(made[0]) == "ok"
    opened.window.close()
    opened.controller.session.close()

    damage(store_path)
    damaged = open_window(add_demo=False)
    damaged.wait_idle()
    banner = damaged.controller.store_files
    assert not banner.banner.isHidden()
    assert "damaged" in banner.banner_text.text() and "read-only" in banner.banner_text.text()

    banner.chosen = made[0]
    banner.restore.trigger()
    damaged.wait_idle()
    damaged.qtbot.waitUntil(banner.banner.isHidden, timeout=20_000)
    assert check_file(store_path) == "ok"
    # Reading the damaged pages was refused, in words, before the restore; nothing else.
    assert all(isinstance(e, StoreDamagedError) for e in damaged.faults.errors)
    assert damaged.controller.session.agreement is not None

"""Settings that travel with the store file (not the window's layout: that is QSettings)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from lpsa_desktop.storage.orm import SettingRow


class SettingsRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, key: str) -> str | None:
        row = self._session.get(SettingRow, key)
        return None if row is None else row.value

    def set(self, key: str, value: str) -> None:
        row = self._session.get(SettingRow, key)
        if row is None:
            self._session.add(SettingRow(key=key, value=value))
        else:
            row.value = value

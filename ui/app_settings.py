"""The window's own preferences, typed, over an injected QSettings.

What belongs to one person on one machine lives here (window layout, recent stores, text
size); what must travel with the data (the officer's name recorded in the audit trail) lives
in the store. Tests pass a QSettings on a temporary ini file. QSettings gives back strings
from ini files, so every getter converts and falls back to its default on anything odd.
A passphrase is never stored, anywhere.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ui.widgets.start_folder import documents_folder

ORGANISATION = "LPSA Desk"
APPLICATION = "lpsa-desktop"
MAX_RECENT_STORES = 8
DEFAULT_PRESENTATION_SCALE = 1.5


class AppSettings:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    @classmethod
    def for_user(cls) -> AppSettings:
        """The user's settings file (ini format everywhere: readable and easy to reset)."""
        return cls(
            QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
            )
        )

    @property
    def file(self) -> str:
        return self._settings.fileName()

    def sync(self) -> None:
        self._settings.sync()

    # -- window layout ---------------------------------------------------------------------

    @property
    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/state", value)

    @property
    def current_tab(self) -> int:
        return self._int("window/current_tab", 0)

    @current_tab.setter
    def current_tab(self, value: int) -> None:
        self._settings.setValue("window/current_tab", value)

    def splitter_state(self, name: str) -> QByteArray | None:
        """How a pane was divided (e.g. the targets tree over its details), by object name."""
        return self._bytes(f"window/splitter_{name}")

    def set_splitter_state(self, name: str, value: QByteArray) -> None:
        self._settings.setValue(f"window/splitter_{name}", value)

    # -- stores and agreements -----------------------------------------------------------------

    @property
    def recent_stores(self) -> list[str]:
        value = self._settings.value("stores/recent", [])
        if isinstance(value, str):
            value = [value]  # ini files give a lone item back as a plain string
        if not isinstance(value, list):
            return []
        return [str(v) for v in value if str(v)][:MAX_RECENT_STORES]

    def add_recent_store(self, location: str) -> None:
        """Most recent first, no duplicates, at most eight."""
        if "://" not in location:
            location = str(Path(location).expanduser())
        stores = [location, *(s for s in self.recent_stores if s != location)]
        self._settings.setValue("stores/recent", stores[:MAX_RECENT_STORES])

    def last_agreement(self, store: str) -> str | None:
        """The agreement that was on screen when this store was last closed."""
        value = self._settings.value(f"agreements/{_key(store)}")
        return str(value) if value else None

    def set_last_agreement(self, store: str, ref: str | None) -> None:
        self._settings.setValue(f"agreements/{_key(store)}", ref or "")

    # -- preferences ---------------------------------------------------------------------------

    @property
    def presentation_scale(self) -> float:
        """How much larger text is in presentation mode (1.2–2.5)."""
        value = self._float("preferences/presentation_scale", DEFAULT_PRESENTATION_SCALE)
        return min(max(value, 1.2), 2.5)

    @presentation_scale.setter
    def presentation_scale(self, value: float) -> None:
        self._settings.setValue("preferences/presentation_scale", float(value))

    @property
    def last_folder(self) -> str:
        """Where file dialogs open: the folder of the last workbook, PDF or identity used,
        else the documents folder."""
        value = self._settings.value("preferences/last_folder", "")
        if value and Path(str(value)).is_dir():
            return str(value)
        return documents_folder()  # at first, and when that folder has gone

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._settings.setValue("preferences/last_folder", value)

    @property
    def identity_file(self) -> str:
        """The PKCS#12 file last used to sign (its path only; never its passphrase)."""
        value = self._settings.value("signing/identity_file", "")
        return str(value) if value else ""

    @identity_file.setter
    def identity_file(self, value: str) -> None:
        self._settings.setValue("signing/identity_file", value)

    # -- conversions ---------------------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _int(self, key: str, default: int) -> int:
        try:
            return int(str(self._settings.value(key, default)))
        except ValueError:
            return default

    def _float(self, key: str, default: float) -> float:
        try:
            return float(str(self._settings.value(key, default)))
        except ValueError:
            return default


def _key(store: str) -> str:
    # QSettings keys cannot hold '/' or '\\' usefully; a store path is made into one segment.
    return store.replace("\\", "|").replace("/", "|")

"""Writes packaging/windows/version_info.txt (PyInstaller's Windows version resource)
from the package metadata, so the version lives in one place (pyproject.toml)."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

TEMPLATE = """VSVersionInfo(
  ffi=FixedFileInfo(filevers={tup}, prodvers={tup}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080904B0', [
      StringStruct('CompanyName', 'LPSA Desk'),
      StringStruct('FileDescription', 'LPSA Desk'),
      StringStruct('FileVersion', '{text}'),
      StringStruct('ProductName', 'LPSA Desk'),
      StringStruct('ProductVersion', '{text}')])]),
    VarFileInfo([VarStruct('Translation', [2057, 1200])])
  ]
)
"""


def main() -> None:
    text = version("lpsa-desk")
    numbers = [int(p) for p in text.split("+")[0].split(".")[:4] if p.isdigit()]
    tup = tuple(numbers + [0] * (4 - len(numbers)))
    out = Path(__file__).with_name("version_info.txt")
    out.write_text(TEMPLATE.format(tup=tup, text=text), encoding="utf-8")


if __name__ == "__main__":
    main()

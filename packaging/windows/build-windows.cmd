@echo off
rem Builds dist\lpsa-desk\ (lpsa.exe and lpsa-desktop.exe) and, if Inno Setup 6 is
rem installed, dist\LPSA-Desk-setup.exe. Run from a "Developer" prompt with Python 3.11+.
setlocal
cd /d "%~dp0\..\.."
if not exist .venv\Scripts\python.exe py -3 -m venv .venv || exit /b 1
.venv\Scripts\python -m pip install --quiet -e ".[dev]" "pyinstaller>=6.5,<7" || exit /b 1
.venv\Scripts\python packaging\windows\write_version_info.py || exit /b 1
.venv\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build packaging\lpsa.spec || exit /b 1
where iscc >nul 2>nul && iscc packaging\windows\lpsa-desk.iss

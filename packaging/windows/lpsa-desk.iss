; Inno Setup 6 script: an installer for the one-folder bundle in dist\lpsa-desk.
; Built by packaging\windows\build-windows.cmd when iscc is on PATH. Not tried here (Linux).
#define AppVersion GetVersionNumbersString("..\..\dist\lpsa-desk\lpsa-desktop.exe")

[Setup]
AppId={{8B2D7C59-1F0A-4E58-9E0C-4B1F9C5D2A61}
AppName=LPSA Desk
AppVersion={#AppVersion}
AppPublisher=LPSA Desk
DefaultDirName={autopf}\LPSA Desk
DefaultGroupName=LPSA Desk
OutputDir=..\..\dist
OutputBaseFilename=LPSA-Desk-setup
SetupIconFile=..\icons\lpsa-desk.ico
Compression=lzma2
SolidCompression=yes
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern

[Files]
Source: "..\..\dist\lpsa-desk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\LPSA Desk"; Filename: "{app}\lpsa-desktop.exe"
Name: "{autodesktop}\LPSA Desk"; Filename: "{app}\lpsa-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: desktopicon; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\lpsa-desktop.exe"; Description: "Start LPSA Desk"; Flags: nowait postinstall skipifsilent

; Inno Setup 6 script: an installer for the folder that `py dev.py package` builds on Windows.
;
;   iscc packaging\windows\kpidesk.iss            (run in the checkout, after the build)
;
; It writes dist\kpidesk-<version>-windows-setup.exe. The installer copies dist\kpidesk to
; Program Files (or, installed without administrator rights, to the user's programs folder),
; adds kpidesk to the Start menu, and registers the plan file type:
;
; - a ProgID "kpidesk.plan" ("kpidesk plan", the plan icon, opened by kpidesk.exe "%1");
; - kpidesk under "Open with" for every .toml file (.toml\OpenWithProgids), which never
;   changes the program a .toml opens with. Explorer goes by the last extension only, so a
;   plan named budget.kpi.toml is a .toml file to Windows;
; - the task "Open .toml files with kpidesk" makes kpidesk the program for .toml files: it is
;   ticked only where no program has claimed .toml yet, so an editor the planner already
;   uses keeps them (Windows 10 and 11 also ask once which program to use).
;
; Everything is removed again by the uninstaller. The same registry entries by hand, for a
; bundle unpacked without this installer, are in README.md ("Install", Windows).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppId "io.github.kpidesk.kpidesk"
#define ProgId "kpidesk.plan"
#define Bundle "..\..\dist\kpidesk"

[Setup]
; the AppId in braces is Inno Setup's own key for upgrades and uninstalling (not a GUID by choice:
; the same reverse-DNS id the Linux and macOS files use)
AppId={{#AppId}
AppName=kpidesk
AppVersion={#AppVersion}
AppPublisher=kpidesk developers
AppComments=A desktop planner for KGI/KPI trees
DefaultDirName={autopf}\kpidesk
DefaultGroupName=kpidesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=kpidesk-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\kpidesk.ico
UninstallDisplayIcon={app}\kpidesk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
; one choice, shown ticked or not: ticked only where no program has claimed .toml yet
Name: "tomlfree"; Description: "Open .toml files with kpidesk"; GroupDescription: "File types:"; Check: TomlIsUnclaimed
Name: "tomltaken"; Description: "Open .toml files with kpidesk"; GroupDescription: "File types:"; Flags: unchecked; Check: not TomlIsUnclaimed

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\resources\icons\kpidesk-plan.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\kpidesk"; Filename: "{app}\kpidesk.exe"
Name: "{autodesktop}\kpidesk"; Filename: "{app}\kpidesk.exe"; Tasks: desktopicon

[Registry]
; HKA: HKLM for an installation for all users, HKCU for one without administrator rights
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "kpidesk plan"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\kpidesk-plan.ico"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\kpidesk.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.toml\OpenWithProgids"; ValueType: none; ValueName: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.toml"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: tomlfree or tomltaken
Root: HKA; Subkey: "Software\Classes\Applications\kpidesk.exe\SupportedTypes"; ValueType: string; ValueName: ".toml"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\kpidesk.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "kpidesk"

[Run]
Filename: "{app}\kpidesk.exe"; Description: "{cm:LaunchProgram,kpidesk}"; Flags: nowait postinstall skipifsilent

[Code]
{ True where no program is registered for .toml yet (neither for this user nor for the machine). }
function TomlIsUnclaimed(): Boolean;
var
  Owner: String;
begin
  Result := not (RegQueryStringValue(HKCU, 'Software\Classes\.toml', '', Owner) and (Owner <> ''))
    and not (RegQueryStringValue(HKLM, 'Software\Classes\.toml', '', Owner) and (Owner <> ''));
end;

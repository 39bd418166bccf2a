; Inno Setup 6 script: a per-user install of the one-folder app, no administrator rights.
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\payt-onboarding packaging\windows\payt-onboarding.iss
; Installs to %LOCALAPPDATA%\Programs\Payt onboarding, a Start-menu entry (the wizard, no
; console), an optional desktop shortcut, and an uninstaller (Settings > Apps). The user's
; profiles, keyring entries and logs are not touched by an uninstall.
; Written for GitHub's windows runner (.github/workflows/release.yml); not built on Linux.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\payt-onboarding"
#endif

[Setup]
; Tell running programs that PATH changed (the addtopath task).
ChangesEnvironment=yes
AppId={{6F3B2C1E-5D0A-4C8B-9E47-2A1D8F0B7C63}
AppName=Payt onboarding
AppVersion={#AppVersion}
AppPublisher=Payt
AppVerName=Payt onboarding {#AppVersion}
DefaultDirName={autopf}\Payt onboarding
DefaultGroupName=Payt onboarding
DisableProgramGroupPage=yes
; Per user: no UAC prompt; {autopf} becomes %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=payt-onboarding-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\payt-onboarding.ico
UninstallDisplayIcon={app}\payt-onboarding-wizard.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
; So that `payt-onboarding check ...` works in a new PowerShell or cmd window.
Name: "addtopath"; Description: "Add payt-onboarding to PATH (command line)"; GroupDescription: "{cm:AdditionalIcons}"

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NotOnPath(ExpandConstant('{app}'))

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Payt onboarding"; Filename: "{app}\payt-onboarding-wizard.exe"
Name: "{autodesktop}\Payt onboarding"; Filename: "{app}\payt-onboarding-wizard.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\payt-onboarding-wizard.exe"; Description: "{cm:LaunchProgram,Payt onboarding}"; Flags: nowait postinstall skipifsilent

[Code]
// True when the user's PATH does not hold the folder yet (a reinstall adds it only once).
function NotOnPath(Folder: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Current) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Folder) + ';', ';' + Uppercase(Current) + ';') = 0;
end;

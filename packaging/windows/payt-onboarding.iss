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

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Payt onboarding"; Filename: "{app}\payt-onboarding-wizard.exe"
Name: "{autodesktop}\Payt onboarding"; Filename: "{app}\payt-onboarding-wizard.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\payt-onboarding-wizard.exe"; Description: "{cm:LaunchProgram,Payt onboarding}"; Flags: nowait postinstall skipifsilent

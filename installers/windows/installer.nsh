; Bala per-machine installer additions (included by electron-builder's NSIS script).
;
; The administrator hands an agency the setup file together with that workstation's
; .balaprofile. Any .balaprofile lying next to the setup file is copied to the machine-wide
; profiles folder, where the workstation's first-run screen finds it (src-main/activation/
; profileSearch.ts: %ProgramData%\Bala\profiles).

!macro customInstall
  SetShellVarContext all
  CreateDirectory "$APPDATA\Bala\profiles"
  ClearErrors
  FindFirst $0 $1 "$EXEDIR\*.balaprofile"
  loop:
    IfErrors done
    CopyFiles /SILENT "$EXEDIR\$1" "$APPDATA\Bala\profiles\$1"
    ClearErrors
    FindNext $0 $1
    Goto loop
  done:
  FindClose $0
!macroend

!macro customUnInstall
  ; Registry data must never be lost by uninstalling: the operators' data folder
  ; (%APPDATA%\Bala of each user) and the profiles folder are left where they are.
!macroend

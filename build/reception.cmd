@echo off
rem reception.cmd - the reception CLI on an installed desk (no Node needed): runs the app's exe with --cli.
rem A batch file waits for the app and passes its exit code on, which an interactive prompt would not.
"%~dp0Tiep don CCCD.exe" --cli %*
exit /b %ERRORLEVEL%

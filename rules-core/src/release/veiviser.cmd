@echo off
rem Veiviser. Without arguments: the workbench in your browser, on the guides in this folder.
rem With arguments: the command-line tool, e.g. "veiviser guides". Needs Java 17 or newer.
setlocal
set "HERE=%~dp0"
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" -version >nul 2>nul
if errorlevel 1 (
  echo veiviser: fant ikke Java. Installer Java 17 eller nyere og prov igjen. / Java was not found: install Java 17 or newer.
  pause
  exit /b 2
)
if "%~1"=="" (
  "%JAVA%" -jar "%HERE%veiviser.jar" serve --edit --open "%HERE%guides"
  pause
  exit /b %ERRORLEVEL%
)
"%JAVA%" -jar "%HERE%veiviser.jar" %*

#!/bin/sh
# Veiviser. Without arguments: the workbench in your browser, on the guides in this folder (Ctrl+C stops it).
# With arguments: the command-line tool, e.g. "./veiviser guides" or "./veiviser help". Needs Java 17 or newer.
# Standard input closed (<&-): java would find one of its own files on descriptor 0 and read it as a case for '-'.
# Tell it, and give it /dev/null, so that '-' is refused with a message while other commands run as usual.
stdin_closed=
if ! { true 3<&0; } 2>/dev/null; then
  stdin_closed=-Dveiviser.stdin=closed
  exec 0</dev/null
fi
here=$(cd "$(dirname "$0")" && pwd)
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java="$JAVA_HOME/bin/java"
else
  java=java
fi
if ! command -v "$java" >/dev/null 2>&1; then
  echo "veiviser: fant ikke Java. Installer Java 17 eller nyere (for eksempel Eclipse Temurin 17) og prøv igjen." >&2
  echo "veiviser: Java was not found. Install Java 17 or newer and try again." >&2
  exit 2
fi
major=$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
if [ -n "$major" ] && [ "$major" -lt 17 ] 2>/dev/null; then
  echo "veiviser: trenger Java 17 eller nyere, fant Java $major. / needs Java 17 or newer, found Java $major." >&2
  exit 2
fi
if [ $# -eq 0 ]; then
  set -- serve --edit --open "$here/guides"
fi
exec "$java" ${stdin_closed:+"$stdin_closed"} -jar "$here/veiviser.jar" "$@"

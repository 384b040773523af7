# Sourced (or copied) at the start of every launchc launcher: what the JVM cannot handle itself.
# A closed standard stream would become the first file the JVM opens (its own lib/modules), which
# launchc would then read as stdin or write its report into: give it /dev/null instead. /proc
# tells; sh's own test of a descriptor (: <&0) succeeds on a closed one.
if [ -d /proc/$$/fd ]; then
  [ -e /proc/$$/fd/0 ] || exec 0</dev/null
  [ -e /proc/$$/fd/1 ] || exec 1>/dev/null
  [ -e /proc/$$/fd/2 ] || exec 2>/dev/null
fi
# The JVM cannot start in a deleted working directory (and prints its own error on stdout).
if ! pwd -P >/dev/null 2>&1 || [ ! -d "$(pwd -P 2>/dev/null)" ]; then
  echo "launchc: the working directory no longer exists; cd to one that does" >&2
  exit 2
fi

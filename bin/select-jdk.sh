# Sourced by bin/qi and .ci/run: points JAVA_HOME at a JDK >= 21 (the project compiles for release 21).
# Honours an existing JAVA_HOME when it is new enough; otherwise looks in the usual install folders.
_qi_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}
_qi_ok() { [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(_qi_java_major "$1")" -ge 21 ] 2>/dev/null; }
if [ -z "${JAVA_HOME:-}" ] || ! _qi_ok "$JAVA_HOME"; then
  _qi_found=""
  for _qi_dir in /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/temurin-2[1-9]-jdk-* /usr/lib/jvm/java-2[1-9]-openjdk-* \
                 /usr/lib/jvm/jdk-2[1-9]* /opt/java/openjdk /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if [ -d "$_qi_dir" ] && _qi_ok "$_qi_dir"; then _qi_found="$_qi_dir"; break; fi
  done
  if [ -z "$_qi_found" ]; then
    echo "qi: no JDK 21 or newer found; install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME" >&2
    return 1 2>/dev/null || exit 1
  fi
  export JAVA_HOME="$_qi_found"
fi
export PATH="$JAVA_HOME/bin:$PATH"
unset _qi_dir _qi_found

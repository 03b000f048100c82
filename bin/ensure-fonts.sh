# Sourced by bin/qi and .ci/run. The PDFs embed DejaVu from jasperreports-fonts, but Java's font subsystem
# still needs fontconfig and at least one system font; install them on Debian/Ubuntu when running as root.
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list 2>/dev/null | head -n 1)" ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "qi: installing fontconfig and fonts-dejavu-core (needed to render PDFs)" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fontconfig fonts-dejavu-core) >/dev/null
  else
    echo "qi: warning: PDF rendering needs fontconfig and a font package (e.g. fonts-dejavu-core)" >&2
  fi
fi

#!/bin/sh
# Checks the system libraries Wegwijzer needs and installs them where we may (root on Debian).
#   sysdeps.sh app   - WeasyPrint's Pango/HarfBuzz and fonts (for `make run`)
#   sysdeps.sh test  - the above plus Debian's Chromium for the browser tests (for `make test`)
#   sysdeps.sh node  - Node.js and npm, to install axe-core for the accessibility tests
set -eu

want="${1:-app}"
missing=""

have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }

have_lib "libpango-1.0.so" || missing="$missing libpango-1.0-0"
have_lib "libpangoft2-1.0.so" || missing="$missing libpangoft2-1.0-0"
have_lib "libharfbuzz-subset.so" || missing="$missing libharfbuzz-subset0"
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
if [ "$want" = "node" ]; then
    missing=""
    command -v npm >/dev/null 2>&1 || missing=" nodejs npm"
elif [ "$want" = "test" ]; then
    [ -x /usr/bin/chromium ] || missing="$missing chromium"
    command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
fi

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Systeempakketten installeren:$missing"
    apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
    exit 0
fi

echo "Wegwijzer mist systeempakketten:$missing" >&2
echo "Installeer ze als beheerder, op Debian/Ubuntu met:" >&2
echo "  sudo apt-get install$missing" >&2
exit 1

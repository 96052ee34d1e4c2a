#!/bin/sh
# Make sure the Debian/Ubuntu packages sop-jdih needs are present.
# As root, missing ones are installed with apt-get; otherwise one message says what to install.
set -eu

missing=""
command -v dot >/dev/null 2>&1 || missing="$missing graphviz"
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
if command -v python3 >/dev/null 2>&1 && ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
  missing="$missing python3-venv"
fi
for extra in "$@"; do  # extra "command=package" pairs, e.g. chromium=chromium
  # SOP_JDIH_CHROMIUM names another Chromium-based browser for the browser tests (GitHub's runners have Google
  # Chrome): when it is an executable file, Chromium counts as present.
  if [ "${extra%%=*}" = chromium ] && [ -f "${SOP_JDIH_CHROMIUM:-}" ] && [ -x "${SOP_JDIH_CHROMIUM:-}" ]; then
    continue
  fi
  command -v "${extra%%=*}" >/dev/null 2>&1 || missing="$missing ${extra#*=}"
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Memasang paket sistem:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086  # one word per package
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  exit 0
fi

echo "Paket sistem belum terpasang:$missing" >&2
echo "Pasang dulu dengan: sudo apt-get install$missing   (lalu ulangi perintah make)" >&2
exit 1

#!/usr/bin/env bash
# browser.sh - the headless browser the status page's tests drive.
#
# Usage: scripts/browser.sh install   apt-get install Debian's chromium if it
#                                     is missing (no-op otherwise), as root
#        scripts/browser.sh path      print the browser's path (exit 1 if none)
#
# The tests (tests/status_page.rs) find the browser through $SECDESK_BROWSER,
# which scripts/test.sh sets from `path`; without it they say SKIPPED.
set -euo pipefail

BROWSER=/usr/bin/chromium

log() { printf 'browser: %s\n' "$*" >&2; }

install() {
  if [[ -x $BROWSER ]]; then
    log "already installed: $($BROWSER --version 2>/dev/null || echo "$BROWSER")"
    return 0
  fi
  [[ $(id -u) == 0 ]] || { log "install needs root"; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  local apt=(apt-get -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold
    install --no-install-recommends --no-upgrade chromium)
  # a fresh Debian has no package lists; old ones give 404s: update and retry once
  if ! "${apt[@]}"; then
    log "install failed - refreshing the package lists and trying once more"
    apt-get update -q
    "${apt[@]}"
  fi
  log "installed: $($BROWSER --version 2>/dev/null || echo "$BROWSER")"
}

case ${1:-} in
  install) install ;;
  path) [[ -x $BROWSER ]] && echo "$BROWSER" ;;
  *) echo "usage: $0 install|path" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# ensure-chromium.sh — make sure headless Chromium and its WebDriver (chromedriver) are installed,
# and print their paths as the last two lines of stdout (browser, then driver; messages on stderr).
#
# The browser tests (query-service's ui/WorkbenchBrowserTest, devstack's WorkbenchIngestTest; see
# query-service's README "Workbench"; found through test-support's Chromium) drive the web
# interface with Selenium through Debian's own packages `chromium` and `chromium-driver`. When
# either is missing this script installs both with apt-get (as root, or through sudo when it is
# there without a password); it never touches a browser that is already installed.
#
# Order: $CHROMIUM_BINARY / $CHROMEDRIVER (both set and executable) → `chromium` and
# `chromedriver` on PATH → apt-get install. Exit status 0 with the paths printed, or non-zero
# with the reason on stderr.
set -euo pipefail

log() { echo "ensure-chromium: $*" >&2; }

found() {
  if [ -n "${CHROMIUM_BINARY:-}" ] && [ -x "${CHROMIUM_BINARY}" ] \
      && [ -n "${CHROMEDRIVER:-}" ] && [ -x "${CHROMEDRIVER}" ]; then
    echo "$CHROMIUM_BINARY"; echo "$CHROMEDRIVER"; return 0
  fi
  local browser driver
  browser=$(command -v chromium 2>/dev/null || true)
  driver=$(command -v chromedriver 2>/dev/null || true)
  if [ -n "$browser" ] && [ -n "$driver" ]; then
    echo "$browser"; echo "$driver"; return 0
  fi
  return 1
}

if found; then exit 0; fi

SUDO=
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    log "chromium/chromedriver missing and not root (no password-less sudo): apt-get install chromium chromium-driver"
    exit 1
  fi
fi
command -v apt-get >/dev/null 2>&1 || { log "no apt-get here: install chromium and chromedriver, or set CHROMIUM_BINARY and CHROMEDRIVER"; exit 1; }

log "installing Debian's chromium and chromium-driver with apt-get"
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver >&2; then
  log "apt-get install failed; updating the package lists and trying again"
  $SUDO apt-get update -q >&2
  $SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver >&2
fi
found || { log "installed, but chromium or chromedriver is still not on PATH"; exit 1; }

#!/bin/sh
# Install what dyad needs to build and test on Debian (run as root, or with sudo).
# Idempotent: packages already present are left alone.
set -e
PKGS="build-essential pkg-config libsqlite3-dev libutf8proc-dev libjansson-dev zlib1g-dev libxml2-dev sqlite3 wordnet-base iso-codes libmicrohttpd-dev"
# --test: also what only the tests and benchmarks use (heavy, so not for a
# plain build): Chromium for the dashboard test, Node to drive it over the
# DevTools protocol, wrk for the API load test in `make bench`.
[ "${1:-}" = "--test" ] && PKGS="$PKGS chromium nodejs wrk"
missing=""
for p in $PKGS; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
echo "setup: installing$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null

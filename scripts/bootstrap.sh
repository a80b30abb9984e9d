#!/usr/bin/env bash
# Installs every Debian 12 package mamori needs to build, test and benchmark.
# Run as root on a fresh Debian 12 (bookworm). Safe to run again.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  clang-14 libclang-rt-14-dev llvm-14
  libsqlite3-dev sqlite3
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev
  libspdlog-dev libfmt-dev libexpected-dev
  libicu-dev libzip-dev libexpat1-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libsodium-dev
  python3 time
  # mamori serve (issue 3): HTTP on Boost.Beast, TLS, TOTP, LDAP, QR codes, templates
  libboost1.81-dev libssl-dev openssl liboath-dev libldap-dev libqrencode-dev libkainjow-mustache-dev
  # tests of the web application: a real LDAP server, headless Chromium with Japanese fonts, load
  slapd ldap-utils chromium fonts-noto-cjk wrk curl
  # net watch (issue 4): a real NetFlow exporter for the end-to-end test, nfcapd/nfdump as the benchmark's peer
  softflowd nfdump
  # mail 無害化 (issue 5): GMime 3, libmilter; Postfix for the milter's end-to-end test
  libgmime-3.0-dev libmilter-dev postfix
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "bootstrap: these packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # Postfix asks what kind of mail server this is; the tests run their own instance.
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
echo "bootstrap: all ${#packages[@]} packages present"

# Front-end assets (htmx, Pico CSS) and playwright-core come from the npm registry,
# installed from web/package-lock.json; Node.js and npm from Debian when absent.
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "bootstrap: npm is missing and installing it needs root" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs npm
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -f "$root/web/node_modules/.package-lock.json" ] ||
   [ "$root/web/package-lock.json" -nt "$root/web/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$root/web" --no-audit --no-fund --loglevel=error
fi
echo "bootstrap: front-end packages installed from web/package-lock.json"

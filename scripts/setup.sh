#!/usr/bin/env bash
# Prepares a fresh machine: Debian packages (when root), Node 22, npm ci, build. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(libpcsclite-dev pcscd vsmartcard-vpcd chromium socat iproute2 poppler-utils)
missing=()
if command -v dpkg-query >/dev/null; then
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[setup] installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "[setup] missing Debian packages (install them as root for the card-reader and browser tests): ${missing[*]}" >&2
  fi
fi

source scripts/env.sh
node scripts/node-guard.cjs
echo "[setup] node $(node -v), npm $(npm -v 2>/dev/null)"

stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "[setup] npm ci"
  npm ci --no-audit --no-fund
fi
echo "[setup] building (electron-vite build)"
npx electron-vite build >/dev/null
echo "[setup] ready"

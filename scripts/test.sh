#!/usr/bin/env bash
# Runs every test: unit, integration (real SQLite, real pcscd + virtual chip, local HIS server) and
# browser e2e (Debian Chromium). Sets up first when needed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
if [ ! -d node_modules ] || [ ! -f out/renderer/index.html ]; then bash scripts/setup.sh; fi
npx vitest run "$@"
